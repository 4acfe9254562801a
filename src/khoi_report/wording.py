"""Words and number formats of the brief, for both languages, in one place: every word comes from
`data/labels.toml`, every number and date is formatted by Babel in the language's locale.

The context (`render.context`) and the findings (`word`, `message`) both format through here, so
the same figure reads "5.356" in Vietnamese and "5,356" in English everywhere. Finding parameters
stay data (numbers, indicator keys) until a message is worded.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from .datafiles import load as load_data
from .errors import KhoiError
from .extraction import catalogue as catalogue_mod
from .extraction.text import lower_first
from .models import Finding


@cache
def labels(lang: str) -> dict:
    """Every word of the brief in `lang`: `labels.toml`'s table for it."""
    data = load_data("labels.toml")
    if lang not in data:
        raise KhoiError(f"unknown language {lang!r}; choose from {', '.join(data)}")
    return data[lang]


_locale = cache(Locale.parse)  # parsing a locale name costs more than formatting the number


def missing(value) -> bool:
    """None, NaN and pandas' NA: a value no article states."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ == "NAType"


@lru_cache(maxsize=1 << 16)  # a national brief formats 24,000 figures, most of them more than once
def number(value: float, lang: str) -> str:
    """5356 -> '5.356' (vi) or '5,356' (en); 96.74 -> '96,74'; two decimals at most."""
    return format_decimal(round(value, 2), locale=_locale(labels(lang)["locale"]))


def value(amount, unit: str, lang: str) -> str:
    """A figure with its unit: '96,74%', '3 lần', '238 nghìn tỷ đồng'; 'not reported' when missing."""
    words = labels(lang)
    if missing(amount):
        return words["not_reported"]
    formats = words["format"]
    if unit == "percent":
        return formats["percent"].format(value=number(amount, lang))
    if unit == "times":
        return formats["times"].format(value=number(amount, lang))
    if unit in formats["currency"]:
        for size, scale in formats["scales"]:
            if abs(amount) >= size:
                return f"{number(amount / size, lang)} {scale} {formats['currency'][unit]}"
        return f"{number(amount, lang)} {formats['currency'][unit]}"
    return number(amount, lang)


def qualified(text: str, qualifier: str | None, lang: str, before: str = "") -> str:
    """A formatted figure with its qualifier in its place: 'từ 98% trở lên', 'at least 98%'. In
    Vietnamese the article's own word stays when `before` (its text up to the figure) has one:
    'hơn 5.000' is not rewritten as 'trên 5.000'."""
    if not qualifier:
        return text
    from .extraction.numbers import qualifier_written

    written = qualifier_written(before, qualifier) if lang == "vi" and before else None
    if written:
        return f"{written} {text}"
    pattern = labels(lang)["qualified"].get(qualifier)
    return pattern.format(value=text) if pattern else text


def date(day: dt.date | str | None, lang: str) -> str | None:
    """A date (or the date of an ISO string) as the language writes it: '14/07/2020', '14 July 2020'."""
    if missing(day) or not day:
        return None
    if not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day)[:10])
    words = labels(lang)
    return format_date(day, words["format"]["date"], locale=_locale(words["locale"]))


def issued(place: str | None, day: dt.date, lang: str) -> str:
    """Place and date as a document is dated: 'Thái Nguyên, ngày 05 tháng 02 năm 2026' (a day
    below 10 and the months 1 and 2 take a leading zero); a place left out is a blank to fill in."""
    words = labels(lang)
    return words["issued"].format(place=place or words["place_blank"], day=f"{day.day:02d}",
                                  month=f"{day.month:02d}" if day.month < 3 else str(day.month), year=day.year,
                                  date=date(day, lang))


def _param(key: str, item, lang: str) -> str:
    """One parameter of a finding in words."""
    if isinstance(item, bool) or item is None:
        return str(item)
    if isinstance(item, (int, float)):
        return number(item, lang)
    if isinstance(item, (list, tuple)):
        if len(item) == 2 and key == "pair":  # [figure, its sources] -> "2.100 (a.txt)"
            return f"{_param('', item[0], lang)} ({item[1]})"
        joined = [_param("pair" if isinstance(v, (list, tuple)) else key, v, lang) for v in item]
        return (" + " if key == "terms" else "; " if key == "values" and joined and "(" in joined[0] else ", ").join(joined)
    if key == "indicator":
        return lower_first(catalogue_mod.load()[item].label(lang))
    if key == "kind":
        return labels(lang)["messages"][item]
    return str(item)


def word(code: str, params: dict, lang: str = "en") -> str:
    """A finding's message in `lang`, from its code and parameters."""
    return labels(lang)["messages"][code].format(**{k: _param(k, v, lang) for k, v in params.items()})


def message(item: Finding, lang: str = "en") -> str:
    """A finding in words."""
    return word(item.code, item.params, lang)
