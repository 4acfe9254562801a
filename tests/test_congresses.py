"""Congresses, not articles: the articles on one congress make one record, a brief compares the
congresses of one term, and a bloc's congresses of successive terms stand side by side."""

import json

import pandas as pd
import pytest
from docx import Document

from khoi_report import build, extract
from khoi_report.settings import Settings
from khoi_report.tables import tabulate
from khoi_report.tables.export import as_dict
from khoi_report.wording import message

from .conftest import docx_text, needs, pdf_text

PREVIEW = """Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh chuẩn bị Đại hội lần thứ XV, nhiệm kỳ 2020-2025

10/07/2020 08:00

Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV, nhiệm kỳ 2020-2025 sẽ diễn ra trong 2 ngày 16 và 17-7-2020.
Đảng bộ Khối hiện có 6.124 đảng viên, sinh hoạt tại 92 tổ chức cơ sở đảng. Đại hội dự kiến có 250 đại biểu chính thức.
"""
OPENING = """Khai mạc Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV, nhiệm kỳ 2020-2025

17/07/2020 10:00

Sáng 16-7, Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh khai mạc Đại hội đại biểu lần thứ XV, nhiệm kỳ 2020-2025, với 248 đại biểu chính thức.
Đảng bộ Khối hiện có 6.124 đảng viên, sinh hoạt tại 92 tổ chức cơ sở đảng.
Nhiệm kỳ 2015-2020, Đảng bộ Khối kết nạp 1.136 đảng viên mới; tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên bình quân đạt 95%.
"""
CLOSING = """Bế mạc Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV

18/07/2020 16:00

Sau 2 ngày làm việc, Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV, nhiệm kỳ 2020-2025 đã bế mạc. Đại hội có 248 đại biểu chính thức.
"""
EARLIER = """Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XIV, nhiệm kỳ 2015-2020

20/07/2015 09:00

Ngày 20-7-2015, Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh tổ chức Đại hội đại biểu lần thứ XIV, nhiệm kỳ 2015-2020.
Đảng bộ Khối có 5.820 đảng viên, sinh hoạt tại 96 tổ chức cơ sở đảng.
Đại hội đề ra mục tiêu kết nạp 1.000 đảng viên mới trở lên; phấn đấu hằng năm có trên 95% đảng viên hoàn thành tốt nhiệm vụ trở lên.
"""
OTHER = """Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Long An lần thứ VI, nhiệm kỳ 2020-2025

22/07/2020 09:00

Ngày 21-7, Đảng bộ Khối Doanh nghiệp tỉnh Long An tổ chức Đại hội đại biểu lần thứ VI, nhiệm kỳ 2020-2025.
Đảng bộ Khối có 2.962 đảng viên, sinh hoạt tại 64 tổ chức cơ sở đảng.
"""
LONE_2015 = """Đại hội Đảng bộ Khối Dân chính Đảng tỉnh Bạc Liêu lần thứ IX, nhiệm kỳ 2015-2020

10/08/2015 09:00

Ngày 10-8-2015, Đảng bộ Khối Dân chính Đảng tỉnh Bạc Liêu tổ chức Đại hội đại biểu lần thứ IX, nhiệm kỳ 2015-2020.
Đảng bộ Khối có 9.466 đảng viên, sinh hoạt tại 78 tổ chức cơ sở đảng.
"""


@pytest.fixture
def corpus(write_article):
    for name, text in (("1_preview.txt", PREVIEW), ("2_opening.txt", OPENING), ("3_closing.txt", CLOSING),
                       ("0_earlier.txt", EARLIER), ("4_other.txt", OTHER), ("5_lone.txt", LONE_2015)):
        write_article(name, text)
    return write_article.folder


def test_the_articles_on_one_congress_make_one_record(corpus):
    tables = tabulate(extract(corpus, store=False))
    congresses = tables.congresses.set_index("congress")
    record = congresses.loc["ha-tinh-co-quan-2020-2025"]
    assert sorted(record["articles"]) == ["1_preview.txt", "2_opening.txt", "3_closing.txt"]
    assert record["delegates"] == 248  # the reports beat the preview's planned 250
    assert record["members"] == 6124 and record["congress_ordinal"] == 15 and record["congress_start"] == "2020-07-16"
    assert congresses.loc["ha-tinh-co-quan-2015-2020", "members"] == 5820  # the earlier congress is its own record


