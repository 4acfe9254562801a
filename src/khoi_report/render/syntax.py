"""Jinja syntax errors in plain words, at the line a template author has to look at.

In: a `TemplateSyntaxError` (which carries the template's source). Out: (line, message). A block
never closed (`{% for %}` without `{% endfor %}`, or closed by the wrong end tag) is reported at
the line of its opening tag, saying which tag was expected; Jinja's token names ('end of
statement block') become the characters one types (`%}`).
"""

from __future__ import annotations

import difflib
import re

import jinja2

# Tags that open a block closed by `end<tag>`; `set` only in its block form (no `=`).
BLOCK_TAGS = {"for", "if", "block", "macro", "call", "filter", "with", "autoescape", "trans", "set"}
KNOWN_TAGS = sorted(BLOCK_TAGS | {"extends", "include", "import", "from", "print", "else", "elif", "do"})
TOKENS = {"end of statement block": "%}", "end of print statement": "}}", "end of template": "the end of the file",
          "name": "a name", "begin of statement block": "{%", "begin of print statement": "{{"}
_END_AT = re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: (.*?)\. "
                     r"The innermost block that needs to be closed is '(\w+)'")
_WRONG_END = re.compile(r"Encountered unknown tag '(\w+)'\..*(?:looking for|looking for the following tags:) (.*?)\. "
                        r"The innermost block that needs to be closed is '(\w+)'", re.S)
_UNKNOWN = re.compile(r"^Encountered unknown tag '(\w+)'\.$")
_EXPECTED = re.compile(r"^expected token '([^']+)', got '([^']+)'$")
_EOF_EXPECTED = re.compile(r"^unexpected end of template, expected '([^']+)'\.?$")
_UNEXPECTED = re.compile(r"^unexpected '([^']+)'$")
_CLOSERS = {"}": "}} (a {{ … }} closes with two braces)", "%": "%} (a {% … %} closes with %})"}


def _word(token: str) -> str:
    return TOKENS.get(token, f"'{token}'")


def _tags(wanted: str) -> str:
    """"'endfor' or 'else'" as "{% endfor %} (or {% else %})"."""
    names = re.findall(r"'(\w+)'", wanted)
    ends = [n for n in names if n.startswith("end")] or names[:1]
    others = [n for n in names if n not in ends]
    return "{% " + ends[0] + " %}" + (f" (or {', '.join('{% ' + n + ' %}' for n in others)})" if others else "")


def open_blocks(source: str, until_line: int | None = None) -> list[tuple[str, int]]:
    """The blocks still open (tag, line of its opening tag), innermost last, at the end of the
    source or at the first end tag on `until_line` that does not close the innermost block."""
    stack: list[tuple[str, int]] = []
    tokens = [t for t in jinja2.Environment().lex(source) if t[1] != "whitespace"]
    for i, (line, kind, value) in enumerate(tokens):
        if kind != "block_begin" or i + 1 >= len(tokens) or tokens[i + 1][1] != "name":
            continue
        tag_line, _, tag = tokens[i + 1]
        if tag in BLOCK_TAGS:
            rest = []
            for _, k, v in tokens[i + 2:]:
                if k == "block_end":
                    break
                rest.append((k, v))
            if tag == "set" and any(k == "operator" and v == "=" for k, v in rest):
                continue  # {% set x = 1 %} closes itself
            stack.append((tag, tag_line))
        elif tag.startswith("end"):
            if stack and stack[-1][0] == tag[3:]:
                stack.pop()
            elif until_line is not None and tag_line >= until_line:
                break
    return stack


def plain(exc: jinja2.TemplateSyntaxError) -> tuple[int | None, str]:
    """The line to show and the message, in plain words (Jinja's own when no rule applies)."""
    message, source = exc.message or "", exc.source
    try:
        if (found := _END_AT.search(message)) and source is not None:
            still = open_blocks(source)
            tag, line = still[-1] if still else (found[2], exc.lineno)
            return line, (f"{{% {tag} %}} opened here is never closed: expected {_tags(found[1])} "
                          f"before the end of the file")
        if (found := _WRONG_END.search(message)) and source is not None:
            got, wanted, tag = found[1], found[2], found[3]
            still = open_blocks(source, exc.lineno)
            line = still[-1][1] if still and still[-1][0] == tag else exc.lineno
            return line, (f"{{% {tag} %}} opened here is never closed: {{% {got} %}} on line {exc.lineno} "
                          f"came first; expected {_tags(wanted)} before it")
    except jinja2.TemplateSyntaxError:  # the source does not even lex: keep Jinja's words
        pass
    if found := _UNKNOWN.match(message):
        near = " or ".join("{% " + n + " %}" for n in difflib.get_close_matches(found[1], KNOWN_TAGS, n=2))
        return exc.lineno, f"unknown tag {{% {found[1]} %}}" + (f" (did you mean {near}?)" if near else "")
    if found := _EXPECTED.match(message):
        return exc.lineno, f"expected {_word(found[1])} here, found {_word(found[2])}"
    if (found := _UNEXPECTED.match(message)) and found[1] in _CLOSERS:
        return exc.lineno, f"unexpected '{found[1]}' here: expected {_CLOSERS[found[1]]}"
    if found := _EOF_EXPECTED.match(message):
        opener = {"}}": "{{", "%}": "{%"}.get(_word(found[1]))
        line = exc.lineno
        if opener and source is not None:
            start = source.rfind(opener)
            line = source.count("\n", 0, start) + 1 if start >= 0 else line
        return line, f"the file ends inside {opener or 'a tag'} … opened here: expected {_word(found[1])}"
    return exc.lineno, message
