"""The `khoi-report` command: a thin layer over `khoi_report.pipeline`.

Each command calls the library and turns a `KhoiError` into one line on stderr and exit code 2.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .models import KhoiError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    help="Comparative briefs on provincial Party bloc congresses, from a folder of news articles.\n\n"
         "Example: khoi-report build --format pdf",
)


class Format(str, Enum):
    pdf = "pdf"
    docx = "docx"
    all = "all"


def _fail(message: str) -> None:
    typer.echo(f"khoi-report: error: {message}", err=True)
    raise typer.Exit(2)


def _progress():
    """A one-line progress display on a terminal; nothing when output is piped or in CI."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        end = "\n" if done == total and stage == "render" else ""
        sys.stderr.write(f"\r{stage}: {done}/{total}\033[K{end}")
        sys.stderr.flush()

    return show


def _version(value: bool) -> None:
    if value:
        typer.echo(f"khoi-report {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    pass


InputsOption = Annotated[Path, typer.Option("--inputs", "-i", help="Folder of articles (.txt, .md, .html).")]


@app.command()
def build(
    inputs: InputsOption = Path("inputs"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("build"),
    format: Annotated[Format, typer.Option("--format", "-f", help="Which briefs to write.")] = Format.all,
    templates: Annotated[Optional[Path], typer.Option(
        "--templates", "-t", help="Your templates folder; files missing there come from the built-in ones.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the brief: vi or en.")] = "vi",
    title: Annotated[Optional[str], typer.Option("--title", help="The brief's title.")] = None,
    organisation: Annotated[Optional[str], typer.Option("--organisation", help="Who issues the brief (cover, document author).")] = None,
    edition: Annotated[Optional[str], typer.Option("--edition", help="Edition shown on the cover, e.g. 'Bản 2'.")] = None,
) -> None:
    """Build the comparative brief (PDF and/or DOCX) from a folder of articles.

    Example: khoi-report build --inputs inputs --out build --format pdf
    """
    from .pipeline import build as run_build

    formats = ("pdf", "docx") if format is Format.all else (format.value,)
    try:
        result = run_build(inputs, out, formats, templates=templates, lang=lang, title=title,
                           organisation=organisation, edition=edition, progress=_progress())
    except KhoiError as exc:
        _fail(str(exc))
    for warning in result.warnings:
        typer.echo(f"khoi-report: warning: {warning}", err=True)
    for path in result.written:
        typer.echo(f"wrote {path}")
    errors = [f for f in result.extraction.findings if f.severity != "info"]
    if errors:
        typer.echo(f"{len(errors)} finding(s) to check: see the brief's data-quality section", err=True)


@app.command()
def extract(
    inputs: InputsOption = Path("inputs"),
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Write articles, observations and findings as JSON.")] = None,
    csv_dir: Annotated[Optional[Path], typer.Option("--csv", help="Write articles.csv, observations.csv, findings.csv here.")] = None,
) -> None:
    """Extract metadata, figures and findings as data, without rendering a brief.

    Example: khoi-report extract --inputs inputs --json extraction.json
    """
    from .export import to_csv, to_json
    from .pipeline import extract as run_extract
    from .pipeline import tables

    if json_path is None and csv_dir is None:
        _fail("say where to write: --json FILE or --csv DIR")
    try:
        data = tables(run_extract(inputs, progress=_progress()))
        written = []
        if json_path is not None:
            written += to_json(data, json_path)
        if csv_dir is not None:
            written += to_csv(data, csv_dir)
    except KhoiError as exc:
        _fail(str(exc))
    for path in written:
        typer.echo(f"wrote {path}")


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="One article (.txt, .md, .html).")],
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Highlight figures (default: on a terminal).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the findings: vi or en.")] = "vi",
) -> None:
    """Show one article's text with every extracted figure marked, its metadata, figures and findings.

    Example: khoi-report inspect inputs/001_03e8ab6feff05417.txt
    """
    from .explain import explain, inspect_file

    try:
        item, findings = inspect_file(file)
    except KhoiError as exc:
        _fail(str(exc))
    typer.echo(explain(item, findings, color=sys.stdout.isatty() if color is None else color, lang=lang), nl=False)


@app.command()
def score(
    extraction: Annotated[Path, typer.Argument(help="JSON written by `khoi-report extract --json`.")],
    gold: Annotated[Path, typer.Argument(help="Gold CSV: article, field, kind, value, unit, period, evidence.")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
    min_f1: Annotated[float, typer.Option("--min-f1", help="Exit 1 when metadata accuracy or indicator F1 is lower.")] = 0.0,
) -> None:
    """Score an extraction against hand-checked gold annotations.

    Example: khoi-report score extraction.json tests/gold/seeds.gold.csv
    """
    from .score import read_gold, score as run_score

    try:
        data = json.loads(extraction.read_text("utf-8"))
        result = run_score(data, read_gold(gold))
    except (OSError, ValueError, KeyError) as exc:
        _fail(f"{extraction if not isinstance(exc, KeyError) else gold}: {exc}")
    if not quiet:
        for line in result.misses:
            typer.echo(line)
    typer.echo(result.summary())
    if result.metadata_accuracy < min_f1 or result.f1 < min_f1:
        raise typer.Exit(1)


def main() -> None:
    app()
