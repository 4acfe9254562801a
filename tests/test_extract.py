"""Extraction on the sample articles, scored against the hand-checked gold, plus the general
rules on sentences of our own: the samples are not the test, the rules are."""

import json
import subprocess
import sys

import pytest

from khoi_report import extract
from khoi_report.cli import app
from khoi_report.extraction.ingest import read_article
from khoi_report.extraction.observations import extract_article
from khoi_report.score import read_gold, score
from khoi_report.tables import tabulate
from khoi_report.tables.export import as_dict

from .conftest import GOLD, SAMPLES, runner


@pytest.fixture(scope="module")
def sample_extraction():
    return extract(SAMPLES)


def test_samples_match_the_gold_exactly(sample_extraction):
    result = score(as_dict(tabulate(sample_extraction)), read_gold(GOLD / "seeds.gold.csv"))
    assert result.misses == []
    assert (result.metadata_accuracy, result.precision, result.recall) == (1.0, 1.0, 1.0)


def test_every_observation_quotes_its_evidence_exactly(sample_extraction):
    for item in sample_extraction.items:
        for o in item.observations:
            assert item.article.text[o.start:o.end] == o.evidence
            assert item.article.text[o.figure_start:o.figure_end] == o.figure
            assert o.figure in o.evidence


def observations(write_article, text):
    item = extract_article(read_article(write_article("a.txt", text)))
    return {(o.indicator, o.kind, o.value) for o in item.observations}, item.meta


HEAD = "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Quảng Ninh lần thứ XVI, nhiệm kỳ 2020 - 2025\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Đảng bộ hiện có 4.120 đảng viên, sinh hoạt tại 58 tổ chức cơ sở đảng.",
     {("members", "actual", 4120), ("party_orgs", "actual", 58)}),
    ("Nhiệm kỳ qua đã kết nạp được 712 đảng viên mới.", {("new_members", "actual", 712)}),
    ("Phấn đấu hằng năm có trên 90% đảng viên hoàn thành tốt nhiệm vụ trở lên.",
     {("members_good_rate", "target", 90)}),
    ("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên bình quân đạt 88,5%.",
     {("orgs_good_rate", "actual", 88.5)}),
    ("Đại hội bầu 35 đồng chí vào Ban Chấp hành Đảng bộ Khối khóa mới.", {("committee_elected", "actual", 35)}),
    ("Dự đại hội có 210 đại biểu.", {("delegates", "actual", 210)}),
    ("Tăng trưởng kinh tế (GRDP) bình quân 9,1%/năm, vượt chỉ tiêu nghị quyết.", {("grdp_growth", "actual", 9.1)}),
])
def test_indicators_in_sentences_of_other_styles(write_article, sentence, expected):
    found, _ = observations(write_article, HEAD + sentence)
    assert found == expected


@pytest.mark.parametrize("sentence", [
    "Trong nhiệm kỳ, thành lập 5 đảng bộ cơ sở và tiếp nhận 12 chi bộ cơ sở.",  # events, not stocks
    "Trao Huy hiệu Đảng cho 150 đảng viên.",
    "Chỉ đạo 7 đảng bộ cơ sở có chi bộ trên 30 đảng viên tách chi bộ.",
    "Ban Chấp hành Đảng bộ tỉnh có 3.500 đảng viên toàn tỉnh đạt danh hiệu.",
    "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị.",
])
def test_figures_that_are_not_the_blocs_stock_are_left_out(write_article, sentence):
    found, _ = observations(write_article, HEAD + sentence)
    assert not {f for f in found if f[0] in ("members", "party_orgs", "grassroots_committees", "grassroots_cells")}


def test_a_visiting_leader_does_not_move_the_bloc(write_article):
    text = ("Đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy Bắc Ninh, dự Đại hội Đảng bộ Khối các cơ quan tỉnh "
            "Bắc Giang lần thứ XVII, nhiệm kỳ 2020-2025.\n\nĐồng chí Trần Minh Tuấn, Tỉnh ủy viên, Bí thư "
            "Đảng ủy Khối phát biểu tại Bắc Ninh.")
    _, meta = observations(write_article, text)
    assert meta.province.value == "Bắc Giang"
    assert meta.bloc_type.value == "co_quan"
    assert meta.congress_ordinal.value == 17
    assert meta.term.value == "2020-2025"
    assert meta.secretary.value == "Trần Minh Tuấn"


@pytest.mark.parametrize("written, ordinal", [("XVI", 16), ("16", 16), ("6", 6), ("chín", None), ("mười", None)])
def test_the_congress_ordinal_as_the_article_writes_it(write_article, written, ordinal):
    """Roman or Arabic, one digit or two. Spelt out in words it is not read, and never as the Roman
    numeral its first letter looks like ("chín" as C = 100, "mười" as M = 1000)."""
    text = f"Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Quảng Ninh lần thứ {written}, nhiệm kỳ 2020 - 2025\n\n"
    _, meta = observations(write_article, text + "Đảng bộ hiện có 4.120 đảng viên.")
    assert meta.congress_ordinal.value == ordinal


def test_a_deputy_is_not_the_secretary(write_article):
    text = HEAD + "Đồng chí Lê Văn Phúc, Phó Bí thư Đảng ủy Khối, điều hành phiên thảo luận."
    _, meta = observations(write_article, text)
    assert meta.secretary.value is None


def test_a_central_bloc_has_no_province(write_article):
    text = "Đại hội Đảng bộ Khối các cơ quan Trung ương lần thứ XIII khai mạc tại Hà Nội."
    _, meta = observations(write_article, text)
    assert (meta.bloc_type.value, meta.province.value) == ("trung_uong", None)


