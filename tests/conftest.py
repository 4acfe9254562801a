import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from khoi_report.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "inputs"
GOLD = Path(__file__).parent / "gold"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
COVER = "partials/cover.html.j2"  # the partial most template tests override

runner = CliRunner()


def needs(tool: str):
    """Skip when a Debian tool is missing on a developer's machine. In CI (CI=true), where
    .ci/run installs it, never skip: the test runs and fails without the tool."""
    if shutil.which(tool) or IN_CI:
        return lambda f: f
    return pytest.mark.skip(reason=f"{tool} not installed (./run test installs it as root)")


@pytest.fixture(autouse=True, scope="session")
def cache_folder(tmp_path_factory):
    """The suite's extraction cache lives in a temporary folder, never in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["KHOI_REPORT_CACHE"] = str(folder)
    return folder


@pytest.fixture
def write_article(tmp_path):
    """Write one article (text or bytes) into an inputs folder and return its path."""
    folder = tmp_path / "inputs"
    folder.mkdir()

    def write(name: str, content: str | bytes) -> Path:
        path = folder / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    write.folder = folder
    return write


def pdf_text(path: Path, layout: bool = False) -> str:
    """The PDF's text as poppler reads it back: white space folded to single spaces (a phrase
    broken over two lines still matches), or with `layout` its lines and columns as printed."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text if layout else " ".join(text.split())


def docx_text(path: Path) -> str:
    """The DOCX's text as python-docx reads it: every paragraph, table cells included, in
    document order, one paragraph a line."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    return "\n".join(Paragraph(p, document).text for p in document.element.body.iter(qn("w:p")))


def libreoffice_pdf(docx: Path, workdir: Path) -> Path:
    """The DOCX as LibreOffice opens it: converted to PDF by `soffice` (read it with `pdf_text`)."""
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{workdir}/profile", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(docx)], check=True, capture_output=True, timeout=180)
    return workdir / (docx.stem + ".pdf")


def build_with_templates(folder: Path, files: dict[str, str | bytes], *options: str,
                         inputs: Path = SAMPLES, formats: str = "pdf") -> tuple[Result, Path]:
    """`khoi-report build` of `inputs` with a templates folder (`folder`/tpl) holding `files`
    (name relative to the folder -> content) besides whatever is already there: every other
    template stays built-in. Returns the CLI's result and the output folder (`folder`/out)."""
    templates = folder / "tpl"
    templates.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (templates / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (templates / name).write_bytes(content)
        else:
            (templates / name).write_text(content, "utf-8")
    out = folder / "out"
    result = runner.invoke(app, ["build", "-i", str(inputs), "-o", str(out), "-f", formats, "-t", str(templates),
                                   *options])
    return result, out


def assert_one_line_error(result: Result, *must_contain: str) -> str:
    """The command failed as a user error should: exit 2 and exactly one line on stderr,
    `khoi-report: error: ...`, holding each of `must_contain` (the file it names among them)."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("khoi-report: error: "), result.stderr
    for needle in must_contain:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture(scope="session")
def large_context(tmp_path_factory):
    """A brief of 22 blocs, from the synthetic corpus generator: enough for its PDF to be laid
    out in parts (`render.pdfparts`)."""
    import datetime as dt
    import sys

    from khoi_report.pipeline import extract
    from khoi_report.render.context import build_context
    from khoi_report.tables import tabulate

    folder = tmp_path_factory.mktemp("large")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), str(folder), "--n", "22"],
                   check=True, capture_output=True)
    context = build_context(tabulate(extract(folder / "articles", store=False)), today=dt.date(2026, 11, 23))
    assert len(context["blocs"]) == 22
    return context
