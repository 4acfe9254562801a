"""The printed comparison: landscape pages, every figure and header word whole, fonts a reader has.

Read back the way a reader meets them: the PDF through poppler, the DOCX as LibreOffice lays it
out (converted to PDF), in both presets.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from .conftest import SAMPLES, app, libreoffice_pdf, needs, pdf_text, runner


def _comparison_words(context: dict) -> tuple[set[str], set[str]]:
    """The comparison table's figures (every cell, the national row's too) and its header words."""
    comparison = context["comparison"]
    missing = context["labels"]["not_reported"]
    rows = comparison["rows"] + [comparison["national"]]
    figures = {cell["text"] for row in rows for cell in row["cells"] if cell["text"] != missing}
    headers = {word for column in comparison["columns"] for word in column["short"].split()}
    return figures, headers


def _table_text(text: str, context: dict) -> str:
    """The comparison table's text: from the section's title (not the contents' entry) to the
    heading of the derived figures that follows the table."""
    folded = text.lower()  # a preset may print headings in capitals
    end = folded.index(context["labels"]["derived"].lower())
    return text[folded.rindex(context["comparison"]["title"].lower(), 0, end):end]


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[^\s()]+", text))


@pytest.fixture(scope="module", params=["default", "dang"])
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    out = folder / "out"
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(out), "-f", "all", "--preset", request.param])
    assert result.exit_code == 0, result.output
    context = json.loads(runner.invoke(app, ["context", "-i", str(SAMPLES), "--json"]).stdout)
    return request.param, out, folder, context


@needs("soffice")
def test_every_figure_and_header_word_of_the_comparison_comes_back_whole(built):
    preset, out, folder, context = built
    figures, headers = _comparison_words(context)
    assert len(figures) >= 10 and any("." in f for f in figures)  # thousands: the figures that used to break
    for name, text in (("PDF", pdf_text(out / "brief.pdf")),
                       ("DOCX in LibreOffice", pdf_text(libreoffice_pdf(out / "brief.docx", folder / "lo")))):
        table = _tokens(_table_text(text, context))
        table |= {t.rstrip("%*") for t in table}
        broken = sorted(f for f in figures if f not in table and f.rstrip("%") not in table)
        assert not broken, (preset, name, broken)
        split = sorted(w for w in headers if w not in table)
        assert not split, (preset, name, split)


def _page_sizes(pdf) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True)
    return [tuple(map(float, m)) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)]


@needs("pdfinfo")
def test_the_comparison_is_on_landscape_pages_and_the_rest_portrait(built):
    preset, out, _, context = built
    pages = pdf_text(out / "brief.pdf", layout=True).split("\f")
    sizes = _page_sizes(out / "brief.pdf")
    title = context["comparison"]["title"]
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert landscape and title.lower() in pages[landscape[0]].lower(), (preset, landscape)
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] < sizes[-1][1]  # first and last pages portrait
    document = Document(str(out / "brief.docx"))
    orientations = [s.orientation for s in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[-1] == WD_ORIENT.PORTRAIT
    for section in document.sections:
        assert (section.page_width > section.page_height) == (section.orientation == WD_ORIENT.LANDSCAPE)


def test_the_docx_names_only_fonts_every_office_installation_has(built):
    preset, out, _, _ = built
    allowed = {"Times New Roman", "Arial", "Courier New"} if preset == "default" else {"Times New Roman", "Courier New"}
    with zipfile.ZipFile(out / "brief.docx") as archive:
        xml = archive.read("word/styles.xml").decode() + archive.read("word/document.xml").decode()
    fonts = " ".join(re.findall(r"<w:rFonts [^>]*>", xml))
    named = set(re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"', fonts))
    assert named and named <= allowed, (preset, named - allowed)
    assert "Theme=" not in fonts and "cstheme=" not in fonts  # no font left to Word's theme
