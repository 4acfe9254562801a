"""The `khoi-report` command: a thin layer over the library.

Each command reads the settings (`khoi-report.toml` in the working folder, or `--config`, with
the options given on top), calls the library and prints what it did. A `KhoiError` from anywhere
becomes one line on stderr and exit code 2, in one place (`App.command`).
"""

from __future__ import annotations

import functools
import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._version import __version__
from .errors import KhoiError
from .render.formats import FORMATS


def _fail(message: str) -> None:
    typer.echo(f"khoi-report: error: {message}", err=True)
    raise typer.Exit(2)


class App(typer.Typer):
    """A Typer app whose commands turn a `KhoiError` into one line on stderr and exit code 2."""

    def command(self, *args, **kwargs):
        register = super().command(*args, **kwargs)

        def decorator(function):
            @functools.wraps(function)
            def run(*a, **k):
                try:
                    return function(*a, **k)
                except KhoiError as exc:
                    _fail(str(exc))

            register(run)
            return function

        return decorator


app = App(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    help="Comparative briefs on provincial Party bloc congresses, from a folder of news articles.\n\n"
         "Example: khoi-report build --format pdf",
)
templates_app = App(no_args_is_help=True, rich_markup_mode=None,
                    help="List, copy and check the templates in effect.\n\nExample: khoi-report templates list")
app.add_typer(templates_app, name="templates")

# The --format choices: every registered format, or all of them.
Format = Enum("Format", {name: name for name in [*FORMATS, "all"]}, type=str)


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
    "--templates", "-t", help="Your templates folder; files missing there come from the preset.")]
PresetOption = Annotated[Optional[str], typer.Option(
    "--preset", help="The look of the brief: a built-in preset (default) or the folder of your own.")]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="Language of the brief: vi or en.")]
CycleOption = Annotated[Optional[str], typer.Option(
    "--cycle", help="The term whose congresses are compared, e.g. 2020-2025 (default: the latest with a congress).")]
BySuccessorOption = Annotated[Optional[bool], typer.Option(
    "--by-successor", help="Also the last Khối term beside the 2025 bodies', by the 34 provinces since the merger.")]
# The document as a Party office issues it (preset dang); a value left out prints as a blank.
TitleOption = Annotated[Optional[str], typer.Option("--title", help="The brief's title.")]
OrganisationOption = Annotated[Optional[str], typer.Option("--organisation", help="Who issues the brief (cover, document author).")]
EditionOption = Annotated[Optional[str], typer.Option("--edition", help="Edition shown on the cover, e.g. 'Bản 2'.")]
ParentOption = Annotated[Optional[str], typer.Option("--parent-organisation", help="The superior body, e.g. 'Đảng bộ tỉnh Thái Nguyên'.")]
NumberOption = Annotated[Optional[str], typer.Option("--number", help="Number and symbol, e.g. '12-BC/ĐUK'.")]
PlaceOption = Annotated[Optional[str], typer.Option("--place", help="Where it is issued, e.g. 'Thái Nguyên'.")]
SignerOption = Annotated[Optional[str], typer.Option("--signer", help="Who signs it.")]
SignerTitleOption = Annotated[Optional[str], typer.Option("--signer-title", help="The signer's post (default 'BÍ THƯ').")]
OnBehalfOption = Annotated[Optional[str], typer.Option("--on-behalf", help="The authority line (default 'T/M BAN THƯỜNG VỤ').")]
RecipientOption = Annotated[Optional[list[str]], typer.Option("--recipient", help="One recipient; repeat for each.")]


def _document(parent_organisation, number, place, signer, signer_title, on_behalf, recipient) -> dict:
    """The document options, as settings."""
    return {"parent_organisation": parent_organisation, "number": number, "place": place, "signer": signer,
            "signer_title": signer_title, "on_behalf": on_behalf, "recipients": tuple(recipient) if recipient else None}


NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache", help="Extract every article afresh, without the cache of earlier runs ($KHOI_REPORT_CACHE).")]


def _settings(config: Path | None, **options):
    """The settings file's values with every option given on the command line on top."""
    from .settings import find, load

    base = load(config) if config is not None else find(Path("."))
    return base.with_options(**options)


def _report(result, out: Path) -> None:
    """What a build did, as `build` and `watch` both print it."""
    for warning in result.warnings:
        typer.echo(f"khoi-report: warning: {warning}", err=True)
    if result.up_to_date:
        typer.echo(f"{out}: up to date, nothing changed since the last build (--force builds anyway)")
    for path in result.written:
        typer.echo(f"wrote {path}")
    to_check = result.findings.get("error", 0) + result.findings.get("warning", 0)
    if to_check:
        typer.echo(f"{to_check} finding(s) to check: see the brief's data-quality section", err=True)


def _sign_password() -> str | None:
    """The signing key's passphrase: $KHOI_REPORT_SIGN_PASSWORD, else asked on a terminal (never echoed)."""
    import os

    password = os.environ.get("KHOI_REPORT_SIGN_PASSWORD")
    if password is None and sys.stdin.isatty():
        password = typer.prompt("Passphrase of the signing key", hide_input=True, default="", show_default=False)
    return password


