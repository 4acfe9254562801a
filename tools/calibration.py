"""How well do confidences mean what they say? Bins every scored value by its confidence and counts
how many the gold confirms (issue #12, item 5: of the values given 0.9, about nine in ten should be
right). Measures only; it changes nothing.

    PYTHONPATH=src python tools/calibration.py [ARTICLES GOLD.csv ...]

Defaults to the seeds and tests/corpus. Observations: every core-indicator observation (the gold
scores only the core), right when (article, indicator, kind, value) is a gold row. Metadata fields
carry no confidence yet: for them the table gives each field's accuracy (right / stated) and, for
the province, its accuracy by `province_source`, the only graded certainty the extractor reports.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from khoi_report import extract
from khoi_report.extraction import catalogue as catalogue_mod
from khoi_report.models import META_FIELDS
from khoi_report.score import norm_meta, read_gold
from khoi_report.tables import tabulate
from khoi_report.tables.export import as_dict

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [(ROOT / "inputs", ROOT / "tests" / "gold" / "seeds.gold.csv"),
           (ROOT / "tests" / "corpus" / "articles", ROOT / "tests" / "corpus" / "gold.csv")]


def _value(v) -> float:
    return round(float(v), 6)


def main(argv: list[str]) -> int:
    pairs = [(Path(a), Path(g)) for a, g in zip(argv[::2], argv[1::2])] if argv else DEFAULT
    core = {i.key for i in catalogue_mod.load().core}
    bins: dict[float, list[int]] = defaultdict(lambda: [0, 0])  # confidence -> [right, emitted]
    by_indicator: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0])
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # right, stated, gold rows
    sources: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for articles, gold_path in pairs:
        data = as_dict(tabulate(extract(articles, store=False)))
        gold = read_gold(gold_path)
        alias = {a["article"]: a.get("duplicate_of") or a["article"] for a in data["articles"]}
        wanted = {(r["article"], r["field"], r["kind"], _value(r["value"])) for r in gold if r["kind"] != "meta"}
        meta_gold = {(r["article"], r["field"]): r["value"] for r in gold if r["kind"] == "meta"}
        for o in data["observations"]:
            if o["indicator"] not in core:
                continue
            right = (alias.get(o["article"], o["article"]), o["indicator"], o["kind"], _value(o["value"])) in wanted
            for counter in (bins[o["confidence"]], by_indicator[(o["indicator"], o["confidence"])]):
                counter[0] += right
                counter[1] += 1
        for a in data["articles"]:
            for name in META_FIELDS:
                stated = a.get(name)
                expected = meta_gold.get((alias.get(a["article"], a["article"]), name))
                if expected is not None:
                    fields[name][2] += 1
                if stated in (None, ""):
                    continue
                right = expected is not None and norm_meta(name, stated) == norm_meta(name, expected)
                fields[name][0] += right
                fields[name][1] += 1
                if name == "province":
                    sources[a.get("province_source") or "?"][0] += right
                    sources[a.get("province_source") or "?"][1] += 1

    print("Observations (core indicators) by confidence")
    print("| confidence | emitted | right | share right |\n|---|---|---|---|")
    for conf in sorted(bins, reverse=True):
        right, n = bins[conf]
        print(f"| {conf:.2f} | {n} | {right} | {right / n:.3f} |")
    total_right, total = sum(b[0] for b in bins.values()), sum(b[1] for b in bins.values())
    print(f"| all | {total} | {total_right} | {total_right / total:.3f} |")
    print("\nBy indicator and confidence (wrong ones only)")
    for (ind, conf), (right, n) in sorted(by_indicator.items()):
        if right < n:
            print(f"  {ind:24} {conf:.2f}: {right}/{n}")
    print("\nMetadata (no confidence yet): right / stated, and gold rows")
    print("| field | stated | right | share right | gold rows |\n|---|---|---|---|---|")
    for name in META_FIELDS:
        right, n, g = fields[name]
        print(f"| {name} | {n} | {right} | {right / n if n else 0:.3f} | {g} |")
    print("\nProvince by its source")
    for src, (right, n) in sorted(sources.items()):
        print(f"  {src:10} {right}/{n} = {right / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
