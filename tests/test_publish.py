"""Briefs you can distribute and trust: reproducible bytes, a manifest to verify against, data
exports, the data inside the PDF, archival PDF, per-bloc briefs, atomic outputs (corrections:
test_corrections.py)."""

import shutil
import subprocess

import pandas as pd
import pytest
from docx import Document

from khoi_report import build
from khoi_report.cli import app
from khoi_report.settings import Settings

from .conftest import SAMPLES, assert_one_line_error, needs, runner

ALL = ("pdf", "docx")


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1595894400")  # 28 July 2020
    first = build(Settings(inputs=SAMPLES, out=tmp_path / "a", formats=ALL))
    build(Settings(inputs=SAMPLES, out=tmp_path / "b", formats=ALL))
    names = sorted(p.relative_to(tmp_path / "a") for p in first.written)
    assert "brief.pdf" in map(str, names) and "brief-data.xlsx" in map(str, names)
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert Document(str(tmp_path / "a" / "brief.docx")).core_properties.created.year == 2020


def test_verify_names_the_changed_file(tmp_path):
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    assert runner.invoke(app, ["verify", str(tmp_path)]).exit_code == 0
    pdf = tmp_path / "brief.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 1
    pdf.write_bytes(bytes(data))
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 1 and "brief.pdf: differs from the manifest" in result.output


def test_manifest_records_inputs_templates_outputs_and_settings(tmp_path):
    import json

    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",), lang="en", organisation="Ban Tổ chức"))
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert manifest["generator"].startswith("khoi-report ")
    assert manifest["settings"]["lang"] == "en" and manifest["settings"]["organisation"] == "Ban Tổ chức"
    assert {t["file"] for t in manifest["templates"]} >= {"brief.html.j2", "brief.docx", "brief.css"}
    assert all(len(t["sha256"]) == 64 for t in manifest["templates"] + manifest["inputs"] + manifest["outputs"])


def test_data_exports_beside_the_briefs(tmp_path):
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    for name in ("articles", "observations", "blocs", "congresses", "findings"):
        assert len(pd.read_csv(tmp_path / "data" / f"{name}.csv")) > 0
    sheets = pd.read_excel(tmp_path / "brief-data.xlsx", sheet_name=None)
    assert list(sheets) == ["articles", "observations", "blocs", "congresses", "findings"]
    assert 5356 in set(sheets["blocs"]["members"])


def test_parquet_exports_when_pyarrow_is_installed(tmp_path):
    pytest.importorskip("pyarrow", reason="parquet is an optional extra: pip install 'khoi-report[parquet]'")
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    assert len(pd.read_parquet(tmp_path / "data" / "blocs.parquet")) == 5


@needs("pdfdetach")
def test_the_pdf_carries_its_data_tables(tmp_path):
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    listing = subprocess.run(["pdfdetach", "-list", str(tmp_path / "brief.pdf")], capture_output=True, text=True,
                             check=True).stdout
    for name in ("articles.csv", "observations.csv", "blocs.csv", "congresses.csv", "findings.csv"):
        assert name in listing
    subprocess.run(["pdfdetach", "-savefile", "blocs.csv", "-o", str(tmp_path / "x.csv"), str(tmp_path / "brief.pdf")],
                   check=True)
    assert (tmp_path / "x.csv").read_bytes() == (tmp_path / "data" / "blocs.csv").read_bytes()


def _attachments(pdf) -> str:
    """What `pdfdetach -list` lists after its count line."""
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return "\n".join(listing.splitlines()[1:])


def test_archival_pdf_variant(tmp_path, monkeypatch):
    import re

    from .test_brief import pdf_objects

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1595894400")  # 28 July 2020
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path), "-f", "pdf", "--pdf-variant", "pdf/a-3b"])
    assert result.exit_code == 0, result.output
    objects = pdf_objects(tmp_path / "brief.pdf")
    assert b"pdfaid:part" in objects
    assert "blocs.csv" in _attachments(tmp_path / "brief.pdf")  # PDF/A-3 allows embedded data files ...
    # ... as data (the relationship PDF/A-3 requires of each), dated the brief's day like the rest: a
    # rebuild on another day with the same SOURCE_DATE_EPOCH gives the same bytes
    assert set(re.findall(rb"/AFRelationship\s*/(\w+)", objects)) == {b"Data"}
    assert set(re.findall(rb"D:(\d{8})", objects)) == {b"20200728"}
    for variant in ("pdf/a-1b", "pdf/a-2b"):
        out = tmp_path / variant.replace("/", "-")
        result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(out), "-f", "pdf", "--pdf-variant", variant])
        assert result.exit_code == 0, result.output
        assert _attachments(out / "brief.pdf") == "", variant  # ... PDF/A-1 and PDF/A-2 forbid them
    bad = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "x"), "-f", "pdf", "--pdf-variant", "pdf/z"])
    assert_one_line_error(bad, "unknown PDF variant 'pdf/z'; choose from pdf/a-1b")


