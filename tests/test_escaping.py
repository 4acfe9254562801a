"""Escaping done once: `& < > " '` in the title, the organisation and an article read back as
typed wherever they appear in both formats — the PDF's text, running header, bookmarks and
metadata; the DOCX's body, header and core properties — never as '&amp;' or '&#34;'."""

import subprocess

import pytest
from docx import Document
from typer.testing import CliRunner

from khoi_report.cli import app

from .conftest import SAMPLES, docx_text, needs, pdf_text

runner = CliRunner()
TITLE = """Báo cáo A & B <i>x</i> "trích" 'đơn'"""
ORGANISATION = """Ban Tổ chức & <Văn phòng> "X" 'Y'"""
ARTICLE_TITLE = """Khối các cơ quan & <doanh nghiệp> "đại hội" 'mới'"""
ENTITIES = ("&amp;", "&lt;", "&gt;", "&#34;", "&#39;", "&quot;")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("escaping")
    (folder / "in").mkdir()
    lines = (SAMPLES / "001_03e8ab6feff05417.txt").read_text("utf-8").splitlines()
    lines[3] = ARTICLE_TITLE  # the article's headline, shown in the sources list
    (folder / "in" / "001.txt").write_text("\n".join(lines) + "\n", "utf-8")
    result = runner.invoke(app, ["build", "-i", str(folder / "in"), "-o", str(folder / "out"), "-f", "all",
                                 "--title", TITLE, "--organisation", ORGANISATION])
    assert result.exit_code == 0, result.output
    return folder / "out"


def _clean(text: str) -> None:
    for entity in ENTITIES:
        assert entity not in text, (entity, text[:300])


@needs("pdftotext")
def test_pdf_body_and_running_header_show_the_characters_once(built):
    text = pdf_text(built / "brief.pdf")
    _clean(text)
    assert TITLE in text and ORGANISATION.upper() in text.upper() and ARTICLE_TITLE in text
    second_page = pdf_text(built / "brief.pdf", layout=True).split("\f")[1]
    assert TITLE in second_page.splitlines()[0]  # the running header


@needs("pdfinfo")
def test_pdf_metadata_and_bookmarks_show_the_characters_once(built):
    info = subprocess.run(["pdfinfo", str(built / "brief.pdf")], capture_output=True, text=True, check=True).stdout
    assert f"Title:          {TITLE}" in info.replace("Title:           ", "Title:          ")
    assert ORGANISATION in info
    _clean(info)
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(built / "brief.pdf", "rb") as fh:
        outline = PdfFileReader(fh).root["/Outlines"]
        entry, titles = outline["/First"], []
        while True:
            titles.append(str(entry["/Title"]))
            if "/Next" not in entry:
                break
            entry = entry["/Next"]
    assert titles
    _clean(" ".join(titles))


def test_docx_body_header_and_core_properties_show_the_characters_once(built):
    document = Document(str(built / "brief.docx"))
    assert document.core_properties.title == TITLE and document.core_properties.author == ORGANISATION
    assert document.sections[0].header.paragraphs[0].text == TITLE
    text = docx_text(built / "brief.docx")
    _clean(text)
    assert TITLE in text and ORGANISATION in text and ARTICLE_TITLE in text
