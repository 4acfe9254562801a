"""Join PDFs laid out apart (by WeasyPrint, tagged) into one document, and draw each page's
running headers and footers over it from another PDF of as many pages.

In: the parts' bytes in document order (the first carries the catalogue: metadata, attached
files, language, viewer preferences) and an overlay of one page per page. Out: one PDF with one
page tree, one tag tree (every part's elements under the first part's `Document` element, their
parent-tree keys renumbered), one outline (the parts' bookmarks in order, each at its page) and one
set of named destinations, so that a link in one part to an anchor in another lands there. The
overlay is drawn as a pagination artifact (`/Artifact`), outside the tag tree. The same parts give
the same bytes.
"""

from __future__ import annotations

import io
import warnings

import pikepdf
from pikepdf import Array, Dictionary, Name


def join(parts: list[bytes], overlay: bytes, stubs: list[set[str]]) -> bytes:
    """One PDF of `parts`; `stubs[k]` names the anchors part k holds only so that its links to
    other parts were written: the part that really holds an anchor gives its destination."""
    out = pikepdf.open(io.BytesIO(parts[0]))
    tree = out.Root.get("/StructTreeRoot")
    nums = _parent_tree(tree) if tree is not None else {}
    outline = _outline(out, 0)
    dests = {name: dest for name, dest in _dests(out) if name not in stubs[0]}
    for k, data in enumerate(parts[1:], 1):
        src = pikepdf.open(io.BytesIO(data))
        offset = len(out.pages)
        tags = _renumber_tags(src, max(nums, default=-1) + 1) if tree is not None else None
        with warnings.catch_warnings():  # its named destinations are joined below
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(src.pages)  # every later copy from src maps its pages to these
        if tags is not None:
            kids, own = tags
            nums.update({key: _copy(out, src, value) for key, value in own.items()})
            document = _document(tree)
            for kid in _copy(out, src, kids):
                if isinstance(kid, Dictionary):
                    kid.P = document
                document.K.append(kid)
        outline += _outline(src, offset)
        for name, dest in _dests(src):
            if name not in stubs[k] or name not in dests:
                dests[name] = _copy(out, src, dest)
    if tree is not None:
        tree.ParentTree = out.make_indirect(Dictionary(Nums=Array([x for key in sorted(nums) for x in (key, nums[key])])))
        tree.ParentTreeNextKey = max(nums, default=-1) + 1
    if dests:
        if "/Names" not in out.Root:
            out.Root.Names = Dictionary()
        ordered = sorted(dests, key=lambda name: bytes(pikepdf.String(name)))  # a name tree is sorted by its keys' bytes
        out.Root.Names.Dests = Dictionary(Names=Array([x for name in ordered for x in (pikepdf.String(name), dests[name])]))
    with out.open_outline() as bookmarks:
        bookmarks.root[:] = outline
    _draw_over(out, pikepdf.open(io.BytesIO(overlay)))
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _copy(out: pikepdf.Pdf, src: pikepdf.Pdf, obj: pikepdf.Object) -> pikepdf.Object:
    """`obj` of `src` in `out`: references to what was copied before (pages) map to the copies."""
    return out.copy_foreign(obj if obj.is_indirect else src.make_indirect(obj))


def _parent_tree(tree: pikepdf.Object) -> dict[int, pikepdf.Object]:
    flat = list(tree.ParentTree.get("/Nums", Array()))
    return {int(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}


def _document(tree: pikepdf.Object) -> pikepdf.Object:
    """The tag tree's top element (WeasyPrint's `Document`)."""
    kids = tree.K
    return kids[0] if isinstance(kids, Array) else kids


def _renumber_tags(src: pikepdf.Pdf, shift: int) -> tuple[pikepdf.Object, dict[int, pikepdf.Object]] | None:
    """Move a part's parent-tree keys (on its pages and annotations) `shift` on, and cut its top
    elements loose from their parent (copying them would bring the part's whole tree root along):
    the `/K` array to hang under the joined `Document`, and the parent tree under its new keys."""
    tree = src.Root.get("/StructTreeRoot")
    if tree is None:
        return None
    for page in src.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + shift
        for annot in page.obj.get("/Annots", Array()):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + shift
    kids = _document(tree).get("/K", Array())
    for kid in kids:
        if isinstance(kid, Dictionary) and "/P" in kid:
            del kid["/P"]
    return kids, {key + shift: value for key, value in _parent_tree(tree).items()}


def _outline(src: pikepdf.Pdf, offset: int) -> list[pikepdf.OutlineItem]:
    """The part's bookmarks, each pointing at its page `offset` pages further on."""
    pages = {page.objgen: i for i, page in enumerate(src.pages)}

    def moved(item: pikepdf.OutlineItem) -> pikepdf.OutlineItem:
        dest = item.destination
        page, top, left = 0, None, None
        if isinstance(dest, Array) and len(dest):
            page = pages.get(dest[0].objgen, 0)
            if len(dest) > 3 and str(dest[1]) == "/XYZ":
                left, top = (None if v is None else float(v) for v in (dest[2], dest[3]))
        new = pikepdf.OutlineItem(item.title, offset + page, "XYZ", left=left, top=top)
        new.is_closed = item.is_closed
        new.children[:] = [moved(child) for child in item.children]
        return new

    with src.open_outline() as outline:
        return [moved(item) for item in outline.root]


def _dests(src: pikepdf.Pdf) -> list[tuple[str, pikepdf.Object]]:
    """The part's named destinations (WeasyPrint writes them as one flat name tree)."""
    flat = list(src.Root.get("/Names", Dictionary()).get("/Dests", Dictionary()).get("/Names", Array()))
    return [(str(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2)]


def _draw_over(out: pikepdf.Pdf, overlay: pikepdf.Pdf) -> None:
    """Draw overlay page i over page i, as an artifact, after the page's own drawing (closed
    in its own graphics state)."""
    if len(overlay.pages) != len(out.pages):
        raise ValueError(f"overlay of {len(overlay.pages)} pages for {len(out.pages)}")
    for i, (page, over) in enumerate(zip(out.pages, overlay.pages)):
        form = out.copy_foreign(over.as_form_xobject())
        # a name of its own (pages may share one /Resources), and no random one: the same bytes each time
        name = page.add_resource(form, Name.XObject, Name(f"/KhoiRunning{i}"), replace_existing=False)
        page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(out, b"\nQ\n/Artifact BMC q " + bytes(name.unparse()) + b" Do Q EMC\n"))
