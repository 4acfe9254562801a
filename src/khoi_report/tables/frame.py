"""Frame stage: extracted articles to pandas tables.

- `articles`: one row per input file, its metadata (null where the article does not say) and the
  congress it reports (`congress`, see `extraction.congress`).
- `observations`: one row per figure (long form), duplicates of another file left out.
- `congresses`: one row per congress, one column per indicator (`members`, `members__target`),
  merged over the articles that report it, each value by a stated rule (`_choose`);
  disagreements stay in `observations` for the checker and the brief.
- `blocs`: one row per province bloc: its congress of the cycle compared (`in_cycle`), or else
  its latest one, which the brief shows but does not rank.
"""

from __future__ import annotations


import pandas as pd

from ..extraction import congress
from ..extraction.catalogue import Catalogue
from ..extraction.gazetteer import bloc_id
from ..models import META_FIELDS, Extraction, Finding
from ..wording import message
from ..wording import missing as _missing

ARTICLE_COLUMNS = ["article", "title", *META_FIELDS, "outlet", "byline", "encoding", "sha256", "duplicate_of",
                   "province_source", "bloc", "congress", *(f"{name}_confidence" for name in META_FIELDS)]
OBSERVATION_COLUMNS = ["article", "indicator", "kind", "value", "unit", "qualifier", "period", "evidence", "start",
                       "end", "confidence", "cue", "figure", "figure_start", "figure_end", "bloc", "congress"]


def articles_frame(extraction: Extraction) -> pd.DataFrame:
    keys = congress.group(extraction.items).keys
    rows = []
    for item in extraction.items:
        a, meta = item.article, item.meta
        row = {"article": a.id, "title": a.title}
        for name in META_FIELDS:
            row[name] = getattr(meta, name).value
            row[f"{name}_confidence"] = getattr(meta, name).confidence
        row.update(outlet=a.outlet, byline=a.byline, encoding=a.encoding, sha256=a.sha256,
                   duplicate_of=a.duplicate_of, province_source=meta.province_source,
                   bloc=bloc_id(meta.province.value, meta.bloc_type.value), congress=keys.get(a.id))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["congress_ordinal"] = frame["congress_ordinal"].astype("Int64")
    return frame


def observations_frame(extraction: Extraction, articles: pd.DataFrame) -> pd.DataFrame:
    blocs = dict(zip(articles["article"], articles["bloc"]))
    congresses = dict(zip(articles["article"], articles["congress"]))
    rows = [{**vars(o), "bloc": blocs.get(o.article), "congress": congresses.get(o.article)}  # flat: no deep copy
            for o in extraction.observations]
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


FINDING_COLUMNS = ["severity", "code", "message", "article", "bloc", "evidence", "params"]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    rows = [[message(f) if c == "message" else getattr(f, c) for c in FINDING_COLUMNS] for f in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _newest_first(articles: pd.DataFrame) -> list[str]:
    order = articles.assign(_pub=pd.to_datetime(articles["published"], errors="coerce"))
    order = order.sort_values(["_pub", "article"], ascending=[False, True], na_position="last", kind="stable")
    return list(order["article"])


CONGRESS_COLUMNS = ["congress", "bloc", "province", "bloc_type", "cycle", "articles", "congress_ordinal", "term",
                    "congress_start", "secretary", "published"]


def _choose(stated: list[tuple[object, str]], rank: dict[str, int], reported: set[str]):
    """The value of a congress's field from (value, article) pairs: what the reports made on or
    after its first day say over what previews say; then what most articles say; then the newest."""
    pool = [(v, a) for v, a in stated if a in reported] or stated
    counts: dict = {}
    for value, _article in pool:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: (counts[v], -min(rank[a] for x, a in pool if x == v)))


def congresses_frame(articles: pd.DataFrame, observations: pd.DataFrame, cat: Catalogue) -> pd.DataFrame:
    """One row per congress, each field and figure chosen over the articles that report it."""
    live = articles[articles["congress"].notna() & articles["duplicate_of"].isna()]
    rank = {name: i for i, name in enumerate(_newest_first(live))}
    firsts: dict[tuple, list[tuple[float, str]]] = {}
    seen: set[tuple] = set()
    for o in sorted(observations.to_dict("records"), key=lambda o: (rank.get(o["article"], len(rank)), o["start"])):
        if o["congress"] is None or (o["article"], o["indicator"], o["kind"]) in seen:
            continue  # an article's first statement of each figure speaks for it
        seen.add((o["article"], o["indicator"], o["kind"]))
        firsts.setdefault((o["congress"], o["indicator"], o["kind"]), []).append((float(o["value"]), o["article"]))
    by_congress: dict[str, list[dict]] = {}
    for a in live.to_dict("records"):
        by_congress.setdefault(a["congress"], []).append(a)
    rows = []
    for key in sorted(by_congress):
        group = sorted(by_congress[key], key=lambda a: rank[a["article"]])
        first = group[0]
        row: dict = {"congress": key, "bloc": first["bloc"], "province": first["province"],
                     "bloc_type": first["bloc_type"], "cycle": congress.cycle_of(key) or None,
                     "articles": [a["article"] for a in group]}
        everyone = set(row["articles"])
        for name in ("congress_ordinal", "term", "congress_start", "secretary"):
            stated = [(a[name], a["article"]) for a in group if not _missing(a[name])]
            row[name] = _choose(stated, rank, everyone) if stated else None
        start = row["congress_start"]
        reported = {a["article"] for a in group
                    if start is None or _missing(a["published"]) or str(a["published"])[:10] >= str(start)}
        published = [a["published"] for a in group if not _missing(a["published"])]
        row["published"] = max(published) if published else None
        for ind in cat.indicators:
            for kind, column in (("actual", ind.key), ("target", f"{ind.key}__target")):
                stated = firsts.get((key, ind.key, kind))
                row[column] = _choose(stated, rank, reported) if stated else None
        rows.append(row)
    columns = CONGRESS_COLUMNS + [c for ind in cat.indicators for c in (ind.key, f"{ind.key}__target")]
    frame = pd.DataFrame(rows, columns=columns)
    frame["congress_ordinal"] = frame["congress_ordinal"].astype("Int64")
    return frame


def latest_cycle(congresses: pd.DataFrame) -> str | None:
    """The latest cycle with a congress record: the one a brief compares by default."""
    cycles = sorted(c for c in congresses["cycle"].dropna().unique())
    return cycles[-1] if cycles else None


def blocs_frame(congresses: pd.DataFrame, cycle: str | None) -> pd.DataFrame:
    """One row per province bloc: its congress of `cycle`, or else its latest (`in_cycle` False)."""
    order = congresses.assign(_cycle=congresses["cycle"].fillna(""), _in=congresses["cycle"] == cycle)
    order = order.sort_values(["bloc", "_in", "_cycle"], ascending=[True, False, False], kind="stable")
    blocs = order.drop_duplicates("bloc").drop(columns=["_cycle"]).rename(columns={"_in": "in_cycle"})
    columns = [c for c in blocs.columns if c not in ("congress", "cycle", "in_cycle")] + ["congress", "cycle", "in_cycle"]
    return blocs[columns].reset_index(drop=True)
