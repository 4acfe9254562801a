"""The template context: the one contract between the data and the templates.

Plain dicts, lists and strings only, with every number already formatted for the brief's
language, so the HTML and the DOCX template read exactly the same values. The README documents
every key.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from importlib import resources

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from . import __version__
from . import catalogue as catalogue_mod
from . import gazetteer as gazetteer_mod
from .messages import word
from .models import Extraction
from .numbers import int_to_roman

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@cache
def labels(lang: str) -> dict[str, str]:
    data = tomllib.loads(resources.files("khoi_report").joinpath("data/labels.toml").read_text("utf-8"))
    if lang not in data:
        from .models import KhoiError

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


def format_iso_date(value: str | None, lang: str) -> str | None:
    if _missing(value) or not value:
        return None
    date = dt.date.fromisoformat(str(value)[:10])
    return format_date(date, "dd/MM/yyyy" if lang == "vi" else "d MMMM yyyy", locale=labels(lang)["locale"])


def _figure(row: pd.Series, lang: str, cat: catalogue_mod.Catalogue, titles: dict[str, str]) -> dict:
    ind = cat[row["indicator"]]
    qualifier = _value(row["qualifier"])
    return {
        "indicator": ind.key,
        "kind": row["kind"],
        "label": ind.label(lang),
        "core": ind.core,
        "value": float(row["value"]),
        "text": format_value(row["value"], ind.unit, lang),
        "qualifier": labels(lang).get(qualifier) if qualifier else None,
        "period": _value(row["period"]),
        "evidence": row["evidence"],
        "article": row["article"],
        "article_title": titles.get(row["article"]),
    }


def build_context(extraction: Extraction, articles: pd.DataFrame, observations: pd.DataFrame, blocs: pd.DataFrame,
                  findings: pd.DataFrame, lang: str = "vi", title: str | None = None,
                  today: dt.date | None = None) -> dict:
    cat, gaz = catalogue_mod.load(), gazetteer_mod.load()
    words = labels(lang)
    today = today or dt.date.today()
    titles = dict(zip(articles["article"], articles["title"]))
    core = cat.core

    def finding_dict(f: pd.Series) -> dict:
        return {"severity": f["severity"], "severity_label": words[f"severity_{f['severity']}"], "code": f["code"],
                "message": word(f["code"], f["params"], lang), "article": _value(f["article"]), "bloc": _value(f["bloc"]),
                "evidence": _value(f["evidence"])}

    all_findings = sorted((finding_dict(f) for _, f in findings.iterrows()),
                          key=lambda f: (SEVERITY_ORDER[f["severity"]], f["bloc"] or "", f["article"] or ""))

    bloc_list = []
    rows = []
    for _, b in blocs.iterrows():
        bloc = gaz.blocs[b["bloc_type"]]
        name = f"{bloc.label(lang)} {'tỉnh ' if lang == 'vi' and gaz.provinces[b['province']].kind == 'province' else ''}" \
               f"{'thành phố ' if lang == 'vi' and gaz.provinces[b['province']].kind == 'city' else ''}{b['province']}"
        cells = [{"key": ind.key, "value": None if _missing(b[ind.key]) else float(b[ind.key]),
                  "text": format_value(b[ind.key], ind.unit, lang)} for ind in core]
        rows.append({"bloc": b["bloc"], "name": name, "province": b["province"], "cells": cells})
        obs = observations[observations["bloc"] == b["bloc"]].sort_values(["article", "start", "figure_start"])
        figures = [_figure(r, lang, cat, titles) for _, r in obs.iterrows()]
        ordinal = None if _missing(b["congress_ordinal"]) else int(b["congress_ordinal"])
        facts = [
            (words["congress_ordinal"], int_to_roman(ordinal) if ordinal else None),
            (words["term"], _value(b["term"])),
            (words["congress_start"], format_iso_date(b["congress_start"], lang)),
            (words["secretary"], _value(b["secretary"])),
            (cat["members"].label(lang), None if _missing(b["members"]) else format_value(b["members"], "count", lang)),
            (cat["party_orgs"].label(lang), None if _missing(b["party_orgs"]) else format_value(b["party_orgs"], "count", lang)),
        ]
        bloc_list.append({
            "id": b["bloc"],
            "name": name,
            "province": b["province"],
            "province_2025": gaz.provinces[b["province"]].successor,
            "bloc_type": b["bloc_type"],
            "bloc_type_label": bloc.label(lang),
            "congress_ordinal": ordinal,
            "congress_ordinal_roman": int_to_roman(ordinal) if ordinal else None,
            "term": _value(b["term"]),
            "congress_start": format_iso_date(b["congress_start"], lang),
            "secretary": _value(b["secretary"]),
            "facts": [{"label": label, "value": value if value else words["not_stated"], "stated": bool(value)}
                      for label, value in facts],
            "achievements": [f for f in figures if f["kind"] == "actual"],
            "targets": [f for f in figures if f["kind"] == "target"],
            "findings": [f for f in all_findings if f["bloc"] == b["bloc"]],
            "sources": list(b["articles"]),
        })

    sources = []
    for _, a in articles.iterrows():
        n = int((observations["article"] == a["article"]).sum())
        sources.append({
            "id": a["article"], "title": _value(a["title"]), "outlet": _value(a["outlet"]),
            "published": format_iso_date(a["published"], lang), "byline": _value(a["byline"]),
            "sha256": a["sha256"], "observations": n, "bloc": _value(a["bloc"]),
            "duplicate_of": _value(a["duplicate_of"]),
        })
    unplaced = [s for s in sources if s["bloc"] is None and s["duplicate_of"] is None]
    live_articles = [s for s in sources if s["duplicate_of"] is None]
    return {
        "lang": lang,
        "labels": dict(words),
        "brief": {
            "title": title or words["title"],
            "subtitle": words["subtitle"],
            "built": format_date(today, "dd/MM/yyyy" if lang == "vi" else "d MMMM yyyy", locale=words["locale"]),
            "built_iso": today.isoformat(),
            "articles": len(live_articles),
            "blocs": len(bloc_list),
            "findings": len(all_findings),
            "generator": f"khoi-report {__version__}",
        },
        "indicators": [{"key": i.key, "label": i.label(lang), "short": i.short(lang), "unit": i.unit} for i in core],
        "comparison": {"columns": [{"key": i.key, "label": i.label(lang), "short": i.short(lang), "unit": i.unit}
                                   for i in core], "rows": rows},
        "blocs": bloc_list,
        "findings": all_findings,
        "sources": sources,
        "unplaced": unplaced,
    }
