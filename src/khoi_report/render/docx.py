"""The DOCX brief: a Word template with Jinja tags, filled by docxtpl in the same sandbox.

Errors name the paragraph they stand in (Jinja's line numbers mean nothing in a .docx), and a
template is measured before it is unpacked.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ..errors import KhoiError
from ..zipfiles import reproducible_zip
from .charts import chart_style
from .images import with_images
from .templates import (
    DOCX_TEMPLATE,
    RENDER_ERRORS,
    RENDER_TIMEOUT,
    RenderLimit,
    environment,
    find_template,
    limit_error,
    template_error,
    time_limit,
    undefined_name,
)


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
    style = chart_style(dirs)
    env = environment(dirs)
    try:
        template = DocxTemplate(str(path))
        section = template.get_docx().sections[0]
        usable = Mm(round((section.page_width - section.left_margin - section.right_margin) / 36000))
    except Exception as exc:  # not a zip, or no Word document inside
        raise KhoiError(f"{path}: cannot read this .docx template ({type(exc).__name__}: {exc})") from None

    def png(kind: str, drawing):
        return InlineImage(template, io.BytesIO(drawing("png", style)), width=usable if kind == "chart" else Mm(52))

    def logo(file: str):
        return InlineImage(template, file, height=Mm(18))

    full = with_images(context, png, logo)
    try:
        with time_limit(env, timeout):
            template.render(full, jinja_env=env, autoescape=True)
    except RenderLimit as exc:
        raise limit_error(path, exc, timeout) from None
    except RENDER_ERRORS as exc:
        error = template_error(exc, str(path), context, env)
        raise KhoiError(f"{error}{_docx_paragraph(template, exc)}") from None
    _grid_from_header(template.docx)
    _properties(template.docx, context)
    buffer = io.BytesIO()
    template.save(buffer)
    return reproducible_zip(buffer.getvalue(), dt.date.fromisoformat(context["brief"]["built_iso"]))


def render(context: dict, job) -> bytes:
    """The `docx` format."""
    return render_docx(context, job.dirs, job.timeout)
