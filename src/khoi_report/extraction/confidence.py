"""What a confidence means: the measured precision of the rule that produced a value.

Every observation names its cue (`indicator/rule/kind`: which rule of `indicators.toml` matched
and whether the figure was read as a target) and every metadata field its source (the province
from the bloc's own name or from a passing "tỉnh X"; the secretary elected or only titled). The
table `data/confidence.toml`, written by `tools/calibration.py --write` from the gold corpus, gives
each cue's confidence: its share of right values on the corpus, shrunk toward the pooled share
when the cue was seen only a few times. Of the values given 0.9, about nine in ten are right.
A value below `low_confidence_below` is marked in the brief rather than hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import load as load_data


@dataclass(frozen=True)
class Table:
    low_confidence_below: float
    observation_default: float
    metadata_default: float
    observations: dict[str, float]
    metadata: dict[str, float]

    def of_observation(self, cue: str) -> float:
        return self.observations.get(cue, self.observation_default)

    def of_metadata(self, field: str, source: str | None) -> float:
        return self.metadata.get(f"{field}/{source}", self.metadata_default)

    def low(self, confidence: float | None) -> bool:
        return confidence is not None and confidence < self.low_confidence_below


@cache
def load() -> Table:
    data = load_data("confidence.toml")
    return Table(
        low_confidence_below=float(data["low_confidence_below"]),
        observation_default=float(data["observation_default"]),
        metadata_default=float(data["metadata_default"]),
        observations={k: float(v["confidence"]) for k, v in data.get("observation", {}).items()},
        metadata={k: float(v["confidence"]) for k, v in data.get("metadata", {}).items()},
    )


def shrunk(right: int, n: int, pooled: float, strength: float = 4.0) -> float:
    """A cue's share right, pulled toward the pooled share by `strength` pseudo-observations."""
    return round((right + strength * pooled) / (n + strength), 2)
