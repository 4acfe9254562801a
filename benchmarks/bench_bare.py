"""Benchmark: `khoi-report build --format all` beside the bare cost of making the same documents.

    .venv/bin/python benchmarks/generate_corpus.py /tmp/c63 --n 63    # 63 articles, 63 blocs
    .venv/bin/python benchmarks/bench_bare.py --inputs /tmp/c63/articles [--runs 3]

"Build" is the whole CLI in a fresh process (imports, extraction, checks, frames, context,
charts, both templates, the PDF, the DOCX, the data exports, the manifest), once with an empty
extraction cache ("cold") and once with every article cached ("cached"); --force so that it
does not stop at "up to date". "Bare" is only what any tool must pay for these documents:
WeasyPrint laying out the same final HTML (`HTML(string).write_pdf()`, the templates' CSS and
fonts), plus pandoc converting a Markdown text with the same headings, tables and paragraphs to
DOCX. The ratio build / bare is the overhead of everything khoi-report does on top.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_build(inputs: Path, out: Path, cache: Path) -> None:
    exe = Path(sys.executable).with_name("khoi-report")
    subprocess.run([str(exe), "build", "-i", str(inputs), "-o", str(out), "-f", "all", "--force"], check=True,
                   capture_output=True, env={"KHOI_REPORT_CACHE": str(cache), "PATH": "/usr/bin:/bin"})


def markdown(context: dict) -> str:
    """The brief's text as Markdown: the same headings, tables and paragraphs, no charts."""
    lines = [f"# {context['brief']['title']}", "", *[f"{p}\n" for p in context["summary"]]]
    columns = context["comparison"]["columns"]
    lines += ["## Comparison", "", "| " + " | ".join(["Bloc", *(c["short"] for c in columns)]) + " |",
              "|" + "---|" * (len(columns) + 1)]
    lines += ["| " + " | ".join([row["name"], *(c["text"] for c in row["cells"])]) + " |"
              for row in context["comparison"]["rows"]]
    for bloc in context["blocs"]:
        lines += ["", f"## {bloc['name']}", "", *[f"- {f['label']}: {f['value']}" for f in bloc["facts"]], ""]
        for heading, items in (("Results", bloc["achievements"]), ("Targets", bloc["targets"])):
            lines += [f"### {heading}", ""] + [f"- **{i['label']}**: {i['text']} — “{i['evidence']}”" for i in items]
            lines.append("")
    lines += ["## Findings", ""] + [f"- {f['message']}" for f in context["findings"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from weasyprint import HTML

    from khoi_report.pipeline import extract
    from khoi_report.render.context import build_context
    from khoi_report.render.pdf import render_html
    from khoi_report.render.templates import template_dirs
    from khoi_report.tables import tabulate

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cold = []
        for run in range(args.runs):
            start = time.perf_counter()
            cli_build(args.inputs, tmp / "out", tmp / f"cache-{run}")
            cold.append(time.perf_counter() - start)
        cached = timed(args.runs, lambda: cli_build(args.inputs, tmp / "out", tmp / "cache-0"))
        pages = subprocess.run(["pdfinfo", str(tmp / "out" / "brief.pdf")], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")

        context = build_context(tabulate(extract(args.inputs, store=False)))
        dirs = template_dirs(None)
        html = render_html(context, dirs)
        pdf = timed(args.runs, lambda: HTML(string=html, base_url=dirs[0].as_uri() + "/").write_pdf())
        (tmp / "brief.md").write_text(markdown(context), "utf-8")
        pandoc = shutil.which("pandoc")
        docx = timed(args.runs, lambda: subprocess.run([pandoc, str(tmp / "brief.md"), "-o", str(tmp / "brief.docx")],
                                                       check=True)) if pandoc else None

    print(f"{len(context['blocs'])} blocs, {context['brief']['articles']} articles, a {pages}-page PDF "
          f"(median of {args.runs} runs)")
    print(f"build --format all, cold cache: {statistics.median(cold):.2f} s; cached: {cached:.2f} s")
    print(f"bare WeasyPrint render of the same HTML: {pdf:.2f} s")
    if docx is None:
        print("pandoc not installed (apt-get install pandoc): no bare DOCX figure")
        return
    bare = pdf + docx
    print(f"bare pandoc Markdown -> DOCX: {docx:.2f} s; bare total {bare:.2f} s")
    print(f"build / bare: {statistics.median(cold) / bare:.2f}x cold, {cached / bare:.2f}x cached")


if __name__ == "__main__":
    main()
