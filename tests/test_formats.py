"""Output formats come from one registry: a new format is one module and one entry, and the build,
--split, the settings, the manifest and verify all follow it."""

import json

import pytest
from typer.testing import CliRunner

from khoi_report import build
from khoi_report.cli import app
from khoi_report.errors import KhoiError
from khoi_report.publish import verify
from khoi_report.render.formats import DEFAULT, FORMATS, Format
from khoi_report.settings import Settings, load

from .conftest import SAMPLES


def render_json(context: dict, job) -> bytes:
    """A trivial format: the template context itself."""
    return json.dumps(context, ensure_ascii=False, sort_keys=True).encode("utf-8")


@pytest.fixture
def json_format(monkeypatch):
    monkeypatch.setitem(FORMATS, "json", Format("json", "brief.json", render_json, description="the context"))


def test_a_registered_format_is_built_split_and_listed_in_the_manifest(json_format, tmp_path):
    result = build(Settings(inputs=SAMPLES, out=tmp_path, formats=("json",), split=True))
    context = json.loads((tmp_path / "brief.json").read_text("utf-8"))
    assert context["brief"]["blocs"] == 5 and len(context["blocs"]) == 5
    for bloc in context["blocs"]:
        own = json.loads((tmp_path / "blocs" / f"{bloc['id']}.json").read_text("utf-8"))
        assert [b["id"] for b in own["blocs"]] == [bloc["id"]]
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert {"brief.json", f"blocs/{context['blocs'][0]['id']}.json"} <= {o["file"] for o in manifest["outputs"]}
    assert not (tmp_path / "brief.pdf").exists()
    assert tmp_path / "brief.json" in result.written and verify(tmp_path) == []


def test_the_settings_file_accepts_a_registered_format_and_names_the_choices(json_format, tmp_path):
    path = tmp_path / "khoi-report.toml"
    path.write_text('formats = ["json", "pdf"]\n', "utf-8")
    assert load(path).formats == ("json", "pdf")
    path.write_text('formats = ["odt"]\n', "utf-8")
    with pytest.raises(KhoiError, match=r'khoi-report.toml:1: formats must be a list of "pdf" and "docx" and "html" and "json"'):
        load(path)


def test_an_unknown_format_is_one_line_naming_the_registered_ones(tmp_path):
    with pytest.raises(KhoiError, match=r"unknown format 'odt'; choose from pdf, docx, html$"):
        build(Settings(inputs=SAMPLES, out=tmp_path, formats=("odt",)))


def test_the_cli_offers_every_registered_format():
    help_text = CliRunner().invoke(app, ["build", "--help"]).output
    for name in [*FORMATS, "all"]:
        assert name in help_text
    assert DEFAULT == ("pdf", "docx") and Settings().formats == DEFAULT
