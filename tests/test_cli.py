import json
import shutil

from docx import Document

from khoi_report import __version__
from khoi_report.cli import app
from khoi_report.wording import message

from .conftest import (
    COVER,
    GOLD,
    SAMPLES,
    assert_one_line_error,
    build_with_templates,
    docx_text,
    needs,
    pdf_text,
    runner,
)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_every_command_has_an_example_in_its_help():
    for command in ("build", "extract", "inspect", "score"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example: khoi-report" in result.output


def test_extract_json_follows_the_contract(tmp_path):
    out = tmp_path / "x.json"
    result = runner.invoke(app, ["extract", "--inputs", str(SAMPLES), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert set(data) == {"articles", "congresses", "observations", "findings"}
    article = data["articles"][0]
    for key in ("article", "province", "bloc_type", "congress_ordinal", "term", "congress_start", "published",
                "secretary", "duplicate_of"):
        assert key in article
    scored = runner.invoke(app, ["score", str(out), str(GOLD / "seeds.gold.csv"), "--min-f1", "1"])
    assert scored.exit_code == 0, scored.output
    assert "metadata 27/27 = 1.000" in scored.output


def test_extract_csv(tmp_path):
    result = runner.invoke(app, ["extract", "--inputs", str(SAMPLES), "--csv", str(tmp_path / "csv")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["articles.csv", "congresses.csv", "findings.csv",
                                                                          "observations.csv"]


def test_extract_needs_a_destination():
    result = runner.invoke(app, ["extract", "--inputs", str(SAMPLES)])
    assert_one_line_error(result, "say where to write: --json FILE or --csv DIR")


def test_build_writes_and_says_what(tmp_path):
    result = runner.invoke(app, ["build", "--inputs", str(SAMPLES), "--out", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 'brief.pdf'}" in result.output
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "brief.docx").exists()


def test_missing_inputs_folder(tmp_path):
    out = tmp_path / "out"
    assert_one_line_error(runner.invoke(app, ["build", "--inputs", str(tmp_path / "nope"), "--out", str(out)]),
                          str(tmp_path / "nope"))
    assert not out.exists()


def test_empty_inputs_folder(tmp_path):
    (tmp_path / "in").mkdir()
    assert_one_line_error(runner.invoke(app, ["build", "--inputs", str(tmp_path / "in"), "--out", str(tmp_path / "o")]),
                          str(tmp_path / "in"), "no articles")


def test_a_binary_file_is_named_and_skipped_and_the_rest_is_built(tmp_path):
    """One image renamed .txt among the articles must not stop a national brief."""
    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES, inputs)
    (inputs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-i", str(inputs), "-o", str(out), "-f", "pdf"])
    assert result.exit_code == 0, result.output
    assert "khoi-report: warning: photo.txt: not a text file" in result.stderr
    text = pdf_text(out / "brief.pdf")
    assert "photo.txt" in text  # the data-quality section names it
    assert text.count("Đảng bộ Khối") >= 5  # every sample bloc is still there
    strict = runner.invoke(app, ["build", "-i", str(inputs), "-o", str(out), "-f", "pdf", "--strict"])
    assert strict.exit_code == 1


def test_broken_template_names_file_and_line(tmp_path):
    result, out = build_with_templates(tmp_path, {COVER: "<h1>{{ brief.title }}</h1>\n<p>{{ brief.no_such_key }}</p>\n"})
    assert_one_line_error(result, "cover.html.j2:2", "no_such_key")
    assert not out.exists()


@needs("pdftotext")
def test_overriding_one_partial_keeps_the_rest_built_in(tmp_path):
    result, out = build_with_templates(tmp_path, {COVER: "<h1>Bản tin riêng của tôi</h1>\n"})
    assert result.exit_code == 0, result.output
    text = pdf_text(out / "brief.pdf")
    assert "Bản tin riêng của tôi" in text and "Bảng so sánh các chỉ tiêu chính" in text


def test_inspect_marks_each_figure_and_lists_findings():
    result = runner.invoke(app, ["inspect", str(SAMPLES / "001_03e8ab6feff05417.txt"), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "[[5.356]]{members actual}" in result.output
    assert "[[953]]{new_members actual}" in result.output
    assert "secretary         Hoàng Anh Trung" in result.output
    assert "share_contradicts_counts" not in result.output  # findings are shown as sentences
    assert "953 được nêu là chiếm 5% của 5.356, nhưng thực tế là 17,79%" in result.output


def test_inspect_a_missing_file():
    assert_one_line_error(runner.invoke(app, ["inspect", "nope.txt"]), "nope.txt")


OTHER_BLOCS = ["Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh An Giang", "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Bình Dương",
               "Đảng bộ Khối các cơ quan tỉnh Nghệ An", "Đảng bộ Khối các cơ quan tỉnh Thái Nguyên"]


@needs("pdftotext")
def test_an_article_that_breaks_extraction_costs_only_itself(tmp_path, monkeypatch):
    """002 (Cần Thơ) breaks the extractor: the four other blocs are still in both briefs, with
    their figures, and the data-quality section names the article that was skipped."""
    import khoi_report.extraction.folder as pipeline

    real = pipeline.extract_article

    def fragile(article, *args):
        if article.id.startswith("002"):
            raise RuntimeError("unexpected shape")
        return real(article, *args)

    monkeypatch.setattr(pipeline, "extract_article", fragile)
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "a"), "-f", "all", "--no-cache"])
    assert result.exit_code == 0, result.output
    headings = [p.text for p in Document(str(tmp_path / "a" / "brief.docx")).paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h.startswith("Đảng bộ Khối")] == OTHER_BLOCS
    docx, pdf = docx_text(tmp_path / "a" / "brief.docx"), pdf_text(tmp_path / "a" / "brief.pdf")
    for text in (docx, pdf):
        assert all(bloc in text for bloc in OTHER_BLOCS)
        assert "5.356" in text and "Thái Minh Hiển" in text  # Thái Nguyên's members, An Giang's secretary
        assert "Cần Thơ" not in text  # its bloc is not guessed from elsewhere
        assert "002_2eda8238e98fc717.txt: không đọc được bài (RuntimeError: unexpected shape)" in text
    strict = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "b"), "-f", "docx", "--strict",
                                 "--no-cache"])
    assert strict.exit_code == 1 and (tmp_path / "b" / "brief.docx").is_file()
    from khoi_report import extract

    (failed,) = [f for f in extract(SAMPLES, store=False).findings if f.code == "extract_failed"]
    assert failed.article == "002_2eda8238e98fc717.txt" and "RuntimeError: unexpected shape" in message(failed)


def test_a_zip_bomb_docx_template_is_refused(tmp_path):
    import zipfile

    user = tmp_path / "tpl"
    user.mkdir()
    with zipfile.ZipFile(user / "brief.docx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", b"0" * 210_000_000)
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "o"), "-f", "docx", "-t", str(user)])
    assert_one_line_error(result, "brief.docx", "unpacks to 210 MB")


def test_python_dash_m_runs_the_same_cli():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "khoi_report", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and __version__ in done.stdout
