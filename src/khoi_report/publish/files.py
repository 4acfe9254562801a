"""Writing the outputs: every file in full under a temporary name in the same folder, then all
renamed into place, so an interrupted build never leaves a truncated brief where a good one stood.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import KhoiError


def _special(path: Path) -> bool:
    """A device or a pipe (`extract --json /dev/stdout`, `/dev/null`): written into, never
    renamed over — a rename would put an ordinary file where the device was."""
    return path.exists() and not path.is_file() and not path.is_dir()


def write_atomically(out: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none: temporary files first, then one rename each (a device or a pipe
    is written into once the others are staged)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KhoiError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    staged: list[tuple[str, Path]] = []
    special = {name: data for name, data in files.items() if _special(out / name)}
    umask = os.umask(0)
    os.umask(umask)
    try:
        for name, data in files.items():
            if name in special:
                continue
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a brief is an ordinary file
            staged.append((name, Path(tmp)))
        written = []
        for name, data in special.items():
            with open(out / name, "wb") as fh:
                fh.write(data)
            written.append(out / name)
        for name, tmp in staged:
            os.replace(tmp, out / name)
            written.append(out / name)
        return written
    except OSError as exc:
        raise KhoiError(f"{out}: cannot write the outputs ({exc.strerror})") from None
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
