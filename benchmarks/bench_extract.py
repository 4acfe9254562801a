"""Benchmark: extraction throughput over N articles, beside the floor of only reading them.

    .venv/bin/python benchmarks/bench_extract.py [--n 1000] [--workers N]

The corpus is the sample articles repeated with every figure's digits redrawn at random (so no
two articles are alike), written to a temporary folder. "Read floor" is reading each file,
decoding it and NFC-normalising it; "extract" is `khoi_report.extract` on the folder (ingest,
metadata, figures, checks), on every core unless --workers says otherwise.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(folder: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    samples = [p.read_text("utf-8") for p in sorted((ROOT / "inputs").glob("*.txt"))]
    size = 0
    for i in range(n):
        text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)), samples[i % len(samples)])
        data = text.encode("utf-8")
        (folder / f"{i:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def read_floor(folder: Path) -> float:
    start = time.perf_counter()
    for path in sorted(folder.iterdir()):
        unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: every core)")
    args = parser.parse_args()
    from khoi_report import extract

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = make_corpus(folder, args.n)
        floors = [read_floor(folder) for _ in range(args.runs)]
        runs = []
        for _ in range(args.runs):
            start = time.perf_counter()
            extraction = extract(folder, workers=args.workers)
            runs.append(time.perf_counter() - start)
    floor, took = statistics.median(floors), statistics.median(runs)
    mb = size / 1e6
    print(f"{args.n} articles, {mb:.1f} MB, {len(extraction.observations)} observations")
    print(f"read floor: {floor:.2f} s ({args.n / floor:,.0f} articles/s, {mb / floor:.1f} MB/s)")
    print(f"extract ({args.workers or os.cpu_count()} worker(s)): {took:.2f} s ({args.n / took:,.0f} articles/s, {mb / took:.2f} MB/s), "
          f"{took / floor:.0f}x the read floor (median of {args.runs})")


if __name__ == "__main__":
    main()
