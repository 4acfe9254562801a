"""Benchmark: the national brief, `khoi-report build --format all` on generated corpora of every size.

    .venv/bin/python benchmarks/bench_national.py [--sizes 63 126 252 1000] [--conflicting] [--runs 3]

For each size N a corpus of N articles over the 63 pre-2025 provinces and four bloc types
(`generate_corpus.py --n N --reports`: one article per bloc up to 252, above it several reports of
each bloc's congress that agree but for the odd figure), built by the CLI in a fresh process with
an empty extraction cache (cold) and then `--runs` times with a warm one, the sizes taking turns
(this machine's speed drifts by up to ±40% within minutes: one warm build of each size measured
the 1,000/252 ratio anywhere from 1.3 to 1.8), of which the median is shown. `--conflicting` adds a row of the
generator's default corpus at the largest size, whose reports of a bloc disagree on its term,
ordinal and every figure (more congresses, more findings: a worst case).
Prints wall time, the peak memory of the largest process and of all the build's processes
together, the pages of the PDF, and each size's
time against the 252-article corpus, whose 248 blocs have one article each: the issue's goal is
1,000 articles in under 60 s and under 1 GB, at most 1.5 times the one-article-per-bloc time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(articles: Path, out: Path, cache: Path) -> tuple[float, float, float]:
    """Seconds of one CLI build in a fresh process, the peak GB of its largest process (the build
    or one of its workers: `wait4`'s rusage), and the peak GB of the build's processes together
    (their proportional set sizes, sampled every 0.2 s: the build, the PDF's worker and its parts'
    workers)."""
    exe = Path(sys.executable).with_name("khoi-report")
    start = time.perf_counter()
    process = subprocess.Popen([str(exe), "build", "-i", str(articles), "-o", str(out), "-f", "all", "--force"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "KHOI_REPORT_CACHE": str(cache)})
    together = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        together = max(together, _tree_pss(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"build failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024 / 1024, together / 1024 ** 3


def _tree_pss(root: int) -> int:
    """Bytes of memory a process and every process under it use together: the sum of their
    proportional set sizes (a page the forked workers share with their parent counts once)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(frontier)
    total = 0
    for pid in tree:
        try:
            rollup = (Path("/proc") / str(pid) / "smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:"))) * 1024
        except (OSError, StopIteration, ValueError):
            continue
    return total


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[63, 126, 252, 1000])
    parser.add_argument("--conflicting", action="store_true", help="also the largest size with conflicting reports")
    parser.add_argument("--runs", type=int, default=3, help="warm builds of each size, taking turns (the median is shown)")
    args = parser.parse_args()
    runs = [(n, "--reports") for n in sorted(args.sizes)]
    if args.conflicting:
        runs.append((max(args.sizes), ""))
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| articles | blocs | cold build | warm build | pages | peak memory, largest process | all processes | warm vs 252 |")
    print("|---|---|---|---|---|---|---|---|")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        made = []
        for n, mode in runs:
            name = f"{n}{mode.strip('-')[:1]}"
            corpus, out, cache = tmp / f"c{name}", tmp / f"out{name}", tmp / f"cache{name}"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), str(corpus), "--n", str(n),
                            *([mode] if mode else [])], check=True, capture_output=True)
            made.append((n, mode, corpus / "articles", out, cache, [build(corpus / "articles", out, cache)]))
        for _ in range(args.runs):
            for n, mode, articles, out, cache, measured in made:
                measured.append(build(articles, out, cache))
            print(f"  a warm round done", file=sys.stderr, flush=True)
        for n, mode, articles, out, cache, measured in made:
            (cold, *_), warm = measured[0], statistics.median(m[0] for m in measured[1:])
            rows.append((f"{n:,}" + ("" if mode else " (conflicting)"), n, _blocs(out), cold, warm, pages(out / "brief.pdf"),
                         max(m[1] for m in measured), max(m[2] for m in measured)))
    reference = next((warm for label, n, _, _, warm, _, _, _ in rows if n == 252 and "conflicting" not in label), None)
    for label, _, blocs, cold, warm, count, peak, together in rows:
        ratio = f"{warm / reference:.2f}×" if reference else "–"
        print(f"| {label} | {blocs} | {cold:.1f} s | {warm:.1f} s | {count} | {peak:.2f} GB | {together:.2f} GB | {ratio} |")


def _blocs(out: Path) -> int:
    import csv

    with open(out / "data" / "blocs.csv", encoding="utf-8") as handle:
        return sum(1 for _ in csv.DictReader(handle))


if __name__ == "__main__":
    main()
