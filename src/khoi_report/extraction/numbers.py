"""Vietnamese numbers, quantities, ordinals, dates and terms as they are written in the press.

Vietnamese writes thousands with '.' and decimals with ',' ("5.356", "96,74%"), scales with
words ("238 nghìn tỷ đồng"), bounds with words ("hơn 35%", "từ 3% trở lên"), congress ordinals
in Roman numerals ("lần thứ XX") and dates in several shapes ("28/07/2020 - 07:38",
"ngày 4-8-2015", "các ngày 22, 23 tháng 7 năm 2020", "(27, 28 và 29-7)").

Every finder works on normalised text and returns spans into it; words are matched on the
fold (see `text.fold`), so "Tỷ", "tỉ" and "TỶ" all count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import fold

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+(?:\.\d+)?"
NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{_NUM})(?!\w|[.,]\d)")

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "ngìn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_SCALE_RE = re.compile(r"\s*(" + "|".join(SCALES) + r")\b")  # every spelling SCALES reads, "ngìn" too

# Bound words before a figure, in fold form, longest first.
QUALIFIERS_BEFORE = {
    "hơn": "more_than", "trên": "more_than", "vượt": "more_than", "ngoài": "more_than",
    "gần": "about", "khoảng": "about", "xấp xỉ": "about", "ước đạt": "about", "ước": "about",
    "dưới": "less_than", "chưa đến": "less_than", "chưa tới": "less_than",
    "ít nhất": "at_least", "tối thiểu": "at_least", "tối đa": "at_most", "không quá": "at_most",
    "từ": "at_least",
}
_QUALIFIER_RE = re.compile(
    r"(?:^|\s)(" + "|".join(sorted(map(re.escape, QUALIFIERS_BEFORE), key=len, reverse=True)) + r")\s*$"
)


def qualifier_written(before: str, qualifier: str) -> str | None:
    """The bound word an article wrote right before a figure ("hơn", "trên", "ít nhất"), in fold
    form, when it is one that gives `qualifier`; "từ" needs its "trở lên" and is left out."""
    match = _QUALIFIER_RE.search(fold(before))
    word = match.group(1) if match else None
    return word if word and word != "từ" and QUALIFIERS_BEFORE[word] == qualifier else None


_AT_LEAST_AFTER = re.compile(r"^[^.;:()\n]{0,60}?\btrở lên\b")
_AT_MOST_AFTER = re.compile(r"^[^.;:()\n]{0,60}?\btrở xuống\b")

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def parse_number(token: str) -> float:
    """The value of one written number: '5.356' -> 5356, '96,74' -> 96.74, '4.0' -> 4.0.

    A dot followed by groups of exactly three digits separates thousands; any other dot is a
    decimal point (foreign style); a comma is always the decimal point.
    """
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d+", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    raise ValueError(f"not a number: {token!r}")


def roman_to_int(text: str) -> int:
    """'XX' -> 20; raises ValueError for anything that is not a well-formed Roman numeral."""
    s = text.strip().lower()
    if not s or not _ROMAN_RE.match(s):
        raise ValueError(f"not a Roman numeral: {text!r}")
    total = 0
    for a, b in zip(s, s[1:] + " "):
        value = _ROMAN[a]
        total += -value if b != " " and _ROMAN[b] > value else value
    return total


def int_to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(n)
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def parse_ordinal(text: str) -> int:
    """'XX' -> 20, '16' -> 16."""
    text = text.strip()
    if text.lower() in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text.lower()]
    return int(text) if text.isdigit() else roman_to_int(text)


# "lần thứ nhất" … "lần thứ mười" in words too (a radio bulletin's), "năm" not before a year
_ORDINAL_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
ORDINAL_RE = re.compile(r"\b(lần thứ|khóa|khoá)\s+([ivxlcdm]+|\d{1,3}|(?:" + "|".join(_ORDINAL_WORDS) + r")(?!\s+\d))\b")


@dataclass(frozen=True)
class Quantity:
    """A figure found in text. `value` is in base units (đồng, not tỷ đồng)."""

    value: float
    unit: str  # count | percent | vnd | usd | times
    start: int
    end: int
    qualifier: str | None = None  # more_than | at_least | about | less_than | at_most | range
    upper: float | None = None  # the top of a range
    whole: float | None = None  # "63/64": value 63 of a whole of 64
    per_year: bool = False


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    year_stated: bool = True
    time: dt.time | None = None


@dataclass(frozen=True)
class TermMatch:
    first: int
    last: int
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.first}-{self.last}"


_YEAR = r"(?:19|20)\d{2}"
_TIME = r"(?:\s*[-–,]?\s*(\d{1,2})[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(rf"\b({_YEAR})-(\d{{1,2}})-(\d{{1,2}})(?:[ t]+(\d{{1,2}}):(\d{{2}})(?::(\d{{2}})(?:\.\d+)?)?)?")),
    # "30/6 và 1/7/2020", "31-7 đến 2-8-2020": days across two months take the first.
    ("dmy", re.compile(rf"(?<![:\d])\b(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*(?:,|và|đến|–|-)\s*\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}"
                       rf"\s*[/.\-]\s*({_YEAR})\b{_TIME}")),
    # "9 và 10-8-2020", "27 - 30/10/2017": a list or range of days takes its first day. "từ ngày 19 đến hết ngày 20/8/2025".
    ("dmy", re.compile(rf"(?<![:\d])\b(\d{{1,2}})(?:\s*(?:,|và|đến(?:\s+hết)?(?:\s+ngày)?|-|–)\s*\d{{1,2}})+\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*({_YEAR})\b{_TIME}")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*({_YEAR})\b{_TIME}")),
    # "ngày 28 tháng 7 năm 2020"; without "ngày" after a time of day ("Sáng nay 28 tháng 7") or opening a
    # paragraph (a social post's stamp "25 tháng 7, 2020 lúc 17:42")
    ("words", re.compile(
        rf"(?:\bngày\s+|(?<=sáng nay )|(?<=chiều nay )|(?<=tối nay )|(?<=sáng )|(?<=chiều )|(?<=tối )|(?<=trưa )|^|(?<=\n))(\d{{1,2}})(?:\s*(?:,|và|-|–|đến(?:\s+hết)?(?:\s+ngày)?)\s*\d{{1,2}})*\s+tháng\s+(\d{{1,2}})(?:\s*(?:năm|,|/)\s*({_YEAR}))?")),
    # "Sáng 15.7": a dot between day and month only after a time of day or "ngày" (else a decimal).
    ("dm", re.compile(r"(?:(?<=sáng )|(?<=chiều )|(?<=trưa )|(?<=tối )|(?<=ngày ))(\d{1,2})\.(\d{1,2})()(?![\d.%/]|,\d)")),
    ("dm", re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/\-](\d{1,2})\s*(?:,|và|đến|–)\s*\d{1,2}\s*[/\-]\d{1,2}()(?![\d/\-%]|\.\d)")),
    ("dm", re.compile(rf"(?<![\d/.\-])(\d{{1,2}})(?:\s*(?:,|và|-|–|đến(?:\s+hết)?(?:\s+ngày)?)\s*\d{{1,2}})*\s*[/\-](\d{{1,2}})(?:\s*[/\-]\s*({_YEAR}))?(?![\d/\-%]|\.\d)")),
]
# Spans that look numeric but are no figure: month/year, year ranges, years, codes, versions.
_NOT_A_FIGURE = [
    re.compile(rf"\b(?:tháng\s+)?\d{{1,2}}\s*[/\-]\s*{_YEAR}\b"),
    re.compile(rf"\b{_YEAR}\s*[-–]\s*{_YEAR}\b"),
    re.compile(rf"(?:năm|giai đoạn|nhiệm kỳ|niên khóa|đến|từ|trước|sau|cuối|đầu)\s+{_YEAR}\b"),
    re.compile(r"\b\d+(?:[-/.][\dA-Za-zĐđ]+)*[-/][A-Za-zĐđ][\w/\-]*"),  # 35-CT/TW, 16/HD/ĐUK
    re.compile(r"\b[a-zđ]+-?\d+\b"),  # Covid-19, QH15
    re.compile(r"\b\d+\.\d\b"),  # "4.0"
    re.compile(r"\(\d{1,2}\)"),  # list markers (1), (2)
    re.compile(r"\b(?:lần thứ|thứ|khóa|khoá|điều|khoản|chương|mục|trang)\s+\d+\b"),
    # "Quyết định số 1087", "Chỉ thị 05,", "Nghị quyết 18.": a document's number, whatever punctuation follows it;
    # but "tổng số 5.208 đảng viên", "(chỉ tiêu Nghị quyết 7,5%)" and "kế hoạch 12,5 tỷ đồng" are figures (a
    # document's number has no decimal comma).
    re.compile(r"\b(?:quyết định|chỉ thị|hướng dẫn|nghị quyết|công văn|kế hoạch|thông báo|đề án|kết luận|quy định|"
               r"tờ trình|văn bản|thông tư|nghị định|luật|quyết định thành lập)\s+(?:số\s+)?\d+(?:\.\d+)?(?!\d|[.,]\d|\s*%)"),
    re.compile(r"\bsố\s+\d+(?=[/\-])"),
    re.compile(r"\b\d{1,2}[:h]\d{2}\b"),
    re.compile(r"\b(?:trung ương|tw)\s+\d+\b"),
]


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Dates in text, in order. A date without a year takes `default_year`, or is skipped."""
    folded = fold(text)
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groups()
            time = None
            if kind == "ymd":
                year, month, day = int(g[0]), int(g[1]), int(g[2])
                if g[3]:
                    time = dt.time(int(g[3]) % 24, int(g[4]) % 60, int(g[5] or 0) % 60)
            elif kind == "dmy":
                day, month, year = int(g[0]), int(g[1]), int(g[2])
                if g[3]:
                    time = dt.time(int(g[3]) % 24, int(g[4]) % 60, int(g[5] or 0) % 60)
            else:
                day, month = int(g[0]), int(g[1])
                year = int(g[2]) if g[2] else default_year
                if kind == "dm" and not g[2] and not _looks_like_day_month(folded, m.start(), m.end()):
                    continue
            stated = kind in ("ymd", "dmy") or bool(g[2])
            if year is None:
                continue
            date = _valid(year, month, day)
            if date is None:
                continue
            found.append(DateMatch(date, m.start(), m.end(), stated, time))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _looks_like_day_month(folded: str, start: int, end: int) -> bool:
    """A bare 'D-M' is a date only next to a date word: 'ngày 28-7', '(27, 28 và 29-7)'."""
    before = folded[max(0, start - 12) : start]
    if re.search(r"\btừ\s*$", before) and "đến" in folded[start:end]:
        return True  # "(từ 22 đến 23/7)": a span of days
    return bool(re.search(r"(ngày|hôm|sáng|chiều|tối|trưa|đêm|\()\s*$", before))


