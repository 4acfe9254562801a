"""Corrections (`corrections.toml`): a user's fix replaces what the articles say, in both briefs and
in the data exports, is marked, and is listed with its reason and line. A target correction
changes the target and leaves the achieved figure alone. A bad correction names its line."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from khoi_report import build
from khoi_report.cli import app
from khoi_report.settings import Settings

from .conftest import (
    SAMPLES,
    assert_one_line_error,
    docx_text,
    libreoffice_pdf,
    needs,
    pdf_text,
    runner,
)

# Each correction with the line its [[correction]] stands on.
CORRECTIONS = """\
[[correction]]
bloc = "thai-nguyen-co-quan"
indicator = "members"
value = 5400
reason = "Báo cáo chính trị, trang 3"

[[correction]]
bloc = "can-tho-dan-chinh-dang"
indicator = "new_members"
kind = "target"
value = 1300
reason = "Nghị quyết Đại hội, mục 2"

[[correction]]
bloc = "can-tho-dan-chinh-dang"
field = "secretary"
value = "Trần Văn Minh"
reason = "Danh sách cấp ủy khóa mới"

[[correction]]
bloc = "thai-nguyen-co-quan"
field = "term"
value = "2020-2025"
reason = "Quyết định triệu tập"

[[correction]]
bloc = "thai-nguyen-co-quan"
field = "congress_ordinal"
value = 11
reason = "Biên bản Đại hội"

[[correction]]
bloc = "thai-nguyen-co-quan"
field = "congress_start"
value = 2020-07-15
reason = "Giấy mời dự Đại hội"
"""
THAI_NGUYEN = "Đảng bộ Khối các cơ quan tỉnh Thái Nguyên"
CAN_THO = "Đảng bộ Khối Dân chính Đảng thành phố Cần Thơ"
LABELS = {"congress_ordinal": "Đại hội lần thứ", "term": "Nhiệm kỳ", "congress_start": "Ngày khai mạc",
          "secretary": "Bí thư Đảng ủy Khối", "members": "Số đảng viên", "new_members": "Đảng viên kết nạp mới"}
# What the brief must show for each correction: (bloc, label, value as printed, reason, line).
LISTED = [
    (THAI_NGUYEN, LABELS["members"], "5.400", "Báo cáo chính trị, trang 3", 1),
    (CAN_THO, LABELS["new_members"], "1.300", "Nghị quyết Đại hội, mục 2", 7),
    (CAN_THO, LABELS["secretary"], "Trần Văn Minh", "Danh sách cấp ủy khóa mới", 14),
    (THAI_NGUYEN, LABELS["term"], "2020-2025", "Quyết định triệu tập", 20),
    (THAI_NGUYEN, LABELS["congress_ordinal"], "XI", "Biên bản Đại hội", 26),
    (THAI_NGUYEN, LABELS["congress_start"], "15/07/2020", "Giấy mời dự Đại hội", 32),
]
# The bloc facts after the corrections (the articles: Cần Thơ's secretary is Ngô Hồng Yến; Thái
# Nguyên's article states no congress number, term or opening day).
FACTS = {
    CAN_THO: {"congress_ordinal": "VII", "term": "2015-2020", "congress_start": "04/08/2015", "secretary": "Trần Văn Minh"},
    THAI_NGUYEN: {"congress_ordinal": "XI", "term": "2020-2025", "congress_start": "15/07/2020",
                  "secretary": "Hoàng Anh Trung"},
}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """The samples with every kind of correction, built once in both formats."""
    root = tmp_path_factory.mktemp("corrected")
    shutil.copytree(SAMPLES, root / "inputs")
    (root / "inputs" / "corrections.toml").write_text(CORRECTIONS, "utf-8")
    build(Settings(inputs=root / "inputs", out=root / "out", formats=("pdf", "docx")))
    return root / "out"


def pdf_facts(text: str, bloc: str) -> dict[str, str]:
    """The key facts box under the bloc's heading, from `pdftotext -layout`: label -> value."""
    lines = text.splitlines()
    (start,) = [i for i, line in enumerate(lines[:-1])
                if line.strip() == bloc and lines[i + 1].strip().startswith(LABELS["congress_ordinal"])]
    facts = {}
    for line in lines[start + 1 : start + 5]:
        key = next(k for k in ("congress_ordinal", "term", "congress_start", "secretary")
                   if line.strip().startswith(LABELS[k]))
        facts[key] = line.strip()[len(LABELS[key]) :].strip()
    return facts


