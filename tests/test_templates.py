"""Customising templates without reading the source: override one file, edit the DOCX, get errors
that name the file and line, lint, scaffold, settings, the context reference."""

import pytest
from docx import Document

from khoi_report.cli import app
from khoi_report.render.templates import builtin_templates

from .conftest import (
    COVER,
    ROOT,
    SAMPLES,
    assert_one_line_error,
    build_with_templates,
    needs,
    pdf_text,
    runner,
)


def build(tmp_path, *args):
    return runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "out"), *args])


SUB_CELLS = ('{% set bloc = blocs|selectattr("id", "equalto", row.bloc)|first %}'
             '{{ bloc.achievements|selectattr("indicator", "equalto", "sub_cells")|map(attribute="text")|first|default("—") }}')


@needs("pdftotext")
def test_adding_a_column_to_the_comparison_table_in_the_pdf(tmp_path):
    user = tmp_path / "tpl"
    assert runner.invoke(app, ["templates", "copy", "partials/comparison.html.j2", "-t", str(user)]).exit_code == 0
    partial = user / "partials" / "comparison.html.j2"
    html = partial.read_text("utf-8")
    header_end, body_end = "{% endfor %}\n      </tr>\n    </thead>", "{% endfor %}\n      </tr>\n{% endmacro %}"
    assert header_end in html and body_end in html
    html = html.replace(header_end, "{% endfor %}<th>Chi bộ trực thuộc</th>\n      </tr>\n    </thead>", 1)
    html = html.replace(body_end, "{% endfor %}<td>" + SUB_CELLS + "</td>\n      </tr>\n{% endmacro %}", 1)
    partial.write_text(html, "utf-8")
    result = build(tmp_path, "-f", "pdf", "-t", str(user))
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "out" / "brief.pdf")
    assert "Chi bộ trực thuộc" in text and "350" in text


def test_an_edit_of_the_docx_template_shows_in_the_output(tmp_path):
    user = tmp_path / "tpl"
    runner.invoke(app, ["templates", "copy", "brief.docx", "-t", str(user)])
    doc = Document(str(user / "brief.docx"))
    table = doc.tables[0]  # the comparison table
    column = table.add_column(table.columns[0].width)
    column.cells[0].text = "Chi bộ trực thuộc"
    column.cells[2].text = "{{ (blocs|selectattr('id', 'equalto', row.bloc)|first).achievements|selectattr('indicator', 'equalto', 'sub_cells')|map(attribute='text')|first|default('—') }}"
    doc.save(str(user / "brief.docx"))
    result = build(tmp_path, "-f", "docx", "-t", str(user))
    assert result.exit_code == 0, result.output
    rendered = Document(str(tmp_path / "out" / "brief.docx")).tables[0]
    assert rendered.rows[0].cells[-1].text == "Chi bộ trực thuộc"
    assert "350" in [row.cells[-1].text for row in rendered.rows]


@pytest.mark.parametrize("cover, expect", [
    ("<h1>{{ brief.titel }}</h1>", ["cover.html.j2:2", "titel", "did you mean title"]),
    ("{% if %}x{% endif %}", ["cover.html.j2:2", "Expected an expression"]),
    ('{% include "partials/nope.html.j2" %}', ["cover.html.j2:2", "'partials/nope.html.j2' not found in the templates folders"]),
    ("<h1>{{ brief.title|upperr }}</h1>", ["cover.html.j2:2", "upperr", "did you mean upper"]),
    ("<h1>{{ ''.__class__.__mro__ }}</h1>", ["cover.html.j2:2", "unsafe"]),
    ("<h1>{{ brief.title|attr('format') }}</h1>", ["cover.html.j2:2", "unsafe"]),
    ("<h1>{{ brief.title.format_map({}) }}</h1>", ["cover.html.j2:2", "unsafe"]),
    ("{% for i in range(200000) %}{% endfor %}", ["cover.html.j2:2", "Range too big"]),  # the sandbox's bound
    # a block never closed: the line of its opening tag, and what was expected, in plain words
    ("{% for b in blocs %}\n<p>{{ b.name }}</p>\n", ["cover.html.j2:2: {% for %} opened here is never closed: "
                                                       "expected {% endfor %} (or {% else %}) before the end of the file"]),
    ("{% if brief.title %}\n{% for b in blocs %}\n{% endif %}", ["cover.html.j2:3: {% for %} opened here is never "
                                                               "closed: {% endif %} on line 4 came first; expected {% endfor %}"]),
    ("<p>{{ brief.title }</p>", ["cover.html.j2:2: unexpected '}' here: expected }} (a {{ … }} closes with two braces)"]),
    ("{% fro b in blocs %}{% endfor %}", ["cover.html.j2:2: unknown tag {% fro %} (did you mean", "{% for %}"]),
    ('{% include "/etc/passwd" %}', ["cover.html.j2:2", "refused to load template '/etc/passwd'"]),
    # Python's own errors in an expression, as one line too
    ("<h1>{{ 1 + brief.title }}</h1>", ["cover.html.j2:2", "unsupported operand"]),
    ("<h1>{{ brief.title.index('§') }}</h1>", ["cover.html.j2:2", "substring not found"]),
])
def test_each_template_error_names_the_file_and_line(tmp_path, cover, expect):
    cover_fails_with(tmp_path, cover, expect)


