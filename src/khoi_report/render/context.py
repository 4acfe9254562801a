"""The template context: the one contract between the data and the templates.

Plain dicts, lists and strings only, with every number already formatted for the brief's
language, so the HTML and the DOCX template read exactly the same values. The README documents
every key. (Renderers add one thing: each chart's `image`, an SVG for the PDF, a PNG for the DOCX.)
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable

from .. import wording
from .._version import __version__
from ..extraction import catalogue as catalogue_mod
from ..extraction import confidence as confidence_mod
from ..extraction import gazetteer as gazetteer_mod
from ..extraction.numbers import int_to_roman
from ..extraction.text import lower_first
from ..wording import word
from . import national

CHART_BARS = 30  # a chart of more blocs shows the top and bottom ten and the median instead
MAPS_FROM = 10  # provinces with data: below that a map says little the table does not

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _missing(value) -> bool:
    return wording.missing(value)


def _value(value):
    """A frame cell as plain Python: None for NaN/NA."""
    return None if _missing(value) else value


def quotes(figures: list[dict], quoted: Iterable[dict] = ()) -> list[dict]:
    """The figures under the sentences that carry them: one item per sentence of an article, in
    the order its first figure comes, with every figure it carries in their order — so that a
    sentence of four figures is quoted once, not four times. The figures are the same dicts as
    in the flat list. `quoted_in_achievements` says the sentence is among `quoted` (the bloc's
    achievement quotes) already: a target column then points there instead of quoting it again."""
    before = {(q["article"], q["evidence"]) for q in quoted}
    out: dict[tuple, dict] = {}
    for f in figures:
        key = (f["article"], f["evidence"])
        quote = out.setdefault(key, {"evidence": f["evidence"], "article": f["article"],
                                     "article_title": f["article_title"], "quoted_in_achievements": key in before,
                                     "figures": []})
        quote["figures"].append(f)
    return list(out.values())


def used_figures(bloc: dict, figures: list[dict]) -> list[dict]:
    """The figures a bloc's section shows: the ones the brief uses, each once. Of the articles on
    a congress that state an indicator, only the one whose value the bloc's row took is quoted (all
    its figures of that indicator: a stock at two dates stays two); `also` names the other articles
    that state the same value, and an article with another value is left to the findings, which list
    the disagreement. So a congress reported by four articles costs no more pages than by one.
    Where the row took no value of the articles (none chosen), or a correction replaced it (the
    article's figure stays beside the fix), every figure stays."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for f in figures:
        groups.setdefault((f["indicator"], f["kind"]), []).append(f)
    keep: set[int] = set()
    for (indicator, kind), group in groups.items():
        chosen = bloc.get(indicator if kind == "actual" else f"{indicator}__target")
        agreeing = [] if _missing(chosen) else [f for f in group if f["value"] == float(chosen)]
        if not agreeing or any(f["corrected"] for f in group):
            keep.update(id(f) for f in group)
            continue
        source = agreeing[0]["article"]
        others = sorted({f["article"] for f in agreeing} - {source})
        for f in group:
            if f["article"] == source:
                f["also"] = others if f["value"] == float(chosen) else []
                keep.add(id(f))
    return [f for f in figures if id(f) in keep]


def finding_quotes(findings: list[dict]) -> list[dict]:
    """Findings under the sentence they quote: one item per sentence, in the order its first finding
    comes, with every finding that quotes it; a finding that quotes nothing is an item of its own
    (`evidence` null)."""
    out: dict[object, dict] = {}
    for i, f in enumerate(findings):
        quote = out.setdefault(f["evidence"] or i, {"evidence": f["evidence"], "findings": []})
        quote["findings"].append(f)
    return list(out.values())


def _before(row) -> str:
    """The evidence up to the figure: where an article's own qualifier word stands."""
    try:
        offset = int(row["figure_start"]) - int(row["start"])
    except (TypeError, ValueError):
        return ""
    return str(row["evidence"])[max(0, offset - 20):offset] if 0 < offset <= len(str(row["evidence"])) else ""


class _Builder:
    """Builds the context section by section from the frames."""

    def __init__(self, tables, lang: str) -> None:
        self.t, self.lang, self.words = tables, lang, wording.labels(lang)
        self.cat, self.gaz = catalogue_mod.load(), gazetteer_mod.load()
        self.regions = list(self.gaz.regions)
        self.titles = dict(zip(tables.articles["article"], tables.articles["title"]))
        self.confidence = confidence_mod.load()
        # Each article's confidence in each metadata field it states (data/confidence.toml).
        self.meta_confidence = {a["article"]: a for a in tables.articles.to_dict("records")} \
            if "secretary_confidence" in tables.articles else {}
        self.names = {b["bloc"]: self.bloc_name(b["bloc_type"], b["province"]) for _, b in tables.blocs.iterrows()}
        # Only the congresses of one cycle are ranked against each other.
        in_cycle = tables.blocs["in_cycle"] if "in_cycle" in tables.blocs else True
        self.ranked = tables.blocs[in_cycle] if "in_cycle" in tables.blocs else tables.blocs
        self.outside = tables.blocs[~tables.blocs["in_cycle"]] if "in_cycle" in tables.blocs else tables.blocs.iloc[0:0]
        # Grouped once, as plain records: per-bloc lookups on frames cost a scan each.
        self.figures_of: dict[str, list[dict]] = {}
        for o in tables.observations.sort_values(["article", "figure_start"], kind="stable").to_dict("records"):
            self.figures_of.setdefault(o["bloc"], []).append(o)
        self.congresses_of: dict[str, list[dict]] = {}
        if tables.congresses is not None:
            for c in tables.congresses.to_dict("records"):
                self.congresses_of.setdefault(c["bloc"], []).append(c)

    def cycle_text(self, cycle) -> str:
        return str(cycle).replace("-", "–") if cycle and not _missing(cycle) else self.words["unknown_cycle"]

    def fmt(self, value, unit: str = "count") -> str:
        return wording.value(value, unit, self.lang)

    def bloc_name(self, bloc_type: str, province: str) -> str:
        unit = self.words["unit_city" if self.gaz.provinces[province].kind == "city" else "unit_province"]
        return self.words["bloc_name"].format(bloc=self.gaz.blocs[bloc_type].label(self.lang), unit=unit,
                                              province=province)

    def findings(self) -> list[dict]:
        out = []
        for _, f in self.t.findings.iterrows():
            out.append({"severity": f["severity"], "severity_label": self.words[f"severity_{f['severity']}"],
                        "code": f["code"], "message": word(f["code"], f["params"], self.lang),
                        "article": _value(f["article"]), "bloc": _value(f["bloc"]), "evidence": _value(f["evidence"])})
        return sorted(out, key=lambda f: (SEVERITY_ORDER[f["severity"]], f["bloc"] or "", f["article"] or ""))

    def quality(self, findings: list[dict], order: list[str]) -> dict:
        """The findings for the data-quality section: a count line per kind, then the details under
        each congress's bloc in the comparison's order, and last those of articles in no bloc; each
        group's findings also under the sentences they quote (`quotes`), each sentence once."""
        kinds: dict[str, dict] = {}
        for f in findings:
            kind = kinds.setdefault(f["code"], {"code": f["code"], "label": self.words["kinds"][f["code"]],
                                                "severity": f["severity"], "severity_label": f["severity_label"],
                                                "count": 0})
            kind["count"] += 1
        by_bloc: dict[str | None, list[dict]] = {}
        for f in findings:
            by_bloc.setdefault(f["bloc"], []).append(f)
        groups = [{"bloc": b, "name": self.names[b]} for b in order if b in by_bloc]
        groups += [{"bloc": b, "name": self.names.get(b, b)}
                   for b in sorted(k for k in by_bloc if k is not None and k not in order)]
        if None in by_bloc:
            groups.append({"bloc": None, "name": self.words["findings_other"]})
        for group in groups:
            group["findings"] = by_bloc[group["bloc"]]
            group["quotes"] = finding_quotes(group["findings"])
        ordered = sorted(kinds.values(), key=lambda k: (SEVERITY_ORDER[k["severity"]], -k["count"], k["label"]))
        return {"kinds": [{**k, "count_text": self.fmt(k["count"])} for k in ordered], "groups": groups}

    def comparison(self) -> dict:
        core = self.cat.core
        rows = []
        for _, b in self.ranked.iterrows():
            cells = [{"key": i.key, "value": _value(b[i.key]), "text": self.fmt(b[i.key], i.unit),
                      "corrected": i.key in b["corrected"]} for i in core]
            rows.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"],
                         "region": self.region(b["province"]), "cells": cells})
        rows.sort(key=lambda r: (self.regions.index(r["region"]), r["province"], r["name"]))
        outside = [f"{self.names[b['bloc']]} ({self.cycle_text(b['cycle'])})" for _, b in self.outside.iterrows()]
        stated = {i.key: [c["value"] for r in rows for c in r["cells"] if c["key"] == i.key and c["value"] is not None]
                  for i in core}
        return {"title": self.words["comparison_title"].format(cycle=self.cycle_text(self.t.cycle)),
                "cycle": self.cycle_text(self.t.cycle), "columns": [self.indicator(i) for i in core], "rows": rows,
                "groups": national.grouped(rows, self.regions),
                "national": {"name": self.words["national"],
                             "cells": national.national(stated, {i.key: i.unit for i in core}, self.fmt)},
                "national_note": self.words["national_note"],
                "outside": self.words["outside_cycle"].format(blocs="; ".join(outside)) if outside else None}

    def region(self, province: str) -> str:
        return self.gaz.provinces[province].region

    def rankings(self, comparison: dict) -> list[dict]:
        """Each core indicator's top and bottom ten blocs and its median, where enough blocs state it."""
        rows = [{**r, "values": {c["key"]: c["value"] for c in r["cells"]}} for r in comparison["rows"]]
        out = []
        for ind in self.cat.core:
            ranked = national.ranking(rows, ind.key, ind.unit, self.fmt)
            if ranked:
                out.append({"key": ind.key, "label": ind.label(self.lang), "unit": ind.unit, **ranked,
                            "title": self.words["ranking_title"].format(indicator=ind.label(self.lang)),
                            "note": self.words["ranking_median"].format(count=self.fmt(ranked["count"]),
                                                                        value=ranked["median_text"])})
        return out

    def maps(self) -> list[dict]:
        """A tile map per core indicator: each province's blocs of the compared term, summed where
        counts add up, their median where they do not; the 34 units once the term is after the merger."""
        after = any(self.gaz.blocs[k].since for k in self.ranked["bloc_type"]) or str(self.t.cycle or "") >= "2025"
        grid = "units_34" if after else "units_63"
        out = []
        for ind in self.cat.core:
            per_unit: dict[str, list[float]] = {}
            for province, value in zip(self.ranked["province"], self.ranked[ind.key]):
                if not _missing(value):
                    unit = self.gaz.provinces[province].successor if after else province
                    per_unit.setdefault(unit, []).append(float(value))
            if len(per_unit) < MAPS_FROM:
                continue
            values = {u: (sum(v) if ind.unit == "count" else statistics.median(v)) for u, v in per_unit.items()}
            how = self.words["map_total" if ind.unit == "count" else "map_median"]
            out.append({"key": ind.key, "label": ind.label(self.lang), "unit": ind.unit,
                        "title": self.words["map_title"].format(indicator=ind.label(self.lang)), "note": how,
                        "no_data": self.words["map_no_data"],
                        **national.tile_map(values, grid, ind.unit, self.fmt)})
        return out

    def indicator(self, ind) -> dict:
        return {"key": ind.key, "label": ind.label(self.lang), "short": ind.short(self.lang), "unit": ind.unit}

    def derived(self) -> dict:
        columns = [{"key": "members_per_org", "label": self.words["members_per_org"]},
                   {"key": "new_per_100", "label": self.words["new_per_100"]}]
        rows = []
        for _, b in self.ranked.iterrows():
            values = [_value(b[c["key"]]) for c in columns]
            rows.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"],
                         "region": self.region(b["province"]),
                         "cells": [{"key": c["key"], "value": v, "text": self.fmt(None if v is None else round(v, 1))}
                                   for c, v in zip(columns, values)]})
        rows.sort(key=lambda r: (self.regions.index(r["region"]), r["province"], r["name"]))
        return {"columns": columns, "rows": rows, "groups": national.grouped(rows, self.regions)}

    def versus(self) -> list[dict]:
        """Achieved against target, where an article gives both for the same period."""
        out = []
        grouped: dict[tuple, list[dict]] = {}
        for o in self.t.observations.to_dict("records"):
            grouped.setdefault((o["bloc"], o["indicator"], o["kind"]), []).append(o)
        for _, b in self.ranked.iterrows():
            for ind in self.cat.indicators:
                actual = grouped.get((b["bloc"], ind.key, "actual"), [])
                target = grouped.get((b["bloc"], ind.key, "target"), [])
                for a in actual:
                    same = [t for t in target if not _missing(a["period"]) and t["period"] == a["period"]]
                    if same:
                        t = same[0]
                        ratio = a["value"] / t["value"] * 100 if t["value"] else None
                        out.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"],
                                    "region": self.region(b["province"]), "indicator": ind.key, "label": ind.label(self.lang), "short": ind.short(self.lang),
                                    "period": a["period"], "ratio": None if ratio is None else round(ratio, 1),
                                    "actual": float(a["value"]), "actual_text": self.fmt(a["value"], ind.unit),
                                    "target": float(t["value"]), "target_text": self.fmt(t["value"], ind.unit),
                                    "ratio_text": self.fmt(None if ratio is None else round(ratio, 1), "percent")})
                        break
        return out

    def charts(self, versus: list[dict]) -> list[dict]:
        """A bar chart per core indicator (and achieved against target), highest first; past
        `CHART_BARS` bars only the top and bottom ten, with the median as the reference line."""
        charts = []
        for ind in self.cat.core:
            rows = self.ranked[self.ranked[ind.key].notna()].sort_values(ind.key, ascending=False, kind="stable")
            if len(rows) < 2:
                continue
            twice = rows["province"].duplicated(keep=False)
            bars = [{"label": f"{r['province']} – {self.gaz.blocs[r['bloc_type']].label(self.lang)}" if again
                     else r["province"], "value": float(r[ind.key]), "text": self.fmt(r[ind.key], ind.unit)}
                    for again, (_, r) in zip(twice, rows.iterrows())]
            title = self.words["chart_title"].format(indicator=ind.label(self.lang))
            charts.append(self.chart(ind.key, title, ind.unit, bars, None))
        ratios = [v for v in versus if v["ratio"] is not None]
        if ratios:
            if len(ratios) > CHART_BARS:  # only the ends will show: the highest first
                ratios = sorted(ratios, key=lambda v: -v["ratio"])
            bars = [{"label": f"{v['province']}: {v['short']}", "value": v["ratio"], "text": v["ratio_text"]} for v in ratios]
            charts.append(self.chart("versus", self.words["chart_versus"], "percent", bars, 100))
        return charts

    def chart(self, key: str, title: str, unit: str, bars: list[dict], reference: float | None) -> dict:
        """A chart's data; a long one keeps its ends (`split`: bars before the gap) and notes what it left out."""
        if len(bars) <= CHART_BARS:
            return {"key": key, "title": title, "unit": unit, "reference": reference, "bars": bars, "split": None,
                    "note": None}
        median = statistics.median(b["value"] for b in bars)
        note = self.words["chart_extremes"].format(shown=national.RANKED, count=len(bars),
                                                   median=self.fmt(round(median, 1), unit))
        return {"key": key, "title": title, "unit": unit, "reference": reference if reference is not None else median,
                "bars": bars[:national.RANKED] + bars[-national.RANKED:], "split": national.RANKED, "note": note}

    def figure(self, row) -> dict:
        ind = self.cat[row["indicator"]]
        qualifier = _value(row["qualifier"])
        corrected = str(row["article"]).startswith("corrections.toml")
        confidence = None if _missing(row.get("confidence")) else float(row["confidence"])
        return {"indicator": ind.key, "kind": row["kind"], "label": ind.label(self.lang), "core": ind.core,
                "value": float(row["value"]), "text": self.fmt(row["value"], ind.unit),
                "qualified_text": wording.qualified(self.fmt(row["value"], ind.unit), qualifier, self.lang,
                                                    _before(row)),
                "qualifier": self.words.get(qualifier) if qualifier else None, "period": _value(row["period"]),
                "evidence": row["evidence"], "article": row["article"], "article_title": _value(self.titles.get(row["article"])),
                "corrected": corrected, "confidence": confidence,
                "low_confidence": not corrected and self.confidence.low(confidence), "also": []}

    def fact_confidence(self, b: dict, name: str, figures: list[dict]) -> float | None:
        """A bloc fact's confidence: the best of those the articles stating its value give it (a
        figure's: the best of the bloc's figures of that indicator and value)."""
        if name in ("members", "party_orgs"):
            found = [f["confidence"] for f in figures if f["indicator"] == name and f["kind"] == "actual"
                     and f["confidence"] is not None and not _missing(b[name]) and f["value"] == float(b[name])]
            return max(found, default=None)
        corrected = b.get("corrected")
        if isinstance(corrected, list) and name in corrected:
            return 1.0

        def plain(v) -> str:
            return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)

        found = []
        for article in b["articles"]:
            row = self.meta_confidence.get(article)
            if row and not _missing(row.get(name)) and plain(row.get(name)) == plain(b[name]):
                c = _value(row.get(f"{name}_confidence"))
                if c is not None:
                    found.append(float(c))
        return max(found, default=None)

    def blocs(self, findings: list[dict]) -> list[dict]:
        out = []
        for b in self.t.blocs.to_dict("records"):
            figures = used_figures(b, [self.figure(o) for o in self.figures_of.get(b["bloc"], [])
                                       if o.get("congress") == b.get("congress")
                                       or str(o["article"]).startswith("corrections.toml")])
            ordinal = None if _missing(b["congress_ordinal"]) else int(b["congress_ordinal"])
            facts = [(self.words["congress_ordinal"], int_to_roman(ordinal) if ordinal else None, "congress_ordinal"),
                     (self.words["term"], _value(b["term"]), "term"),
                     (self.words["congress_start"], wording.date(b["congress_start"], self.lang), "congress_start"),
                     (self.words["secretary"], _value(b["secretary"]), "secretary"),
                     (self.cat["members"].label(self.lang), None if _missing(b["members"]) else self.fmt(b["members"]),
                      "members"),
                     (self.cat["party_orgs"].label(self.lang),
                      None if _missing(b["party_orgs"]) else self.fmt(b["party_orgs"]), "party_orgs")]
            confidences = {name: self.fact_confidence(b, name, figures) if value else None
                           for _, value, name in facts}
            achievements = [f for f in figures if f["kind"] == "actual"]
            targets = [f for f in figures if f["kind"] == "target"]
            achievement_quotes = quotes(achievements)
            out.append({
                "id": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"],
                "province_2025": self.gaz.provinces[b["province"]].successor,
                "bloc_type": b["bloc_type"], "bloc_type_label": self.gaz.blocs[b["bloc_type"]].label(self.lang),
                "congress_ordinal": ordinal, "congress_ordinal_roman": int_to_roman(ordinal) if ordinal else None,
                "term": _value(b["term"]), "congress_start": wording.date(b["congress_start"], self.lang),
                "secretary": _value(b["secretary"]),
                "facts": [{"label": label, "value": value or self.words["not_stated"], "stated": bool(value),
                           "confidence": confidences[name], "low_confidence": self.confidence.low(confidences[name])}
                          for label, value, name in facts],
                "achievements": achievements,
                "targets": targets,
                "achievement_quotes": achievement_quotes,
                "target_quotes": quotes(targets, achievement_quotes),
                "findings": [f for f in findings if f["bloc"] == b["bloc"]],
                "sources": list(b["articles"]),
                "congress": _value(b.get("congress")), "cycle": self.cycle_text(b.get("cycle")),
                "in_cycle": bool(b.get("in_cycle", True)), "history": self.history(b["bloc"]),
                "accountability": self.accountability(b["bloc"]),
            })
        return out

    def accountability(self, bloc: str) -> list[dict]:
        """Each target an earlier congress of the bloc set, the next congress's result, and whether it was met."""
        table = self.t.accountability
        if table is None:
            return []
        out = []
        for _, r in table[table["bloc"] == bloc].iterrows():
            ind = self.cat[r["indicator"]]
            qualifier = r["qualifier"] if isinstance(r["qualifier"], str) else None
            met = None if _missing(r["met"]) else bool(r["met"])
            out.append({"indicator": ind.key, "label": ind.label(self.lang), "cycle": self.cycle_text(r["cycle"]),
                        "target": float(r["target"]), "target_text": wording.qualified(self.fmt(r["target"], ind.unit),
                                                                                      qualifier, self.lang),
                        "result": _value(r["result"]), "result_text": self.fmt(r["result"], ind.unit), "met": met,
                        "met_text": self.words["met_yes" if met else "met_no" if met is False else "met_unknown"]})
        return out

    def successors(self) -> dict | None:
        """The last Khối term beside the first term of the 2025 bodies, by the 34 provinces since the
        merger (each old province under the unit it joined)."""
        congresses = self.t.congresses
        if congresses is None:
            return None
        new = congresses[congresses["bloc_type"].map(lambda k: bool(self.gaz.blocs[k].since))]
        old = congresses[~congresses.index.isin(new.index) & congresses["cycle"].notna()]
        if not len(new) or not len(old):
            return None
        after = sorted(new["cycle"].dropna().unique())[-1]
        before = sorted(c for c in old["cycle"].unique() if c < after)[-1:]
        if not before:
            return None
        old = old[old["cycle"] == before[0]]
        new = new[new["cycle"] == after]

        def entry(c) -> dict:
            return {"name": self.bloc_name(c["bloc_type"], c["province"]), "members": _value(c["members"]),
                    "members_text": self.fmt(c["members"])}

        rows = []
        for unit in self.gaz.units_2025:
            was = [entry(c) for _, c in old.iterrows() if self.gaz.provinces[c["province"]].successor == unit]
            now = [entry(c) for _, c in new.iterrows() if c["province"] == unit]
            if was or now:
                rows.append({"unit": unit, "before": was, "after": now})
        return {"title": self.words["successors"].format(before=self.cycle_text(before[0]), after=self.cycle_text(after)),
                "before": self.cycle_text(before[0]), "after": self.cycle_text(after), "rows": rows,
                "note": self.words["successors_note"]}

    def document(self, values: dict, today: dt.date, title: str | None) -> dict:
        """The document as a Party office issues it: header, number, place and date, signature
        and recipients. What the settings leave out is a visible blank, to fill in by hand."""
        w = self.words

        def upper(text: str | None) -> str:
            return text.upper() if text else w["blank"]

        number = values.get("number")
        recipients = [r.strip().rstrip(",;.") for r in values.get("recipients") or [] if r.strip()] or w["recipients_blank"]
        return {
            "parent_organisation": values.get("parent_organisation"),
            "parent_organisation_text": upper(values.get("parent_organisation")),
            "organisation_text": upper(values.get("organisation")),
            "party": w["party"],
            "number": number,
            "number_text": f"{w['number_prefix']} {number or w['number_blank'].replace(' ', chr(0xA0))}",
            "place": values.get("place"),
            "place_date": wording.issued(values.get("place"), today, self.lang),
            "type": w["document_type"],
            "subject": title or w["document_subject"].format(cycle=self.cycle_text(self.t.cycle)),
            "on_behalf": upper(values.get("on_behalf") or w["on_behalf"]),
            "signer_title": upper(values.get("signer_title") or w["signer_title"]),
            "signer": values.get("signer") or w["blank"],
            "recipients_label": w["recipients"],
            "recipients": [f"- {r}{'.' if i == len(recipients) - 1 else ','}" for i, r in enumerate(recipients)],
        }

    def accountability_summary(self, blocs: list[dict]) -> list[dict]:
        """Across blocs: how many targets of the previous term each set, met, missed, or cannot be judged."""
        out = []
        for bloc in blocs:
            rows = bloc["accountability"]
            if rows:
                counts = {"set": len(rows), "met": sum(r["met"] is True for r in rows),
                          "missed": sum(r["met"] is False for r in rows), "unknown": sum(r["met"] is None for r in rows)}
                out.append({"bloc": bloc["id"], "name": bloc["name"], "region": self.region(bloc["province"]),
                            "cycle": rows[0]["cycle"], **counts,
                            **{f"{k}_text": self.fmt(v) for k, v in counts.items()}})
        return out

    def history(self, bloc: str) -> list[dict]:
        """The bloc's congresses, oldest first, each with its core figures, for a side-by-side table."""
        congresses = self.t.congresses
        if congresses is None:
            return []
        rows = sorted(self.congresses_of.get(bloc, []), key=lambda c: (not _missing(c["cycle"]), str(c["cycle"])))
        out = []
        for c in rows:
            ordinal = None if _missing(c["congress_ordinal"]) else int(c["congress_ordinal"])
            out.append({"congress": c["congress"], "cycle": self.cycle_text(c["cycle"]),
                        "ordinal_roman": int_to_roman(ordinal) if ordinal else None,
                        "congress_start": wording.date(c["congress_start"], self.lang), "secretary": _value(c["secretary"]),
                        "articles": list(c["articles"]),
                        "cells": [{"key": i.key, "short": i.short(self.lang), "value": _value(c[i.key]),
                                   "text": self.fmt(c[i.key], i.unit)} for i in self.cat.core]})
        return out

    def corrections(self) -> list[dict]:
        obs = self.t.observations
        rows = obs[obs["article"].astype(str).str.startswith("corrections.toml")]
        out = [{"bloc": r["bloc"], "name": self.names[r["bloc"]], "label": self.cat[r["indicator"]].label(self.lang),
                "kind": r["kind"], "text": self.fmt(r["value"], r["unit"]), "reason": r["evidence"], "where": r["article"]}
               for _, r in rows.iterrows()]
        fixes = {(c.bloc, c.key): c for c in self.t.corrections if c.is_field}
        for _, b in self.t.blocs.iterrows():
            for field in (c for c in b["corrected"] if c in ("secretary", "term", "congress_ordinal", "congress_start")):
                fix = fixes.get((b["bloc"], field))
                text = (int_to_roman(int(b[field])) if field == "congress_ordinal" else
                        wording.date(b[field], self.lang) if field == "congress_start" else str(b[field]))
                out.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "label": self.words[field], "kind": "actual",
                            "text": text, "reason": fix.reason if fix else None,
                            "where": f"corrections.toml:{fix.line}" if fix else "corrections.toml"})
        return out

    def sources(self) -> list[dict]:
        counts = self.t.observations["article"].value_counts()
        out = []
        for _, a in self.t.articles.iterrows():
            out.append({"id": a["article"], "title": _value(a["title"]), "outlet": _value(a["outlet"]),
                        "published": wording.date(a["published"], self.lang), "byline": _value(a["byline"]),
                        "sha256": a["sha256"], "observations": int(counts.get(a["article"], 0)),
                        "bloc": _value(a["bloc"]), "duplicate_of": _value(a["duplicate_of"])})
        return out

    def summary(self, findings: list[dict], n_articles: int) -> list[str]:
        """The summary, written from the blocs' values: what can be compared, the highest and
        lowest bloc on each, who admits most new members, how many points need checking."""
        w, blocs, lang = self.words, self.ranked, self.lang
        sentences = [w["summary_scope"].format(articles=n_articles, blocs=len(self.t.blocs),
                                               provinces=self.t.blocs["province"].nunique())]
        if len(self.outside):
            sentences.append(w["summary_cycle"].format(cycle=self.cycle_text(self.t.cycle), outside=len(self.outside)))
        comparable = [ind for ind in self.cat.core if blocs[ind.key].notna().sum() >= 2]
        if comparable:
            sentences.append(w["summary_comparable"].format(
                indicators=", ".join(lower_first(ind.label(lang)) for ind in comparable)))
            for ind in comparable:
                stated = blocs[blocs[ind.key].notna()]
                high, low = stated.loc[stated[ind.key].idxmax()], stated.loc[stated[ind.key].idxmin()]
                sentences.append(w["summary_extremes"].format(
                    indicator=ind.label(lang), high=high["province"], high_value=self.fmt(high[ind.key], ind.unit),
                    low=low["province"], low_value=self.fmt(low[ind.key], ind.unit)))
        else:
            sentences.append(w["summary_none_comparable"])
        rates = blocs[blocs["new_per_100"].notna()]
        if len(rates) >= 2:
            top = rates.loc[rates["new_per_100"].idxmax()]
            sentences.append(w["summary_new_rate"].format(bloc=self.names[top["bloc"]],
                                                          value=self.fmt(round(top["new_per_100"], 1))))
        if findings:
            sentences.append(w["summary_findings"].format(
                count=len(findings), warnings=sum(f["severity"] != "info" for f in findings)))
        return sentences