def test_split_writes_one_brief_per_bloc(tmp_path):
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path), "--split"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "blocs").iterdir())
    assert "an-giang-co-quan-doanh-nghiep.pdf" in names and "an-giang-co-quan-doanh-nghiep.docx" in names
    assert len(names) == 10
    doc = Document(str(tmp_path / "blocs" / "nghe-an-co-quan.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Đảng bộ Khối các cơ quan tỉnh Nghệ An" in headings
    assert not any("Thái Nguyên" in h for h in headings)  # no other bloc's section ...
    assert len(doc.tables[0].rows) == 4  # ... but the whole comparison table: the three 2020-2025 congresses


def test_a_build_interrupted_mid_render_leaves_the_previous_brief(tmp_path, monkeypatch):
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=ALL))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C while the DOCX renders, after the PDF was made

    monkeypatch.setattr("khoi_report.render.docx.render_docx", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(Settings(inputs=SAMPLES, out=tmp_path, formats=ALL, organisation="A different cover"))
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # nothing replaced, no temporary file left


def test_an_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch):
    import os

    from khoi_report.publish import write_atomically

    (tmp_path / "brief.pdf").write_bytes(b"the good one")
    real_replace = os.replace
    calls = []

    def replace_then_die(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path, {"a.csv": b"1", "brief.pdf": b"half"})
    assert (tmp_path / "brief.pdf").read_bytes() == b"the good one"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.fixture
def built(tmp_path):
    """A copy of the sample inputs and the brief built from them (DOCX: the quicker format)."""
    inputs = tmp_path / "inputs"
    shutil.copytree(SAMPLES, inputs)
    out = tmp_path / "out"
    build(Settings(inputs=inputs, out=out, formats=("docx",)))
    return inputs, out


def stamps(out) -> dict:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_build_with_nothing_changed_writes_nothing(built):
    inputs, out = built
    before = stamps(out)
    again = build(Settings(inputs=inputs, out=out, formats=("docx",)))
    assert again.up_to_date and again.written == [] and stamps(out) == before
    assert again.findings == build(Settings(inputs=inputs, out=out, formats=("docx",)), force=True).findings  # as the last build counted them


@pytest.mark.parametrize("change", ["article", "new article", "corrections", "template", "setting", "damaged output",
                                    "missing output"])
def test_any_change_builds_again(built, tmp_path, change):
    inputs, out = built
    options = {}
    article = sorted(inputs.glob("*.txt"))[0]
    if change == "article":
        article.write_text(article.read_text("utf-8") + "\n\nMột đoạn mới.", "utf-8")
    elif change == "new article":
        shutil.copy(article, inputs / "copy.txt")
    elif change == "corrections":
        (inputs / "corrections.toml").write_text("", "utf-8")
    elif change == "template":
        mine = tmp_path / "templates"
        mine.mkdir()
        options["templates"] = mine  # an empty folder: every file still built-in, but the setting changed
    elif change == "setting":
        options["lang"] = "en"
    elif change == "damaged output":
        (out / "data" / "blocs.csv").write_text("tampered", "utf-8")
    elif change == "missing output":
        (out / "brief.docx").unlink()
    again = build(Settings(inputs=inputs, out=out, formats=("docx",), **options))
    assert not again.up_to_date and out / "brief.docx" in again.written
    assert build(Settings(inputs=inputs, out=out, formats=("docx",), **options)).up_to_date  # and then it is up to date again


def test_an_edited_template_builds_again(built, tmp_path):
    inputs, out = built
    mine = tmp_path / "templates"
    mine.mkdir()
    build(Settings(inputs=inputs, out=out, formats=("docx",), templates=mine))
    from khoi_report.render.templates import copy_builtin

    css = copy_builtin("brief.css", mine)
    assert build(Settings(inputs=inputs, out=out, formats=("docx",), templates=mine)).written  # a copy of your own is a new file in effect
    css.write_text(css.read_text("utf-8") + "\nh1 { color: navy; }\n", "utf-8")
    assert not build(Settings(inputs=inputs, out=out, formats=("docx",), templates=mine)).up_to_date


def test_strict_still_fails_when_the_brief_is_up_to_date(write_article, tmp_path):
    write_article("a.txt", "Đại hội Đảng bộ Khối các cơ quan tỉnh Yên Bái lần thứ XV, nhiệm kỳ 2025-2030.\n\n"
                           "Hằng năm có 120% đảng viên hoàn thành tốt nhiệm vụ trở lên.")
    args = ["build", "-i", str(write_article.folder), "-o", str(tmp_path / "out"), "-f", "docx", "--strict"]
    first = runner.invoke(app, args)
    assert first.exit_code == 1 and "wrote" in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "up to date" in again.output
    assert "wrote" in runner.invoke(app, [*args, "--force"]).output


def test_an_up_to_date_build_loads_no_heavy_library(tmp_path):
    """"Nothing changed" must stay instant: it reads hashes and the manifest, not pandas or WeasyPrint."""
    import sys

    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("pdf",)))
    probe = ("import sys; from khoi_report import build; from khoi_report.settings import Settings; "
             f"r = build(Settings(inputs={str(SAMPLES)!r}, out={str(tmp_path)!r}, formats=('pdf',))); "
             "print(r.up_to_date, sorted(m for m in ('pandas', 'weasyprint', 'matplotlib', 'docxtpl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True []"


def test_a_device_or_pipe_given_as_output_is_written_into_not_replaced(tmp_path):
    """`extract --json /dev/null` (or /dev/stdout, or a named pipe) must not rename an ordinary file
    over the device: as root that replaced /dev/null for the whole machine. A pipe stands in here."""
    import os
    import threading

    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    done = runner.invoke(app, ["extract", "-i", str(SAMPLES), "--json", str(pipe)])
    reader.join(timeout=30)
    assert done.exit_code == 0, done.output
    assert pipe.is_fifo() and received and received[0].startswith(b"{")
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.json"]  # no temporary file left beside it
