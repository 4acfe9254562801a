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
import mimetypes
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from .charts import draw
from .context import build_context
from .models import KhoiError
from .templates import (
    DOCX_TEMPLATE,
    HTML_TEMPLATE,
    RENDER_ERRORS,
    RENDER_TIMEOUT,
    RenderLimit,
    environment,
    find_template,
    split_tags,
    template_dirs,
    template_error,
    time_limit,
    undefined_name,
)


def _chart_font(dirs: list[Path]) -> Path | None:
    for folder in dirs:
        if (folder / "fonts" / "NotoSans-Regular.ttf").is_file():
            return folder / "fonts" / "NotoSans-Regular.ttf"
    return None


def with_images(context: dict, chart_image, logo_image) -> dict:
    """A copy of the context whose charts carry an `image`, and whose brief a `logo_image`,
    each in the form its renderer needs (an SVG data URI for HTML, a docxtpl image for DOCX)."""
    brief = {**context["brief"], "logo_image": logo_image(context["brief"]["logo"]) if context["brief"]["logo"] else None}
    return {**context, "brief": brief, "charts": [{**chart, "image": chart_image(chart)} for chart in context["charts"]]}


def _data_uri(path: str) -> str:
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def _limit_error(path: Path | str, exc: RenderLimit, timeout: float) -> KhoiError:
    """Where the template was stopped (the partial, when it was in one) and how to allow more."""
    return KhoiError(f"{template_error(exc, str(path))} (limit: render_timeout = {timeout:g} s in khoi-report.toml, "
                     f"or --render-timeout)")


def render_html(context: dict, dirs: list[Path], timeout: float = RENDER_TIMEOUT,
                stand_in: dict[str, str] | None = None) -> str:
    font = _chart_font(dirs)

    def svg_uri(chart: dict) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(draw(chart, "svg", font)).decode("ascii")

    env = environment(dirs, stand_in)
    full = with_images(context, svg_uri, _data_uri)  # charts drawn before the template's clock starts
    try:
        with time_limit(env, timeout):
            return env.get_template(HTML_TEMPLATE).render(full)
    except RenderLimit as exc:
        raise _limit_error(find_template(HTML_TEMPLATE, dirs), exc, timeout) from None
    except RENDER_ERRORS as exc:
        raise template_error(exc, str(find_template(HTML_TEMPLATE, dirs)), context, env) from None


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


@lru_cache(maxsize=32)
def _cmap(path: str, mtime: float) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())


def missing_glyphs(html: str, context: dict, dirs: list[Path]) -> list[str]:
    """Characters of the context that no font declared by the stylesheet can draw.

    WeasyPrint would silently draw boxes for them (or fall back to a system font that the
    reader's machine may not have), so we say which characters and which fonts."""
    covered: set[int] = set()
    families = []
    for family, url in _FONT_FACE.findall(html):
        for folder in dirs:
            path = (folder / url).resolve()
            if path.is_file() and path.is_relative_to(folder):
                covered |= _cmap(str(path), path.stat().st_mtime)
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


PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u", "pdf/ua-1")


def render_pdf(html: str, dirs: list[Path], attachments: dict[str, bytes] | None = None,
               variant: str | None = None, day: dt.date | None = None) -> bytes:
    """The PDF, carrying `attachments` (the data tables) as embedded files, in an archival
    `variant` (PDF/A-3b allows attachments) when asked."""
    from weasyprint import HTML, Attachment

    if variant is not None and variant not in PDF_VARIANTS:
        raise KhoiError(f"unknown PDF variant {variant!r}; choose from {', '.join(PDF_VARIANTS)}")
    if variant and variant.startswith(("pdf/a-1", "pdf/a-2")):
        attachments = None  # PDF/A-1 and -2 forbid embedding data files; A-3 and later allow them
    stamp = dt.datetime.combine(day or dt.date.today(), dt.time(), tzinfo=dt.timezone.utc)
    files = [Attachment(file_obj=io.BytesIO(data), name=name.rsplit("/", 1)[-1], description=name,
                        created=stamp, modified=stamp, relationship="Data")
             for name, data in (attachments or {}).items()]
    document = HTML(string=html, base_url=dirs[0].as_uri() + "/", url_fetcher=_fetcher(dirs))
    return document.write_pdf(attachments=files, pdf_variant=variant)


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


def _docx_paragraph(template, exc: Exception) -> str:
    """The text of the DOCX paragraph an error stands in: Jinja's line numbers mean nothing there."""
    lineno = getattr(exc, "lineno", None)
    source = template.patch_xml(template.get_xml())
    if lineno:
        line = source.splitlines()[lineno - 1] if lineno <= len(source.splitlines()) else ""
    else:
        word = undefined_name(exc)
        at = source.find(word) if word else -1
        line = source[max(0, source.rfind("<w:p>", 0, at)) : source.find("</w:p>", at)] if at >= 0 else ""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).strip()
    return f" in the paragraph “{text[:100]}”" if text else ""


MAX_DOCX_UNPACKED = 200_000_000


