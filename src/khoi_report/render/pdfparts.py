"""A long brief's PDF laid out in parts on every core, joined into the document one layout gives.

WeasyPrint lays a document out on one core, and holds every page until it writes. A brief's
top-level sections each begin a page (`break-before: page`), so laid out apart, each group of
them a WeasyPrint document of its own in a worker process, they give the same pages; `pdfjoin`
puts them back in order. What depends on the whole document is made once the parts' page counts
are known:
- running headers and footers ("Trang N/M"): the parts are laid out without margin boxes, and a
  document of as many empty pages, of the same names and sizes, laid out with the brief's CSS,
  draws every page's margin boxes over it;
- a part that links to another's anchors (the contents, with `target-counter`) is laid out a
  second time, at its place in the document: as many empty pages before it as come before it,
  and an anchor on the page of each target it names after it; only its own pages are kept.
Each part after the first is laid out after an empty page, so that its first page is not the
document's `:first`.

The brief is laid out as one document when the parts could not give the same pages: when its CSS
numbers with counters, sets running strings or elements, styles left, right or blank pages, breaks
to a left or right page, fixes a box to every page or imports a stylesheet, when it links a
stylesheet, when it has fewer than `PARTS_FROM` sections that begin a page, and when a part's
first section turns out not to begin a page or a page is left blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .weasy import TAGGED, attached, document, page_references_built_once
from .weasylog import caught, located

PARTS_FROM = 24  # sections that begin a page: below this one layout is quicker than starting workers
PARTS_PER_WORKER = 6  # smaller parts balance the cores better; each costs a start-up (fonts, CSS)
# What a part's layout costs, in elements (fitted on the parts of a national brief): an element,
# six characters of text, or sixty of an image's data (the charts and maps are SVG).
CHARS_PER_ELEMENT = 6
IMAGE_CHARS_PER_ELEMENT = 60

_ONE_DOCUMENT = re.compile(r"""counter-(?:reset|increment|set)\s*:(?!\s*none\b)  # numbering across sections
    | string-set | \bstring\( | \brunning\( | \belement\(                    # running strings and elements
    | @page[^{]*:(?:left|right|blank|nth|recto|verso)\b                        # left, right and blank pages
    | break-(?:before|after)\s*:\s*(?:left|right|recto|verso)\b
    | position\s*:\s*fixed | @import""", re.X | re.I)
_MARGINS = ("top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "bottom-left-corner",
            "bottom-left", "bottom-center", "bottom-right", "bottom-right-corner", "left-top", "left-middle",
            "left-bottom", "right-top", "right-middle", "right-bottom")
_NO_MARGIN_BOXES = "<style>@page{" + "".join(f"@{m}{{content:none!important}}" for m in _MARGINS) + "}</style>"
_ONLY_MARGIN_BOXES = ("<style>html,body{background:none!important}"
                      "@page{background:none!important;border:none!important}</style>")
_PAGE = '<x-khoi style="display:block;break-before:page;page:{name}">{stubs}</x-khoi>'
_BEFORE = '<x-khoi style="display:block;break-after:page">{stubs}</x-khoi>'  # the part begins on the next page
_STUB = '<x-khoi id="{id}" style="position:absolute"></x-khoi>'
_END = "x-khoi-end"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_FORCED = {"page", "always"}


class OneDocument(Exception):
    """This brief's parts would not give the pages one layout gives: lay it out whole."""


@dataclass
class Plan:
    prefix: str  # up to and including <body …>: the brief's head and CSS
    suffix: str  # from </body>
    parts: list[str]  # each part's top-level elements, in order
    links: list[set[str]]  # the anchors each part links to that another part holds
    sizes: list[int]  # what each part's layout costs, roughly (see _Child.size)


@dataclass
class Laid:
    """A part laid out: its PDF, and what the join and the overlay need of it."""
    pdf: bytes
    pages: list[tuple[str, float, float]]  # each page's name ('' for none), width and height
    anchors: dict[str, int]  # anchor: its page, counted from the part's first (0)
    warnings: list[str] = field(default_factory=list)


def plan(html: str, workers: int) -> Plan | None:
    """The brief's parts, or None when it is laid out as one document (see the module's doc):
    runs of top-level elements, each beginning where the CSS begins a page, of about equal cost (`_Child.size`);
    one that links to another's anchors a part of its own (it is laid out twice)."""
    scan = _Scan(html)
    if scan.body is None or scan.linked_css or _ONE_DOCUMENT.search(" ".join(scan.sheets + scan.inline)):
        return None
    starts = [i for i, child in enumerate(scan.children) if i == 0 or child.forced]
    if len(starts) < PARTS_FROM:
        return None
    units = [scan.children[a:b] for a, b in zip(starts, starts[1:] + [len(scan.children)])]
    every = set().union(*(c.ids for c in scan.children))
    target = sum(c.size for c in scan.children) / (workers * PARTS_PER_WORKER)
    groups: list[tuple[bool, list[_Child]]] = []
    for unit in units:
        linking = bool(_foreign(unit, every))
        if not groups or linking or groups[-1][0] or sum(c.size for c in groups[-1][1]) >= target:
            groups.append((linking, list(unit)))
        else:
            groups[-1][1].extend(unit)
    return Plan(html[:scan.body], html[scan.body_end:],
                ["".join(html[c.start:c.end] for c in group) for _, group in groups],
                [_foreign(group, every) for _, group in groups], [sum(c.size for c in group) for _, group in groups])


def _foreign(children: list[_Child], every: set[str]) -> set[str]:
    """The anchors these elements link to that other elements hold."""
    return set().union(*(c.links for c in children)) & every - set().union(*(c.ids for c in children))


def render_parts(plan: Plan, dirs: list[Path], attachments: tuple[dict[str, bytes], object],
                 workers: int) -> tuple[bytes, list[str]]:
    """The joined PDF of a plan, laid out on `workers` processes, and WeasyPrint's warnings;
    `attachments` (the files and their date) go into the first part."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .pdfjoin import join

    n = len(plan.parts)
    late = {k for k in range(n) if plan.links[k]}
    files = [attachments if k == 0 else None for k in range(n)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    try:
        # the linking parts' first layouts (which only count their pages) first, then the largest
        order = sorted(range(n), key=lambda k: (k not in late, -plan.sizes[k]))
        first = {k: pool.submit(_lay_out, _html(plan, k, 1 if k else 0), dirs, 1 if k else 0, files[k], k in late)
                 for k in order}
        laid = {k: future.result() for k, future in first.items()}
        for _ in range(3):
            counts = [len(laid[k].pages) for k in range(n)]
            starts = [sum(counts[:k]) for k in range(n)]
            anchors = {a: starts[k] + page for k in range(n) for a, page in laid[k].anchors.items()
                       if a not in plan.links[k]}
            again = {k: pool.submit(_lay_out, _html(plan, k, starts[k], (anchors, counts[k])), dirs, starts[k],
                                    files[k], False, frozenset(plan.links[k])) for k in late}
            pages = [page for k in range(n) for page in laid[k].pages]
            overlay = pool.submit(_overlay, plan.prefix, plan.suffix, dirs, pages)  # meanwhile, on the pages as counted
            laid.update({k: future.result() for k, future in again.items()})
            if [len(laid[k].pages) for k in range(n)] == counts:
                break
        else:
            raise OneDocument("the linking parts' page counts did not settle")
        running = overlay.result()
    finally:
        pool.shutdown(cancel_futures=True)  # a part that cannot be reproduced stops the rest
    warnings = list(dict.fromkeys(w for k in range(n) for w in laid[k].warnings))
    return join([laid[k].pdf for k in range(n)], running, plan.links), warnings


def _html(plan: Plan, k: int, before: int, place: tuple[dict[str, int], int] | None = None) -> str:
    """Part k's document: `before` empty pages, then the part. A linking part laid out at its
    place (`place`: every anchor's page from the document's first, 0-based, and the part's page
    count) gets an anchor on the page of each target it names, before or after it."""
    wanted: dict[int, list[str]] = {}
    if place is not None:
        for anchor in sorted(plan.links[k] & place[0].keys()):
            wanted.setdefault(place[0][anchor], []).append(anchor)
    stubs = {page: "".join(_STUB.format(id=a) for a in names) for page, names in wanted.items()}
    head = "".join(_BEFORE.format(stubs=stubs.get(i, "")) for i in range(before))
    tail = ""
    if place is not None:
        after = before + place[1]  # the first page after the part's own
        tail = "".join(_PAGE.format(name="auto", stubs=(_STUB.format(id=_END) if i == after else "") + stubs.get(i, ""))
                       for i in range(after, max(wanted, default=after) + 1))
    elif plan.links[k]:  # a first layout, to count its pages: its links need only exist
        tail = "".join(_STUB.format(id=a) for a in sorted(plan.links[k]))
    return plan.prefix.replace("</head>", _NO_MARGIN_BOXES + "</head>", 1) + head + plan.parts[k] + tail + plan.suffix


def _lay_out(html: str, dirs: list[Path], skip: int, attachments: tuple | None, draft: bool,
             links: frozenset[str] = frozenset()) -> Laid:
    """Lay a part's document out (in a worker) and keep its own pages: those after the `skip`
    empty ones, up to the end marker if there is one. Its `links` to other parts' anchors are
    kept by naming those anchors on its first page (the join points them at the real ones)."""
    page_references_built_once()
    with caught() as messages:
        laid = document(html, dirs).render(pdf_tags=TAGGED)
        end = next((i for i, page in enumerate(laid.pages) if _END in page.anchors), len(laid.pages))
        own = laid.pages[skip:end]
        if not draft:
            _check(own, skip)
        anchors: dict[str, int] = {}
        for i, page in enumerate(own):
            for name in page.anchors:
                anchors.setdefault(name, i)  # a box split over pages names its anchor on each
        for name in links - anchors.keys():
            own[0].anchors[name] = (0, 0, 0, 0)
        data = laid.copy(own).write_pdf(attachments=attached(*attachments) if attachments else [], pdf_tags=TAGGED)
    pages = [(page._page_box.page_type.name, page.width, page.height) for page in own]
    return Laid(data, pages, anchors, [] if draft else located(messages, dirs))


def _check(pages: list, skip: int) -> None:
    """The part's first element begins a page in one layout too, and no page is left blank."""
    if any(page._page_box.page_type.blank for page in pages):
        raise OneDocument("a page is left blank")
    if skip and pages:
        body = pages[0]._page_box.children[0].children[0]
        first = next((box for box in body.children if box.element_tag != "x-khoi"), None)
        if first is not None and first.style["break_before"] not in _FORCED:
            raise OneDocument(f"<{first.element_tag}> does not begin a page")


def _overlay(prefix: str, suffix: str, dirs: list[Path], pages: list[tuple[str, float, float]]) -> bytes:
    """Every page's margin boxes, on empty pages of the brief's names and sizes."""
    html = (prefix.replace("</head>", _ONLY_MARGIN_BOXES + "</head>", 1)
            + "".join(_PAGE.format(name=name or "auto", stubs="") for name, _, _ in pages) + suffix)
    with caught():
        laid = document(html, dirs).render()
    sizes = [(round(p.width, 2), round(p.height, 2)) for p in laid.pages]
    if sizes != [(round(w, 2), round(h, 2)) for _, w, h in pages]:
        raise OneDocument("the running headers' pages differ from the brief's")
    return laid.write_pdf()


@dataclass
class _Child:
    start: int
    end: int = 0
    elements: int = 0
    text: int = 0  # characters
    images: int = 0  # characters of the images' sources
    forced: bool = False
    ids: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)

    @property
    def size(self) -> int:
        """What laying it out costs, roughly."""
        return self.elements + self.text // CHARS_PER_ELEMENT + self.images // IMAGE_CHARS_PER_ELEMENT


class _Scan(HTMLParser):
    """The body's top-level elements (where each starts and ends, the ids it holds and the
    anchors it links to), the CSS, and whether a stylesheet is linked."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.lines = [0] + [m.end() for m in re.finditer("\n", html)]
        self.depth = 0
        self.body: int | None = None
        self.body_end = len(html)
        self.children: list[_Child] = []
        self.tops: list[tuple[str, dict]] = []
        self.sheets: list[str] = []  # the text of <style> elements
        self.inline: list[str] = []  # style attributes
        self.linked_css = False
        self.in_style = False
        self.feed(html)
        self.close()
        self._forced()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").lower():
            self.linked_css = True
        if tag == "style":
            self.in_style = True
        if attributes.get("style"):
            self.inline.append(attributes["style"])
        if tag == "body":
            self.body = self._offset() + len(self.get_starttag_text())
            return
        if self.body is None:
            return
        if self.depth == 0:
            self.children.append(_Child(self._offset()))
            self.tops.append((tag, attributes))
        child = self.children[-1]
        child.elements += 1
        if tag == "img":
            child.images += len(attributes.get("src") or "")
        if attributes.get("id"):
            child.ids.add(attributes["id"])
        href = attributes.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            child.links.add(href[1:])
        if tag in _VOID:
            if self.depth == 0:
                child.end = self._offset() + len(self.get_starttag_text())
        else:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.body is not None and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self.children[-1].end = self._offset() + len(self.get_starttag_text())

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
        if tag == "body":
            self.body_end = self._offset()
            return
        if self.body is None or tag in _VOID or not self.depth:
            return
        self.depth -= 1
        if self.depth == 0:
            self.children[-1].end = self.html.index(">", self._offset()) + 1

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.sheets.append(data)
        elif self.body is not None and self.depth:
            self.children[-1].text += len(data)

    def _forced(self) -> None:
        """Which top-level elements the brief's CSS makes begin a page (`break-before`), by
        matching its rules against them, in the cascade's order: importance, then specificity,
        then the later rule; an element's own `style` before rules of equal importance."""
        import xml.etree.ElementTree as ET

        import cssselect2
        import tinycss2

        root = ET.Element("html")
        body = ET.SubElement(root, "body")
        for tag, attributes in self.tops:
            ET.SubElement(body, tag, {k: v or "" for k, v in attributes.items()})
        tops = [w for w in cssselect2.ElementWrapper.from_html_root(root).iter_subtree()
                if w.parent is not None and w.parent.local_name == "body"]
        rules = tinycss2.parse_stylesheet("\n".join(self.sheets), skip_whitespace=True, skip_comments=True)
        chosen: dict[int, tuple] = {}
        for order, (selectors, value, important) in enumerate(_breaks(rules)):
            for selector in selectors:
                for i, element in enumerate(tops):
                    rank = (important, False, selector.specificity, order)
                    if (i not in chosen or rank > chosen[i][0]) and selector.test(element):
                        chosen[i] = (rank, value)
        for i, (_, attributes) in enumerate(self.tops):
            for value, important in _declarations(attributes.get("style") or ""):
                rank = (important, True, (0, 0, 0), 0)
                if i not in chosen or rank > chosen[i][0]:
                    chosen[i] = (rank, value)
            self.children[i].forced = chosen.get(i, (None, None))[1] in _FORCED


def _declarations(text: str, tokens=None) -> list[tuple[str, bool]]:
    """The `break-before` values of a declaration list, with their `!important`."""
    import tinycss2

    found = []
    for item in tinycss2.parse_blocks_contents(tokens if tokens is not None else text,
                                               skip_whitespace=True, skip_comments=True):
        if item.type == "declaration" and item.lower_name in ("break-before", "page-break-before"):
            value = tinycss2.serialize(item.value).strip().lower()
            found.append(("page" if value == "always" else value, item.important))
    return found


def _breaks(rules) -> list[tuple[list, str, bool]]:
    """Every rule's `break-before` with its compiled selectors, in the sheet's order; `@media`
    rules for print or all media included, other at-rules skipped."""
    import cssselect2
    import tinycss2

    found = []
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            media = tinycss2.serialize(rule.prelude).lower()
            if "print" in media or "all" in media or not media.strip():
                inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
                found += _breaks(inner)
        elif rule.type == "qualified-rule":
            declarations = _declarations("", rule.content)
            if not declarations:
                continue
            try:
                selectors = [s for s in cssselect2.compile_selector_list(rule.prelude) if s.pseudo_element is None]
            except cssselect2.SelectorError:
                continue
            found += [(selectors, value, important) for value, important in declarations]
    return found
