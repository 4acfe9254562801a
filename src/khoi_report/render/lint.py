"""`khoi-report templates check`: the templates in effect, compiled and rendered against a real
context without writing anything; what WeasyPrint would skip laying out the PDF (a CSS rule it
cannot parse, an image refused or missing); Jinja tags that Word split across formatting runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import KhoiError, shown
from .docx import render_docx
from .html import render_screen
from .pdf import layout_warnings, render_html
from .presets import DEFAULT
from .templates import (
    DOCX_TEMPLATE,
    RENDER_ERRORS,
    environment,
    find_template,
    template_dirs,
    template_error,
)


def check_templates(context: dict, templates: str | os.PathLike | None = None,
                    preset: str | os.PathLike = DEFAULT) -> tuple[list[str], list[str]]:
    """Lint the templates in effect against a real context without writing anything:
    (errors, warnings). Every text template must compile, every brief must render (PDF, screen, DOCX), and one
    broken template must not hide the next."""
    dirs = template_dirs(templates, preset)
    env = environment(dirs)
    errors: list[str] = []
    broken: dict[str, str] = {}  # each broken template found so far, by name, stood in by an empty one
    for name in env.list_templates(filter_func=lambda n: n.endswith(".j2") or n.endswith(".css")):
        try:
            env.get_template(name)
        except RENDER_ERRORS as exc:
            errors.append(str(template_error(exc, name, None, env)))
            broken[name] = ""
    layout: list[str] = []
    for render in (render_html, render_screen):  # the PDF's HTML and the screen brief's
        while True:  # render again past each broken template, so one cannot hide the next
            try:
                html = render(context, dirs, stand_in=broken)
                if render is render_html and not broken:  # what WeasyPrint would skip in the PDF
                    layout = layout_warnings(html, dirs)
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
    return errors, layout + split_tags(find_template(DOCX_TEMPLATE, dirs))


def _template_name(path: str | None, dirs: list[Path]) -> str | None:
    """The name the loader knows a template file by ('partials/cover.html.j2')."""
    for folder in dirs:
        if path and Path(path).resolve().is_relative_to(folder):
            return Path(path).resolve().relative_to(folder).as_posix()
    return None


def split_tags(docx: Path) -> list[str]:
    """Jinja tags that Word split across runs (formatting changed inside a tag), by paragraph."""
    from docx import Document

    problems = []
    for paragraph in Document(str(docx)).paragraphs:
        text = paragraph.text
        runs = [run.text for run in paragraph.runs]
        for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text):
            if not any(tag in run for run in runs):
                problems.append(f"{shown(docx)}: a tag is split across formatting runs, retype it in one go: “{text[:80]}”")
    return problems
