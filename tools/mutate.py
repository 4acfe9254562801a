"""Mutation testing: plant one small bug at a time in the modules where a silent bug costs most,
run the tests that guard that module, and list the bugs no test noticed.

    .venv/bin/python tools/mutate.py                     # every module in TARGETS, 2 workers
    .venv/bin/python tools/mutate.py numbers corrections # some of them
    .venv/bin/python tools/mutate.py numbers --list      # the mutants only, nothing run
    .venv/bin/python tools/mutate.py numbers --match 172 # the mutants whose key or line holds '172'
    .venv/bin/python tools/mutate.py numbers --lines 146-  # the mutants on lines 146 to the end

Each mutant is one change to the module's syntax tree: a comparison flipped or relaxed ('<' to
'<=', '==' to '!='), 'and' to 'or' or one operand of it dropped, 'not' dropped, a condition
negated, True and False swapped, a number one more or one less, '+' to '-', 'any' to 'all',
'min' to 'max', a slice bound dropped, 'return x' to 'return None', a statement deleted, an item
deleted from a literal list, tuple, set or dict, a severity or kind swapped ('warning' to 'info',
'actual' to 'target'), a string the code compares or looks up changed, and in regular
expressions a quantifier narrowed or widened ('{1,3}' to '{1,2}', '+' to '*'), an optional part
made compulsory, a '\\b' or anchor or lookaround dropped, one alternative of '(a|b|c)' dropped
and one character dropped from a '[...]' class. Docstrings, error messages and annotations are
left alone.

The tool never writes into this tree: it copies the repository into a temporary folder per
worker, writes the mutant over the module's copy, runs the module's tests there (`-x`, stopping
at the first failure, with a time limit of 1.5 times the unmutated run plus 15 s), and puts the
original back in `finally`. Each mutant is then

    killed    a test failed (or the package no longer imports)
    timeout   the tests ran past the time limit (the bug makes something hang: noticed too)
    survived  every test passed: either add a test a user would care about, or, when the
              change cannot be seen from outside, record why in ACCEPTED below

Results go to build/mutation/result.json; the summary (a Markdown table, and every survivor
with its reason) is printed at the end. The exit status is 1 when a survivor is not in ACCEPTED.
Ctrl-C, or `kill PID` for a run in the background, stops a run: the tests running are killed,
and what finished is reported as such ("N of M run"), with exit status 130.

To add a module (the congress merge, say): one line in TARGETS, naming its file under
src/khoi_report, the test files that guard it (the quickest and most pointed first: with -x,
the first failure ends the run) and, optionally, the top-level names to mutate.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "src/khoi_report"


@dataclass(frozen=True)
class Target:
    path: str  # under src/khoi_report
    tests: tuple[str, ...]  # pytest arguments: files (most pointed first) and options such as -k
    scope: tuple[str, ...] | None = None  # top-level functions, classes or names to mutate; None: all


EXTRACTION = ("tests/test_extract.py", "-k", "not worker_processes and not without_the_cache and not generator")

TARGETS: dict[str, Target] = {
    "numbers": Target("extraction/numbers.py", ("tests/test_numbers.py", "tests/test_metadata.py", "tests/test_ingest.py",
                                                "tests/test_gold.py", *EXTRACTION)),
    "fetcher": Target("render/weasy.py", ("tests/test_security.py", "tests/test_publish.py::test_archival_pdf_variant",
                                        "tests/test_publish.py::test_the_pdf_carries_its_data_tables",
                                        "tests/test_templates.py::test_what_weasyprint_skips_is_a_warning_at_the_template_line"),
                      scope=("fetcher", "document", "attached")),
    "templates": Target("render/templates.py", (
        "tests/test_templates.py", "tests/test_escaping.py", "tests/test_security.py::test_a_symlinked_partial_is_refused",
        "tests/test_security.py::test_an_include_that_climbs_out_is_refused", "tests/test_presets.py",
        "-k", "not watch and not init_scaffolds and not context and not settings"),
        scope=("template_dirs", "find_template", "LimitedTemplate", "BriefSandbox", "ConfinedLoader", "_is_template",
               "_in_template", "time_limit", "environment", "TEXT_SUFFIXES", "MAX_OUTPUT", "RENDER_ERRORS")),
    "corrections": Target("tables/corrections.py", ("tests/test_corrections.py",)),
    "checks": Target("check/rules.py", ("tests/test_check.py", "tests/test_cli.py::test_inspect_marks_each_figure_and_lists_findings")),
    "congress": Target("extraction/congress.py", ("tests/test_congresses.py", *EXTRACTION)),
    "accountability": Target("tables/accountability.py", ("tests/test_congresses.py",)),
    "merge": Target("tables/frame.py", ("tests/test_congresses.py", "tests/test_frame.py"),
                    scope=("_newest_first", "_choose", "congresses_frame", "latest_cycle", "blocs_frame")),
}

# Survivors looked at and found acceptable, in mutate_accepted.py beside this file:
# {module: {why no user could notice: [mutant keys, as a run prints them]}}.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutate_accepted import ACCEPTED  # noqa: E402

PYTEST = ("-x", "-q", "-p", "no:cacheprovider", "-p", "no:anyio", "-o", "addopts=--benchmark-skip", "--no-header", "-rf",
          "--tb=short")


# --- mutants -----------------------------------------------------------------------------------

@dataclass
class Mutant:
    target: str
    line: int
    scope: str  # the enclosing function or class, dotted
    op: str
    before: str
    after: str
    source: str = field(repr=False)
    key: str = ""

    def describe(self) -> str:
        return f"{self.target}:{self.line} [{self.scope}] {self.op}: {self.before} -> {self.after}"


COMPARE_SWAPS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                 ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
BINOP_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
NAME_SWAPS = {"any": "all", "all": "any", "min": "max", "max": "min"}
ENUMS = ({"error", "warning", "info"}, {"actual", "target"})
REGEX_FUNCTIONS = {"compile", "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split"}
MESSAGE_CALLS = {"KhoiError", "ValueError", "TypeError", "SecurityError", "RenderLimit", "print", "warn"}
REGEX_HINT = re.compile(r"\\[dswb]|\(\?")


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Generator:
    """Every mutant of one module: (path to the node, the node that replaces it, what it is)."""

    def __init__(self, target: str, spec: Target, source: str) -> None:
        self.target, self.spec, self.source = target, spec, source
        self.data = source.encode("utf-8")
        self.tree = ast.parse(source)
        self.starts = [0]
        for line in self.data.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.regex_nodes: set[int] = set()
        self.skipped = 0
        self._mark_regexes()

    # Positions in the AST are UTF-8 byte offsets.
    def span(self, node: ast.AST) -> tuple[int, int]:
        return (self.starts[node.lineno - 1] + node.col_offset, self.starts[node.end_lineno - 1] + node.end_col_offset)

    def text(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.data[start:end].decode("utf-8")

    def _mark_regexes(self) -> None:
        def mark(node: ast.AST) -> None:
            if isinstance(node, (ast.Constant, ast.JoinedStr)):
                self.regex_nodes.add(id(node))
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                mark(node.left)
                mark(node.right)

        for node in ast.walk(self.tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in REGEX_FUNCTIONS):
                mark(node.args[0])
        for node in self.tree.body:  # module-level pattern pieces: _YEAR = r"(?:19|20)\d{2}"
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str) and REGEX_HINT.search(node.value.value)):
                self.regex_nodes.add(id(node.value))

    # -- walking: remember the path to each node, its scope, and whether it may be mutated
    def mutants(self) -> list[Mutant]:
        out: list[Mutant] = []
        seen: set[str] = set()
        for path, node, scope, new, op, before, after in self._walk(self.tree, (), [], top=None):
            if isinstance(node, ast.stmt) and new is None:
                # An 'elif' is an If standing alone in its parent's else: it goes as 'else: pass'.
                replacement = "else: pass" if self.text(node).startswith("elif") else "pass"
                expected_new = ast.Pass()
            elif isinstance(node, ast.Slice):
                replacement, expected_new = ast.unparse(new), new
            else:
                replacement = f"({ast.unparse(new)})" if isinstance(node, ast.expr) else ast.unparse(new)
                expected_new = new
            start, end = self.span(node)
            mutated = (self.data[:start] + replacement.encode("utf-8") + self.data[end:]).decode("utf-8")
            expected = copy.deepcopy(self.tree)
            _set(expected, path, expected_new)
            try:
                ok = ast.dump(ast.parse(mutated)) == ast.dump(expected) != ast.dump(self.tree)
            except SyntaxError:
                ok = False
            if not ok or mutated in seen:
                self.skipped += not ok
                continue
            seen.add(mutated)
            out.append(Mutant(self.target, node.lineno, scope, op, _short(before), _short(after), mutated))
        counts: Counter[str] = Counter()
        for m in out:
            key = f"{m.scope}: {m.op}: {m.before} -> {m.after}"
            counts[key] += 1
            m.key = key if counts[key] == 1 else f"{key} #{counts[key]}"
        return out

    def _walk(self, node: ast.AST, path: tuple, scope: list[str], top: str | None):
        for name, value in ast.iter_fields(node):
            if name in ("annotation", "returns", "type_comment", "decorator_list"):
                continue
            items = value if isinstance(value, list) else [value]
            for index, child in enumerate(items):
                if not isinstance(child, ast.AST):
                    continue
                here = path + ((name, index if isinstance(value, list) else None),)
                child_top = top
                if node is self.tree:
                    child_top = _top_name(child)
                in_scope = self.spec.scope is None or child_top in self.spec.scope
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    yield from self._walk(child, here, scope + [child.name], child_top)
                    continue
                if isinstance(child, (ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal)):
                    continue
                if _is_docstring(node, name, index, child):
                    continue
                if in_scope and node is not self.tree:
                    yield from self._statement(child, here, scope)
                if isinstance(child, ast.Raise):
                    continue  # its message is no logic; deleting the raise (above) is
                if in_scope:
                    yield from self._expression(node, name, child, here, scope)
                if isinstance(child, ast.JoinedStr):
                    continue  # a message, or a pattern already mutated piece by piece
                if isinstance(child, ast.Call) and _call_name(child) in MESSAGE_CALLS:
                    continue
                yield from self._walk(child, here, scope, child_top)

    def _statement(self, node: ast.AST, path: tuple, scope: list[str]):
        where = ".".join(scope) or "<module>"
        if isinstance(node, ast.stmt) and not isinstance(node, ast.Pass):
            first = self.text(node).splitlines()[0]
            yield path, node, where, None, "delete statement", first, "pass"
        if isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            yield path, node, where, ast.Return(ast.Constant(None)), "return None", self.text(node), "return None"
        if isinstance(node, ast.AugAssign) and type(node.op) in BINOP_SWAPS:
            new = copy.deepcopy(node)
            new.op = BINOP_SWAPS[type(node.op)]()
            yield path, node, where, new, "augmented operator", self.text(node), ast.unparse(new)
        if isinstance(node, (ast.If, ast.While)) and _worth_negating(node.test):
            test = node.test
            yield (path + (("test", None),), test, where, ast.UnaryOp(ast.Not(), copy.deepcopy(test)), "negate condition",
                   self.text(test), f"not ({self.text(test)})")

    def _expression(self, parent: ast.AST, field_name: str, node: ast.AST, path: tuple, scope: list[str]):
        where = ".".join(scope) or "<module>"
        text = self.text(node) if hasattr(node, "lineno") else ""

        def variant(new: ast.AST, op: str, after: str | None = None):
            return path, node, where, new, op, text, after if after is not None else ast.unparse(new)

        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in COMPARE_SWAPS:
                    new = copy.deepcopy(node)
                    new.ops[i] = COMPARE_SWAPS[type(op)]()
                    yield variant(new, "comparison")
        elif isinstance(node, ast.BoolOp):
            new = copy.deepcopy(node)
            new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            yield variant(new, "and/or")
            for i in range(len(node.values)):
                rest = [copy.deepcopy(v) for j, v in enumerate(node.values) if j != i]
                yield variant(rest[0] if len(rest) == 1 else ast.BoolOp(copy.deepcopy(node.op), rest), "drop operand")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            yield variant(copy.deepcopy(node.operand), "drop unary")
        elif isinstance(node, ast.IfExp) and _worth_negating(node.test):
            new = copy.deepcopy(node)
            new.test = ast.UnaryOp(ast.Not(), new.test)
            yield variant(new, "negate condition")
        elif isinstance(node, ast.BinOp) and type(node.op) in BINOP_SWAPS and not _stringy(node):
            new = copy.deepcopy(node)
            new.op = BINOP_SWAPS[type(node.op)]()
            yield variant(new, "arithmetic")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in NAME_SWAPS:
            new = copy.deepcopy(node)
            new.func.id = NAME_SWAPS[node.func.id]
            yield variant(new, "function")
        elif isinstance(node, ast.Slice):
            for bound in ("lower", "upper"):
                if getattr(node, bound) is not None:
                    new = copy.deepcopy(node)
                    setattr(new, bound, None)
                    yield path, node, where, new, f"drop slice {bound}", text, ast.unparse(new) or ":"
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)) and isinstance(node.ctx if hasattr(node, "ctx") else ast.Load(), ast.Load):
            if (len(node.elts) >= 2 and not _unpacked(parent, field_name)
                    and not isinstance(parent, (ast.Subscript, ast.List, ast.Tuple))):  # not a record in a table
                for i, elt in enumerate(node.elts):
                    new = copy.deepcopy(node)
                    del new.elts[i]
                    yield path, node, where, new, "delete item", self.text(elt), "(deleted)"
        elif isinstance(node, ast.Dict) and len(node.keys) >= 2 and all(k is not None for k in node.keys):
            for i, key in enumerate(node.keys):
                new = copy.deepcopy(node)
                del new.keys[i], new.values[i]
                yield path, node, where, new, "delete entry", f"{self.text(key)}: {self.text(node.values[i])}", "(deleted)"
        elif isinstance(node, ast.Constant):
            yield from self._constant(parent, field_name, node, path, where, text)
        elif isinstance(node, ast.JoinedStr) and id(node) in self.regex_nodes:
            pieces = [v.value if isinstance(v, ast.Constant) else None for v in node.values]
            for i, piece in enumerate(pieces):
                if piece is None:
                    continue
                whole = lambda p, i=i: "".join("(?:0)" if q is None else (p if j == i else q) for j, q in enumerate(pieces))
                for op, before, after, new_piece in regex_mutations(piece):
                    if _compiles(whole(new_piece)):
                        new = copy.deepcopy(node)
                        new.values[i] = ast.Constant(new_piece)
                        new.values = [v for v in new.values if not (isinstance(v, ast.Constant) and v.value == "")]
                        yield path, node, where, new, op, before, after

    def _constant(self, parent, field_name, node, path, where, text):
        value = node.value
        if isinstance(value, bool):
            yield path, node, where, ast.Constant(not value), "boolean", text, str(not value)
        elif isinstance(value, float) and value >= 1000 and value.is_integer():  # a scale: 1e3 -> 1e4
            yield path, node, where, ast.Constant(value * 10), "number", text, repr(value * 10)
        elif isinstance(value, (int, float)):
            for delta in (1, -1):
                new = value + delta
                # A negative number is written, and parsed back, as '-' applied to a positive one.
                replacement = ast.UnaryOp(ast.USub(), ast.Constant(-new)) if new < 0 else ast.Constant(new)
                yield path, node, where, replacement, "number", text, repr(new)
        elif isinstance(value, str):
            if id(node) in self.regex_nodes:
                for op, before, after, new_value in regex_mutations(value):
                    if _compiles(new_value):
                        yield path, node, where, ast.Constant(new_value), op, before, after
                return
            for enum in ENUMS:
                if value in enum:
                    for other in sorted(enum - {value}):
                        yield path, node, where, ast.Constant(other), "swap value", text, repr(other)
                    return
            if value and (isinstance(parent, (ast.Compare, ast.Subscript))
                          or (isinstance(parent, (ast.Call, ast.keyword)) and field_name in ("args", "value"))):
                yield path, node, where, ast.Constant(f"XX{value}XX"), "string", text, repr(f"XX{value}XX")


def _top_name(node: ast.AST) -> str | None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        return names[0] if names else None
    return None


def _is_docstring(parent: ast.AST, name: str, index, child: ast.AST) -> bool:
    return (name == "body" and index == 0 and isinstance(child, ast.Expr) and isinstance(child.value, ast.Constant)
            and isinstance(child.value.value, str))


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _worth_negating(test: ast.AST) -> bool:
    """A condition that no comparison flip or dropped 'not' already negates."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return False
    return not (isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in COMPARE_SWAPS
                and not isinstance(test.ops[0], (ast.Lt, ast.LtE, ast.Gt, ast.GtE)))


