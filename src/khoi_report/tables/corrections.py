"""Corrections: a user's fixes to what the articles say, with a reason, in `corrections.toml`.

    [[correction]]
    bloc = "thai-nguyen-co-quan"   # the bloc's key, as the brief and blocs.csv name it
    indicator = "members"          # an indicator of the catalogue ... (kind = "target" for a target)
    value = 5400
    reason = "Báo cáo chính trị trình Đại hội, trang 3"

    [[correction]]
    bloc = "nghe-an-co-quan"
    field = "secretary"            # ... or a metadata field: secretary, term, congress_ordinal, congress_start
    value = "Nguyễn Nam Đình"
    reason = "Nghị quyết Đại hội"

A corrected value replaces what the articles say, is marked in the brief, and is listed with its
reason and line in the data-quality section. A correction naming an unknown bloc, indicator or
field, or a field value that does not fit (congress_start a date, congress_ordinal a number), is
an error naming its line.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import KhoiError
from ..extraction import catalogue as catalogue_mod
from ..extraction.numbers import parse_ordinal

FILE_NAME = "corrections.toml"
FIELDS = ("secretary", "term", "congress_ordinal", "congress_start")


@dataclass(frozen=True)
class Correction:
    bloc: str
    key: str  # an indicator key or a metadata field
    is_field: bool
    kind: str
    value: float | str
    reason: str
    line: int


def load(path: Path, blocs: set[str]) -> list[Correction]:
    if not path.is_file():
        return []
    text = path.read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KhoiError(f"{path}: {exc}") from None
    lines = [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*correction\s*\]\]", line)]
    unknown_tables = set(data) - {"correction"}
    if unknown_tables:
        raise KhoiError(f"{path}: unknown table {sorted(unknown_tables)[0]!r}; write each fix as [[correction]]")
    if len(lines) != len(data.get("correction", [])):  # 'correction = [{...}]': no line to name, no fix dropped
        raise KhoiError(f"{path}: write each fix as [[correction]] on a line of its own")
    cat = catalogue_mod.load()
    indicators = {i.key: i for i in cat.indicators}
    out = []
    for entry, line in zip(data.get("correction", []), lines):
        where = f"{path}:{line}"
        extra = set(entry) - {"bloc", "indicator", "field", "kind", "value", "reason"}
        if extra:
            raise KhoiError(f"{where}: unknown key {sorted(extra)[0]!r}")
        for required in ("bloc", "value", "reason"):
            if required not in entry:
                raise KhoiError(f"{where}: a correction needs {required!r}")
        if entry["bloc"] not in blocs:
            import difflib

            near = difflib.get_close_matches(entry["bloc"], sorted(blocs), n=1)
            raise KhoiError(f"{where}: unknown bloc {entry['bloc']!r}" + (f"; did you mean {near[0]!r}?" if near else ""))
        if ("indicator" in entry) == ("field" in entry):
            raise KhoiError(f"{where}: name either an indicator or a field")
        kind = entry.get("kind", "actual")
        if kind not in ("actual", "target"):
            raise KhoiError(f"{where}: kind must be \"actual\" or \"target\"")
        if "indicator" in entry:
            if entry["indicator"] not in indicators:
                raise KhoiError(f"{where}: unknown indicator {entry['indicator']!r}")
            if not isinstance(entry["value"], (int, float)):
                raise KhoiError(f"{where}: an indicator's value is a number")
            out.append(Correction(entry["bloc"], entry["indicator"], False, kind, float(entry["value"]),
                                  str(entry["reason"]), line))
        else:
            if entry["field"] not in FIELDS:
                raise KhoiError(f"{where}: unknown field {entry['field']!r}; fields: {', '.join(FIELDS)}")
            out.append(Correction(entry["bloc"], entry["field"], True, kind, _field_value(entry["field"], entry["value"], where),
                                  str(entry["reason"]), line))
    return out


def _field_value(name: str, value, where: str):
    """A field's value as the tables hold it (an ISO date, an integer ordinal, text)."""
    if name == "congress_start":
        value = value.date() if isinstance(value, dt.datetime) else value
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and dt.date.fromisoformat(text):
                return text
        except ValueError:
            pass
        raise KhoiError(f"{where}: congress_start is a date: value = 2020-07-15")
    if name == "congress_ordinal":
        try:
            number = parse_ordinal(value) if isinstance(value, str) else value
        except ValueError:
            number = None
        if not isinstance(number, int) or isinstance(number, bool) or not 0 < number < 4000:
            raise KhoiError(f'{where}: congress_ordinal is a number: value = 11 (or "XI")')
        return number
    if name == "term" and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{4}", value)):
        raise KhoiError(f'{where}: a term is written value = "2020-2025"')
    if not isinstance(value, str) or not value.strip():
        raise KhoiError(f"{where}: {name} is text")
    return value.strip()


def apply(tables, corrections: list[Correction]):
    """The tables with the corrections in: bloc values replaced, one observation per corrected
    figure (its evidence the reason) beside the articles' own, and `corrected` listing what was
    changed in each bloc."""
    if not corrections:
        tables.blocs["corrected"] = [[] for _ in range(len(tables.blocs))]
        return tables
    cat = catalogue_mod.load()
    blocs = tables.blocs.copy()
    blocs["corrected"] = [[] for _ in range(len(blocs))]
    rows = []
    for c in corrections:
        index = blocs.index[blocs["bloc"] == c.bloc][0]
        column = c.key if c.is_field or c.kind == "actual" else f"{c.key}__target"
        blocs.at[index, column] = c.value
        blocs.at[index, "corrected"] = blocs.at[index, "corrected"] + [column]
        if not c.is_field:
            rows.append({"article": f"{FILE_NAME}:{c.line}", "indicator": c.key, "kind": c.kind, "value": c.value,
                         "unit": cat[c.key].unit, "qualifier": None, "period": None, "evidence": c.reason,
                         "start": 0, "end": 0, "confidence": 1.0, "cue": "correction", "figure": str(c.value), "figure_start": 0,
                         "figure_end": 0, "bloc": c.bloc})
    observations = tables.observations  # the articles' own figures stay, beside the corrections
    if rows:
        observations = pd.concat([observations, pd.DataFrame(rows, columns=observations.columns)], ignore_index=True)
    return type(tables)(tables.articles, observations, blocs, tables.findings, corrections, tables.congresses,
                        tables.cycle, tables.accountability)
