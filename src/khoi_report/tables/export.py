"""The extracted tables as data files: the JSON and CSV contract of `khoi-report extract`, and
the data files a build writes beside the briefs (CSV, Excel, Parquet).

JSON: {"articles": [...], "observations": [...], "findings": [...]} with null for what an
article does not state, and plain numbers (5356, 96.74) for values.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math

import pandas as pd

from .frame import FINDING_COLUMNS

_ARTICLE_FIELDS = ["article", "title", "province", "bloc_type", "congress_ordinal", "term", "congress_start",
                   "published", "secretary", "outlet", "byline", "encoding", "sha256", "duplicate_of",
                   "province_source", "bloc", "congress", "province_confidence", "bloc_type_confidence",
                   "congress_ordinal_confidence", "term_confidence", "congress_start_confidence", "published_confidence",
                   "secretary_confidence"]
_OBSERVATION_FIELDS = ["article", "indicator", "kind", "value", "unit", "qualifier", "period", "evidence", "start",
                       "end", "confidence", "cue", "figure", "bloc", "congress"]
_CONGRESS_FIELDS = ["congress", "bloc", "province", "bloc_type", "cycle", "congress_ordinal", "term", "congress_start",
                    "secretary", "published"]


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def records(frame: pd.DataFrame, fields: list[str]) -> list[dict]:
    """The frame's rows as plain dicts of these fields (row by row in Python: `iterrows` costs
    a Series a row, which a national corpus's 20,000 observations make seconds)."""
    return [{f: _plain(v) for f, v in zip(fields, row)} for row in frame[fields].itertuples(index=False, name=None)]


def congress_records(tables) -> list[dict]:
    """One object per congress: its fields, its articles, and each figure chosen for it with every
    article's evidence (`sources`)."""
    if tables.congresses is None:
        return []
    by_congress: dict[str, list[dict]] = {}
    for row in records(tables.observations, _OBSERVATION_FIELDS):
        by_congress.setdefault(row["congress"], []).append(row)
    out = []
    for c in records(tables.congresses, list(tables.congresses.columns)):
        groups: dict[tuple[str, str], list[dict]] = {}
        for row in by_congress.get(c["congress"], []):
            groups.setdefault((row["indicator"], row["kind"]), []).append(row)
        figures = []
        for (indicator, kind), group in sorted(groups.items()):
            column = indicator if kind == "actual" else f"{indicator}__target"
            chosen = c.get(column)
            first = next((r for r in group if chosen is not None and r["value"] == chosen), group[0])
            figures.append({"indicator": indicator, "kind": kind, "value": chosen, "unit": first["unit"],
                            "qualifier": first["qualifier"], "period": first["period"],
                            "sources": [{"article": r["article"], "value": r["value"], "evidence": r["evidence"],
                                         "start": int(r["start"]), "end": int(r["end"])} for r in group]})
        out.append({**{f: c[f] for f in _CONGRESS_FIELDS}, "articles": list(c["articles"]), "figures": figures})
    return out


def as_dict(tables) -> dict:
    return {
        "articles": records(tables.articles, _ARTICLE_FIELDS),
        "congresses": congress_records(tables),
        "observations": records(tables.observations, _OBSERVATION_FIELDS),
        "findings": records(tables.findings, FINDING_COLUMNS),
    }


def _joined(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame with its list of articles as one cell ("a.txt; b.txt"), for CSV and Excel."""
    return frame.assign(articles=frame["articles"].map("; ".join))


def data_frames(tables) -> dict[str, pd.DataFrame]:
    """The tables as the data files carry them: data/<name>.csv, a sheet of brief-data.xlsx,
    data/<name>.parquet."""
    return {
        "articles": pd.DataFrame(records(tables.articles, _ARTICLE_FIELDS), columns=_ARTICLE_FIELDS),
        "observations": pd.DataFrame(records(tables.observations, _OBSERVATION_FIELDS), columns=_OBSERVATION_FIELDS),
        "blocs": _joined(tables.blocs),
        "congresses": _joined(tables.congresses),
        "findings": pd.DataFrame(records(tables.findings, FINDING_COLUMNS), columns=FINDING_COLUMNS).assign(
            params=lambda f: f["params"].map(lambda p: json.dumps(p, ensure_ascii=False, sort_keys=True))),
    }


def csv_tables(frames: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """data/*.csv: what the PDF carries inside it, so made first."""
    return {f"data/{name}.csv": frame.to_csv(index=False).encode("utf-8") for name, frame in frames.items()}


def spreadsheets(frames: dict[str, pd.DataFrame], day: dt.date) -> dict[str, bytes]:
    """brief-data.xlsx (a sheet a table) and, when pyarrow is installed, data/*.parquet: the
    build makes them while the PDF lays out. Same tables, same bytes."""
    from ..zipfiles import reproducible_zip

    files = {"brief-data.xlsx": reproducible_zip(_workbook(frames, day), day)}
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return files
    for name, frame in frames.items():
        out = io.BytesIO()
        frame.to_parquet(out, index=False)
        files[f"data/{name}.parquet"] = out.getvalue()
    return files


def _workbook(frames: dict[str, pd.DataFrame], day: dt.date) -> bytes:
    """The frames as an Excel workbook, a sheet each with a bold header row. Written row by row
    in openpyxl's write-only mode: pandas' `to_excel` styles every cell, four times slower."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, frame in frames.items():
        sheet = book.create_sheet(name)
        header = []
        for column in frame.columns:
            cell = WriteOnlyCell(sheet, value=str(column))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_spreadsheet(value) for value in row])
    book.properties.created = book.properties.modified = dt.datetime.combine(day, dt.time())
    book.properties.creator = "khoi-report"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _spreadsheet(value):
    """A cell's value: plain, and a list as the CSV writes it ("['members']")."""
    value = _plain(value)
    return str(value) if isinstance(value, (list, tuple, dict)) else value


def json_file(tables) -> bytes:
    """The contract of `khoi-report extract --json`."""
    return (json.dumps(as_dict(tables), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_files(tables) -> dict[str, bytes]:
    """The contract of `khoi-report extract --csv`: articles.csv, congresses.csv, observations.csv, findings.csv."""
    data = as_dict(tables)
    files = {f"{name}.csv": pd.DataFrame(data[name], columns=fields).to_csv(index=False).encode("utf-8")
             for name, fields in (("articles", _ARTICLE_FIELDS), ("observations", _OBSERVATION_FIELDS),
                                  ("findings", FINDING_COLUMNS))}
    files["congresses.csv"] = _joined(tables.congresses).to_csv(index=False).encode("utf-8")
    return files