def _stringy(node: ast.BinOp) -> bool:
    return any(isinstance(n, (ast.JoinedStr, ast.List, ast.ListComp)) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
               for n in (node.left, node.right))


def _unpacked(parent: ast.AST, field_name: str) -> bool:
    """A tuple that is returned or unpacked into names: dropping an item only breaks the unpacking."""
    if isinstance(parent, ast.Return):
        return True
    return isinstance(parent, ast.Assign) and field_name == "value" and any(isinstance(t, ast.Tuple) for t in parent.targets)


def _set(tree: ast.AST, path: tuple, new: ast.AST) -> None:
    node = tree
    for name, index in path[:-1]:
        node = getattr(node, name) if index is None else getattr(node, name)[index]
    name, index = path[-1]
    if index is None:
        setattr(node, name, new)
    else:
        getattr(node, name)[index] = new


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
        return True
    except re.error:
        return False


# --- regular expressions ------------------------------------------------------------------------

def _tokens(p: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each piece of a pattern, enough to mutate it: esc, wordb, class, open
    (with its '(?:' or '(?<!' prefix), close, alt, quant, anchor, lit."""
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            out.append(("wordb" if p[i + 1] == "b" else "esc", i, i + 2))
            i += 2
        elif c == "[":
            j = i + 1
            if j < len(p) and p[j] == "^":
                j += 1
            if j < len(p) and p[j] == "]":
                j += 1
            while j < len(p) and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            out.append(("class", i, min(j + 1, len(p))))
            i = j + 1
        elif c == "(":
            m = re.match(r"\(\?(?::|=|!|<=|<!|P<\w+>)?", p[i:])
            j = i + (len(m.group(0)) if m else 1)
            out.append(("open", i, j))
            i = j
        elif c in ")|":
            out.append(("close" if c == ")" else "alt", i, i + 1))
            i += 1
        elif c in "*+?" or (c == "{" and re.match(r"\{\d+(,\d*)?\}", p[i:])):
            m = re.match(r"(\{\d+(,\d*)?\}|[*+?])\??", p[i:])
            out.append(("quant", i, i + len(m.group(0))))
            i += len(m.group(0))
        elif c in "^$":
            out.append(("anchor", i, i + 1))
            i += 1
        else:
            out.append(("lit", i, i + 1))
            i += 1
    return out


def regex_mutations(p: str) -> list[tuple[str, str, str, str]]:
    """(operator, before, after, new pattern) for one piece of a pattern."""
    out: list[tuple[str, str, str, str]] = []
    tokens = _tokens(p)

    def put(op: str, start: int, end: int, new: str) -> None:
        lo, hi = max(0, start - 12), min(len(p), end + 12)
        out.append((op, f"{p[lo:start]}«{p[start:end]}»{p[end:hi]}", f"«{new}»", p[:start] + new + p[end:]))

    for n, (kind, start, end) in enumerate(tokens):
        piece = p[start:end]
        if kind == "quant":
            lazy = piece.endswith("?") and len(piece) > 1  # lazy or greedy: the same yes or no
            core = piece[:-1] if lazy else piece
            if core == "?":
                put("regex optional → required", start, end, "")
            elif core == "*":
                put("regex quantifier", start, end, "+")
            elif core == "+":
                if p[max(0, start - 2):start] != "\\s":  # '\s+' to '\s*' would only glue words
                    put("regex quantifier", start, end, "*")
            else:
                m = re.fullmatch(r"\{(\d+)(?:(,)(\d*))?\}", core)
                low, comma, high = int(m.group(1)), m.group(2), m.group(3)
                if int(high or low) > 9:
                    continue  # a window ('{0,60}'), not a count of digits: one more or less means nothing
                if not comma:
                    for new in (low - 1, low + 1):
                        if new >= 1:
                            put("regex repeat", start, start + len(core), f"{{{new}}}")
                elif high:  # narrowed: '{1,2}' to '{1,1}' or '{2,2}' (one more digit allowed rarely matters)
                    high = int(high)
                    if high - 1 >= max(low, 1):
                        put("regex repeat", start, start + len(core), f"{{{low},{high - 1}}}")
                    if 1 <= low < high:
                        put("regex repeat", start, start + len(core), f"{{{low + 1},{high}}}")
        elif kind in ("wordb", "anchor"):
            put("regex drop boundary", start, end, "")
        elif kind == "class" and p[start + 1] != "^":  # a negated class only grows
            inner_start = start + 1
            items, j = [], inner_start
            while j < end - 1:
                k = j + (2 if p[j] == "\\" else 1)
                if k < end - 1 and p[k] == "-" and k + 1 < end - 1:  # a range a-z
                    k += 2 if p[k + 1] == "\\" else 2
                items.append((j, k))
                j = k
            if 2 <= len(items) <= 4:  # a class of separators ('[/.\-]'), not of letters and digits
                for a, b in items:
                    put("regex class item", a, b, "")
        elif kind == "open" and piece in ("(?=", "(?!", "(?<=", "(?<!"):
            close = _matching_close(tokens, n)
            if close is not None:
                put("regex drop lookaround", start, tokens[close][2], "")
    # Alternatives: each group's (or the piece's top level) '|'-separated parts, one dropped at a time.
    for first, last in _groups(tokens, len(p)):
        bars = [t for t in tokens if t[0] == "alt" and first <= t[1] < last and _depth_at(tokens, t[1], first) == 0]
        if not bars:
            continue
        edges = [first] + [b[1] for b in bars] + [last]
        for k in range(len(edges) - 1):
            a, b = edges[k], edges[k + 1]
            if k == 0:
                put("regex drop alternative", a, b + 1, "")  # 'x|' of the first
            else:
                put("regex drop alternative", a, b, "")  # '|x' of the others
    return [m for m in out if m[3] != p]


def _matching_close(tokens, n: int) -> int | None:
    depth = 0
    for k in range(n, len(tokens)):
        if tokens[k][0] == "open":
            depth += 1
        elif tokens[k][0] == "close":
            depth -= 1
            if depth == 0:
                return k
    return None


def _groups(tokens, length: int) -> list[tuple[int, int]]:
    """(start, end) of every group's inside, and of the piece's top level."""
    spans = [(0, length)]
    for n, (kind, _, end) in enumerate(tokens):
        if kind == "open":
            close = _matching_close(tokens, n)
            spans.append((end, tokens[close][1] if close is not None else length))
    return spans


def _depth_at(tokens, position: int, first: int) -> int:
    depth = 0
    for kind, start, _ in tokens:
        if start >= position:
            break
        if start >= first:
            depth += kind == "open"
            depth -= kind == "close"
    return max(depth, 0)


# --- running ------------------------------------------------------------------------------------

@dataclass
class Result:
    target: str
    key: str
    line: int
    op: str
    before: str
    after: str
    status: str  # killed | timeout | survived
    seconds: float
    killer: str = ""
    accepted: str = ""


def make_copy(into: Path) -> Path:
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "__pycache__", ".hypothesis", ".pytest_cache",
                                    ".benchmarks", "*.egg-info")
    shutil.copytree(ROOT, into, ignore=ignore, symlinks=True)
    return into


# Imported once by each worker's runner, before it forks a child per mutant: the child then starts
# pytest in a fraction of a second instead of importing pandas, WeasyPrint and the rest again.
PRELOAD = ("numpy", "pandas", "jinja2", "jinja2.sandbox", "weasyprint", "docx", "docxtpl", "matplotlib",
           "matplotlib.figure", "typer", "typer.testing", "babel.numbers", "hypothesis", "pytest", "PIL.Image",
           "openpyxl", "charset_normalizer", "pytest_benchmark.plugin", "_hypothesis_pytestplugin")


def serve() -> None:
    """The runner: one request a line on stdin ({work, args, timeout}), one answer a line on
    stdout ({code, seconds, output}); each request runs pytest in a forked child of its own
    session, killed with all it started when the time is up. khoi_report is never imported
    here: each child imports it from the worker's copy."""
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    assert not any(m == "khoi_report" or m.startswith(("khoi_report.", "tests")) for m in sys.modules)
    # Ctrl-C reaches the whole process group: the tool stops the runners itself (SIGTERM), and a
    # runner stopped so kills the tests it started before it goes (they run in a session of their own).
    current = [0]

    def stop(signum, frame) -> None:
        if current[0]:
            try:
                os.killpg(current[0], signal.SIGKILL)
            except ProcessLookupError:
                pass
        os._exit(1)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop)
    answer = sys.stdout
    for request in sys.stdin:
        job = json.loads(request)
        work, log = Path(job["work"]), Path(job["work"]) / ".mutate.log"
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: pytest in the copy, its output in the log
            try:
                signal.signal(signal.SIGINT, signal.default_int_handler)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                os.setsid()
                fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.dup2(fd, 1)
                os.dup2(fd, 2)
                os.chdir(work)
                os.environ.update(PYTHONPATH=str(work / "src"), CI="true")
                os.environ.pop("KHOI_REPORT_CACHE", None)
                sys.path.insert(0, str(work / "src"))
                import khoi_report

                assert Path(khoi_report.__file__).is_relative_to(work), khoi_report.__file__
                import hypothesis

                # The same examples every run (a kill is reproducible) and no example database.
                hypothesis.settings.register_profile("mutate", derandomize=True, database=None)
                hypothesis.settings.load_profile("mutate")
                import pytest

                code = int(pytest.main(job["args"], plugins=[_Order(job["first"], work / ".mutate.killer")]))
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 70
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        current[0] = pid
        code = None
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            if job["timeout"] is not None and time.monotonic() - started > job["timeout"]:
                os.killpg(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                break
            time.sleep(0.02)
        try:
            os.killpg(pid, signal.SIGKILL)  # anything the tests left running
        except ProcessLookupError:
            pass
        current[0] = 0
        output = log.read_text("utf-8", errors="replace") if log.exists() else ""
        killer = work / ".mutate.killer"
        first_failure = killer.read_text("utf-8") if killer.exists() else ""
        killer.unlink(missing_ok=True)
        answer.write(json.dumps({"code": code, "seconds": time.monotonic() - started, "output": output[-4000:],
                                 "killer": first_failure}) + "\n")
        answer.flush()


class _Order:
    """A pytest plugin: the tests that killed earlier mutants of the module run first (with -x the
    run then ends in a second instead of after every test before them), and the first failing
    test is written down."""

    def __init__(self, first: list[str], killer: Path) -> None:
        self.rank = {nodeid: n for n, nodeid in enumerate(first)}
        self.killer = killer

    def pytest_collection_modifyitems(self, items) -> None:
        items.sort(key=lambda item: self.rank.get(item.nodeid, len(self.rank)))

    def pytest_runtest_logreport(self, report) -> None:
        if report.failed and not self.killer.exists():
            self.killer.write_text(report.nodeid, "utf-8")


class Worker:
    """A copy of the repository and the runner that tests it."""

    def __init__(self, folder: Path) -> None:
        self.work = make_copy(folder)
        self.runner = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True, cwd=folder)

    def run(self, spec: Target, timeout: float | None, first: list[str] = ()) -> tuple[str, float, str]:
        # The tests' temporary folders lie beside the copy, not in it: the copy is the tests' working
        # folder, and paths under it are shown relative to it (a test expecting the whole path fails).
        args = [*spec.tests, *PYTEST, f"--basetemp={self.work.parent / (self.work.name + '-tmp')}"]
        self.runner.stdin.write(json.dumps({"work": str(self.work), "args": args, "timeout": timeout,
                                            "first": list(first)}) + "\n")
        self.runner.stdin.flush()
        line = self.runner.stdout.readline()
        if not line:
            raise SystemExit("a test runner died")
        reply = json.loads(line)
        code, seconds, output = reply["code"], reply["seconds"], reply["output"]
        if code is None:
            return "timeout", seconds, ""
        if code == 0:
            return "survived", seconds, ""
        if code == 5:
            raise SystemExit(f"no tests ran for {spec.tests}:\n{output}")
        lines = output.strip().splitlines()
        return "killed", seconds, reply["killer"] or _short(lines[-1] if lines else f"exit {code}", 100)

    def stop(self) -> None:
        """End the runner now, and with it the tests it is running."""
        self.runner.terminate()

    def close(self) -> None:
        try:
            self.runner.stdin.close()
        except BrokenPipeError:
            pass
        self.runner.wait()


