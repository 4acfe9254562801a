"""Benchmark: extraction throughput over N articles, beside the floor of only reading them.

    .venv/bin/python benchmarks/bench_extract.py [--n 1000] [--workers N] [--runs 3]

The corpus is the sample articles repeated with every figure's digits redrawn at random (so no
two articles are alike), written to a temporary folder. Three figures, each the median of --runs:

- "read floor": reading each file, decoding it and NFC-normalising it, nothing else;
- "cold": `khoi_report.extraction.observations` on the folder with an empty cache (ingest, metadata, figures,
  checks, and filling the cache), on every core unless --workers says otherwise;
- "cached": the same again, every article now in the cache (reading and hashing the files,
  unpacking the stored results, the checks across articles).

Then the peak resident memory of this process and of its worker processes.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
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
        folder = Path(tmp) / "articles"
        folder.mkdir()
        size = make_corpus(folder, args.n)
        floors = [read_floor(folder) for _ in range(args.runs)]
        cold, cached = [], []
        for run in range(args.runs):
            store = Path(tmp) / f"cache-{run}"
            start = time.perf_counter()
            observations = len(extract(folder, workers=args.workers, store=store).observations)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            extract(folder, workers=args.workers, store=store)
            cached.append(time.perf_counter() - start)
        stored = sum(p.stat().st_size for p in Path(tmp).glob("cache-0/*"))
    floor = statistics.median(floors)
    mb = size / 1e6
    print(f"{args.n} articles, {mb:.1f} MB, {observations} observations, "
          f"cache {stored / 1e6:.0f} MB (median of {args.runs} runs)")
    print(f"read floor: {floor:.2f} s ({args.n / floor:,.0f} articles/s, {mb / floor:.0f} MB/s)")
    for name, runs in (("cold", cold), ("cached", cached)):
        took = statistics.median(runs)
        print(f"extract {name} ({args.workers or os.cpu_count()} worker(s)): {took:.2f} s "
              f"({args.n / took:,.0f} articles/s, {mb / took:.2f} MB/s), {took / floor:.1f}x the read floor")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {own:.0f} MB in this process, {children:.0f} MB in the largest worker")


if __name__ == "__main__":
    main()
