"""WeasyPrint as every PDF of the brief uses it, whole or in parts: a document that fetches
nothing but the template folders' own files (`data:` URLs aside: article text is untrusted, and
so is a template someone sent you), tagged, with the data tables attached.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from urllib.parse import unquote, urlparse


def document(html: str, dirs: list[Path]):
    """WeasyPrint's HTML document of `html`, its relative URLs in the first template folder."""
    from weasyprint import HTML

    return HTML(string=html, base_url=dirs[0].as_uri() + "/", url_fetcher=fetcher(dirs))


def fetcher(dirs: list[Path]):
    from weasyprint import URLFetcher

    class TemplateFetcher(URLFetcher):
        """Fetches `data:` URLs and files inside the template folders; a file missing from the
        user's folder is taken from the built-in one. Nothing else, and no redirects."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme != "file":
                raise ValueError(f"refused to fetch {url}: only the templates' own files are allowed")
            path = Path(unquote(parsed.path)).resolve()
            for root in dirs:
                if path.is_relative_to(root):
                    relative = path.relative_to(root)
                    for folder in dirs[dirs.index(root):]:
                        candidate = (folder / relative).resolve()
                        if candidate.is_file() and any(candidate.is_relative_to(d) for d in dirs):
                            return super().fetch(candidate.as_uri(), headers)
                    raise ValueError(f"{relative.as_posix()}: not found in the templates folders")
            raise ValueError(f"refused to fetch {url}: outside the templates folders")

    return TemplateFetcher()


def page_references_built_once() -> None:
    """pydyf (0.13) builds the tuple of every page's reference anew each time one is asked for,
    and WeasyPrint asks once per tagged element and link: the time grows with elements times pages
    (a tagged 306-page brief: 25.2 s to write, 21.0 s with this; 546 pages: more). The same tuple,
    built once per number of pages (pages are only ever added): the same bytes."""
    import pydyf

    built = getattr(pydyf.PDF, "page_references", None)
    if not isinstance(built, property) or getattr(built.fget, "built_once", False):
        return

    def page_references(pdf) -> tuple:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_page_references")
        if cached is None or cached[0] != len(kids):
            cached = pdf.__dict__["_page_references"] = (len(kids), built.fget(pdf))
        return cached[1]

    page_references.built_once = True
    pydyf.PDF.page_references = property(page_references)


def attached(attachments: dict[str, bytes], stamp: dt.datetime) -> list:
    """The data tables as WeasyPrint attachments, dated `stamp`."""
    from weasyprint import Attachment

    return [Attachment(file_obj=io.BytesIO(data), name=name.rsplit("/", 1)[-1], description=name,
                       created=stamp, modified=stamp, relationship="Data") for name, data in attachments.items()]


# A tagged PDF (its structure: headings, paragraphs, tables with their headers, reading order)
# for screen readers and reflow. Measured: 7-10% more PDF layout time (0.25-0.5 s on the samples'
# ~4 s, 2.6 s on a 63-bloc brief's 38 s) and a larger file (85 -> 119 KB; 63 blocs 405 -> 676 KB).
TAGGED = True
