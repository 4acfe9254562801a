"""Read an inputs folder into `Article`s: decode, normalise, strip site chrome, read headers.

Decoding follows a fixed order and records the winner: a byte-order mark, then strict UTF-8,
then the charset an HTML page declares, then charset-normalizer limited to the encodings
Vietnamese sites really used (Windows-1258, then 1252). A detector never overrules valid UTF-8.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..datafiles import load as load_data
from ..errors import KhoiError
from ..models import Article, Finding, finding
from .numbers import find_dates
from .text import fold, normalise, sentences

SUFFIXES = (".txt", ".md", ".html", ".htm")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FALLBACKS = ("cp1258", "cp1252")


@dataclass(frozen=True)
class Chrome:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    tail_markers: frozenset[str]
    bullets: tuple[str, ...]
    dated_link: re.Pattern[str]


@cache
def _chrome() -> Chrome:
    data = load_data("chrome.toml")
    return Chrome(frozenset(data["lines"]), tuple(data["prefixes"]), frozenset(data["tail_markers"]),
                  tuple(data["bullets"]), re.compile(data["dated_link"]))


# Signatures of files that are never articles: PNG, JPEG, GIF, PDF, ZIP (docx, xlsx), gzip, ELF.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


def _is_binary(raw: bytes) -> bool:
    """Not text: a known binary signature, or a head made of control bytes. A stray NUL or form
    feed in an article is cleaned out later, not a reason to refuse it."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if raw.startswith(_BINARY_MAGIC):
        return True
    head = raw[:4096]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def decode(raw: bytes, html: bool = False) -> tuple[str, str]:
    """Bytes to text and the name of the encoding used."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            # Lone surrogates survive decoding here and are removed by `normalise`, with the other
            # characters XML cannot hold; undecodable UTF-8 bytes become U+FFFD.
            errors = "surrogatepass" if name == "utf-16" else "replace"
            return raw.decode(name, errors=errors), name.replace("-sig", "")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", raw[:4096], re.I)
        if m:
            try:
                return raw.decode(m.group(1).decode("ascii")), codecs.lookup(m.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(_FALLBACKS)).best()
    if best is not None:
        return str(best), best.encoding
    return raw.decode("cp1258", errors="replace"), "cp1258"


@dataclass
class _Page:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    byline: str | None = None


_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "select", "template", "object", "embed")  # a figure's caption is text: kept
_DROP_CLASSES = re.compile(r"share|social|related|comment|breadcrumb|menu|banner|advert|\bads?\b|sidebar|tag|footer|header|nav", re.I)
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "pre", "td", "th", "figcaption"}


_OWNER = re.compile(r"Bản quyền thuộc (?:về )?Đảng (?:ủy|uỷ|bộ) Khối[^.|;\n]{3,80}?(?=\s*(?:[.|;]|Địa chỉ|$))", re.I)


def _table_row(tr) -> str | None:
    """A table's row of two or more short cells of plain text (a schedule's, a small table of figures'), its cells
    joined by " | "; None for a layout table's row (long cells, or cells holding paragraphs)."""
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) < 2 or any(c.xpath(".//*[self::p or self::div or self::table or self::li or self::img]") for c in cells):
        return None
    texts = [" ".join(c.text_content().split()) for c in cells]
    if any(len(t) > 120 for t in texts) or sum(bool(t) for t in texts) < 2:
        return None
    chrome = _chrome()
    if any(fold(t) in chrome.lines or fold(t) in chrome.tail_markers for t in texts):
        return None  # "Chia sẻ | In bài viết | Gửi email": the site's chrome, dropped cell by cell
    return " | ".join(texts)


