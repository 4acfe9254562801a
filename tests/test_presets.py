"""Presets: a folder of templates with a preset.toml, looked up after your own templates and
before what it extends, down to the built-in `default`."""

import subprocess

import pytest
from typer.testing import CliRunner

from khoi_report.cli import app
from khoi_report.errors import KhoiError
from khoi_report.render.presets import builtin_presets, chain
from khoi_report.render.templates import files_in_effect, template_dirs

from .conftest import SAMPLES, needs

runner = CliRunner()


@pytest.fixture
def office(tmp_path):
    """A preset of one's own: a new cover, everything else from `default`."""
    folder = tmp_path / "office"
    (folder / "partials").mkdir(parents=True)
    (folder / "preset.toml").write_text('name = "office"\nextends = "default"\ndescription = "Our office\'s cover"\n')
    (folder / "partials" / "cover.html.j2").write_text("<section class=\"cover\"><h1>OFFICE-PRESET-COVER</h1></section>\n")
    return folder


def test_default_is_built_in_and_complete():
    (default,) = [p for p in builtin_presets().values() if p.name == "default"]
    assert default.extends is None and (default.folder / "brief.html.j2").is_file()
    assert [p.name for p in chain("default")] == ["default"]


def test_lookup_order_is_yours_then_the_preset_then_what_it_extends(office, tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    dirs = template_dirs(user, office)
    assert dirs[0] == user.resolve() and dirs[1] == office.resolve() and dirs[-1] == chain("default")[0].folder
    effect = {f.name: f for f in files_in_effect(user, office)}
    assert effect["partials/cover.html.j2"].origin == "office" and effect["partials/cover.html.j2"].overrides
    assert effect["brief.css"].origin == "default"
    (user / "partials").mkdir()
    (user / "partials" / "cover.html.j2").write_text("<h1>mine</h1>")
    assert {f.name: f for f in files_in_effect(user, office)}["partials/cover.html.j2"].origin == "yours"


@needs("pdftotext")
def test_build_with_a_preset_uses_its_files_and_the_rest_from_default(office, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(out), "-f", "pdf", "--preset", str(office)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(out / "brief.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "OFFICE-PRESET-COVER" in text  # the preset's cover
    assert "Đảng bộ Khối" in text  # the default's sections


def test_the_preset_setting_and_templates_list(office, tmp_path):
    settings = tmp_path / "khoi-report.toml"
    settings.write_text(f'preset = "{office.name}"\n', "utf-8")
    listing = runner.invoke(app, ["templates", "list", "--config", str(settings)]).output
    where = {line.split()[0]: line for line in listing.splitlines()}
    assert "preset office" in where["partials/cover.html.j2"]
    assert "preset default" in where["brief.css"]


def test_an_unknown_preset_is_one_line_with_the_nearest_name(tmp_path):
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path), "--preset", "defualt"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["khoi-report: error: unknown preset 'defualt'; did you mean "
                                                  "'default'? (or the path of a folder with a preset.toml)"]
    assert not (tmp_path / "brief.pdf").exists()


def test_a_preset_that_extends_itself_is_an_error_naming_its_file(office):
    (office / "preset.toml").write_text('name = "office"\nextends = "office"\n')
    with pytest.raises(KhoiError, match=r"office/preset\.toml: preset 'office' extends 'office'"):
        chain(office)
