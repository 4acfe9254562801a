"""Publish stage: rendered bytes to files in the output folder, atomically, with a manifest.

Every file is first written in full under a temporary name in the same folder, then all are
renamed into place: an interrupted build never leaves a truncated brief where a good one stood.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import __version__
from .models import Extraction, KhoiError


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(files: dict[str, bytes], extraction: Extraction) -> bytes:
    data = {
        "generator": f"khoi-report {__version__}",
        "inputs": [{"file": i.article.id, "sha256": i.article.sha256} for i in extraction.items],
        "outputs": [{"file": name, "bytes": len(data), "sha256": _sha256(data)} for name, data in sorted(files.items())],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_atomically(out: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none: temporary files first, then one rename each."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KhoiError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    staged: list[tuple[str, Path]] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a brief is an ordinary file
            staged.append((name, Path(tmp)))
        written = []
        for name, tmp in staged:
            os.replace(tmp, out / name)
            written.append(out / name)
        return written
    except OSError as exc:
        raise KhoiError(f"{out}: cannot write the outputs ({exc.strerror})") from None
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)


def publish(out: Path, rendered: dict[str, bytes], inputs: Path, extraction: Extraction) -> list[Path]:
    files = dict(rendered)
    files["manifest.json"] = manifest(rendered, extraction)
    return write_atomically(out, files)
