"""Extract stage: an `Article` to its metadata and its `Observation`s, each with evidence.

Figures are found by `numbers`, then named by the catalogue's cues (`data/indicators.toml`)
read from the figure's clause; whether a figure is a target comes from the target markers
there too. Nothing about any particular article lives in this module.
"""

from __future__ import annotations

import dataclasses
import re

from ..models import Article, ExtractedArticle, Metadata, Observation
from . import catalogue as catalogue_mod
from . import confidence as confidence_mod
from . import gazetteer as gazetteer_mod
from .catalogue import Catalogue, Indicator
from .metadata import read_metadata
from .numbers import Quantity, find_dates, find_quantities, find_terms, parse_ordinal
from .text import Span, fold, sentences

_GLUE = re.compile(r"(?P<noun>[^\d;%()]{0,25}?)\s*(?:/|\(\s*(?:chiếm\s*)?|,?\s*(?:chiếm|bằng)\s*)")
_QUALIFIER_AFTER = re.compile(r"\s*trở (?:lên|xuống)\b")
# A row of a small table of figures, its label then its figure: "| Tổng số đảng viên | 12.480 |".
_TABLE_ROW = re.compile(r"\|\s*(?P<label>[^|\d]*[^\W\d_][^|]*?)\s*\|\s*(?P<figure>[\d.,]+)\s*\|?\s*")
MAX_EVIDENCE = 320
# A table of several columns whose heads say what each holds: "Chỉ tiêu | NQ 2010-2015 | Kết quả 2010-2015 | NQ
# 2015-2020", then rows "Kết nạp đảng viên mới | 900 | 1.048 | 1.000 trở lên": a resolution's column holds targets,
# a result's actuals, each of the term its head names.
_TARGET_HEAD = re.compile(r"(?:nq|nghị quyết|chỉ tiêu|mục tiêu|kế hoạch)\b")
_ACTUAL_HEAD = re.compile(r"(?:kết quả|thực hiện|thực tế)\b")


def _cells(s: str) -> list[str]:
    return [c.strip() for c in s.strip().strip("|").split("|")]


def _table_rows(text: str, spans) -> dict[int, tuple[str, list[tuple[int, int, str | None, str | None]]]]:
    """Each row (by its sentence's start) of a table of results and targets: its label and, for each cell of a
    classified column, (cell start, cell end, kind, period)."""
    rows: dict[int, tuple[str, list]] = {}
    head: list[tuple[str, str | None] | None] | None = None
    for sp in spans:
        s = fold(sp.of(text))
        if s.count("|") < 2 or "\n" in s:
            head = None
            continue
        cells = _cells(s)
        if head is not None and len(cells) == len(head):
            label, found, pos = cells[0], [], 0
            for cell, column in zip(cells, head):
                pos = s.index(cell, pos) if cell else pos
                if column and cell:
                    found.append((pos, pos + len(cell), *column))
                pos += len(cell)
            if label and found:
                rows[sp.start] = (label, found)
            continue
        columns = []
        for cell in cells[1:]:
            kind = "target" if _TARGET_HEAD.match(cell) else "actual" if _ACTUAL_HEAD.match(cell) else None
            terms = find_terms(cell)
            dates = [] if kind or terms else [d for d in find_dates(cell) if d.year_stated]
            if len(dates) == 1:
                # a stock's column headed by the day it is stated for: "Khi hợp nhất (01/7/2025) | Đến 31/7/2025"
                kind, terms = "actual", None
                columns.append((kind, dates[0].date.isoformat()))
                continue
            columns.append((kind, terms[0].label if terms else None) if kind else None)
        head = [None, *columns] if any(columns) else None
    return rows


def _joined_commas(s: str, phrases: re.Pattern[str]) -> set[int]:
    """Positions of the commas inside fixed phrases ("trong sạch, vững mạnh"): they end no clause."""
    return {m.start() + i for m in phrases.finditer(s) for i, c in enumerate(m.group(1)) if c == ","}


def _clause_bounds(s: str, quantities: list[Quantity], joined: set[int]) -> list[int]:
    """Clause boundaries in a sentence: , ; : and brackets that hold a figure."""
    bounds = {0, len(s)}
    bounds.update(m.start() + 1 for m in re.finditer(r"[,;:]", s) if m.start() not in joined)
    for m in re.finditer(r"\([^()]*\)", s):
        if any(m.start() < q.start < m.end() for q in quantities):
            bounds.update((m.start(), m.start() + 1, m.end() - 1))
    return sorted(bounds)


