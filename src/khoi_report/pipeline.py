"""The Python API behind the CLI: gather everything from every article first, then write.

    from khoi_report import extract, build
    extraction = extract("inputs")                  # ingest + extract + check
    result = build("inputs", "build", formats=("pdf", "docx"))
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import catalogue as catalogue_mod
from . import gazetteer as gazetteer_mod
from . import ingest
from .extract import extract_article
from .ingest import MAX_ARTICLE_MB
from .messages import finding
from .models import Article, ExtractedArticle, Extraction, KhoiError

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[str, int, int], None]
FORMATS = ("pdf", "docx")


PARALLEL_FROM = 200  # articles; below this, starting worker processes costs more than it saves


def _extract_one(article: Article) -> tuple[tuple | None, str | None]:
    """One article's metadata and observations, or why they could not be read (runs in worker
    processes too: the article itself is not sent back, the caller has it)."""
    try:
        item = extract_article(article, catalogue_mod.load(), gazetteer_mod.load())
        return (item.meta, item.observations), None
    except Exception as exc:  # a bug met on one article must not cost the whole brief
        return None, f"{type(exc).__name__}: {exc}"


def extract(inputs: str | os.PathLike, progress: Progress | None = None, cache: dict | None = None,
            max_article_mb: float = MAX_ARTICLE_MB, workers: int | None = None,
            store: bool | os.PathLike = True) -> Extraction:
    """Read, extract and check every article of a folder.

    An article whose bytes were extracted before by this version of the tool is taken from the
    on-disk `store` (True: the user's cache folder; a path: that folder; False: none), or from
    `cache`, a dict kept between calls in one process (`watch`). The rest are extracted on all
    cores when there are many (`workers`, default: every core from PARALLEL_FROM articles on).
    An article that cannot be extracted becomes an error finding; the others still make the brief.
    """
    from .check import check
    from .publish import file_sha256
    from .store import content_key, open_store, unpack

    folder = Path(inputs)
    cat, gaz = catalogue_mod.load(), gazetteer_mod.load()
    paths, findings = ingest.scan(folder, max_article_mb)
    memory = cache if cache is not None else {}
    disk = open_store(None if store is True else Path(store)) if store else None
    try:
        keys = {path: content_key(file_sha256(path), path) for path in paths}
        stored = disk.get([k for p, k in keys.items() if (p.name, k) not in memory]) if disk else {}
        items: dict[Path, ExtractedArticle] = {}
        todo: list[Article] = []
        for path in paths:
            key = keys[path]
            item = memory.get((path.name, key)) or (unpack(stored[key], path) if key in stored else None)
            if item is not None:
                items[path] = memory[(path.name, key)] = item
                continue
            article, problem = ingest.read_usable(path)
            if problem:
                findings.append(problem)
            else:
                todo.append(article)
        fresh = {}
        for item in _extract_all(todo, findings, workers, progress):
            key = content_key(item.article.sha256, item.article.path)
            items[item.article.path] = memory[(item.article.id, key)] = fresh[key] = item
        if disk and fresh:
            disk.put(fresh)
    finally:
        if disk:
            disk.close()
    ordered = [items[p] for p in paths if p in items]
    if not ordered and not any(f.code == "extract_failed" for f in findings):
        raise KhoiError(f"{folder}: no article has any text")
    findings += ingest.mark_duplicates([item.article for item in ordered])
    return Extraction(ordered, findings + check(ordered, cat, gaz))


def _extract_all(articles: list[Article], findings: list, workers: int | None,
                 progress: Progress | None) -> list[ExtractedArticle]:
    """Extract articles, on every core when there are many; failures become findings."""
    if workers is None:
        workers = (os.cpu_count() or 1) if len(articles) >= PARALLEL_FROM else 1
    if workers > 1 and len(articles) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_extract_one, articles, chunksize=16)
            outcomes = list(_counted(results, len(articles), progress))
    else:
        outcomes = list(_counted(map(_extract_one, articles), len(articles), progress))
    done = []
    for article, (read, error) in zip(articles, outcomes):
        if error:
            findings.append(finding("error", "extract_failed", {"article": article.id, "error": error}, article.id))
        else:
            done.append(ExtractedArticle(article, *read))
    return done


def _counted(results, total: int, progress: Progress | None):
    for i, result in enumerate(results, 1):
        if progress:
            progress("extract", i, total)
        yield result


@dataclass
class Tables:
    articles: pd.DataFrame
    observations: pd.DataFrame
    blocs: pd.DataFrame
    findings: pd.DataFrame
    corrections: list = field(default_factory=list)  # the corrections applied, with their reasons and lines


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
        used["corrections"] = publish_mod.file_sha256(fixes)
    sources = [*ingest.input_files(inputs), fixes, *([Path(logo)] if logo else []), *(t.path for t in template_files)]
    recipe = publish_mod.recipe({**used, "max_article_mb": max_article_mb}, sources, inputs)
    if not force and (previous := publish_mod.up_to_date(out, recipe)):
        return BuildResult(up_to_date=True, findings=previous.get("findings", {}))

    extraction = extract(inputs, progress, cache, max_article_mb, store=store)
    context, exports = _context(extraction, inputs, cache, used.get("corrections"), lang=lang, title=title, organisation=organisation,
                                edition=edition, logo=str(logo) if logo else None, today=today)
    from .render import render_all

    warnings: list[str] = []
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
