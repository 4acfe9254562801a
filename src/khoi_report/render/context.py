"""The template context: the one contract between the data and the templates.

Plain dicts, lists and strings only, with every number already formatted for the brief's
language, so the HTML and the DOCX template read exactly the same values. The README documents
every key. (Renderers add one thing: each chart's `image`, an SVG for the PDF, a PNG for the DOCX.)
"""

from __future__ import annotations

import datetime as dt

from .. import wording
from .._version import __version__
from ..extraction import catalogue as catalogue_mod
from ..extraction import gazetteer as gazetteer_mod
from ..extraction.numbers import int_to_roman
from ..extraction.text import lower_first
from ..wording import word

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _missing(value) -> bool:
    return wording.missing(value)


def _value(value):
    """A frame cell as plain Python: None for NaN/NA."""
    return None if _missing(value) else value


class _Builder:
    """Builds the context section by section from the frames."""

    def __init__(self, tables, lang: str) -> None:
        self.t, self.lang, self.words = tables, lang, wording.labels(lang)
        self.cat, self.gaz = catalogue_mod.load(), gazetteer_mod.load()
        self.titles = dict(zip(tables.articles["article"], tables.articles["title"]))
        self.names = {b["bloc"]: self.bloc_name(b["bloc_type"], b["province"]) for _, b in tables.blocs.iterrows()}
        # Only the congresses of one cycle are ranked against each other.
        in_cycle = tables.blocs["in_cycle"] if "in_cycle" in tables.blocs else True
        self.ranked = tables.blocs[in_cycle] if "in_cycle" in tables.blocs else tables.blocs
        self.outside = tables.blocs[~tables.blocs["in_cycle"]] if "in_cycle" in tables.blocs else tables.blocs.iloc[0:0]

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

    def comparison(self) -> dict:
        core = self.cat.core
        rows = []
        for _, b in self.ranked.iterrows():
            cells = [{"key": i.key, "value": _value(b[i.key]), "text": self.fmt(b[i.key], i.unit),
                      "corrected": i.key in b["corrected"]} for i in core]
            rows.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"], "cells": cells})
        outside = [f"{self.names[b['bloc']]} ({self.cycle_text(b['cycle'])})" for _, b in self.outside.iterrows()]
        return {"title": self.words["comparison_title"].format(cycle=self.cycle_text(self.t.cycle)),
                "cycle": self.cycle_text(self.t.cycle), "columns": [self.indicator(i) for i in core], "rows": rows,
                "outside": self.words["outside_cycle"].format(blocs="; ".join(outside)) if outside else None}

    def indicator(self, ind) -> dict:
        return {"key": ind.key, "label": ind.label(self.lang), "short": ind.short(self.lang), "unit": ind.unit}

    def derived(self) -> dict:
        columns = [{"key": "members_per_org", "label": self.words["members_per_org"]},
                   {"key": "new_per_100", "label": self.words["new_per_100"]}]
        rows = []
        for _, b in self.ranked.iterrows():
            values = [_value(b[c["key"]]) for c in columns]
            rows.append({"bloc": b["bloc"], "name": self.names[b["bloc"]],
                         "cells": [{"key": c["key"], "value": v, "text": self.fmt(None if v is None else round(v, 1))}
                                   for c, v in zip(columns, values)]})
        return {"columns": columns, "rows": rows}

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
                                    "indicator": ind.key, "label": ind.label(self.lang), "short": ind.short(self.lang),
                                    "period": a["period"], "ratio": None if ratio is None else round(ratio, 1),
                                    "actual": float(a["value"]), "actual_text": self.fmt(a["value"], ind.unit),
                                    "target": float(t["value"]), "target_text": self.fmt(t["value"], ind.unit),
                                    "ratio_text": self.fmt(None if ratio is None else round(ratio, 1), "percent")})
                        break
        return out

    def charts(self, versus: list[dict]) -> list[dict]:
        charts = []
        for ind in self.cat.core:
            rows = self.ranked[self.ranked[ind.key].notna()].sort_values(ind.key, ascending=False, kind="stable")
            if len(rows) < 2:
                continue
            charts.append({"key": ind.key, "title": self.words["chart_title"].format(indicator=ind.label(self.lang)),
                           "unit": ind.unit, "reference": None,
                           "bars": [{"label": r["province"], "value": float(r[ind.key]), "text": self.fmt(r[ind.key], ind.unit)}
                                    for _, r in rows.iterrows()]})
        ratios = [v for v in versus if v["ratio"] is not None]
        if ratios:
            charts.append({"key": "versus", "title": self.words["chart_versus"], "unit": "percent", "reference": 100,
                           "bars": [{"label": f"{v['province']}: {v['short']}", "value": v["ratio"], "text": v["ratio_text"]}
                                    for v in ratios]})
        return charts

    def figure(self, row) -> dict:
        ind = self.cat[row["indicator"]]
        qualifier = _value(row["qualifier"])
        return {"indicator": ind.key, "kind": row["kind"], "label": ind.label(self.lang), "core": ind.core,
                "value": float(row["value"]), "text": self.fmt(row["value"], ind.unit),
                "qualifier": self.words.get(qualifier) if qualifier else None, "period": _value(row["period"]),
                "evidence": row["evidence"], "article": row["article"], "article_title": _value(self.titles.get(row["article"])),
                "corrected": str(row["article"]).startswith("corrections.toml")}

    def blocs(self, findings: list[dict]) -> list[dict]:
        out = []
        for _, b in self.t.blocs.iterrows():
            obs = self.t.observations
            own = obs["congress"] == b["congress"] if "congress" in obs else True
            obs = obs[(obs["bloc"] == b["bloc"]) & (own | obs["article"].astype(str).str.startswith("corrections.toml"))]
            figures = [self.figure(r) for _, r in obs.sort_values(["article", "figure_start"]).iterrows()]
            ordinal = None if _missing(b["congress_ordinal"]) else int(b["congress_ordinal"])
            facts = [(self.words["congress_ordinal"], int_to_roman(ordinal) if ordinal else None),
                     (self.words["term"], _value(b["term"])),
                     (self.words["congress_start"], wording.date(b["congress_start"], self.lang)),
                     (self.words["secretary"], _value(b["secretary"])),
                     (self.cat["members"].label(self.lang), None if _missing(b["members"]) else self.fmt(b["members"])),
                     (self.cat["party_orgs"].label(self.lang), None if _missing(b["party_orgs"]) else self.fmt(b["party_orgs"]))]
            out.append({
                "id": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"],
                "province_2025": self.gaz.provinces[b["province"]].successor,
                "bloc_type": b["bloc_type"], "bloc_type_label": self.gaz.blocs[b["bloc_type"]].label(self.lang),
                "congress_ordinal": ordinal, "congress_ordinal_roman": int_to_roman(ordinal) if ordinal else None,
                "term": _value(b["term"]), "congress_start": wording.date(b["congress_start"], self.lang),
                "secretary": _value(b["secretary"]),
                "facts": [{"label": label, "value": value or self.words["not_stated"], "stated": bool(value)}
                          for label, value in facts],
                "achievements": [f for f in figures if f["kind"] == "actual"],
                "targets": [f for f in figures if f["kind"] == "target"],
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

    def accountability_summary(self, blocs: list[dict]) -> list[dict]:
        """Across blocs: how many targets of the previous term each set, met, missed, or cannot be judged."""
        out = []
        for bloc in blocs:
            rows = bloc["accountability"]
            if rows:
                counts = {"set": len(rows), "met": sum(r["met"] is True for r in rows),
                          "missed": sum(r["met"] is False for r in rows), "unknown": sum(r["met"] is None for r in rows)}
                out.append({"bloc": bloc["id"], "name": bloc["name"], "cycle": rows[0]["cycle"], **counts,
                            **{f"{k}_text": self.fmt(v) for k, v in counts.items()}})
        return out

    def history(self, bloc: str) -> list[dict]:
        """The bloc's congresses, oldest first, each with its core figures, for a side-by-side table."""
        congresses = self.t.congresses
        if congresses is None:
            return []
        rows = congresses[congresses["bloc"] == bloc].sort_values("cycle", na_position="first", kind="stable")
        out = []
        for _, c in rows.iterrows():
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
                  by_successor: bool = False) -> dict:
    b = _Builder(tables, lang)
    words = b.words
    today = today or dt.date.today()
    findings = b.findings()
    comparison, derived, versus = b.comparison(), b.derived(), b.versus()
    blocs = b.blocs(findings)
    sources = b.sources()
    live = [s for s in sources if s["duplicate_of"] is None]
    charts = b.charts(versus)
    toc = [{"id": "summary", "title": words["summary"], "level": 1},
           {"id": "comparison", "title": comparison["title"], "level": 1}]
    toc += [{"id": "charts", "title": words["charts"], "level": 1}] if charts else []
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
        "toc": toc,
        "summary": b.summary(findings, len(live)),
        "indicators": [b.indicator(i) for i in b.cat.core],
        "comparison": comparison,
        "derived": derived,
        "versus": versus,
        "accountability": b.accountability_summary(blocs),
        "successors": b.successors() if by_successor else None,
        "charts": charts,
        "blocs": blocs,
        "findings": findings,
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
    sections = {"summary", "comparison", "charts", bloc_id, "quality", "sources"}
    return {**context,
            "brief": {**context["brief"], "title": f"{context['brief']['title']}: {bloc['name']}", "findings": len(findings)},
            "toc": [entry for entry in context["toc"] if entry["id"] in sections],
            "blocs": [bloc], "findings": findings, "unplaced": [],
            "sources": [s for s in context["sources"] if s["id"] in articles]}
