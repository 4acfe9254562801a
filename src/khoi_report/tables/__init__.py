"""Tables stage. In: an `Extraction` (and the user's `corrections.toml`). Out: `Tables`, the
pandas frames the brief is made from (articles, observations, blocs, findings), corrected, with
their derived figures; and the same tables as data files (`export`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..extraction import catalogue as catalogue_mod
from ..models import Extraction


@dataclass
class Tables:
    articles: pd.DataFrame
    observations: pd.DataFrame
    blocs: pd.DataFrame
    findings: pd.DataFrame
    corrections: list = field(default_factory=list)  # the corrections applied, with their reasons and lines


def tabulate(extraction: Extraction, corrections: Path | None = None) -> Tables:
    """The extraction as frames, with the corrections of a `corrections.toml` applied."""
    from . import corrections as corrections_mod
    from .derived import with_derived
    from .frame import articles_frame, blocs_frame, findings_frame, observations_frame

    cat = catalogue_mod.load()
    articles = articles_frame(extraction)
    observations = observations_frame(extraction, articles)
    frames = Tables(articles, observations, blocs_frame(articles, observations, cat), findings_frame(extraction.findings))
    fixes = corrections_mod.load(corrections, set(frames.blocs["bloc"])) if corrections else []
    fixed = corrections_mod.apply(frames, fixes)
    fixed.blocs = with_derived(fixed.blocs, fixed.observations)
    return fixed