def build_context(tables, lang: str = "vi", title: str | None = None, organisation: str | None = None,
                  edition: str | None = None, logo: str | None = None, today: dt.date | None = None,
                  by_successor: bool = False, document: dict | None = None) -> dict:
    """The context; `document` holds the issued document's values (`Settings.document()`)."""
    b = _Builder(tables, lang)
    words = b.words
    today = today or dt.date.today()
    findings = b.findings()
    comparison, derived, versus = b.comparison(), b.derived(), b.versus()
    blocs = b.blocs(findings)
    sources = b.sources()
    live = [s for s in sources if s["duplicate_of"] is None]
    charts = b.charts(versus)
    accountability = b.accountability_summary(blocs)
    order = [row["bloc"] for row in comparison["rows"]] + [bloc["id"] for bloc in blocs]
    toc = [{"id": "summary", "title": words["summary"], "level": 1},
           {"id": "comparison", "title": comparison["title"], "level": 1}]
    rankings, maps = b.rankings(comparison), b.maps()
    toc += [{"id": "rankings", "title": words["rankings"], "level": 1}] if rankings else []
    toc += [{"id": "charts", "title": words["charts"], "level": 1}] if charts else []
    toc += [{"id": "maps", "title": words["maps"], "level": 1}] if maps else []
    toc += [{"id": bloc["id"], "title": bloc["name"], "level": 1} for bloc in blocs]
    toc += [{"id": "quality", "title": words["quality"], "level": 1},
            {"id": "sources", "title": words["methodology"], "level": 1}]
    return {
        "lang": lang,
        "cycle": tables.cycle,  # the term compared, "2020-2025" (brief.cycle is it as printed)
        "labels": {k: v for k, v in words.items() if isinstance(v, str)},
        "brief": {
            "title": title or words["title"],
            "subtitle": words["subtitle"],
            "organisation": organisation,
            "edition": edition,
            "logo": logo,
            "built": wording.date(today, lang),
            "built_iso": today.isoformat(),
            "articles": len(live),
            "blocs": len(blocs),
            "cycle": comparison["cycle"],
            "provinces": int(tables.blocs["province"].nunique()),
            "findings": len(findings),
            "generator": f"khoi-report {__version__}",
        },
        "document": b.document({**(document or {}), "organisation": organisation}, today, title),
        "toc": toc,
        "summary": b.summary(findings, len(live)),
        "indicators": [b.indicator(i) for i in b.cat.core],
        "comparison": comparison,
        "derived": derived,
        "versus": versus,
        "accountability": accountability,
        "successors": b.successors() if by_successor else None,
        "charts": charts,
        "blocs": blocs,
        "findings": findings,
        "quality": b.quality(findings, list(dict.fromkeys(order))),
        "rankings": rankings,
        "maps": maps,
        "versus_groups": national.grouped(versus, b.regions),
        "accountability_groups": national.grouped(accountability, b.regions),
        "corrections": b.corrections(),
        "sources": sources,
        "unplaced": [s for s in live if s["bloc"] is None],
    }




def for_bloc(context: dict, bloc_id: str) -> dict:
    """The context of one bloc's own brief: its section, its findings and sources, with the
    comparison across all blocs kept for reference."""
    (bloc,) = [b for b in context["blocs"] if b["id"] == bloc_id]
    articles = set(bloc["sources"])
    findings = [f for f in context["findings"] if f["bloc"] == bloc_id or f["article"] in articles]
    sections = {"summary", "comparison", "rankings", "charts", "maps", bloc_id, "quality", "sources"}
    return {**context,
            "brief": {**context["brief"], "title": f"{context['brief']['title']}: {bloc['name']}", "findings": len(findings)},
            "toc": [entry for entry in context["toc"] if entry["id"] in sections],
            "blocs": [bloc], "findings": findings, "unplaced": [],
            "quality": {"kinds": [k for k in context["quality"]["kinds"] if any(f["code"] == k["code"] for f in findings)],
                        "groups": [g for g in context["quality"]["groups"] if g["bloc"] == bloc_id]},
            "sources": [s for s in context["sources"] if s["id"] in articles]}
