"""The catalogue is data: a new indicator needs a table in indicators.toml, not code."""

import tomllib
from importlib import resources

import pytest

from khoi_report.extraction import catalogue
from khoi_report.extraction.ingest import read_article
from khoi_report.extraction.observations import extract_article


def shipped() -> dict:
    return tomllib.loads(resources.files("khoi_report").joinpath("data/indicators.toml").read_text("utf-8"))


def test_shipped_catalogue_covers_the_core_indicators():
    core = {i.key for i in catalogue.load().core}
    assert core == {"members", "party_orgs", "grassroots_committees", "grassroots_cells", "delegates", "new_members",
                    "members_good_rate", "orgs_good_rate", "committee_elected", "grdp_growth"}


def test_a_new_indicator_from_data_alone(write_article):
    data = shipped()
    data["indicator"].append({
        "key": "youth_members", "unit": "count", "label_vi": "Đoàn viên thanh niên", "label_en": "Youth Union members",
        "rules": [{"after": r"\s*đoàn viên\b"}],
    })
    cat = catalogue.parse(data)
    article = read_article(write_article("a.txt", "Đảng bộ Khối các cơ quan tỉnh Yên Bái có 2.300 đoàn viên."))
    found = {(o.indicator, o.value) for o in extract_article(article, cat).observations}
    assert ("youth_members", 2300) in found


def test_a_reference_to_an_unknown_indicator_is_refused():
    data = shipped()
    data["indicator"][0]["share_of"] = "no_such_indicator"
    with pytest.raises(ValueError, match="no_such_indicator"):
        catalogue.parse(data)
