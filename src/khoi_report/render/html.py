"""The screen brief: one self-contained HTML file (`brief.html`) for phones to desktops.

In: the template context and a `Job`. Out: the bytes of `screen.html.j2` rendered in the same
sandbox as the PDF, from the same context and the same partials, with every chart inlined as
SVG markup (its ids made unique in the page) beside its data table, the maps and the logo as
`data:` URLs and the styles inline. The file asks for nothing outside itself: no stylesheet, font, image or
script is linked, and its Content-Security-Policy forbids any request a template might add.

Table headers without a `scope` get one (`col` in a `<thead>`, `row` elsewhere), so the shared
partials need not know which format they are in.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from .charts import chart_style
from .images import svg_uri, with_images
from .pdf import data_uri
from .templates import RENDER_TIMEOUT, SCREEN_TEMPLATE, environment, render_entry

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)  # the XML declaration and DOCTYPE before <svg>
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


def inline_svg(svg: bytes, prefix: str) -> Markup:
    """A chart's SVG as markup to set in an HTML page: no prolog, no metadata, every id prefixed
    (so two charts' `figure_1` or tick markers do not clash) and scalable to its box."""
    text = _METADATA.sub("", _PROLOG.sub("", svg.decode("utf-8"), count=1))
    for name in sorted(set(_ID.findall(text)), key=len, reverse=True):
        new = f"{prefix}-{name}"
        text = text.replace(f'id="{name}"', f'id="{new}"').replace(f'"#{name}"', f'"#{new}"')
        text = text.replace(f"url(#{name})", f"url(#{new})")
    text = text.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return Markup(text)  # drawn by matplotlib from the context: its text is already escaped


def scoped_headers(html: str) -> str:
    """Every `<th>` with a scope: `col` inside a `<thead>`, `row` elsewhere (an explicit one stays)."""
    def scope(part: str, value: str) -> str:
        return re.sub(r"<th(?=[\s>])(?![^>]*\bscope=)", f'<th scope="{value}"', part)

    pieces = re.split(r"(<thead\b.*?</thead>)", html, flags=re.S | re.I)
    return "".join(scope(p, "col") if p[:6].lower() == "<thead" else scope(p, "row") for p in pieces)


def render_screen(context: dict, dirs: list[Path], timeout: float = RENDER_TIMEOUT,
                  stand_in: dict[str, str] | None = None) -> str:
    """The screen brief's HTML; `stand_in` replaces templates by name (see `lint`)."""
    style = chart_style(dirs)
    counter = iter(range(1, 10_000))

    def image(kind: str, drawing) -> Markup | str:
        """A chart inline (its data table beside it); a map as a `data:` URL for its <img>."""
        svg = drawing("svg", style)
        return inline_svg(svg, f"chart{next(counter)}") if kind == "chart" else svg_uri(svg)

    env = environment(dirs, stand_in)
    full = with_images(context, image, data_uri)  # charts drawn before the template's clock starts
    return scoped_headers(render_entry(env, SCREEN_TEMPLATE, full, context, dirs, timeout))


def render(context: dict, job) -> bytes:
    """The `html` format."""
    return render_screen(context, job.dirs, job.timeout).encode("utf-8")
