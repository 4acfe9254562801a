"""Findings are raised where the samples really contradict themselves, and not on clean text."""

import pytest

from khoi_report import extract
from khoi_report.wording import message, word

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def findings():
    return extract(SAMPLES).findings


def codes_for(findings, article):
    return {f.code for f in findings if f.article == article}


def test_share_that_contradicts_the_counts(findings):
    (f,) = [f for f in findings if f.code == "share_contradicts_counts"]
    assert f.article == "001_03e8ab6feff05417.txt"
    assert message(f).endswith("953 is said to be 5% of 5,356, but it is 17.79%")
    assert word(f.code, f.params, "vi").endswith("953 được nêu là chiếm 5% của 5.356, nhưng thực tế là 17,79%")
    assert "chiếm 5%" in f.evidence


def test_contradictory_congress_ordinals(findings):
    (f,) = [f for f in findings if f.code == "contradictory_ordinals"]
    assert f.article == "002_2eda8238e98fc717.txt" and message(f).endswith("several ordinals: 7, 12")
    assert "lần thứ VII" in f.evidence and "lần thứ XII" in f.evidence


def test_competing_places_in_the_rewritten_article(findings):
    (f,) = [f for f in findings if f.code == "competing_places"]
    assert f.article == "003_1141603b1940cb22.txt"
    assert "Đồng bằng sông Hồng" in message(f) and "Đồng bằng sông Cửu Long" in message(f)
    assert (f.severity, f.params["province"], f.params["others"]) == (
        "warning", "Bình Dương", ["Đồng bằng sông Cửu Long", "Đồng bằng sông Hồng"])


def test_parts_that_add_up_raise_nothing(findings):
    # 001: 42 đảng bộ + 31 chi bộ cơ sở = 73 TCCSĐ holds
    assert "parts_do_not_add_up" not in codes_for(findings, "001_03e8ab6feff05417.txt")


def test_clean_articles_raise_no_warning(findings):
    for article in ("000_edae102663553eca.txt", "004_ee1b797f4bfb97fd.txt"):
        assert not [f for f in findings if f.article == article and f.severity != "info"]


def build_findings(write_article, text, name="a.txt"):
    write_article(name, text)
    return extract(write_article.folder).findings


def test_parts_that_do_not_add_up(write_article):
    text = ("Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI\n\n"
            "Đảng bộ có 60 tổ chức cơ sở đảng, trong đó 25 đảng bộ cơ sở và 30 chi bộ cơ sở.")
    (f,) = [f for f in build_findings(write_article, text) if f.code == "parts_do_not_add_up"]
    assert word(f.code, f.params, "vi").endswith("25 + 30 = 55, nhưng bài báo nêu số tổ chức cơ sở đảng là 60")


def test_rate_over_100(write_article):
    text = ("Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI\n\n"
            "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 104%.")
    assert "rate_over_100" in {f.code for f in build_findings(write_article, text)}


def test_article_about_no_province(write_article):
    text = "Đảng bộ Khối tổ chức hội nghị sơ kết công tác xây dựng Đảng."
    assert "no_province" in {f.code for f in build_findings(write_article, text)}


def test_sources_disagreeing_on_a_bloc(write_article):
    head = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Sơn La lần thứ IX\n\n"
    write_article("a.txt", head + "Đảng bộ có 2.100 đảng viên.")
    findings = build_findings(write_article, head + "Hiện Đảng bộ có 2.150 đảng viên sinh hoạt.", "b.txt")
    (f,) = [f for f in findings if f.code == "sources_disagree"]
    assert word(f.code, f.params, "vi").endswith("số đảng viên (kết quả): 2.100 (a.txt); 2.150 (b.txt)")
    assert (f.severity, f.bloc) == ("warning", "son-la-doanh-nghiep")  # listed under its bloc in the brief


HA_NAM = "Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI\n\n"


@pytest.mark.parametrize("admitted, share, contradicts", [
    (200, "18,5", False),  # 20% said to be 18.5%: within a tenth of the share, rounding
    (65, "5", True),  # 6.5% said to be 5%: more than a point off
    (56, "5", False),  # 5.6% said to be 5%: a small share is allowed a whole point, not a tenth of itself
    (60, "5", False),  # 6% said to be 5%: a point off exactly is still rounding
], ids=["rounding", "contradiction", "small_share", "one_point"])
def test_a_share_may_differ_from_the_counts_by_rounding_only(write_article, admitted, share, contradicts):
    text = HA_NAM + (f"Đảng bộ có 1.000 đảng viên. Nhiệm kỳ qua kết nạp mới được {admitted} đảng viên, chiếm {share}% "
                     "so với đảng viên toàn đảng bộ.")
    codes = {f.code for f in build_findings(write_article, text)}
    assert ("share_contradicts_counts" in codes) == contradicts


