"""Evidence quoted once (#15 item 5): in a bloc's section the figures one sentence carries stand
together, one line each, above one quote of it; a target whose sentence the achievements quote
already points there; and the data-quality section quotes a sentence once per bloc however many
findings it bears. Checked in the context, in the PDF read back by poppler and in the DOCX read
by python-docx, in both presets."""

import datetime as dt

import pytest

from khoi_report import build
from khoi_report.pipeline import extract, template_context
from khoi_report.render.context import finding_quotes, quotes
from khoi_report.settings import Settings

from .conftest import SAMPLES, docx_text, needs, pdf_text

TODAY = dt.date(2026, 11, 23)
# One sentence, five figures and three findings (two rates over 100%, parts that do not add up).
SENTENCE = ("Đảng bộ có 60 tổ chức cơ sở đảng, trong đó 25 đảng bộ cơ sở và 30 chi bộ cơ sở; tỷ lệ đảng viên hoàn thành "
            "tốt nhiệm vụ trở lên đạt 104%, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 103%.")
# One sentence, an achievement and a target.
BOTH = ("Trong nhiệm kỳ, toàn Đảng bộ kết nạp mới 1.105 đảng viên, vượt chỉ tiêu Nghị quyết Đại hội lần thứ X đề ra "
        "(1.000 đảng viên).")
ARTICLE = f"Đại hội Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI\n\n{SENTENCE}\n\n{BOTH}\n"


def _build(inputs, out, preset: str = "default") -> dict:
    settings = Settings(inputs=inputs, out=out, formats=("pdf", "docx"), preset=preset)
    build(settings, today=TODAY)
    return template_context(settings, extract(inputs), TODAY)


def _split(text: str, context: dict) -> tuple[str, str]:
    """The brief's text before the data-quality section (the blocs') and from it on."""
    at = text.index(context["labels"]["findings_by_kind"])
    return text[:at], text[at:]


@pytest.fixture(scope="module", params=["default", "dang"])
def one_sentence(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"evidence-{request.param}")
    (folder / "in").mkdir()
    (folder / "in" / "a.txt").write_text(ARTICLE, "utf-8")
    return folder / "out", _build(folder / "in", folder / "out", request.param)


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    out = tmp_path_factory.mktemp("evidence-samples")
    return out, _build(SAMPLES, out)


def test_the_context_groups_a_blocs_figures_and_findings_by_sentence(one_sentence):
    _, context = one_sentence
    (bloc,) = context["blocs"]
    first, second = bloc["achievement_quotes"]
    assert first["evidence"] == SENTENCE and first["article"] == "a.txt" and not first["quoted_in_achievements"]
    assert [f["text"] for f in first["figures"]] == ["60", "25", "30", "104%", "103%"]
    assert [f for q in bloc["achievement_quotes"] for f in q["figures"]] == bloc["achievements"]  # the same, in order
    (target,) = bloc["target_quotes"]
    assert second["evidence"] == target["evidence"] == BOTH and target["quoted_in_achievements"]
    (group,) = context["quality"]["groups"]
    shared = [q for q in group["quotes"] if q["evidence"] == SENTENCE]
    assert len(shared) == 1 and sorted(f["code"] for f in shared[0]["findings"]) == [
        "parts_do_not_add_up", "rate_over_100", "rate_over_100"]
    assert sorted(map(id, (f for q in group["quotes"] for f in q["findings"]))) == sorted(map(id, group["findings"]))


def test_quotes_keep_first_appearance_order_and_articles_apart():
    def fig(article, evidence, n):
        return {"article": article, "evidence": evidence, "article_title": None, "n": n}

    figures = [fig("a", "x", 1), fig("a", "y", 2), fig("a", "x", 3), fig("b", "x", 4)]
    assert [[f["n"] for f in q["figures"]] for q in quotes(figures)] == [[1, 3], [2], [4]]
    found = [{"evidence": "s", "n": 1}, {"evidence": None, "n": 2}, {"evidence": None, "n": 3}, {"evidence": "s", "n": 4}]
    assert [[f["n"] for f in q["findings"]] for q in finding_quotes(found)] == [[1, 4], [2], [3]]


@needs("pdftotext")
def test_pdf_quotes_a_sentence_once_under_its_figures(one_sentence):
    out, context = one_sentence
    blocs, quality = _split(pdf_text(out / "brief.pdf"), context)
    assert blocs.count(SENTENCE) == 1 and quality.count(SENTENCE) == 1  # it was 5 + 3 times
    assert blocs.count(BOTH) == 1 and context["labels"]["quoted_in_achievements"] in blocs
    at = blocs.index(SENTENCE)
    for figure in context["blocs"][0]["achievement_quotes"][0]["figures"]:
        assert 0 <= blocs.find(f"{figure['label']} {figure['qualified_text']}") < at  # each above the quote
    for finding in context["quality"]["groups"][0]["quotes"][0]["findings"]:
        assert 0 <= quality.find(finding["message"]) < quality.index(SENTENCE)


