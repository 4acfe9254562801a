"""An installed khoi-report works outside the repository: the wheel carries templates and data."""

import subprocess
import sys
import zipfile

from .conftest import ROOT


def test_wheel_carries_templates_fonts_data_and_samples(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("khoi_report-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("khoi_report/templates/default/brief.html.j2", "khoi_report/templates/default/base.html.j2",
                     "khoi_report/templates/default/brief.docx", "khoi_report/templates/default/brief.css",
                     "khoi_report/templates/default/partials/bloc.html.j2", "khoi_report/templates/default/fonts/NotoSerif-Regular.ttf",
                     "khoi_report/data/indicators.toml", "khoi_report/data/gazetteer.toml",
                     "khoi_report/data/labels.toml", "khoi_report/samples/001_03e8ab6feff05417.txt",
                     "khoi_report/templates/default/preset.toml", "khoi_report/render/pdf.py",
                     "khoi_report/extraction/observations.py"):
        assert required in names, required
    assert any(n.endswith("entry_points.txt") for n in names)
