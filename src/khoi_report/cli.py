"""The `khoi-report` command: a thin layer over the library.

Each command calls the library and turns a `KhoiError` into one line on stderr and exit code 2.
Settings come from `khoi-report.toml` in the working folder (or `--config`); options override them.
"""

from __future__ import annotations

import json
import sys
import time
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
templates_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                            help="List, copy and check the templates in effect.\n\nExample: khoi-report templates list")
app.add_typer(templates_app, name="templates")


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


ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", "-c", help="Settings file (default: khoi-report.toml in this folder, if there is one).")]
InputsOption = Annotated[Optional[Path], typer.Option("--inputs", "-i", help="Folder of articles (.txt, .md, .html).")]
TemplatesOption = Annotated[Optional[Path], typer.Option(
    "--templates", "-t", help="Your templates folder; files missing there come from the built-in ones.")]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="Language of the brief: vi or en.")]
NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache", help="Extract every article afresh, without the cache of earlier runs ($KHOI_REPORT_CACHE).")]


def _settings(config: Path | None, **options):
    from .settings import find, load

    try:
        base = load(config) if config is not None else find(Path("."))
    except KhoiError as exc:
        _fail(str(exc))
    return base.with_options(**options)


@app.command()
def build(
    config: ConfigOption = None,
    inputs: InputsOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder.")] = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="Which briefs to write.")] = None,
    templates: TemplatesOption = None,
    lang: LangOption = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The brief's title.")] = None,
    organisation: Annotated[Optional[str], typer.Option("--organisation", help="Who issues the brief (cover, document author).")] = None,
    edition: Annotated[Optional[str], typer.Option("--edition", help="Edition shown on the cover, e.g. 'Bản 2'.")] = None,
    logo: Annotated[Optional[Path], typer.Option("--logo", help="An image for the cover.")] = None,
    pdf_variant: Annotated[Optional[str], typer.Option("--pdf-variant", help="An archival PDF: pdf/a-3b, pdf/a-2b, pdf/ua-1, ...")] = None,
    split: Annotated[bool, typer.Option("--split", help="Also write one brief per bloc: blocs/<bloc>.pdf and .docx.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when a finding is an error (the brief is still written).")] = False,
    max_article_mb: Annotated[Optional[float], typer.Option("--max-article-mb", help="Skip articles larger than this (default 20).")] = None,
    render_timeout: Annotated[Optional[float], typer.Option(
        "--render-timeout", help="Seconds a template may take to render (default 60).")] = None,
    no_cache: NoCacheOption = False,
    force: Annotated[bool, typer.Option("--force", help="Build even when nothing changed since the last build.")] = False,
) -> None:
    """Build the comparative brief (PDF and/or DOCX) from a folder of articles.

    Example: khoi-report build --inputs inputs --out build --format pdf
    """
    from .pipeline import build_with

    formats = None if format is None else ("pdf", "docx") if format is Format.all else (format.value,)
    settings = _settings(config, inputs=inputs, out=out, formats=formats, templates=templates, lang=lang,
                         title=title, organisation=organisation, edition=edition, logo=logo, pdf_variant=pdf_variant,
                         max_article_mb=max_article_mb, render_timeout=render_timeout)
    try:
        result = build_with(settings, progress=_progress(), split=split, store=not no_cache, force=force)
    except KhoiError as exc:
        _fail(str(exc))
    _report(result, settings.out)
    if strict and result.findings.get("error"):
        raise typer.Exit(1)


def _report(result, out: Path) -> None:
    for warning in result.warnings:
        typer.echo(f"khoi-report: warning: {warning}", err=True)
    if result.up_to_date:
        typer.echo(f"{out}: up to date, nothing changed since the last build (--force builds anyway)")
    for path in result.written:
        typer.echo(f"wrote {path}")
    to_check = result.findings.get("error", 0) + result.findings.get("warning", 0)
    if to_check:
        typer.echo(f"{to_check} finding(s) to check: see the brief's data-quality section", err=True)


@app.command()
def watch(
    config: ConfigOption = None,
    inputs: InputsOption = None,
    templates: TemplatesOption = None,
    lang: LangOption = None,
    once: Annotated[bool, typer.Option("--once", help="Build once and stop (for scripts and tests).")] = False,
) -> None:
    """Rebuild whenever an article, a template or the settings change; print how long each took.

    Example: khoi-report watch --templates templates
    """
    from watchfiles import watch as watch_paths

    from .pipeline import build_with

    cache: dict = {}

    def rebuild() -> None:
        settings = _settings(config, inputs=inputs, templates=templates, lang=lang)
        started = time.perf_counter()
        try:
            result = build_with(settings, cache=cache)
        except KhoiError as exc:  # keep watching: the author fixes the template and saves again
            typer.echo(f"khoi-report: error: {exc}", err=True)
            return
        for warning in result.warnings:
            typer.echo(f"khoi-report: warning: {warning}", err=True)
        took = time.perf_counter() - started
        if result.up_to_date:
            typer.echo(f"nothing changed ({took:.2f} s)")
        else:
            typer.echo(f"rebuilt {', '.join(p.name for p in result.written)} in {took:.2f} s")

    rebuild()
    if once:
        return
    settings = _settings(config, inputs=inputs, templates=templates, lang=lang)
    paths = [p for p in (settings.inputs, settings.templates, settings.source or Path("khoi-report.toml"))
             if p is not None and Path(p).exists()]
    typer.echo(f"watching {', '.join(map(str, paths))} (Ctrl-C to stop)")
    try:
        for _changes in watch_paths(*paths):
            rebuild()
    except KeyboardInterrupt:
        pass