def test_one_finding_per_congress_and_figure_listing_each_value(corpus):
    findings = [f for f in extract(corpus, store=False).findings if f.code == "sources_disagree"]
    assert [(f.params["bloc"], f.params["indicator"]) for f in findings] == [("ha-tinh-co-quan-2020-2025", "delegates")]
    worded = message(findings[0])
    assert "250 (1_preview.txt)" in worded and "248 (2_opening.txt, 3_closing.txt)" in worded
    # figures of two terms never disagree: 5.820 (2015) against 6.124 (2020) is no finding


def test_articles_that_contradict_each_other_on_the_congress_are_not_merged(write_article):
    write_article("a.txt", OTHER)
    write_article("b.txt", OTHER.replace("lần thứ VI", "lần thứ VII").replace("2.962", "2.970"))
    extraction = extract(write_article.folder, store=False)
    (conflict,) = [f for f in extraction.findings if f.code == "congress_conflict"]
    assert "6 (a.txt)" in message(conflict) and "7 (b.txt)" in message(conflict)
    assert not [f for f in extraction.findings if f.code == "sources_disagree"]
    congresses = tabulate(extraction).congresses
    assert set(congresses["congress"]) == {"long-an-doanh-nghiep-2020-2025-6", "long-an-doanh-nghiep-2020-2025-7"}
    assert set(congresses["cycle"]) == {"2020-2025"}  # both are of the term compared, whatever their number


def test_the_comparison_ranks_the_congresses_of_one_term(corpus):
    tables = tabulate(extract(corpus, store=False))
    assert tables.cycle == "2020-2025"  # the latest term with a congress
    blocs = tables.blocs.set_index("bloc")
    assert list(blocs["in_cycle"]) == [False, True, True]  # bac-lieu (2015 only), ha-tinh, long-an
    assert blocs.loc["ha-tinh-co-quan", "members"] == 6124  # its 2020 congress, not its 2015 one
    earlier = tabulate(extract(corpus, store=False), cycle="2015-2020").blocs.set_index("bloc")
    assert earlier.loc["ha-tinh-co-quan", "members"] == 5820 and not earlier.loc["long-an-doanh-nghiep", "in_cycle"]


@needs("pdftotext")
def test_the_brief_says_the_term_and_lists_what_it_does_not_rank(corpus, tmp_path):
    build(Settings(inputs=corpus, out=tmp_path))
    text = " ".join(pdf_text(tmp_path / "brief.pdf").split())
    assert "Bảng so sánh các chỉ tiêu chính, nhiệm kỳ 2020–2025" in text
    assert "Chỉ có số liệu của nhiệm kỳ khác" in text and "Bạc Liêu (2015–2020)" in text
    assert "thấp nhất là Long An (2.962)" in text and "9.466" not in text.split("Tóm tắt")[-1].split("Bảng so sánh")[0]
    docx = docx_text(tmp_path / "brief.docx")
    assert "Bảng so sánh các chỉ tiêu chính, nhiệm kỳ 2020–2025" in docx and "Bạc Liêu (2015–2020)" in docx


@needs("pdftotext")
def test_a_blocs_congresses_stand_side_by_side_in_its_section(corpus, tmp_path):
    build(Settings(inputs=corpus, out=tmp_path))
    text = pdf_text(tmp_path / "brief.pdf", layout=True)
    section = text.split("Các kỳ đại hội")[1]
    rows = [line for line in section.splitlines() if line.strip().startswith(("2015–2020", "2020–2025"))][:2]
    assert "5.820" in rows[0] and "6.124" in rows[1]
    tables = [t for t in Document(str(tmp_path / "brief.docx")).tables
              if t.rows[0].cells[0].text == "Nhiệm kỳ" and len(t.rows) == 3]
    assert [[c.text for c in row.cells][:1] for row in tables[0].rows[1:]] == [["2015–2020 (XIV)"], ["2020–2025 (XV)"]]