def html_to_page(markup: str) -> _Page:
    """The visible article text of a web page, with its title and date from meta tags."""
    import lxml.html

    doc = lxml.html.document_fromstring(markup or "<html></html>")

    def meta(*names: str) -> str | None:
        for name in names:
            for el in doc.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
                if el.get("content", "").strip():
                    return el.get("content").strip()
        return None

    title = meta("og:title", "twitter:title") or (doc.findtext(".//title") or "").strip() or None
    published = meta("article:published_time", "datePublished", "pubdate", "date", "dc.date")
    if not published:
        times = doc.xpath("//time[@datetime]")
        published = times[0].get("datetime") if times else None
    outlet = meta("og:site_name", "application-name")
    byline = meta("author", "article:author")
    # A bloc's own site names its owner in the footer ("Bản quyền thuộc Đảng ủy Khối các cơ quan tỉnh Hà Giang"): the
    # one line of the dropped chrome kept, as the page's last paragraph (the bloc's province when the article names none)
    footers = doc.xpath("//footer | //*[contains(@class, 'footer') or contains(@id, 'footer')]")
    owner = next((m.group(0) for el in footers if (m := _OWNER.search(" ".join(el.text_content().split())))), None)
    for el in doc.xpath("//*[self::" + " or self::".join(_DROP_TAGS) + "]"):
        el.drop_tree()
    for el in doc.xpath("//*[@class or @id]"):
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if _DROP_CLASSES.search(marker) and el.tag not in ("html", "body", "article", "main"):
            el.drop_tree()
    roots = doc.xpath("//article") or doc.xpath("//main") or doc.xpath("//body") or [doc]
    root = max(roots, key=lambda el: len(el.text_content()))
    h1 = doc.xpath("//h1")
    if h1 and h1[0].text_content().strip():
        title = h1[0].text_content().strip()
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag == "tr" and (row := _table_row(el)):
            parts.append("\n" + row + "\n")  # a row of short cells is one line: "Đại hội … lần thứ VIII | Ngày 16 và 17/7/2020"
            return
        block = el.tag in _BLOCK
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    body = "".join(parts)
    if title and fold(normalise(title)) not in fold(normalise(body))[:1000]:
        body = title + "\n" + body
    if owner:
        body += "\n" + owner + ".\n"
    return _Page(body, title, published, outlet, byline)


def strip_chrome(text: str) -> str:
    chrome = _chrome()
    kept = []
    for para in text.split("\n\n"):
        key = fold(para).strip().rstrip(":").rstrip()
        if key in chrome.tail_markers and len(kept) > 3:
            break
        # A bulleted paragraph is a related link, unless it holds sentences of its own: "• 250 đại biểu được chỉ
        # định. Toàn bộ đại biểu …" (an article's highlights told in bullet points).
        # So is one sentence closed by a full stop ("• Ban Chấp hành khóa I gồm 23 đồng chí, …; Ban Thường vụ 7 đồng
        # chí."): a link's headline has none.
        linked = key.startswith(chrome.bullets) and len(sentences(para)) < 2 and not key.endswith((".", ";"))
        if key in chrome.lines or (len(key) < 80 and key.startswith(chrome.prefixes)) or linked \
                or chrome.dated_link.match(key):
            continue
        kept.append(para)
    return "\n\n".join(kept)


# What may stand around the date in a publication stamp: "Cập nhật lúc 06:15, Thứ Hai, 20/07/2020 (GMT+7)",
# "27/07/2020, 05:50 [Xây dựng Đảng]", "(HBĐT) - 19/6/2020", "30/06/2020 17:45 In bài viết",
# "Báo Phú Yên - 14/08/2020 07:30", "Thứ Năm, 13/08/2020 21:15 · Tác giả: Thanh Tâm · Lượt xem: 3.210",
# "Ngày đăng: 31/07/2025 | Người đăng: Ban Biên tập", "Ngày đăng: 22/08/2025 | Nguồn: Văn phòng UBND tỉnh |
# Lượt xem: 986", "Ngày: 22/07/2015 | Tác giả: Hữu Hiệp | Số lượt xem: 1.057", "Thứ Ba, 30/06/2020 - 20:05 |
# Thanh Hải | 1.874 lượt xem" (an author's name alone between separators: `_NAME_FIELD`), "21/07/2020 | 19:05 |
# Lượt nghe: 418" (a broadcaster's), "Cập nhật lúc 17:45 ngày 26/06/2015 | Số lần đọc: 862", "06/08/2025 - 09:10 |
# Thời sự" (a section's name last, after a separator: `_SECTION_FIELD`).
# A broadcast's line ("Chương trình Thời sự tối, phát sóng 19 giờ ngày 28/7/2020 - Bản ghi") and a social post's
# ("25 tháng 7, 2020 lúc 17:42 · 🌏", its audience icon) are stamps too.
_STAMP_WORDS = re.compile(r"^\s*(?:báo|tạp chí|cổng thông tin|trang tin)\s[^|\-–·•\d]{1,40}[|\-–]|"
                          r"^\s*chương trình\s[^|\-–·•\d,]{1,40},|\bphát sóng\b|\bbản ghi\b|\b\d{1,2}\s*giờ\b|"
                          r"[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]|"
                          r"(?:tác giả|người đăng|người viết|biên tập|nguồn|chuyên mục)\s*:[^|·•\d]{1,40}(?=[|·•]|$)|"
                          r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật|cập nhật|ngày đăng|đăng ngày|đăng lúc|lúc|ngày|"
                          r"(?:số\s+)?(?:lượt xem|lượt đọc|lượt nghe|lượt truy cập|lần đọc|lần xem)\s*:?\s*[\d.,]+|[\d.,]+\s*(?:lượt xem|lượt đọc|lượt nghe|lượt truy cập)|\b(?:am|pm|sa|ch)\b|"
                          r"\[[^\]]{0,40}\]|^\s*\([^)]{1,12}\)|\b(?:in bài viết|in bài|gửi email|gửi bài|chia sẻ|bình luận)\b|"
                          r"[\[(]?gmt\s*[+\-]\s*\d+[\])]?|\d{1,2}[:h]\d{2}(?::\d{2})?|[|,:\-–()·•]|\s+")
