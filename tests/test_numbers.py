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
    ("kết nạp 5 ngìn đảng viên", [(5e3, "count", None, "5 ngìn")]),  # a spelling of nghìn the press uses too
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
    # A comma after a figure ends it; "tỉnh" is no "tỉ"; every currency and unit word.
    ("Đảng bộ có 5.356, trong đó 1.200 đảng viên nữ", [(5356, "count", None, "5.356"), (1200, "count", None, "1.200")]),
    ("gồm 3, 4 và 5 chi bộ", [(3, "count", None, "3"), (4, "count", None, "4"), (5, "count", None, "5")]),
    ("cả nước có 63 tỉnh, thành phố", [(63, "count", None, "63")]),
    ("hỗ trợ 500 triệu VNĐ", [(500e6, "vnd", None, "500 triệu VNĐ")]),
    ("hỗ trợ 500 triệu vnd", [(500e6, "vnd", None, "500 triệu vnd")]),
    ("xuất khẩu 20.000 USD", [(20000, "usd", None, "20.000 USD")]),
    ("thu hút 1 triệu đô la", [(1e6, "usd", None, "1 triệu đô la")]),
    ("thu hút 2 triệu đô-la", [(2e6, "usd", None, "2 triệu đô-la")]),
    ("đạt 35 phần trăm", [(35, "percent", None, "35 phần trăm")]),
    ("có từ chín mươi phần trăm tổ chức", [(90, "percent", None, "chín mươi phần trăm")]),  # a percentage in words
    ("tăng 3 lần", [(3, "times", None, "3 lần")]),
    ("giảm 5% trở xuống", [(5, "percent", "at_most", "5%")]),
    ("giá 300.000 đ", [(300000, "vnd", None, "300.000 đ")]),
    ("tăng 7% đồng thời giảm 2%", [(7, "percent", None, "7%"), (2, "percent", None, "2%")]),  # "đồng thời" is no đồng
    ("63/64 tổ chức và 1.200 đảng viên", [(63, "count", None, "63/64"), (1200, "count", None, "1.200")]),
    ("Sáng 29/2, Đảng bộ có 120 đảng viên", [(120, "count", None, "120")]),  # a leap day is a date, not 29 and 2
    ("Đại hội diễn ra ngày 30/6 và 1/7, có 120 đại biểu", [(120, "count", None, "120")]),  # 1/7 is no fraction
    ("Đại hội diễn ra ngày 30-6 và 1-7, có 120 đại biểu", [(120, "count", None, "120")]),  # nor 1-7 a range
    ("Đại hội diễn ra ngày 31/10 và 1/11, có 120 đại biểu", [(120, "count", None, "120")]),
    ("Đại hội diễn ra ngày 30/6, 1/7, có 120 đại biểu", [(120, "count", None, "120")]),
    ("Đại hội diễn ra từ ngày 30/6 đến 2/7, có 120 đại biểu", [(120, "count", None, "120")]),
    ("Đại hội diễn ra ngày 30/6 – 1/7, có 120 đại biểu", [(120, "count", None, "120")]),
    # "trở lên" after the noun ("hoàn thành tốt nhiệm vụ trở lên") leaves the bound before the figure alone.
    ("có trên 90% đảng viên hoàn thành tốt nhiệm vụ trở lên", [(90, "percent", "more_than", "90%")]),
    # "trở lên" or "trở xuống" bounds a figure only when it comes after that figure, and "từ" alone bounds nothing.
    ("Số chi bộ đạt từ khá trở lên tăng từ 85% lên 90%", [(85, "percent", None, "85%"), (90, "percent", None, "90%")]),
    ("Số chi bộ có từ 10 đảng viên trở xuống chiếm 15%", [(10, "count", "at_most", "10"), (15, "percent", None, "15%")]),
    ("chi bộ có từ 30 đảng viên trở lên và chi bộ có 10 đảng viên trở xuống",
     [(30, "count", "at_least", "30"), (10, "count", "at_most", "10")]),
    # A document's number followed by a comma is no figure; a decimal after a document word is one.
    ("Thực hiện Chỉ thị 05, Đảng bộ kết nạp 120 đảng viên", [(120, "count", None, "120")]),
    ("thu ngân sách đạt 15 tỷ đồng (kế hoạch 12,5 tỷ đồng)", [(15e9, "vnd", None, "15 tỷ đồng"), (12.5e9, "vnd", None, "12,5 tỷ đồng")]),
])
def test_find_quantities(text, expected):
    assert quantities(text) == [(pytest.approx(v), u, q, s) for v, u, q, s in expected]


