import codecs
import unicodedata

import pytest

from khoi_report.errors import KhoiError
from khoi_report.extraction.folder import extract_folder
from khoi_report.extraction.ingest import decode, read_article
from khoi_report.wording import message

ARTICLE = (
    "Đảng bộ Khối các cơ quan tỉnh Thái Bình: Đại hội lần thứ XV\n\n"
    "14/07/2020 - 09:30\n\n"
    "Đảng bộ Khối các cơ quan tỉnh Thái Bình có 3.210\u00a0đảng viên. Đảng uỷ Khối hoà nhịp.\n\n"
    "NGUYỄN AN\n\n"
    "Tin liên quan\n\nBài khác không thuộc bài báo\n"
)


def read_folder(folder, **options):
    """The articles read from a folder and the findings on the files left out."""
    extraction = extract_folder(folder, store=False, **options)
    return [item.article for item in extraction.items], extraction.findings


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: vowel letters precomposed, tone marks combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


def test_plain_text_article(write_article):
    a = read_article(write_article("a.txt", ARTICLE))
    assert a.encoding == "utf-8"
    assert a.title.startswith("Đảng bộ Khối các cơ quan tỉnh Thái Bình")
    assert a.published.isoformat() == "2020-07-14T09:30:00"
    assert "3.210 đảng viên" in a.text  # U+00A0 folded
    assert "Bài khác" not in a.text  # everything after "Tin liên quan" is site chrome
    assert a.byline == "Nguyễn An"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8-sig", "utf-8"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"), ("cp1258", "cp1258"),
])
def test_encodings(write_article, encoding, expected):
    if encoding == "utf-16-le":
        raw = codecs.BOM_UTF16_LE + ARTICLE.encode(encoding)
    elif encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + ARTICLE.encode(encoding)
    elif encoding == "cp1258":
        raw = cp1258(ARTICLE)
    else:
        raw = ARTICLE.encode(encoding)
    a = read_article(write_article("a.txt", raw))
    assert a.encoding == expected
    assert "Đảng bộ Khối các cơ quan tỉnh Thái Bình có 3.210 đảng viên" in a.text


def test_valid_utf8_is_never_second_guessed():
    text, encoding = decode("Hòa".encode("utf-8"))
    assert (text, encoding) == ("Hòa", "utf-8")


def test_nfd_and_crlf_become_nfc_paragraphs(write_article):
    a = read_article(write_article("a.txt", unicodedata.normalize("NFD", ARTICLE).replace("\n", "\r\n")))
    assert unicodedata.is_normalized("NFC", a.text)
    assert "\r" not in a.text


def test_html_page_gives_visible_article_text_and_meta(write_article):
    page = """<html><head><title>Site | ignored</title>
    <meta property="og:title" content="Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Lào Cai">
    <meta property="article:published_time" content="2020-07-20T08:00:00+07:00">
    <script>var x = "Đảng bộ có 999 đảng viên";</script><style>p{}</style></head>
    <body><nav>Trang chủ | Chính trị</nav>
    <article><h1>Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Lào Cai</h1>
    <p>Đảng bộ có 2.100 đảng viên &amp; 60 tổ chức cơ sở đảng.</p>
    <div class="share-buttons">Chia sẻ Facebook</div></article>
    <footer>Bản quyền</footer></body></html>"""
    a = read_article(write_article("a.html", page))
    assert a.title == "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Lào Cai"
    assert a.published.date().isoformat() == "2020-07-20"
    assert "2.100 đảng viên & 60 tổ chức" in a.text
    for chrome in ("999", "Trang chủ", "Chia sẻ", "Bản quyền", "p{}"):
        assert chrome not in a.text


def test_duplicates_are_marked_not_counted(write_article):
    write_article("a.txt", ARTICLE)
    write_article("b.txt", ARTICLE.replace("\n", "\r\n"))
    articles, findings = read_folder(write_article.folder)
    assert [a.duplicate_of for a in articles] == [None, "a.txt"]
    assert [f.code for f in findings] == ["duplicate"]


def test_empty_file_is_reported_and_skipped(write_article):
    write_article("a.txt", ARTICLE)
    write_article("empty.txt", "")
    articles, findings = read_folder(write_article.folder)
    assert [a.id for a in articles] == ["a.txt"]
    assert findings[0].code == "empty" and "empty.txt" in message(findings[0])


