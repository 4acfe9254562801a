"""Render stage: the template context to PDF (Jinja HTML + CSS -> WeasyPrint) and DOCX (docxtpl).

Templates are looked up file by file: the user's templates folder first, the built-in defaults
after, so overriding one file leaves the rest built-in. Templates run in Jinja's sandbox with
autoescaping on in both formats, and rendering fetches nothing but the template folders' own
files: article text is untrusted.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import os
import re
import traceback
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .charts import draw
from .context import build_context
from .models import KhoiError

HTML_TEMPLATE = "brief.html.j2"
DOCX_TEMPLATE = "brief.docx"


def builtin_templates() -> Path:
    """The default templates: packaged in the wheel, or the repository's `templates/`."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def template_dirs(user: str | os.PathLike | None) -> list[Path]:
    dirs = []
    if user is not None:
        user = Path(user)
        if not user.is_dir():
            raise KhoiError(f"{user}: templates folder not found")
        dirs.append(user.resolve())
    dirs.append(builtin_templates().resolve())
    return dirs


def find_template(name: str, dirs: list[Path]) -> Path:
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise KhoiError(f"{name}: template not found in {', '.join(map(str, dirs))}")


def environment(dirs: list[Path]) -> jinja2.Environment:
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def _template_error(exc: Exception, fallback: str) -> KhoiError:
    """A Jinja error as one line naming the template file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return KhoiError(f"{exc.filename or exc.name or fallback}:{exc.lineno}: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return KhoiError(f"{fallback}: template {exc.name!r} not found")
    where = fallback
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".j2", ".html", ".css")) and os.path.exists(filename):
            where = f"{filename}:{lineno}"
    message = getattr(exc, "message", None) or str(exc)
    return KhoiError(f"{where}: {message}")


def _chart_font(dirs: list[Path]) -> Path | None:
    for folder in dirs:
        if (folder / "fonts" / "NotoSans-Regular.ttf").is_file():
            return folder / "fonts" / "NotoSans-Regular.ttf"
    return None


def with_chart_images(context: dict, dirs: list[Path], image) -> dict:
    """A copy of the context whose charts carry an `image` made by `image(chart) -> object`."""
    return {**context, "charts": [{**chart, "image": image(chart)} for chart in context["charts"]]}


def render_html(context: dict, dirs: list[Path]) -> str:
    font = _chart_font(dirs)

    def svg_uri(chart: dict) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(draw(chart, "svg", font)).decode("ascii")

    context = with_chart_images(context, dirs, svg_uri)
    env = environment(dirs)
    try:
        return env.get_template(HTML_TEMPLATE).render(context)
    except (jinja2.TemplateError, jinja2.sandbox.SecurityError, TypeError, ValueError) as exc:
        raise _template_error(exc, str(find_template(HTML_TEMPLATE, dirs))) from None


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
            raise ValueError(f"refused to fetch {url}: outside the templates folders")

    return TemplateFetcher()


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


def missing_glyphs(html: str, context: dict, dirs: list[Path]) -> list[str]:
    """Characters of the context that no font declared by the stylesheet can draw.

    WeasyPrint would silently draw boxes for them (or fall back to a system font that the
    reader's machine may not have), so we say which characters and which fonts."""
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    families = []
    for family, url in _FONT_FACE.findall(html):
        for folder in dirs:
            path = (folder / url).resolve()
            if path.is_file() and path.is_relative_to(folder):
                covered |= set(TTFont(str(path), lazy=True).getBestCmap())
                families.append(family.strip())
                break
    if not families:
        return []
    needed = {c for text in _strings(context) for c in text if not c.isspace() and ord(c) >= 32}
    lacking = sorted(c for c in needed if ord(c) not in covered)
    if not lacking:
        return []
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in lacking[:12]) + (" …" if len(lacking) > 12 else "")
    return [f"fonts {', '.join(dict.fromkeys(families))} have no glyph for {shown}; "
            "they will not print as written (add a font that has them to your templates' CSS)"]


def render_pdf(html: str, dirs: list[Path]) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=dirs[0].as_uri() + "/", url_fetcher=_fetcher(dirs)).write_pdf()


def _grid_from_header(document) -> None:
    """Set each table's column grid from its first row's cell widths.

    A docxtpl column loop (`{%tc for %}`) leaves the grid proportional to the template's
    cells, so the widths the template's author gave the header cells would be lost.
    """
    from docx.oxml.ns import qn

    for table in document.tables:
        grid = table._tbl.tblGrid
        cols = grid.findall(qn("w:gridCol"))
        widths = []
        for tc in table._tbl.tr_lst[0].tc_lst if table._tbl.tr_lst else []:
            tcw = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
            if tcw is None or tcw.get(qn("w:type")) not in (None, "dxa"):
                widths = []
                break
            widths.append(int(tcw.get(qn("w:w"))))
        if widths and len(widths) == len(cols):
            for col, width in zip(cols, widths):
                col.set(qn("w:w"), str(width))


def _properties(document, context: dict) -> None:
    props = document.core_properties
    props.title = context["brief"]["title"]
    props.subject = context["brief"]["subtitle"]
    props.author = context["brief"]["organisation"] or context["brief"]["generator"]
    props.language = {"vi": "vi-VN", "en": "en-GB"}.get(context["lang"], context["lang"])
    props.created = props.modified = dt.datetime.combine(dt.date.fromisoformat(context["brief"]["built_iso"]), dt.time())
    props.last_modified_by = context["brief"]["generator"]
    props.revision = 1


def render_docx(context: dict, dirs: list[Path]) -> bytes:
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    path = find_template(DOCX_TEMPLATE, dirs)
    font = _chart_font(dirs)
    try:
        template = DocxTemplate(str(path))
        section = template.get_docx().sections[0]
        usable = Mm(round((section.page_width - section.left_margin - section.right_margin) / 36000))

        def png(chart: dict):
            return InlineImage(template, io.BytesIO(draw(chart, "png", font)), width=usable)

        template.render(with_chart_images(context, dirs, png), jinja_env=environment(dirs), autoescape=True)
    except (jinja2.TemplateError, jinja2.sandbox.SecurityError, TypeError, ValueError) as exc:
        raise _template_error(exc, str(path)) from None
    except Exception as exc:  # a .docx that is no zip, or whose XML is broken
        raise KhoiError(f"{path}: cannot read this .docx template ({type(exc).__name__}: {exc})") from None
    _grid_from_header(template.docx)
    _properties(template.docx, context)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_all(tables, formats: Iterable[str], templates: str | os.PathLike | None = None, lang: str = "vi",
               title: str | None = None, organisation: str | None = None, edition: str | None = None,
               today: dt.date | None = None, progress=None, warnings: list[str] | None = None) -> dict[str, bytes]:
    """Every requested brief as bytes, keyed by output file name; rendering warnings are
    appended to `warnings`."""
    dirs = template_dirs(templates)
    context = build_context(tables, lang=lang, title=title, organisation=organisation, edition=edition, today=today)
    out: dict[str, bytes] = {}
    formats = list(formats)
    for i, fmt in enumerate(formats, 1):
        if fmt == "pdf":
            html = render_html(context, dirs)
            if warnings is not None:
                warnings += [f"brief.pdf: {w}" for w in missing_glyphs(html, context, dirs)]
            out["brief.pdf"] = render_pdf(html, dirs)
        elif fmt == "docx":
            out["brief.docx"] = render_docx(context, dirs)
        if progress:
            progress("render", i, len(formats))
    return out

