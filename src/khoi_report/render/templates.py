"""The template folders: lookup, the sandboxed Jinja environment with its limits, errors a template
author can act on, and what `templates list | copy` show and copy.

Lookup is file by file: the user's folder first, then the preset's chain (see `presets`), so
overriding one partial leaves every other file as the preset has it.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..errors import KhoiError, shown
from .presets import DEFAULT, PRESET_FILE, chain, find_preset
from .syntax import plain

HTML_TEMPLATE = "brief.html.j2"  # the PDF's entry
SCREEN_TEMPLATE = "screen.html.j2"  # the HTML brief's entry (brief.html, for screens)
DOCX_TEMPLATE = "brief.docx"
TEXT_SUFFIXES = (".j2", ".html", ".css")
# One per format: what `init` copies (the rest stays the preset's until you copy it).
ENTRY_FILES = (HTML_TEMPLATE, SCREEN_TEMPLATE, DOCX_TEMPLATE)


def builtin_templates() -> Path:
    """The default preset's folder: every template file there is."""
    return find_preset(DEFAULT).folder


def template_dirs(user: str | os.PathLike | None, preset: str | os.PathLike = DEFAULT) -> list[Path]:
    """The folders a template is looked up in, in order: yours, then the preset's chain."""
    dirs = []
    if user is not None:
        user = Path(user)
        if not user.is_dir():
            raise KhoiError(f"{user}: templates folder not found")
        dirs.append(user.resolve())
    return dirs + [p.folder for p in chain(preset)]


def find_template(name: str, dirs: list[Path]) -> Path:
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise KhoiError(f"{name}: template not found in {', '.join(map(shown, dirs))}")


RENDER_TIMEOUT = 60.0  # seconds one brief's template may take (setting render_timeout)
MAX_OUTPUT = 50_000_000  # characters one template may produce: 100 times a 63-bloc brief


class RenderLimit(Exception):
    """A template ran past its time or size limit."""


class LimitedTemplate(jinja2.Template):
    """Renders piece by piece, stopping a template that produces too much or runs too long. The
    stop is thrown into the template where it stands, so the error names the partial and line."""

    def render(self, *args, **kwargs) -> str:
        limit = getattr(self.environment, "limit", None)
        pieces = self.generate(*args, **kwargs)
        parts, size = [], 0
        for part in pieces:
            size += len(part)
            if size > MAX_OUTPUT:
                pieces.throw(RenderLimit(f"the template produced more than {MAX_OUTPUT:,} characters; refused"))
            if limit is not None and time.monotonic() > limit[0]:
                pieces.throw(RenderLimit(f"the template took longer than {limit[1]:g} s to render"))
            parts.append(part)
        return "".join(parts)


class BriefSandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, also refusing `str.format` and `format_map` (which it otherwise wraps):
    a template has no business formatting with Python's mini-language, and the issue of
    format-string escapes is then closed for good. `*` and `**` are bounded, so that one
    expression cannot build a gigabyte string or a number with a billion digits."""

    template_class = LimitedTemplate
    intercepted_binops = frozenset({"*", "**"})
    limit: tuple[float, float] | None = None  # (deadline on time.monotonic(), seconds allowed)

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError(f"power {right} is too large")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT:
                    raise SecurityError(f"repeating a {type(seq).__name__} {n:,} times is too large")
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value):
        return None

    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        if isinstance(obj, str) and attr in ("format", "format_map"):
            return False
        return super().is_safe_attribute(obj, attr, value)


class ConfinedLoader(jinja2.FileSystemLoader):
    """Loads only regular files that really lie inside the template folders: a symlinked partial
    or a '../' path could otherwise `{% include %}` any file on the machine."""

    def get_source(self, environment, template):
        pieces = template.replace("\\", "/").split("/")
        if template.startswith(("/", "\\")) or ".." in pieces or re.match(r"^[A-Za-z]:", template):
            raise SecurityError(f"refused to load template {template!r}: a template may include only files inside "
                                f"the templates folders, by a path relative to them (no '..', no absolute path)")
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        if real != os.path.abspath(filename) or not any(Path(real).is_relative_to(root) for root in self.searchpath):
            raise SecurityError(f"refused to load template {template!r}: it is a link or lies outside the templates folders")
        return source, filename, uptodate


def _is_template(frame) -> bool:
    """Is this frame template code (a file's, or a string's: docxtpl's)?"""
    return frame.f_code.co_filename.endswith(TEXT_SUFFIXES) or frame.f_code.co_filename == "<template>"


def _in_template(frame) -> bool:
    while frame is not None:
        if _is_template(frame):
            return True
        frame = frame.f_back
    return False


@contextmanager
def time_limit(env: BriefSandbox, seconds: float) -> Iterator[None]:
    """Stop rendering after `seconds`. In the main thread a timer signal stops it wherever it is,
    even in a loop that writes nothing; elsewhere it is stopped between output pieces. The
    timer repeats until it finds template code running; after a stop it waits, so as not to
    interrupt the stop's own unwinding."""
    alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    deadline = time.monotonic() + seconds
    if not alarm:
        env.limit = (deadline, seconds)
    else:
        stopped_at: list[float] = []

        def expire(signum, frame):
            # Stop in template code, so the error names a template and line (and not in a
            # finaliser, which would drop the exception); a filter running long is stopped
            # within it after a grace of two seconds.
            now = time.monotonic()
            here = _is_template(frame) or (now > deadline + 2 and _in_template(frame))
            if here and (not stopped_at or now - stopped_at[-1] > 2):
                stopped_at.append(now)
                raise RenderLimit(f"the template took longer than {seconds:g} s to render")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds, 0.25)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        env.limit = None


def environment(dirs: list[Path], stand_in: dict[str, str] | None = None) -> BriefSandbox:
    """The sandbox over the template folders; `stand_in` replaces some templates by name (the
    check puts an empty one in place of each broken template found, to find the next)."""
    from ..extraction.numbers import int_to_roman

    loader = ConfinedLoader([str(d) for d in dirs])
    env = BriefSandbox(
        loader=jinja2.ChoiceLoader([jinja2.DictLoader(stand_in), loader]) if stand_in else loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["roman"] = int_to_roman  # {{ 4|roman }} -> IV: a Party document numbers its parts I-, II-
    env.filters["css_string"] = css_string
    return env


def css_string(value) -> Markup:
    """Text for inside a CSS string in a <style> element: there HTML entities are not decoded, so
    autoescaping would print '&amp;' literally (a running title "A & B" read "A &amp; B"). Escaped
    for CSS instead, once: quotes, backslashes, line breaks and '<' (so no '</style>') as CSS escapes."""
    return Markup("".join(f"\\{ord(c):x} " if c in '"\'\\<>\n\r' else c for c in str(value)))


RENDER_ERRORS = (jinja2.TemplateError, SecurityError, TypeError, ValueError, OverflowError)  # the sandbox's range() bound


def _names(value, prefix: str = "") -> set[str]:
    """Every key of the context, bare ('subtitle') and dotted ('brief.subtitle')."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            out |= {key, f"{prefix}{key}"} | _names(item, f"{prefix}{key}.")
    elif isinstance(value, list) and value:
        out |= _names(value[0], prefix)
    return out


def undefined_name(exc: Exception) -> str | None:
    """The name a template asked for and the context lacks, from Jinja's message."""
    wrong = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", getattr(exc, "message", None) or str(exc))
    return next(g for g in wrong.groups() if g) if wrong else None


def _hint(exc: Exception, context: dict | None, env: jinja2.Environment | None) -> str:
    name, pool = undefined_name(exc), set()
    if name and context is not None:
        pool = _names(context)
    else:
        wrong = re.search(r"[Nn]o (?:filter|test) named '([^']+)'", getattr(exc, "message", None) or str(exc))
        if wrong and env is not None:
            name, pool = wrong.group(1), set(env.filters) | set(env.tests)
    if not name:
        return ""
    near = difflib.get_close_matches(name, sorted(pool), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(near)}?)" if near else ""


