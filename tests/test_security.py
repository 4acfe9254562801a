"""Rendering fetches nothing but the templates' own files, and templates cannot leave their folders.

Every way out is tried with probes of our own, outside the templates folder: a PNG of a size no
other image in a brief has, a stylesheet that prints a marker, a text file to attach, and a
loopback web server that counts the connections it accepts (and serves the same probes). Each
case reads the PDF back with poppler. Each way also has a control: the same probe inside the
templates folder IS drawn, applied or attached, so a check that sees nothing could have seen it.
"""

from __future__ import annotations

import io
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from khoi_report.cli import app

from .conftest import (
    COVER,
    SAMPLES,
    assert_one_line_error,
    build_with_templates,
    needs,
    pdf_text,
    runner,
)

PNG_SIZE = (37, 23)  # no chart, logo or glyph of a brief has this size
LOGO_SIZE = (41, 19)  # nor this: the logo of the data: URL control
MARKER = "OUTSIDE-MARKER"
DATA_TABLES = {"articles.csv", "blocs.csv", "congresses.csv", "findings.csv", "observations.csv"}  # the only files a PDF carries


def write_probes(folder: Path) -> Path:
    """probe.png (37×23), probe.css (prints the marker), probe.txt (to attach) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    png = io.BytesIO()
    Image.new("RGB", PNG_SIZE, (200, 30, 30)).save(png, "PNG")
    (folder / "probe.png").write_bytes(png.getvalue())
    (folder / "probe.css").write_text(f'body::before {{ content: "{MARKER}"; }}\n', "utf-8")
    (folder / "probe.txt").write_text("a file that must never leave this machine in a PDF\n", "utf-8")
    return folder


class Listener(ThreadingHTTPServer):
    """A web server on 127.0.0.1 that counts the connections it accepts and serves the probes."""

    def __init__(self, probes: Path) -> None:
        self.probes, self.connections, self.paths = probes, 0, []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _ProbeHandler)

    def get_request(self):
        request = super().get_request()
        with self.lock:
            self.connections += 1
        return request

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _ProbeHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        path = self.server.probes / self.path.lstrip("/").split("?")[0]
        body = path.read_bytes() if path.parent == self.server.probes and path.is_file() else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", {".png": "image/png", ".css": "text/css"}.get(path.suffix, "text/plain"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def _server(tmp_path_factory) -> Iterator[Listener]:
    server = Listener(write_probes(tmp_path_factory.mktemp("served")))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def listener(_server: Listener) -> Listener:
    """The module's listener, its count at zero."""
    with _server.lock:
        _server.connections, _server.paths = 0, []
    return _server


def attachments(pdf: Path) -> set[str]:
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split(": ", 1)[1] for line in listing.splitlines()[1:] if ": " in line}


def image_sizes(pdf: Path) -> list[tuple[int, int]]:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]  # not their soft masks


def page(head: str = "", body: str = "") -> str:
    """A whole brief.html.j2 of one page: besides the title, only what the probe brings."""
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Probe</title>{head}</head>\n'
            f"<body><p>{{{{ brief.title }}}}</p>{body}</body></html>\n")


# How a template can ask for a file. `ref` is where it points; each yields the probe's effect.
ELEMENTS: dict[str, tuple[Callable[[Callable[[str], str]], dict[str, str]], str]] = {
    "img": (lambda ref: {"body": f'<img src="{ref("probe.png")}">'}, "image"),
    "stylesheet link": (lambda ref: {"head": f'<link rel="stylesheet" href="{ref("probe.css")}">'}, "marker"),
    "css @import": (lambda ref: {"head": f'<style>@import url("{ref("probe.css")}");</style>'}, "marker"),
    "css url()": (lambda ref: {"body": f'<div style="background: url(\'{ref("probe.png")}\') no-repeat; '
                                       f'width: 37px; height: 23px"></div>'}, "image"),
    "rel=attachment": (lambda ref: {"head": f'<link rel="attachment" href="{ref("probe.txt")}">'}, "attachment"),
}


@dataclass
class Place:
    """The templates folder and, beside it, a folder of probes outside it."""

    templates: Path
    outside: Path
    server: Listener


Ref = Callable[[str], str]  # a probe's file name -> what a template writes to reach it
Route = Callable[[Place], tuple[str, Ref]]  # a way out: (what it adds to <head>, its Ref)


def _file_url(place: Place) -> tuple[str, Ref]:
    return "", lambda name: (place.outside / name).as_uri()


def _absolute_path(place: Place) -> tuple[str, Ref]:
    return "", lambda name: str(place.outside / name)


def _climb(place: Place) -> tuple[str, Ref]:
    return "", lambda name: f"../{place.outside.name}/{name}"


def _symlink(place: Place) -> tuple[str, Ref]:
    for name in ("probe.png", "probe.css", "probe.txt"):
        os.symlink(place.outside / name, place.templates / f"linked-{name}")
    return "", lambda name: f"linked-{name}"


def _symlinked_folder(place: Place) -> tuple[str, Ref]:
    os.symlink(place.outside, place.templates / "assets", target_is_directory=True)
    return "", lambda name: f"assets/{name}"


def _base_file(place: Place) -> tuple[str, Ref]:
    return f'<base href="{place.outside.as_uri()}/">', lambda name: name


def _base_http(place: Place) -> tuple[str, Ref]:
    return f'<base href="{place.server.url}/">', lambda name: name


def _http(place: Place) -> tuple[str, Ref]:
    return "", lambda name: f"{place.server.url}/{name}"


ROUTES: dict[str, Route] = {"file URL": _file_url, "absolute path": _absolute_path, "../": _climb, "symlink": _symlink,
          "symlinked folder": _symlinked_folder, "<base href> file": _base_file, "<base href> http": _base_http,
          "http": _http}