def _kind(cat: Catalogue, s: str, clause_start: int, pos: int) -> str:
    def live(m: re.Match[str]) -> bool:
        return not cat.cancel.search(s[max(0, m.start() - 24) : m.start()])

    if any(live(m) and not cat.schedule.match(s, m.end()) and not cat.results.search(s, m.end(), pos)
           for m in cat.sentence_markers.finditer(s, 0, pos)):
        return "target"
    if any(live(m) for m in cat.clause_markers.finditer(s, clause_start, pos)):
        return "target"
    # "các chỉ tiêu: ... 95% ...": a marker that opens a list with a colon covers the list.
    if any(live(m) and ":" in s[m.end() : pos] for m in cat.clause_markers.finditer(s, 0, pos)):
        return "target"
    return "actual"


def _someone_elses(cat: Catalogue, prefix: str) -> bool:
    """Is the last organisation named before a count (in its sentence) not the bloc?"""
    last_other = max((m.end() for m in cat.other_scope.finditer(prefix)
                      if not cat.scope_titles.search(prefix, max(0, m.start() - 60), m.start())), default=-1)
    last_own = max((m.end() for m in cat.own_scope.finditer(prefix)), default=-1)
    return last_other > last_own


_KHOA = re.compile(r"\bkhóa\s+([ivxlc]+|\d+)\b")


def _of_an_earlier_congress(before: str, meta: Metadata) -> bool:
    """Does the figure's clause name a term ending by the congress's first year, or (no term named) an ordinal below
    the congress's?"""
    if isinstance(meta.term.value, str) and (terms := find_terms(before)):
        return terms[-1].last <= int(meta.term.value.split("-")[0])  # a term named decides, whatever the khóa
    if isinstance(meta.congress_ordinal.value, int) and (khoa := list(_KHOA.finditer(before))):
        try:
            return parse_ordinal(khoa[-1].group(1)) < meta.congress_ordinal.value
        except ValueError:
            return False
    return False


def _matches(ind: Indicator, cat: Catalogue, q: Quantity, before: str, after: str, prefix: str) -> int | None:
    """The index of the first of the indicator's rules that names the figure, or None."""
    if ind.unit != q.unit or not ind.rules:
        return None
    rule = next((i for i, r in enumerate(ind.rules)
                 if (r.before or r.after or r.per_year) and (not r.before or r.before.search(before))
                 and (not r.per_year or q.per_year)
                 and (not r.after or r.after.match(after)) and (not r.earlier or r.earlier.search(prefix))), None)
    if rule is None:
        return None
    if ind.exclude_before and ind.exclude_before.search(before):
        return None
    if ind.exclude_after and ind.exclude_after.match(after):
        return None
    if ind.exclude_earlier and ind.exclude_earlier.search(prefix):
        return None
    if ind.stock and cat.events.search(before):
        return None
    if ind.unit == "count" and _someone_elses(cat, prefix):
        return None
    return rule


def _evidence(text: str, sentence: Span, clause: tuple[int, int]) -> Span:
    """The figure's sentence, or for a very long one the part of it around the figure."""
    if sentence.end - sentence.start <= MAX_EVIDENCE:
        return sentence
    s = text[sentence.start : sentence.end]
    lo = s.rfind(";", 0, clause[0]) + 1
    hi = s.find(";", clause[1])
    hi = len(s) if hi < 0 else hi + 1
    if hi - lo > MAX_EVIDENCE:
        lo, hi = clause[0], clause[1]
    while lo < hi and s[lo] == " ":
        lo += 1
    return Span(sentence.start + lo, sentence.start + hi)


def _period(meta: Metadata, kind: str, sentence_text: str, part: str | None = None) -> str | None:
    """The sentence's first term, else the month or year stated in its part up to the figure's ';' (`part`), else the
    congress's term (a target) or the one before it."""
    terms = find_terms(sentence_text)
    if terms:
        return terms[0].label
    sentence_text = sentence_text if part is None else part
    month = re.search(r"\btháng\s+(\d{1,2})\s*[/-]\s*((?:19|20)\d{2})\b", fold(sentence_text))
    if month and 1 <= int(month.group(1)) <= 12:
        return f"{month.group(2)}-{int(month.group(1)):02d}"
    year = re.search(r"\bnăm\s+((?:19|20)\d{2})\b", fold(sentence_text))
    if year:
        return year.group(1)
    if isinstance(meta.term.value, str):
        first, last = (int(y) for y in meta.term.value.split("-"))
        return meta.term.value if kind == "target" else f"{2 * first - last}-{first}"
    return None