@pytest.mark.parametrize("text, value, figure", [("vượt kế hoạch 5%", 5, "5%"), ("vượt kế hoạch 15%", 15, "15%"),
                                                  ("vượt kế hoạch 12,5%", 12.5, "12,5%")])
def test_a_share_of_a_plan_is_a_figure(text, value, figure):
    """'kế hoạch 15%' is 15% of the plan, not Plan no. 1 or 15."""
    assert quantities(text) == [(value, "percent", None, figure)]


def test_a_rate_per_year_is_marked_so():
    """A growth averaged over the term is written per year ("5,25%/năm"); a single year's rate is not."""
    assert [(q.value, q.per_year) for q in find_quantities("GRDP bình quân tăng 5,25%/năm, riêng năm 2020 tăng 7%")] == [
        (5.25, True), (7, False)]


def test_fraction_keeps_its_whole():
    (q,) = find_quantities("Đến nay 63/64 tổ chức cơ sở đảng")
    assert (q.value, q.whole) == (63, 64)
    (q,) = find_quantities("64/64 tổ chức cơ sở đảng hoàn thành nhiệm vụ")  # all of them
    assert (q.value, q.whole) == (64, 64)


@pytest.mark.parametrize("text, value, upper, unit", [
    ("vốn 3 - 5 tỷ đồng", 3e9, 5e9, "vnd"),  # the scale and the unit apply to both ends
    ("tăng 3–5%", 3, 5, "percent"),
    ("từ 3 tới 5%", 3, 5, "percent"),
    ("từ 3 đến 5 triệu đồng", 3e6, 5e6, "vnd"),
])
def test_a_range_keeps_both_ends(text, value, upper, unit):
    (q,) = find_quantities(text)
    assert (q.value, q.upper, q.unit, q.qualifier) == (pytest.approx(value), pytest.approx(upper), unit, "range")


@pytest.mark.parametrize("text, qualifier", [
    ("có hơn 35% số thu", "more_than"), ("Hơn 35% số thu", "more_than"), ("có trên 3.000 đảng viên", "more_than"),
    ("vượt 20% kế hoạch", "more_than"), ("đảng viên ngoài 60 tuổi", "more_than"),
    ("có gần 800 đảng viên", "about"), ("có khoảng 800 đảng viên", "about"), ("xấp xỉ 800 đảng viên", "about"),
    ("ước đạt 1.200 tỷ đồng", "about"), ("ước 1.200 tỷ đồng", "about"),
    ("dưới 5%", "less_than"), ("chưa đến 5%", "less_than"), ("chưa tới 5%", "less_than"),
    ("ít nhất 90%", "at_least"), ("tối thiểu 90%", "at_least"), ("từ 3% trở lên", "at_least"),
    ("tối đa 5%", "at_most"), ("không quá 5%", "at_most"),
    ("từ 3 chi bộ", None),  # "từ" alone ("from") bounds nothing
])
def test_words_before_a_figure_bound_it(text, qualifier):
    """The brief prints the bound before the figure ("hơn 35%"): each word the press uses."""
    (q,) = find_quantities(text)
    assert q.qualifier == qualifier