TERM_RE = re.compile(rf"\b({_YEAR})\s*[-–—]\s*({_YEAR})\b")


def find_terms(text: str) -> list[TermMatch]:
    """Year ranges such as 'nhiệm kỳ 2020 - 2025' or '(2016 - 2020)'."""
    out = []
    for m in TERM_RE.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if 0 < last - first <= 10:
            out.append(TermMatch(first, last, m.start(), m.end()))
    return out


def _masked(text: str, folded: str) -> str:
    """The fold with every non-figure numeric span blanked out (same length)."""
    chars = list(folded)
    spans = [(d.start, d.end) for d in find_dates(text, default_year=2000)]
    spans += [(m.start(), m.end()) for p in _NOT_A_FIGURE for m in p.finditer(folded)]
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


_UNIT_AFTER = [
    (re.compile(r"\s*(%|phần trăm)(\s*/\s*năm)?"), "percent"),
    (re.compile(r"\s*lần\b"), "times"),
    (re.compile(r"\s*(đồng(?!\s*chí)|vnđ|vnd|đ\b)"), "vnd"),
    (re.compile(r"\s*(usd|đô la|đô-la)\b"), "usd"),
]


# Numbers written in words, as newspapers write them: "hai mươi mốt" (21), "một trăm lẻ năm" (105),
# "ba nghìn không trăm linh tư" (3,004). Only numbers from ten up are read: "một" alone is "a".
_DIGIT_WORDS = {fold(w): v for w, v in {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
                                          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}.items()}