_FORMER = re.compile(r"\s*\(?\s*cũ\b")


def _former(mention, folded: str) -> bool:
    """A bloc named with "(cũ)" after it ("Đảng bộ UBND tỉnh Phú Thọ (cũ)") is a pre-merger component,
    not the merged bloc, even of the same province's name."""
    return bool(_FORMER.match(folded, mention.end))


def _about_another_bloc(mentions: list, meta: Metadata, folded: str = "") -> bool:
    """A sentence that names blocs, none of them ours: a visitor's figures, another bloc's news, a
    pre-merger component's."""
    return bool(mentions) and not any(b.key == meta.bloc_type.value and b.province in (None, meta.province.value)
                                      and not _former(b, folded) for b in mentions)


# "trước hợp nhất, …", and the components listed after "(được) hình thành từ 3 đảng bộ: Đảng bộ UBND tỉnh Vĩnh Long có
# hơn 5.200 đảng viên, …" (the merged body keeping one component's name)
_MERGER_BEFORE = re.compile(r"\btrước (?:khi )?(?:hợp nhất|sáp nhập)\b|\b(?:hình thành|hợp nhất) từ\b")
_MERGER_AFTER = re.compile(r"\bsau (?:khi )?(?:hợp nhất|sáp nhập)\b")


def _another_bloc_before(mentions: list, pos: int, meta: Metadata, folded: str, sentence: Span, cat: Catalogue) -> bool:
    """Is the last bloc named before a figure in its sentence another one: of another province ("trước hợp
    nhất, Đảng bộ các cơ quan Đảng tỉnh Yên Bái có 1.230 đảng viên"), of another type ("khi hợp nhất, Đảng bộ
    Khối Doanh nghiệp tỉnh có 1.870 đảng viên" in an article on the merged Khối các cơ quan và doanh
    nghiệp), or a component named after "trước hợp nhất" ("Trước hợp nhất, Đảng bộ UBND tỉnh Tuyên Quang có
    7.640 đảng viên", the merged province keeping the name)? Then the figure is that bloc's. Another type's
    name reaches no further than its part of the sentence (up to ";") nor past the bloc named as its own
    ("… Khối Doanh nghiệp tỉnh, nay Đảng bộ Khối có 6.482 đảng viên")."""
    before = [b for b in mentions if b.end <= pos]
    if not before:
        return False
    last = before[-1]
    if last.key != meta.bloc_type.value:
        return ";" not in folded[last.end : pos] and not cat.own_scope.search(folded, last.end, pos)
    if last.province is not None and meta.province.value is not None and last.province != meta.province.value:
        return True
    merger = [m for m in _MERGER_BEFORE.finditer(folded, sentence.start, last.start)]
    return bool(merger) and not _MERGER_AFTER.search(folded, merger[-1].end(), pos)


_KHOI_OF_PLACE = re.compile(r"\b(?:đảng bộ|đảng ủy) khối\s+(?:của\s+)?(?=tỉnh|thành phố|tp\b)")


def _named_by(label: str) -> tuple[str, str, str]:
    """What a figure's rules read around it (before, after, prefix) when words elsewhere name it — a table row's
    label, a notice's misprinted figure — read both ways: "tổng số đảng viên: 12.480", "156 tổ chức cơ sở đảng"."""
    return f"{label}: ", f" {label}", f"{label}: "


def _another_provinces_khoi(s: str, pos: int, raw: str, meta: Metadata, gaz) -> bool:
    """A bloc named by its province alone, another province's, last before the count in its part of the sentence
    ("Đảng bộ Khối tỉnh Bình Định hiện có 124 tổ chức cơ sở đảng", a visiting bloc's, batch 3's 305)."""
    hits = [m for m in _KHOI_OF_PLACE.finditer(s, 0, pos) if ";" not in s[m.end() : pos]]
    if not hits or not meta.province.value:
        return False
    places = [p for p in gaz.places(raw) if hits[-1].end() <= p.start <= hits[-1].end() + 16 and p.kind == "province"]
    if not places:
        return False
    place = gaz.provinces[places[0].name]
    return meta.province.value not in (place.name, place.successor)


