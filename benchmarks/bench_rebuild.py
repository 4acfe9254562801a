"""Benchmark: the rebuild `khoi-report watch` does after a template edit, on the sample inputs.

    .venv/bin/python benchmarks/bench_rebuild.py [--runs 7] [--format all|pdf|docx]

One warm process, as in `watch`: a first build fills the caches (extracted articles, drawn
charts); then a user template (the cover partial) is edited before each timed rebuild.

Then the warm rebuild with nothing changed: `khoi-report build` run again, in a fresh process
(imports included), on an output folder that is up to date.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from khoi_report.pipeline import build
from khoi_report.render.templates import builtin_templates
from khoi_report.settings import Settings

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
        build(Settings(inputs=ROOT / "inputs", out=Path(tmp) / "out", formats=formats, templates=user.parent), cache=cache)
        times = []
        for run in range(args.runs):
            cover.write_text(original + f"\n<!-- edit {run} -->\n", "utf-8")
            start = time.perf_counter()
            build(Settings(inputs=ROOT / "inputs", out=Path(tmp) / "out", formats=formats, templates=user.parent), cache=cache)
            times.append(time.perf_counter() - start)
        command = [str(Path(sys.executable).with_name("khoi-report")), "build", "-i", str(ROOT / "inputs"),
                   "-o", str(Path(tmp) / "cli"), "-f", args.format]
        subprocess.run(command, check=True, capture_output=True)
        unchanged = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            unchanged.append(time.perf_counter() - start)
    print(f"rebuild after a template edit ({', '.join(formats)}), {args.runs} runs: median "
          f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})")
    print(f"khoi-report build with nothing changed, a fresh process: median {statistics.median(unchanged):.2f} s "
          f"(min {min(unchanged):.2f}, max {max(unchanged):.2f})")


if __name__ == "__main__":
    main()
