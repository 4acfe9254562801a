"""Which articles report the same congress: one record per congress, not per article.

A congress is a bloc's congress of one term (its cycle: 2015-2020, 2020-2025, 2025-2030), keyed
`<bloc>-<term>` ("thai-nguyen-co-quan-2020-2025"). An article that states only the ordinal takes
the term its bloc's other articles give that ordinal; one that states no term but dates the
congress (or is dated) in a congress year (2015, 2020, 2025) belongs to the cycle that year opens;
one that says none of this belongs to its bloc's only congress, if the bloc has one. Articles of one bloc and term that give different
ordinals contradict each other on the congress itself: they are not merged (each ordinal keeps a
record of its own, keyed `<bloc>-<term>-<ordinal>`), and that is a finding.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..models import ExtractedArticle
from .gazetteer import bloc_id


@dataclass(frozen=True)
class Grouping:
    keys: dict[str, str | None]  # article id -> its congress's key, or None
    conflicts: dict[str, dict[int, list[str]]]  # "<bloc>-<term>" -> ordinal -> articles, where they differ


def group(items: list[ExtractedArticle]) -> Grouping:
    """The congress each article reports (duplicates of another article are left out)."""
    live = [i for i in items if not i.article.duplicate_of]
    bloc_of = {i.article.id: bloc_id(i.meta.province.value, i.meta.bloc_type.value) for i in live}
    terms_of_ordinal: dict[tuple[str, int], set[str]] = defaultdict(set)
    ordinals: dict[tuple[str, str], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item in live:
        bloc, term, ordinal = bloc_of[item.article.id], item.meta.term.value, item.meta.congress_ordinal.value
        if bloc and term and ordinal:
            terms_of_ordinal[(bloc, int(ordinal))].add(str(term))
            ordinals[(bloc, str(term))][int(ordinal)].append(item.article.id)
    conflicts = {f"{bloc}-{term}": dict(by) for (bloc, term), by in ordinals.items() if len(by) > 1}
    terms: dict[str, str | None] = {}
    for item in live:
        bloc, term, ordinal = bloc_of[item.article.id], item.meta.term.value, item.meta.congress_ordinal.value
        if bloc and not term and ordinal and len(found := terms_of_ordinal[(bloc, int(ordinal))]) == 1:
            term = next(iter(found))
        if bloc and not term:
            term = _cycle_of_year(item)
        terms[item.article.id] = str(term) if bloc and term else None
    known: dict[str, set[str]] = defaultdict(set)
    for article, term in terms.items():
        if term:
            known[bloc_of[article]].add(term)
    keys: dict[str, str | None] = {}
    for item in live:
        article, bloc = item.article.id, bloc_of[item.article.id]
        term = terms[article] or (next(iter(known[bloc])) if bloc and len(known[bloc]) == 1 else None)
        # a bloc no article gives a term for: one congress, of an unknown cycle
        key = f"{bloc}-{term}" if bloc and term else bloc if bloc and not known[bloc] else None
        if key in conflicts:
            ordinal = item.meta.congress_ordinal.value
            key = f"{key}-{int(ordinal)}" if ordinal else None  # which of the contradicting congresses? none
        keys[article] = key
    return Grouping(keys, conflicts)


def _cycle_of_year(item: ExtractedArticle) -> str | None:
    """The cycle a congress year opens: provincial congresses meet in the first year of their term."""
    dated = item.meta.congress_start.value or item.meta.published.value
    year = int(str(dated)[:4]) if dated else None
    return f"{year}-{year + 5}" if year and year % 5 == 0 else None


def cycle_of(key: str) -> str:
    """The term of a congress key: 'thai-nguyen-co-quan-2020-2025' -> '2020-2025'."""
    parts = key.split("-")
    years = [i for i, p in enumerate(parts) if len(p) == 4 and p.isdigit()]
    return f"{parts[years[-2]]}-{parts[years[-1]]}" if len(years) >= 2 else ""
