"""The indicator catalogue (`data/indicators.toml`) as typed, compiled data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..datafiles import load as load_data


@dataclass(frozen=True)
class Rule:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    earlier: re.Pattern[str] | None = None  # searched in the sentence up to the figure, across clauses
    per_year: bool = False  # the figure must be written per year ("8,5%/năm")


@dataclass(frozen=True)
class Indicator:
    key: str
    unit: str
    label_vi: str
    label_en: str
    short_vi: str
    short_en: str
    core: bool
    stock: bool
    has_targets: bool  # False: a figure with a target's words is still what happened ("dự kiến có 250 đại biểu")
    rules: tuple[Rule, ...]
    exclude_before: re.Pattern[str] | None
    exclude_after: re.Pattern[str] | None
    exclude_earlier: re.Pattern[str] | None  # searched in the sentence up to the figure, across clauses
    share_key: str | None
    share_of: str | None
    parts: tuple[str, ...]
    this_congress: bool = False  # of the reported congress: a committee named of an earlier term is not its

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi

    def short(self, lang: str) -> str:
        return self.short_en if lang == "en" else self.short_vi


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]
    sentence_markers: re.Pattern[str]
    clause_markers: re.Pattern[str]
    cancel: re.Pattern[str]
    schedule: re.Pattern[str]  # right after a sentence marker: a plan for the congress, no target
    results: re.Pattern[str]  # a clause reporting results: a sentence marker before it reaches no further
    target_value: re.Pattern[str]
    events: re.Pattern[str]
    own_scope: re.Pattern[str]
    other_scope: re.Pattern[str]
    scope_titles: re.Pattern[str]
    joined_phrases: re.Pattern[str]  # a lookahead: phrases whose commas end no clause, overlaps included

    def __getitem__(self, key: str) -> Indicator:
        for ind in self.indicators:
            if ind.key == key:
                return ind
        raise KeyError(key)

    @property
    def core(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.core)

    @cached_property
    def related(self) -> tuple[Indicator, ...]:
        """The indicators the checker tests against others: totals of parts, counts with a share."""
        return tuple(i for i in self.indicators if i.parts or (i.share_key and i.share_of))


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def _alternatives(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b")


def parse(data: dict) -> Catalogue:
    indicators = []
    for raw in data["indicator"]:
        indicators.append(Indicator(
            key=raw["key"], unit=raw["unit"], label_vi=raw["label_vi"], label_en=raw["label_en"],
            short_vi=raw.get("short_vi", raw["label_vi"]), short_en=raw.get("short_en", raw["label_en"]),
            core=raw.get("core", False), stock=raw.get("stock", False), has_targets=raw.get("targets", True),
            rules=tuple(Rule(_compile(r.get("before")), _compile(r.get("after")), _compile(r.get("earlier")),
                             r.get("per_year", False))
                        for r in raw.get("rules", [])),
            exclude_before=_compile(raw.get("exclude_before")), exclude_after=_compile(raw.get("exclude_after")),
            exclude_earlier=_compile(raw.get("exclude_earlier")),
            share_key=raw.get("share_key"), share_of=raw.get("share_of"), parts=tuple(raw.get("parts", ())),
            this_congress=raw.get("this_congress", False),
        ))
    keys = {i.key for i in indicators}
    for ind in indicators:
        for ref in (ind.share_key, ind.share_of, *ind.parts):
            if ref and ref not in keys:
                raise ValueError(f"indicator {ind.key!r} refers to unknown indicator {ref!r}")
    target = data["target"]
    return Catalogue(
        indicators=tuple(indicators),
        sentence_markers=_alternatives(target["sentence_markers"]),
        clause_markers=_alternatives(target["clause_markers"]),
        cancel=re.compile(r"\b" + "".join(f"(?<!{re.escape(w)} )" for w in target.get("cancel_kept_after", ()))
                          + r"(?:" + "|".join(map(re.escape, target["cancel"])) + r")\s+(?:(?:các|những|mọi)\s+)?$"),
        schedule=re.compile(r"\s*(?:" + "|".join(map(re.escape, target.get("schedule", ()))) + r")\b"
                            if target.get("schedule") else r"(?!)"),
        results=re.compile(r"[;,]\s*(?:" + "|".join(map(re.escape, target.get("results", ()))) + r")\b"
                           if target.get("results") else r"(?!)"),
        target_value=re.compile(target["value"] + r"\s*$"),
        events=re.compile(r"\b(?:" + data["filters"]["events"] + r")\b"),
        own_scope=re.compile(data["filters"]["own_scope"]),
        other_scope=re.compile(data["filters"]["other_scope"]),
        scope_titles=re.compile(data["filters"]["scope_titles"] + r"\s*$"),
        joined_phrases=re.compile("(?=(" + "|".join([*map(re.escape, data["filters"]["joined_phrases"]),
                                                     *data["filters"].get("joined_patterns", ())]) + "))"),
    )


@cache
def load() -> Catalogue:
    return parse(load_data("indicators.toml"))