class Workers:
    """The workers, handed out one at a time."""

    def __init__(self, folder: Path, jobs: int) -> None:
        self.all = [Worker(folder / f"w{n}") for n in range(jobs)]
        self.free = list(self.all)
        self.lock = threading.Condition()
        self.killers: dict[str, list[str]] = {}  # per target, the tests that killed mutants, latest first

    def killed_by(self, target: str, test: str) -> None:
        with self.lock:
            order = self.killers.setdefault(target, [])
            if test in order:
                order.remove(test)
            order.insert(0, test)

    def first(self, target: str) -> list[str]:
        with self.lock:
            return list(self.killers.get(target, []))

    def take(self) -> Worker:
        with self.lock:
            while not self.free:
                self.lock.wait()
            return self.free.pop()

    def give(self, worker: Worker) -> None:
        with self.lock:
            self.free.append(worker)
            self.lock.notify()

    def stop(self) -> None:
        for worker in self.all:
            worker.stop()

    def close(self) -> None:
        for worker in self.all:
            worker.close()


_STAMP = [int(time.time()) + 10]


def _write(module: Path, data: bytes) -> None:
    """Write the module with a modification time of its own, a whole second after the last: a
    compiled copy of the previous version (Python checks the time to the second, and the size)
    is never taken for this one."""
    module.write_bytes(data)
    _STAMP[0] += 1
    os.utime(module, (_STAMP[0], _STAMP[0]))


