"""Check stage: what in the extracted data does not hold together, as `Finding`s with evidence.

Relations between indicators (parts that add up to a total, shares of a whole) are declared in
the catalogue; this module only applies them.
"""

from __future__ import annotations

from collections import defaultdict

from ..extraction import congress
from ..extraction import gazetteer as gazetteer_mod
from ..extraction.catalogue import Catalogue
from ..extraction.gazetteer import bloc_id
from ..models import ExtractedArticle, Finding, Observation, finding


def _by_key(observations: list[Observation]) -> dict[tuple[str, str], Observation]:
    out: dict[tuple[str, str], Observation] = {}
    for o in observations:
        out.setdefault((o.indicator, o.kind), o)
    return out


def check_article(item: ExtractedArticle, cat: Catalogue, gaz: gazetteer_mod.Gazetteer) -> list[Finding]:
    a, meta = item.article, item.meta
    bloc = bloc_id(meta.province.value, meta.bloc_type.value)
    findings: list[Finding] = []

    def add(severity: str, code: str, evidence: str | None = None, **params) -> None:
        findings.append(finding(severity, code, {"article": a.id, **params}, a.id, bloc, evidence))

    if a.duplicate_of:
        return findings
    obs = _by_key(item.observations)
    for o in item.observations:
        if o.unit == "percent" and o.value > 100:
            add("error", "rate_over_100", o.evidence, indicator=o.indicator, value=o.value)
    for ind in cat.related:
        for kind in ("actual", "target"):
            total = obs.get((ind.key, kind))
            parts = [obs.get((p, kind)) for p in ind.parts]
            if total and parts and all(parts):
                summed = sum(p.value for p in parts)
                if abs(summed - total.value) > 1e-9:
                    add("warning", "parts_do_not_add_up", total.evidence, terms=[p.value for p in parts], sum=summed,
                        indicator=ind.key, total=total.value)
            part, share = obs.get((ind.key, kind)), obs.get((ind.share_key, kind)) if ind.share_key else None
            whole = obs.get((ind.share_of, kind)) if ind.share_of else None
            if part and share and whole and whole.value:
                computed = part.value / whole.value * 100
                if abs(computed - share.value) > max(1.0, 0.1 * share.value):
                    add("warning", "share_contradicts_counts", share.evidence, part=part.value, share=share.value,
                        whole=whole.value, computed=round(computed, 2))
    ordinals = meta.seen.get("congress_ordinal", [])
    if len({f.value for f in ordinals}) > 1:
        add("warning", "contradictory_ordinals", " … ".join(dict.fromkeys(f.evidence or "" for f in ordinals)),
            values=sorted({int(f.value) for f in ordinals}))
    if meta.bloc_type.value == "trung_uong":
        add("info", "central_bloc")
    elif not meta.bloc_type.value:
        add("warning", "no_bloc")
    if not meta.province.value and meta.bloc_type.value != "trung_uong":
        add("warning", "no_province")
    elif meta.province.value and meta.province_source != "bloc_name":
        province = gaz.provinces[meta.province.value]
        competing = [f for f in meta.seen.get("places", []) if f.value not in (province.name, province.region)]
        if competing:
            evidence = " … ".join(dict.fromkeys([meta.province.evidence] + [f.evidence for f in competing]))
            add("warning", "competing_places", evidence, province=province.name,
                others=sorted({f.value for f in competing}))
    if not a.published and not meta.congress_start.value:
        add("info", "no_date")
    return findings


def check_across(items: list[ExtractedArticle], cat: Catalogue) -> list[Finding]:
    """Articles on one congress that disagree on a figure: one finding per congress and figure,
    listing each value with its articles; articles that disagree on the congress itself."""
    grouping = congress.group(items)
    findings = []
    for key, by_ordinal in sorted(grouping.conflicts.items()):
        values = [[ordinal, ", ".join(sorted(articles))] for ordinal, articles in sorted(by_ordinal.items())]
        bloc = key[: -len(congress.cycle_of(key)) - 1]
        findings.append(finding("warning", "congress_conflict", {"congress": key, "values": values}, None, bloc))
    values: dict[tuple[str, str, str], dict[float, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        key = grouping.keys.get(item.article.id)
        if key is None or item.article.duplicate_of:
            continue
        for o in item.observations:
            values[(key, o.indicator, o.kind)][o.value].append(o)
    for (key, indicator, kind), by_value in sorted(values.items()):
        sources = {o.article for obs in by_value.values() for o in obs}
        if len(by_value) > 1 and len(sources) > 1:
            listed = [[v, ", ".join(sorted({o.article for o in obs}))] for v, obs in by_value.items()]
            cycle = congress.cycle_of(key)  # none when no article gives the bloc's term: the key is the bloc
            bloc = key.split("-" + cycle)[0] if cycle else key
            findings.append(finding("warning", "sources_disagree",
                                    {"bloc": key, "indicator": indicator, "kind": kind, "values": listed}, None, bloc,
                                    " … ".join(obs[0].evidence for obs in by_value.values())))
    return findings


def check(items: list[ExtractedArticle], cat: Catalogue, gaz: gazetteer_mod.Gazetteer) -> list[Finding]:
    findings = [f for item in items for f in check_article(item, cat, gaz)]
    return findings + check_across(items, cat)
