"""Score an extraction against a gold CSV (the format of `tests/gold/README.md`).

Metadata is scored as accuracy over the gold's meta rows; core indicators as precision and
recall over (article, indicator, kind, value) tuples. A duplicate article is scored through
the article it repeats. Run it on any corpus: `khoi-report score EXTRACT.json GOLD.csv`.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KhoiError
from .extraction import catalogue as catalogue_mod
from .extraction.text import normalise
from .models import META_FIELDS


def _text(value) -> str:
    return "" if value is None else normalise(str(value)).casefold()


def norm_meta(name: str, value) -> str:
    text = _text(value)
    if name == "congress_ordinal":
        try:
            return str(int(float(text)))
        except ValueError:
            return text
    if name == "term":
        return re.sub(r"\s*[-–]\s*", "-", text)
    if name in ("congress_start", "published"):
        return text[:10]
    if name == "province":
        return re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", text)
    return text


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


@dataclass
class Score:
    meta_ok: int = 0
    meta_total: int = 0
    found: int = 0
    wanted: int = 0
    correct: int = 0
    emitted: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def metadata_accuracy(self) -> float:
        return self.meta_ok / self.meta_total if self.meta_total else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.emitted if self.emitted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.wanted if self.wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        return (f"metadata {self.meta_ok}/{self.meta_total} = {self.metadata_accuracy:.3f}; indicators precision "
                f"{self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
                f"({self.found}/{self.wanted} found, {self.emitted} emitted)")


GOLD_COLUMNS = ("article", "field", "kind", "value", "unit", "period", "evidence")


def read_extraction(path: Path) -> dict:
    """What `khoi-report extract --json` wrote, or a one-line error naming the file."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise KhoiError(f"{path}: cannot read ({exc.strerror})") from None
    except ValueError as exc:
        raise KhoiError(f"{path}: not the JSON of `khoi-report extract --json` ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in ("articles", "observations")):
        raise KhoiError(f"{path}: not the JSON of `khoi-report extract --json` (no articles and observations)")
    return data


def read_gold(path: Path) -> list[dict]:
    """The rows of a gold CSV. A malformed row is refused with its file and line: a row whose
    columns do not match the header (an unquoted comma in the evidence), an unknown kind or field,
    a figure that is no plain number, an ordinal that is no integer, a date that is not ISO."""
    indicators = {i.key for i in catalogue_mod.load().indicators}
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            missing = [c for c in GOLD_COLUMNS if c not in header]
            if missing:
                raise KhoiError(f"{path}:1: missing column(s) {', '.join(missing)}")
            rows = []
            for record in reader:
                if not any(cell.strip() for cell in record):
                    continue
                where = f"{path}:{reader.line_num}"
                if len(record) != len(header):
                    raise KhoiError(f"{where}: {len(record)} columns where the header has {len(header)}"
                                    + (" (quote a value that holds a comma)" if len(record) > len(header) else ""))
                rows.append(_gold_row(dict(zip(header, record)), where, indicators))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KhoiError(f"{path}: cannot read this gold file ({exc})") from None
    return rows


def _gold_row(row: dict, where: str, indicators: set[str]) -> dict:
    kind, name, value = row["kind"], row["field"], row["value"]
    if kind not in ("meta", "actual", "target"):
        raise KhoiError(f"{where}: unknown kind {kind!r}; kinds: meta, actual, target")
    if kind == "meta" and name not in META_FIELDS:
        raise KhoiError(f"{where}: unknown metadata field {name!r}; fields: {', '.join(META_FIELDS)}")
    if kind != "meta" and name not in indicators:
        raise KhoiError(f"{where}: unknown indicator {name!r}")
    if kind != "meta" and not _is_number(value):
        raise KhoiError(f"{where}: {name} value {value!r} is not a plain number (write 5356 or 96.74)")
    if name == "congress_ordinal" and not value.isdigit():
        raise KhoiError(f"{where}: congress_ordinal {value!r} is not an integer (lần thứ XX is 20)")
    if name in ("congress_start", "published") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise KhoiError(f"{where}: {name} {value!r} is not an ISO date (2020-07-27)")
    return row


def _is_number(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False


def score(extraction: dict, gold: list[dict]) -> Score:
    core = {i.key for i in catalogue_mod.load().core}
    articles = {a["article"]: a for a in extraction.get("articles", [])}
    canonical = {name: a.get("duplicate_of") or name for name, a in articles.items()}
    result = Score()
    for g in gold:
        if g["kind"] != "meta" or g["field"] not in META_FIELDS:
            continue
        result.meta_total += 1
        article = articles.get(g["article"], {})
        got = article.get(g["field"])
        if got is None and article.get("duplicate_of"):
            got = articles.get(article["duplicate_of"], {}).get(g["field"])
        if norm_meta(g["field"], got) == norm_meta(g["field"], g["value"]):
            result.meta_ok += 1
        else:
            result.misses.append(f"meta  {g['article']}: {g['field']} expected {g['value']!r} got {got!r}")

    gold_articles = {canonical.get(g["article"], g["article"]) for g in gold}
    emitted = {(canonical.get(o["article"], o["article"]), o["indicator"], o["kind"], float(o["value"]))
               for o in extraction.get("observations", [])
               if o["indicator"] in core and canonical.get(o["article"], o["article"]) in gold_articles}
    wanted = {(canonical.get(g["article"], g["article"]), g["field"], g["kind"], float(g["value"]))
              for g in gold if g["kind"] in ("actual", "target") and g["field"] in core}

    def within(item, pool) -> bool:
        return any(p[:3] == item[:3] and _same(p[3], item[3]) for p in pool)

    result.wanted, result.emitted = len(wanted), len(emitted)
    result.found = sum(within(w, emitted) for w in wanted)
    result.correct = sum(within(e, wanted) for e in emitted)
    result.misses += [f"miss  {w[0]}: {w[1]} {w[2]} {w[3]:g}" for w in sorted(wanted, key=str) if not within(w, emitted)]
    result.misses += [f"extra {e[0]}: {e[1]} {e[2]} {e[3]:g}" for e in sorted(emitted, key=str) if not within(e, wanted)]
    return result