def run_mutant(workers: Workers, mutant: Mutant, timeout: float) -> Result:
    spec = TARGETS[mutant.target]
    worker = workers.take()
    module = worker.work / PACKAGE / spec.path
    original = module.read_bytes()
    try:
        _write(module, mutant.source.encode("utf-8"))
        status, seconds, killer = worker.run(spec, timeout, workers.first(mutant.target))
        if status == "killed" and "::" in killer:
            workers.killed_by(mutant.target, killer)
    finally:
        _write(module, original)
        workers.give(worker)
    return Result(mutant.target, mutant.key, mutant.line, mutant.op, mutant.before, mutant.after, status,
                  round(seconds, 1), killer, _accepted(mutant))


def _accepted(mutant: Mutant) -> str:
    """Why this mutant may survive, when someone looked and wrote it down; else ''."""
    for why, keys in ACCEPTED.get(mutant.target, {}).items():
        if mutant.key in keys:
            return why
    return ""


def generate(names: list[str]) -> tuple[dict[str, list[Mutant]], int]:
    found, skipped = {}, 0
    for name in names:
        spec = TARGETS[name]
        generator = Generator(name, spec, (ROOT / PACKAGE / spec.path).read_text("utf-8"))
        found[name] = generator.mutants()
        skipped += generator.skipped
    return found, skipped


