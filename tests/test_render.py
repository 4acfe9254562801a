"""The briefs as a reader gets them: WeasyPrint's PDF read back by poppler, the DOCX read by
python-docx and converted by LibreOffice."""

import datetime as dt
import subprocess

import pytest
from docx import Document

from khoi_report import build
from khoi_report.settings import Settings

from .conftest import SAMPLES, docx_text, libreoffice_pdf, needs, pdf_text

PROVINCES = ["An Giang", "Bình Dương", "Cần Thơ", "Nghệ An", "Thái Nguyên"]


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = build(Settings(inputs=SAMPLES, out=out, formats=("pdf", "docx")), today=dt.date(2026, 11, 23))
    return out, result


@needs("pdfinfo")
def test_the_pdf_is_tagged_for_screen_readers(briefs):
    info = subprocess.run(["pdfinfo", str(briefs[0] / "brief.pdf")], capture_output=True, text=True, check=True).stdout
    assert any(line.split() == ["Tagged:", "yes"] for line in info.splitlines()), info


@needs("pdftotext")
def test_pdf_gives_back_every_province_with_its_diacritics(briefs):
    text = pdf_text(briefs[0] / "brief.pdf")
    for province in PROVINCES:
        assert province in text
    assert "Đảng bộ Khối Dân chính Đảng thành phố Cần Thơ" in text


@needs("pdftotext")
def test_pdf_comparison_uses_vietnamese_number_formatting(briefs):
    text = pdf_text(briefs[0] / "brief.pdf")
    assert "5.356" in text and "97,67%" in text and "96,74%" in text
    assert "—" in text  # not reported


@needs("pdftotext")
def test_pdf_quotes_the_sentence_behind_each_figure(briefs):
    text = pdf_text(briefs[0] / "brief.pdf")
    assert "kết nạp 1.955 đảng viên, vượt chỉ tiêu 30,33%" in text
    assert "Kết quả nhiệm kỳ qua" in text and "Chỉ tiêu nhiệm kỳ mới" in text


