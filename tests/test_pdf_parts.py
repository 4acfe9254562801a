"""A long brief's PDF laid out in parts on every core (`render.pdfparts`, joined by
`render.pdfjoin`) is the document one layout gives: the same pages, read back by poppler, with
the same contents numbers, running footers, bookmarks, links and tags; and a brief whose parts
could not give the same pages is laid out whole."""

import datetime as dt
import hashlib
import io
import subprocess

import pikepdf
import pytest

from khoi_report.render import pdfparts
from khoi_report.render.pdf import render_html, render_pdf
from khoi_report.render.templates import template_dirs

from .conftest import needs

DIRS = template_dirs(None, "default")
DAY = dt.date(2026, 11, 23)
TABLES = {"data/blocs.csv": "bloc,members\nan-giang-co-quan,1234\n".encode()}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pages_text(pdf: bytes, tmp_path) -> list[str]:
    """Every page's text as printed (poppler's layout mode), running headers and footers included."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def structure(pdf: bytes) -> dict:
    """What a reader's software finds besides the text: page sizes, bookmarks and named
    destinations with their pages, each page's links, attached files, and the tags."""
    doc = pikepdf.open(io.BytesIO(pdf))
    index = {page.objgen: i for i, page in enumerate(doc.pages)}
    bookmarks = []
    with doc.open_outline() as outline:
        def walk(items, depth):
            for item in items:
                bookmarks.append((depth, item.title, index[item.destination[0].objgen]))
                walk(item.children, depth + 1)
        walk(outline.root, 0)
    names = list(doc.Root.Names.Dests.Names)
    tree = doc.Root.StructTreeRoot
    keys = [int(page.obj.StructParents) for page in doc.pages]
    parents = list(tree.ParentTree.Nums)
    tags: dict[str, int] = {}

    def count(element):
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            tags[str(element.S)] = tags.get(str(element.S), 0) + 1
            for kid in (element.K if isinstance(element.get("/K"), pikepdf.Array) else [element.get("/K")]):
                count(kid)
    count(tree.K[0])
    return {
        "sizes": [tuple(round(float(x)) for x in page.mediabox) for page in doc.pages],
        "bookmarks": bookmarks,
        "destinations": {str(names[i]): index[names[i + 1][0].objgen] for i in range(0, len(names), 2)},
        "links": [[str(a.get("/Dest", a.get("/A", {}).get("/URI"))) for a in page.obj.get("/Annots", [])]
                  for page in doc.pages],
        "attached": sorted(doc.attachments),
        "pages keyed apart in the tag tree": len(set(keys)) == len(keys) and set(keys) <= set(parents[::2]),
        "tags": tags,
    }


@pytest.fixture(scope="module")
def long_brief(large_context):
    html = render_html(large_context, DIRS)
    plan = pdfparts.plan(html, 2)
    assert plan is not None and len(plan.parts) > 4
    assert sum(bool(links) for links in plan.links) == 1  # the contents, laid out again at its place
    return html


@needs("pdftotext")
def test_a_long_brief_laid_out_in_parts_is_the_document_one_layout_gives(long_brief, tmp_path, monkeypatch):
    warnings: list[str] = []
    parts = render_pdf(long_brief, DIRS, TABLES, day=DAY, warnings=warnings)
    assert digest(render_pdf(long_brief, DIRS, TABLES, day=DAY)) == digest(parts)  # the same bytes from run to run
    monkeypatch.setattr(pdfparts, "PARTS_FROM", 10**6)
    whole = render_pdf(long_brief, DIRS, TABLES, day=DAY)
    assert digest(parts) != digest(whole)

    printed, expected = pages_text(parts, tmp_path), pages_text(whole, tmp_path)
    assert len(printed) == len(expected) > 30
    assert [i for i, (a, b) in enumerate(zip(printed, expected)) if a != b] == []
    assert f"Trang 2/{len(printed)}" in printed[1] and f"Trang {len(printed)}/{len(printed)}" in printed[-1]
    found, wanted = structure(parts), structure(whole)
    assert [key for key in wanted if found[key] != wanted[key]] == []
    assert found["pages keyed apart in the tag tree"] and len(found["bookmarks"]) > 20
    assert warnings == []