def summary(results: list[Result], names: list[str], seconds: float, totals: dict[str, int] | None = None) -> str:
    """The Markdown of tests/README.md: a table per module, then every survivor under its reason.
    With `totals` (a run stopped early) the mutants column says how many of each module's ran."""
    lines = ["| module | file | mutants | killed | timed out | survived: accepted | survived: new |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for name in names:
        mine = [r for r in results if r.target == name]
        count = Counter(r.status for r in mine)
        accepted = sum(r.status == "survived" and bool(r.accepted) for r in mine)
        tried = f"{len(mine)} of {totals[name]}" if totals else str(len(mine))
        lines.append(f"| {name} | `{TARGETS[name].path}` | {tried} | {count['killed']} | {count['timeout']} | "
                     f"{accepted} | {count['survived'] - accepted} |")
    stopped = f" (stopped early: {len(results)} of {sum(totals.values())} run)" if totals else ""
    lines.append(f"\n{len(results)} mutants in {seconds / 60:.0f} min{stopped}.")
    for name in names:
        survivors = sorted((r for r in results if r.target == name and r.status == "survived"), key=lambda r: r.line)
        if not survivors:
            continue
        lines.append(f"\n#### {name}: {len(survivors)} survivors\n")
        groups: dict[str, list[Result]] = {}
        for r in survivors:
            groups.setdefault(r.accepted or "NEW: not looked at yet", []).append(r)
        for why, group in sorted(groups.items(), key=lambda g: g[1][0].line):
            lines.append(f"- {why}")
            lines += [f"  - {r.line}: `{r.key}`" for r in group]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"which of {', '.join(TARGETS)} (default: all)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--list", action="store_true", help="print the mutants and stop")
    parser.add_argument("--match", help="only the mutants whose line number or key contains this")
    parser.add_argument("--lines", metavar="FIRST-LAST",
                        help="only the mutants on these lines of the module: '146-200', '146-' (to the end), '-160'")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "mutation" / "result.json")
    parser.add_argument("--resume", type=Path, metavar="JSON",
                        help="the results of a stopped run: its killed and timed-out mutants are kept, not run again "
                             "(its survivors are, the tests may have changed since)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return 0
    names = args.modules or list(TARGETS)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown module {unknown[0]!r}; choose from {', '.join(TARGETS)}")
    found, skipped = generate(names)
    first, last = _line_range(parser, args.lines)
    mutants = [m for name in names for m in found[name]
               if (not args.match or args.match == str(m.line) or args.match in m.key) and first <= m.line <= last]
    if args.list:
        for m in mutants:
            print(m.describe())
        print(f"{len(mutants)} mutants ({skipped} candidates dropped: not valid Python or not the change meant)")
        return 0
    kept: list[Result] = []
    if args.resume:
        before = {(r["target"], r["key"]): Result(**r) for r in json.loads(args.resume.read_text("utf-8"))}
        for m in mutants:
            r = before.get((m.target, m.key))
            if r is not None and r.status != "survived":
                kept.append(Result(**{**asdict(r), "line": m.line}))
        done = {(r.target, r.key) for r in kept}
        mutants = [m for m in mutants if (m.target, m.key) not in done]
        print(f"{len(kept)} mutants kept from {args.resume}, {len(mutants)} to run", flush=True)
    started = time.monotonic()
    # Ctrl-C, or `kill PID` for a run in the background (which ignores Ctrl-C), stops the run: the
    # mutants running are dropped, the ones not started are not run, and what was run is reported.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    with tempfile.TemporaryDirectory(prefix="khoi-mutate-") as folder:
        workers = Workers(Path(folder), args.jobs)
        try:
            results, stopped = _run(workers, names, found, mutants)
        finally:
            workers.close()
    if results is None:
        return 2
    results = kept + results
    elapsed = time.monotonic() - started
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1), "utf-8")
    print()
    print(summary(results, names, elapsed, {name: len(found[name]) for name in names} if stopped else None))
    print(f"\nresults: {args.json}")
    if stopped:
        print(f"stopped: {len(results)} of {len(kept) + len(mutants)} mutants run", file=sys.stderr)
        return 130
    return 1 if any(r.status == "survived" and not r.accepted for r in results) else 0