def cover_fails_with(tmp_path, cover: str, expect: list[str], *options: str) -> None:
    """With `cover` as the cover partial, the build fails with one line holding every `expect`."""
    result, out = build_with_templates(tmp_path, {COVER: f"<section>\n{cover}\n</section>\n"}, *options)
    assert_one_line_error(result, *expect)
    assert not out.exists()


@pytest.mark.parametrize("files, expect", [
    ({"brief.css": "body { margin: 0; }\np { color: {{ brief.colour }}; }\n"}, ["brief.css:2", "colour"]),
    ({COVER: '{% include "partials/extra.html" %}\n', "partials/extra.html": "<p>\n{{ brief.titel }}</p>\n"},
     ["partials/extra.html:2", "titel"]),
], ids=["stylesheet", "plain .html partial"])
def test_an_error_in_the_stylesheet_or_a_plain_html_partial_names_it(tmp_path, files, expect):
    """The stylesheet is a template too, and a partial may be a plain .html: the error names the
    file at fault and its line, not the one that includes it."""
    result, out = build_with_templates(tmp_path, files)
    assert_one_line_error(result, *expect)
    assert not out.exists()


def test_a_templates_folder_that_does_not_exist_is_an_error(tmp_path):
    """A mistyped --templates is not quietly the built-in look."""
    result = build(tmp_path, "-f", "pdf", "-t", str(tmp_path / "tlp"))
    assert_one_line_error(result, "tlp: templates folder not found")
    assert not (tmp_path / "out").exists()


RUNAWAY = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"  # writes nothing


@pytest.mark.parametrize("cover, expect", [
    # The line where it was stopped: in the loop, or (when it was passing output up) at the include.
    (RUNAWAY, ["html.j2:", "longer than 1 s", "render_timeout"]),
    (RUNAWAY.replace("{% endfor %}{% endfor %}", "{{ i }}{% endfor %}{% endfor %}"), ["html.j2:", "render_timeout"]),
    ("{{ 'x' * 1000000000 }}", ["cover.html.j2:2", "too large"]),
    ("{{ 2 ** 100000000 }}", ["cover.html.j2:2", "too large"]),
    ("{{ 1000000000 * 'x' }}", ["cover.html.j2:2", "too large"]),  # the count first
    # A filter that runs on in Python, never in template code: stopped inside it after a grace.
    ("{{ ((range(100000)|list) * 400)|select('odd')|sum }}", ["cover.html.j2:2", "longer than 1 s", "render_timeout"]),
    ("{{ ((range(10)|list) * 6000000)|length }}", ["cover.html.j2:2", "too large"]),  # a list, a tuple: memory
    ("{{ ((0,) * 60000000)|length }}", ["cover.html.j2:2", "too large"]),
    # Pieces each within bounds that add up to more than any brief: stopped as the output grows.
    ("{% for i in range(60) %}{{ 'x' * 1000000 }}{% endfor %}", ["html.j2:", "more than 50,000,000 characters"]),
])
def test_a_runaway_template_is_stopped(tmp_path, cover, expect):
    cover_fails_with(tmp_path, cover, expect, "--render-timeout", "1")


@needs("pdftotext")
def test_the_arithmetic_a_template_may_do(tmp_path):
    """The bounds on '*' and '**' stop a runaway, not a template's own sums and rules; refusing
    str.format leaves the other string methods."""
    cover = ("<p>POWER {{ 2 ** 10 }} PRODUCT {{ 3 * 4 }} RULE {{ '=' * 70 }} LIST {{ ([0] * 3)|length }} "
             "UPPER {{ 'abc'.upper() }}</p>\n")
    result, out = build_with_templates(tmp_path, {COVER: cover})
    assert result.exit_code == 0, result.output
    assert f"POWER 1024 PRODUCT 12 RULE {'=' * 70} LIST 3 UPPER ABC" in pdf_text(out / "brief.pdf")


