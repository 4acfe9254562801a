"""The preset `dang`: the brief laid out as a Party office issues a report (header table, number,
place and date, "BÁO CÁO", parts I-, II-, Times New Roman, signature block, "Nơi nhận"), read
back by poppler and LibreOffice."""

import subprocess

import pytest
from docx import Document
from typer.testing import CliRunner

from khoi_report.cli import app

from .conftest import SAMPLES, docx_text, libreoffice_pdf, needs, pdf_text

runner = CliRunner()
FILLED = ["--number", "12-BC/ĐUK", "--place", "Thái Nguyên", "--parent-organisation", "Đảng bộ tỉnh Thái Nguyên",
          "--organisation", "Đảng ủy Khối các cơ quan tỉnh", "--signer", "Hoàng Anh Trung",
          "--recipient", "Ban Thường vụ Tỉnh ủy (để báo cáo)", "--recipient", "Lưu Văn phòng Đảng ủy Khối"]


def _build(out, *options: str):
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(out), "-f", "all", "--preset", "dang",
                                 *options], env={"SOURCE_DATE_EPOCH": "1770249600"})  # 5 February 2026
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("dang"), *FILLED)


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("blank"))


@needs("pdftotext")
def test_pdf_has_the_header_number_date_title_parts_and_signature(filled):
    text = pdf_text(filled / "brief.pdf")
    for words in ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Số 12-BC/ĐUK", "Thái Nguyên, ngày 05 tháng 02 năm 2026", "BÁO CÁO",
                  "So sánh kết quả đại hội các đảng bộ khối nhiệm kỳ 2020–2025", "I- TÓM TẮT", "II- BẢNG SO SÁNH",
                  "CÁC ĐẢNG BỘ KHỐI", "1- Đảng bộ Khối", "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (để báo cáo),",
                  "- Lưu Văn phòng Đảng ủy Khối.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Anh Trung"):
        assert words in text, words
    assert "Mục lục" not in text  # no contents page in a Party document
    assert text.index("Nơi nhận") > text.index("SHA-256")  # the signature block closes the document


@needs("pdftotext")
def test_pdf_pages_are_numbered_from_page_2_at_the_top(filled):
    first, second = (pdf_text(filled / "brief.pdf", layout=True).split("\f")[i].strip().splitlines() for i in (0, 1))
    assert first[0].split()[0] != "1" and "Trang" not in " ".join(first)
    assert second[0].strip() == "2"


@needs("pdffonts")
def test_pdf_embeds_liberation_serif_for_the_text(filled):
    fonts = subprocess.run(["pdffonts", str(filled / "brief.pdf")], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert all(line.split()[-5] == "yes" for line in fonts)
    names = [line.split()[0].split("+")[-1] for line in fonts]
    assert {"Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic"} <= set(names), names
    assert not any(name.startswith("Noto-Serif") for name in names)  # the body is not the default's font


@needs("pdfinfo")
def test_pdf_margins_are_those_of_a_party_document(filled):
    """Left 30 mm, right 15 mm: the text's left edge sits at 30 mm (85 pt) on A4."""
    import re

    box = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(filled / "brief.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    lefts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', box)]
    rights = [float(x) for x in re.findall(r'xMax="([\d.]+)"', box)]
    assert 84 <= min(lefts) <= 87 and max(rights) <= 595.3 - 15 * 72 / 25.4 + 1.5  # a glyph box may pass the advance a little


def test_docx_names_times_new_roman_and_carries_the_document(filled):
    document = Document(str(filled / "brief.docx"))
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14
    section = document.sections[0]
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    text = docx_text(filled / "brief.docx")
    for words in ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/ĐUK",
                  "Thái Nguyên, ngày 05 tháng 02 năm 2026", "BÁO CÁO", "I- ", "Nơi nhận:", "T/M BAN THƯỜNG VỤ",
                  "Hoàng Anh Trung", "- Lưu Văn phòng Đảng ủy Khối."):
        assert words in text, words
    assert "{%" not in text and "{{" not in text


@needs("soffice")
def test_libreoffice_opens_the_docx_with_parts_numbered(filled, tmp_path):
    text = pdf_text(libreoffice_pdf(filled / "brief.docx", tmp_path))
    for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/ĐUK", "BÁO CÁO", "I- TÓM TẮT", "II- BẢNG SO SÁNH",
                  "1- Đảng bộ Khối", "Nơi nhận:", "BÍ THƯ", "Hoàng Anh Trung"):
        assert words in text, words


@needs("pdftotext")
def test_a_build_with_no_document_values_shows_blanks_to_fill_in(blank):
    for text in (pdf_text(blank / "brief.pdf"), " ".join(docx_text(blank / "brief.docx").split())):
        assert "Số\u00a0" in text.replace(" ", "\u00a0") and "-BC/……" in text  # the number is written in by hand
        assert "……, ngày 05 tháng 02 năm 2026" in text
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "T/M BAN THƯỜNG VỤ" in text and "BÍ THƯ" in text
        assert "Nơi nhận:" in text and "- Lưu ……." in text


def test_document_values_come_from_the_settings_file(tmp_path):
    settings = tmp_path / "khoi-report.toml"
    settings.write_text('preset = "dang"\nnumber = "7-BC/ĐUK"\nplace = "Nghệ An"\nsigner = "Trần Văn A"\n'
                        'recipients = ["Tỉnh ủy", "Lưu VP"]\n', "utf-8")
    result = runner.invoke(app, ["context", "--config", str(settings), "-i", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    import json

    document = json.loads(result.stdout)["document"]
    assert document["number_text"] == "Số 7-BC/ĐUK" and document["signer"] == "Trần Văn A"
    assert document["place_date"].startswith("Nghệ An, ngày ")
    assert document["recipients"] == ["- Tỉnh ủy,", "- Lưu VP."]
    settings.write_text('recipients = "Tỉnh ủy"\n', "utf-8")
    bad = runner.invoke(app, ["context", "--config", str(settings), "-i", str(SAMPLES)])
    assert bad.exit_code == 2 and "khoi-report.toml:1: recipients must be a list of strings" in bad.output


def test_the_date_takes_leading_zeros_for_days_below_10_and_months_1_and_2():
    import datetime as dt

    from khoi_report.wording import issued

    assert issued("Thái Nguyên", dt.date(2026, 2, 5), "vi") == "Thái Nguyên, ngày 05 tháng 02 năm 2026"
    assert issued("Thái Nguyên", dt.date(2026, 11, 30), "vi") == "Thái Nguyên, ngày 30 tháng 11 năm 2026"
    assert issued(None, dt.date(2026, 3, 9), "vi") == "……, ngày 09 tháng 3 năm 2026"
