"""Settings: `khoi-report.toml` in the working folder, overridden by command-line options.

Every key is known: a misspelt one is an error naming the key and its line, not silently ignored.
Paths in the file are relative to the file's folder.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import KhoiError

FILE_NAME = "khoi-report.toml"


@dataclass(frozen=True)
class Settings:
    inputs: Path = Path("inputs")
    out: Path = Path("build")
    formats: tuple[str, ...] = ("pdf", "docx")
    templates: Path | None = None
    lang: str = "vi"
    title: str | None = None
    organisation: str | None = None
    edition: str | None = None
    logo: Path | None = None
    pdf_variant: str | None = None
    max_article_mb: float = 20.0
    render_timeout: float = 60.0  # see templates.RENDER_TIMEOUT
    source: Path | None = field(default=None, compare=False)  # the file they were read from

    def with_options(self, **options) -> Settings:
        """These settings with every option that was given (not None) taking precedence."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


# The template of `khoi-report init`: every setting, commented.
TEMPLATE = '''# khoi-report settings. Command-line options override these; paths are relative to this file.

# Folder of articles (.txt, .md, .html) and folder for the briefs.
inputs = "inputs"
out = "build"

# Which briefs to write: "pdf", "docx" or both.
formats = ["pdf", "docx"]

# Your templates: files here replace the built-in ones of the same name, one by one.
templates = "templates"

# Language of the brief's words, numbers and dates: "vi" or "en" (quotes stay in Vietnamese).
lang = "vi"

# Shown on the cover and in the documents' properties. Leave out to use the defaults.
# title = "Báo cáo so sánh Đại hội các Đảng bộ Khối"
# organisation = "Ban Tổ chức Tỉnh ủy"
# edition = "Bản 1"

# An image (PNG, JPEG or SVG) for the cover.
# logo = "logo.png"

# An archival PDF for records offices: "pdf/a-3b" (keeps the data tables attached), "pdf/a-2b", "pdf/ua-1", ...
# pdf_variant = "pdf/a-3b"

# Articles larger than this (in MB) are skipped with a warning.
# max_article_mb = 20

# Seconds a template may take to render before the build stops with an error.
# render_timeout = 60
'''

_PATHS = {"inputs", "out", "templates", "logo"}
_STRINGS = {"lang", "title", "organisation", "edition", "pdf_variant"}


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1


def load(path: Path) -> Settings:
    """Read a settings file; a problem is a KhoiError naming the file and line."""
    try:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise KhoiError(f"{path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise KhoiError(f"{path}: {exc}") from None
    known = {f.name for f in fields(Settings)} - {"source"}
    values: dict = {}
    for key, value in data.items():
        where = f"{path}:{_line_of(text, key)}"
        if key not in known:
            import difflib

            near = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; known keys: {', '.join(sorted(known))}"
            raise KhoiError(f"{where}: unknown setting {key!r}{hint}")
        if key in _PATHS or key in _STRINGS:
            if not isinstance(value, str):
                raise KhoiError(f"{where}: {key} must be a string")
            values[key] = (path.parent / value) if key in _PATHS else value
        elif key in ("max_article_mb", "render_timeout"):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise KhoiError(f"{where}: {key} must be a positive number")
            values[key] = float(value)
        elif key == "formats":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not value or any(v not in ("pdf", "docx") for v in value):
                raise KhoiError(f"{where}: formats must be a list of \"pdf\" and \"docx\"")
            values[key] = tuple(dict.fromkeys(value))
    return Settings(**values, source=path)


def find(folder: Path = Path(".")) -> Settings:
    """The settings of a working folder: its khoi-report.toml, or the defaults."""
    path = folder / FILE_NAME
    return load(path) if path.is_file() else Settings()
