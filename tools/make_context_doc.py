"""Regenerate docs/context.md, the reference of the template context, from the sample articles.

    .venv/bin/python tools/make_context_doc.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from khoi_report.context import build_context, reference
from khoi_report.pipeline import extract, tables

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 23)  # fixed, so the page changes only when the context does


def page() -> str:
    return reference(build_context(tables(extract(ROOT / "inputs")), today=TODAY))


if __name__ == "__main__":
    (ROOT / "docs" / "context.md").write_text(page(), "utf-8")
    print("wrote docs/context.md")
