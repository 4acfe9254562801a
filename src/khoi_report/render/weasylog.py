"""WeasyPrint's warnings, caught and set at the template line they come from.

WeasyPrint reports what it skipped (a CSS declaration or selector it could not parse, an image it
could not load or was refused) through its `weasyprint` logger, with positions in the rendered
HTML, which no template author has in front of them. `caught()` collects those records while the
PDF is laid out; `located()` finds the text each one quotes in the template files in effect and
words it as `file:line: message` (or `brief.pdf: message` when the text is not in any template).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import shown

LOGGER = "weasyprint"
TEXT_SUFFIXES = (".j2", ".css", ".html")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def caught() -> Iterator[list[str]]:
    """The messages WeasyPrint logs at warning level and above while the block runs."""
    logger = logging.getLogger(LOGGER)
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def _quoted(message: str) -> list[str]:
    """What a message quotes, the most telling first: a declaration in backticks, a selector or
    rule in quotes, an image's file name."""
    out = re.findall(r"`([^`]+)`", message)
    for url in re.findall(r"image at '([^']+)'", message):
        parsed = urlparse(url)
        out.append(Path(unquote(parsed.path)).name if parsed.scheme == "file" else url)
    out += [q.strip() for q in re.findall(r"'([^']+)'", message) if "://" not in q]
    return [q for q in out if q.strip()]


def _pattern(snippet: str) -> re.Pattern:
    """The snippet with any spacing around its words and punctuation (`colr: red` finds `colr:red`)."""
    parts = [re.escape(p) for p in re.split(r"\s+|(?=[:;,{}()])|(?<=[:;,{}()])", snippet.strip()) if p]
    return re.compile(r"\s*".join(parts))


def template_files(dirs: list[Path]) -> list[Path]:
    """Every text template in effect, in lookup order (yours first)."""
    seen: dict[str, Path] = {}
    for folder in dirs:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.suffix in TEXT_SUFFIXES and path.is_file() and name not in seen:
                seen[name] = path
    return list(seen.values())


def _worded(message: str) -> str:
    """An image WeasyPrint could not load, said plainly: refused, or not found."""
    failed = re.match(r"Failed to load image at '([^']+)': (?:\w+Error: )?(.*)$", message, re.S)
    if not failed:
        return message
    url, reason = failed[1], failed[2]
    parsed = urlparse(url)
    name = Path(unquote(parsed.path)).name if parsed.scheme == "file" else url
    if reason.startswith("refused to fetch"):
        return f"image {name!r} refused: {reason.split(': ', 1)[-1]}"
    if "not found" in reason:
        return f"image {name!r} not found in the templates folders"
    return f"image {name!r} could not be loaded: {reason}"


def located(messages: list[str], dirs: list[Path], output: str = "brief.pdf") -> list[str]:
    """Each message as `file:line: message` at the first template line holding what it quotes."""
    files = [(path, path.read_text("utf-8", "replace").splitlines()) for path in template_files(dirs)]
    out = []
    for message in dict.fromkeys(messages):
        text = _worded(re.sub(r" at \d+:\d+(?=[,.:])", "", message))  # a position in the rendered HTML
        where = None
        for snippet in _quoted(message):
            pattern = _pattern(snippet)
            where = next((f"{shown(path)}:{number}" for path, lines in files
                          for number, line in enumerate(lines, 1) if pattern.search(line)), None)
            if where:
                break
        out.append(f"{where or output}: {text}")
    return out