@pytest.mark.parametrize("text", [
    "ngày 30/5/2019", "tháng 6/2020", "Quyết định số 1087", "Hướng dẫn số 16-HD/ĐUK", "nhiệm kỳ 2020 - 2025", "Chỉ thị số 35-CT/TW", "Hướng dẫn số 16/HD/ĐUK",
    "cách mạng công nghiệp 4.0", "dịch Covid-19", "năm 2020", "lúc 07:38", "Nghị quyết Trung ương 4", "lần thứ 16",
    # Sections, telephone numbers and codes glued to letters.
    "tại mục 2.3 và khoản 2,3 Điều 5", "điện thoại 0208.3855.123", "phủ sóng mạng 5G",
    # Years and periods, in every wording the press uses around them.
    "6 - 2020", "2016 – 2020", "giai đoạn 2021", "nhiệm kỳ 2020", "niên khóa 2020", "đến 2025", "từ 2020", "trước 2020",
    "sau 2020", "cuối 2020", "đầu 2021",
    # Numbered documents, parts of documents and list markers.
    "Kế hoạch số 35-KH/ĐUK", "Quy định 12/QĐ-TW", "số 12/QĐ", "QH15", "(12)", "thứ 3", "khóa 16", "Điều 5", "khoản 2",
    "chương 3", "mục 4", "trang 3", "Chỉ thị 05", "Hướng dẫn số 16", "Nghị quyết 18", "Công văn số 123", "Kế hoạch 45",
    "Thông báo số 7", "Đề án 06", "Kết luận 21", "Quy định số 105", "Tờ trình số 3", "Văn bản số 9", "Thông tư 12",
    "Nghị định số 34", "Luật số 1", "Quyết định thành lập 25", "lúc 7h30", "Hội nghị TW 6",
    "tháng 12/2020", "2016-2020", "thực hiện 12/2020/NĐ-CP", "thực hiện 35-CT/TW", "thực hiện 16/HD/ĐUK",
    # A code whose number is no month ('145/2019'), or has a dot ('01.2020/KH'), with no document word before it.
    "thực hiện 145/2019/NQ-HĐND", "theo 01.2020/KH-ĐU",
    # A code whose letters start with Đ, a road's code, a one-digit list marker and hour, a document at a sentence's end.
    "thực hiện 07-ĐA/ĐUK", "nâng cấp tuyến ĐT-741", "(1)", "lúc 7:30", "quán triệt Nghị quyết 18.",
    "8g30: Văn nghệ chào mừng",  # a programme's hour written with "g" (giờ)
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
    # The time after a date as portals print it: after a comma or an en dash, one-digit hours, "9h30", seconds.
    ("Thứ Ba, 14/07/2020, 09:30 (GMT+7)", dt.date(2020, 7, 14), dt.time(9, 30)),
    ("28/07/2020 – 07:38", dt.date(2020, 7, 28), dt.time(7, 38)),
    ("04/08/2020 - 7:38", dt.date(2020, 8, 4), dt.time(7, 38)),
    ("14/07/2020 9h30", dt.date(2020, 7, 14), dt.time(9, 30)),
    ("14/07/2020 09:30:15", dt.date(2020, 7, 14), dt.time(9, 30, 15)),
    ("2020-07-20T08:05:00+07:00", dt.date(2020, 7, 20), dt.time(8, 5)),  # a page's article:published_time
    ("2020-08-24 08:14:30", dt.date(2020, 8, 24), dt.time(8, 14, 30)), ("2020-08-24 08:14", dt.date(2020, 8, 24),
                                                                       dt.time(8, 14)),
    # The last second of a day, in both shapes.
    ("2020-08-24 23:59:59", dt.date(2020, 8, 24), dt.time(23, 59, 59)),
    ("24/08/2020 23:59:59", dt.date(2020, 8, 24), dt.time(23, 59, 59)),
])
def test_find_dates(text, date, time):
    (found,) = find_dates(text)
    assert (found.date, found.time) == (date, time)