def docx_facts(path, bloc: str) -> dict[str, str]:
    """The key facts table right after the bloc's heading in the DOCX: label -> value."""
    previous = None
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Table) and previous is not None and previous.text == bloc \
                and previous.style.name.startswith("Heading"):
            cells = {row.cells[0].text: row.cells[1].text for row in block.rows}
            return {k: cells[LABELS[k]] for k in ("congress_ordinal", "term", "congress_start", "secretary")}
        previous = block if isinstance(block, Paragraph) else None
    raise AssertionError(f"no facts table under the heading {bloc!r}")


@needs("pdftotext")
def test_field_corrections_replace_the_blocs_facts_in_the_pdf(corrected):
    text = pdf_text(corrected / "brief.pdf", layout=True)
    for bloc, facts in FACTS.items():
        assert pdf_facts(text, bloc) == facts


def test_field_corrections_replace_the_blocs_facts_in_the_docx(corrected):
    for bloc, facts in FACTS.items():
        assert docx_facts(corrected / "brief.docx", bloc) == facts


@needs("pdftotext")
def test_every_correction_is_listed_with_its_reason_and_line_in_the_pdf(corrected):
    text = pdf_text(corrected / "brief.pdf")
    for _bloc, _label, value, reason, line in LISTED:
        assert f"{value}*" in text
        assert f"{reason} (corrections.toml:{line})" in text


def test_every_correction_is_listed_with_its_reason_and_line_in_the_docx(corrected):
    lines = docx_text(corrected / "brief.docx").splitlines()
    for bloc, label, value, reason, line in LISTED:
        assert f"{bloc}: {label} = {value}* — Lý do: {reason} (corrections.toml:{line})" in lines


@needs("pdftotext")
def test_an_actual_correction_is_marked_and_the_articles_figure_stays_in_the_pdf(corrected):
    rows = [line for line in pdf_text(corrected / "brief.pdf", layout=True).splitlines()
            if line.startswith("Đảng bộ Khối các cơ quan tỉnh Thái") and "11,1%" in line]  # its comparison row
    assert len(rows) == 1 and "5.400*" in rows[0] and "5.356" not in rows[0]
    text = pdf_text(corrected / "brief.pdf")
    assert "5.400* (đã hiệu chỉnh)" in text and "5.356 đảng viên" in text  # the article's figure and quote stay


def test_comparison_tables_show_corrected_actuals_only(corrected):
    """The comparison table holds achieved figures of one term: a corrected one carries a `*`;
    Cần Thơ's congress is of 2015, so it is listed under the 2020-2025 table, not ranked in it."""
    doc = Document(str(corrected / "brief.docx"))
    table = doc.tables[0]
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    header = [c.text for c in table.rows[0].cells[1:]]
    members = header.index("Đảng viên")
    assert rows[THAI_NGUYEN][members] == "5.400*"
    assert CAN_THO not in rows
    assert any(CAN_THO in p.text and "2015–2020" in p.text for p in doc.paragraphs)


@needs("pdftotext")
def test_a_target_correction_changes_the_target_and_not_the_actual_in_the_pdf(corrected):
    text = pdf_text(corrected / "brief.pdf")
    assert "Đảng viên kết nạp mới từ 1.200 trở lên" in text  # the article's target stays beside the fix, qualifier in place
    assert "Đảng viên kết nạp mới 1.300* (đã hiệu chỉnh)" in text
    assert "Đảng viên kết nạp mới 1.955 (2010-2015)" in text