def test_a_rate_of_100_is_no_error(write_article):
    text = HA_NAM + "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 100%."
    assert "rate_over_100" not in {f.code for f in build_findings(write_article, text)}


def test_a_duplicate_article_raises_its_findings_once(write_article):
    text = HA_NAM + "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 104%."
    write_article("a.txt", text)
    findings = build_findings(write_article, text, "b.txt")
    assert [f.article for f in findings if f.code == "rate_over_100"] == ["a.txt"]


def test_one_article_stating_two_figures_is_no_disagreement_of_sources(write_article):
    text = HA_NAM + "Đảng bộ có 2.100 đảng viên. Đến nay, Đảng bộ có 2.150 đảng viên."
    assert "sources_disagree" not in {f.code for f in build_findings(write_article, text)}


# Each finding as the brief shows it: its code and its severity (an error is counted and shown
# apart from a warning, an info is no complaint), on articles written as the press writes them.
@pytest.mark.parametrize("text, code, severity", [
    (HA_NAM + "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 100,5%.", "rate_over_100", "error"),
    (HA_NAM + "Đảng bộ có 60 tổ chức cơ sở đảng, trong đó 25 đảng bộ cơ sở và 34 chi bộ cơ sở.",  # one short
     "parts_do_not_add_up", "warning"),
    (HA_NAM + "Phấn đấu đến năm 2025 có 60 tổ chức cơ sở đảng, trong đó 25 đảng bộ cơ sở và 30 chi bộ cơ sở.",
     "parts_do_not_add_up", "warning"),  # targets add up as actuals do
    (HA_NAM + "Đảng bộ có 1.000 đảng viên. Nhiệm kỳ qua kết nạp mới được 65 đảng viên, chiếm 5% so với đảng viên toàn "
     "đảng bộ.", "share_contradicts_counts", "warning"),
    (HA_NAM + "Mục tiêu nhiệm kỳ trình Đại hội Đảng bộ Khối lần thứ XII quyết định.", "contradictory_ordinals",
     "warning"),
    ("Đại hội Đảng bộ Khối các cơ quan Trung ương lần thứ XIII\n\nĐảng bộ có 60 tổ chức cơ sở đảng.", "central_bloc",
     "info"),
    ("Đại hội Đảng bộ tỉnh Hà Nam lần thứ XX\n\nĐảng bộ có 60 tổ chức cơ sở đảng.", "no_bloc", "warning"),
    ("Đảng bộ Khối tổ chức hội nghị sơ kết công tác xây dựng Đảng.", "no_province", "warning"),
    (HA_NAM + "Đảng bộ có 60 tổ chức cơ sở đảng.", "no_date", "info"),
], ids=["rate_over_100", "parts_one_short", "target_parts", "share", "ordinals", "central_bloc", "no_bloc",
        "no_province", "no_date"])
def test_each_finding_is_raised_with_its_severity(write_article, text, code, severity):
    (f,) = [f for f in build_findings(write_article, text) if f.code == code]
    assert f.severity == severity


@pytest.mark.parametrize("text", [
    HA_NAM + "Đảng bộ có 25 đảng bộ cơ sở và 30 chi bộ cơ sở.",  # parts without their total
    HA_NAM + "Đảng bộ có 60 tổ chức cơ sở đảng, trong đó 25 đảng bộ cơ sở.",  # a total with one part of two
    HA_NAM + "Nhiệm kỳ qua kết nạp mới được 65 đảng viên, chiếm 5% so với đảng viên toàn đảng bộ.",  # no whole
], ids=["no_total", "one_part", "no_whole"])
def test_a_relation_with_a_figure_missing_is_not_judged(write_article, text):
    codes = {f.code for f in build_findings(write_article, text)}
    assert not codes & {"parts_do_not_add_up", "share_contradicts_counts"}


def test_the_central_bloc_has_no_province_and_that_is_no_complaint(write_article):
    text = "Đại hội Đảng bộ Khối các cơ quan Trung ương lần thứ XIII, ngày 15/7/2020\n\nĐảng bộ có 60 tổ chức cơ sở đảng."
    assert {(f.severity, f.code) for f in build_findings(write_article, text)} == {("info", "central_bloc")}


