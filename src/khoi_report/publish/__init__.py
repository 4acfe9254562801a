"""Publish stage. In: the rendered bytes of every output and what they were made from. Out:
files in the output folder, written atomically, with `manifest.json` (see `manifest`).
"""

from __future__ import annotations

from pathlib import Path

from ..models import Extraction
from .files import write_atomically
from .manifest import manifest, recipe, up_to_date, verify

__all__ = ["manifest", "publish", "recipe", "up_to_date", "verify", "write_atomically"]


def publish(out: Path, rendered: dict[str, bytes], extraction: Extraction, settings: dict,
            templates: list, recipe: str | None = None) -> list[Path]:
    files = dict(rendered)
    files["manifest.json"] = manifest(rendered, extraction, settings, templates, recipe)
    return write_atomically(out, files)