def build_probe_page(tmp_path: Path, server: Listener, element: str, route: Route) -> Path:
    """Build the samples' PDF with a brief.html.j2 that asks for a probe by `element` via `route`."""
    place = Place(tmp_path / "tpl", write_probes(tmp_path / "outside"), server)
    place.templates.mkdir()
    head, ref = route(place)
    parts = ELEMENTS[element][0](ref)
    result, out = build_with_templates(tmp_path, {"brief.html.j2": page(head + parts.get("head", ""),
                                                                       parts.get("body", ""))})
    assert result.exit_code == 0, result.output
    return out / "brief.pdf"


def _inside(place: Place) -> tuple[str, Ref]:
    write_probes(place.templates)
    return "", lambda name: name


@needs("pdfdetach")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("element", ELEMENTS)
def test_a_template_cannot_fetch_anything_outside_its_folder(tmp_path, listener, element, route):
    """Whatever the template writes, the PDF carries nothing from outside: no probe image, no
    outside stylesheet's marker, no attachment but the data tables, no connection made."""
    pdf = build_probe_page(tmp_path, listener, element, ROUTES[route])
    assert attachments(pdf) == DATA_TABLES
    assert PNG_SIZE not in image_sizes(pdf)
    assert MARKER not in pdf_text(pdf)
    assert listener.connections == 0, listener.paths


@needs("pdfdetach")
@pytest.mark.parametrize("element", ELEMENTS)
def test_the_same_probe_inside_the_templates_folder_is_used(tmp_path, listener, element):
    """The control: each check above can see its probe when the template may have it."""
    pdf = build_probe_page(tmp_path, listener, element, _inside)
    effect = ELEMENTS[element][1]
    assert (PNG_SIZE in image_sizes(pdf)) == (effect == "image")
    assert (MARKER in pdf_text(pdf)) == (effect == "marker")
    assert attachments(pdf) == DATA_TABLES | ({"probe.txt"} if effect == "attachment" else set())
    assert listener.connections == 0


@needs("pdfimages")
def test_the_listener_sees_a_renderer_that_is_not_confined(tmp_path, listener):
    """The control for the listener: WeasyPrint's own fetcher connects, and draws what it got."""
    from weasyprint import HTML

    HTML(string=page(body=f'<img src="{listener.url}/probe.png">')).write_pdf(tmp_path / "open.pdf")
    assert listener.connections == 1 and listener.paths == ["/probe.png"]
    assert PNG_SIZE in image_sizes(tmp_path / "open.pdf")


@needs("pdfimages")
def test_a_template_relative_image_in_a_partial_loads(tmp_path):
    """Confinement keeps the templates' own files working: a partial's image relative to the folder."""
    write_probes(tmp_path / "tpl")
    result, out = build_with_templates(tmp_path, {COVER: '<img src="probe.png" style="width: 10mm">'})
    assert result.exit_code == 0, result.output
    assert PNG_SIZE in image_sizes(out / "brief.pdf")


@needs("pdfimages")
def test_data_urls_are_drawn(tmp_path):
    """The control for `data:`, the only URLs besides the templates' own files: the way the logo
    (and every chart) reaches the PDF."""
    logo = tmp_path / "logo.png"
    Image.new("RGB", LOGO_SIZE, (0, 90, 160)).save(logo)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(out), "-f", "pdf", "--logo", str(logo)])
    assert result.exit_code == 0, result.output
    assert LOGO_SIZE in image_sizes(out / "brief.pdf")


@needs("pdfimages")
@pytest.mark.parametrize("kind", ["file", "link"])
def test_a_file_missing_from_your_folder_comes_from_the_preset_but_not_through_a_link(tmp_path, kind):
    """A preset someone sent is no more trusted than a templates folder: the page asks for
    probe.png, which your folder lacks; the preset's own file is drawn, a link of the preset's to a
    file elsewhere is not."""
    outside = write_probes(tmp_path / "outside")
    preset = tmp_path / "sent"
    preset.mkdir()
    (preset / "preset.toml").write_text('name = "sent"\n', "utf-8")
    if kind == "file":
        (preset / "probe.png").write_bytes((outside / "probe.png").read_bytes())
    else:
        os.symlink(outside / "probe.png", preset / "probe.png")
    result, out = build_with_templates(tmp_path, {"brief.html.j2": page(body='<img src="probe.png">')},
                                       "--preset", str(preset))
    assert result.exit_code == 0, result.output
    assert (PNG_SIZE in image_sizes(out / "brief.pdf")) == (kind == "file")


@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_symlinked_partial_is_refused(tmp_path, target):
    """A link is refused wherever it points, into the templates folder too: where it points can
    change after the check, and only regular files are templates."""
    user = tmp_path / "tpl" / "partials"
    user.mkdir(parents=True)
    secret = tmp_path / "secret.txt" if target == "outside" else user / "secret.html.j2"
    secret.write_text("TOP SECRET")
    os.symlink(secret, user / "cover.html.j2")
    result = runner.invoke(app, ["build", "-i", str(SAMPLES), "-o", str(tmp_path / "out"), "-f", "pdf",
                                 "-t", str(tmp_path / "tpl")])
    assert_one_line_error(result, "cover.html.j2", "is a link or lies outside the templates folders")
    assert "TOP SECRET" not in result.output and not (tmp_path / "out").exists()


def test_an_include_that_climbs_out_is_refused(tmp_path):
    (tmp_path / "outside.html").write_text("TOP SECRET")
    result, out = build_with_templates(tmp_path, {COVER: '{% include "../../outside.html" %}'})
    line = assert_one_line_error(result, "cover.html.j2:1", "refused to load template '../../outside.html'")
    assert "not found" not in line
    assert "TOP SECRET" not in result.output and not out.exists()
