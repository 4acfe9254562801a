"""`khoi-report serve`: build, serve the HTML brief and the latest PDF on 127.0.0.1, and rebuild
when an article, a template or the settings change; the open page reloads itself.

In: a function giving the current settings (read again for every build, so an edit of
`khoi-report.toml` counts) and a port. Out: nothing on disk but what `build` writes.

What is served is an allow-list, never a path: `/` (the HTML brief), the `.html` and `.pdf`
files the output folder's manifest lists (`/brief.pdf`, `/blocs/<bloc>.html`), and the server's
own `/_khoi/reload.js` and `/_khoi/version`; while the files are being built, `/` is the HTML
brief rendered in memory a moment earlier (`pipeline.preview`). Any other URL is a 404, whatever it spells, so no
file outside the output folder can be reached. A build that fails (a template error) puts its
one-line error in the page, file, line and message apart, and the server keeps running.
"""

from __future__ import annotations

import errno
import html
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import KhoiError
from .settings import Settings

HOST = "127.0.0.1"
FORMATS = ("html", "pdf")  # what serve builds: the page, and the PDF it links to
SCRIPT = """(function () {
  /* khoi-report serve: reload when the brief is rebuilt; a link to the PDF. */
  var mine = new URL(document.currentScript.src).searchParams.get("v");
  var bar = document.createElement("p");
  bar.setAttribute("style", "position:fixed;right:.5rem;bottom:.5rem;margin:0;padding:.3rem .6rem;" +
    "background:#1d1b18;color:#fff;font:13px system-ui,sans-serif;border-radius:4px;z-index:9");
  bar.innerHTML = 'khoi-report serve · <a style="color:#fff" href="/brief.pdf">PDF</a>';
  document.body.appendChild(bar);
  function poll() {
    fetch("/_khoi/version", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (v !== mine) { location.reload(); } else { setTimeout(poll, 400); }
    }, function () { setTimeout(poll, 1500); });
  }
  poll();
})();
"""
_CSP = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy[^>]*>", re.I)
_WHERE = re.compile(r"^(?P<file>[^\s:][^:]*?):(?P<line>\d+): (?P<message>.*)$", re.S)


class State:
    """The latest build: its number (the page reloads when it changes), its error if it failed,
    and the HTML brief rendered in memory while the files are still being built."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.version = 0
        self.error: str | None = None
        self.page: str | None = None  # ahead of the files on disk; None: serve them
        self.lock = threading.Lock()

    def done(self, error: str | None, page: str | None = None) -> None:
        with self.lock:
            self.version += 1
            self.error, self.page = error, page

    def written(self) -> None:
        """The files are built: serve them; the open page reloads only if they differ from it."""
        with self.lock:
            try:
                same = self.page is not None and (self.out / "brief.html").read_text("utf-8") == self.page
            except OSError:
                same = False
            self.version += 0 if same else 1
            self.error, self.page = None, None


def served_files(out: Path) -> set[str]:
    """The outputs that may be served: the .html and .pdf files the manifest lists."""
    from .publish.manifest import listed

    return {name for name in listed(out) if name.endswith((".html", ".pdf"))}


def with_reload(page: str, version: int) -> str:
    """The page with the reload script, and without its policy that forbids the script's requests
    (the file on disk keeps it: only the served copy talks to the server)."""
    script = f'<script src="/_khoi/reload.js?v={version}"></script>'
    page = _CSP.sub("", page, count=1)
    return page.replace("</body>", script + "\n</body>", 1) if "</body>" in page else page + script


def error_page(error: str, version: int) -> str:
    """A build's one-line error as a page: file, line and message apart when it names them."""
    found = _WHERE.match(error)
    if found:
        where = (f"<dt>File</dt><dd><code>{html.escape(found['file'])}</code></dd>"
                 f"<dt>Line</dt><dd>{found['line']}</dd>")
        message = found["message"]
    else:
        where, message = "", error
    return with_reload(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>khoi-report: the brief could not be built</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1b18}}
