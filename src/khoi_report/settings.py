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
    # The document as a Party office issues it (preset `dang`): who issues it, its number, place,
    # signer and recipients. A value left out prints as a blank to fill in, never an error.
    parent_organisation: str | None = None  # the superior body: "Đảng bộ tỉnh Thái Nguyên"
    number: str | None = None  # number and symbol: "12-BC/ĐUK"
    place: str | None = None  # "Thái Nguyên"
    signer: str | None = None
    signer_title: str | None = None  # default: labels' "BÍ THƯ"
    on_behalf: str | None = None  # default: labels' "T/M BAN THƯỜNG VỤ"
    recipients: tuple[str, ...] = ()
    sign: Path | None = None  # a PKCS#12 key: every PDF is signed (passphrase: KHOI_REPORT_SIGN_PASSWORD)
    source: Path | None = field(default=None, compare=False)  # the file they were read from

    def __post_init__(self) -> None:
        for name in ("inputs", "out", "templates", "logo", "sign"):  # the API takes strings for paths too
            if isinstance(getattr(self, name), str):
                object.__setattr__(self, name, Path(getattr(self, name)))
        if isinstance(self.recipients, (str, list)):
            object.__setattr__(self, "recipients", (self.recipients,) if isinstance(self.recipients, str) else tuple(self.recipients))
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
        if self.sign is not None and "pdf" not in self.formats:
            raise KhoiError(f"{self.sign}: --sign signs the PDF; add --format pdf (or all)")
        if self.logo is not None and not Path(self.logo).is_file():
            raise KhoiError(f"{self.logo}: logo not found")
        return self

    def recorded(self) -> dict:
        """What the manifest records of them: what shapes the brief, with no machine's paths."""
        return {"formats": list(self.formats), "lang": self.lang, "title": self.title,
                "organisation": self.organisation, "edition": self.edition,
                "logo": self.logo.name if self.logo else None, "templates": "yours" if self.templates else None,
                "preset": self.preset, "cycle": self.cycle, "by_successor": self.by_successor,
                "pdf_variant": self.pdf_variant, "split": self.split, "signed": self.sign is not None,
                **self.document()}

    def document(self) -> dict:
        """The values of the issued document (header, number, signature, recipients), as given."""
        return {"parent_organisation": self.parent_organisation, "number": self.number, "place": self.place,
                "signer": self.signer, "signer_title": self.signer_title, "on_behalf": self.on_behalf,
                "recipients": list(self.recipients)}


# The template of `khoi-report init`: every setting, commented.
TEMPLATE = '''# khoi-report settings. Command-line options override these; paths are relative to this file.

# Folder of articles (.txt, .md, .html) and folder for the briefs.
inputs = "inputs"
out = "build"

# Which briefs to write: "pdf", "docx", "html" (one self-contained page for screens), any of them.
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

# The document as a Party office issues it (preset "dang"): the superior body, the number and
# symbol, the place, who signs and on whose behalf, and who receives it. Left out, each prints as a
# blank to fill in by hand.
# parent_organisation = "Đảng bộ tỉnh Thái Nguyên"
# number = "12-BC/ĐUK"
# place = "Thái Nguyên"
# signer = "Hoàng Anh Trung"
# signer_title = "BÍ THƯ"
# on_behalf = "T/M BAN THƯỜNG VỤ"
# recipients = ["Ban Thường vụ Tỉnh ủy (để báo cáo)", "Các đảng ủy cơ sở", "Lưu Văn phòng Đảng ủy Khối"]

# Sign every PDF with this PKCS#12 key (PAdES); the passphrase comes from the environment variable
# KHOI_REPORT_SIGN_PASSWORD, or is asked for. Never write the passphrase here.
# sign = "key.p12"

# Articles larger than this (in MB) are skipped with a warning.
# max_article_mb = 20

# Seconds a template may take to render before the build stops with an error.
# render_timeout = 60
'''

_PATHS = {"inputs", "out", "templates", "logo", "sign"}
_STRINGS = {"lang", "title", "organisation", "edition", "pdf_variant", "preset", "cycle", "parent_organisation",
            "number", "place", "signer", "signer_title", "on_behalf"}


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
        elif key == "recipients":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise KhoiError(f"{where}: recipients must be a list of strings")
            values[key] = tuple(value)
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
