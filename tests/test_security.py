"""Rendering fetches nothing but the templates' own files, and templates cannot leave their folders."""

import os
import subprocess

import pytest

from khoi_report.cli import app

from .conftest import COVER, SAMPLES, build_with_templates, needs, pdf_text, runner


def build_with_cover(tmp_path, cover: str):
    result, out = build_with_templates(tmp_path, {COVER: cover})
    return result, out / "brief.pdf"


def images_in(path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in listing.splitlines()[2:] if line.split()[2] == "image")  # not their soft masks


@needs("pdfimages")
def test_a_template_relative_image_loads(tmp_path):
    png = (tmp_path / "tpl")
    png.mkdir()
    import base64
    (png / "dot.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
    result, pdf = build_with_cover(tmp_path, '<img src="dot.png" style="width: 10mm">')
    assert result.exit_code == 0, result.output
    assert images_in(pdf) == 1


@needs("pdfimages")
@pytest.mark.parametrize("cover", [
    '<img src="file:///etc/hostname">',
    '<img src="http://127.0.0.1:9/x.png">',
    '<base href="file:///etc/"><img src="hostname">',
    '<style>@import url("file:///etc/hostname");</style>',
    '<div style="background: url(/dev/urandom)">x</div>',
    '<link rel="attachment" href="file:///etc/hostname">',
])
def test_anything_outside_the_templates_is_refused(tmp_path, cover):
    result, pdf = build_with_cover(tmp_path, cover)
    assert result.exit_code == 0, result.output
    assert images_in(pdf) == 0
    hostname = open("/etc/hostname").read().strip()
    assert not hostname or hostname not in pdf_text(pdf)
    assert b"EmbeddedFile" not in pdf.read_bytes() or b"hostname" not in pdf.read_bytes()


def test_a_css_import_of_a_local_file_outside_is_refused(tmp_path):
    outside = tmp_path / "evil.css"
    outside.write_text("body { background: red; }")
    result, _pdf = build_with_cover(tmp_path, f'<style>@import url("{outside.as_uri()}");</style>')
    assert result.exit_code == 0, result.output


def test_a_symlinked_partial_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    user = tmp_path / "tpl" / "partials"
    user.mkdir(parents=True)
    os.symlink(secret, user / "cover.html.j2")
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "out"), "-f", "pdf",
                                 "-t", str(tmp_path / "tpl")])
    assert result.exit_code == 2
    assert "is a link or lies outside the templates folders" in result.output
    assert "TOP SECRET" not in result.output and not (tmp_path / "out").exists()


def test_an_include_that_climbs_out_is_refused(tmp_path):
    (tmp_path / "outside.html").write_text("TOP SECRET")
    result, _ = build_with_cover(tmp_path, '{% include "../../outside.html" %}')
    assert result.exit_code == 2 and "TOP SECRET" not in result.output