def test_a_binary_file_is_an_error_finding_and_the_rest_is_read(write_article):
    write_article("a.txt", ARTICLE)
    write_article("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, findings = read_folder(write_article.folder)
    assert [a.id for a in articles] == ["a.txt"]
    assert [(f.severity, f.code, f.article) for f in findings] == [("error", "binary", "image.txt")]
    assert message(findings[0]).startswith("image.txt: not a text file")


def test_a_binary_file_read_alone_is_an_error_naming_it(write_article):
    with pytest.raises(KhoiError, match=r"image\.txt: not a text file"):
        read_article(write_article("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))


def test_missing_and_empty_folders_are_errors(tmp_path):
    with pytest.raises(KhoiError, match="inputs folder not found"):
        read_folder(tmp_path / "nope")
    with pytest.raises(KhoiError, match="no articles"):
        read_folder(tmp_path)


def test_html_declared_charset_is_used_for_legacy_pages(write_article):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
            "<title>Đại hội</title></head><body><article><p>Đảng bộ Khối Doanh nghiệp tỉnh Hoà Bình có "
            "1.500 đảng viên.</p></article></body></html>")
    a = read_article(write_article("a.html", cp1258(page)))
    assert a.encoding == "cp1258"
    assert "Đảng bộ Khối Doanh nghiệp tỉnh Hoà Bình có 1.500 đảng viên." in a.text  # spelling kept


def test_oversized_files_and_links_out_of_the_folder_are_skipped_and_named(write_article, tmp_path):
    import os

    write_article("a.txt", ARTICLE)
    write_article("huge.txt", "Đảng bộ " * 200_000)
    outside = tmp_path / "secret.txt"
    outside.write_text("Đảng bộ Khối có 9.999 đảng viên.", "utf-8")
    os.symlink(outside, write_article.folder / "link.txt")
    articles, findings = read_folder(write_article.folder, max_article_mb=1)
    assert [a.id for a in articles] == ["a.txt"]
    assert {(f.code, f.article) for f in findings} == {("too_large", "huge.txt"), ("outside_link", "link.txt")}


def test_file_names_with_spaces_and_vietnamese_letters(write_article):
    write_article("Đại hội khối Hà Nội.txt", ARTICLE)
    articles, _ = read_folder(write_article.folder)
    assert articles[0].id == "Đại hội khối Hà Nội.txt"


def test_bulleted_related_links_go_but_bulleted_highlights_stay(write_article):
    """A bullet before a one-line headline marks a related link; a bulleted paragraph of several sentences is the
    article's own highlights (batch 10's "6 dấu ấn" piece)."""
    text = ("Tuyên Quang: 6 dấu ấn từ Đại hội\n\n"
            "• 250 đại biểu được chỉ định. Toàn bộ đại biểu dự Đại hội do Ban Thường vụ Tỉnh ủy chỉ định.\n\n"
            "› Đảng bộ UBND tỉnh Tuyên Quang: 312 đại biểu dự Đại hội lần thứ I\n\n")
    article = read_article(write_article("a.txt", text))
    assert "250 đại biểu được chỉ định" in article.text and "312 đại biểu" not in article.text


def test_a_bulleted_sentence_closed_by_a_full_stop_is_the_articles_own(write_article):
    """Batch 11's "điểm nhấn" piece: one sentence a bullet, each closed by a full stop (a link's headline has none)."""
    text = ("Những điểm nhấn của Đại hội\n\n"
            "• Ban Chấp hành khóa I gồm 23 đồng chí, trong đó 5 đồng chí nữ; Ban Thường vụ 7 đồng chí.\n\n"
            "› Đảng bộ UBND tỉnh: 312 đại biểu dự Đại hội lần thứ I\n\n")
    article = read_article(write_article("a.txt", text))
    assert "23 đồng chí" in article.text and "312 đại biểu" not in article.text


@pytest.mark.parametrize("stamp, date", [
    ("25 tháng 7, 2020 lúc 17:42 · 🌏", "2020-07-25"),  # a social post's
    ("Chương trình Thời sự tối, phát sóng 19 giờ ngày 28/7/2020 - Bản ghi", "2020-07-28"),  # a broadcast's
])
def test_stamps_of_a_social_post_and_a_broadcast(write_article, stamp, date):
    article = read_article(write_article("a.txt", f"Đảng ủy Khối Doanh nghiệp tỉnh Cà Mau\n\n{stamp}\n\nĐại hội thành công."))
    assert article.published.date().isoformat() == date


def test_a_tables_row_of_short_cells_is_one_line_and_a_blocs_own_site_names_its_owner(write_article):
    """Batch 11's 1108, the bloc's own site: a schedule's row ("Đại hội … lần thứ VIII | Ngày 16 và 17/7/2020 | Phiên
    trù bị chiều 16/7") stays one line, a layout table's cells of paragraphs do not; the footer's "Bản quyền thuộc Đảng
    ủy Khối …" is kept as the last paragraph, the rest of the footer dropped."""
    page = ("<html><body><div class='post'><h1>Lịch đại hội</h1><p>Ban Tổ chức Đảng ủy Khối thông báo lịch đại hội:</p>"
            "<table><tr><th>Đơn vị</th><th>Thời gian</th></tr>"
            "<tr><td>Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ VIII</td><td>Ngày 16 và 17/7/2020</td></tr>"
            "</table><table><tr><td><p>Đoạn một của bài.</p></td><td><p>Đoạn hai.</p></td></tr></table></div>"
            "<div class='footer'>Bản quyền thuộc Đảng ủy Khối các cơ quan tỉnh Hà Giang. Địa chỉ: Đường Nguyễn Trãi. "
            "Số lượt truy cập: 215.630</div></body></html>")
    text = read_article(write_article("a.html", page)).text
    assert "Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ VIII | Ngày 16 và 17/7/2020" in text
    assert "Đoạn một của bài. |" not in text
    assert text.rstrip().endswith("Bản quyền thuộc Đảng ủy Khối các cơ quan tỉnh Hà Giang.") and "215.630" not in text
