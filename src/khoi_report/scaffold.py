"""`khoi-report init`: a working folder with settings, sample inputs and the entry files of the default
templates (one per format: brief.html.j2, screen.html.j2, brief.docx), or with `all_templates` every file.

Copying only the entries keeps a working folder small and lets it follow improvements of the
built-in partials; `khoi-report templates copy NAME` copies a partial when you mean to change it."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import KhoiError
from .render.presets import PRESET_FILE
from .render.templates import ENTRY_FILES, builtin_templates
from .settings import FILE_NAME, TEMPLATE


def samples() -> Path:
    """The five sample articles: packaged in the wheel, or the repository's `inputs/`."""
    packaged = Path(__file__).parent / "samples"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "inputs"


def init_folder(folder: Path, empty: bool = False, force: bool = False, all_templates: bool = False) -> list[Path]:
    settings = folder / FILE_NAME
    if settings.exists() and not force:
        raise KhoiError(f"{settings}: already exists (use --force to write over it)")
    folder.mkdir(parents=True, exist_ok=True)
    settings.write_text(TEMPLATE, "utf-8")
    inputs = folder / "inputs"
    inputs.mkdir(exist_ok=True)
    if not empty:
        for article in sorted(samples().glob("*.txt")):
            shutil.copyfile(article, inputs / article.name)
    templates = folder / "templates"
    if all_templates:
        shutil.copytree(builtin_templates(), templates, dirs_exist_ok=True, ignore=shutil.ignore_patterns(PRESET_FILE))
        return [settings, inputs, templates]
    templates.mkdir(exist_ok=True)
    copied = []
    for name in ENTRY_FILES:
        if force or not (templates / name).exists():
            shutil.copyfile(builtin_templates() / name, templates / name)
            copied.append(templates / name)
    return [settings, inputs, *copied]