def test_a_province_the_bloc_is_named_after_is_not_contested_by_a_guest(write_article):
    """'Đảng bộ Khối các cơ quan tỉnh Hà Nam' says the province; a delegation of Nam Định at the
    congress is no competing place."""
    text = ("Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI, ngày 15/7/2020\n\n"
            "Đoàn đại biểu Đảng bộ Khối các cơ quan tỉnh Nam Định đến dự và chúc mừng Đại hội.")
    assert not build_findings(write_article, text)


@pytest.mark.parametrize("dated", [
    HA_NAM + "28/07/2020 - 07:38\n\nĐảng bộ có 60 tổ chức cơ sở đảng.",  # the page's stamp only
    "Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI, ngày 15/7/2020\n\nĐảng bộ có 60 tổ chức cơ sở đảng.",
], ids=["published", "congress_start"])
def test_an_article_dated_either_way_is_not_undated(write_article, dated):
    assert "no_date" not in {f.code for f in build_findings(write_article, dated)}


def test_articles_that_disagree_on_the_congress_itself(write_article):
    """Two articles on Hà Nam's 2020-2025 congress, one calling it the 11th, one the 12th: a warning
    under the bloc, each ordinal with its article."""
    head = "Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ {}, nhiệm kỳ 2020-2025\n\nĐảng bộ có 2.100 đảng viên."
    write_article("a.txt", head.format("XI"))
    findings = build_findings(write_article, head.format("XII"), "b.txt")
    (f,) = [f for f in findings if f.code == "congress_conflict"]
    assert (f.severity, f.bloc, f.params["values"]) == ("warning", "ha-nam-co-quan", [[11, "a.txt"], [12, "b.txt"]])
    assert word(f.code, f.params, "vi").startswith("ha-nam-co-quan-2020-2025: các bài báo ghi lần thứ khác nhau")


def test_articles_of_no_known_congress_are_no_sources_that_disagree(write_article):
    """Sơn La's bloc has two congresses on record; two articles that give neither term, ordinal nor
    date cannot be said to report the same one, so their figures are not set against each other."""
    head = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Sơn La lần thứ {}, nhiệm kỳ {}\n\nĐảng bộ có {} đảng viên."
    write_article("a.txt", head.format("VIII", "2015-2020", "2.000"))
    write_article("b.txt", head.format("IX", "2020-2025", "2.100"))
    write_article("c.txt", "Đảng bộ Khối Doanh nghiệp tỉnh Sơn La sơ kết công tác xây dựng Đảng\n\nĐảng bộ có 2.150 đảng viên.")
    findings = build_findings(write_article, "Đảng bộ Khối Doanh nghiệp tỉnh Sơn La sơ kết công tác xây dựng Đảng\n\n"
                              "Hiện Đảng bộ có 2.170 đảng viên.", "d.txt")
    assert not [f for f in findings if f.severity != "info"]


def test_sources_that_disagree_on_a_congress_of_a_known_term_are_listed_under_its_bloc(write_article):
    head = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Sơn La lần thứ IX, nhiệm kỳ 2020-2025\n\n"
    write_article("a.txt", head + "Đảng bộ có 2.100 đảng viên.")
    findings = build_findings(write_article, head + "Hiện Đảng bộ có 2.150 đảng viên sinh hoạt.", "b.txt")
    (f,) = [f for f in findings if f.code == "sources_disagree"]
    assert (f.bloc, f.params["bloc"]) == ("son-la-doanh-nghiep", "son-la-doanh-nghiep-2020-2025")


def test_two_articles_stating_the_same_figure_agree(write_article):
    head = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Sơn La lần thứ IX\n\n"
    write_article("a.txt", head + "Đảng bộ có 2.100 đảng viên.")
    findings = build_findings(write_article, head + "Hiện Đảng bộ có 2.100 đảng viên sinh hoạt.", "b.txt")
    assert "sources_disagree" not in {f.code for f in findings}


def test_a_province_and_its_own_region_do_not_compete(write_article):
    text = ("Đại hội Đảng bộ Khối các cơ quan tỉnh lần thứ XI\n\nSáng 15/7/2020, tại thành phố Phủ Lý, tỉnh Hà Nam, Đảng bộ "
            "Khối các cơ quan tỉnh khai mạc Đại hội. Hà Nam là tỉnh thuộc vùng Đồng bằng sông Hồng.")
    assert "competing_places" not in {f.code for f in build_findings(write_article, text)}
