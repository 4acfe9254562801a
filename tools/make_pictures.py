"""Regenerate the README's pictures of the brief (docs/brief-page-N.png) from the sample inputs.

    .venv/bin/python tools/make_pictures.py        # needs pdftoppm (poppler-utils)
"""

from __future__ import annotations

import datetime as dt
import subprocess
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


if __name__ == "__main__":
    main()
