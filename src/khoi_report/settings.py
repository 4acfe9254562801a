"""Settings: `khoi-report.toml` in the working folder, overridden by command-line options, as one
`Settings` object that flows from the CLI through the pipeline (`build(settings)`).

Every key is known: a misspelt one is an error naming the key and its line, not silently ignored.
Paths in the file are relative to the file's folder. The formats and presets a setting may name
are those registered (`render.formats`, `render.presets`).
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
    formats: tuple[str, ...] = ("pdf", "docx")  # render.formats.DEFAULT
    templates: Path | None = None
    preset: str = "default"
    lang: str = "vi"
    cycle: str | None = None  # the term compared, "2020-2025"; default: the latest with a congress
    by_successor: bool = False  # also the last Khối term beside the 2025 bodies', by the 34 provinces
    title: str | None = None
    organisation: str | None = None
    edition: str | None = None
    logo: Path | None = None
    pdf_variant: str | None = None
    split: bool = False  # also one brief per bloc: blocs/<bloc>.pdf, ...
    max_article_mb: float = 20.0
    render_timeout: float = 60.0  # see templates.RENDER_TIMEOUT
    source: Path | None = field(default=None, compare=False)  # the file they were read from

    def __post_init__(self) -> None:
        for name in ("inputs", "out", "templates", "logo"):  # the API takes strings for paths too
            if isinstance(getattr(self, name), str):
                object.__setattr__(self, name, Path(getattr(self, name)))
        if isinstance(self.formats, (str, list)):
            object.__setattr__(self, "formats", (self.formats,) if isinstance(self.formats, str) else tuple(self.formats))

    def with_options(self, **options) -> Settings:
        """These settings with every option that was given (not None) taking precedence."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})

    def check(self) -> Settings:
        """These settings, or a one-line error for a format, preset or logo that does not exist."""
        from .render.formats import FORMATS
        from .render.presets import find_preset

        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown:
            raise KhoiError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
        find_preset(self.preset)
        if self.cycle is not None and not re.fullmatch(r"\d{4}-\d{4}", self.cycle):
            raise KhoiError(f"cycle {self.cycle!r}: write a term as 2020-2025")
        if self.logo is not None and not Path(self.logo).is_file():
            raise KhoiError(f"{self.logo}: logo not found")
        return self

    def recorded(self) -> dict:
        """What the manifest records of them: what shapes the brief, with no machine's paths."""
        return {"formats": list(self.formats), "lang": self.lang, "title": self.title,
                "organisation": self.organisation, "edition": self.edition,
                "logo": self.logo.name if self.logo else None, "templates": "yours" if self.templates else None,
                "preset": self.preset, "cycle": self.cycle, "by_successor": self.by_successor,
                "pdf_variant": self.pdf_variant, "split": self.split}


# The template of `khoi-report init`: every setting, commented.
TEMPLATE = '''# khoi-report settings. Command-line options override these; paths are relative to this file.

# Folder of articles (.txt, .md, .html) and folder for the briefs.
inputs = "inputs"
out = "build"

# Which briefs to write: "pdf", "docx" or both.
formats = ["pdf", "docx"]

# Your templates: files here replace those of the preset of the same name, one by one.
templates = "templates"

# The look of the brief: a built-in preset ("default") or the folder of your own preset.
# preset = "default"

# Language of the brief's words, numbers and dates: "vi" or "en" (quotes stay in Vietnamese).
lang = "vi"

# The term whose congresses are compared; blocs with congresses only in other terms are listed,
# not ranked. Leave out for the latest term with a congress.
# cycle = "2020-2025"

# Also set the last Khối term beside the first term of the 2025 bodies, by the 34 provinces.
# by_successor = false

# Shown on the cover and in the documents' properties. Leave out to use the defaults.
# title = "Báo cáo so sánh Đại hội các Đảng bộ Khối"
# organisation = "Ban Tổ chức Tỉnh ủy"
# edition = "Bản 1"

# An image (PNG, JPEG or SVG) for the cover.
# logo = "logo.png"

# An archival PDF for records offices: "pdf/a-3b" (keeps the data tables attached), "pdf/a-2b", "pdf/ua-1", ...
# pdf_variant = "pdf/a-3b"

# Also write one brief per bloc (blocs/<bloc>.pdf, ...), to send each bloc its own.
# split = false

# Articles larger than this (in MB) are skipped with a warning.
# max_article_mb = 20

# Seconds a template may take to render before the build stops with an error.
# render_timeout = 60
'''

_PATHS = {"inputs", "out", "templates", "logo"}
_STRINGS = {"lang", "title", "organisation", "edition", "pdf_variant", "preset", "cycle"}


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
            if key == "preset" and (path.parent / value / "preset.toml").is_file():
                values[key] = str(path.parent / value)  # a preset folder beside the settings file
        elif key in ("max_article_mb", "render_timeout"):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise KhoiError(f"{where}: {key} must be a positive number")
            values[key] = float(value)
        elif key in ("split", "by_successor"):
            if not isinstance(value, bool):
                raise KhoiError(f"{where}: {key} must be true or false")
            values[key] = value
        elif key == "formats":
            from .render.formats import FORMATS

            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not value or any(v not in FORMATS for v in value):
                choices = " and ".join(f'"{name}"' for name in FORMATS)
                raise KhoiError(f"{where}: formats must be a list of {choices}")
            values[key] = tuple(dict.fromkeys(value))
    return Settings(**values, source=path)


def find(folder: Path = Path(".")) -> Settings:
    """The settings of a working folder: its khoi-report.toml, or the defaults."""
    path = folder / FILE_NAME
    return load(path) if path.is_file() else Settings()
