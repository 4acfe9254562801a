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

from .charts import Style, _font, style_key
from .pictures import cached

PAPER = "#ffffff"
TILE = 0.3  # inches: a square of the grid


def draw(tile_map: dict, fmt: str, style: Style = Style()) -> bytes:
    """One map as SVG or PNG bytes, laid out once per process for each set of tiles and legend."""
    key = json.dumps({k: tile_map.get(k) for k in ("tiles", "legend", "no_data")}, sort_keys=True, ensure_ascii=False)
    return cached(f"map\n{key}\n{style_key(style)}", fmt, lambda: _save(key, fmt, style))


@lru_cache(maxsize=64)
def _save(key: str, fmt: str, style: Style) -> bytes:
    import matplotlib

    figure = _figure(key, style)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "khoi-report", "svg.fonttype": "none", "hatch.color": style.grid}):
        figure.savefig(buffer, format=fmt, dpi=220, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return buffer.getvalue()


@lru_cache(maxsize=32)
def _figure(key: str, style: Style):
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    data = json.loads(key)
    tiles, legend = data["tiles"], data["legend"]
    rows = max(t["row"] for t in tiles) + 1
    cols = max(t["col"] for t in tiles) + 1
    keys = len(legend) + 1  # the shades and "no data"
    legend_height = 0.2 * keys + 0.1
    shades = style.shades
    with matplotlib.rc_context({"font.family": _font(Path(style.font) if style.font else None), "font.size": 6,
                                "hatch.color": style.grid, "hatch.linewidth": 0.6}):
        fig = Figure(figsize=(cols * TILE + 0.1, rows * TILE + legend_height))
        ax = fig.add_axes((0, legend_height / (rows * TILE + legend_height), 1, 1 - legend_height / (rows * TILE + legend_height)))
        ax.set_xlim(-0.05, cols + 0.05)
        ax.set_ylim(rows + 0.05, -0.05)
        ax.set_aspect("equal")
        ax.axis("off")
        for t in tiles:
            shade = None if t["level"] is None else shades[_shade(t["level"], len(legend), len(shades))]
            ax.add_patch(Rectangle((t["col"] + 0.04, t["row"] + 0.04), 0.92, 0.92, facecolor=shade or PAPER,
                                   edgecolor=style.grid, linewidth=0.4, hatch=None if shade else "////"))
            dark = t["level"] is not None and _shade(t["level"], len(legend), len(shades)) >= len(shades) * 3 // 5
            ax.text(t["col"] + 0.5, t["row"] + 0.52, t["abbr"], ha="center", va="center", fontsize=5.2,
                    color=PAPER if dark else style.ink)
        key_ax = fig.add_axes((0, 0, 1, legend_height / (rows * TILE + legend_height)))
        key_ax.axis("off")
        key_ax.set_xlim(0, 1)
        key_ax.set_ylim(keys, 0)
        entries = [(shades[_shade(e["level"], len(legend), len(shades))], e["text"]) for e in legend] + [(None, data["no_data"])]
        for i, (shade, text) in enumerate(entries):
            key_ax.add_patch(Rectangle((0.04, i + 0.15), 0.08, 0.7, facecolor=shade or PAPER, edgecolor=style.grid,
                                       linewidth=0.4, hatch=None if shade else "////"))
            key_ax.text(0.16, i + 0.5, text, va="center", fontsize=6, color=style.ink)
    return fig


def _shade(level: int, levels: int, shades: int) -> int:
    """The shade of a level when there are fewer levels than shades: spread over the whole range."""
    return round(level * (shades - 1) / max(1, levels - 1)) if levels > 1 else shades - 1
