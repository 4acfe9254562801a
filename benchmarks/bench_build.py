"""Benchmark: wall time of `khoi-report build --format all` on the sample inputs.

A benchmark, not a test: run it by hand and copy the figures into the README.

    .venv/bin/python benchmarks/bench_build.py [--runs 7] [--inputs inputs]

Prints the median and spread of whole CLI runs (a fresh process each: imports included; every
article and chart cached after the first, `--force` so that each run builds), then the median of
each stage run in-process, one after the other, to show where the time goes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli_runs(inputs: Path, runs: int) -> list[float]:
    exe = Path(sys.executable).with_name("khoi-report")
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([str(exe), "build", "--inputs", str(inputs), "--out", out, "--format", "all", "--force"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


def stage_runs(inputs: Path, runs: int) -> dict[str, float]:
    from khoi_report.pipeline import extract
    from khoi_report.render import render_all
    from khoi_report.render.context import build_context
    from khoi_report.render.formats import Job
    from khoi_report.tables import tabulate

    stages: dict[str, list[float]] = {"extract + check": [], "frames + context": [], "render pdf": [],
                                      "render docx": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        extraction = extract(inputs)
        t1 = time.perf_counter()
        context = build_context(tabulate(extraction))
        t2 = time.perf_counter()
        render_all(context, ("pdf",), Job.of())
        t3 = time.perf_counter()
        render_all(context, ("docx",), Job.of())
        t4 = time.perf_counter()
        for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            stages[name].append(seconds)
    return {name: statistics.median(values) for name, values in stages.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs")
    args = parser.parse_args()
    n = len([p for p in args.inputs.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm")])
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    times = cli_runs(args.inputs, args.runs)
    print(f"khoi-report build --format all, {n} articles, {args.runs} runs: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f})")
    for name, seconds in stage_runs(args.inputs, args.runs).items():
        print(f"  {name:<16} {seconds * 1000:8.0f} ms (median, in-process)")


if __name__ == "__main__":
    main()
