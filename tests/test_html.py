"""The HTML brief (`--format html`): one self-contained page from the same context and partials as
the PDF, with its landmarks, scoped headers and charts that carry their data; `--split`, the
manifest and `verify` cover it; `serve` hands out only the brief (the browser tests are in
test_browser.py)."""

import json
import re
import socket
import urllib.error
import urllib.request

import pytest

from khoi_report import build
from khoi_report.publish import verify
from khoi_report.render.html import inline_svg, scoped_headers
from khoi_report.serve import State, bind, error_page, with_reload
from khoi_report.settings import Settings

from .conftest import SAMPLES, build_with_templates


@pytest.fixture(scope="module")
def html_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    build(Settings(inputs=SAMPLES, out=out, formats=("html",), split=True))
    return out


def test_the_page_is_self_contained_with_landmarks_and_every_section(html_build):
    page = (html_build / "brief.html").read_text("utf-8")
    assert re.search(r'<html lang="vi">', page)
    for landmark in ("<header", "<nav", "<main"):
        assert landmark in page
    assert 'name="viewport"' in page and "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "@media print" in page  # the print stylesheet, inline
    # nothing linked: no stylesheet, script or image from elsewhere, not even from the template folder
    assert not re.search(r'<link\b|<script[^>]+src=|\bsrc="(?!data:)|url\((?![\'"]?(data:|#))', page), \
        re.findall(r'<link\b[^>]*>|<script[^>]+src=[^>]*>|\bsrc="(?!data:)[^"]*"|url\((?![\'"]?(?:data:|#))[^)]*\)', page)[:3]
    for section in ("summary", "comparison", "charts", "quality", "sources"):
        assert f'id="{section}"' in page
    ids = re.findall(r'<section class="bloc" id="([^"]+)"', page)
    assert len(ids) == 5
    for bloc in ids:
        assert f'href="#{bloc}"' in page  # in the contents


def test_every_header_has_a_scope_and_every_chart_its_data_table_and_no_id_repeats(html_build):
    page = (html_build / "brief.html").read_text("utf-8")
    assert re.findall(r"<th(?=[\s>])(?![^>]*\bscope=)[^>]*>", page) == []
    assert 'scope="col"' in page and 'scope="row"' in page
    charts = page.count('<figure class="chart"')
    assert charts >= 2 and page.count("<svg ") == charts and page.count('<table class="chart-data"') == charts
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})[:5]


def test_split_writes_one_page_per_bloc_and_verify_covers_them(html_build):
    manifest = json.loads((html_build / "manifest.json").read_text("utf-8"))
    pages = [o["file"] for o in manifest["outputs"] if o["file"].endswith(".html")]
    assert "brief.html" in pages and len([p for p in pages if p.startswith("blocs/")]) == 5
    assert verify(html_build) == []
    one = html_build / pages[-1]
    one.write_text(one.read_text("utf-8") + "<!-- edited -->", "utf-8")
    assert any(pages[-1] in problem and "differs" in problem for problem in verify(html_build))


def test_preview_renders_the_page_in_memory_as_build_writes_it(html_build, tmp_path):
    import datetime as dt

    from khoi_report.pipeline import preview

    day = dt.date(2026, 11, 23)
    settings = Settings(inputs=SAMPLES, out=tmp_path / "out", formats=("html",))
    page, warnings = preview(settings, "html", today=day)
    assert not (tmp_path / "out").exists() and warnings == []
    build(settings, today=day)
    assert (tmp_path / "out" / "brief.html").read_bytes() == page


def test_a_chart_is_inlined_without_prolog_and_with_its_own_ids():
    svg = (b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x" "y">\n<svg width="1pt"><metadata>m</metadata>'
           b'<defs><path id="m1"/></defs><g id="figure_1"><use xlink:href="#m1"/><g clip-path="url(#m1)"/></g></svg>')
    out = str(inline_svg(svg, "chart3"))
    assert out.startswith("<svg ") and "metadata" not in out
    assert 'id="chart3-m1"' in out and '"#chart3-m1"' in out and "url(#chart3-m1)" in out and 'id="chart3-figure_1"' in out


def test_headers_are_scoped_by_where_they_stand():
    html = '<table><thead><tr><th>a</th><th scope="colgroup">b</th></tr></thead><tbody><tr><th class="x">c</th></tr></tbody></table>'
    assert scoped_headers(html) == ('<table><thead><tr><th scope="col">a</th><th scope="colgroup">b</th></tr></thead>'
                                    '<tbody><tr><th scope="row" class="x">c</th></tr></tbody></table>')


def test_a_broken_screen_template_is_one_line_naming_it(tmp_path):
    result, _ = build_with_templates(tmp_path, {"screen.html.j2": '{% extends "screen-base.html.j2" %}\n'
                                                                  "{% block cover %}{{ brief.titel }}{% endblock %}"},
                                     formats="html")
    assert result.exit_code == 2 and "screen.html.j2:2:" in result.stderr and "did you mean title" in result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_hands_out_only_the_listed_briefs_and_its_script(html_build):
    import threading

    server = bind(free_port(), State(html_build))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def get(path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(base + path) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    try:
        status, page = get("/")
        assert status == 200 and '<script src="/_khoi/reload.js?v=0"></script>' in page
        assert "Content-Security-Policy" not in page  # the served copy may talk to the server
        assert get("/_khoi/version") == (200, "0")
        assert get("/_khoi/reload.js")[0] == 200
        bloc = next(p.name for p in (html_build / "blocs").iterdir())
        assert get(f"/blocs/{bloc}")[0] == 200
        for path in ("/manifest.json", "/data/articles.csv", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                     "//etc/passwd", "/blocs/../brief.html", "/brief.html/..", "/.brief.html.tmp"):
            assert get(path)[0] == 404, path
    finally:
        server.shutdown()
        server.server_close()


def test_a_port_in_use_is_one_line_naming_it(tmp_path):
    from khoi_report.errors import KhoiError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(KhoiError, match=rf"^port {port} on 127.0.0.1 is already in use"):
            bind(port, State(tmp_path))


def test_the_error_page_shows_file_line_and_message_escaped():
    page = error_page("templates/partials/cover.html.j2:7: unexpected '<b>'", 3)
    assert "<code>templates/partials/cover.html.j2</code>" in page and "<dd>7</dd>" in page
    assert "unexpected &#x27;&lt;b&gt;&#x27;" in page and "reload.js?v=3" in page
    assert with_reload("<p>x</p>", 1).endswith('<script src="/_khoi/reload.js?v=1"></script>')


def test_text_with_markup_characters_reads_back_as_typed(tmp_path):
    """Escaped once: the title and organisation with `& < > " '` show as typed in the page."""
    from html.parser import HTMLParser

    title, organisation = 'Báo cáo A & B <i>x</i> "trích" \'đơn\'', 'Ban Tổ chức & <Văn phòng>'
    build(Settings(inputs=SAMPLES, out=tmp_path, formats=("html",), title=title, organisation=organisation))

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.where, self.found = [], {}

        def handle_starttag(self, tag, attrs):
            self.where.append((tag, dict(attrs).get("class")))

        def handle_endtag(self, tag):
            if self.where:
                self.where.pop()

        def handle_data(self, data):
            if self.where and self.where[-1] in (("title", None), ("h1", "title"), ("p", "organisation")):
                self.found[self.where[-1][0]] = self.found.get(self.where[-1][0], "") + data

    parser = Text()
    parser.feed((tmp_path / "brief.html").read_text("utf-8"))
    assert parser.found["title"] == title and parser.found["h1"] == title and parser.found["p"] == organisation
