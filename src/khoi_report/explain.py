"""One article explained: what a user reads when a figure in the brief looks wrong.

The article's text with every extracted figure marked, then its metadata with the text each
value came from, its observations and its findings.
"""

from __future__ import annotations

from pathlib import Path

from .check import check_article
from .errors import KhoiError
from .extraction import catalogue as catalogue_mod
from .extraction import gazetteer as gazetteer_mod
from .extraction.ingest import read_article
from .extraction.observations import extract_article
from .models import META_FIELDS, ExtractedArticle, Finding
from .wording import word

BOLD, MARK, DIM, RESET = "\033[1m", "\033[1;30;43m", "\033[2m", "\033[0m"


def inspect_file(path: Path) -> tuple[ExtractedArticle, list[Finding]]:
    if not path.is_file():
        raise KhoiError(f"{path}: no such file")
    cat, gaz = catalogue_mod.load(), gazetteer_mod.load()
    item = extract_article(read_article(path), cat, gaz)
    return item, check_article(item, cat, gaz)


def _marked(text: str, spans: list[tuple[int, int, str]], color: bool) -> str:
    out, pos = [], 0
    for start, end, tag in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        figure = text[start:end]
        out.append(f"{MARK}{figure}{RESET}{DIM}[{tag}]{RESET}" if color else f"[[{figure}]]{{{tag}}}")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def explain(item: ExtractedArticle, findings: list[Finding], color: bool = False, lang: str = "vi") -> str:
    a, meta = item.article, item.meta
    bold = (lambda s: f"{BOLD}{s}{RESET}") if color else (lambda s: s)
    tags: dict[tuple[int, int], list[str]] = {}
    for o in item.observations:
        tags.setdefault((o.figure_start, o.figure_end), []).append(f"{o.indicator} {o.kind}")
    spans = [(start, end, ", ".join(names)) for (start, end), names in tags.items()]
    lines = [bold(f"== {a.id}"), f"encoding {a.encoding}; sha256 {a.sha256[:16]}…"
             + (f"; duplicate of {a.duplicate_of}" if a.duplicate_of else ""), ""]
    lines += [bold("-- text (extracted figures marked)"), _marked(a.text, spans, color), ""]
    lines.append(bold("-- metadata"))
    for name in META_FIELDS:
        fact = getattr(meta, name)
        source = f"  ← “{fact.evidence}”" if fact.evidence and fact.value is not None else ""
        lines.append(f"{name:<17} {fact.value if fact.value is not None else '(not stated)'}{source}")
    if meta.province_source:
        lines.append(f"{'province from':<17} {meta.province_source}")
    for name, candidates in meta.candidates.items():
        lines += ["", bold(f"-- {name}: {meta.decisions.get(name, 'no candidate')}")]
        for c in sorted(candidates, key=lambda c: -c["score"]):
            lines.append(f"{c['score']:>6g}  {c['value']:<24} {', '.join(c['reasons']) or 'no cue'}  ← “{c['evidence']}”")
    lines += ["", bold(f"-- observations ({len(item.observations)})")]
    for o in item.observations:
        qualifier = f" ({o.qualifier})" if o.qualifier else ""
        lines.append(f"{o.indicator:<26} {o.kind:<7} {o.value:g} {o.unit}{qualifier}  period {o.period or '—'}"
                     f"  confidence {o.confidence:.2f}")
        lines.append(f"    “{o.evidence}”")
    lines += ["", bold(f"-- findings ({len(findings)})")]
    lines += [f"{f.severity:<8} {word(f.code, f.params, lang)}" + (f"\n    “{f.evidence}”" if f.evidence else "")
              for f in findings]
    if not findings:
        lines.append("none")
    return "\n".join(lines) + "\n"
