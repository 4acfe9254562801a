"""`khoi-report init`: a working folder with settings, sample inputs and the default templates."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import KhoiError
from .render.presets import PRESET_FILE
from .render.templates import builtin_templates
from .settings import FILE_NAME, TEMPLATE


def samples() -> Path:
    """The five sample articles: packaged in the wheel, or the repository's `inputs/`."""
    packaged = Path(__file__).parent / "samples"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "inputs"


def init_folder(folder: Path, empty: bool = False, force: bool = False) -> list[Path]:
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
    shutil.copytree(builtin_templates(), folder / "templates", dirs_exist_ok=True, ignore=shutil.ignore_patterns(PRESET_FILE))
    return [settings, inputs, folder / "templates"]
