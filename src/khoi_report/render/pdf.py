"""The PDF brief: the Jinja HTML template and its CSS, laid out by WeasyPrint.

Rendering fetches nothing but the template folders' own files (`data:` URLs aside): article text
is untrusted, and so is a template someone sent you.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import os
from pathlib import Path

from ..errors import KhoiError
from .charts import chart_style
from .glyphs import missing_glyphs
from .images import svg_uri, with_images
from .pdfparts import OneDocument, plan, render_parts
from .templates import HTML_TEMPLATE, RENDER_TIMEOUT, environment, render_entry
from .weasy import TAGGED, attached, document, page_references_built_once
from .weasylog import caught, located


def data_uri(path: str) -> str:
    """A file (the logo) as a `data:` URL, so the brief carries it inside."""
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def render_html(context: dict, dirs: list[Path], timeout: float = RENDER_TIMEOUT,
                stand_in: dict[str, str] | None = None) -> str:
    """The brief's HTML; `stand_in` replaces templates by name (see `lint`)."""
    style = chart_style(dirs)

    def image(kind: str, drawing) -> str:
        return svg_uri(drawing("svg", style))

    env = environment(dirs, stand_in)
    full = with_images(context, image, data_uri)  # charts drawn before the template's clock starts
    return render_entry(env, HTML_TEMPLATE, full, context, dirs, timeout)


PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u", "pdf/ua-1")


def render_pdf(html: str, dirs: list[Path], attachments: dict[str, bytes] | None = None,
               variant: str | None = None, day: dt.date | None = None,
               warnings: list[str] | None = None) -> bytes:
    """The PDF, tagged (see `TAGGED`), carrying `attachments` (the data tables) as embedded files,
    in an archival `variant` (PDF/A-3b allows attachments) when asked. What WeasyPrint skipped (a CSS rule it
    could not parse, an image refused or missing) goes to `warnings` as `file:line: message`."""
    page_references_built_once()
    if variant is not None and variant not in PDF_VARIANTS:
        raise KhoiError(f"unknown PDF variant {variant!r}; choose from {', '.join(PDF_VARIANTS)}")
    if variant and variant.startswith(("pdf/a-1", "pdf/a-2")):
        attachments = None  # PDF/A-1 and -2 forbid embedding data files; A-3 and later allow them
    stamp = dt.datetime.combine(day or dt.date.today(), dt.time(), tzinfo=dt.timezone.utc)
    workers = os.cpu_count() or 1
    if variant is None and workers > 1 and (parts := plan(html, workers)) is not None:
        try:
            data, found = render_parts(parts, dirs, (attachments or {}, stamp), workers)
        except OneDocument:
            pass
        else:
            if warnings is not None:
                warnings += found
            return data
    with caught() as messages:
        data = document(html, dirs).write_pdf(attachments=attached(attachments or {}, stamp), pdf_variant=variant, pdf_tags=TAGGED)
    if warnings is not None:
        warnings += located(messages, dirs)
    return data


def layout_warnings(html: str, dirs: list[Path]) -> list[str]:
    """What WeasyPrint would skip laying out this HTML (for `templates check`), as `file:line: message`."""
    with caught() as messages:
        document(html, dirs).render()
    return located(messages, dirs)


def warm_up() -> None:
    """What the PDF's worker does while the build reads the articles: WeasyPrint's imports
    (0.6 s, the largest fixed cost of a small brief)."""
    import weasyprint  # noqa: F401


def render(context: dict, job) -> bytes:
    """The `pdf` format: HTML from the templates, checked for glyphs no font has, laid out."""
    html = render_html(context, job.dirs, job.timeout)
    job.warnings += [f"brief.pdf: {w}" for w in missing_glyphs(html, context, job.dirs)]
    return render_pdf(html, job.dirs, job.attachments, job.pdf_variant,
                      dt.date.fromisoformat(context["brief"]["built_iso"]), job.warnings)