def test_the_json_contract_has_congresses(corpus):
    data = as_dict(tabulate(extract(corpus, store=False)))
    (record,) = [c for c in data["congresses"] if c["congress"] == "ha-tinh-co-quan-2020-2025"]
    assert {k: record[k] for k in ("bloc", "cycle", "congress_ordinal", "congress_start")} == {
        "bloc": "ha-tinh-co-quan", "cycle": "2020-2025", "congress_ordinal": 15, "congress_start": "2020-07-16"}
    (delegates,) = [f for f in record["figures"] if f["indicator"] == "delegates"]
    assert delegates["value"] == 248 and {s["article"] for s in delegates["sources"]} == {
        "1_preview.txt", "2_opening.txt", "3_closing.txt"}
    assert all(s["evidence"] for s in delegates["sources"])
    assert {a["article"]: a["congress"] for a in data["articles"]}["0_earlier.txt"] == "ha-tinh-co-quan-2015-2020"
    json.dumps(data)  # plain data throughout


def test_the_targets_of_one_congress_are_held_to_the_results_of_the_next(corpus):
    tables = tabulate(extract(corpus, store=False))
    rows = {r["indicator"]: r for r in tables.accountability.to_dict("records")}
    assert (rows["new_members"]["target"], rows["new_members"]["result"], rows["new_members"]["met"]) == (1000, 1136, True)
    rate = rows["members_good_rate"]
    assert (rate["qualifier"], rate["target"], rate["result"], rate["met"]) == ("more_than", 95, 95, False)  # "trên 95%"


@pytest.mark.parametrize("result, target, qualifier, met", [
    (97.67, 95, "at_least", True), (95, 95, "at_least", True), (760, 800, "at_least", False),
    (95, 95, "more_than", False), (96, 95, "more_than", True), (5, 6, "at_most", True), (6, 6, "less_than", False),
    (100, 100, "about", None), (800, 800, None, True),
    (950, 900, "range", True), (850, 900, "range", False), (6, 6, "at_most", True),  # "từ 900 đến 1.000 đảng viên": its lower end is the line
])
def test_a_target_is_met_as_its_qualifier_reads(result, target, qualifier, met):
    from khoi_report.tables.accountability import met as judged

    assert judged(result, target, qualifier) is met


@needs("pdftotext")
def test_the_brief_shows_targets_met_and_missed_in_both_formats(corpus, tmp_path):
    build(Settings(inputs=corpus, out=tmp_path))
    text = " ".join(pdf_text(tmp_path / "brief.pdf").split())
    assert "Thực hiện chỉ tiêu nhiệm kỳ 2015–2020" in text and "Thực hiện chỉ tiêu nhiệm kỳ trước" in text
    assert "từ 1.000 trở lên 1.136 Đạt" in text and "trên 95% 95% Không đạt" in text
    lines = docx_text(tmp_path / "brief.docx")
    assert "từ 1.000 trở lên" in lines and "Không đạt" in lines


SUCCESSOR = """Đại hội Đảng bộ các cơ quan Đảng tỉnh Hà Tĩnh lần thứ I, nhiệm kỳ 2025-2030

28/07/2025 09:00

Ngày 28-7-2025, Đảng bộ các cơ quan Đảng tỉnh Hà Tĩnh tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.
Đảng bộ hiện có 2.700 đảng viên, sinh hoạt tại 60 tổ chức cơ sở đảng.
"""


@needs("pdftotext")
def test_by_successor_sets_the_last_khoi_term_beside_the_2025_bodies(corpus, tmp_path):
    (corpus / "6_successor.txt").write_text(SUCCESSOR, "utf-8")
    build(Settings(inputs=corpus, out=tmp_path, by_successor=True, cycle="2020-2025"))
    text = " ".join(pdf_text(tmp_path / "brief.pdf").split())
    assert "Nhiệm kỳ 2020–2025 và 2025–2030 theo 34 tỉnh, thành phố sau sắp xếp" in text
    assert "Không so được một đối một" in text
    assert "Đảng bộ các cơ quan Đảng tỉnh Hà Tĩnh (2.700)" in text and "Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh (6.124)" in text
    assert "Long An" in text.split("theo 34 tỉnh")[1]  # Long An's Khối, under Tây Ninh since 2025
    assert "Tây Ninh" in text.split("theo 34 tỉnh")[1]
    assert "Đảng bộ các cơ quan Đảng tỉnh Hà Tĩnh (2.700)" in docx_text(tmp_path / "brief.docx")


