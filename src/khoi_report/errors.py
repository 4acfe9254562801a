"""The one exception a user sees: a problem they can fix, worded as one line naming the file."""

from __future__ import annotations

import os


class KhoiError(Exception):
    """A problem the user can fix (bad input, a broken template). Its message is one line that
    names the file concerned; the CLI prints it and exits with code 2."""


def shown(path: str | os.PathLike) -> str:
    """A path as messages print it: relative to the working folder when it lies under it."""
    from pathlib import Path

    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