def test_docx_quotes_a_sentence_once_under_its_figures(one_sentence):
    out, context = one_sentence
    blocs, quality = _split(docx_text(out / "brief.docx"), context)
    assert blocs.count(SENTENCE) == 1 and quality.count(SENTENCE) == 1
    assert blocs.count(BOTH) == 1 and context["labels"]["quoted_in_achievements"] in blocs
    lines = blocs.splitlines()
    (at,) = [i for i, line in enumerate(lines) if SENTENCE in line]
    for figure in context["blocs"][0]["achievement_quotes"][0]["figures"]:
        assert any(line.startswith(f"{figure['label']}: {figure['qualified_text']}") for line in lines[:at])
    lines = quality.splitlines()
    (at,) = [i for i, line in enumerate(lines) if SENTENCE in line]
    for finding in context["quality"]["groups"][0]["quotes"][0]["findings"]:
        assert any(finding["message"] in line for line in lines[:at])


@needs("pdftotext")
def test_the_sample_brief_carries_every_figure_and_quotes_each_sentence_once(samples):
    out, context = samples
    pdf_blocs, _ = _split(pdf_text(out / "brief.pdf"), context)
    docx_blocs, _ = _split(docx_text(out / "brief.docx"), context)
    docx_lines, pdf_squeezed = docx_blocs.splitlines(), "".join(pdf_blocs.split())
    n_figures = n_quotes = 0
    for bloc in context["blocs"]:
        for figure in bloc["achievements"] + bloc["targets"]:
            n_figures += 1
            assert f"{figure['label']} {figure['qualified_text']}" in pdf_blocs
            assert any(line.startswith(f"{figure['label']}: {figure['qualified_text']}") for line in docx_lines)
        for quote in bloc["achievement_quotes"] + bloc["target_quotes"]:
            n_quotes += 1
            squeezed = "".join(quote["evidence"].split())  # a line may break after "/" with no space
            assert pdf_squeezed.count(squeezed) == 1, quote["evidence"]
            assert docx_blocs.count(quote["evidence"]) == 1, quote["evidence"]
    assert (n_figures, n_quotes) == (38, 20)  # 38 figures, each sentence quoted once: 20 quotes where there were 38


def _congress_article(members: str, new: str) -> str:
    return ("Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI, nhiệm kỳ 2020 - 2025\n\n"
            "Sáng 15/7/2020, Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Hà Nam lần thứ XI, nhiệm kỳ 2020 - 2025 "
            f"khai mạc.\n\n{members}\n\n{new}\n")


@pytest.fixture(scope="module")
def three_reports(tmp_path_factory):
    """Three articles on one congress: all state 5.000 members, two say 400 new members, one 450."""
    folder = tmp_path_factory.mktemp("evidence-reports")
    (folder / "in").mkdir()
    for name, members, new in (("a.txt", "Đảng bộ Khối hiện có 5.000 đảng viên.", "Nhiệm kỳ qua đã kết nạp 400 đảng viên mới."),
                               ("b.txt", "Toàn Đảng bộ Khối có 5.000 đảng viên.", "Cả nhiệm kỳ kết nạp 400 đảng viên mới."),
                               ("c.txt", "Đảng bộ Khối có tổng số 5.000 đảng viên.", "Nhiệm kỳ qua kết nạp 450 đảng viên mới.")):
        (folder / "in" / name).write_text(_congress_article(members, new), "utf-8")
    return folder / "out", _build(folder / "in", folder / "out")


def test_a_congress_reported_by_several_articles_shows_each_figure_once(three_reports):
    """The section quotes the value the brief uses from one article and names the others that state
    it; the article with another value is left to the findings, which list both (#14: a bloc's pages
    grow with its figures, not with its reports)."""
    out, context = three_reports
    (bloc,) = context["blocs"]
    assert len(bloc["sources"]) == 3
    by_indicator = {}
    for f in bloc["achievements"]:
        by_indicator.setdefault(f["indicator"], []).append(f)
    (members,) = by_indicator["members"]
    assert members["text"] == "5.000" and members["article"] == "a.txt" and members["also"] == ["b.txt", "c.txt"]
    (new,) = by_indicator["new_members"]
    assert new["text"] == "400" and new["also"] == [new_other := ({"a.txt", "b.txt"} - {new["article"]}).pop()]
    assert any("450" in f["message"] and "400" in f["message"] for f in bloc["findings"])
    text = pdf_text(out / "brief.pdf")
    blocs_part, _ = _split(text, context)
    assert f"cũng nêu trong b.txt, c.txt" in blocs_part and f"cũng nêu trong {new_other}" in blocs_part
    assert blocs_part.count("Toàn Đảng bộ Khối có 5.000 đảng viên") == 0  # b's sentence: not quoted again
    docx = docx_text(out / "brief.docx")
    assert "cũng nêu trong b.txt, c.txt" in docx