def _check_zip(path: Path) -> None:
    """A .docx is a zip: measure what it unpacks to before reading it (a zip bomb would fill memory)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise KhoiError(f"{path}: cannot read this .docx template ({exc})") from None
    if unpacked > MAX_DOCX_UNPACKED:
        raise KhoiError(f"{path}: unpacks to {unpacked / 1e6:.0f} MB, over the {MAX_DOCX_UNPACKED / 1e6:.0f} MB "
                        "a .docx template may hold; refused")


def render_docx(context: dict, dirs: list[Path], timeout: float = RENDER_TIMEOUT) -> bytes:
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    path = find_template(DOCX_TEMPLATE, dirs)
    _check_zip(path)
    font = _chart_font(dirs)
    env = environment(dirs)
    try:
        template = DocxTemplate(str(path))
        section = template.get_docx().sections[0]
        usable = Mm(round((section.page_width - section.left_margin - section.right_margin) / 36000))
    except Exception as exc:  # not a zip, or no Word document inside
        raise KhoiError(f"{path}: cannot read this .docx template ({type(exc).__name__}: {exc})") from None

    def png(chart: dict):
        return InlineImage(template, io.BytesIO(draw(chart, "png", font)), width=usable)

    def logo(file: str):
        return InlineImage(template, file, height=Mm(18))

    full = with_images(context, png, logo)
    try:
        with time_limit(env, timeout):
            template.render(full, jinja_env=env, autoescape=True)
    except RenderLimit as exc:
        raise _limit_error(path, exc, timeout) from None
    except RENDER_ERRORS as exc:
        error = template_error(exc, str(path), context, env)
        raise KhoiError(f"{error}{_docx_paragraph(template, exc)}") from None
    _grid_from_header(template.docx)
    _properties(template.docx, context)
    buffer = io.BytesIO()
    template.save(buffer)
    return reproducible_zip(buffer.getvalue(), dt.date.fromisoformat(context["brief"]["built_iso"]))


def reproducible_zip(data: bytes, day: dt.date) -> bytes:
    """The same .docx/.xlsx with every entry dated `day`, in a fixed order, and its core properties'
    timestamps set to `day` (openpyxl stamps the save time): equal inputs, equal bytes."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(max(day.year, 1980), day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            body = source.read(name)
            if name == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + f"{day.isoformat()}T00:00:00Z".encode(), body)
            target.writestr(info, body)
    return out.getvalue()


PARALLEL_FROM = 20  # blocs: from here on the DOCX renders in a second process while the PDF is laid out


def render_all(context: dict, formats: Iterable[str], templates: str | os.PathLike | None = None, progress=None,
               warnings: list[str] | None = None, attachments: dict[str, bytes] | None = None,
               pdf_variant: str | None = None, timeout: float = RENDER_TIMEOUT) -> dict[str, bytes]:
    """Every requested brief as bytes, keyed by output file name; rendering warnings are
    appended to `warnings`. Each template may take `timeout` seconds to render. A large brief in
    both formats is rendered on two cores: the DOCX in a worker process, the PDF here."""
    dirs = template_dirs(templates)
    formats = list(formats)
    out: dict[str, bytes] = {}
    pool = docx = None
    if "docx" in formats and len(formats) > 1 and len(context["blocs"]) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method))
        docx = pool.submit(render_docx, context, dirs, timeout)
    try:
        for i, fmt in enumerate(formats, 1):
            if fmt == "pdf":
                html = render_html(context, dirs, timeout)
                if warnings is not None:
                    warnings += [f"brief.pdf: {w}" for w in missing_glyphs(html, context, dirs)]
                out["brief.pdf"] = render_pdf(html, dirs, attachments, pdf_variant,
                                              dt.date.fromisoformat(context["brief"]["built_iso"]))
            elif fmt == "docx":
                out["brief.docx"] = docx.result() if docx else render_docx(context, dirs, timeout)
            if progress:
                progress("render", i, len(formats))
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return out


def check_templates(tables, templates: str | os.PathLike | None = None, lang: str = "vi") -> tuple[list[str], list[str]]:
    """Lint the templates in effect against the current inputs without writing anything:
    (errors, warnings). Every text template must compile, both briefs must render."""
    dirs = template_dirs(templates)
    env = environment(dirs)
    errors: list[str] = []
    broken: dict[str, str] = {}  # each broken template found so far, by name, stood in by an empty one
    for name in env.list_templates(filter_func=lambda n: n.endswith(".j2") or n.endswith(".css")):
        try:
            env.get_template(name)
        except RENDER_ERRORS as exc:
            errors.append(str(template_error(exc, name, None, env)))
            broken[name] = ""
    context = build_context(tables, lang=lang)
    while True:  # render the HTML again past each broken template, so one cannot hide the next
        try:
            render_html(context, dirs, stand_in=broken)
            break
        except KhoiError as exc:
            if str(exc) not in errors:
                errors.append(str(exc))
            name = _template_name(getattr(exc, "template", None), dirs)
            if name is None or name in broken:
                break
            broken[name] = ""
    try:
        render_docx(context, dirs)
    except KhoiError as exc:
        if str(exc) not in errors:
            errors.append(str(exc))
    return errors, split_tags(find_template(DOCX_TEMPLATE, dirs))


def _template_name(path: str | None, dirs: list[Path]) -> str | None:
    """The name the loader knows a template file by ('partials/cover.html.j2')."""
    for folder in dirs:
        if path and Path(path).resolve().is_relative_to(folder):
            return Path(path).resolve().relative_to(folder).as_posix()
    return None