@app.command()
def build(
    config: ConfigOption = None,
    inputs: InputsOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder.")] = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="Which briefs to write.")] = None,
    templates: TemplatesOption = None,
    preset: PresetOption = None,
    lang: LangOption = None,
    cycle: CycleOption = None,
    by_successor: BySuccessorOption = None,
    title: TitleOption = None,
    organisation: OrganisationOption = None,
    edition: EditionOption = None,
    logo: Annotated[Optional[Path], typer.Option("--logo", help="An image for the cover.")] = None,
    parent_organisation: ParentOption = None,
    number: NumberOption = None,
    place: PlaceOption = None,
    signer: SignerOption = None,
    signer_title: SignerTitleOption = None,
    on_behalf: OnBehalfOption = None,
    recipient: RecipientOption = None,
    pdf_variant: Annotated[Optional[str], typer.Option("--pdf-variant", help="An archival PDF: pdf/a-3b, pdf/a-2b, pdf/ua-1, ...")] = None,
    sign: Annotated[Optional[Path], typer.Option(
        "--sign", help="Sign every PDF with this PKCS#12 key (passphrase: $KHOI_REPORT_SIGN_PASSWORD, or asked).")] = None,
    split: Annotated[Optional[bool], typer.Option("--split", help="Also write one brief per bloc: blocs/<bloc>.pdf, .docx, .html.")] = None,
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
    from .pipeline import build as run_build

    formats = None if format is None else tuple(FORMATS) if format.value == "all" else (format.value,)
    settings = _settings(config, inputs=inputs, out=out, formats=formats, templates=templates, preset=preset,
                         lang=lang, cycle=cycle, by_successor=by_successor, title=title, organisation=organisation,
                         edition=edition, logo=logo,
                         **_document(parent_organisation, number, place, signer, signer_title, on_behalf, recipient),
                         pdf_variant=pdf_variant, split=split, max_article_mb=max_article_mb,
                         render_timeout=render_timeout, sign=sign)
    result = run_build(settings, progress=_progress(), store=not no_cache, force=force,
                       sign_password=_sign_password() if settings.sign else None)
    _report(result, settings.out)
    if strict and result.findings.get("error"):
        raise typer.Exit(1)


@app.command()
def watch(
    config: ConfigOption = None,
    inputs: InputsOption = None,
    templates: TemplatesOption = None,
    preset: PresetOption = None,
    lang: LangOption = None,
    cycle: CycleOption = None,
    once: Annotated[bool, typer.Option("--once", help="Build once and stop (for scripts and tests).")] = False,
) -> None:
    """Rebuild whenever an article, a template or the settings change; print how long each took.

    Example: khoi-report watch --templates templates
    """
    from watchfiles import watch as watch_paths

    from .pipeline import build as run_build

    cache: dict = {}

    def rebuild() -> None:
        started = time.perf_counter()
        try:
            settings = _settings(config, inputs=inputs, templates=templates, preset=preset, lang=lang, cycle=cycle)
            result = run_build(settings, cache=cache)
        except KhoiError as exc:  # keep watching: the author fixes the template and saves again
            typer.echo(f"khoi-report: error: {exc}", err=True)
            return
        _report(result, settings.out)
        typer.echo(f"{'checked' if result.up_to_date else 'rebuilt'} in {time.perf_counter() - started:.2f} s")

    rebuild()
    if once:
        return
    settings = _settings(config, inputs=inputs, templates=templates, preset=preset, lang=lang)
    paths = [p for p in (settings.inputs, settings.templates, settings.source or Path("khoi-report.toml"))
             if p is not None and Path(p).exists()]
    typer.echo(f"watching {', '.join(map(str, paths))} (Ctrl-C to stop)")
    try:
        for _changes in watch_paths(*paths):
            rebuild()
    except KeyboardInterrupt:
        pass


@app.command()
def serve(
    config: ConfigOption = None,
    inputs: InputsOption = None,
    templates: TemplatesOption = None,
    preset: PresetOption = None,
    lang: LangOption = None,
    port: Annotated[int, typer.Option("--port", "-p", help="Port on 127.0.0.1.")] = 8000,
) -> None:
    """Build and serve the HTML brief and the PDF on 127.0.0.1; rebuild and reload the open page
    whenever an article, a template or the settings change. A template error shows in the page.

    Example: khoi-report serve --templates templates   (then open http://127.0.0.1:8000/)
    """
    from .serve import serve as run_serve

    def settings():
        return _settings(config, inputs=inputs, templates=templates, preset=preset, lang=lang)

    run_serve(settings, port, typer.echo, lambda line: typer.echo(f"khoi-report: {line}", err=True))


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
    from .pipeline import extract as run_extract
    from .publish import write_atomically
    from .tables import tabulate
    from .tables.export import csv_files, json_file

    if json_path is None and csv_dir is None:
        _fail("say where to write: --json FILE or --csv DIR")
    settings = _settings(config, inputs=inputs)
    data = tabulate(run_extract(settings.inputs, progress=_progress(), store=not no_cache))
    written = []
    if json_path is not None:
        written += write_atomically(json_path.parent, {json_path.name: json_file(data)})
    if csv_dir is not None:
        written += write_atomically(csv_dir, csv_files(data))
    for path in written:
        typer.echo(f"wrote {path}")


@app.command()
def context(
    inputs: InputsOption = None,
    lang: LangOption = None,
    cycle: CycleOption = None,
    by_successor: BySuccessorOption = None,
    title: TitleOption = None,
    organisation: OrganisationOption = None,
    edition: EditionOption = None,
    parent_organisation: ParentOption = None,
    number: NumberOption = None,
    place: PlaceOption = None,
    signer: SignerOption = None,
    signer_title: SignerTitleOption = None,
    on_behalf: OnBehalfOption = None,
    recipient: RecipientOption = None,
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the context as JSON (the only form for now).")] = True,
) -> None:
    """Print the template context for the current inputs: every key a template can use.

    Example: khoi-report context --json > context.json
    """
    from .pipeline import extract as run_extract
    from .pipeline import template_context

    settings = _settings(config, inputs=inputs, lang=lang, cycle=cycle, by_successor=by_successor, title=title,
                         organisation=organisation, edition=edition,
                         **_document(parent_organisation, number, place, signer, signer_title, on_behalf, recipient)).check()
    data = template_context(settings, run_extract(settings.inputs))
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to set up (created if missing).")] = Path("."),
    empty: Annotated[bool, typer.Option("--empty", help="Leave inputs/ empty instead of copying the sample articles.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Write over an existing khoi-report.toml.")] = False,
    all_templates: Annotated[bool, typer.Option("--all", help="Copy every template file, not only the entry files.")] = False,
) -> None:
    """Set up a working folder: khoi-report.toml (every setting, commented), inputs/, and in
    templates/ the entry file of each format (brief.html.j2, screen.html.j2, brief.docx); --all
    copies every template file.

    Example: khoi-report init my-brief && cd my-brief && khoi-report build
    """
    from .scaffold import init_folder

    for path in init_folder(folder, empty=empty, force=force, all_templates=all_templates):
        typer.echo(f"wrote {path}")