def _line_range(parser: argparse.ArgumentParser, text: str | None) -> tuple[int, float]:
    """'146-200', '146-' or '-160' as (first, last) line; None: every line."""
    if text is None:
        return 0, float("inf")
    m = re.fullmatch(r"(\d*)-(\d*)|(\d+)", text.strip())
    if not m or not (m.group(1) or m.group(2) or m.group(3)):
        parser.error(f"--lines {text!r}: write FIRST-LAST, FIRST- or -LAST (line numbers)")
    if m.group(3):
        return int(m.group(3)), int(m.group(3))
    return int(m.group(1) or 0), int(m.group(2)) if m.group(2) else float("inf")


def _run(workers: Workers, names: list[str], found: dict[str, list[Mutant]],
         mutants: list[Mutant]) -> tuple[list[Result] | None, bool]:
    """The results, and whether the run was stopped before the end (then only what finished)."""
    timeouts = {}
    pool = ThreadPoolExecutor(len(workers.all))
    futures = []
    results: list[Result] = []
    try:
        # The unmutated tests must pass; they set the time limit.
        for name, (status, seconds, killer) in zip(names, pool.map(lambda n: _baseline(workers, n), names)):
            if status != "survived":
                print(f"{name}: the unmutated tests fail ({status}: {killer}); fix that first", file=sys.stderr)
                return None, False
            timeouts[name] = 1.5 * seconds + 15
            print(f"{name}: {TARGETS[name].path}, {len(found[name])} mutants, tests take {seconds:.0f} s", flush=True)
        futures = [pool.submit(run_mutant, workers, m, timeouts[m.target]) for m in mutants]
        for n, future in enumerate(futures, 1):
            r = future.result()
            results.append(r)
            flag = "" if r.status != "survived" else (" (accepted)" if r.accepted else "  <-- NEW SURVIVOR")
            print(f"[{n}/{len(mutants)}] {r.status:8} {r.seconds:5.1f}s {r.target}:{r.line} {r.key}{flag}"
                  + (f"  [{r.killer}]" if r.killer else ""), flush=True)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not break the clean-up
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("\nstopping: the mutants running are dropped", file=sys.stderr, flush=True)
        pool.shutdown(wait=False, cancel_futures=True)
        workers.stop()  # the runners end, and the tests they run with them
        pool.shutdown(wait=True)
        # Mutants that finished after the last one printed count too; the ones cut short do not.
        results += [f.result() for f in futures[len(results):]
                    if f.done() and not f.cancelled() and f.exception() is None]
        return (results if timeouts else None), True
    finally:
        pool.shutdown(wait=True)
    return results, False


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _baseline(workers: Workers, name: str) -> tuple[str, float, str]:
    worker = workers.take()
    try:
        return worker.run(TARGETS[name], None)
    finally:
        workers.give(worker)


if __name__ == "__main__":
    sys.exit(main())