_NAME_FIELD = re.compile(r"(?<=[|·•])\s*(?:[^\W\d_]+\s+){0,3}[^\W\d_]+\s*(?=[|·•])")
_SECTION_FIELD = re.compile(r"(?<=[|·•])\s*[^\W\d_][^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*$")
# "Chính trị - 27/08/2025 18:20", "Chính trị - Xây dựng Đảng 09/07/2015 17:02": a section's name first, one to three
# pieces of one to three words each, every piece capitalised, joined by dashes.
_SECTION_BEFORE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}(?:\s+[-–]\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}){0,2}(?:\s+[-–])?\s+")
_AUTHOR_BEFORE = re.compile(r"\s*((?:[^\W\d_][\w']*\s+){1,3}[^\W\d_][\w']*)\s+(?=(?:Ngày đăng|Đăng ngày|Đăng lúc|Cập nhật)\b)")
_BYLINE = re.compile(r"^([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .\-]{2,40}?)\s*(?:\((?:thực hiện|tổng hợp|lược ghi|ghi)\))?$", re.I)


def _published(paragraphs: list[str]) -> tuple[dt.datetime | None, str | None]:
    """A paragraph near the top (after a portal's menus) that is only a date (and time): the
    publication stamp."""
    for para in paragraphs[:25]:
        if len(para) > 70:
            continue
        dates = [d for d in find_dates(para) if d.year_stated]
        if len(dates) != 1:
            continue
        d = dates[0]
        # "Quảng Ngãi điện tử | Thứ Sáu, 03/07/2015 - 09:12": a site's name may stand before a "|".
        lead = para.rfind("|", 0, d.start) + 1 if para.count("|") else 0
        # "Kpă Thị Nguyên Ngày đăng: 23/07/2020, 16:48": an author's name (capitalised words) right before the stamp's word.
        if (author := _AUTHOR_BEFORE.match(para, lead, d.start)) and all(w[0].isupper() for w in author.group(1).split()):
            lead = author.end(1)
        if _SECTION_BEFORE.fullmatch(para, lead, d.start) and all(
                piece.strip()[0].isupper() for piece in re.split(r"\s[-–]\s", para[lead : d.start].strip(" -–")) if piece.strip()):
            lead = d.start
        tail = para[d.end :]
        tail = _NAME_FIELD.sub(lambda m: "" if all(w[0].isupper() for w in m.group(0).split()) else m.group(0), tail)
        if (section := _SECTION_FIELD.search(tail)) and section.group(0).strip()[0].isupper():
            tail = _SECTION_FIELD.sub("", tail)
        rest = fold(para[lead : d.start] + " " + tail)
        # "Long An, 12-8-2020": a dateline, a place's name (capitalised words) and a comma before the date
        # (a time may follow: "Phú Thọ, 12/08/2025 10:05 GMT+7").
        place = para[: d.start].strip()
        dateline = place.endswith(",") and 1 <= len(place[:-1].split()) <= 4 and not _STAMP_WORDS.sub("", fold(para[d.end :])) \
            and all(w[0].isupper() and w.replace(".", "").isalpha() for w in place[:-1].split())
        if dateline or not _STAMP_WORDS.sub("", rest):
            time = d.time
            if time is None and (tm := re.search(r"\b(\d{1,2})[:h](\d{2})\b", rest)):
                time = dt.time(int(tm.group(1)) % 24, int(tm.group(2)) % 60)
            return dt.datetime.combine(d.date, time or dt.time()), para
    return None, None


