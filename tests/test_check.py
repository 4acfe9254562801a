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


HA_NAM = "Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI\n\n"


@pytest.mark.parametrize("admitted, share, contradicts", [
    (200, "18,5", False),  # 20% said to be 18.5%: within a tenth of the share, rounding
    (65, "5", True),  # 6.5% said to be 5%: more than a point off
], ids=["rounding", "contradiction"])
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