def docx_with_subtitle(tmp_path, tag: str):
    """A templates folder whose brief.docx has `tag` where the subtitle's tag stood."""
    user = tmp_path / "tpl"
    runner.invoke(app, ["templates", "copy", "brief.docx", "-t", str(user)])
    doc = Document(str(user / "brief.docx"))
    (paragraph,) = [p for p in doc.paragraphs if p.text == "{{ brief.subtitle }}"]
    paragraph.runs[0].text = tag
    doc.save(str(user / "brief.docx"))
    return user


def test_a_runaway_docx_template_is_stopped(tmp_path):
    user = docx_with_subtitle(tmp_path, RUNAWAY)
    (tmp_path / "khoi-report.toml").write_text('render_timeout = 1\n', "utf-8")
    result = build(tmp_path, "-f", "docx", "-t", str(user), "--config", str(tmp_path / "khoi-report.toml"))
    assert_one_line_error(result, "brief.docx: the template took longer than 1 s")
    assert not (tmp_path / "out").exists()


def test_a_runaway_template_is_stopped_at_its_limit_not_after_the_filters_grace():
    """render_timeout is kept: a loop in template code is stopped when its time is up; the two
    seconds' grace is only for a filter running on in Python."""
    import time

    from khoi_report.render.templates import RenderLimit, environment, time_limit

    env = environment([builtin_templates()])
    template = env.from_string(RUNAWAY)
    started = time.monotonic()
    with pytest.raises(RenderLimit, match="longer than 0.5 s"):
        with time_limit(env, 0.5):
            template.render()
    assert time.monotonic() - started < 2.0


def test_the_roman_filter_numbers_parts_as_a_party_document_does():
    """{{ 4|roman }} -> IV, as README says: the dang preset numbers its parts I-, II- with it."""
    from khoi_report.render.templates import environment

    env = environment([builtin_templates()])
    assert env.from_string("{{ 1|roman }}- {{ 4|roman }}- {{ 14|roman }}-").render() == "I- IV- XIV-"


def test_a_render_leaves_no_timer_running(tmp_path):
    """A program that builds briefs through the API keeps its own SIGALRM handler, and no timer
    goes on firing after the render."""
    import signal

    from khoi_report.render.templates import environment, time_limit

    def mine(signum, frame):
        raise AssertionError("the program's own alarm")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        env = environment([builtin_templates()])
        with time_limit(env, 30):
            assert env.from_string("{% for i in range(3) %}{{ i }}{% endfor %}").render() == "012"
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_a_template_is_stopped_between_pieces():
    import threading

    from khoi_report.render.templates import RenderLimit, environment, time_limit

    env = environment([builtin_templates()])
    template = env.from_string(RUNAWAY.replace("{% endfor %}{% endfor %}", "{{ j }}{% endfor %}{% endfor %}"))
    stops = []

    def render() -> None:
        try:
            with time_limit(env, 0.5):
                template.render()
        except RenderLimit as exc:
            stops.append(str(exc))

    worker = threading.Thread(target=render)
    worker.start()
    worker.join(timeout=120)
    assert stops == ["the template took longer than 0.5 s to render"]
    # The control: within its time, a template renders whole there too.
    rendered = []

    def quick() -> None:
        with time_limit(env, 30):
            rendered.append(env.from_string("{% for i in range(3) %}{{ i }}{% endfor %}").render())

    worker = threading.Thread(target=quick)
    worker.start()
    worker.join(timeout=120)
    assert rendered == ["012"]


@pytest.mark.parametrize("tag, expect", [
    ("{{ brief.subtitel }}", ["brief.docx", "subtitel", "did you mean subtitle", "in the paragraph “{{ brief.subtitel }}”"]),
    ("{{ ''.__class__ }}", ["brief.docx", "unsafe"]),
])
def test_docx_template_errors_quote_the_paragraph(tmp_path, tag, expect):
    user = docx_with_subtitle(tmp_path, tag)
    result = build(tmp_path, "-f", "docx", "-t", str(user))
    assert_one_line_error(result, *expect)
    assert not (tmp_path / "out").exists()


def test_a_docx_that_is_not_a_docx(tmp_path):
    user = tmp_path / "tpl"
    user.mkdir()
    (user / "brief.docx").write_bytes(b"not a zip")
    result = build(tmp_path, "-f", "docx", "-t", str(user))
    assert_one_line_error(result, "brief.docx: cannot read this .docx template")


