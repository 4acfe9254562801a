"""The manifest: what a brief was made from (tool, settings, inputs, templates) and what it is
(every output's size and SHA-256); the recipe that says a rebuild has nothing to do; `verify`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .._version import __version__
from ..digest import file_sha256, sha256
from ..errors import KhoiError
from ..models import Extraction


def recipe(settings: dict, sources: list[Path], inputs: Path) -> str:
    """A hash of everything a build reads: the tool's version, its code and data, the settings,
    and the bytes of every source file (articles, corrections, logo, templates, fonts). Files
    that lead out of the inputs folder count by name only: they are never read."""
    from ..extraction.store import fingerprint

    digest = hashlib.sha256(json.dumps([__version__, fingerprint(("**/*.py", "data/*.toml")), settings], sort_keys=True, default=str).encode())
    root = inputs.resolve()
    for path in sources:
        digest.update(str(path).encode() + b"\0")
        resolved = path.resolve()
        if path.is_file() and (resolved.is_relative_to(root) or not path.is_relative_to(inputs)):
            digest.update(file_sha256(path).encode())
    return digest.hexdigest()


def up_to_date(out: Path, recipe: str) -> dict | None:
    """The manifest of `out` when its briefs were built from this very recipe and are intact."""
    try:
        data = json.loads((out / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("recipe") != recipe or _changed(out, data):
        return None
    return data


def manifest(files: dict[str, bytes], extraction: Extraction, settings: dict, templates: list,
             recipe: str | None = None) -> bytes:
    """What a brief was made from and what it is: tool, settings, inputs, templates, outputs."""
    severities = [f.severity for f in extraction.findings]
    data = {
        "generator": f"khoi-report {__version__}",
        "recipe": recipe,  # see `recipe`: a later build with the same one has nothing to do
        "settings": settings,
        "findings": {level: severities.count(level) for level in ("error", "warning", "info")},
        "inputs": [{"file": i.article.id, "sha256": i.article.sha256} for i in extraction.items],
        "templates": [{"file": t.name, "from": t.origin,
                       "sha256": sha256(t.path.read_bytes())} for t in templates],
        "outputs": [{"file": name, "bytes": len(data), "sha256": sha256(data)} for name, data in sorted(files.items())],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def listed(folder: Path) -> list[str]:
    """The outputs the manifest in `folder` lists (none when there is no readable manifest)."""
    try:
        data = json.loads((folder / "manifest.json").read_text("utf-8"))
        return [entry["file"] for entry in data.get("outputs", [])]
    except (OSError, ValueError, TypeError, KeyError):
        return []


def verify(folder: Path) -> list[str]:
    """What in a folder of briefs differs from its manifest (empty when everything matches): a
    file missing or changed, and a file the manifest does not list (a folder holds one build)."""
    path = folder / "manifest.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KhoiError(f"{path}: cannot read the manifest ({exc})") from None
    known = {entry["file"] for entry in data.get("outputs", [])} | {"manifest.json"}
    extra = [f"{file}: not in the manifest (not written by the build it describes)"
             for file in sorted(p for p in folder.rglob("*") if p.is_file())
             if file.relative_to(folder).as_posix() not in known]
    return _changed(folder, data) + extra


def _changed(folder: Path, data: dict) -> list[str]:
    """The outputs a manifest lists that are missing or differ from it."""
    problems = []
    for entry in data.get("outputs", []):
        file = folder / entry["file"]
        if not file.is_file():
            problems.append(f"{file}: missing")
            continue
        body = file.read_bytes()
        if len(body) != entry["bytes"] or sha256(body) != entry["sha256"]:
            problems.append(f"{file}: differs from the manifest ({len(body)} bytes, SHA-256 {sha256(body)[:12]}…; "
                            f"expected {entry['bytes']} bytes, {entry['sha256'][:12]}…)")
    return problems
