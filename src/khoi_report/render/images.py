"""The context with its pictures: each chart's and map's `image` and the logo, in the form a
renderer needs. Drawing happens here, before a template's clock starts."""

from __future__ import annotations

import base64

from . import charts, maps


def svg_uri(svg: bytes) -> str:
    """An SVG drawing as a `data:` URL for an <img>."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def with_images(context: dict, image, logo_image) -> dict:
    """A copy of the context whose charts and maps carry an `image`, and whose brief a
    `logo_image`, each in the form its renderer needs (an SVG data URI for HTML, a docxtpl image
    for DOCX): `image(kind, svg_or_png_bytes_maker)` where kind is "chart" or "map"."""
    brief = {**context["brief"], "logo_image": logo_image(context["brief"]["logo"]) if context["brief"]["logo"] else None}
    return {**context, "brief": brief,
            "charts": [{**chart, "image": image("chart", lambda fmt, style, c=chart: charts.draw(c, fmt, style))}
                       for chart in context["charts"]],
            "maps": [{**m, "image": image("map", lambda fmt, style, m=m: maps.draw(m, fmt, style))}
                     for m in context.get("maps", [])]}
