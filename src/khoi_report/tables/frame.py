"""Frame stage: extracted articles to pandas tables.

- `articles`: one row per input file, its metadata (null where the article does not say).
- `observations`: one row per figure (long form), duplicates of another file left out.
- `blocs`: one row per province bloc, one column per indicator (`members`, `members__target`),
  merged over the bloc's articles: the newest article wins; disagreements stay in
  `observations` for the checker and the brief.
"""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from ..extraction.catalogue import Catalogue
from ..extraction.gazetteer import bloc_id
from ..models import META_FIELDS, Extraction, Finding

ARTICLE_COLUMNS = ["article", "title", *META_FIELDS, "outlet", "byline", "encoding", "sha256", "duplicate_of",
                   "province_source", "bloc"]
OBSERVATION_COLUMNS = ["article", "indicator", "kind", "value", "unit", "qualifier", "period", "evidence", "start",
                       "end", "confidence", "figure", "figure_start", "figure_end", "bloc"]


def articles_frame(extraction: Extraction) -> pd.DataFrame:
    rows = []
    for item in extraction.items:
        a, meta = item.article, item.meta
        row = {"article": a.id, "title": a.title}
        for name in META_FIELDS:
            row[name] = getattr(meta, name).value
        row.update(outlet=a.outlet, byline=a.byline, encoding=a.encoding, sha256=a.sha256,
                   duplicate_of=a.duplicate_of, province_source=meta.province_source,
                   bloc=bloc_id(meta.province.value, meta.bloc_type.value))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["congress_ordinal"] = frame["congress_ordinal"].astype("Int64")
    return frame


def observations_frame(extraction: Extraction, articles: pd.DataFrame) -> pd.DataFrame:
    blocs = dict(zip(articles["article"], articles["bloc"]))
    rows = [{**asdict(o), "bloc": blocs.get(o.article)} for o in extraction.observations]
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


FINDING_COLUMNS = ["severity", "code", "message", "article", "bloc", "evidence", "params"]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    from ..wording import message

    rows = [[message(f) if c == "message" else getattr(f, c) for c in FINDING_COLUMNS] for f in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _newest_first(articles: pd.DataFrame) -> list[str]:
    order = articles.assign(_pub=pd.to_datetime(articles["published"], errors="coerce"))
    order = order.sort_values(["_pub", "article"], ascending=[False, True], na_position="last", kind="stable")
    return list(order["article"])


def blocs_frame(articles: pd.DataFrame, observations: pd.DataFrame, cat: Catalogue) -> pd.DataFrame:
    """One row per province bloc; the newest article that states a value supplies it."""
    live = articles[articles["bloc"].notna() & articles["duplicate_of"].isna()]
    rank = {name: i for i, name in enumerate(_newest_first(live))}
    # The value each bloc takes: its newest article's first statement of each indicator and kind.
    first: dict[tuple, float] = {}
    ordered = sorted(observations.to_dict("records"), key=lambda o: (rank.get(o["article"], len(rank)), o["start"]))
    for o in ordered:
        first.setdefault((o["bloc"], o["indicator"], o["kind"]), float(o["value"]))
    rows = []
    for bloc, group in live.groupby("bloc", sort=True):
        group = group.assign(_rank=group["article"].map(rank)).sort_values("_rank")
        row: dict = {"bloc": bloc, "province": group["province"].iloc[0], "bloc_type": group["bloc_type"].iloc[0],
                     "articles": list(group["article"])}
        for name in ("congress_ordinal", "term", "congress_start", "secretary", "published"):
            stated = group[name].dropna()
            row[name] = stated.iloc[0] if len(stated) else None
        for ind in cat.indicators:
            for kind, column in (("actual", ind.key), ("target", f"{ind.key}__target")):
                row[column] = first.get((bloc, ind.key, kind))
        rows.append(row)
    columns = ["bloc", "province", "bloc_type", "articles", "congress_ordinal", "term", "congress_start",
               "secretary", "published"]
    columns += [c for ind in cat.indicators for c in (ind.key, f"{ind.key}__target")]
    return pd.DataFrame(rows, columns=columns)
