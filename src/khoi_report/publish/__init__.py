"""Publish stage. In: the rendered bytes of every output and what they were made from. Out:
files in the output folder, written atomically, with `manifest.json` (see `manifest`).
"""

from __future__ import annotations

from pathlib import Path

from ..models import Extraction
from .files import write_atomically
from .manifest import listed, manifest, recipe, up_to_date, verify

__all__ = ["manifest", "publish", "recipe", "up_to_date", "verify", "write_atomically"]


def publish(out: Path, rendered: dict[str, bytes], extraction: Extraction, settings: dict,
            templates: list, recipe: str | None = None) -> list[Path]:
    """Write the outputs and their manifest, then remove what the previous build wrote and this one
    did not (a brief.docx after --format pdf, blocs/ after a build without --split): the folder
    holds one build. Only files the previous manifest lists are ever removed."""
    before = listed(out)
    files = dict(rendered)
    files["manifest.json"] = manifest(rendered, extraction, settings, templates, recipe)
    written = write_atomically(out, files)
    for name in before:
        if name not in files:
            stale = out / name
            stale.unlink(missing_ok=True)
            for parent in stale.relative_to(out).parents[:-1]:  # blocs/, data/: gone when emptied
                try:
                    (out / parent).rmdir()
                except OSError:
                    break
    return written