@needs("pdffonts")
def test_pdf_embeds_its_fonts(briefs):
    fonts = subprocess.run(["pdffonts", str(briefs[0] / "brief.pdf")], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    assert any("Noto" in line for line in fonts)


@needs("pdfinfo")
def test_pdf_is_a4_with_metadata(briefs):
    info = subprocess.run(["pdfinfo", str(briefs[0] / "brief.pdf")], check=True, capture_output=True, text=True).stdout
    assert "A4" in info
    assert "Báo cáo so sánh" in info  # Title


def test_docx_has_a_heading_per_bloc_and_the_comparison_table(briefs):
    doc = Document(str(briefs[0] / "brief.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    for province in PROVINCES:
        assert any(h.endswith(province) for h in headings), headings
    table = doc.tables[0]
    assert table.rows[0].cells[0].text == "Đảng bộ khối"
    assert len(table.rows) == 1 + 3  # the 2020-2025 congresses: Cần Thơ's is of 2015, Bình Dương's of no known term
    assert len(table.columns) == 11  # the bloc, then the ten core indicators
    values = [c.text for row in table.rows for c in row.cells]
    assert "5.356" in values and "—" in values


@needs("soffice")
def test_libreoffice_opens_the_docx_and_keeps_every_bloc_heading(briefs, tmp_path):
    text = pdf_text(libreoffice_pdf(briefs[0] / "brief.docx", tmp_path))
    doc = Document(str(briefs[0] / "brief.docx"))
    for heading in (p.text for p in doc.paragraphs if p.style.name == "Heading 1"):
        assert heading in text


def test_manifest_lists_inputs_and_outputs(briefs):
    import hashlib
    import json

    out, _ = briefs
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    outputs = {o["file"]: o for o in manifest["outputs"]}
    for name in ("brief.pdf", "brief.docx"):
        assert outputs[name]["sha256"] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert len(manifest["inputs"]) == 5


@needs("pdftotext")
def test_article_text_is_shown_literally_in_both_formats(write_article, tmp_path):
    hostile = "<b>đậm</b> & {{ 7*7 }} {% for x in y %} </w:t></w:r>"
    write_article("a.txt", "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Lào Cai lần thứ V, nhiệm kỳ 2020-2025\n\n"
                           f"Đảng bộ có 1.234 đảng viên, {hostile} trong sạch.")
    result = build(Settings(inputs=write_article.folder, out=tmp_path / "out", formats=("pdf", "docx")))
    assert hostile in docx_text(tmp_path / "out" / "brief.docx")
    assert hostile in pdf_text(tmp_path / "out" / "brief.pdf")
    assert result.written


@needs("pdftotext")
def test_the_pdf_laid_out_in_its_worker_is_the_one_laid_out_here(large_context, tmp_path):
    from khoi_report.render import render_all, worker
    from khoi_report.render.formats import Job

    with worker(("pdf", "docx")) as aside:
        assert aside is not None
        both = render_all(large_context, ("pdf", "docx"), Job.of(), aside=aside)
    assert both["brief.pdf"] == render_all(large_context, ("pdf",), Job.of())["brief.pdf"]
    (tmp_path / "brief.pdf").write_bytes(both["brief.pdf"])
    text = pdf_text(tmp_path / "brief.pdf")
    assert all(bloc["name"].split()[-1] in text for bloc in large_context["blocs"])


def test_a_build_lays_out_its_pdf_in_another_process(tmp_path):
    """The build's own process never imports WeasyPrint: the PDF's worker does, while the build
    reads the articles (the samples' largest fixed cost)."""
    import sys

    script = ("import sys; from pathlib import Path; from khoi_report import build; from khoi_report.settings import Settings; "
              f"build(Settings(inputs=Path({str(SAMPLES)!r}), out=Path({str(tmp_path / 'out')!r}), formats=('pdf', 'docx'))); "
              "print('weasyprint' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False"]
    assert (tmp_path / "out" / "brief.pdf").read_bytes().startswith(b"%PDF")


def test_an_error_in_the_pdf_worker_is_one_line_naming_the_template(large_context, tmp_path):
    from khoi_report.errors import KhoiError
    from khoi_report.render import render_all, worker
    from khoi_report.render.formats import Job

    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "cover.html.j2").write_text("<section>\n<h1>{{ brief.titel }}</h1>\n</section>\n", "utf-8")
    with pytest.raises(KhoiError, match=r"cover\.html\.j2:2.*titel.*did you mean title") as error:
        with worker(("pdf",)) as aside:
            render_all(large_context, ("pdf", "docx"), Job.of(tmp_path), aside=aside)
    assert "\n" not in str(error.value)


def test_leaving_on_an_error_stops_the_worker_at_once():
    """An error here (a DOCX template's, say) does not wait for the PDF of a national brief: the
    command ends, and the worker's ten-minute task with it (the bound leaves a wide margin)."""
    import sys

    script = ("import time; from khoi_report.render import worker\n"
              "with worker(('pdf',)) as aside:\n"
              "    aside.submit(time.sleep, 600)\n"
              "    raise SystemExit('the DOCX failed')\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and run.stderr.strip() == "the DOCX failed"


@needs("pdftotext")
def test_a_low_confidence_figure_is_marked_in_both_formats(write_article, tmp_path, monkeypatch):
    """A figure whose rule is right less often than the table's threshold carries a mark and says why;
    here the threshold is raised above every confidence, so every figure is one."""
    from khoi_report.extraction import confidence as confidence_mod

    table = confidence_mod.load()
    monkeypatch.setattr(confidence_mod, "load", lambda: confidence_mod.Table(
        1.01, table.observation_default, table.metadata_default, table.observations, table.metadata))
    write_article("a.txt", "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Lào Cai lần thứ V, nhiệm kỳ 2020-2025\n\n"
                           "Đảng bộ có 1.234 đảng viên.")
    build(Settings(inputs=write_article.folder, out=tmp_path / "out", formats=("pdf", "docx")))
    assert "1.234† (độ tin cậy thấp)" in pdf_text(tmp_path / "out" / "brief.pdf").replace("\n", " ")
    assert "1.234† (độ tin cậy thấp)" in docx_text(tmp_path / "out" / "brief.docx")


@needs("pdftotext")
def test_figures_of_measured_rules_carry_no_mark(briefs):
    assert "†" not in pdf_text(briefs[0] / "brief.pdf")


def test_page_references_built_once_still_follow_every_page_added():
    """The speed-up of pydyf's page references (built once per page count) must never hand out a
    stale list: a tagged element or link on page N points at page N's object."""
    import pydyf

    from khoi_report.render.weasy import page_references_built_once

    page_references_built_once()
    page_references_built_once()  # twice is once
    pdf = pydyf.PDF()
    seen = []
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        seen.append(pdf.page_references)
    assert [len(refs) for refs in seen] == [1, 2, 3]
    assert seen[-1] == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    assert pdf.page_references is seen[-1]  # built once for three pages