def test_a_target_correction_changes_the_target_and_not_the_actual_in_the_docx(corrected):
    lines = docx_text(corrected / "brief.docx").splitlines()
    assert "Đảng viên kết nạp mới: 1.300* (đã hiệu chỉnh)" in lines
    assert any(line.startswith("Đảng viên kết nạp mới: 1.955") for line in lines)
    assert not any(line.startswith("Đảng viên kết nạp mới: 1.300") and "hiệu chỉnh" not in line for line in lines)


def test_corrections_are_in_the_data_exports(corrected):
    blocs = pd.read_csv(corrected / "data" / "blocs.csv").set_index("bloc")
    can_tho, thai_nguyen = blocs.loc["can-tho-dan-chinh-dang"], blocs.loc["thai-nguyen-co-quan"]
    assert (can_tho["secretary"], can_tho["new_members"], can_tho["new_members__target"]) == ("Trần Văn Minh", 1955, 1300)
    assert (thai_nguyen["members"], thai_nguyen["term"], thai_nguyen["congress_ordinal"],
            thai_nguyen["congress_start"]) == (5400, "2020-2025", 11, "2020-07-15")
    assert thai_nguyen["members_per_org"] == pytest.approx(5400 / 73)  # derived from the corrected figure
    assert can_tho["corrected"] == "['new_members__target', 'secretary']"
    observations = pd.read_csv(corrected / "data" / "observations.csv")
    fixes = observations[observations["article"].str.startswith("corrections.toml")]
    assert sorted(zip(fixes["article"], fixes["bloc"], fixes["indicator"], fixes["kind"], fixes["value"],
                      fixes["unit"])) == [
        ("corrections.toml:1", "thai-nguyen-co-quan", "members", "actual", 5400, "count"),
        ("corrections.toml:7", "can-tho-dan-chinh-dang", "new_members", "target", 1300, "count")]
    # a fix is certain, says it is a correction and gives its figure (filter on confidence or cue keeps it)
    assert list(fixes["confidence"]) == [1.0, 1.0] and list(fixes["cue"]) == ["correction", "correction"]
    assert [float(f) for f in fixes["figure"]] == list(fixes["value"])
    own = observations[~observations["article"].str.startswith("corrections.toml")]
    assert {(5356, "actual"), (1955, "actual"), (1200, "target")} <= set(zip(own["value"], own["kind"]))


@needs("soffice")
def test_libreoffice_shows_the_corrections_in_the_docx(corrected, tmp_path):
    pdf = libreoffice_pdf(corrected / "brief.docx", tmp_path)
    assert pdf_facts(pdf_text(pdf, layout=True), CAN_THO) == FACTS[CAN_THO]
    text = pdf_text(pdf)
    assert "Đảng viên kết nạp mới: 1.300* (đã hiệu chỉnh)" in text
    for bloc, label, value, reason, line in LISTED:
        assert f"{bloc}: {label} = {value}* — Lý do: {reason} (corrections.toml:{line})" in text


