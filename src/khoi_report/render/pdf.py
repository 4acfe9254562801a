"""The PDF brief: the Jinja HTML template and its CSS, laid out by WeasyPrint.

Rendering fetches nothing but the template folders' own files (`data:` URLs aside): article text
is untrusted, and so is a template someone sent you.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import KhoiError
from .charts import chart_style
from .glyphs import missing_glyphs
from .images import svg_uri, with_images
from .templates import HTML_TEMPLATE, RENDER_TIMEOUT, environment, render_entry
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


def _fetcher(dirs: list[Path]):
    from weasyprint import URLFetcher

    class TemplateFetcher(URLFetcher):
        """Fetches `data:` URLs and files inside the template folders; a file missing from the
        user's folder is taken from the built-in one. Nothing else, and no redirects."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme != "file":
                raise ValueError(f"refused to fetch {url}: only the templates' own files are allowed")
            path = Path(unquote(parsed.path)).resolve()
            for root in dirs:
                if path.is_relative_to(root):
                    relative = path.relative_to(root)
                    for folder in dirs[dirs.index(root):]:
                        candidate = (folder / relative).resolve()
                        if candidate.is_file() and any(candidate.is_relative_to(d) for d in dirs):
                            return super().fetch(candidate.as_uri(), headers)
                    raise ValueError(f"{relative.as_posix()}: not found in the templates folders")
            raise ValueError(f"refused to fetch {url}: outside the templates folders")

    return TemplateFetcher()


def _page_references_built_once() -> None:
    """pydyf (0.13) builds the tuple of every page's reference anew each time one is asked for,
    and WeasyPrint asks once per tagged element and link: the time grows with elements times pages
    (a tagged 306-page brief: 25.2 s to write, 21.0 s with this; 546 pages: more). The same tuple,
    built once per number of pages (pages are only ever added): the same bytes."""
    import pydyf

    built = getattr(pydyf.PDF, "page_references", None)
    if not isinstance(built, property) or getattr(built.fget, "built_once", False):
        return

    def page_references(pdf) -> tuple:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_page_references")
        if cached is None or cached[0] != len(kids):
            cached = pdf.__dict__["_page_references"] = (len(kids), built.fget(pdf))
        return cached[1]

    page_references.built_once = True
    pydyf.PDF.page_references = property(page_references)


# A tagged PDF (its structure: headings, paragraphs, tables with their headers, reading order)
# for screen readers and reflow. Measured: 7-10% more PDF layout time (0.25-0.5 s on the samples'
# ~4 s, 2.6 s on a 63-bloc brief's 38 s) and a larger file (85 -> 119 KB; 63 blocs 405 -> 676 KB).
TAGGED = True
PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u", "pdf/ua-1")


def render_pdf(html: str, dirs: list[Path], attachments: dict[str, bytes] | None = None,
               variant: str | None = None, day: dt.date | None = None,
               warnings: list[str] | None = None) -> bytes:
    """The PDF, tagged (see `TAGGED`), carrying `attachments` (the data tables) as embedded files,
    in an archival `variant` (PDF/A-3b allows attachments) when asked. What WeasyPrint skipped (a CSS rule it
    could not parse, an image refused or missing) goes to `warnings` as `file:line: message`."""
    from weasyprint import HTML, Attachment

    _page_references_built_once()
    if variant is not None and variant not in PDF_VARIANTS:
        raise KhoiError(f"unknown PDF variant {variant!r}; choose from {', '.join(PDF_VARIANTS)}")
    if variant and variant.startswith(("pdf/a-1", "pdf/a-2")):
        attachments = None  # PDF/A-1 and -2 forbid embedding data files; A-3 and later allow them
    stamp = dt.datetime.combine(day or dt.date.today(), dt.time(), tzinfo=dt.timezone.utc)
    files = [Attachment(file_obj=io.BytesIO(data), name=name.rsplit("/", 1)[-1], description=name,
                        created=stamp, modified=stamp, relationship="Data")
             for name, data in (attachments or {}).items()]
    with caught() as messages:
        document = HTML(string=html, base_url=dirs[0].as_uri() + "/", url_fetcher=_fetcher(dirs))
        data = document.write_pdf(attachments=files, pdf_variant=variant, pdf_tags=TAGGED)
    if warnings is not None:
        warnings += located(messages, dirs)
    return data


def layout_warnings(html: str, dirs: list[Path]) -> list[str]:
    """What WeasyPrint would skip laying out this HTML (for `templates check`), as `file:line: message`."""
    from weasyprint import HTML

    with caught() as messages:
        HTML(string=html, base_url=dirs[0].as_uri() + "/", url_fetcher=_fetcher(dirs)).render()
    return located(messages, dirs)


def render(context: dict, job) -> bytes:
    """The `pdf` format: HTML from the templates, checked for glyphs no font has, laid out."""
    html = render_html(context, job.dirs, job.timeout)
    job.warnings += [f"brief.pdf: {w}" for w in missing_glyphs(html, context, job.dirs)]
    return render_pdf(html, job.dirs, job.attachments, job.pdf_variant,
                      dt.date.fromisoformat(context["brief"]["built_iso"]), job.warnings)
