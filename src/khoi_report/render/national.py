"""The national view of a brief: rows grouped by region, a national row, rankings and tile maps.

A brief of every bloc in the country must still read on paper: long tables are split into one
table per socio-economic region (the gazetteer's six, in its order) with a national row; each core
indicator gets its top and bottom ten and its median; and a tile-grid map (`data/tilegrid.toml`:
one equal square per province, where it roughly lies) shades the provinces by each indicator.
Everything here is plain data for the context; the renderers draw the maps (`maps.py`).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from functools import cache

from ..datafiles import load as load_data

RANKED = 10  # blocs at each end of a ranking
RANKINGS_FROM = 2 * RANKED + 1  # fewer blocs stated: the comparison table is already the ranking
LEVELS = 5  # shades of a map, from the lowest fifth to the highest


@cache
def tile_grids() -> dict[str, dict[str, tuple[int, int, str]]]:
    """{"units_63" | "units_34": {unit: (row, column, abbreviation)}}."""
    data = load_data("tilegrid.toml")
    return {grid: {name: (int(r), int(c), str(a)) for name, (r, c, a) in units.items()} for grid, units in data.items()}


def grouped(rows: list[dict], regions: list[str]) -> list[dict]:
    """Rows (each with a `region`) as one group per region, in the gazetteer's order, empty ones left out."""
    by_region: dict[str, list[dict]] = {}
    for row in rows:
        by_region.setdefault(row["region"], []).append(row)
    return [{"region": region, "rows": by_region[region]} for region in regions if region in by_region]


def national(values: dict[str, list[float]], units: dict[str, str], fmt: Callable[[object, str], str]) -> list[dict]:
    """The national row's cells: the total of counts, which add up across blocs, and the median of
    rates, which do not; `how` says which, so the brief can say it."""
    cells = []
    for key, stated in values.items():
        unit = units[key]
        if not stated:
            cells.append({"key": key, "value": None, "text": fmt(None, unit), "how": None, "corrected": False})
            continue
        value = sum(stated) if unit == "count" else statistics.median(stated)
        cells.append({"key": key, "value": value, "text": fmt(round(value, 1), unit),
                      "how": "total" if unit == "count" else "median", "corrected": False})
    return cells


def ranking(rows: list[dict], key: str, unit: str, fmt: Callable[[object, str], str]) -> dict | None:
    """The top and bottom `RANKED` rows on `key` and the median, or None when too few state it."""
    stated = [r for r in rows if r["values"].get(key) is not None]
    if len(stated) < RANKINGS_FROM:
        return None
    order = sorted(stated, key=lambda r: (-r["values"][key], r["name"]))

    def entry(position: int, row: dict) -> dict:
        value = row["values"][key]
        return {"rank": position, "bloc": row["bloc"], "name": row["name"], "province": row["province"],
                "value": value, "text": fmt(value, unit)}

    median = statistics.median(r["values"][key] for r in stated)
    return {"count": len(stated), "median": median, "median_text": fmt(round(median, 1), unit),
            "top": [entry(i + 1, r) for i, r in enumerate(order[:RANKED])],
            "bottom": [entry(len(order) - RANKED + i + 1, r) for i, r in enumerate(order[-RANKED:])]}


def breaks(values: list[float]) -> list[float]:
    """The upper bounds of `LEVELS` shades: quantiles of the provinces' values, distinct."""
    ordered = sorted(values)
    bounds = []
    for level in range(1, LEVELS):
        bound = ordered[min(len(ordered) - 1, (len(ordered) * level) // LEVELS)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def tile_map(values: dict[str, float], grid: str, unit: str, fmt: Callable[[object, str], str]) -> dict:
    """One map: every unit of `grid` as a tile with its value (None: no data) and its shade
    (0 … LEVELS-1, None for no data), and a legend of the shades' ranges."""
    stated = [v for v in values.values() if v is not None]
    bounds = breaks(stated) if stated else []
    tiles = []
    for name, (row, col, abbr) in tile_grids()[grid].items():
        value = values.get(name)
        level = None if value is None else sum(value > b for b in bounds)
        tiles.append({"unit": name, "abbr": abbr, "row": row, "col": col, "value": value,
                      "text": fmt(None if value is None else round(value, 1), unit), "level": level})
    edges = [min(stated), *bounds, max(stated)] if stated else []
    legend = [{"level": i, "text": f"{fmt(round(low, 1), unit)} – {fmt(round(high, 1), unit)}"}
              for i, (low, high) in enumerate(zip(edges, edges[1:]))]
    return {"grid": grid, "levels": len(legend), "tiles": tiles, "legend": legend,
            "stated": len(stated), "units": len(tiles)}