def template_error(exc: Exception, fallback: str, context: dict | None = None,
                   env: jinja2.Environment | None = None) -> KhoiError:
    """A Jinja error as one line: the template file and line, what is wrong, the nearest names."""
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        message = f"template {exc.name!r} not found in the templates folders"
    where, template = shown(fallback), None
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        line, message = plain(exc)  # an unclosed block at the line of its opening tag
        where, template = f"{shown(exc.filename)}:{line}", exc.filename
    else:
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if filename.endswith(TEXT_SUFFIXES) and os.path.exists(filename):
                where, template = f"{shown(filename)}:{lineno}", filename
    error = KhoiError(f"{where}: {message}{_hint(exc, context, env)}")
    error.template = template  # the file at fault, when known
    return error


def limit_error(path: Path | str, exc: RenderLimit, timeout: float) -> KhoiError:
    """Where the template was stopped (the partial, when it was in one) and how to allow more."""
    return KhoiError(f"{template_error(exc, str(path))} (limit: render_timeout = {timeout:g} s in khoi-report.toml, "
                     f"or --render-timeout)")


def render_entry(env: BriefSandbox, name: str, full: dict, context: dict, dirs: list[Path], timeout: float) -> str:
    """The HTML entry template `name` rendered with `full` (the context with its pictures) under the
    time limit; a template error or a runaway is one line naming the template."""
    try:
        with time_limit(env, timeout):
            return env.get_template(name).render(full)
    except RenderLimit as exc:
        raise limit_error(find_template(name, dirs), exc, timeout) from None
    except RENDER_ERRORS as exc:
        raise template_error(exc, str(find_template(name, dirs)), context, env) from None


@dataclass(frozen=True)
class TemplateFile:
    name: str  # relative to its folder, with '/'
    path: Path
    origin: str  # "yours", or the name of the preset it comes from
    overrides: bool  # a folder later in the lookup has a file of this name too
    replaced: Path | None = None  # the file it overrides (the next in the lookup), if any

    @property
    def yours(self) -> bool:
        return self.origin == "yours"

    @property
    def differs(self) -> bool | None:
        """Does it differ from the file it replaces (None when it replaces none)?"""
        if self.replaced is None:
            return None
        return self.path.read_bytes() != self.replaced.read_bytes()


def files_in_effect(user: str | os.PathLike | None, preset: str | os.PathLike = DEFAULT) -> list[TemplateFile]:
    """Every template file and which copy is in effect, from which folder of the lookup."""
    folders = ([("yours", Path(user))] if user is not None and Path(user).is_dir() else [])
    folders += [(p.name, p.folder) for p in chain(preset)]
    found: dict[str, list[tuple[str, Path]]] = {}
    for origin, folder in folders:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and name != PRESET_FILE:
                found.setdefault(name, []).append((origin, path))
    return [TemplateFile(name, places[0][1], places[0][0], len(places) > 1, places[1][1] if len(places) > 1 else None)
            for name, places in sorted(found.items())]


def copy_builtin(name: str, user: Path, force: bool = False, preset: str | os.PathLike = DEFAULT) -> Path:
    """Copy one template file of the preset in effect into the user's folder, for editing."""
    effect = {f.name: f for f in files_in_effect(None, preset)}
    if name not in effect:
        near = difflib.get_close_matches(name, sorted(effect), n=3)
        raise KhoiError(f"{name}: no such built-in template" + (f" (did you mean {', '.join(near)}?)" if near else ""))
    target = user / name
    if target.exists() and not force:
        raise KhoiError(f"{target}: already exists (use --force to replace it)")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(effect[name].path, target)
    return target
