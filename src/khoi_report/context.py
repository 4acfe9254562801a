"""The template context: the one contract between the data and the templates.

Plain dicts, lists and strings only, with every number already formatted for the brief's
language, so the HTML and the DOCX template read exactly the same values. The README documents
every key. (Renderers add one thing: each chart's `image`, an SVG for the PDF, a PNG for the DOCX.)
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from . import __version__
from . import catalogue as catalogue_mod
from . import gazetteer as gazetteer_mod
from .datafiles import load as load_data
from .messages import word
from .models import KhoiError
from .numbers import int_to_roman
from .text import lower_first

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
TERM_YEARS = 5  # a Party term, where an article does not state its years


@cache
def labels(lang: str) -> dict:
    data = load_data("labels.toml")
    if lang not in data:
        raise KhoiError(f"unknown language {lang!r}; choose from {', '.join(data)}")
    return data[lang]


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))


def _value(value):
    """A frame cell as plain Python: None for NaN/NA."""
    return None if _missing(value) else value


def format_number(value: float, locale: str) -> str:
    """5356 -> '5.356' (vi) or '5,356' (en); 96.74 -> '96,74'."""
    return format_decimal(round(value, 2), locale=locale)


def format_value(value, unit: str, lang: str) -> str:
    if _missing(value):
        return labels(lang)["not_reported"]
    locale = labels(lang)["locale"]
    if unit == "percent":
        return f"{format_number(value, locale)}%"
    if unit == "times":
        return f"{format_number(value, locale)} {'lần' if lang == 'vi' else 'times'}"
    if unit in ("vnd", "usd"):
        scales = ((1e12, "nghìn tỷ", "trillion"), (1e9, "tỷ", "billion"), (1e6, "triệu", "million"))
        currency = "đồng" if unit == "vnd" and lang == "vi" else ("VND" if unit == "vnd" else "USD")
        for size, vi, en in scales:
            if abs(value) >= size:
                return f"{format_number(value / size, locale)} {vi if lang == 'vi' else en} {currency}"
        return f"{format_number(value, locale)} {currency}"
    return format_number(value, locale)


def format_iso_date(value, lang: str) -> str | None:
    if _missing(value) or not value:
        return None
    date = dt.date.fromisoformat(str(value)[:10])
    return format_date(date, "dd/MM/yyyy" if lang == "vi" else "d MMMM yyyy", locale=labels(lang)["locale"])


def _term_years(period) -> int:
    if isinstance(period, str) and len(period) == 9 and period[4] == "-":
        return max(1, int(period[5:]) - int(period[:4]))
    return TERM_YEARS


class _Builder:
    """Builds the context section by section from the frames."""

    def __init__(self, tables, lang: str) -> None:
        self.t, self.lang, self.words = tables, lang, labels(lang)
        self.cat, self.gaz = catalogue_mod.load(), gazetteer_mod.load()
        self.titles = dict(zip(tables.articles["article"], tables.articles["title"]))
        self.names = {b["bloc"]: self.bloc_name(b["bloc_type"], b["province"]) for _, b in tables.blocs.iterrows()}

    def fmt(self, value, unit: str = "count") -> str:
        return format_value(value, unit, self.lang)

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
        for _, b in self.t.blocs.iterrows():
            cells = [{"key": i.key, "value": _value(b[i.key]), "text": self.fmt(b[i.key], i.unit),
                      "corrected": i.key in b["corrected"]} for i in core]
            rows.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"], "cells": cells})
        return {"columns": [self.indicator(i) for i in core], "rows": rows}

    def indicator(self, ind) -> dict:
        return {"key": ind.key, "label": ind.label(self.lang), "short": ind.short(self.lang), "unit": ind.unit}

    def new_per_100(self, b) -> float | None:
        obs = self.t.observations
        hits = obs[(obs["bloc"] == b["bloc"]) & (obs["indicator"] == "new_members") & (obs["kind"] == "actual")]
        if _missing(b["new_members"]) or _missing(b["members"]) or not b["members"]:
            return None
        period = hits["period"].iloc[0] if len(hits) else None
        return b["new_members"] / _term_years(_value(period)) / b["members"] * 100

    def derived(self) -> dict:
        columns = [{"key": "members_per_org", "label": self.words["members_per_org"]},
                   {"key": "new_per_100", "label": self.words["new_per_100"]}]
        rows = []
        for _, b in self.t.blocs.iterrows():
            values = [_value(b["members_per_org"]), self.new_per_100(b)]
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
        for _, b in self.t.blocs.iterrows():
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
            rows = self.t.blocs[self.t.blocs[ind.key].notna()].sort_values(ind.key, ascending=False, kind="stable")
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
            obs = self.t.observations[self.t.observations["bloc"] == b["bloc"]]
            figures = [self.figure(r) for _, r in obs.sort_values(["article", "figure_start"]).iterrows()]
            ordinal = None if _missing(b["congress_ordinal"]) else int(b["congress_ordinal"])
            facts = [(self.words["congress_ordinal"], int_to_roman(ordinal) if ordinal else None),
                     (self.words["term"], _value(b["term"])),
                     (self.words["congress_start"], format_iso_date(b["congress_start"], self.lang)),
                     (self.words["secretary"], _value(b["secretary"])),
                     (self.cat["members"].label(self.lang), None if _missing(b["members"]) else self.fmt(b["members"])),
                     (self.cat["party_orgs"].label(self.lang), None if _missing(b["party_orgs"]) else self.fmt(b["party_orgs"]))]
            out.append({
                "id": b["bloc"], "name": self.names[b["bloc"]], "province": b["province"],
                "province_2025": self.gaz.provinces[b["province"]].successor,
                "bloc_type": b["bloc_type"], "bloc_type_label": self.gaz.blocs[b["bloc_type"]].label(self.lang),
                "congress_ordinal": ordinal, "congress_ordinal_roman": int_to_roman(ordinal) if ordinal else None,
                "term": _value(b["term"]), "congress_start": format_iso_date(b["congress_start"], self.lang),
                "secretary": _value(b["secretary"]),
                "facts": [{"label": label, "value": value or self.words["not_stated"], "stated": bool(value)}
                          for label, value in facts],
                "achievements": [f for f in figures if f["kind"] == "actual"],
                "targets": [f for f in figures if f["kind"] == "target"],
                "findings": [f for f in findings if f["bloc"] == b["bloc"]],
                "sources": list(b["articles"]),
            })
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
                        format_iso_date(b[field], self.lang) if field == "congress_start" else str(b[field]))
                out.append({"bloc": b["bloc"], "name": self.names[b["bloc"]], "label": self.words[field], "kind": "actual",
                            "text": text, "reason": fix.reason if fix else None,
                            "where": f"corrections.toml:{fix.line}" if fix else "corrections.toml"})
        return out

    def sources(self) -> list[dict]:
        counts = self.t.observations["article"].value_counts()
        out = []
        for _, a in self.t.articles.iterrows():
            out.append({"id": a["article"], "title": _value(a["title"]), "outlet": _value(a["outlet"]),
                        "published": format_iso_date(a["published"], self.lang), "byline": _value(a["byline"]),
                        "sha256": a["sha256"], "observations": int(counts.get(a["article"], 0)),
                        "bloc": _value(a["bloc"]), "duplicate_of": _value(a["duplicate_of"])})
        return out

    def summary(self, comparison: dict, derived: dict, findings: list[dict], n_articles: int) -> list[str]:
        w = self.words
        blocs = self.t.blocs
        sentences = [w["summary_scope"].format(articles=n_articles, blocs=len(blocs),
                                               provinces=blocs["province"].nunique())]
        comparable = [c for i, c in enumerate(comparison["columns"])
                      if sum(r["cells"][i]["value"] is not None for r in comparison["rows"]) >= 2]
        if comparable:
            sentences.append(w["summary_comparable"].format(indicators=", ".join(lower_first(c["label"]) for c in comparable)))
            for column in comparable:
                i = comparison["columns"].index(column)
                stated = [(r["cells"][i]["value"], r) for r in comparison["rows"] if r["cells"][i]["value"] is not None]
                (high_value, high), (low_value, low) = max(stated, key=lambda s: s[0]), min(stated, key=lambda s: s[0])
                sentences.append(w["summary_extremes"].format(
                    indicator=column["label"], high=high["province"], high_value=self.fmt(high_value, column["unit"]),
                    low=low["province"], low_value=self.fmt(low_value, column["unit"])))
        else:
            sentences.append(w["summary_none_comparable"])
        rates = [(r["cells"][1]["value"], r) for r in derived["rows"] if r["cells"][1]["value"] is not None]
        if len(rates) >= 2:
            value, row = max(rates, key=lambda s: s[0])
            sentences.append(w["summary_new_rate"].format(bloc=row["name"], value=self.fmt(round(value, 1))))
        if findings:
            sentences.append(w["summary_findings"].format(
                count=len(findings), warnings=sum(f["severity"] != "info" for f in findings)))
        return sentences


def build_context(tables, lang: str = "vi", title: str | None = None, organisation: str | None = None,
                  edition: str | None = None, logo: str | None = None, today: dt.date | None = None) -> dict:
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
           {"id": "comparison", "title": words["comparison"], "level": 1}]
    toc += [{"id": "charts", "title": words["charts"], "level": 1}] if charts else []
    toc += [{"id": bloc["id"], "title": bloc["name"], "level": 1} for bloc in blocs]
    toc += [{"id": "quality", "title": words["quality"], "level": 1},
            {"id": "sources", "title": words["methodology"], "level": 1}]
    return {
        "lang": lang,
        "labels": {k: v for k, v in words.items() if isinstance(v, str)},
        "brief": {
            "title": title or words["title"],
            "subtitle": words["subtitle"],
            "organisation": organisation,
            "edition": edition,
            "logo": logo,
            "built": format_date(today, "dd/MM/yyyy" if lang == "vi" else "d MMMM yyyy", locale=words["locale"]),
            "built_iso": today.isoformat(),
            "articles": len(live),
            "blocs": len(blocs),
            "provinces": int(tables.blocs["province"].nunique()),
            "findings": len(findings),
            "generator": f"khoi-report {__version__}",
        },
        "toc": toc,
        "summary": b.summary(comparison, derived, findings, len(live)),
        "indicators": [b.indicator(i) for i in b.cat.core],
        "comparison": comparison,
        "derived": derived,
        "versus": versus,
        "charts": charts,
        "blocs": blocs,
        "findings": findings,
        "corrections": b.corrections(),
        "sources": sources,
        "unplaced": [s for s in live if s["bloc"] is None],
    }


def reference(context: dict) -> str:
    """A Markdown page of every key of a context: its type and an example value.

    Generated from a real context, so it cannot drift from what templates receive; lists show
    the keys of their first item (`blocs[].name`)."""
    rows: list[tuple[str, str, str]] = []

    def type_of(value) -> str:
        return {dict: "dict", list: "list", str: "str", int: "int", float: "float",
                bool: "bool"}.get(type(value), "null in the samples")

    def walk(value, path: str) -> None:
        if isinstance(value, dict):
            if path:
                rows.append((path, "dict", f"{len(value)} keys"))
            for key, item in value.items():
                if path == "labels":
                    continue
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            rows.append((path, "list", f"{len(value)} items"))
            if value:
                walk(value[0], f"{path}[]")
        else:
            example = json_example(value)
            rows.append((path, type_of(value), example))

    def json_example(value) -> str:
        import json

        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 90 else text[:87] + "…"

    walk(context, "")
    lines = ["# The template context", "",
             "Every key a template can use, with an example from the five sample articles. Generated by",
             "`.venv/bin/python tools/make_context_doc.py`; `khoi-report context --json` prints the context of",
             "your own inputs. `labels` holds every word of the brief (see `src/khoi_report/data/labels.toml`).",
             "A list shows the keys of its items (`blocs[].name`). Renderers add `charts[].image` and",
             "`brief.logo_image` (an SVG or image `data:` URI in HTML, an image in DOCX).", "",
             "| key | type | example |", "|---|---|---|"]
    for path, kind, example in rows:
        example = example.replace("|", "\\|")
        lines.append(f"| `{path}` | {kind} | {example} |")
    return "\n".join(lines) + "\n"


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
