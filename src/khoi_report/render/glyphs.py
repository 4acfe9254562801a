"""The glyph check: characters of the context that no font the stylesheet declares can draw.

WeasyPrint would silently draw boxes for them (or fall back to a system font that the reader's
machine may not have), so the build says which characters and which fonts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_FONT_FACE = re.compile(r"@font-face\s*{[^}]*?font-family:\s*[\"']?([^;\"']+)[\"']?\s*;[^}]*?src:\s*url\([\"']?([^\"')]+)", re.S)


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


@lru_cache(maxsize=32)
def _cmap(path: str, mtime: float) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())


def missing_glyphs(html: str, context: dict, dirs: list[Path]) -> list[str]:
    """Characters of the context that no font declared by the stylesheet can draw, as warnings."""
    covered: set[int] = set()
    families = []
    for family, url in _FONT_FACE.findall(html):
        for folder in dirs:
            path = (folder / url).resolve()
            if path.is_file() and path.is_relative_to(folder):
                covered |= _cmap(str(path), path.stat().st_mtime)
                families.append(family.strip())
                break
    if not families:
        return []
    needed = set("".join(_strings(context)))  # in C: a national context has millions of characters
    lacking = sorted(c for c in needed if ord(c) not in covered and not c.isspace() and ord(c) >= 32)
    if not lacking:
        return []
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in lacking[:12]) + (" …" if len(lacking) > 12 else "")
    return [f"fonts {', '.join(dict.fromkeys(families))} have no glyph for {shown}; "
            "they will not print as written (add a font that has them to your templates' CSS)"]
