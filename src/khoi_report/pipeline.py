"""The Python API behind the CLI: gather everything from every article first, then write.

    from khoi_report import build, extract
    from khoi_report.settings import Settings
    extraction = extract("inputs")                           # extraction + check
    result = build(Settings(inputs=Path("inputs"), formats=("pdf",)))

The stages run in the order of the packages: extraction -> check -> tables -> render -> publish.
This module only wires them: one `Settings` in, files out (through `publish`, the one place that
writes), `preview` (one format in memory, for `serve`), and `template_context`, the one way to the
template context from settings.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .digest import file_sha256
from .errors import KhoiError
from .extraction import catalogue as catalogue_mod
from .extraction import gazetteer as gazetteer_mod
from .extraction.folder import Progress, extract_folder
from .extraction.ingest import MAX_ARTICLE_MB, input_files
from .models import Extraction
from .settings import Settings

if TYPE_CHECKING:  # pandas is imported only when a build has something to do
    from concurrent.futures import Executor

    from .tables import Tables

CORRECTIONS = "corrections.toml"  # in the inputs folder
# Findings on input files that gave no article: each is also a warning line on the command line.
SKIPPED = ("binary", "unreadable", "empty", "too_large", "outside_link", "extract_failed")


def extract(inputs: str | os.PathLike, progress: Progress | None = None, cache: dict | None = None,
            max_article_mb: float = MAX_ARTICLE_MB, workers: int | None = None,
            store: bool | os.PathLike = True) -> Extraction:
    """Read, extract and check every article of a folder (see `extraction.folder.extract_folder`)."""
    from .check import check

    extraction = extract_folder(Path(inputs), progress, cache, max_article_mb, workers, store)
    extraction.findings += check(extraction.items, catalogue_mod.load(), gazetteer_mod.load())
    return extraction


def build_date() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds: same inputs, same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except ValueError:
            raise KhoiError(f"SOURCE_DATE_EPOCH={epoch!r}: not a number of seconds") from None
    return dt.date.today()


def corrected_tables(settings: Settings, extraction: Extraction) -> Tables:
    """The extraction as tables, with the corrections of the inputs folder's `corrections.toml`."""
    from .tables import tabulate

    return tabulate(extraction, settings.inputs / CORRECTIONS, settings.cycle)


def template_context(settings: Settings, extraction: Extraction, today: dt.date | None = None,
                     tables: Tables | None = None) -> dict:
    """The template context of these settings and this extraction: what `build`, `watch`,
    `context --json`, `templates check` and the reference page all render from."""
    from .render.context import build_context

    return build_context(tables if tables is not None else corrected_tables(settings, extraction),
                         lang=settings.lang, title=settings.title, organisation=settings.organisation,
                         edition=settings.edition, logo=str(settings.logo) if settings.logo else None,
                         today=today or build_date(), by_successor=settings.by_successor,
                         document=settings.document())


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    extraction: Extraction | None = None  # None when the briefs were up to date
    warnings: list[str] = field(default_factory=list)  # skipped inputs; from rendering, e.g. glyphs no font has
    up_to_date: bool = False  # nothing changed since the last build: nothing was written
    findings: dict[str, int] = field(default_factory=dict)  # how many of each severity


def build(settings: Settings, *, today: dt.date | None = None, progress: Progress | None = None,
          cache: dict | None = None, store: bool | os.PathLike = True, force: bool = False,
          sign_password: str | None = None) -> BuildResult:
    """Render the comparative brief. Nothing is written unless every format rendered, and
    nothing at all when the briefs in `settings.out` were built from the same sources and
    settings by this version of the tool and are intact (unless `force`). `cache` is a dict kept
    between builds in one process (`watch`); `store` the on-disk extraction cache (see `extract`).
    With `settings.sign`, every PDF is signed with that key, opened with `sign_password`."""
    from . import publish
    from .render.templates import files_in_effect

    settings = settings.check()
    signer = _signer(settings, sign_password)  # a bad key or passphrase stops the build before any work
    today = today or build_date()
    used = {**settings.recorded(), "date": today.isoformat()}
    template_files = files_in_effect(settings.templates, settings.preset)
    fixes = settings.inputs / CORRECTIONS
    if fixes.is_file():
        used["corrections"] = file_sha256(fixes)
    sources = [*input_files(settings.inputs), fixes, *([settings.logo] if settings.logo else []),
               *([settings.sign] if settings.sign else []), *(t.path for t in template_files)]
    recipe = publish.recipe({**used, "max_article_mb": settings.max_article_mb}, sources, settings.inputs)
    if not force and (previous := publish.up_to_date(settings.out, recipe)):
        return BuildResult(up_to_date=True, findings=previous.get("findings", {}))

    from .render import worker

    # A one-off build starts the PDF's process now. `watch` and `serve` (a `cache`) render in their
    # own process, as they did: forking a process that serves pages from threads can deadlock.
    with worker(settings.formats if cache is None else ()) as aside:
        extraction = extract(settings.inputs, progress, cache, settings.max_article_mb, store=store)
        made = _made(settings, extraction, today, cache, used.get("corrections"))
        rendered, warnings = _render(settings, made, progress, aside)
    written = publish.publish(settings.out, rendered, extraction, used, template_files, recipe, signer)
    from .wording import message

    severities = [f.severity for f in extraction.findings]
    skipped = [message(f) for f in extraction.findings if f.code in SKIPPED]
    return BuildResult(written, extraction, skipped + warnings,
                       findings={level: severities.count(level) for level in ("error", "warning", "info")})


