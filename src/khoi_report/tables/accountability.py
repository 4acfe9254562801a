"""Targets held to account: each target a bloc's congress set, beside the result the bloc's next
congress reported for that term, and whether it was met.

A target is compared with the result of the same indicator only (a rate with a rate, never with a
count), and its qualifier is respected: "từ 95% trở lên" (at least) is met by 95% and above, "trên
95%" (more than) only above, "tối đa"/"dưới" the other way round; "khoảng" (about) is not judged.
"""

from __future__ import annotations

import pandas as pd

from ..extraction.catalogue import Catalogue

COLUMNS = ["bloc", "earlier", "later", "cycle", "indicator", "target", "qualifier", "result", "met"]


def met(result: float, target: float, qualifier: str | None) -> bool | None:
    """Whether `result` meets `target` as its qualifier reads; None when that cannot be said."""
    if qualifier in (None, "at_least", "range"):
        return result >= target
    if qualifier == "more_than":
        return result > target
    if qualifier == "at_most":
        return result <= target
    if qualifier == "less_than":
        return result < target
    return None  # "about": no line to hold it to


def _qualifiers(observations: pd.DataFrame) -> dict[tuple, str | None]:
    """The qualifier of each congress's target figure, as its first statement gives it."""
    targets = observations[observations["kind"] == "target"]
    out: dict[tuple, str | None] = {}
    for row in targets.itertuples():
        out.setdefault((row.congress, row.indicator, float(row.value)), row.qualifier if isinstance(row.qualifier, str)
                       else None)
    return out


def accountability(congresses: pd.DataFrame, observations: pd.DataFrame, cat: Catalogue) -> pd.DataFrame:
    """One row per target of a congress whose bloc's next congress is known (the next term's)."""
    qualifiers = _qualifiers(observations)
    rows = []
    known = congresses[congresses["cycle"].notna()]
    for bloc, group in known.groupby("bloc", sort=True):
        by_cycle = {c["cycle"]: c for _, c in group.iterrows()}
        for cycle, earlier in sorted(by_cycle.items()):
            later = by_cycle.get(f"{cycle[5:]}-{int(cycle[5:]) + 5}")
            if later is None:
                continue
            for ind in cat.indicators:
                target = earlier[f"{ind.key}__target"]
                if target is None or pd.isna(target):
                    continue
                result = later[ind.key]
                result = None if result is None or pd.isna(result) else float(result)
                qualifier = qualifiers.get((earlier["congress"], ind.key, float(target)))
                rows.append({"bloc": bloc, "earlier": earlier["congress"], "later": later["congress"], "cycle": cycle,
                             "indicator": ind.key, "target": float(target), "qualifier": qualifier, "result": result,
                             "met": None if result is None else met(result, float(target), qualifier)})
    return pd.DataFrame(rows, columns=COLUMNS)