@pytest.mark.parametrize("text, date, stated", [
    # Day, month and year with every separator, and a time before the date ("10:30 - 31/07/2020").
    ("ngày 5 - 10 - 2020", dt.date(2020, 10, 5), True), ("ngày 5.10.2020", dt.date(2020, 10, 5), True),
    ("vào 5-10-2020", dt.date(2020, 10, 5), True), ("2020-8-4", dt.date(2020, 8, 4), True),
    ("Cập nhật 10:30 - 31/07/2020", dt.date(2020, 7, 31), True),
    ("ngày 28/7-2020", dt.date(2020, 7, 28), True), ("ngày 28-7/2020", dt.date(2020, 7, 28), True),
    # Days across two months, every separator: the first day, in its own month.
    ("ngày 30/6 và 1/7/2020", dt.date(2020, 6, 30), True), ("ngày 31-7 đến 2-8-2020", dt.date(2020, 7, 31), True),
    ("ngày 30.6 - 1.7.2020", dt.date(2020, 6, 30), True), ("ngày 30/6, 1/7/2020", dt.date(2020, 6, 30), True),
    ("ngày 30/6 – 1/7/2020", dt.date(2020, 6, 30), True), ("ngày 31/10 và 1/11/2020", dt.date(2020, 10, 31), True),
    ("ngày 30/6-1/7/2020", dt.date(2020, 6, 30), True),
    # Several days: the first.
    ("các ngày 22, 23/7/2020", dt.date(2020, 7, 22), True), ("ngày 22-23.7.2020", dt.date(2020, 7, 22), True),
    ("từ ngày 22 đến 23/7/2020", dt.date(2020, 7, 22), True), ("ngày 9, 10-8-2020", dt.date(2020, 8, 9), True),
    ("ngày 22 – 23/7/2020", dt.date(2020, 7, 22), True), ("ngày 1 và 2-8-2020", dt.date(2020, 8, 1), True),
    # In words.
    ("ngày 5 tháng 10, 2020", dt.date(2020, 10, 5), True), ("ngày 5 tháng 10/2020", dt.date(2020, 10, 5), True),
    ("ngày 22 – 23 tháng 7", dt.date(2020, 7, 22), False), ("ngày 22, 23 tháng 7", dt.date(2020, 7, 22), False),
    ("ngày 22 đến 23 tháng 7", dt.date(2020, 7, 22), False), ("ngày 22 và 23 tháng 7", dt.date(2020, 7, 22), False),
    ("ngày 22 - 23 tháng 7", dt.date(2020, 7, 22), False), ("ngày 5 tháng 10", dt.date(2020, 10, 5), False),
    ("ngày 22-23 tháng 7", dt.date(2020, 7, 22), False), ("ngày 8 và 9 tháng 7", dt.date(2020, 7, 8), False),
    # Day and month after a word of time, the year from the article.
    ("ngày 28-7", dt.date(2020, 7, 28), False), ("hôm 28-7", dt.date(2020, 7, 28), False),
    ("sáng 28/7", dt.date(2020, 7, 28), False), ("chiều 28/7", dt.date(2020, 7, 28), False),
    ("tối 28/7", dt.date(2020, 7, 28), False), ("trưa 28/7", dt.date(2020, 7, 28), False),
    ("đêm 28/7", dt.date(2020, 7, 28), False), ("ngày 27 - 29/7", dt.date(2020, 7, 27), False),
    # A dot between day and month after a word of time.
    ("Sáng 15.7, Đại hội khai mạc", dt.date(2020, 7, 15), False), ("chiều 5.7", dt.date(2020, 7, 5), False),
    ("trưa 15.10", dt.date(2020, 10, 15), False), ("tối 15.7", dt.date(2020, 7, 15), False),
    ("ngày 15.7", dt.date(2020, 7, 15), False),
    ("ngày 27 – 29/7", dt.date(2020, 7, 27), False), ("ngày 27 đến 29-7", dt.date(2020, 7, 27), False),
    ("ngày 27-29/7", dt.date(2020, 7, 27), False), ("ngày 8 và 9/7", dt.date(2020, 7, 8), False),
    ("ngày 28/10", dt.date(2020, 10, 28), False), ("ngày 30-6 và 1-7", dt.date(2020, 6, 30), False),
    ("ngày 27 và 28-7", dt.date(2020, 7, 27), False), ("(27, 28 và 29-7)", dt.date(2020, 7, 27), False),
    ("từ ngày 19 đến hết ngày 20/8/2020", dt.date(2020, 8, 19), True), ("từ ngày 19 đến ngày 20/8", dt.date(2020, 8, 19), False),
    # In words without "ngày": after a word of time, or opening the text (batch 11)
    ("Sáng nay 28 tháng 7, Đảng bộ Khối", dt.date(2020, 7, 28), False), ("25 tháng 7, 2020 lúc 17:42", dt.date(2020, 7, 25), True),
    ("Chiều nay 28 tháng 7, Đảng bộ Khối", dt.date(2020, 7, 28), False), ("Tối nay 28 tháng 7", dt.date(2020, 7, 28), False),
    ("Sáng 28 tháng 7, Đại hội khai mạc", dt.date(2020, 7, 28), False), ("chiều 28 tháng 7", dt.date(2020, 7, 28), False),
    ("tối 28 tháng 7", dt.date(2020, 7, 28), False), ("trưa 28 tháng 7", dt.date(2020, 7, 28), False),
    ("Chia sẻ bài viết\n25 tháng 7, 2020 lúc 17:42", dt.date(2020, 7, 25), True),  # the stamp opens a later line
])
def test_dates_as_the_press_writes_them(text, date, stated):
    (found,) = find_dates(text, default_year=2020)
    assert (found.date, found.year_stated) == (date, stated)


