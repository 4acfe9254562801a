"""Drawn charts and maps kept on disk by content, like extraction results: a rebuild whose pictures
did not change neither draws them nor imports matplotlib.

A picture's name is the SHA-256 of what it shows (its data, its look, the format), the code that
draws it and matplotlib's version, so an entry can never be stale; files unused for `KEEP_DAYS`
are removed. The cache is only a shortcut: when its folder cannot be read or written the picture
is drawn as if it were empty.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

from ..extraction.store import KEEP_DAYS, default_folder

FOLDER = "pictures"


@cache
def _code() -> str:
    """The drawing code and the library it calls: a change to either draws every picture anew."""
    digest = hashlib.sha256(metadata.version("matplotlib").encode())
    here = Path(__file__).parent
    for name in ("charts.py", "maps.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def cached(what: str, fmt: str, draw: Callable[[], bytes], folder: Path | None = None) -> bytes:
    """The picture `what` (a text that determines it entirely) in `fmt`, from the cache or `draw`."""
    root = (folder or default_folder()) / FOLDER
    name = hashlib.sha256(f"{_code()}\n{fmt}\n{what}".encode()).hexdigest()
    path = root / f"{name}.{fmt}"
    try:
        data = path.read_bytes()
        os.utime(path)  # still in use
        return data
    except OSError:
        pass
    data = draw()
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)
        _prune(root)
    except OSError:
        pass
    return data


def _prune(root: Path) -> None:
    """Remove pictures no build has used for `KEEP_DAYS`."""
    limit = time.time() - KEEP_DAYS * 86400
    for path in root.iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass
