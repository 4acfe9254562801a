"""Charts and maps follow the templates in effect (`charts.toml`), in both formats."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PIL import Image

from .conftest import SAMPLES, assert_one_line_error, build_with_templates, needs, pdf_text

GREEN = (0, 255, 0)


def _has_colour(png: bytes, colour: tuple[int, int, int], tolerance: int = 8) -> bool:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return any(all(abs(a - b) <= tolerance for a, b in zip(pixel, colour)) for _, pixel in image.getcolors(1 << 24))


def _chart_pngs(docx: Path) -> list[bytes]:
    with zipfile.ZipFile(docx) as archive:
        return [archive.read(n) for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png")]


@needs("pdftoppm")
def test_a_templates_folder_changes_the_charts_colour_in_both_formats(tmp_path):
    result, out = build_with_templates(tmp_path, {"charts.toml": 'bar = "#00ff00"\n'}, formats="all")
    assert result.exit_code == 0, result.output
    assert any(_has_colour(png, GREEN) for png in _chart_pngs(out / "brief.docx"))
    # the PDF's charts are vector: rasterise the charts' pages and look for the colour
    pages = pdf_text(out / "brief.pdf", layout=True).split("\f")
    charts = [i + 1 for i, page in enumerate(pages) if "theo đảng bộ khối" in page]
    assert charts
    png = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(charts[0]), "-l", str(charts[0]),
                          str(out / "brief.pdf")], capture_output=True, check=True).stdout
    assert _has_colour(png, GREEN)


def test_the_default_charts_keep_the_briefs_accent(tmp_path):
    result, out = build_with_templates(tmp_path, {}, formats="docx")
    assert result.exit_code == 0, result.output
    pngs = _chart_pngs(out / "brief.docx")
    assert pngs and not any(_has_colour(png, GREEN) for png in pngs)
    assert any(_has_colour(png, (0x8B, 0x1A, 0x1A), tolerance=12) for png in pngs)


def test_a_bad_charts_file_is_a_one_line_error_naming_it(tmp_path):
    result, _ = build_with_templates(tmp_path, {"charts.toml": 'colour = "#00ff00"\n'})
    assert_one_line_error(result, "charts.toml", "colour")
    result, _ = build_with_templates(tmp_path / "b", {"charts.toml": 'font = "../../etc/x.ttf"\n'})
    assert_one_line_error(result, "charts.toml", "outside")


def test_a_rebuild_takes_its_pictures_from_the_cache_without_matplotlib(tmp_path):
    """The first build draws the charts and keeps them by content; the next, in a fresh process,
    neither draws nor imports matplotlib, and writes the same brief."""
    script = ("import sys, datetime as dt; from khoi_report import build; from khoi_report.settings import Settings; "
              f"build(Settings(inputs={str(SAMPLES)!r}, out=sys.argv[1], formats=('pdf', 'docx')), "
              "today=dt.date(2026, 11, 30), force=True); print('matplotlib' in sys.modules)")
    env = {**os.environ, "KHOI_REPORT_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], env=env, capture_output=True,
                           text=True, check=True).stdout.split()[-1] for name in ("first", "second")]
    assert runs == ["True", "False"]
    assert list((tmp_path / "cache" / "pictures").glob("*.svg")) and list((tmp_path / "cache" / "pictures").glob("*.png"))
    for name in ("brief.pdf", "brief.docx"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()