def synthetic(n: int, css: str = "", head: str = "", body: str = "") -> str:
    sections = "".join(f'<section id="s{i}" class="{"follows" if i % 3 == 2 else "part"}"><h2>Mục {i}</h2>'
                       f'<p>Đoạn thứ {i} của báo cáo.</p></section>' for i in range(n))
    return (f'<!DOCTYPE html><html lang="vi"><head><title>T</title>{head}<style>'
            f'@page {{ @bottom-center {{ content: "Trang " counter(page) "/" counter(pages) }} }}'
            f'section {{ break-before: page }} section.follows {{ break-before: avoid }} {css}</style></head>'
            f'<body>{body}{sections}</body></html>')


def test_a_part_weighs_its_text_and_its_images_not_only_its_elements():
    """A long list of sources, or a page of charts, costs more to lay out than as many elements of
    a bloc's table: the parts are cut, and laid out largest first, by that cost."""
    long_text = synthetic(60, body='<section id="sources"><p>' + "Nguồn bài viết. " * 20_000 + "</p></section>")
    plan = pdfparts.plan(long_text, 2)
    sources = next(k for k, part in enumerate(plan.parts) if 'id="sources"' in part)
    assert plan.sizes[sources] == max(plan.sizes) and plan.parts[sources].count("<section") == 1
    charts = synthetic(60, body='<section id="charts"><img src="data:image/svg+xml,' + "x" * 2_000_000 + '"></section>')
    plan = pdfparts.plan(charts, 2)
    assert plan.parts[plan.sizes.index(max(plan.sizes))].startswith('<section id="charts"')


def test_parts_begin_only_where_the_css_begins_a_page():
    plan = pdfparts.plan(synthetic(60), 2)
    assert plan is not None
    assert all(part.startswith('<section id="s') and 'class="part"' in part.split(">", 1)[0] for part in plan.parts)
    assert "".join(plan.parts).count("<section") == 60
    # a later, more specific or important rule wins, as in the cascade; an element's own style too
    assert pdfparts.plan(synthetic(60, "section.part { break-before: auto }"), 2) is None
    assert pdfparts.plan(synthetic(60, "section.part { break-before: auto } #s0, section { break-before: page !important }"), 2)
    assert pdfparts.plan(synthetic(60, "@media screen { section.part { break-before: auto } }"), 2) is not None


@pytest.mark.parametrize("css, head", [
    ("h2 { counter-increment: part }", ""),          # sections numbered across parts
    ("h2 { string-set: title content() }", ""),      # a running header from the text
    ("@page :left { margin-left: 30mm }", ""),       # left and right pages differ
    ("section.part { break-before: right }", ""),    # a break that may leave a blank page
    ("p.stamp { position: fixed }", ""),             # a box on every page
    ("", '<link rel="stylesheet" href="brief.css">'),  # CSS the plan cannot read
])
def test_a_brief_the_parts_could_not_reproduce_is_laid_out_whole(css, head):
    assert pdfparts.plan(synthetic(60), 2) is not None
    assert pdfparts.plan(synthetic(60, css, head), 2) is None


def test_a_short_brief_is_laid_out_whole():
    assert pdfparts.plan(synthetic(3 * pdfparts.PARTS_FROM // 2 - 3), 2) is None


def test_the_dang_preset_numbers_its_parts_so_its_brief_is_laid_out_whole(large_context):
    html = render_html(large_context, template_dirs(None, "dang"))
    assert "counter-increment" in html and pdfparts.plan(html, 2) is None


@needs("pdftotext")
def test_a_part_that_would_not_begin_a_page_makes_the_brief_one_layout(tmp_path, monkeypatch):
    """A hidden section looks like a page break to the plan, but the section after it does not
    begin a page: the brief is laid out whole, and reads the same."""
    for i in range(32, 60, 3):  # a place where the plan begins a part with the hidden section
        html = synthetic(60, ".gone { display: none }").replace(
            f'<section id="s{i}" class="follows">', f'<section class="gone part"></section><section id="s{i}" class="follows">')
        if any(part.startswith('<section class="gone part">') for part in pdfparts.plan(html, 2).parts):
            break
    else:
        pytest.fail("no part begins with the hidden section")
    fallback = render_pdf(html, DIRS, day=DAY)
    monkeypatch.setattr(pdfparts, "PARTS_FROM", 10**6)
    assert pages_text(fallback, tmp_path) == pages_text(render_pdf(html, DIRS, day=DAY), tmp_path)
