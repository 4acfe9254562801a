"""Benchmark: the rebuild `khoi-report watch` does after a template edit, on the sample inputs.

    .venv/bin/python benchmarks/bench_rebuild.py [--runs 7] [--format all|pdf|docx]

One warm process, as in `watch`: a first build fills the caches (extracted articles, drawn
charts); then a user template (the cover partial) is edited before each timed rebuild.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from khoi_report.pipeline import build
from khoi_report.templates import builtin_templates

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--format", choices=("all", "pdf", "docx"), default="all")
    args = parser.parse_args()
    formats = ("pdf", "docx") if args.format == "all" else (args.format,)
    with tempfile.TemporaryDirectory() as tmp:
        user = Path(tmp) / "templates" / "partials"
        user.mkdir(parents=True)
        cover = user / "cover.html.j2"
        original = (builtin_templates() / "partials" / "cover.html.j2").read_text("utf-8")
        cache: dict = {}
        build(ROOT / "inputs", Path(tmp) / "out", formats, templates=user.parent, cache=cache)
        times = []
        for run in range(args.runs):
            cover.write_text(original + f"\n<!-- edit {run} -->\n", "utf-8")
            start = time.perf_counter()
            build(ROOT / "inputs", Path(tmp) / "out", formats, templates=user.parent, cache=cache)
            times.append(time.perf_counter() - start)
    print(f"rebuild after a template edit ({', '.join(formats)}), {args.runs} runs: median "
          f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})")


if __name__ == "__main__":
    main()
