"""Findings in words: one sentence per finding code and language, from `data/labels.toml`.

Parameters stay data (numbers, indicator keys) until a message is worded, so the same finding
reads "5.356" in Vietnamese and "5,356" in English.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.numbers import format_decimal

from .datafiles import load as load_data
from .extraction import catalogue as catalogue_mod
from .extraction.text import lower_first
from .models import Finding


def _labels() -> dict:
    return load_data("labels.toml")


_locale = cache(Locale.parse)  # parsing a locale name costs more than formatting the number


def _word(key: str, value, lang: str, locale: str) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        return format_decimal(round(value, 2), locale=_locale(locale))
    if isinstance(value, (list, tuple)):
        if len(value) == 2 and key == "pair":  # [figure, its sources] -> "2.100 (a.txt)"
            return f"{_word('', value[0], lang, locale)} ({value[1]})"
        joined = [_word("pair" if isinstance(v, (list, tuple)) else key, v, lang, locale) for v in value]
        return (" + " if key == "terms" else "; " if key == "values" and joined and "(" in joined[0] else ", ").join(joined)
    if key == "indicator":
        return lower_first(catalogue_mod.load()[value].label(lang))
    if key == "kind":
        return _labels()[lang]["messages"][value]
    return str(value)


def word(code: str, params: dict, lang: str = "en") -> str:
    labels = _labels()[lang]
    return labels["messages"][code].format(**{k: _word(k, v, lang, labels["locale"]) for k, v in params.items()})


def message(item: Finding, lang: str = "en") -> str:
    """A finding in words."""
    return word(item.code, item.params, lang)
