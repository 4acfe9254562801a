"""A folder of articles to an `Extraction`: every file read once, extracted on every core when
there are many, each unchanged article taken from the on-disk store instead.

One article that cannot be read or extracted becomes an error finding; the others still make
the brief. Duplicates (the same text saved twice) are marked here; the checks come after.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import KhoiError
from ..models import Article, ExtractedArticle, Extraction, Finding, finding
from . import catalogue as catalogue_mod
from . import gazetteer as gazetteer_mod
from . import ingest
from .ingest import MAX_ARTICLE_MB
from .observations import extract_article
from .store import content_key, file_sha256, open_store, unpack

Progress = Callable[[str, int, int], None]
PARALLEL_FROM = 200  # articles; below this, starting worker processes costs more than it saves


def extract_folder(folder: Path, progress: Progress | None = None, cache: dict | None = None,
                   max_article_mb: float = MAX_ARTICLE_MB, workers: int | None = None,
                   store: bool | os.PathLike = True) -> Extraction:
    """Read and extract every article of `folder` (its findings: files left out, failures,
    duplicates).

    An article whose bytes were extracted before by this version of the extractor is taken from
    the on-disk `store` (True: the user's cache folder; a path: that folder; False: none), or
    from `cache`, a dict kept between calls in one process (`watch`). The rest are extracted on
    all cores when there are many (`workers`, default: every core from PARALLEL_FROM articles on).
    """
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
            item = memory.get((path.name, key)) or (unpack(stored[key]) if key in stored else None)
            if item is not None:
                items[path] = memory[(path.name, key)] = item.renamed(path)
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
    if not ordered and not any(f.code in ("extract_failed", "binary") for f in findings):
        raise KhoiError(f"{folder}: no article has any text")
    findings += ingest.mark_duplicates([item.article for item in ordered])
    return Extraction(ordered, findings)


def _extract_one(article: Article) -> tuple[tuple | None, str | None]:
    """One article's metadata and observations, or why they could not be read (runs in worker
    processes too: the article itself is not sent back, the caller has it)."""
    try:
        item = extract_article(article, catalogue_mod.load(), gazetteer_mod.load())
        return (item.meta, item.observations), None
    except Exception as exc:  # a bug met on one article must not cost the whole brief
        return None, f"{type(exc).__name__}: {exc}"


def _extract_all(articles: list[Article], findings: list[Finding], workers: int | None,
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


def _counted(results: Iterable, total: int, progress: Progress | None) -> Iterator:
    for i, result in enumerate(results, 1):
        if progress:
            progress("extract", i, total)
        yield result
