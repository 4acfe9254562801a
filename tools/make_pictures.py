"""Regenerate the README's pictures of the brief: docs/brief-page-N.png from the sample inputs, and
docs/national-comparison.png and docs/national-maps.png from a generated national corpus (every
bloc type of the 63 provinces).

    .venv/bin/python tools/make_pictures.py        # needs pdftoppm and pdftotext (poppler-utils)
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from khoi_report import build
from khoi_report.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PAGES = (1, 2, 3)


def main() -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as out:
        build(Settings(inputs=ROOT / "inputs", out=out, formats=("pdf",)), today=dt.date(2026, 11, 23))
        for page in PAGES:
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page),
                            str(Path(out) / "brief.pdf"), str(docs / f"brief-page-{page}")], check=True)
            print(f"wrote docs/brief-page-{page}.png")
    national(docs)


def national(docs: Path) -> None:
    """The first page of the comparison by region and the first page of maps of a national brief."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), str(corpus), "--n", "252"],
                       check=True, capture_output=True)
        build(Settings(inputs=corpus / "articles", out=out, formats=("pdf",)), today=dt.date(2026, 11, 23))
        pdf = out / "brief.pdf"
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        for name, markers in (("national-comparison", ("Bảng so sánh", "Trung du và miền núi phía Bắc")),
                              ("national-maps", ("không có số liệu",))):
            page = next(i + 1 for i, text in enumerate(pages) if all(m in text for m in markers))
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                            str(docs / name)], check=True)
            print(f"wrote docs/{name}.png")


if __name__ == "__main__":
    main()
