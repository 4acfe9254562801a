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
