"""Bar charts for the brief: SVG (vector) for the PDF, high-resolution PNG for the DOCX.

Drawn with matplotlib in the brief's own font (the templates' Noto Sans), so Vietnamese labels
render and the charts look like the text around them. The SVG keeps its labels as text, which
WeasyPrint sets in the document's embedded fonts: searchable, and far lighter than glyph paths.
Output is deterministic: no dates, no random ids.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path

ACCENT, TARGET, GRID = "#8b1a1a", "#c9a227", "#d9d4cc"  # bars, the reference line, the grid
WIDTH, MAX_HEIGHT, ROW = 6.3, 8.8, 0.3  # inches: a chart of all 63 provinces still fits one A4 page


def _font(font_file: Path | None) -> str:
    from matplotlib import font_manager

    if font_file and font_file.is_file():
        font_manager.fontManager.addfont(str(font_file))
        return font_manager.FontProperties(fname=str(font_file)).get_name()
    return "DejaVu Sans"


def draw(chart: dict, fmt: str, font_file: Path | None = None) -> bytes:
    """One chart of the context (`charts[i]`: `bars` of {label, value, text}, and an optional
    `reference` value drawn as a line, e.g. 100 for achieved-against-target) as SVG or PNG bytes.
    Each chart is laid out once per process and saved in each format asked for (a build of both
    briefs, and every rebuild in `watch`, reuse it)."""
    key = json.dumps({k: chart.get(k) for k in ("bars", "reference", "split")}, sort_keys=True)
    return _save(key, fmt, str(font_file) if font_file else None)


@lru_cache(maxsize=256)
def _save(key: str, fmt: str, font_file: str | None) -> bytes:
    figure = _figure(key, font_file)
    buffer = io.BytesIO()
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "khoi-report", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, dpi=220, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _figure(key: str, font_file: str | None):
    chart = json.loads(key)
    from matplotlib.figure import Figure

    family = _font(Path(font_file) if font_file else None)
    bars = chart["bars"]
    reference = chart.get("reference")
    import matplotlib

    with matplotlib.rc_context({"font.family": family, "font.size": 8, "axes.edgecolor": GRID}):
        row = min(ROW, (MAX_HEIGHT - 0.45) / len(bars))
        size = 8 if row >= 0.2 else 6.5  # points: many bars, smaller labels
        fig = Figure(figsize=(WIDTH, row * len(bars) + 0.45))  # not pyplot: no global registry to close
        ax = fig.subplots()
        positions = list(range(len(bars)))
        ax.barh(positions, [b["value"] for b in bars], height=0.62, color=ACCENT)
        for p, b in zip(positions, bars):
            ax.annotate(b["text"], (b["value"], p), xytext=(3, 0), textcoords="offset points", va="center",
                        fontsize=size - 0.5)
        top = max([b["value"] for b in bars] + [reference or 0])
        if reference is not None:
            ax.axvline(reference, color=TARGET, linewidth=1.2)
        if chart.get("split"):  # the top and the bottom of a long ranking: mark the bars left out
            ax.axhline(chart["split"] - 0.5, color=GRID, linewidth=0.8, linestyle=(0, (4, 3)))
        ax.set_yticks(positions, [b["label"] for b in bars], fontsize=size)
        ax.set_ylim(len(bars) - 0.5, -0.5)
        ax.xaxis.grid(True, color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlim(0, top * 1.18 if top > 0 else 1)
        ax.tick_params(axis="x", labelsize=7, colors="#6b6459")
        fig.tight_layout(pad=0.3)
    return fig


def chart_font(dirs: list[Path]) -> Path | None:
    for folder in dirs:
        if (folder / "fonts" / "NotoSans-Regular.ttf").is_file():
            return folder / "fonts" / "NotoSans-Regular.ttf"
    return None


def with_images(context: dict, image, logo_image) -> dict:
    """A copy of the context whose charts and maps carry an `image`, and whose brief a
    `logo_image`, each in the form its renderer needs (an SVG data URI for HTML, a docxtpl image
    for DOCX): `image(kind, svg_or_png_bytes_maker)` where kind is "chart" or "map"."""
    from . import maps

    brief = {**context["brief"], "logo_image": logo_image(context["brief"]["logo"]) if context["brief"]["logo"] else None}
    return {**context, "brief": brief,
            "charts": [{**chart, "image": image("chart", lambda fmt, font, c=chart: draw(c, fmt, font))}
                       for chart in context["charts"]],
            "maps": [{**m, "image": image("map", lambda fmt, font, m=m: maps.draw(m, fmt, font))}
                     for m in context.get("maps", [])]}
