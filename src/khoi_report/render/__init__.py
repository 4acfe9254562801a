"""Render stage. In: the template context (`context.build_context`, from the tables and the
settings). Out: the bytes of every requested format (`formats`), keyed by output file name.

Templates are looked up file by file (`templates`): the user's folder, then the preset and what it
extends, then the built-in defaults. Both formats read the same pre-formatted context.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .formats import FORMATS, Format, Job

PARALLEL_FROM = 20  # blocs: from here on a second-process format renders in a worker while the others render here


def _render(fmt: Format, context: dict, job: Job) -> tuple[bytes, list[str]]:
    """One format's bytes and its warnings (a worker process sends both back)."""
    job = Job(job.dirs, job.timeout, job.pdf_variant, job.attachments, [])
    return fmt.render(context, job), job.warnings


def render_all(context: dict, formats: Iterable[str], job: Job, progress=None) -> dict[str, bytes]:
    """Every requested format as bytes, keyed by output file name; warnings go to `job.warnings`.
    A large brief in several formats renders on two cores: a second-process format (DOCX) in a
    worker, the others here."""
    chosen = [FORMATS[name] for name in formats]
    out: dict[str, bytes] = {}
    pool = None
    futures = {}
    aside = [f for f in chosen if f.second_process]
    if aside and len(chosen) > 1 and len(context["blocs"]) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method))
        futures = {f.name: pool.submit(_render, f, context, job) for f in aside}
    try:
        for i, fmt in enumerate(chosen, 1):
            data, warnings = futures[fmt.name].result() if fmt.name in futures else _render(fmt, context, job)
            out[fmt.file] = data
            job.warnings += warnings
            if progress:
                progress("render", i, len(chosen))
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return out
