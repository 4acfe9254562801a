"""Extraction results kept on disk by article content, so an unchanged article is never read
and extracted twice: a rebuild of an unchanged corpus costs reading and hashing its files.

One SQLite file per version of the extractor (every module of this package, the plain data it
produces and the data files, hashed): a new version starts afresh, and files left unused for 30
days are removed. Entries are JSON, never pickles: loading a cache file must not run code, and a
cache folder is the kind of place that ends up shared. The store is only a shortcut: when it
cannot be opened, read or written, or an entry does not parse, extraction runs as if it were empty.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from functools import cache
from importlib import resources
from pathlib import Path

from ..digest import file_sha256
from ..models import ExtractedArticle

__all__ = ["KEEP_DAYS", "Store", "code_files", "content_key", "file_sha256", "fingerprint", "open_store", "pack", "unpack"]

KEEP_DAYS = 30
_BATCH = 500  # keys per SELECT, well under SQLite's limit on parameters


def default_folder() -> Path:
    """$KHOI_REPORT_CACHE, else the XDG cache folder (~/.cache/khoi-report)."""
    if os.environ.get("KHOI_REPORT_CACHE"):
        return Path(os.environ["KHOI_REPORT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "khoi-report"


# What an extraction result depends on, relative to the package: every module of the extract
# stage (walked, however deep), the plain data it is made of, and what the extractor knows.
EXTRACTOR = ("extraction/**/*.py", "models.py", "datafiles.py", "data/*.toml")


def code_files(patterns: tuple[str, ...] = EXTRACTOR) -> list[Path]:
    """The package's files matching `patterns`, in a fixed order."""
    package = Path(str(resources.files("khoi_report")))
    return sorted({path for pattern in patterns for path in package.glob(pattern)})


@cache
def fingerprint(patterns: tuple[str, ...] = EXTRACTOR) -> str:
    """A version of the code matching `patterns` (default: the extractor) and of the Python that runs it."""
    package = Path(str(resources.files("khoi_report")))
    digest = hashlib.sha256(sys.version.encode())
    for path in code_files(patterns):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def content_key(sha256: str, path: Path) -> str:
    """Same bytes read the same way give the same article: HTML and text are read differently."""
    return f"{sha256}:{'html' if path.suffix.lower() in ('.html', '.htm') else 'text'}"


class Store:
    """`get`/`put` of `ExtractedArticle`s by `content_key`, in one SQLite file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.path = folder / f"extract-{fingerprint()}.sqlite"
        self._db = self._connect()
        _prune(folder, keep=self.path)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS article (key TEXT PRIMARY KEY, item BLOB NOT NULL)")
        except sqlite3.DatabaseError:  # not a database (a truncated or foreign file): start afresh
            db.close()
            self.path.unlink()
            db = sqlite3.connect(self.path, timeout=10)
            db.execute("CREATE TABLE IF NOT EXISTS article (key TEXT PRIMARY KEY, item BLOB NOT NULL)")
        os.utime(self.path)
        return db

    def get(self, keys: list[str]) -> dict[str, bytes]:
        """The stored results among `keys`, still packed: `unpack` each where it is used (two
        files with the same bytes become two articles)."""
        found: dict[str, bytes] = {}
        unique = list(dict.fromkeys(keys))
        try:
            for i in range(0, len(unique), _BATCH):
                batch = unique[i : i + _BATCH]
                rows = self._db.execute(f"SELECT key, item FROM article WHERE key IN ({','.join('?' * len(batch))})",
                                        batch)
                found.update(rows)
        except sqlite3.Error:
            return {}
        return found

    def put(self, items: dict[str, ExtractedArticle]) -> None:
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)",
                                     ((key, pack(item)) for key, item in items.items()))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        self._db.close()


def open_store(folder: Path | None = None) -> Store | None:
    """The store in `folder` (default: `default_folder()`), or None when it cannot be used."""
    try:
        return Store(folder or default_folder())
    except (OSError, sqlite3.Error):
        return None


def pack(item: ExtractedArticle) -> bytes:
    return zlib.compress(json.dumps(item.to_plain(), ensure_ascii=False, separators=(",", ":")).encode(), 1)


def unpack(blob: bytes) -> ExtractedArticle | None:
    """A stored result, or None if the entry cannot be read (a damaged entry is a miss, not a failed build)."""
    try:
        return ExtractedArticle.from_plain(json.loads(zlib.decompress(blob)))
    except Exception:
        return None


def _prune(folder: Path, keep: Path) -> None:
    """Remove the files of other extractor versions that no build has used for KEEP_DAYS."""
    cutoff = time.time() - KEEP_DAYS * 86400
    for old in folder.glob("extract-*.sqlite"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
