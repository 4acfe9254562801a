"""Bar charts for the brief: SVG (vector) for the PDF, high-resolution PNG for the DOCX.

Their look comes from the templates in effect: `charts.toml` (colours, and the font file), looked
up like every template file — the user's folder, the preset, then `default` — so a template that
changes the colours changes the charts and maps too. Drawn with matplotlib in that font, so
Vietnamese labels render and the charts look like the text around them. The SVG keeps its labels
as text, which WeasyPrint sets in the document's embedded fonts: searchable, and far lighter than
glyph paths. Output is deterministic: no dates, no random ids.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KhoiError
from .pictures import cached

WIDTH, MAX_HEIGHT, ROW = 6.3, 8.8, 0.3  # inches: a chart of all 63 provinces still fits one A4 page
STYLE_FILE = "charts.toml"


@dataclass(frozen=True)
class Style:
    """How charts and maps look: CSS hex colours, and the font file their labels are set in."""

    bar: str = "#8b1a1a"
    reference: str = "#c9a227"  # the reference line: 100% of target, or the median
    grid: str = "#d9d4cc"
    ink: str = "#1d1b18"
    muted: str = "#6b6459"
    shades: tuple[str, ...] = ("#f3e1dc", "#e2afa3", "#cb7a69", "#a9473a", "#7d1a16")  # a map's fifths, low to high
    font: str | None = None


def chart_style(dirs: list[Path]) -> Style:
    """The look from every `charts.toml` of the template folders, the nearest winning key by key
    (a user's file may change one colour of the preset's); a font file relative to its folder."""
    values: dict = {}
    known = set(Style.__dataclass_fields__)
    for folder in reversed(dirs):
        path = folder / STYLE_FILE
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise KhoiError(f"{path}: {exc}") from None
        unknown = sorted(set(data) - known)
        if unknown:
            raise KhoiError(f"{path}: unknown key {unknown[0]!r}; {STYLE_FILE} has {', '.join(sorted(known))}")
        if "font" in data:
            font = (folder / data["font"]).resolve()
            if not font.is_relative_to(folder.resolve()):
                raise KhoiError(f"{path}: font {data['font']!r} is outside its templates folder; refused")
            data["font"] = str(font)
        values.update(data)
    if "shades" in values:
        values["shades"] = tuple(values["shades"])
    return Style(**values)


def _font(font_file: Path | None) -> str:
    from matplotlib import font_manager

    if font_file and font_file.is_file():
        font_manager.fontManager.addfont(str(font_file))
        return font_manager.FontProperties(fname=str(font_file)).get_name()
    return "DejaVu Sans"


def draw(chart: dict, fmt: str, style: Style = Style()) -> bytes:
    """One chart of the context (`charts[i]`: `bars` of {label, value, text}, and an optional
    `reference` value drawn as a line, e.g. 100 for achieved-against-target) as SVG or PNG bytes.
    Each chart is laid out once per process and saved in each format asked for (a build of both
    briefs, and every rebuild in `watch`, reuse it)."""
    key = json.dumps({k: chart.get(k) for k in ("bars", "reference", "split")}, sort_keys=True)
    return cached(f"chart\n{key}\n{style_key(style)}", fmt, lambda: _save(key, fmt, style))


def style_key(style: Style) -> str:
    """The style as text for the picture cache, with its font file's content (the file may change)."""
    return f"{style!r}\n{_file_digest(style.font, *_stamp(style.font))}"


def _stamp(path: str | None) -> tuple[int, int]:
    try:
        stat = os.stat(path) if path else None
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size) if stat else (0, 0)


@lru_cache(maxsize=16)
def _file_digest(path: str | None, mtime: int, size: int) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


@lru_cache(maxsize=256)
def _save(key: str, fmt: str, style: Style) -> bytes:
    figure = _figure(key, style)
    buffer = io.BytesIO()
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "khoi-report", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, dpi=220, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _figure(key: str, style: Style):
    chart = json.loads(key)
    from matplotlib.figure import Figure

    family = _font(Path(style.font) if style.font else None)
    bars = chart["bars"]
    reference = chart.get("reference")
    import matplotlib

    with matplotlib.rc_context({"font.family": family, "font.size": 8, "axes.edgecolor": style.grid,
                                "text.color": style.ink}):
        row = min(ROW, (MAX_HEIGHT - 0.45) / len(bars))
        size = 8 if row >= 0.2 else 6.5  # points: many bars, smaller labels
        fig = Figure(figsize=(WIDTH, row * len(bars) + 0.45))  # not pyplot: no global registry to close
        ax = fig.subplots()
        positions = list(range(len(bars)))
        ax.barh(positions, [b["value"] for b in bars], height=0.62, color=style.bar)
        for p, b in zip(positions, bars):
            ax.annotate(b["text"], (b["value"], p), xytext=(3, 0), textcoords="offset points", va="center",
                        fontsize=size - 0.5)
        top = max([b["value"] for b in bars] + [reference or 0])
        if reference is not None:
            ax.axvline(reference, color=style.reference, linewidth=1.2)
        if chart.get("split"):  # the top and the bottom of a long ranking: mark the bars left out
            ax.axhline(chart["split"] - 0.5, color=style.grid, linewidth=0.8, linestyle=(0, (4, 3)))
        ax.set_yticks(positions, [b["label"] for b in bars], fontsize=size)
        ax.set_ylim(len(bars) - 0.5, -0.5)
        ax.xaxis.grid(True, color=style.grid, linewidth=0.5)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlim(0, top * 1.18 if top > 0 else 1)
        ax.tick_params(axis="x", labelsize=7, colors=style.muted)
        fig.tight_layout(pad=0.3)
    return fig