@pytest.mark.parametrize("text", ["đạt 3/4 chỉ tiêu", "Sáng nay, 3/4 đại biểu có mặt", "ngày 31/02/2020", "ngày 28/7/1899",
                                  "2020-13-01", "Trong ngày 1.100 đảng viên đã tham gia",
                                  "Tính đến nay, từ 2/3 số chi bộ trở lên đạt chuẩn", "Có từ 2/3 số đại biểu trở lên đến dự",
                                  "Chi bộ sinh hoạt định kỳ 3 tháng 1 lần"])
def test_what_is_no_date(text):
    """A fraction without a word of time right before it ("từ 2/3" is two thirds: only "từ 22 đến 23/7" is a span
    of days), a number of months ("3 tháng 1 lần", every three months) and days that do not exist."""
    assert find_dates(text, default_year=2020) == []


def test_every_date_of_a_text_in_order():
    text = "Đại hội diễn ra từ ngày 28 đến 30/7/2020; hội nghị ngày 2-8 và ngày 15/8/2020."
    assert [d.date for d in find_dates(text, default_year=2020)] == [dt.date(2020, 7, 28), dt.date(2020, 8, 2),
                                                                     dt.date(2020, 8, 15)]


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
    assert [t.label for t in find_terms("nhiệm kỳ 2020 – 2025, 2025—2030")] == ["2020-2025", "2025-2030"]  # dashes


def test_a_term_spans_one_to_ten_years():
    """A school year and a ten-year strategy are periods; a single year, a reversed or a longer span is not."""
    text = "năm học 2020-2021, Chiến lược 2011-2020, giai đoạn 2010-2020, 2020-2020, 2025-2020, 2010-2021"
    assert [t.label for t in find_terms(text)] == ["2020-2021", "2011-2020", "2010-2020"]


@pytest.mark.parametrize("written, n", [("XX", 20), ("VII", 7), ("XII", 12), ("XIV", 14), ("16", 16), ("x", 10),
                                        (" 16 ", 16), ("nhất", 1), ("tư", 4), ("mười", 10)])  # as a correction
                                                                                        # may quote it; a bulletin in words
def test_parse_ordinal(written, n):
    assert parse_ordinal(written) == n


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_round_trip(n):
    assert roman_to_int(int_to_roman(n)) == n


@pytest.mark.parametrize("bad", ["", "IIII", "XXXX", "CCCC", "MMMM", "VX", "ABC"])
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
    ("có hai nghìn lẻ năm đảng viên", 2005),  # no "không trăm" after the thousands
])
def test_examples_of_numbers_in_words(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize("text, values", [
    ("một đảng viên", []),  # "a member": only numbers from ten up are read in words
    ("ba cơ quan", []),
    ("hai mươi năm qua", [20]),  # "twenty years": "năm" after "mươi" is no five
    ("mười năm", [10]),
    ("trong hai năm qua", []),  # "two years", not twenty
])
def test_words_below_ten_and_years_are_not_read_as_more(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, value, quoted", [
    ("sau hai mươi lăm năm xây dựng", 25, "hai mươi lăm"),  # the years after a number are not part of it
    ("mười lăm năm qua", 15, "mười lăm"),
    ("kỷ niệm một trăm linh năm năm ngày thành lập", 105, "một trăm linh năm"),
    ("bình quân mỗi năm hai mươi lăm đảng viên được kết nạp", 25, "hai mươi lăm"),  # "năm" (year) before it
    ("ban hành mười chính sách", 10, "mười"),  # "chính" is no "chín"
])
def test_a_number_in_words_is_quoted_as_written(text, value, quoted):
    assert [(q.value, text[q.start : q.end]) for q in find_quantities(text)] == [(value, quoted)]


@pytest.mark.parametrize("text, qualifier", [
    ("Hơn hai mươi đảng viên", "more_than"),
    ("có ba mươi đảng viên trở lên", "at_least"),
    ("Số chi bộ xếp loại từ khá trở lên là hai mươi lăm", None),  # the "trở lên" is before the number
])
def test_words_around_a_number_in_words_bound_it(text, qualifier):
    (q,) = find_quantities(text)
    assert q.qualifier == qualifier