def test_templates_list_shows_which_copy_is_in_effect(tmp_path):
    user = tmp_path / "tpl"
    runner.invoke(app, ["templates", "copy", "brief.css", "-t", str(user)])
    (user / "extra.css").write_text("/* mine */")
    lines = runner.invoke(app, ["templates", "list", "-t", str(user)]).output.splitlines()
    where = {line.split()[0]: line for line in lines}
    assert "yours (replaces the preset's; identical)" in where["brief.css"]
    (user / "brief.css").write_text((user / "brief.css").read_text("utf-8") + "h1 { color: navy; }\n", "utf-8")
    lines = runner.invoke(app, ["templates", "list", "-t", str(user)]).output.splitlines()
    where = {line.split()[0]: line for line in lines}
    assert "yours (replaces the preset's; differs)" in where["brief.css"]
    assert "yours (new)" in where["extra.css"]
    assert "preset default" in where["partials/bloc.html.j2"]
    assert "preset.toml" not in where  # the preset's own description is no template


def test_templates_copy_refuses_to_overwrite_and_suggests_names(tmp_path):
    user = tmp_path / "tpl"
    assert runner.invoke(app, ["templates", "copy", "brief.css", "-t", str(user)]).exit_code == 0
    again = runner.invoke(app, ["templates", "copy", "brief.css", "-t", str(user)])
    assert_one_line_error(again, str(user / "brief.css"), "already exists")
    typo = runner.invoke(app, ["templates", "copy", "partials/blok.html.j2", "-t", str(user)])
    assert_one_line_error(typo, "partials/blok.html.j2", "partials/bloc.html.j2")


def test_templates_check_passes_the_defaults_and_reports_split_tags(tmp_path):
    ok = runner.invoke(app, ["templates", "check", "-i", str(SAMPLES)])
    assert ok.exit_code == 0 and "templates OK" in ok.output
    user = tmp_path / "tpl"
    runner.invoke(app, ["templates", "copy", "brief.docx", "-t", str(user)])
    doc = Document(str(user / "brief.docx"))
    (paragraph,) = [p for p in doc.paragraphs if p.text == "{{ brief.subtitle }}"]
    paragraph.runs[0].text = "{{ brief."
    paragraph.add_run("subtitle }}").bold = True  # what Word does when formatting changes inside a tag
    doc.save(str(user / "brief.docx"))
    result = runner.invoke(app, ["templates", "check", "-i", str(SAMPLES), "-t", str(user)])
    assert "split across formatting runs" in result.output and "{{ brief.subtitle }}" in result.output


@pytest.mark.parametrize("cover, cover_error, sources, sources_error", [
    ("{% if %}\n", "Expected an expression", "{{ nope }}\n", "'nope' is undefined"),
    ("{{ brief.titel }}\n", "has no attribute 'titel'", "{{ nope }}\n", "'nope' is undefined"),
], ids=["syntax error, unknown name", "two unknown names"])
def test_templates_check_reports_every_broken_template(tmp_path, cover, cover_error, sources, sources_error):
    """One broken file must not hide the next: both partials are named, each on its own line."""
    user = tmp_path / "tpl" / "partials"
    user.mkdir(parents=True)
    (user / "cover.html.j2").write_text(cover)
    (user / "sources.html.j2").write_text(sources)
    result = runner.invoke(app, ["templates", "check", "-i", str(SAMPLES), "-t", str(tmp_path / "tpl")])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("khoi-report: error: ") for line in lines), result.stderr
    assert f"{user / 'cover.html.j2'}:1: " in lines[0] and cover_error in lines[0]
    assert f"{user / 'sources.html.j2'}:1: {sources_error}" in lines[1]


def test_init_scaffolds_a_working_folder_that_builds(tmp_path, monkeypatch):
    folder = tmp_path / "brief"
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    assert sorted(p.name for p in (folder / "inputs").iterdir()) == sorted(p.name for p in SAMPLES.glob("*.txt"))
    # the entry file of each format, nothing more: the partials stay the preset's until copied
    assert sorted(p.name for p in (folder / "templates").rglob("*")) == ["brief.docx", "brief.html.j2", "screen.html.j2"]
    settings = (folder / "khoi-report.toml").read_text("utf-8")
    for key in ("inputs", "out", "formats", "templates", "lang", "title", "organisation", "edition", "logo"):
        assert key in settings
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["build", "-f", "docx"])
    assert result.exit_code == 0, result.output
    assert (folder / "build" / "brief.docx").is_file()
    again = runner.invoke(app, ["init", str(folder)])  # never overwritten silently
    assert_one_line_error(again, str(folder / "khoi-report.toml"), "already exists")
    empty = runner.invoke(app, ["init", str(tmp_path / "empty"), "--empty"])
    assert empty.exit_code == 0 and not any((tmp_path / "empty" / "inputs").iterdir())
    every = runner.invoke(app, ["init", str(tmp_path / "all"), "--all", "--empty"])
    assert every.exit_code == 0 and (tmp_path / "all" / "templates" / "partials" / "bloc.html.j2").is_file()
    assert not (tmp_path / "all" / "templates" / "preset.toml").exists()