_CORRECTION = re.compile(r"^\W*(?:đính chính|cải chính)\b|\b(?:viết|ghi|đưa tin|đăng)\s+nhầm\b")
_WRONG = re.compile(r"\bnhầm\b")
_DENIED = re.compile(r"\bkhông phải\s+(?:là\s+)?$")
_RIGHT = re.compile(r"\b(?:số|con số|thông tin)?\s*(?:đúng|chính xác)\s+(?:là|phải là)\b")
# A correction notice published as an article of its own: a heading "ĐÍNH CHÍNH" alone near the top, then
# "Trong bài … số đảng viên … được ghi là "hơn 16.200 đảng viên". Nay xin đính chính lại là: … hơn 16.800 đảng viên".
_NOTICE_HEADING = re.compile(r"\W*(?:đính chính|cải chính)\W*")
_NOTICE_SAID = re.compile(r"\bnhầm\b|\b(?:ghi|viết|đưa tin|đăng|in)\s+(?:là|thành)\b")
# What the notice says was misprinted: "số đảng viên kết nạp mới nhiệm kỳ 2010 - 2015 của Đảng bộ Khối được in là
# 2.170 đảng viên. Số đúng là 1.270 đảng viên.": the right figure is of "số đảng viên kết nạp mới" (the words up to
# a period, an owner or a verb).
_NOTICE_NAMED = re.compile(r"\bsố\s+(?!đúng\b)(?P<label>[^.;:\d]+?)(?=\s+(?:nhiệm kỳ|năm|giai đoạn|của|được|bị|trong|tại)\b)")
_NOTICE_RIGHT = re.compile(r"\b(?:xin\s+)?(?:đính chính|cải chính|sửa)(?:\s+lại)?\s+(?:là|như sau)\b|" + _RIGHT.pattern)


def _notice(text: str) -> str | None:
    """The body of a correction notice published as an article of its own (what follows its "ĐÍNH CHÍNH"
    heading near the top), or None."""
    paras = text.split("\n\n")
    heading = next((i for i, p in enumerate(paras[:6]) if _NOTICE_HEADING.fullmatch(fold(p))), None)
    return None if heading is None else " ".join(paras[heading + 1 :])


def _notice_named(text: str) -> dict[tuple[str, float], str]:
    """In a correction notice published as an article of its own: the (first) right figure, (unit, value), with the
    words naming the one misprinted ("số đảng viên kết nạp mới"), which name it too."""
    para = _notice(text)
    if para is None:
        return {}
    folded = fold(para)
    said = _NOTICE_SAID.search(folded)
    right = _NOTICE_RIGHT.search(folded, said.end()) if said else None
    named = [m for m in _NOTICE_NAMED.finditer(folded, 0, said.start())] if said else []
    if not right or not named:
        return {}
    first = next((q for q in find_quantities(para) if q.start >= right.end()), None)
    # only the first right figure: others after it are read by their own words ("… có hơn 16.800 đảng viên, sinh
    # hoạt tại 142 tổ chức cơ sở đảng", batch 11's 1105)
    return {(first.unit, first.value): named[-1].group("label")} if first else {}


def _corrected_away(text: str) -> set[tuple[str, float]]:
    """The figures a correction notice says were wrong ("Đính chính: … chúng tôi viết nhầm số đảng
    viên của Đảng bộ Khối là 5.912. Số đúng là 5.192 đảng viên."): (unit, value) of each figure after
    "nhầm" and before "đúng là" in a notice that names a right one. The right one is read as any figure, or in a
    notice of its own by the words naming the misprinted one (`_notice_named`)."""
    wrong: set[tuple[str, float]] = set()
    body = _notice(text)
    notice = body is not None
    paras = [body] if notice else text.split("\n\n")  # the whole article after its heading is the notice
    for para in paras:
        folded = fold(para)
        if not notice and not _CORRECTION.search(folded):
            continue
        said = (_NOTICE_SAID if notice else _WRONG).search(folded)
        right = (_NOTICE_RIGHT.search(folded, said.end()) if said else None) if notice else _RIGHT.search(folded)
        quantities = find_quantities(para)
        # "Xin đính chính lại: Ban Chấp hành … gồm 33 đồng chí, không phải 35 đồng chí như đã đưa tin": the figure
        # after "không phải" was wrong, when the notice states another of its unit
        denied = [q for q in quantities if _DENIED.search(folded, 0, q.start)]
        if denied:
            stated = {(q.unit, q.value) for q in quantities if q not in denied}
            wrong |= {(q.unit, q.value) for q in denied if any(unit == q.unit for unit, _ in stated)} - stated
        if not said or not right or right.start() < said.end():
            continue
        fixed = {(q.unit, q.value) for q in quantities if q.start >= right.end()}
        if fixed:
            wrong |= {(q.unit, q.value) for q in quantities if said.end() <= q.start < right.start()} - fixed
    return wrong