@templates_app.command("list")
def templates_list(templates: TemplatesOption = None, preset: PresetOption = None, config: ConfigOption = None) -> None:
    """Show each template file in effect, where it comes from (yours, or which preset) and whether
    your copy differs from the one it replaces.

    Example: khoi-report templates list --templates templates
    """
    from .errors import shown
    from .render.templates import files_in_effect

    settings = _settings(config, templates=templates, preset=preset)
    for f in files_in_effect(settings.templates, settings.preset):
        same = "differs" if f.differs else "identical"  # to the copy it replaces
        if f.yours:
            where = f"yours (replaces the preset's; {same})" if f.overrides else "yours (new)"
        else:
            where = f"preset {f.origin}" + (f" (replaces the one it extends; {same})" if f.overrides else "")
        typer.echo(f"{f.name:<36} {where:<40} {shown(f.path)}")


@templates_app.command("copy")
def templates_copy(
    name: Annotated[str, typer.Argument(help="A built-in file, as `templates list` names it.")],
    templates: TemplatesOption = None,
    preset: PresetOption = None,
    config: ConfigOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace your copy if there is one.")] = False,
) -> None:
    """Copy one template file of the preset in effect into your templates folder, for editing.

    Example: khoi-report templates copy partials/cover.html.j2
    """
    from .render.templates import copy_builtin

    settings = _settings(config, templates=templates, preset=preset)
    typer.echo(f"wrote {copy_builtin(name, settings.templates or Path('templates'), force, settings.preset)}")


@templates_app.command("check")
def templates_check(
    templates: TemplatesOption = None,
    preset: PresetOption = None,
    inputs: InputsOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
) -> None:
    """Lint the templates in effect against the current inputs, writing nothing.

    Example: khoi-report templates check --templates templates
    """
    from .pipeline import extract as run_extract
    from .pipeline import template_context
    from .render.lint import check_templates

    settings = _settings(config, templates=templates, preset=preset, inputs=inputs, lang=lang).check()
    context = template_context(settings, run_extract(settings.inputs))
    errors, warnings = check_templates(context, settings.templates, settings.preset)
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

    problems = run_verify(folder)
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

    item, findings = inspect_file(file)
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
    from .score import read_extraction, read_gold
    from .score import score as run_score

    result = run_score(read_extraction(extraction), read_gold(gold))
    if not quiet:
        for line in result.misses:
            typer.echo(line)
    typer.echo(result.summary())
    if result.metadata_accuracy < min_f1 or result.f1 < min_f1:
        raise typer.Exit(1)


def main() -> None:
    app()