@app.command()
def extract(
    inputs: InputsOption = None,
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Write articles, observations and findings as JSON.")] = None,
    csv_dir: Annotated[Optional[Path], typer.Option("--csv", help="Write articles.csv, observations.csv, findings.csv here.")] = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Extract metadata, figures and findings as data, without rendering a brief.

    Example: khoi-report extract --inputs inputs --json extraction.json
    """
    from .export import to_csv, to_json
    from .pipeline import extract as run_extract
    from .pipeline import tables

    if json_path is None and csv_dir is None:
        _fail("say where to write: --json FILE or --csv DIR")
    settings = _settings(config, inputs=inputs)
    try:
        data = tables(run_extract(settings.inputs, progress=_progress(), store=not no_cache))
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
def context(
    inputs: InputsOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the context as JSON (the only form for now).")] = True,
) -> None:
    """Print the template context for the current inputs: every key a template can use.

    Example: khoi-report context --json > context.json
    """
    from .context import build_context
    from .pipeline import extract as run_extract
    from .pipeline import tables

    settings = _settings(config, inputs=inputs, lang=lang)
    try:
        data = build_context(tables(run_extract(settings.inputs), settings.inputs / "corrections.toml"),
                             lang=settings.lang, title=settings.title,
                             organisation=settings.organisation, edition=settings.edition,
                             logo=str(settings.logo) if settings.logo else None)
    except KhoiError as exc:
        _fail(str(exc))
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to set up (created if missing).")] = Path("."),
    empty: Annotated[bool, typer.Option("--empty", help="Leave inputs/ empty instead of copying the sample articles.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Write over an existing khoi-report.toml.")] = False,
) -> None:
    """Set up a working folder: khoi-report.toml (every setting, commented), inputs/, templates/.

    Example: khoi-report init my-brief && cd my-brief && khoi-report build
    """
    from .scaffold import init_folder

    try:
        for path in init_folder(folder, empty=empty, force=force):
            typer.echo(f"wrote {path}")
    except KhoiError as exc:
        _fail(str(exc))


@templates_app.command("list")
def templates_list(templates: TemplatesOption = None, config: ConfigOption = None) -> None:
    """Show each template file and whether yours or the built-in one is in effect.

    Example: khoi-report templates list --templates templates
    """
    from .templates import files_in_effect

    settings = _settings(config, templates=templates)
    for f in files_in_effect(settings.templates):
        where = "yours (replaces the built-in one)" if f.overrides else "yours (new)" if f.yours else "built-in"
        typer.echo(f"{f.name:<36} {where:<34} {f.path}")


@templates_app.command("copy")
def templates_copy(
    name: Annotated[str, typer.Argument(help="A built-in file, as `templates list` names it.")],
    templates: TemplatesOption = None,
    config: ConfigOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace your copy if there is one.")] = False,
) -> None:
    """Copy one built-in template file into your templates folder, for editing.

    Example: khoi-report templates copy partials/cover.html.j2
    """
    from .templates import copy_builtin

    settings = _settings(config, templates=templates)
    try:
        typer.echo(f"wrote {copy_builtin(name, settings.templates or Path('templates'), force)}")
    except KhoiError as exc:
        _fail(str(exc))


@templates_app.command("check")
def templates_check(
    templates: TemplatesOption = None,
    inputs: InputsOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Lint the templates in effect against the current inputs, writing nothing.

    Example: khoi-report templates check --templates templates
    """
    from .pipeline import extract as run_extract
    from .pipeline import tables
    from .render import check_templates

    settings = _settings(config, templates=templates, inputs=inputs, lang=lang)
    try:
        data = tables(run_extract(settings.inputs), settings.inputs / "corrections.toml")
        errors, warnings = check_templates(data, settings.templates, settings.lang)
    except KhoiError as exc:
        _fail(str(exc))
    for warning in warnings:
        typer.echo(f"khoi-report: warning: {warning}", err=True)
    for error in errors:
        typer.echo(f"khoi-report: error: {error}", err=True)
    if errors:
        raise typer.Exit(2)
    typer.echo("templates OK" + (f" ({len(warnings)} warning(s))" if warnings else ""))


@app.command()
def verify(
    folder: Annotated[Path, typer.Argument(help="A folder of briefs with its manifest.json.")] = Path("build"),
) -> None:
    """Check a folder of briefs against its manifest.json: name every file that is missing or changed.

    Example: khoi-report verify build
    """
    from .publish import verify as run_verify

    try:
        problems = run_verify(folder)
    except KhoiError as exc:
        _fail(str(exc))
    for problem in problems:
        typer.echo(f"khoi-report: {problem}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{folder}: every file matches its manifest")


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
    from .score import read_gold
    from .score import score as run_score

    try:
        data = json.loads(extraction.read_text("utf-8"))
        result = run_score(data, read_gold(gold))
    except KhoiError as exc:
        _fail(str(exc))
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
