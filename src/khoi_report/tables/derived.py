"""Figures derived from the reported ones, computed once, after the corrections, so the brief,
its summary and the exports all read the same numbers:

- `members_per_org`: party members per grassroots party organisation (TCCSĐ);
- `new_per_100`: new members admitted a year per 100 members, over the term the count covers
  (five years where the article does not say).
"""

from __future__ import annotations

import pandas as pd

TERM_YEARS = 5  # a Party term, where an article does not state its years
DERIVED = ("members_per_org", "new_per_100")


def term_years(period) -> int:
    """'2015-2020' -> 5; a term an article does not state is a full one."""
    if isinstance(period, str) and len(period) == 9 and period[4] == "-":
        return max(1, int(period[5:]) - int(period[:4]))
    return TERM_YEARS


def with_derived(blocs: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """The blocs frame with the derived columns, placed before `corrected`."""
    blocs = blocs.drop(columns=[c for c in DERIVED if c in blocs])
    new = observations[(observations["indicator"] == "new_members") & (observations["kind"] == "actual")]
    period = dict(zip(*new.drop_duplicates("bloc")[["bloc", "period"]].to_dict("list").values())) if len(new) else {}
    years = blocs["bloc"].map(lambda bloc: term_years(period.get(bloc)))
    members = blocs["members"].astype(float)
    at = list(blocs.columns).index("corrected") if "corrected" in blocs else len(blocs.columns)
    blocs.insert(at, "members_per_org", members / blocs["party_orgs"].astype(float))
    per_100 = blocs["new_members"].astype(float) / years / members * 100
    blocs.insert(at + 1, "new_per_100", per_100.where(members > 0))
    return blocs
