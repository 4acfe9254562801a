import datetime as dt

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from khoi_report.extraction.numbers import (
    find_dates,
    find_quantities,
    find_terms,
    int_to_roman,
    parse_number,
    parse_ordinal,
    roman_to_int,
)


@pytest.mark.parametrize("written, value", [
    ("5.356", 5356), ("96,74", 96.74), ("1.200", 1200), ("1.234.567", 1234567), ("1,76", 1.76), ("238", 238),
    ("4.0", 4.0), ("123.456", 123456), ("999.999", 999999), ("12.345,67", 12345.67), ("0,5", 0.5), ("100", 100),
    ("12.34", 12.34), ("1.2345", 1.2345), ("1234.567", 1234.567),  # not groups of three: a decimal point
])
def test_parse_number(written, value):
    """Examples beside the properties below: a full three-digit first group ("123.456") too."""
    assert parse_number(written) == value


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_written_the_vietnamese_way_read_back(n):
    assert parse_number(format_decimal(n, locale="vi")) == n


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_decimals_written_the_vietnamese_way_read_back(d):
    written = format_decimal(d, locale="vi")
    assert parse_number(written) == pytest.approx(float(d))


def quantities(text):
    return [(q.value, q.unit, q.qualifier, text[q.start:q.end]) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("với 5.356 đảng viên", [(5356, "count", None, "5.356")]),
    ("đạt 96,74%", [(96.74, "percent", None, "96,74%")]),
    ("GRDP 5,25%/năm", [(5.25, "percent", None, "5,25%/năm")]),
    ("đạt 238 nghìn tỷ đồng", [(238e12, "vnd", None, "238 nghìn tỷ đồng")]),
    ("46,8 triệu đồng/người", [(46.8e6, "vnd", None, "46,8 triệu đồng")]),
    ("3 tỉ đồng và 2 ngàn người", [(3e9, "vnd", None, "3 tỉ đồng"), (2e3, "count", None, "2 ngàn")]),
    ("gấp 1,76 lần", [(1.76, "times", None, "1,76 lần")]),
    ("hơn 35% số thu", [(35, "percent", "more_than", "35%")]),
    ("trên 3.000 đảng viên", [(3000, "count", "more_than", "3.000")]),
    ("từ 3% trở lên", [(3, "percent", "at_least", "3%")]),
    ("kết nạp 1.200 đảng viên trở lên", [(1200, "count", "at_least", "1.200")]),
    ("khoảng 800 đảng viên", [(800, "count", "about", "800")]),
    ("từ 3 đến 5%", [(3, "percent", "range", "3 đến 5%")]),
    ("275 đồng chí/67,73% tái cử", [(275, "count", None, "275"), (67.73, "percent", None, "67,73%")]),
    ("với tổng số 5.208 đảng viên", [(5208, "count", None, "5.208")]),
    ("Đảng bộ có 123.456 đảng viên", [(123456, "count", None, "123.456")]),
    ("dân số 1.234.567 người", [(1234567, "count", None, "1.234.567")]),
    ("tổng vốn 12.345,6 tỷ đồng", [(12345.6e9, "vnd", None, "12.345,6 tỷ đồng")]),
    ("thu ngân sách 123.456,7 tỷ đồng", [(123456.7e9, "vnd", None, "123.456,7 tỷ đồng")]),
    ("quỹ 123.456.789 đồng", [(123456789, "vnd", None, "123.456.789 đồng")]),
    ("chỉ chiếm 0,5% tổng số", [(0.5, "percent", None, "0,5%")]),
    ("100% chi bộ hoàn thành", [(100, "percent", None, "100%")]),
    ("hơn 1.000 đảng viên", [(1000, "count", "more_than", "1.000")]),
])
def test_find_quantities(text, expected):
    assert quantities(text) == [(pytest.approx(v), u, q, s) for v, u, q, s in expected]


def test_fraction_keeps_its_whole():
    (q,) = find_quantities("Đến nay 63/64 tổ chức cơ sở đảng")
    assert (q.value, q.whole) == (63, 64)


@pytest.mark.parametrize("text", [
    "ngày 30/5/2019", "tháng 6/2020", "Quyết định số 1087", "Hướng dẫn số 16-HD/ĐUK", "nhiệm kỳ 2020 - 2025", "Chỉ thị số 35-CT/TW", "Hướng dẫn số 16/HD/ĐUK",
    "cách mạng công nghiệp 4.0", "dịch Covid-19", "năm 2020", "lúc 07:38", "Nghị quyết Trung ương 4", "lần thứ 16",
])
def test_dates_codes_and_years_are_no_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, date, time", [
    ("28/07/2020 - 07:38", dt.date(2020, 7, 28), dt.time(7, 38)),
    ("2020-08-24 08:14:00.0", dt.date(2020, 8, 24), dt.time(8, 14)),
    ("Hôm nay, ngày 4-8-2015, Đảng bộ", dt.date(2015, 8, 4), None),
    ("14.7.2020", dt.date(2020, 7, 14), None),
    ("Thứ Ba, 14/07/2020 09:30 (GMT+7)", dt.date(2020, 7, 14), dt.time(9, 30)),
    ("vào các ngày 22, 23 tháng 7 năm 2020.", dt.date(2020, 7, 22), None),
    ("ngày 5 tháng 10 năm 2020", dt.date(2020, 10, 5), None),
])
def test_find_dates(text, date, time):
    (found,) = find_dates(text)
    assert (found.date, found.time) == (date, time)


