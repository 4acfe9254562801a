"""A corpus of bad inputs: each gets its asserted behaviour, and the rest is still built."""

import os

import pytest

from khoi_report.cli import app

from .conftest import SAMPLES, assert_one_line_error, docx_text, needs, pdf_text, runner

GOOD = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Lào Cai lần thứ V, nhiệm kỳ 2020-2025\n\n"


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    folder = root / "inputs"
    folder.mkdir()
    (folder / "000_good.txt").write_bytes((SAMPLES / "001_03e8ab6feff05417.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_bytes(("Đảng bộ có 1 đảng viên. " * 60_000).encode("utf-8"))  # about 1.6 MB
    (folder / "invalid utf8.txt").write_bytes(GOOD.encode("utf-8") + b"\xff\xfe\x80 " + "có 1.234 đảng viên.".encode("utf-8"))
    (folder / "controls.txt").write_bytes((GOOD + "Đảng bộ có\x00 2.345\x0b đảng\x0c viên.").encode("utf-8"))
    (folder / "Bài báo Hà Giang.txt").write_text(GOOD.replace("Lào Cai", "Hà Giang") + "Đảng bộ có 3.456 đảng viên.", "utf-8")
    (folder / "hostile.html").write_text(
        "<html><head><title>Đại hội</title><link rel='stylesheet' href='http://127.0.0.1:9/x.css'>"
        "<style>body{background:url(file:///etc/passwd)}</style><script>alert(1)</script></head><body><article>"
        "<h1>Đại hội Đảng bộ Khối các cơ quan tỉnh Yên Bái lần thứ XX</h1>"
        "<p>Đảng bộ có 4.567 đảng viên. {{ 7*7 }} {% for x in y %} &lt;/w:t&gt;&lt;/w:r&gt; &amp; &lt;b&gt;</p>"
        "<iframe src='file:///etc/passwd'></iframe><img src='file:///etc/passwd'></article></body></html>", "utf-8")
    (folder / "surrogate.txt").write_bytes(b"\xff\xfe" + (GOOD + "Đảng bộ có 5.678 đảng viên.").encode("utf-16-le")
                                          + b"\x00\xd8" + "ok".encode("utf-16-le"))  # a lone high surrogate
    (folder / "no province.txt").write_text("Hội nghị sơ kết công tác Đảng có 120 đại biểu.", "utf-8")
    outside = root / "outside.txt"
    outside.write_text(GOOD + "Đảng bộ có 9.999 đảng viên.", "utf-8")
    os.symlink(outside, folder / "link.txt")
    out = root / "out"
    result = runner.invoke(app, ["build", "-i", str(folder), "-o", str(out), "--max-article-mb", "1"])
    return result, out


def test_the_build_succeeds_and_names_each_bad_file(bad_corpus):
    result, out = bad_corpus
    assert result.exit_code == 0, result.output
    findings = (out / "data" / "findings.csv").read_text("utf-8")
    for name, code in (("empty.txt", "empty"), ("huge.txt", "too_large"), ("link.txt", "outside_link"),
                       ("no province.txt", "no_province")):
        assert any(name in line and code in line for line in findings.splitlines()), name


def test_the_rest_of_the_corpus_is_in_the_brief(bad_corpus):
    _, out = bad_corpus
    articles = (out / "data" / "articles.csv").read_text("utf-8")
    for name in ("000_good.txt", "invalid utf8.txt", "controls.txt", "Bài báo Hà Giang.txt", "hostile.html", "surrogate.txt"):
        assert name in articles
    assert "link.txt" not in articles and "9.999" not in (out / "data" / "observations.csv").read_text("utf-8")


@needs("pdftotext")
def test_article_text_is_literal_and_nothing_leaks(bad_corpus):
    _, out = bad_corpus
    text = pdf_text(out / "brief.pdf")
    assert "{{ 7*7 }}" in text and "</w:t></w:r>" in text and "& <b>" in text
    assert "root:" not in text and "alert(1)" not in text
    docx = docx_text(out / "brief.docx")
    assert "{{ 7*7 }}" in docx and "</w:t></w:r>" in docx
    assert "\x00" not in docx and "\x0b" not in docx


def test_zero_usable_articles_is_an_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", "-i", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert_one_line_error(result, "no article has any text", str(tmp_path / "in"))
    assert not (tmp_path / "out").exists()
