"""Regenerate docs/context.md, the reference of the template context, from the sample articles.

    .venv/bin/python tools/make_context_doc.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from khoi_report.pipeline import extract, template_context
from khoi_report.render.reference import reference
from khoi_report.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 23)  # fixed, so the page changes only when the context does


def page() -> str:
    settings = Settings(inputs=ROOT / "inputs")
    with tempfile.TemporaryDirectory() as tmp:  # a whole country's blocs, for the keys the samples leave empty
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), tmp, "--n", "252"], check=True,
                       capture_output=True)
        national = Settings(inputs=Path(tmp) / "articles")
        whole = template_context(national, extract(national.inputs), TODAY)
    return reference(template_context(settings, extract(settings.inputs), TODAY), whole)


if __name__ == "__main__":
    (ROOT / "docs" / "context.md").write_text(page(), "utf-8")
    print("wrote docs/context.md")