def test_a_target_the_next_congress_gives_no_result_for_cannot_be_judged(write_article):
    """Hà Tĩnh's 2015 congress set two targets; its 2020 congress reports new members only (met at
    exactly 1.000, "trở lên"); the rate cannot be judged, not missed. Sơn La's only congress set a
    target with no next congress to hold it to: no row."""
    write_article("0_earlier.txt", EARLIER)
    write_article("1_later.txt", "Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV, nhiệm kỳ 2020-2025\n\n"
                                  "Nhiệm kỳ qua, Đảng bộ Khối kết nạp được 1.000 đảng viên mới.")
    write_article("2_lone.txt", "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Sơn La lần thứ IX, nhiệm kỳ 2020-2025\n\n"
                                "Đại hội đề ra mục tiêu kết nạp 1.000 đảng viên mới trở lên.")
    table = tabulate(extract(write_article.folder, store=False)).accountability
    rows = {r["indicator"]: r for r in table.to_dict("records")}
    assert set(table["bloc"]) == {"ha-tinh-co-quan"} and table["target"].notna().all()
    assert (rows["new_members"]["result"], rows["new_members"]["met"]) == (1000, True)
    assert pd.isna(rows["members_good_rate"]["result"]) and rows["members_good_rate"]["met"] is None


NO_TERM_XV = """Nhìn lại Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV

03/03/2021 09:00

Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh lần thứ XV đã đề ra nhiều chủ trương lớn. Đảng bộ Khối hiện có 6.200 đảng viên.
"""
NO_TERM_NO_ORDINAL = """Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh tổ chức Đại hội

16/07/2020 15:00

Sáng 16-7-2020, Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh khai mạc Đại hội đại biểu. Đảng bộ Khối hiện có 6.124 đảng viên.
"""


def test_an_article_without_its_term_joins_the_congress_its_ordinal_or_its_year_names(tmp_path):
    """A bloc with congresses of two terms on record: a look-back of 2021 naming only "lần thứ XV"
    joins the XV congress (its term is the one every other article gives that ordinal), and a
    report naming neither term nor ordinal joins the congress of its year's term, 2020-2025."""
    for name, text in (("a.txt", EARLIER), ("b.txt", OPENING), ("c.txt", NO_TERM_XV), ("d.txt", NO_TERM_NO_ORDINAL)):
        (tmp_path / name).write_text(text, "utf-8")
    articles = tabulate(extract(tmp_path)).articles.set_index("article")
    assert articles.loc["c.txt", "term"] is None or pd.isna(articles.loc["c.txt", "term"])  # the premise
    assert articles.loc["b.txt", "congress"] == "ha-tinh-co-quan-2020-2025"
    assert articles.loc["c.txt", "congress"] == articles.loc["d.txt", "congress"] == "ha-tinh-co-quan-2020-2025"
    assert articles.loc["a.txt", "congress"] == "ha-tinh-co-quan-2015-2020"


LATER_NO_TERM = """Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh sau Đại hội

05/03/2021 09:00

Sau Đại hội, Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh tập trung triển khai nghị quyết. Đảng bộ Khối hiện có 6.300 đảng viên.
"""


@pytest.mark.parametrize(("others", "expected"), [
    ((OPENING,), "ha-tinh-co-quan-2020-2025"),  # the bloc's one term on record
    ((), "ha-tinh-co-quan"),  # no term anywhere: one congress of an unknown cycle
])
def test_an_article_naming_no_term_ordinal_or_congress_year_joins_the_blocs_one_congress(tmp_path, others, expected):
    for i, text in enumerate((LATER_NO_TERM, *others)):
        (tmp_path / f"{i}.txt").write_text(text, "utf-8")
    articles = tabulate(extract(tmp_path)).articles.set_index("article")
    assert set(articles["congress"]) == {expected}


