"""The HTML brief in a real browser (Playwright driving Debian's chromium): no page-level sideways
scrolling on a phone or a desktop, every section and bloc there, no request leaving the file; and
`serve` reloading the open page after a template edit, and showing a broken template's error.

Locally these are skipped without chromium or Playwright; under CI=true they run and fail."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from khoi_report import build
from khoi_report.render.templates import builtin_templates
from khoi_report.settings import Settings

from .conftest import IN_CI, ROOT, SAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - CI installs it with the test extra
    sync_playwright = None

if not IN_CI and (CHROMIUM is None or sync_playwright is None):
    pytest.skip("chromium or playwright not installed (./run test installs both as root)", allow_module_level=True)

pytestmark = pytest.mark.browser
VIEWPORTS = [(360, 740), (1280, 800)]


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM is not None, "chromium is not installed: apt-get install chromium (./run test does it as root)"
    assert sync_playwright is not None, "playwright is not installed: pip install -e '.[test]'"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def brief(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    build(Settings(inputs=SAMPLES, out=out, formats=("html",)))
    return out / "brief.html"


@pytest.mark.parametrize("width,height", VIEWPORTS)
def test_no_sideways_scrolling_every_section_and_bloc_and_no_request(browser, brief, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url == brief.as_uri() else route.abort())
    page.goto(brief.as_uri())
    page.wait_for_load_state("load")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    view_width = page.evaluate("document.documentElement.clientWidth")
    overflowing = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .filter(e => !e.parentElement.closest('table, .scroll'))
        .filter(e => getComputedStyle(e).position !== 'absolute')
        .map(e => e.tagName.toLowerCase() + '.' + e.className).slice(0, 5)""")
    assert page_width <= view_width and overflowing == [], (width, page_width, view_width, overflowing)
    ids = page.evaluate("[...document.querySelectorAll('nav.contents a')].map(a => a.getAttribute('href').slice(1))")
    blocs = page.evaluate("[...document.querySelectorAll('section.bloc')].map(s => s.id)")
    assert len(blocs) == 5 and set(blocs) <= set(ids)
    assert {"summary", "comparison", "charts", "quality", "sources"} <= set(ids)
    for target in ids:  # every entry of the contents leads to a section that is shown
        box = page.locator(f"[id='{target}']").bounding_box()
        assert box is not None and box["width"] > 0 and box["width"] <= view_width, target
    assert page.locator("main").count() == 1 and page.locator("header").count() >= 1
    assert page.evaluate("document.documentElement.lang") == "vi"
    wide = page.evaluate("""() => [...document.querySelectorAll('table.compare')]
        .map(t => [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX])""")
    assert all(overflow == "auto" for _, _, overflow in wide)  # a wide table scrolls in its own box
    assert [url for url in requests if url != brief.as_uri() and not url.startswith("data:")] == []
    page.close()


def test_the_contents_is_a_sidebar_on_a_desktop_and_a_closed_menu_on_a_phone(browser, brief):
    for (width, height), is_open in zip(VIEWPORTS, (False, True)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(brief.as_uri())
        assert page.evaluate("document.querySelector('details.toc').open") is is_open
        if not is_open:
            page.click("details.toc > summary")
            page.click("nav.contents a[href='#quality']")
            assert page.evaluate("document.querySelector('details.toc').open") is False  # the menu closes
            assert page.evaluate("location.hash") == "#quality"
        page.close()


def test_printing_drops_the_menu_and_shows_tables_whole(browser, brief):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(brief.as_uri())
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('details.toc')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('table.compare')).display") == "table"
    page.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def version(base: str) -> int | None:
    try:
        with urllib.request.urlopen(base + "/_khoi/version", timeout=2) as response:
            return int(response.read())
    except OSError:
        return None


def test_serve_reloads_after_a_template_edit_and_shows_a_broken_one(browser, tmp_path):
    templates = tmp_path / "tpl"
    (templates / "partials").mkdir(parents=True)
    summary = templates / "partials" / "summary.html.j2"
    original = (builtin_templates() / "partials" / "summary.html.j2").read_text("utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-c", "from khoi_report.cli import main; main()", "serve", "-i", str(SAMPLES),
         "-t", str(templates), "--port", str(port)],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONFAULTHANDLER": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # Ctrl-C as in a terminal, even when the suite runs in the background, where a shell without
        # job control starts it with SIGINT ignored (and Python then installs no KeyboardInterrupt)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        while (version(base) or 0) < 1:
            assert server.poll() is None and time.monotonic() < deadline, server.communicate()
            time.sleep(0.3)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/")
        assert page.locator("section.bloc").count() == 5
        assert urllib.request.urlopen(base + "/brief.pdf").read(5) == b"%PDF-"

        started = time.monotonic()
        summary.write_text(original.replace("</h2>", '</h2>\n<p id="edited">Đã sửa mẫu</p>', 1), "utf-8")
        page.wait_for_selector("#edited", timeout=60_000)
        reloaded = time.monotonic() - started
        assert page.locator("#edited").inner_text() == "Đã sửa mẫu"

        summary.write_text(original.replace("{% endfor %}", "", 1), "utf-8")  # a {% for %} never closed
        page.wait_for_selector("pre.error", timeout=60_000)
        assert page.locator("dl.where code").inner_text().endswith("summary.html.j2")
        assert page.locator("dl.where dd").nth(1).inner_text() == "3"  # the line of the unclosed {% for %}
        assert "endfor" in page.locator("pre.error").inner_text()

        summary.write_text(original, "utf-8")  # fixed: the brief is back, the server never stopped
        page.wait_for_selector("section.summary", timeout=60_000)
        assert page.locator("pre.error").count() == 0
        print(json.dumps({"reload_seconds": round(reloaded, 2)}))
        assert reloaded < 10, reloaded  # the page is rendered first, the PDF follows
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            out, err = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # say where it hangs: faulthandler prints every thread's stack
            server.send_signal(signal.SIGABRT)
            out, err = server.communicate(timeout=30)
            raise AssertionError(f"serve did not stop on Ctrl-C within 30 s; it printed {out!r}; "
                                 f"its threads: {err[-6000:]}") from None
    assert server.returncode == 0, (out, err)
    assert out.rstrip().endswith("stopped")
