"""Render stage. In: the template context (`context.build_context`, from the tables and the
settings). Out: the bytes of every requested format (`formats`), keyed by output file name.

Templates are looked up file by file (`templates`): the user's folder, then the preset and what it
extends, then the built-in defaults. Both formats read the same pre-formatted context.

A build renders on two cores (`worker`): the PDF, the longest to make and the only format that
needs WeasyPrint, in a process started with the build, which imports WeasyPrint while this one
reads the articles; the other formats and the spreadsheets here, while the PDF lays out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from .formats import FORMATS, Format, Job


def _render(fmt: Format, context: dict, job: Job) -> tuple[bytes, list[str]]:
    """One format's bytes and its warnings (a worker process sends both back)."""
    job = Job(job.dirs, job.timeout, job.pdf_variant, job.attachments, [])
    return fmt.render(context, job), job.warnings


@contextmanager
def worker(formats: Iterable[str]) -> Iterator[Executor | None]:
    """A process for the chosen formats that render aside (`Format.aside`: the PDF), forked now
    and warmed up (`Format.warm`: WeasyPrint imported) while the caller makes the context; None
    on one core or when no chosen format renders aside. Leaving on an error stops the worker at
    once rather than waiting for its PDF."""
    aside = [FORMATS[name] for name in formats if FORMATS[name].aside]
    if not aside or (os.cpu_count() or 1) < 2:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method))
    for fmt in aside:
        if fmt.warm:
            pool.submit(fmt.warm)
    try:
        yield pool
    except BaseException:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()  # Python 3.14's pool.terminate_workers(), by hand
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def render_all(context: dict, formats: Iterable[str], job: Job, progress=None, aside: Executor | None = None,
               meanwhile: Callable[[], dict[str, bytes]] | None = None) -> dict[str, bytes]:
    """Every requested format as bytes, keyed by output file name; warnings go to `job.warnings`.
    With `aside` (see `worker`), the aside formats render there while the others and the files
    of `meanwhile` (the spreadsheets) are made here."""
    chosen = [FORMATS[name] for name in formats]
    futures = {f.name: aside.submit(_render, f, context, job) for f in chosen if f.aside and aside is not None}
    out = dict(meanwhile()) if meanwhile else {}  # a copy: `watch` keeps the spreadsheets between builds
    done = {}
    for i, fmt in enumerate(sorted(chosen, key=lambda f: f.name in futures), 1):  # the worker's last
        done[fmt.name] = futures[fmt.name].result() if fmt.name in futures else _render(fmt, context, job)
        if progress:
            progress("render", i, len(chosen))
    for fmt in chosen:
        out[fmt.file], warnings = done[fmt.name]
        job.warnings += warnings
    return out
