"""Presets: named looks of the brief. A preset is a folder of templates with a `preset.toml`
(`name`, `description`, and `extends`, the preset it builds on), like an MkDocs theme.

A template is looked up file by file, first found wins: the user's templates folder, the chosen
preset, what it extends, and so on down to `default`, which has every file. A preset is named
(the built-in ones under the package's `templates/`) or given as the path of its folder.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import KhoiError

DEFAULT = "default"
PRESET_FILE = "preset.toml"


@dataclass(frozen=True)
class Preset:
    name: str
    folder: Path
    extends: str | None
    description: str


def presets_root() -> Path:
    """The built-in presets: packaged in the wheel, or the repository's `templates/`."""
    packaged = Path(__file__).parents[1] / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "templates"


def _read(folder: Path) -> Preset:
    path = folder / PRESET_FILE
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise KhoiError(f"{path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise KhoiError(f"{path}: {exc}") from None
    unknown = set(data) - {"name", "extends", "description"}
    if unknown:
        raise KhoiError(f"{path}: unknown key {sorted(unknown)[0]!r}; a preset has name, extends, description")
    name = data.get("name", folder.name)
    extends = data.get("extends", None if name == DEFAULT else DEFAULT)
    return Preset(name, folder.resolve(), extends, data.get("description", ""))


@cache
def builtin_presets() -> dict[str, Preset]:
    root = presets_root()
    return {p.name: p for p in (_read(f) for f in sorted(root.iterdir()) if (f / PRESET_FILE).is_file())}


def find_preset(name: str | os.PathLike, near: Path | None = None) -> Preset:
    """A built-in preset by name, or the preset in a folder (a path with its `preset.toml`; a
    relative one is looked for in `near` too, the folder of the preset that extends it)."""
    presets = builtin_presets()
    if str(name) in presets:
        return presets[str(name)]
    for folder in [Path(name)] + ([near / name] if near is not None else []):
        if (folder / PRESET_FILE).is_file():
            return _read(folder)
    near = difflib.get_close_matches(str(name), sorted(presets), n=1)
    hint = f"did you mean {near[0]!r}?" if near else f"choose from {', '.join(sorted(presets))}"
    raise KhoiError(f"unknown preset {str(name)!r}; {hint} (or the path of a folder with a {PRESET_FILE})")


def chain(name: str | os.PathLike = DEFAULT) -> list[Preset]:
    """The preset, what it extends, and so on to `default`: the order templates are looked up in."""
    out = [find_preset(name)]
    while out[-1].extends is not None:
        if out[-1].extends in {p.name for p in out}:
            raise KhoiError(f"{out[-1].folder / PRESET_FILE}: preset {out[-1].name!r} extends "
                            f"{out[-1].extends!r}, which extends it back")
        out.append(find_preset(out[-1].extends, out[-1].folder.parent))
    if out[-1].name != DEFAULT:  # every lookup ends with the default look, which has every file
        out.append(find_preset(DEFAULT))
    return out
