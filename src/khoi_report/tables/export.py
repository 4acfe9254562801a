"""The extracted tables as data files: the JSON and CSV contract of `khoi-report extract`.

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
                   "province_source", "bloc", "congress"]
_OBSERVATION_FIELDS = ["article", "indicator", "kind", "value", "unit", "qualifier", "period", "evidence", "start",
                       "end", "confidence", "figure", "bloc", "congress"]
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
    return [{f: _plain(row[f]) for f in fields} for _, row in frame.iterrows()]


def congress_records(tables) -> list[dict]:
    """One object per congress: its fields, its articles, and each figure chosen for it with every
    article's evidence (`sources`)."""
    if tables.congresses is None:
        return []
    obs = tables.observations
    out = []
    for _, c in tables.congresses.iterrows():
        mine = obs[obs["congress"] == c["congress"]]
        figures = []
        for (indicator, kind), group in mine.groupby(["indicator", "kind"], sort=True):
            column = indicator if kind == "actual" else f"{indicator}__target"
            chosen = _plain(c[column]) if column in c else None
            first = group[group["value"] == chosen].iloc[0] if chosen is not None and (group["value"] == chosen).any() \
                else group.iloc[0]
            figures.append({"indicator": indicator, "kind": kind, "value": chosen, "unit": first["unit"],
                            "qualifier": _plain(first["qualifier"]), "period": _plain(first["period"]),
                            "sources": [{"article": r["article"], "value": _plain(r["value"]), "evidence": r["evidence"],
                                         "start": int(r["start"]), "end": int(r["end"])}
                                        for _, r in group.iterrows()]})
        out.append({**{f: _plain(c[f]) for f in _CONGRESS_FIELDS}, "articles": list(c["articles"]), "figures": figures})
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


def data_files(tables, day) -> dict[str, bytes]:
    """The tables as files beside the briefs: data/*.csv, brief-data.xlsx (a sheet a table) and,
    when pyarrow is installed, data/*.parquet. Same tables, same bytes."""
    from ..zipfiles import reproducible_zip

    data = as_dict(tables)
    frames = {
        "articles": pd.DataFrame(data["articles"], columns=_ARTICLE_FIELDS),
        "observations": pd.DataFrame(data["observations"], columns=_OBSERVATION_FIELDS),
        "blocs": _joined(tables.blocs),
        "congresses": _joined(tables.congresses),
        "findings": pd.DataFrame(data["findings"], columns=FINDING_COLUMNS).assign(
            params=lambda f: f["params"].map(lambda p: json.dumps(p, ensure_ascii=False, sort_keys=True))),
    }
    files = {f"data/{name}.csv": frame.to_csv(index=False).encode("utf-8") for name, frame in frames.items()}
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
        props = writer.book.properties
        props.created = props.modified = dt.datetime.combine(day, dt.time())
        props.creator = "khoi-report"
    files["brief-data.xlsx"] = reproducible_zip(buffer.getvalue(), day)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return files
    for name, frame in frames.items():
        out = io.BytesIO()
        frame.to_parquet(out, index=False)
        files[f"data/{name}.parquet"] = out.getvalue()
    return files


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
