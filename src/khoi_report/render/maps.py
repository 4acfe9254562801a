"""Tile-grid maps for the brief: SVG for the PDF, PNG for the DOCX, from a context's `maps[i]`.

Each province is one equal square where it roughly lies (`national.tile_map` placed and shaded
them); a shade per fifth of the values, "no data" hatched, and the legend under the map. Drawn in
the charts' font and colours, deterministic like the charts (no dates, no random ids).
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path

from .charts import GRID, _font

SHADES = ("#f3e1dc", "#e2afa3", "#cb7a69", "#a9473a", "#7d1a16")  # lowest to highest fifth
INK, PAPER = "#1d1b18", "#ffffff"
TILE = 0.3  # inches: a square of the grid


def draw(tile_map: dict, fmt: str, font_file: Path | None = None) -> bytes:
    """One map as SVG or PNG bytes, laid out once per process for each set of tiles and legend."""
    key = json.dumps({k: tile_map.get(k) for k in ("tiles", "legend", "no_data")}, sort_keys=True, ensure_ascii=False)
    return _save(key, fmt, str(font_file) if font_file else None)


@lru_cache(maxsize=64)
def _save(key: str, fmt: str, font_file: str | None) -> bytes:
    import matplotlib

    figure = _figure(key, font_file)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "khoi-report", "svg.fonttype": "none", "hatch.color": GRID}):
        figure.savefig(buffer, format=fmt, dpi=220, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return buffer.getvalue()


@lru_cache(maxsize=32)
def _figure(key: str, font_file: str | None):
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    data = json.loads(key)
    tiles, legend = data["tiles"], data["legend"]
    rows = max(t["row"] for t in tiles) + 1
    cols = max(t["col"] for t in tiles) + 1
    keys = len(legend) + 1  # the shades and "no data"
    legend_height = 0.2 * keys + 0.1
    with matplotlib.rc_context({"font.family": _font(Path(font_file) if font_file else None), "font.size": 6,
                                "hatch.color": GRID, "hatch.linewidth": 0.6}):
        fig = Figure(figsize=(cols * TILE + 0.1, rows * TILE + legend_height))
        ax = fig.add_axes((0, legend_height / (rows * TILE + legend_height), 1, 1 - legend_height / (rows * TILE + legend_height)))
        ax.set_xlim(-0.05, cols + 0.05)
        ax.set_ylim(rows + 0.05, -0.05)
        ax.set_aspect("equal")
        ax.axis("off")
        for t in tiles:
            shade = None if t["level"] is None else SHADES[_shade(t["level"], len(legend))]
            ax.add_patch(Rectangle((t["col"] + 0.04, t["row"] + 0.04), 0.92, 0.92, facecolor=shade or PAPER,
                                   edgecolor=GRID, linewidth=0.4, hatch=None if shade else "////"))
            dark = t["level"] is not None and _shade(t["level"], len(legend)) >= 3
            ax.text(t["col"] + 0.5, t["row"] + 0.52, t["abbr"], ha="center", va="center", fontsize=5.2,
                    color=PAPER if dark else INK)
        key_ax = fig.add_axes((0, 0, 1, legend_height / (rows * TILE + legend_height)))
        key_ax.axis("off")
        key_ax.set_xlim(0, 1)
        key_ax.set_ylim(keys, 0)
        entries = [(SHADES[_shade(e["level"], len(legend))], e["text"]) for e in legend] + [(None, data["no_data"])]
        for i, (shade, text) in enumerate(entries):
            key_ax.add_patch(Rectangle((0.04, i + 0.15), 0.08, 0.7, facecolor=shade or PAPER, edgecolor=GRID,
                                       linewidth=0.4, hatch=None if shade else "////"))
            key_ax.text(0.16, i + 0.5, text, va="center", fontsize=6, color=INK)
    return fig


def _shade(level: int, levels: int) -> int:
    """The shade of a level when there are fewer levels than shades: spread over the whole range."""
    return round(level * (len(SHADES) - 1) / max(1, levels - 1)) if levels > 1 else len(SHADES) - 1