def test_old_tone_marks_and_eth_match(write_article):
    text = ("Ðảng bộ Khối Doanh nghiệp tỉnh Khánh Hoà tổ chức Đại hội lần thứ V. "
            "Ðảng uỷ Khối có 1.050 đảng viên.")
    found, meta = observations(write_article, text)
    assert meta.province.value == "Khánh Hòa"
    assert ("members", "actual", 1050) in found


def test_extract_json_is_plain_data(sample_extraction):
    data = as_dict(tabulate(sample_extraction))
    json.dumps(data)  # serialisable
    first = data["observations"][0]
    assert set(first) >= {"article", "indicator", "kind", "value", "unit", "period", "evidence", "start", "end",
                          "confidence"}
    assert all(isinstance(o["value"], (int, float)) for o in data["observations"])


def test_a_bracketed_target_shares_the_period_of_its_figure(sample_extraction):
    (item,) = [i for i in sample_extraction.items if i.article.id.startswith("000")]
    periods = {(o.kind, o.value): o.period for o in item.observations if o.indicator == "grdp_growth"}
    assert periods == {("actual", 5.25): "2015-2020", ("target", 7): "2015-2020"}


CORPUS = GOLD.parent / "corpus"


def test_articles_in_other_styles_formats_and_encodings_match_their_gold():
    """Eighty-eight articles written independently of the extractor (six sets, tests/corpus/README.md):
    HTML portal pages, UTF-16 and cp1258, old tone marks, a central bloc, a non-bloc article, visiting
    delegations, interviews, briefs, previews, re-elected and yet-to-be-appointed secretaries,
    preparatory sessions, numbers in words. A regression test: no longer held out."""
    result = score(as_dict(tabulate(extract(CORPUS / "articles"))), read_gold(CORPUS / "gold.csv"))
    assert result.metadata_accuracy >= 0.98, "\n".join(result.misses)
    assert result.precision >= 0.98 and result.recall >= 0.98, "\n".join(result.misses)


def test_extraction_on_two_worker_processes_gives_the_serial_result():
    """Nothing cached (no store, a fresh in-memory cache), so every article really goes through the
    workers: 88 articles make six chunks of 16, shared by the two workers."""
    articles = CORPUS / "articles"
    serial = extract(articles, workers=1, store=False, cache={})
    memory: dict = {}
    parallel = extract(articles, workers=2, store=False, cache=memory)
    assert not [f for f in parallel.findings if f.code == "extract_failed"]
    assert [i.article.id for i in parallel.items] == [i.article.id for i in serial.items]
    assert len(parallel.items) == len(list(articles.iterdir())) == 88 and len(memory) == 88
    assert [i.meta for i in parallel.items] == [i.meta for i in serial.items]
    assert as_dict(tabulate(parallel)) == as_dict(tabulate(serial))  # metadata, observations, findings


def test_extract_without_the_cache_on_many_articles_matches_the_serial_json(tmp_path, monkeypatch):
    """`khoi-report extract --no-cache` on a folder at PARALLEL_FROM articles goes to every core."""
    articles = CORPUS / "articles"
    args = ["extract", "-i", str(articles), "--no-cache", "--json"]
    assert runner.invoke(app, [*args, str(tmp_path / "serial.json")]).exit_code == 0
    monkeypatch.setattr("khoi_report.extraction.folder.PARALLEL_FROM", 2)
    result = runner.invoke(app, [*args, str(tmp_path / "parallel.json")])
    assert result.exit_code == 0, result.output
    parallel = json.loads((tmp_path / "parallel.json").read_text("utf-8"))
    assert not [f for f in parallel["findings"] if f["code"] == "extract_failed"]
    assert parallel == json.loads((tmp_path / "serial.json").read_text("utf-8"))


def test_the_synthetic_corpus_generator_and_its_gold(tmp_path):
    """The scale benchmarks' corpus: its gold must agree with the extractor (a sanity check)."""
    subprocess.run([sys.executable, str(GOLD.parents[1] / "benchmarks" / "generate_corpus.py"), str(tmp_path), "--n", "40"],
                   check=True, capture_output=True)
    result = score(as_dict(tabulate(extract(tmp_path / "articles"))), read_gold(tmp_path / "gold.csv"))
    assert result.metadata_accuracy == 1.0 and result.f1 == 1.0, "\n".join(result.misses)


def test_the_national_generator_writes_congresses_of_successive_terms_and_the_2025_successors(tmp_path):
    """Several articles a congress, two congresses a bloc, the successors of 2025: one record each."""
    subprocess.run([sys.executable, str(GOLD.parents[1] / "benchmarks" / "generate_corpus.py"), str(tmp_path),
                    "--national", "--blocs", "3", "--units", "2"], check=True, capture_output=True)
    extraction = extract(tmp_path / "articles", store=False)
    tables = tabulate(extraction)
    result = score(as_dict(tables), read_gold(tmp_path / "gold.csv"))
    assert result.metadata_accuracy == 1.0 and result.f1 == 1.0, "\n".join(result.misses)
    assert len(tables.congresses) == 3 * 2 + 2 * 2 and set(tables.congresses["cycle"]) == {
        "2015-2020", "2020-2025", "2025-2030"}
    disagreements = [f for f in extraction.findings if f.code == "sources_disagree"]
    assert len(disagreements) <= len(tables.congresses)  # one per congress and figure at most, never one per pair