@pytest.fixture
def corrected_inputs(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(SAMPLES, folder)
    (folder / "corrections.toml").write_text(CORRECTIONS.split("\n\n")[0] + "\n", "utf-8")
    return folder


@pytest.mark.parametrize("entry, message", [
    ('bloc = "thai-nguyen"\nindicator = "members"\nvalue = 1\nreason = "x"', "unknown bloc 'thai-nguyen'; did you mean 'thai-nguyen-co-quan'?"),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "membres"\nvalue = 1\nreason = "x"', "unknown indicator 'membres'"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "chairman"\nvalue = "A"\nreason = "x"', "unknown field 'chairman'"),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "members"\nvalue = 1', "a correction needs 'reason'"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_start"\nvalue = "15/07/2020"\nreason = "x"',
     "congress_start is a date: value = 2020-07-15"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = "mười một"\nreason = "x"',
     'congress_ordinal is a number: value = 11 (or "XI")'),
    ('bloc = "thai-nguyen-co-quan"\nfield = "term"\nvalue = 2020\nreason = "x"', 'a term is written value = "2020-2025"'),
    ('bloc = "thai-nguyen-co-quan"\nfield = "secretary"\nvalue = 7\nreason = "x"', "secretary is text"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "secretary"\nvalue = "  "\nreason = "x"', "secretary is text"),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "members"\nvalue = 1\nreason = "x"\nresaon = "y"', "unknown key 'resaon'"),
    ('indicator = "members"\nvalue = 1\nreason = "x"', "a correction needs 'bloc'"),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "members"\nreason = "x"', "a correction needs 'value'"),
    ('bloc = "thai-nguyen-co-quan"\nvalue = 1\nreason = "x"', "name either an indicator or a field"),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "members"\nfield = "term"\nvalue = 1\nreason = "x"',
     "name either an indicator or a field"),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "members"\nkind = "forecast"\nvalue = 1\nreason = "x"',
     'kind must be "actual" or "target"'),
    ('bloc = "thai-nguyen-co-quan"\nindicator = "members"\nvalue = "5400"\nreason = "x"', "an indicator's value is a number"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_start"\nvalue = "2020-02-30"\nreason = "x"',
     "congress_start is a date: value = 2020-07-15"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_start"\nvalue = "20200715"\nreason = "x"',
     "congress_start is a date: value = 2020-07-15"),  # Python reads it as a date; the tables need 2020-07-15
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = 0\nreason = "x"', "congress_ordinal is a number"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = 4000\nreason = "x"', "congress_ordinal is a number"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = true\nreason = "x"', "congress_ordinal is a number"),
    ('bloc = "thai-nguyen-co-quan"\nfield = "term"\nvalue = "2020 - 2025"\nreason = "x"', 'a term is written value = "2020-2025"'),
])
def test_a_bad_correction_names_its_line(corrected_inputs, tmp_path, entry, message):
    path = corrected_inputs / "corrections.toml"
    path.write_text(path.read_text("utf-8") + "\n[[correction]]\n" + entry + "\n", "utf-8")
    result = runner.invoke(app, ["build", "-i", str(corrected_inputs), "-o", str(tmp_path / "out")])
    assert_one_line_error(result, f"corrections.toml:7: {message}")
    assert not (tmp_path / "out").exists()


def test_a_table_other_than_correction_is_refused(corrected_inputs, tmp_path):
    """A misspelt [[corections]] is an error, not a fix quietly left out."""
    path = corrected_inputs / "corrections.toml"
    path.write_text(path.read_text("utf-8").replace("[[correction]]", "[[corections]]"), "utf-8")
    result = runner.invoke(app, ["build", "-i", str(corrected_inputs), "-o", str(tmp_path / "out")])
    assert_one_line_error(result, "corrections.toml: unknown table 'corections'; write each fix as [[correction]]")


def test_a_corrections_file_that_is_not_toml_is_a_one_line_error(corrected_inputs, tmp_path):
    """A quote left open is the user's to fix: one line naming the file and the place, no traceback."""
    path = corrected_inputs / "corrections.toml"
    path.write_text('[[correction]]\nbloc = "thai-nguyen-co-quan\nindicator = "members"\nvalue = 5400\nreason = "x"\n',
                    "utf-8")
    result = runner.invoke(app, ["build", "-i", str(corrected_inputs), "-o", str(tmp_path / "out")])
    assert_one_line_error(result, "corrections.toml: ", "line 2")
    assert not (tmp_path / "out").exists()


def test_a_spaced_table_header_is_read_and_an_inline_array_refused(corrected_inputs, tmp_path):
    """'[[ correction ]]' is the same TOML as '[[correction]]': every fix in the file is applied,
    none quietly left out; fixes written as an inline array have no line to name and are refused."""
    path = corrected_inputs / "corrections.toml"
    path.write_text(
        '[[ correction ]]\nbloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = 11\nreason = "x"\n\n'
        '[[correction]]\nbloc = "can-tho-dan-chinh-dang"\nfield = "secretary"\nvalue = "Trần Văn Minh"\nreason = "x"\n',
        "utf-8")
    blocs = context_blocs(corrected_inputs)
    assert blocs["thai-nguyen-co-quan"]["congress_ordinal"] == 11
    assert blocs["can-tho-dan-chinh-dang"]["secretary"] == "Trần Văn Minh"
    path.write_text('correction = [{bloc = "can-tho-dan-chinh-dang", field = "secretary", value = "A", reason = "x"}]\n',
                    "utf-8")
    result = runner.invoke(app, ["build", "-i", str(corrected_inputs), "-o", str(tmp_path / "out")])
    assert_one_line_error(result, "corrections.toml: write each fix as [[correction]] on a line of its own")