_AFTER_TENS = {fold(w): v for w, v in {"mốt": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5,
                                         "nhăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}.items()}
_AFTER_TEN = {k: v for k, v in _AFTER_TENS.items() if k not in (fold("mốt"), fold("tư"))}
_TEN, _TENS, _HUNDRED, _ZERO_TENS = fold("mười"), fold("mươi"), fold("trăm"), {fold("lẻ"), fold("linh")}
_THOUSAND = {fold("nghìn"), fold("ngàn")}
_NUMBER_WORD = "|".join(sorted({*_DIGIT_WORDS, *_AFTER_TENS, _TEN, _TENS, _HUNDRED, *_ZERO_TENS, *_THOUSAND},
                               key=len, reverse=True))
_WORDS_RE = re.compile(rf"(?<!\w)(?:{_NUMBER_WORD})(?:\s+(?:{_NUMBER_WORD}))*(?!\w)")


def _below_thousand(words: list[str], after_thousand: bool = False) -> int | None:
    """'một trăm lẻ năm' -> 105; None for what is no number as written."""
    n, rest = 0, words
    if len(words) >= 2 and words[1] == _HUNDRED and words[0] in _DIGIT_WORDS:
        if words[0] == fold("không") and not after_thousand:
            return None
        n, rest = _DIGIT_WORDS[words[0]] * 100, words[2:]
    hundreds = rest is not words
    if not rest:
        return n if hundreds else None
    if rest[0] in _ZERO_TENS:  # "lẻ năm": no tens
        ok = (hundreds or after_thousand) and len(rest) == 2 and _DIGIT_WORDS.get(rest[1], 0) > 0
        return n + _DIGIT_WORDS[rest[1]] if ok else None
    if rest[0] == _TEN:
        if len(rest) == 1:
            return n + 10
        return n + 10 + _AFTER_TEN[rest[1]] if len(rest) == 2 and rest[1] in _AFTER_TEN else None
    if len(rest) >= 2 and rest[1] == _TENS and _DIGIT_WORDS.get(rest[0], 0) >= 2:
        if len(rest) == 2:
            return n + _DIGIT_WORDS[rest[0]] * 10
        return n + _DIGIT_WORDS[rest[0]] * 10 + _AFTER_TENS[rest[2]] if len(rest) == 3 and rest[2] in _AFTER_TENS else None
    return None


def parse_words(words: list[str]) -> int | None:
    """A number of ten or more written in (folded) words, or None: ['hai', 'mươi', 'mốt'] -> 21."""
    cut = next((i for i, w in enumerate(words) if w in _THOUSAND), None)
    if cut is None:
        value = _below_thousand(words)
        return value if value is not None and value >= 10 else None
    if cut == 0:
        return None
    left = [fold("một")] if cut == 1 and words[0] == _TEN else words[:cut]  # "mười nghìn"
    thousands = 10 if cut == 1 and words[0] == _TEN else _below_thousand(left) if cut > 1 else _DIGIT_WORDS.get(words[0])
    if not thousands:
        return None
    rest = words[cut + 1 :]
    below = _below_thousand(rest, after_thousand=True) if rest else 0
    return None if below is None else thousands * 1000 + below


def _word_numbers(folded: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of every number written in words: the longest reading of each run."""
    found = []
    for run in _WORDS_RE.finditer(folded):
        tokens = [(m.group(0), run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i, -1):
                value = parse_words([t[0] for t in tokens[i:j]])
                if value is not None:
                    found.append((value, tokens[i][1], tokens[j - 1][2]))
                    i = j
                    break
            else:
                i += 1
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text` with its unit, bound and span, dates and codes excluded; numbers
    written in words too ("một trăm lẻ năm tổ chức cơ sở đảng")."""
    folded = fold(text)
    words = _word_numbers(folded)
    if not words and not re.search(r"\d", text):
        return []
    masked = _masked(text, folded)
    quantities: list[Quantity] = []
    matches = list(NUMBER_RE.finditer(masked))
    skip_next = False
    for i, m in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        value = parse_number(m.group(0))
        start, end = m.start(), m.end()
        whole = upper = None
        qualifier = None
        # Fractions "63/64": a part of a whole.
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt and re.fullmatch(r"/", masked[end : nxt.start()]):
            whole = parse_number(nxt.group(0))
            if whole >= value:
                end = nxt.end()
                skip_next = True
            else:
                whole = None
        # Ranges "từ 3 đến 5%", "3 - 5%".
        elif nxt and re.fullmatch(r"\s*(-|–|đến|tới)\s*", masked[end : nxt.start()]):
            top = parse_number(nxt.group(0))
            if top > value:
                upper, qualifier, end, skip_next = top, "range", nxt.end(), True
        # Scale words: "238 nghìn tỷ", "46,8 triệu".
        scale = 1.0
        while sm := _SCALE_RE.match(folded, end):
            scale *= SCALES[sm.group(1)]
            end = sm.end()
        value *= scale
        if upper is not None:
            upper *= scale
        unit = "count"
        per_year = False
        for pattern, name in _UNIT_AFTER:
            um = pattern.match(folded, end)
            if um:
                unit = name
                end = um.end()
                per_year = name == "percent" and bool(um.group(2))
                break
        if qualifier is None:
            qm = _QUALIFIER_RE.search(folded[max(0, start - 20) : start])
            if qm:
                qualifier = QUALIFIERS_BEFORE[qm.group(1)]
                if qm.group(1) == "từ":
                    qualifier = "at_least" if _AT_LEAST_AFTER.match(folded[end:]) else None
            if _AT_LEAST_AFTER.match(folded[end:]) and qualifier in (None, "at_least"):
                qualifier = "at_least"
            elif _AT_MOST_AFTER.match(folded[end:]):
                qualifier = "at_most"
        quantities.append(Quantity(value, unit, start, end, qualifier, upper, whole, per_year))
    for value, start, end in words:
        qm = _QUALIFIER_RE.search(folded[max(0, start - 20) : start])
        qualifier = QUALIFIERS_BEFORE[qm.group(1)] if qm and qm.group(1) != "từ" else None
        unit = "count"
        if um := _UNIT_AFTER[0][0].match(folded, end):  # "chín mươi phần trăm": a percentage in words
            unit, end = "percent", um.end()
        if _AT_LEAST_AFTER.match(folded[end:]):
            qualifier = "at_least"
        quantities.append(Quantity(float(value), unit, start, end, qualifier))
    return sorted(quantities, key=lambda q: q.start)