def _title(paragraphs: list[str], published_line: str | None) -> str | None:
    for para in paragraphs[:6]:
        if para == published_line or len(para) < 15 or para.endswith(":") or para.startswith("("):
            continue
        return para
    return None


def _outlet(paragraphs: list[str]) -> str | None:
    for para in paragraphs[:8]:
        m = re.match(r"^\(([\w.\- ]{3,40})\)\s*[-–]", para)
        if m:
            return m.group(1)
    for para in reversed(paragraphs[-8:]):
        m = re.match(r"^(?:Nguồn|Theo)\s*:?\s*(.{3,60})$", para)
        if m:
            return m.group(1).strip(" .")
    return None


def _byline(paragraphs: list[str]) -> str | None:
    for para in reversed(paragraphs[-6:]):
        m = _BYLINE.match(para)
        name = m.group(1).strip() if m else ""
        if name and name == name.upper() and any(c.isalpha() for c in name):
            return name.title()
    return None


class NotText(KhoiError):
    """A file of an article's name whose bytes are no text (an image renamed .txt)."""


def read_article(path: Path, article_id: str | None = None, raw: bytes | None = None) -> Article:
    raw = path.read_bytes() if raw is None else raw
    is_html = path.suffix.lower() in (".html", ".htm")
    if _is_binary(raw):
        raise NotText(f"{path}: not a text file (binary content); remove it from the inputs folder")
    decoded, encoding = decode(raw, html=is_html)
    page = html_to_page(decoded) if is_html else _Page(decoded)
    text = strip_chrome(normalise(page.text))
    paragraphs = text.split("\n\n") if text else []
    published, published_line = _published(paragraphs)
    if page.published:
        meta_dates = find_dates(page.published)
        if meta_dates:
            d = meta_dates[0]
            published, published_line = dt.datetime.combine(d.date, d.time or dt.time()), page.published
    return Article(
        id=article_id or path.name,
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        encoding=encoding,
        title=normalise(page.title) if page.title else _title(paragraphs, published_line),
        published=published,
        published_evidence=published_line,
        outlet=page.outlet or _outlet(paragraphs),
        byline=page.byline or _byline(paragraphs),
    )


def input_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise KhoiError(f"{folder}: inputs folder not found")
    if not folder.is_dir():
        raise KhoiError(f"{folder}: not a folder")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    if not files:
        raise KhoiError(f"{folder}: no articles (.txt, .md, .html) in the inputs folder")
    return files


MAX_ARTICLE_MB = 20.0


def scan(folder: Path, max_mb: float = MAX_ARTICLE_MB) -> tuple[list[Path], list[Finding]]:
    """The files of an inputs folder worth reading, in name order; links leading out of the
    folder and files over `max_mb` are reported and left out."""
    paths: list[Path] = []
    findings: list[Finding] = []
    root = folder.resolve()
    for path in input_files(folder):
        if not path.resolve().is_relative_to(root):
            findings.append(finding("warning", "outside_link", {"article": path.name}, path.name))
            continue
        size = path.stat().st_size
        if size > max_mb * 1e6:
            findings.append(finding("warning", "too_large", {"article": path.name, "size": round(size / 1e6, 1),
                                                              "limit": max_mb}, path.name))
            continue
        paths.append(path)
    return paths, findings


def read_usable(path: Path, raw: bytes | None = None) -> tuple[Article | None, Finding | None]:
    """An article with text, or the finding that says why the file gives none: one bad file out
    of hundreds (binary, undecodable, empty) must not stop a national brief."""
    try:
        article = read_article(path, raw=raw)
    except NotText:
        return None, finding("error", "binary", {"article": path.name}, path.name)
    except Exception as exc:  # one unreadable file must not cost the whole brief
        return None, finding("error", "unreadable", {"article": path.name, "error": f"{type(exc).__name__}: {exc}"},
                             path.name)
    if not article.text.strip():
        return None, finding("warning", "empty", {"article": path.name}, path.name)
    return article, None


def mark_duplicates(articles: list[Article]) -> list[Finding]:
    """The same text saved twice counts once: later copies point at the first."""
    findings = []
    first_by_key: dict[str, str] = {}
    for article in articles:
        key = article.content_key
        if key in first_by_key:
            article.duplicate_of = first_by_key[key]
            findings.append(finding("info", "duplicate", {"article": article.id, "original": article.duplicate_of},
                                    article.id))
        else:
            article.duplicate_of = None
            first_by_key[key] = article.id
    return findings
