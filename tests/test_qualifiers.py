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


@pytest.mark.parametrize(("before", "text", "qualifier", "vi", "en"), [
    ("kết nạp được ", "5.000", "more_than", "trên 5.000", "over 5,000"),  # no word written: the label's
    ("kết nạp được hơn ", "5.000", "more_than", "hơn 5.000", "over 5,000"),
    ("đạt trên ", "95%", "more_than", "trên 95%", "over 95%"),
    ("phấn đấu ít nhất ", "800", "at_least", "ít nhất 800", "at least 800"),
    ("gần ", "6.000", "about", "gần 6.000", "about 6,000"),
    ("hằng năm từ ", "98%", "at_least", "từ 98% trở lên", "at least 98%"),  # "từ" needs its "trở lên"
    ("hơn ", "5.000", "at_least", "từ 5.000 trở lên", "at least 5,000"),  # a word of another sense is not taken
])
def test_the_articles_own_qualifier_word_stays_in_vietnamese(before, text, qualifier, vi, en):
    from khoi_report.wording import qualified

    assert qualified(text, qualifier, "vi", before) == vi
    assert qualified(text.replace(".", ","), qualifier, "en", before) == en
