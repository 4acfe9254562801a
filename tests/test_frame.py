from khoi_report import extract
from khoi_report.tables import tabulate

from .conftest import SAMPLES


def test_one_row_per_province_bloc_with_its_figures():
    blocs = tabulate(extract(SAMPLES)).blocs.set_index("bloc")
    assert list(blocs.index) == ["an-giang-co-quan-doanh-nghiep", "binh-duong-co-quan-doanh-nghiep",
                                 "can-tho-dan-chinh-dang", "nghe-an-co-quan", "thai-nguyen-co-quan"]
    assert blocs.loc["thai-nguyen-co-quan", "members"] == 5356
    assert blocs.loc["can-tho-dan-chinh-dang", "new_members__target"] == 1200
    assert blocs.loc["thai-nguyen-co-quan", "members_per_org"] == 5356 / 73
    can_tho = blocs.loc["can-tho-dan-chinh-dang"]
    assert (can_tho["congress_ordinal"], can_tho["term"], can_tho["secretary"], can_tho["congress"]) == (
        7, "2015-2020", "Ngô Hồng Yến", "can-tho-dan-chinh-dang-2015-2020")


def test_the_congress_number_is_written_whole_in_the_data_exports():
    """blocs.csv and congresses.csv say congress 7, not 7.0 (a bloc without a number leaves its cell empty)."""
    import io

    import pandas as pd

    from khoi_report.tables.export import csv_tables, data_frames

    files = csv_tables(data_frames(tabulate(extract(SAMPLES))))
    for name in ("data/blocs.csv", "data/congresses.csv"):
        table = pd.read_csv(io.BytesIO(files[name]), dtype=str, keep_default_na=False).set_index("bloc")
        assert table.columns[0] != "index", name  # the bloc is the first column, as in the brief's tables
        assert (table.loc["can-tho-dan-chinh-dang", "congress_ordinal"],
                table.loc["thai-nguyen-co-quan", "congress_ordinal"]) == ("7", ""), name


def test_the_newest_article_wins_and_duplicates_count_once(write_article):
    head = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Sơn La lần thứ IX\n\n"
    write_article("old.txt", head + "01/05/2019\n\nĐảng bộ có 2.100 đảng viên.")
    write_article("new.txt", head + "01/07/2020\n\nĐảng bộ có 2.150 đảng viên.")
    write_article("new_copy.txt", head + "01/07/2020\n\nĐảng bộ có 2.150 đảng viên.")
    t = tabulate(extract(write_article.folder))
    (row,) = t.blocs.to_dict("records")
    assert row["members"] == 2150
    assert row["articles"] == ["new.txt", "old.txt"]
    assert t.articles.set_index("article").loc["new_copy.txt", "duplicate_of"] == "new.txt"
    assert sorted(t.observations["article"]) == ["new.txt", "old.txt"]


def test_derived_figures_use_the_term_the_count_covers():
    blocs = tabulate(extract(SAMPLES)).blocs.set_index("bloc")
    assert blocs.loc["can-tho-dan-chinh-dang", "new_per_100"] == 1955 / 5 / 5008 * 100  # 2010-2015
    assert blocs.loc["thai-nguyen-co-quan", "new_per_100"] == 953 / 5 / 5356 * 100  # no term stated: five years
    assert blocs["new_per_100"].isna().sum() == 3  # blocs without members or new members: none made up


def test_derived_figures_follow_the_corrections(tmp_path):
    import shutil

    shutil.copytree(SAMPLES, tmp_path / "inputs")
    (tmp_path / "inputs" / "corrections.toml").write_text(
        '[[correction]]\nbloc = "thai-nguyen-co-quan"\nindicator = "members"\nvalue = 5400\nreason = "Báo cáo chính trị"\n',
        "utf-8")
    blocs = tabulate(extract(tmp_path / "inputs"), tmp_path / "inputs" / "corrections.toml").blocs.set_index("bloc")
    assert blocs.loc["thai-nguyen-co-quan", "members_per_org"] == 5400 / 73
    assert blocs.loc["thai-nguyen-co-quan", "new_per_100"] == 953 / 5 / 5400 * 100


