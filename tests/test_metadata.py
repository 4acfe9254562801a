"""The secretary and the congress's first day are chosen from candidates with reasons, and none is
named when the evidence is weak: a wrong name or date in a brief is worse than "not stated"."""

import pytest

from khoi_report.extraction.ingest import read_article
from khoi_report.extraction.observations import extract_article

HEAD = "Đại hội Đảng bộ Khối các cơ quan tỉnh Phú Yên lần thứ XIV, nhiệm kỳ 2020-2025\n\n20/07/2020 10:05\n\n"


def meta(write_article, body: str, head: str = HEAD):
    return extract_article(read_article(write_article("a.txt", head + body))).meta


@pytest.mark.parametrize("body, secretary", [
    # re-elected, in the words articles use
    ("Đồng chí Nguyễn Văn An, Tỉnh ủy viên, tiếp tục được bầu làm Bí thư Đảng ủy Khối.", "Nguyễn Văn An"),
    ("Đồng chí Lê Thị Hoa tái cử Bí thư Đảng ủy Khối khóa XIV.", "Lê Thị Hoa"),
    ("Ông Trần Minh tiếp tục làm Bí thư Đảng ủy Khối các cơ quan tỉnh.", "Trần Minh"),
    # the outgoing secretary (an earlier ordinal) beside the new one
    ("Đồng chí Phan Ngọc Thạch, Bí thư Đảng ủy Khối khóa XIII, phát biểu khai mạc. "
     "Đồng chí Hồ Xuân Trang, Bí thư Đảng ủy Khối khóa XIV, ra mắt Đại hội.", "Hồ Xuân Trang"),
    # the secretary chairing the press conference
    ("Đồng chí Võ Văn Long, Bí thư Đảng ủy Khối, chủ trì họp báo.", "Võ Văn Long"),
    # yet to be appointed: none, though the outgoing one is named
    ("Đồng chí Trịnh Thị Hằng, Bí thư Đảng ủy Khối, phát biểu bế mạc. Bí thư Đảng ủy Khối nhiệm kỳ 2020 - 2025 "
     "sẽ do Ban Thường vụ Tỉnh ủy chỉ định.", None),
    # two people with the title and nothing to tell them apart: none
    ("Đồng chí Nguyễn Văn An, Bí thư Đảng ủy Khối, phát biểu. Đồng chí Lê Văn Bình, Bí thư Đảng ủy Khối, "
     "trao quà.", None),
    # a leaving secretary
    ("Đồng chí Trịnh Thị Hằng, Bí thư Đảng ủy Khối, nghỉ hưu nên không tham gia Ban Chấp hành khóa mới.", None),
])
def test_the_secretary_or_none(write_article, body, secretary):
    found = meta(write_article, body)
    assert found.secretary.value == secretary, found.decisions
    assert found.decisions.get("secretary")  # inspect says why


@pytest.mark.parametrize("body, start", [
    ("Ngày 3/7, Đảng ủy Khối tổ chức họp báo. Ngày 10/7, Đảng bộ Khối tổ chức Đại hội đại biểu lần thứ XIV.",
     "2020-07-10"),
    ("Sáng 14/8, Đại hội khai mạc phiên chính thức. Trước đó, chiều 13/8, Đại hội đã tiến hành phiên trù bị.",
     "2020-08-13"),
    ("Đảng ủy Khối đã chỉ đạo Đảng bộ Sở Tài chính tổ chức đại hội điểm vào ngày 27-3-2020; Đại hội sẽ diễn ra "
     "trong 2 ngày 17 và 18-7.", "2020-07-17"),
    ("Trong 2 ngày 30/6 và 1/7/2020, Đảng bộ Khối tổ chức Đại hội đại biểu lần thứ XIV.", "2020-06-30"),
    ("Đến ngày 25-5-2020, 92/92 TCCSĐ đã tổ chức xong đại hội. Đại hội diễn ra trong 2 ngày 16 và 17-7-2020.",
     "2020-07-16"),
    ("Sáng 15.7, Đại hội đại biểu Đảng bộ Khối khai mạc.", "2020-07-15"),
])
def test_the_congress_starts_on_its_own_first_day(write_article, body, start):
    found = meta(write_article, body)
    assert found.congress_start.value == start, found.candidates.get("congress_start")


def test_a_day_and_month_without_a_year_or_dateline_is_no_date(write_article):
    head = "Đại hội Đảng bộ Khối các cơ quan tỉnh Phú Yên lần thứ XIV, nhiệm kỳ 2020-2025\n\n"
    assert meta(write_article, "Ngày 10/7, Đảng bộ Khối tổ chức Đại hội.", head).congress_start.value is None


def test_a_bloc_named_without_khoi_holds_its_congress(write_article):
    head = "Bế mạc Đại hội đại biểu Đảng bộ Dân chính Đảng tỉnh Cà Mau lần thứ X, nhiệm kỳ 2020 - 2025\n\n"
    found = meta(write_article, "Sau 2 ngày làm việc (6 và 7-8-2020), Đại hội bế mạc.", head)
    assert (found.province.value, found.bloc_type.value, found.congress_ordinal.value, found.term.value) == (
        "Cà Mau", "dan_chinh_dang", 10, "2020-2025")


@pytest.mark.parametrize("head, bloc_type, province", [
    ("Khai mạc Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh Phú Thọ lần thứ I, nhiệm kỳ 2025-2030\n\n",
     "co_quan_dang", "Phú Thọ"),
    ("Đại hội Đảng bộ UBND tỉnh Ninh Bình lần thứ I, nhiệm kỳ 2025 - 2030\n\n", "uy_ban_nhan_dan", "Ninh Bình"),
    # a body of 2025 belongs to one of the 34 provinces: an old province named for it reads as its successor
    ("Đại hội Đảng bộ các cơ quan Đảng tỉnh Bình Dương lần thứ I, nhiệm kỳ 2025-2030\n\n", "co_quan_dang",
     "Hồ Chí Minh"),
])
def test_the_2025_successor_bodies(write_article, head, bloc_type, province):
    found = meta(write_article, "Đại hội có 184 đại biểu được chỉ định.", head)
    assert (found.bloc_type.value, found.province.value, found.congress_ordinal.value) == (bloc_type, province, 1)


def test_an_appointed_committee_is_no_elected_one(write_article):
    from khoi_report.extraction.ingest import read_article as read

    body = "Ban Thường vụ Tỉnh ủy đã chỉ định Ban Chấp hành Đảng bộ các cơ quan Đảng tỉnh nhiệm kỳ 2025-2030 gồm 33 đồng chí."
    head = "Đại hội Đảng bộ các cơ quan Đảng tỉnh Phú Thọ lần thứ I, nhiệm kỳ 2025-2030\n\n"
    item = extract_article(read(write_article("a.txt", head + body)))
    assert [o for o in item.observations if o.indicator == "committee_elected"] == []
