"""The Python API behind the CLI: gather everything from every article first, then write.

    from khoi_report import extract, build
    extraction = extract("inputs")                  # ingest + extract + check
    result = build("inputs", "build", formats=("pdf", "docx"))
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .extraction import catalogue as catalogue_mod
from .extraction import gazetteer as gazetteer_mod
from .extraction import ingest
from .extraction.folder import Progress, extract_folder
from .extraction.ingest import MAX_ARTICLE_MB
from .digest import file_sha256
from .errors import KhoiError
from .messages import message
from .models import Extraction

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("pdf", "docx")


def extract(inputs: str | os.PathLike, progress: Progress | None = None, cache: dict | None = None,
            max_article_mb: float = MAX_ARTICLE_MB, workers: int | None = None,
            store: bool | os.PathLike = True) -> Extraction:
    """Read, extract and check every article of a folder (see `extract.folder.extract_folder`)."""
    from .check import check

    extraction = extract_folder(Path(inputs), progress, cache, max_article_mb, workers, store)
    extraction.findings += check(extraction.items, catalogue_mod.load(), gazetteer_mod.load())
    return extraction


@dataclass
class Tables:
    articles: pd.DataFrame
    observations: pd.DataFrame
    blocs: pd.DataFrame
    findings: pd.DataFrame


def tables(extraction: Extraction, corrections: Path | None = None) -> Tables:
    """The extraction as frames, with the corrections of a `corrections.toml` applied."""
    from . import corrections as corrections_mod
    from .frame import articles_frame, blocs_frame, findings_frame, observations_frame

    cat = catalogue_mod.load()
    articles = articles_frame(extraction)
    observations = observations_frame(extraction, articles)
    frames = Tables(articles, observations, blocs_frame(articles, observations, cat), findings_frame(extraction.findings))
    fixes = corrections_mod.load(corrections, set(frames.blocs["bloc"])) if corrections else []
    return corrections_mod.apply(frames, fixes)


def build_date() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds: same inputs, same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except ValueError:
            raise KhoiError(f"SOURCE_DATE_EPOCH={epoch!r}: not a number of seconds") from None
    return dt.date.today()


def build_with(settings, **kwargs) -> BuildResult:
    """`build` from a `Settings` (see `settings`)."""
    return build(settings.inputs, settings.out, settings.formats, templates=settings.templates, lang=settings.lang,
                 title=settings.title, organisation=settings.organisation, edition=settings.edition,
                 logo=settings.logo, pdf_variant=settings.pdf_variant, max_article_mb=settings.max_article_mb,
                 render_timeout=settings.render_timeout, **kwargs)


# Findings on input files that gave no article: each is also a warning line on the command line.
SKIPPED = ("binary", "unreadable", "empty", "too_large", "outside_link", "extract_failed")


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    extraction: Extraction | None = None  # None when the briefs were up to date
    warnings: list[str] = field(default_factory=list)  # from rendering, e.g. characters no font can draw
    up_to_date: bool = False  # nothing changed since the last build: nothing was written
    findings: dict[str, int] = field(default_factory=dict)  # how many of each severity


def build(inputs: str | os.PathLike = "inputs", out: str | os.PathLike = "build",
          formats: Iterable[str] = FORMATS, templates: str | os.PathLike | None = None,
          lang: str = "vi", title: str | None = None, organisation: str | None = None,
          edition: str | None = None, logo: str | os.PathLike | None = None, today: dt.date | None = None,
          pdf_variant: str | None = None, split: bool = False, max_article_mb: float = MAX_ARTICLE_MB,
          progress: Progress | None = None, cache: dict | None = None,
          store: bool | os.PathLike = True, force: bool = False, render_timeout: float | None = None) -> BuildResult:
    """Render the comparative brief. Nothing is written unless every format rendered, and
    nothing at all when the briefs in `out` were built from the same sources and settings by
    this version of the tool and are intact (unless `force`)."""
    from . import publish as publish_mod
    from .templates import RENDER_TIMEOUT, files_in_effect

    inputs, out = Path(inputs), Path(out)
    formats = tuple(dict.fromkeys(formats))
    today = today or build_date()
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise KhoiError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    if logo is not None and not Path(logo).is_file():
        raise KhoiError(f"{logo}: logo not found")
    used = {"formats": list(formats), "lang": lang, "title": title, "organisation": organisation,
            "edition": edition, "logo": Path(logo).name if logo else None, "templates": "yours" if templates else None,
            "pdf_variant": pdf_variant, "split": split, "date": today.isoformat()}
    template_files = files_in_effect(templates)
    fixes = inputs / "corrections.toml"
    if fixes.is_file():
        used["corrections"] = file_sha256(fixes)
    sources = [*ingest.input_files(inputs), fixes, *([Path(logo)] if logo else []), *(t.path for t in template_files)]
    recipe = publish_mod.recipe({**used, "max_article_mb": max_article_mb}, sources, inputs)
    if not force and (previous := publish_mod.up_to_date(out, recipe)):
        return BuildResult(up_to_date=True, findings=previous.get("findings", {}))

    extraction = extract(inputs, progress, cache, max_article_mb, store=store)
    context, exports = _context(extraction, inputs, cache, used.get("corrections"), lang=lang, title=title, organisation=organisation,
                                edition=edition, logo=str(logo) if logo else None, today=today)
    from .render import render_all

    warnings = [message(f) for f in extraction.findings if f.code in SKIPPED]
    csv = {name: data for name, data in exports.items() if name.endswith(".csv")}
    timeout = render_timeout or RENDER_TIMEOUT
    rendered = render_all(context, formats, templates=templates, progress=progress, warnings=warnings,
                          attachments=csv, pdf_variant=pdf_variant, timeout=timeout)
    if split:  # one brief per bloc, for sending each bloc its own: blocs/<bloc id>.pdf
        from .context import for_bloc

        for bloc in context["blocs"]:
            own = render_all(for_bloc(context, bloc["id"]), formats, templates=templates, pdf_variant=pdf_variant,
                             timeout=timeout)
            rendered.update({f"blocs/{bloc['id']}{Path(name).suffix}": data for name, data in own.items()})
    rendered.update(exports)
    written = publish_mod.publish(out, rendered, extraction, used, template_files, recipe)
    severities = [f.severity for f in extraction.findings]
    return BuildResult(written, extraction, warnings,
                       findings={level: severities.count(level) for level in ("error", "warning", "info")})


def _context(extraction: Extraction, inputs: Path, cache: dict | None, corrections: str | None,
             **options) -> tuple[dict, dict[str, bytes]]:
    """The template context and the data exports. In `watch`, unchanged articles, corrections
    and settings give the same context: it is reused."""
    from .context import build_context
    from .export import data_files

    key = ("context", tuple(id(item) for item in extraction.items), corrections, *sorted(options.items()))
    if cache is not None and key in cache:
        return cache[key]
    data = tables(extraction, inputs / "corrections.toml")
    made = build_context(data, **options), data_files(data, options["today"])
    if cache is not None:
        cache[key] = made
    return made
