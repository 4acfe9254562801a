import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from khoi_report.extraction.text import fold, normalise, sentences


def test_normalise_folds_spaces_and_paragraphs():
    raw = "Tiêu đề\r\n\r\n\r\nĐảng bộ\u00a0có  73\u2009TCCSĐ\x0b.\n   \nHết"
    assert normalise(raw) == "Tiêu đề\n\nĐảng bộ có 73 TCCSĐ.\n\nHết"


def test_normalise_composes_nfd_and_drops_xml_invalid_characters():
    nfd = unicodedata.normalize("NFD", "Đắk Lắk\x00\ud800")
    assert normalise(nfd) == "Đắk Lắk"


def test_fold_unifies_tone_placement_case_and_eth():
    assert fold("Khánh Hoà") == fold("Khánh Hòa") == "khánh hòa"
    assert fold("Đảng uỷ") == fold("ĐẢNG ỦY") == "đảng ủy"
    assert fold("Ðảng") == "đảng"  # U+00D0 written for Đ


def test_fold_leaves_closed_syllables_and_qu_alone():
    assert fold("Hoàng") == "hoàng"
    assert fold("quý") == "quý"


@given(st.text())
def test_fold_keeps_every_offset(text):
    assert len(fold(text)) == len(text)


def test_a_roman_ordinal_ends_a_sentence_an_initial_does_not():
    text = "Bầu Bí thư Đảng ủy Khối khóa V. Đồng chí Nguyễn V. An nghỉ hưu. Đại hội lần thứ IX. Hết"
    assert [s.of(text) for s in sentences(text)] == [
        "Bầu Bí thư Đảng ủy Khối khóa V.", "Đồng chí Nguyễn V. An nghỉ hưu.", "Đại hội lần thứ IX.", "Hết"]


def test_sentences_do_not_split_numbers_or_abbreviations():
    text = "Đảng bộ có 5.356 đảng viên. TP. HCM có 1,5 triệu người! Hết\n\nĐoạn hai."
    assert [s.of(text) for s in sentences(text)] == [
        "Đảng bộ có 5.356 đảng viên.", "TP. HCM có 1,5 triệu người!", "Hết", "Đoạn hai."]