def read_observations(article: Article, meta: Metadata, cat: Catalogue,
                      gaz: gazetteer_mod.Gazetteer) -> list[Observation]:
    text = article.text
    folded = fold(text)
    found: list[Observation] = []
    if not meta.bloc_type.value:
        return found  # figures of an article about no bloc belong to no bloc
    seen: set[tuple[str, str, float]] = set()
    table = confidence_mod.load()

    def emit(ind_key: str, unit: str, kind: str, value: float, q: Quantity, sentence: Span,
             clause: tuple[int, int], cue: str, period: str | None = None) -> Observation | None:
        key = (ind_key, kind, value)
        if key in seen:
            return None
        seen.add(key)
        ev = _evidence(text, sentence, clause)
        sentence_text = sentence.of(text)
        # a year or month in a later part of the sentence is not the figure's ("… trong đó bình quân 91,3% hoàn thành tốt
        # nhiệm vụ trở lên; riêng năm 2019 có 12 …"); a term still is
        cut = sentence_text.find(";", q.end)
        obs = Observation(
            article=article.id, indicator=ind_key, kind=kind, value=value, unit=unit,
            period=period or _period(meta, kind, sentence_text, sentence_text[:cut] if cut >= 0 else sentence_text), evidence=ev.of(text), start=ev.start, end=ev.end,
            confidence=table.of_observation(cue), cue=cue, qualifier=q.qualifier,
            figure=text[sentence.start + q.start : sentence.start + q.end],
            figure_start=sentence.start + q.start, figure_end=sentence.start + q.end,
        )
        found.append(obs)
        return obs

    blocs = gaz.bloc_mentions(text)
    spans = sentences(text)
    table_rows = _table_rows(text, spans)
    notice_named = _notice_named(text)
    for sentence in spans:
        quantities = find_quantities(sentence.of(text))
        if not quantities:
            continue
        mentions = [b for b in blocs if sentence.start <= b.start < sentence.end]
        if _about_another_bloc(mentions, meta, folded):
            # another bloc named only after a ";": the parts before are the article's own ("năm 2024 tỷ lệ … đạt 93%;
            # riêng Đảng bộ các cơ quan Đảng tỉnh Kiên Giang (cũ) có 95,2%")
            semi = folded.rfind(";", sentence.start, mentions[0].start) - sentence.start
            # ...and after "trong đó", a part, when the part before names the bloc as its own ("Hiện Đảng bộ có 124 tổ
            # chức cơ sở đảng với gần 9 nghìn đảng viên, trong đó hơn 4.100 đảng viên chuyển từ Đảng bộ UBND tỉnh Hà
            # Giang (trước hợp nhất)")
            part = folded.rfind(", trong đó", sentence.start, mentions[0].start) - sentence.start
            if part > semi and cat.own_scope.search(folded, sentence.start, sentence.start + part):
                semi = part
            quantities = [q for q in quantities if q.end <= semi] if semi >= 0 else []
            if not quantities:
                continue
        if sentence.start in table_rows:
            label, cells = table_rows[sentence.start]
            percent = "%" in label
            label = re.sub(r"\([^()]*\)", "", label).strip()  # "(%/năm)": the unit, said above
            for start, end, kind, period in cells:
                q = next((q for q in quantities if start <= q.start < end), None)
                if q is None:
                    continue
                if percent and q.unit == "count":
                    q = dataclasses.replace(q, unit="percent")
                for ind in cat.indicators:
                    rule = _matches(ind, cat, q, *_named_by(label))
                    if rule is None:
                        continue
                    kind_here = kind if ind.has_targets else "actual"
                    emit(ind.key, ind.unit, kind_here, q.whole if ind.stock and q.whole is not None else q.value, q,
                         sentence, (start, end), f"{ind.key}/{rule}/{kind_here}", period=period)
                    break
            continue
        s = folded[sentence.start : sentence.end]
        bounds = _clause_bounds(s, quantities, _joined_commas(s, cat.joined_phrases))
        row = _TABLE_ROW.fullmatch(s) if len(quantities) == 1 else None
        consumed: set[int] = set()
        last: Observation | None = None
        for i, q in enumerate(quantities):
            if i in consumed:
                continue
            clause_start = max(b for b in bounds if b <= q.start)
            clause_end = min(b for b in bounds if b >= q.end)
            before, after = s[clause_start : q.start], s[q.end :]
            after = after[m.end():] if (m := _QUALIFIER_AFTER.match(after)) else after  # "90% trở lên TCCSĐ ..."
            prefix = s[: q.start]
            if row and q.start >= row.start("figure"):
                # a table row's label names its figure, read both ways: "tổng số đảng viên: 12.480", "156 tổ chức
                # cơ sở đảng trực thuộc" (its leading dash, a sub-row's mark, dropped)
                before, after, prefix = _named_by(row.group("label").lstrip("-–•+ ").strip())
            elif (label := notice_named.get((q.unit, q.value))) is not None:
                # a notice's right figure is of what it says was misprinted ("số đảng viên kết nạp mới")
                before, after, prefix = _named_by(label)
            glued = None
            nxt = quantities[i + 1] if i + 1 < len(quantities) else None
            if q.unit == "count" and nxt and nxt.unit == "percent":
                gm = _GLUE.fullmatch(s, q.end, nxt.start)
                if gm:
                    glued, after = nxt, gm.group("noun") + s[nxt.end :]
            names_target = bool(cat.target_value.search(s, max(0, q.start - 90), q.start))
            kind = "target" if names_target else _kind(cat, s, clause_start, q.start)
            # "(nghị quyết 7%)", "(nghị quyết đề ra 1.000 đảng viên)", "vượt mục tiêu nghị quyết đề ra là
            # 90%": a target named right after a figure is that figure's target.
            if (kind == "target" and last is not None and (s[clause_start - 1 : clause_start] == "(" or names_target)
                    and q.unit == last.unit and last.kind == "actual"):
                last = emit(last.indicator, q.unit, "target", q.value, q, sentence, (clause_start, clause_end),
                            f"{last.indicator}/named_target/target", period=last.period) or last
                continue
            if _another_bloc_before(mentions, sentence.start + q.start, meta, folded, sentence, cat):
                continue
            if q.unit == "count" and _another_provinces_khoi(s, q.start, sentence.of(text), meta, gaz):
                continue
            for ind in cat.indicators:
                rule = _matches(ind, cat, q, before, after, prefix)
                if rule is None:
                    continue
                if ind.this_congress and _of_an_earlier_congress(before, meta):
                    break  # "Ban Chấp hành khóa XVII có 33 đồng chí" before congress XVIII: the outgoing committee
                takes_whole = ind.stock and q.whole is not None
                value = q.whole if takes_whole else q.value
                kind_here = kind if ind.has_targets else "actual"
                obs = emit(ind.key, ind.unit, kind_here, value, q, sentence, (clause_start, clause_end),
                           f"{ind.key}/{rule}/{kind_here}")
                last = obs or last
                if glued is not None and ind.share_key:
                    emit(ind.share_key, "percent", kind, glued.value, glued, sentence, (clause_start, clause_end),
                         f"{ind.share_key}/share/{kind}")
                    consumed.add(i + 1)
                if not takes_whole:
                    break
    wrong = _corrected_away(text)
    return [o for o in found if (o.unit, o.value) not in wrong] if wrong else found


def extract_article(article: Article, cat: Catalogue | None = None,
                    gaz: gazetteer_mod.Gazetteer | None = None) -> ExtractedArticle:
    cat = cat or catalogue_mod.load()
    gaz = gaz or gazetteer_mod.load()
    meta = read_metadata(article, gaz)
    return ExtractedArticle(article, meta, read_observations(article, meta, cat, gaz))