h1{{color:#b00020;font-size:1.4rem}}dl{{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}}
dd{{margin:0}}pre{{white-space:pre-wrap;overflow-wrap:anywhere;background:#fbeff1;padding:1rem;border-left:4px solid #b00020}}</style>
</head><body><main>
<h1>The brief could not be built</h1>
<dl class="where">{where}</dl>
<pre class="error">{html.escape(message)}</pre>
<p>Fix it and save: this page reloads by itself.</p>
</main></body></html>
""", version)


def _handler(state: State):
    class Handler(BaseHTTPRequestHandler):
        server_version = "khoi-report"
        sys_version = ""

        def log_message(self, format, *args) -> None:  # quiet: the terminal shows builds, not requests
            pass

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            with state.lock:
                version, error, ahead = state.version, state.error, state.page
            if path == "/_khoi/version":
                return self._send(200, str(version).encode(), "text/plain; charset=utf-8")
            if path == "/_khoi/reload.js":
                return self._send(200, SCRIPT.encode(), "text/javascript; charset=utf-8")
            if path in ("/", "/index.html"):
                if error is not None:
                    return self._send(200, error_page(error, version).encode(), "text/html; charset=utf-8")
                if ahead is not None:
                    return self._send(200, with_reload(ahead, version).encode(), "text/html; charset=utf-8")
                path = "/brief.html"
            name = path.lstrip("/")
            if name not in served_files(state.out):  # an allow-list: never a path built from the URL
                return self._send(404, b"not found\n", "text/plain; charset=utf-8")
            try:
                body = (state.out / name).read_bytes()
            except OSError:
                return self._send(404, b"not found\n", "text/plain; charset=utf-8")
            if name.endswith(".pdf"):
                return self._send(200, body, "application/pdf")
            page = with_reload(body.decode("utf-8"), version)
            return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")

        do_HEAD = do_GET

    return Handler


def bind(port: int, state: State) -> ThreadingHTTPServer:
    """The server on 127.0.0.1:`port`, or a one-line error naming the port."""
    try:
        server = ThreadingHTTPServer((HOST, port), _handler(state))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise KhoiError(f"port {port} on {HOST} is already in use; stop what uses it or choose another "
                            f"with --port") from None
        raise KhoiError(f"cannot serve on {HOST}:{port} ({exc.strerror})") from None
    server.daemon_threads = True
    return server


def watched(settings: Settings) -> list[Path]:
    """What a change of rebuilds: the articles, your templates, a preset folder, the settings file."""
    paths = [settings.inputs, settings.templates, settings.source or Path("khoi-report.toml")]
    if Path(settings.preset).is_dir():
        paths.append(Path(settings.preset))
    return [Path(p) for p in paths if p is not None and Path(p).exists()]


def serve(settings_of: Callable[[], Settings], port: int, say: Callable[[str], None],
          warn: Callable[[str], None]) -> None:
    """Build, then serve and rebuild on every change until Ctrl-C. `say` and `warn` print."""
    import time

    from watchfiles import watch

    from .pipeline import build, preview

    settings = settings_of().with_options(formats=FORMATS)
    state = State(settings.out)
    server = bind(port, state)
    cache: dict = {}

    def failed(exc: Exception) -> None:
        error = str(exc) if isinstance(exc, KhoiError) else f"{type(exc).__name__}: {exc}"
        warn(f"error: {error}")
        state.done(error)

    def rebuild() -> None:
        """The page first (in memory: the open page reloads at once), then the files."""
        started = time.perf_counter()
        try:
            current = settings_of().with_options(formats=FORMATS, out=settings.out)
            page, _ = preview(current, "html", cache=cache)
            state.done(None, page.decode("utf-8"))
            shown = time.perf_counter() - started
            result = build(current, cache=cache)
        except Exception as exc:  # keep serving: show what broke in the page
            return failed(exc)
        for line in result.warnings:
            warn(f"warning: {line}")
        state.written()
        say(f"page in {shown:.2f} s, {'checked' if result.up_to_date else 'built'} in "
            f"{time.perf_counter() - started:.2f} s")

    stop = threading.Event()

    def follow() -> None:
        for _changes in watch(*watched(settings), stop_event=stop, raise_interrupt=False):
            rebuild()

    watcher = threading.Thread(target=follow, name="khoi-report-watch", daemon=True)
    try:
        rebuild()
        watcher.start()
        say(f"serving http://{HOST}:{port}/ (the HTML brief) and http://{HOST}:{port}/brief.pdf; "
            f"watching {', '.join(map(str, watched(settings)))} (Ctrl-C to stop)")
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        if watcher.is_alive():
            watcher.join(timeout=5)
        say("stopped")