def test_day_month_takes_the_year_from_context():
    (found,) = find_dates("Trong 3 ngày (27, 28 và 29-7), Đảng bộ", default_year=2020)
    assert found.date == dt.date(2020, 7, 27) and not found.year_stated
    assert find_dates("Trong 3 ngày (27, 28 và 29-7)") == []  # no year, no date


def test_a_fraction_is_no_date():
    assert find_dates("63/64 tổ chức", default_year=2020) == []


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_date_written_day_first_reads_back(date):
    for written in (date.strftime("%d/%m/%Y"), f"ngày {date.day}-{date.month}-{date.year}",
                    f"ngày {date.day} tháng {date.month} năm {date.year}", date.isoformat()):
        assert [d.date for d in find_dates(written)] == [date], written


def test_terms():
    assert [t.label for t in find_terms("nhiệm kỳ 2020 - 2025 và (2016-2020)")] == ["2020-2025", "2016-2020"]


@pytest.mark.parametrize("written, n", [("XX", 20), ("VII", 7), ("XII", 12), ("XIV", 14), ("16", 16), ("x", 10)])
def test_parse_ordinal(written, n):
    assert parse_ordinal(written) == n


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_round_trip(n):
    assert roman_to_int(int_to_roman(n)) == n


@pytest.mark.parametrize("bad", ["", "IIII", "VX", "ABC"])
def test_bad_roman_numerals_are_refused(bad):
    with pytest.raises(ValueError):
        roman_to_int(bad)


@pytest.mark.parametrize("text, date", [
    ("diễn ra trong 2 ngày 21 và 22-7.", dt.date(2020, 7, 21)),
    ("Trong các ngày 9 và 10-8-2020, Đảng bộ", dt.date(2020, 8, 9)),
    ("Trong 2 ngày 13 và 14/7/2020, Đảng bộ", dt.date(2020, 7, 13)),
    ("(tổ chức từ ngày 27 - 30/10/2017)", dt.date(2017, 10, 27)),
])
def test_a_list_of_days_starts_on_its_first(text, date):
    assert find_dates(text, default_year=2020)[0].date == date


# Numbers in words, as Vietnamese newspapers write them.
_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _words_below_thousand(n: int, draw, after_thousand: bool) -> list[str]:
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or (after_thousand and n):
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += [draw(st.sampled_from(["lẻ", "linh"])), _DIGITS[units]] if words else [_DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append({5: draw(st.sampled_from(["lăm", "nhăm"]))}.get(units, _DIGITS[units]))
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: draw(st.sampled_from(["mốt", "một"])), 4: draw(st.sampled_from(["tư", "bốn"])),
                          5: draw(st.sampled_from(["lăm", "nhăm"]))}.get(units, _DIGITS[units]))
    return words


def vietnamese_words(n: int, draw) -> str:
    """10 <= n <= 999,999 in words: 21 "hai mươi mốt", 105 "một trăm lẻ năm", 3004 "ba nghìn không trăm linh tư"."""
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands:
        words += _words_below_thousand(thousands, draw, False) + [draw(st.sampled_from(["nghìn", "ngàn"]))]
    words += _words_below_thousand(rest, draw, bool(thousands))
    return " ".join(words)


@given(st.integers(min_value=10, max_value=999_999), st.data())
def test_every_number_written_in_words_parses_back(n, data):
    written = vietnamese_words(n, data.draw)
    text = f"Đảng bộ Khối có {written} đảng viên."
    (q,) = find_quantities(text)
    assert q.value == n and text[q.start : q.end] == written  # and the figure is quoted as written


@pytest.mark.parametrize("text, value", [
    ("bầu hai mươi mốt đồng chí vào Ban Chấp hành", 21),
    ("có một trăm lẻ năm tổ chức cơ sở đảng", 105),
    ("chín mươi tám tổ chức cơ sở đảng", 98),
    ("hơn ba nghìn không trăm linh tư đảng viên", 3004),
    ("bốn mươi lăm đồng chí", 45),
    ("mười lăm chi bộ", 15),
])
def test_examples_of_numbers_in_words(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize("text, values", [
    ("một đảng viên", []),  # "a member": only numbers from ten up are read in words
    ("ba cơ quan", []),
    ("hai mươi năm qua", [20]),  # "twenty years": "năm" after "mươi" is no five
    ("mười năm", [10]),
])
def test_words_below_ten_and_years_are_not_read_as_more(text, values):
    assert [q.value for q in find_quantities(text)] == values