def test_settings_file_and_options(tmp_path, monkeypatch):
    (tmp_path / "khoi-report.toml").write_text(f'inputs = "{SAMPLES}"\nformats = ["docx"]\ntitle = "Bản tin A"\n'
                                               'organisation = "Ban Tổ chức"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "--title", "Bản tin B"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "build" / "brief.pdf").exists()  # formats from the file
    doc = Document(str(tmp_path / "build" / "brief.docx"))
    assert doc.core_properties.title == "Bản tin B"  # the option wins
    assert doc.core_properties.author == "Ban Tổ chức"  # the file's setting stays


def test_an_unknown_setting_names_its_line(tmp_path, monkeypatch):
    (tmp_path / "khoi-report.toml").write_text('inputs = "inputs"\n\norganization = "x"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build"])
    assert_one_line_error(result, "khoi-report.toml:3: unknown setting 'organization'; did you mean 'organisation'?")


def test_context_json_prints_the_context(tmp_path):
    import json

    result = runner.invoke(app, ["context", "--json", "-i", str(SAMPLES)])
    data = json.loads(result.output)
    assert {"brief", "comparison", "blocs", "findings", "sources", "charts", "toc", "summary"} <= set(data)


def test_the_context_reference_page_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_context_doc", ROOT / "tools" / "make_context_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "context.md").read_text("utf-8") == module.page(), \
        "docs/context.md is stale: run .venv/bin/python tools/make_context_doc.py"


def test_watch_once_builds_and_says_how_long(tmp_path):
    result = runner.invoke(app, ["watch", "--once", "-i", str(SAMPLES), "--config", str(_settings(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("wrote ") and line.endswith("brief.pdf") for line in lines)
    assert any(line.startswith("wrote ") and line.endswith("brief.docx") for line in lines)
    assert lines[-1].startswith("rebuilt in ") and lines[-1].endswith(" s")


def _settings(tmp_path):
    path = tmp_path / "khoi-report.toml"
    path.write_text(f'out = "{tmp_path / "out"}"\n', "utf-8")
    return path


def test_built_in_templates_are_the_packaged_ones():
    assert (builtin_templates() / "brief.docx").is_file()


def test_what_weasyprint_skips_is_a_warning_at_the_template_line(tmp_path):
    """A CSS declaration or selector WeasyPrint cannot parse, an image it is refused or cannot
    find: each a `khoi-report: warning: file:line: …` in build and in templates check."""
    css = (builtin_templates() / "brief.css").read_text("utf-8") + "p.x { colr: red; }\nh9::foo { color: red }\n"
    line = css.count("\n") - 1
    cover = ('<section class="cover">\n<img src="nope.png" alt="">\n<img src="https://example.com/x.png" alt="">\n'
             "<h1>{{ brief.title }}</h1></section>\n")
    result, _ = build_with_templates(tmp_path, {"brief.css": css, COVER: cover})
    assert result.exit_code == 0, result.output
    user = tmp_path / "tpl"
    expected = [f"khoi-report: warning: {user / 'brief.css'}:{line}: Ignored `colr: red`, unknown property.",
                f"khoi-report: warning: {user / 'brief.css'}:{line + 1}: Invalid or unsupported selector",
                f"khoi-report: warning: {user / COVER}:2: image 'nope.png' not found in the templates folders",
                f"khoi-report: warning: {user / COVER}:3: image 'https://example.com/x.png' refused: only the templates' own "
                "files are allowed"]
    for command in (result, runner.invoke(app, ["templates", "check", "-i", str(SAMPLES), "-t", str(user)])):
        lines = [l for l in command.stderr.splitlines() if l.startswith("khoi-report: warning:")]
        for want in expected:
            assert any(l.startswith(want) for l in lines), (want, lines)


def test_template_paths_are_shown_relative_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tpl" / "partials").mkdir(parents=True)
    (tmp_path / "tpl" / COVER).write_text("<h1>\n{{ brief.titel }}</h1>\n", "utf-8")
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", "out", "-f", "pdf", "-t", "tpl"])
    assert_one_line_error(result, "error: tpl/partials/cover.html.j2:2: ")