def preview(settings: Settings, fmt: str, *, today: dt.date | None = None,
            cache: dict | None = None) -> tuple[bytes, list[str]]:
    """One format of the brief rendered in memory, writing nothing, and its warnings: what
    `serve` shows at once while `build` lays out the rest. With the same `cache` as the build
    that follows, the articles are extracted and the context made only once."""
    from .render import render_all
    from .render.formats import FORMATS, Job

    settings = settings.check()
    if fmt not in FORMATS:
        raise KhoiError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    fixes = settings.inputs / CORRECTIONS
    extraction = extract(settings.inputs, None, cache, settings.max_article_mb)
    made = _made(settings, extraction, today or build_date(), cache, file_sha256(fixes) if fixes.is_file() else None)
    job = Job.of(settings.templates, settings.preset, settings.render_timeout)
    return render_all(made.context, (fmt,), job)[FORMATS[fmt].file], job.warnings


def _signer(settings: Settings, password: str | None):
    """A function that signs PDF bytes with the settings' key (None without `sign`); the visible
    signature's words are set in the templates' Noto Serif (pyHanko spaces Liberation Serif's
    glyphs wrongly)."""
    if settings.sign is None:
        return None
    from .publish.sign import load_key, sign_pdf
    from .render.templates import template_dirs

    key = load_key(settings.sign, password)
    fonts = [d / "fonts" / name for d in template_dirs(settings.templates, settings.preset)
             for name in ("NotoSerif-Regular.ttf",)]
    font = next((f for f in fonts if f.is_file()), None)
    return lambda data: sign_pdf(data, key, font)


def _render(settings: Settings, made: _Made, progress: Progress | None,
            aside: Executor | None) -> tuple[dict[str, bytes], list[str]]:
    """Every format of the settings and the data files, and with `split` one brief per bloc:
    blocs/<bloc id>.pdf. The PDF goes to the `aside` worker (see `render.worker`), which
    lays it out while the other formats and the spreadsheets are made here."""
    from .render import render_all
    from .render.context import for_bloc
    from .render.formats import Job

    job = Job.of(settings.templates, settings.preset, settings.render_timeout, pdf_variant=settings.pdf_variant,
                 attachments=made.csv)
    rendered = render_all(made.context, settings.formats, job, progress, aside, meanwhile=made.spreadsheets)
    rendered.update(made.csv)
    if settings.split:
        for bloc in made.context["blocs"]:
            own = render_all(for_bloc(made.context, bloc["id"]), settings.formats,
                             Job(job.dirs, job.timeout, job.pdf_variant), aside=aside)
            rendered.update({f"blocs/{bloc['id']}{Path(name).suffix}": data for name, data in own.items()})
    return rendered, job.warnings


@dataclass
class _Made:
    """What a build renders from: the context, the data tables (`csv` first: the PDF carries
    them) and, made once while the PDF lays out, the spreadsheets. `watch` keeps it between builds."""

    context: dict
    frames: dict
    csv: dict[str, bytes]
    day: dt.date
    _spreadsheets: dict[str, bytes] | None = None

    def spreadsheets(self) -> dict[str, bytes]:
        from .tables.export import spreadsheets

        if self._spreadsheets is None:
            self._spreadsheets = spreadsheets(self.frames, self.day)
        return self._spreadsheets


def _made(settings: Settings, extraction: Extraction, today: dt.date, cache: dict | None,
          corrections: str | None) -> _Made:
    """The template context and the data tables. In `watch`, unchanged articles, corrections
    and settings give the same context: it is reused."""
    from .tables.export import csv_tables, data_frames

    key = ("context", tuple(id(item) for item in extraction.items), corrections, settings, today)
    if cache is not None and key in cache:
        return cache[key]
    tables = corrected_tables(settings, extraction)
    frames = data_frames(tables)
    made = _Made(template_context(settings, extraction, today, tables), frames, csv_tables(frames), today)
    if cache is not None:
        cache[key] = made
    return made
