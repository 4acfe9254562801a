"""Unicode normalisation, matching folds and sentence spans for Vietnamese text.

Two forms of every article exist: the *normalised* text, which is what users read and what
evidence quotes, and its *fold*, used only for matching. The fold is length-preserving, so a
match found in the fold is a valid span of the normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters XML 1.0 forbids (renderers choke on them) and lone surrogates.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Every Unicode space separator except the plain one, plus zero-width characters.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalise(raw: str) -> str:
    """The canonical text of an article: NFC, XML-safe, one space between words, and
    paragraphs separated by exactly one blank line."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", _XML_INVALID.sub("", text))
    text = _ODD_SPACES.sub(" ", text)
    paragraphs = []
    for line in text.split("\n"):
        line = re.sub(r" {2,}", " ", line).strip()
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def _retone_table() -> dict[str, str]:
    """Map an open-syllable 'oa/oe/uy' with the tone on the second vowel (new style: hoà, thuỷ)
    to the tone on the first (old style: hòa, thủy)."""
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            new = first + unicodedata.normalize("NFC", second + mark)
            old = unicodedata.normalize("NFC", first + mark) + second
            table[new] = old
    return table


_RETONE = _retone_table()
# Only syllable-final pairs move: "hoàng", "khuyến" keep their marks; "quý" is q+u+ý.
_RETONE_RE = re.compile("(?<!q)(?:" + "|".join(map(re.escape, _RETONE)) + ")(?!\\w)")


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Lower-case, fold 'Ð' to 'đ' and old/new tone placement, keeping every offset.

    Raises nothing and never changes the length: the result indexes like its input.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character such as 'İ' lower-cases to two
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    lowered = lowered.replace("ð", "đ")  # U+00D0/U+00F0 written for Đ/đ
    folded = _RETONE_RE.sub(lambda m: _RETONE[m.group(0)], lowered)
    assert len(folded) == len(text)
    return folded


def lower_first(text: str) -> str:
    """'Số đảng viên' -> 'số đảng viên', but 'GRDP bình quân' stays as it is (an acronym)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def ascii_fold(text: str) -> str:
    """Strip all diacritics (for slugs and lenient look-ups): 'Đắk Lắk' -> 'dak lak'."""
    text = fold(text).replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


# A sentence ends at . ! ? … followed by a space and a capital, digit, quote or bracket, or at a
# paragraph break. A dot inside a number (5.356) or an abbreviation (TP. HCM) does not end it.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“‘(\[*\-–\d\w])|\n\n")
# A capital letter and a dot is an initial ("Nguyễn V. An"), but not a Roman ordinal ending a sentence ("…
# giữ chức Bí thư Đảng ủy Khối khóa V. Đồng chí …").
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:TP|Tp|tp|TS|ThS|PGS|GS|Th|St|Mr|Ms|Đ/c|v\.v)\.|\.\.\.?|"
                              r"(?<![Kk]hóa )(?<![Kk]hoá )(?<!thứ )\b[A-ZĐ]\.)$")


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans of a normalised text (no span crosses a paragraph)."""
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start : m.start()]
        if m.group(0) != "\n\n":
            following = text[m.end() : m.end() + 1]
            if _NO_BREAK_BEFORE.search(head) or not (following[:1].isupper() or following[:1].isdigit()
                                                      or following in "\"“‘([*-–"):
                continue
        if head.strip():
            spans.append(Span(start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(Span(start, len(text.rstrip())))
    return tuple(spans)

