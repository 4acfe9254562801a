"""Qualifiers in place: a figure the article qualifies reads as the language writes it, in both
formats — "từ 3% trở lên" (not "từ … trở lên 3%"), "at least 3%" in English."""

import pytest
from typer.testing import CliRunner

from khoi_report.cli import app

from .conftest import SAMPLES, docx_text, needs, pdf_text

runner = CliRunner()


@pytest.fixture(scope="module", params=["vi", "en"])
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"qualifiers-{request.param}")
    (folder / "in").mkdir()
    (folder / "in" / "001.txt").write_bytes((SAMPLES / "001_03e8ab6feff05417.txt").read_bytes())
    result = runner.invoke(app, ["build", "-i", str(folder / "in"), "-o", str(folder / "out"), "-f", "all",
                                 "--lang", request.param])
    assert result.exit_code == 0, result.output
    return request.param, folder / "out"


@needs("pdftotext")
def test_the_qualifier_stands_in_its_place_in_both_formats(built):
    lang, out = built
    for text in (pdf_text(out / "brief.pdf"), " ".join(docx_text(out / "brief.docx").split())):
        if lang == "vi":
            assert "từ 3% trở lên" in text and "từ … trở lên" not in text
        else:
            assert "at least 3%" in text and "at least at least" not in text