def context_blocs(inputs) -> dict[str, dict]:
    """The blocs of `context --json`: the facts the templates get, corrections applied."""
    result = runner.invoke(app, ["context", "--json", "-i", str(inputs)])
    assert result.exit_code == 0, result.output
    return {b["id"]: b for b in json.loads(result.stdout)["blocs"]}


def test_the_other_ways_a_field_may_be_written(corrected_inputs):
    """A Roman ordinal in quotes, a date with a time of day, a name with spaces around it."""
    (corrected_inputs / "corrections.toml").write_text(
        '[[correction]]\nbloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = "XI"\nreason = "x"\n\n'
        '[[correction]]\nbloc = "thai-nguyen-co-quan"\nfield = "congress_start"\nvalue = 2020-07-15T08:00:00\nreason = "x"\n\n'
        '[[correction]]\nbloc = "can-tho-dan-chinh-dang"\nfield = "secretary"\nvalue = "  Trần Văn Minh "\nreason = "x"\n',
        "utf-8")
    blocs = context_blocs(corrected_inputs)
    thai_nguyen, can_tho = blocs["thai-nguyen-co-quan"], blocs["can-tho-dan-chinh-dang"]
    assert (thai_nguyen["congress_ordinal"], thai_nguyen["congress_start"]) == (11, "15/07/2020")
    assert can_tho["secretary"] == "Trần Văn Minh"


def test_without_corrections_nothing_is_marked_corrected():
    """The control for the marks: the samples have no corrections.toml."""
    text = json.dumps(context_blocs(SAMPLES))
    assert '"corrected": true' not in text and '"corrected": false' in text


def test_a_rate_is_corrected_to_its_decimals(corrected_inputs):
    """A share or rate is fixed as the report writes it ('value = 97.5'), not refused as no number."""
    from khoi_report import extract
    from khoi_report.tables import tabulate

    path = corrected_inputs / "corrections.toml"
    path.write_text('[[correction]]\nbloc = "thai-nguyen-co-quan"\nindicator = "members_good_rate"\nvalue = 97.5\n'
                    'reason = "Báo cáo chính trị, trang 4"\n', "utf-8")
    blocs = tabulate(extract(corrected_inputs), path).blocs.set_index("bloc")
    assert blocs.loc["thai-nguyen-co-quan", "members_good_rate"] == 97.5
    assert blocs.loc["thai-nguyen-co-quan", "corrected"] == ["members_good_rate"]


def test_a_blocs_first_congress_is_corrected_to_ordinal_1(corrected_inputs):
    """'lần thứ I': a bloc formed anew (as the 2025 bodies were) holds its first congress."""
    (corrected_inputs / "corrections.toml").write_text(
        '[[correction]]\nbloc = "thai-nguyen-co-quan"\nfield = "congress_ordinal"\nvalue = 1\nreason = "x"\n', "utf-8")
    assert context_blocs(corrected_inputs)["thai-nguyen-co-quan"]["congress_ordinal"] == 1


def test_a_field_correction_written_with_a_kind_still_corrects_the_field(corrected_inputs):
    """'kind' only tells a target from an achieved figure; beside a field it changes nothing, and
    the fix is applied, not filed under a column nothing reads."""
    (corrected_inputs / "corrections.toml").write_text(
        '[[correction]]\nbloc = "can-tho-dan-chinh-dang"\nfield = "secretary"\nkind = "target"\nvalue = "Trần Văn Minh"\n'
        'reason = "x"\n', "utf-8")
    assert context_blocs(corrected_inputs)["can-tho-dan-chinh-dang"]["secretary"] == "Trần Văn Minh"
