"""The gold files the scores rest on are well-formed, and a malformed gold row is refused with its
file and line rather than read askew (an unquoted decimal comma once split four seed rows)."""

import json

import pytest

from khoi_report import KhoiError, extract
from khoi_report.cli import app
from khoi_report.score import read_gold

from .conftest import GOLD, SAMPLES, assert_one_line_error, runner

HEADER = "article,field,kind,value,unit,period,evidence\n"
GOOD_ROW = "a.txt,members,actual,5356,count,2020-06,5.356 đảng viên\n"


@pytest.mark.parametrize("gold, articles", [(GOLD / "seeds.gold.csv", SAMPLES),
                                            (GOLD.parent / "corpus" / "gold.csv", GOLD.parent / "corpus" / "articles")])
def test_every_gold_row_quotes_its_evidence_from_its_article(gold, articles):
    """Each row has its seven columns, and its evidence is verbatim in the article (white space folded)."""
    texts = {item.article.id: " ".join(item.article.text.split()) for item in extract(articles).items}
    for row in read_gold(gold):
        assert set(row) == {"article", "field", "kind", "value", "unit", "period", "evidence"}, row
        assert " ".join(row["evidence"].split()) in texts[row["article"]], row


@pytest.mark.parametrize("row, message", [
    ("a.txt,grdp_growth,actual,5.25,percent,2015-2020,GRDP bình quân 5,25%/năm",
     "8 columns where the header has 7 (quote a value that holds a comma)"),
    ("a.txt,members,actual,5356", "4 columns where the header has 7"),
    ("a.txt,members,achieved,5356,count,,có 5.356 đảng viên", "unknown kind 'achieved'; kinds: meta, actual, target"),
    ("a.txt,membres,actual,5356,count,,có 5.356 đảng viên", "unknown indicator 'membres'"),
    ("a.txt,chairman,meta,Nguyễn Văn A,,,Nguyễn Văn A", "unknown metadata field 'chairman'"),
    ('a.txt,members_good_rate,actual,"96,74",percent,,"đạt 96,74%"', "members_good_rate value '96,74' is not a plain number"),
    ("a.txt,members,actual,,count,,có đảng viên", "members value '' is not a plain number"),
    ("a.txt,congress_ordinal,meta,XX,,,lần thứ XX", "congress_ordinal 'XX' is not an integer"),
    ("a.txt,congress_start,meta,27/07/2020,,,ngày 27/7/2020", "congress_start '27/07/2020' is not an ISO date"),
], ids=["unquoted comma", "too few columns", "unknown kind", "unknown indicator", "unknown field",
        "decimal comma", "no value", "roman ordinal", "date not ISO"])
def test_a_malformed_gold_row_is_refused_naming_its_line(tmp_path, row, message):
    gold = tmp_path / "gold.csv"
    gold.write_text(HEADER + GOOD_ROW + row + "\n", "utf-8")
    with pytest.raises(KhoiError) as error:
        read_gold(gold)
    assert str(error.value).startswith(f"{gold}:3: {message}")
    assert "\n" not in str(error.value)


def test_a_gold_file_without_a_column_is_refused(tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text(HEADER.replace(",evidence", "") + GOOD_ROW.rsplit(",", 1)[0] + "\n", "utf-8")
    with pytest.raises(KhoiError, match=rf"^{gold}:1: missing column\(s\) evidence$"):
        read_gold(gold)


def test_score_reports_a_malformed_gold_row_in_one_line(tmp_path):
    extraction = tmp_path / "x.json"
    extraction.write_text(json.dumps({"articles": [], "observations": [], "findings": []}), "utf-8")
    gold = tmp_path / "gold.csv"
    gold.write_text(HEADER + GOOD_ROW + "a.txt,grdp_growth,actual,5.25,percent,,tăng 5,25%/năm\n", "utf-8")
    result = runner.invoke(app, ["score", str(extraction), str(gold)])
    assert_one_line_error(result, f"{gold}:3: 8 columns where the header has 7")


def test_the_confidence_table_matches_the_corpus():
    """data/confidence.toml (tools/calibration.py --write) still says what the corpus measures: every
    cue and source the corpus produces is in it, each within 0.03 of its measured confidence."""
    import importlib.util
    import tomllib
    from pathlib import Path

    from khoi_report.extraction.confidence import shrunk

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("calibration", root / "tools" / "calibration.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    table = tomllib.loads((root / "src" / "khoi_report" / "data" / "confidence.toml").read_text("utf-8"))
    measured = tool.measure()
    for section, counts, prior in (("observation", measured["cues"], tool.held_out("observation")),
                                   ("metadata", measured["sources"], tool.held_out("metadata"))):
        for key, (right, n) in counts.items():
            assert key in table[section], f"{section} {key} is not in the table: run tools/calibration.py --write"
            assert abs(table[section][key]["confidence"] - shrunk(right, n, prior)) <= 0.03, (key, right, n)