def test_a_2025_body_of_hue_is_named_and_placed_as_the_city_it_became(tmp_path):
    """Huế is one of the 34 units since 2025 but none of the 63 before: its 2025 body's brief names
    it 'thành phố Huế' and places it in its region (it used to stop the build)."""
    text = SUCCESSOR.replace("tỉnh Hà Tĩnh", "thành phố Huế")
    (tmp_path / "hue.txt").write_text(text, "utf-8")
    (tmp_path / "ha-tinh.txt").write_text(SUCCESSOR, "utf-8")
    from khoi_report.render.context import build_context

    context = build_context(tabulate(extract(tmp_path)))
    names = {bloc["name"] for bloc in context["blocs"]}
    assert "Đảng bộ các cơ quan Đảng thành phố Huế" in names, names
    assert {row["region"] for row in context["comparison"]["rows"]} == {"Bắc Trung Bộ và duyên hải miền Trung"}


def test_a_bloc_without_a_congress_in_the_term_compared_shows_its_latest(corpus, write_article):
    """Compared in 2025-2030, where only Long An's bloc has a congress on record, Hà Tĩnh
    (congresses of 2015 and 2020) shows its 2020-2025 congress, unranked."""
    write_article("6_long_an_2025.txt", "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Long An lần thứ VII, nhiệm kỳ "
                                        "2025-2030\n\n20/05/2025 09:00\n\nĐảng bộ Khối có 3.010 đảng viên.\n")
    blocs = tabulate(extract(corpus, store=False), cycle="2025-2030").blocs.set_index("bloc")
    assert blocs.loc["long-an-doanh-nghiep", "in_cycle"]  # the premise
    ha_tinh = blocs.loc["ha-tinh-co-quan"]
    assert (ha_tinh["congress"], ha_tinh["cycle"], ha_tinh["in_cycle"], ha_tinh["members"]) == (
        "ha-tinh-co-quan-2020-2025", "2020-2025", False, 6124)


EARLIER_NO_TERM = """Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh tổ chức Đại hội

20/07/2015 15:00

Ngày 20-7-2015, Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh tổ chức Đại hội đại biểu. Đảng bộ Khối có 5.820 đảng viên.
"""
LOOK_BACK_DATED = """Một năm sau Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh

03/03/2021 09:00

Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh khai mạc ngày 16-7-2020. Đảng bộ Khối nay có 6.300 đảng viên.
"""


def test_an_article_naming_no_term_or_ordinal_joins_the_congress_its_date_opens_or_none(tmp_path):
    """A bloc with congresses of 2015 and 2020 on record: a report of 2015 naming neither term nor
    ordinal joins the 2015-2020 congress; a look-back of 2021 that dates the congress 16-7-2020
    joins 2020-2025 (the congress's day decides, not the article's); an article of 2021 that dates
    no congress joins neither, and makes no congress of an unknown term."""
    for name, text in (("a.txt", EARLIER), ("b.txt", OPENING), ("c.txt", EARLIER_NO_TERM), ("d.txt", LOOK_BACK_DATED),
                       ("e.txt", LATER_NO_TERM)):
        (tmp_path / name).write_text(text, "utf-8")
    tables = tabulate(extract(tmp_path))
    articles = tables.articles.set_index("article")
    assert articles.loc["d.txt", "congress_start"] == "2020-07-16"  # the premise
    assert articles.loc["c.txt", "congress"] == "ha-tinh-co-quan-2015-2020"
    assert articles.loc["d.txt", "congress"] == "ha-tinh-co-quan-2020-2025"
    assert pd.isna(articles.loc["e.txt", "congress"])
    assert set(tables.congresses["congress"]) == {"ha-tinh-co-quan-2015-2020", "ha-tinh-co-quan-2020-2025"}


def test_articles_of_no_bloc_make_no_congress_conflict(write_article):
    """The central bloc is no province's: its articles of two congresses of one term are no
    contradiction to report."""
    text = "Đại hội Đảng bộ Khối các cơ quan Trung ương lần thứ XIII, nhiệm kỳ 2020-2025\n\n15/10/2020 09:00\n\n" \
           "Đại hội đại biểu Đảng bộ Khối các cơ quan Trung ương lần thứ XIII, nhiệm kỳ 2020-2025 khai mạc.\n"
    write_article("a.txt", text)
    write_article("b.txt", text.replace("XIII", "XII"))
    extraction = extract(write_article.folder, store=False)
    assert {i.meta.congress_ordinal.value for i in extraction.items} == {12, 13}  # the premise
    assert not [f for f in extraction.findings if f.code == "congress_conflict"]