HA_TINH = "Đảng bộ Khối các cơ quan tỉnh Hà Tĩnh"
XV = f"Đại hội đại biểu {HA_TINH} lần thứ XV, nhiệm kỳ 2020-2025"
# Six articles on one congress (opened 16-7-2020), named out of their order in time.
ONE_CONGRESS = {
    "b_preview.txt": f"{HA_TINH} chuẩn bị Đại hội lần thứ XV, nhiệm kỳ 2020-2025\n\n05/07/2020 08:00\n\n"
                     f"{XV} sẽ diễn ra ngày 16-7-2020. Đảng bộ Khối hiện có 6.100 đảng viên, sinh hoạt tại 90 tổ chức "
                     "cơ sở đảng.\nNhiệm kỳ 2015-2020, Đảng bộ Khối kết nạp 1.136 đảng viên mới. Đại hội sẽ đề ra mục tiêu kết nạp "
                     "1.200 đảng viên mới trở lên.\n",
    "e_preview.txt": f"{HA_TINH} sẵn sàng cho Đại hội lần thứ XV, nhiệm kỳ 2020-2025\n\n10/07/2020 08:00\n\n"
                     f"{XV} sẽ diễn ra ngày 16-7-2020. Đảng bộ Khối hiện có 6.100 đảng viên, sinh hoạt tại 90 tổ chức "
                     "cơ sở đảng.\n",
    "c_opening.txt": f"Khai mạc Đại hội {HA_TINH} lần thứ XV, nhiệm kỳ 2020-2025\n\n16/07/2020 10:00\n\n"
                     f"Sáng 16-7, {HA_TINH} khai mạc Đại hội đại biểu lần thứ XV, nhiệm kỳ 2020-2025, với 249 đại biểu "
                     "chính thức.\nĐảng bộ Khối hiện có 6.124 đảng viên, sinh hoạt tại 92 tổ chức cơ sở đảng.\n",
    "d_closing.txt": f"Bế mạc Đại hội {HA_TINH} lần thứ XV\n\n17/07/2020 16:00\n\n"
                     f"Sau 2 ngày làm việc, {XV} đã bế mạc. Đại hội có 248 đại biểu chính thức.\n"
                     "Đảng bộ Khối có 92 tổ chức cơ sở đảng.\n",
    "a_lookback.txt": f"Nhìn lại Đại hội {HA_TINH} lần thứ XV, nhiệm kỳ 2020-2025\n\n03/03/2021 09:00\n\n"
                      f"{XV} có 248 đại biểu chính thức. Đảng bộ Khối có 93 tổ chức cơ sở đảng.\n",
    "f_lookback.txt": f"Một năm thực hiện Nghị quyết Đại hội {HA_TINH} lần thứ XV, nhiệm kỳ 2020-2025\n\n"
                      f"05/07/2021 09:00\n\n{XV} có 249 đại biểu chính thức.\nPhiên bế mạc có 248 đại biểu chính thức dự.\n",
}


def test_a_congress_figure_is_what_its_reports_say_then_what_most_say_then_the_newest(write_article):
    """The rules that merge the articles on one congress, each deciding one figure: two previews'
    6.100 members give way to the opening's 6.124 (reports made on or after the first day beat
    previews, however many); new members and their target, which only a preview gives (in one
    sentence each), are the preview's; 92
    organisations, which two reports give, beat the newest report's 93; delegates, 249 in two
    reports and 248 in two, are what the newest article says (its later 248 is not counted: an
    article's first statement of a figure speaks for it)."""
    for name, text in ONE_CONGRESS.items():
        write_article(name, text)
    (row,) = tabulate(extract(write_article.folder, store=False)).congresses.to_dict("records")
    assert row["congress_start"] == "2020-07-16"
    assert (row["members"], row["new_members"], row["party_orgs"], row["delegates"]) == (6124, 1136, 92, 249)
    assert row["new_members__target"] == 1200
    assert row["published"] == "2021-07-05"  # the newest article's day


def test_a_congress_whose_first_day_no_article_gives_counts_every_article(write_article):
    """Without its first day, no article can be told a preview: two dated reports' 2.962 members
    beat an undated one's 2.950."""
    head = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Long An lần thứ VI, nhiệm kỳ 2020-2025\n\n"
    write_article("a.txt", head + "Đảng bộ Khối có 2.950 đảng viên.\n")
    write_article("b.txt", head + "22/07/2020 09:00\n\nĐảng bộ Khối có 2.962 đảng viên.\n")
    write_article("c.txt", head + "25/07/2020 09:00\n\nĐảng bộ Khối có 2.962 đảng viên.\n")
    (row,) = tabulate(extract(write_article.folder, store=False)).congresses.to_dict("records")
    assert row["congress_start"] is None and row["articles"] == ["c.txt", "b.txt", "a.txt"]  # the premise
    assert row["members"] == 2962
