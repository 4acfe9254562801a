"""Tables stage. In: an `Extraction` (and the user's `corrections.toml`). Out: `Tables`, the
pandas frames the brief is made from (articles, observations, blocs, findings), corrected, with
their derived figures; and the same tables as data files (`export`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import KhoiError
from ..extraction import catalogue as catalogue_mod
from ..models import Extraction


@dataclass
class Tables:
    articles: pd.DataFrame
    observations: pd.DataFrame
    blocs: pd.DataFrame
    findings: pd.DataFrame
    corrections: list = field(default_factory=list)  # the corrections applied, with their reasons and lines
    congresses: pd.DataFrame | None = None  # one row per congress (see `frame`)
    cycle: str | None = None  # the term the blocs are compared in
    accountability: pd.DataFrame | None = None  # targets of one congress against the next one's results


def tabulate(extraction: Extraction, corrections: Path | None = None, cycle: str | None = None) -> Tables:
    """The extraction as frames, with the corrections of a `corrections.toml` applied; the blocs
    compared in `cycle` ("2020-2025"; default: the latest cycle with a congress record)."""
    from . import corrections as corrections_mod
    from .accountability import accountability
    from .derived import with_derived
    from .frame import (
        articles_frame,
        blocs_frame,
        congresses_frame,
        findings_frame,
        latest_cycle,
        observations_frame,
    )

    cat = catalogue_mod.load()
    articles = articles_frame(extraction)
    observations = observations_frame(extraction, articles)
    congresses = congresses_frame(articles, observations, cat)
    found = sorted(congresses["cycle"].dropna().unique())
    if cycle is not None and cycle not in found:
        raise KhoiError(f"no congress of the {cycle} term in the inputs; terms found: {', '.join(found) or 'none'}")
    cycle = cycle or latest_cycle(congresses)
    frames = Tables(articles, observations, blocs_frame(congresses, cycle), findings_frame(extraction.findings),
                    congresses=congresses, cycle=cycle)
    fixes = corrections_mod.load(corrections, set(frames.blocs["bloc"])) if corrections else []
    fixed = corrections_mod.apply(frames, fixes)
    fixed.blocs = with_derived(fixed.blocs, fixed.observations)
    fixed.accountability = accountability(congresses, observations, cat)
    return fixed
