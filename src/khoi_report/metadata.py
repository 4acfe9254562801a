"""An article's metadata: its bloc and province, the congress it reports, the secretary.

Every value is chosen by evidence, not position: the bloc's province comes from the bloc's own
name ("Đảng bộ Khối CCQ tỉnh Nghệ An") before any other place named; the congress is the one
the bloc holds (not the province's, not the nation's, not a past one whose resolution is
quoted); the secretary is the person the article gives the title "Bí thư Đảng ủy Khối".
Every other value seen is kept in `Metadata.seen` so the checker can flag contradictions.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .gazetteer import Gazetteer
from .models import Article, Fact, Metadata
from .numbers import ORDINAL_RE, TERM_RE, find_dates, parse_ordinal
from .text import Span, fold, sentences

_CONGRESS = re.compile(r"(?<!\()\b(?:đại hội|đh)\b")  # "(ĐH)" only abbreviates the one before
_PAST_REFERENCE = re.compile(r"(?:nghị quyết|nq|chỉ tiêu|văn kiện|kết quả)\s*$")
# After "Đại hội": the organisation holding it is the bloc, or a bare "Đảng bộ" (the article's own).
_OWN_CONGRESS = re.compile(
    r"\s*(?:\(đh\)\s*)?(?:đại biểu\s+)?(?:(?:lần thứ\s+\S+)\s*,?\s*)?(?:đảng bộ|đảng ủy)?\s*"
    r"(?:khối\b|(?<=đảng bộ)(?=\s*(?:lần thứ|nhiệm kỳ|khóa|\(|,|\.|$)))"
)


@dataclass(frozen=True)
class People:
    titles: re.Pattern[str]
    not_the_secretary: re.Pattern[str]
    honorifics: tuple[str, ...]
    surnames: frozenset[str]


@cache
def _people() -> People:
    data = tomllib.loads(resources.files("khoi_report").joinpath("data/people.toml").read_text("utf-8"))
    return People(
        titles=re.compile("|".join(map(re.escape, data["secretary_titles"]))),
        not_the_secretary=re.compile(r"\b(?:" + "|".join(map(re.escape, data["not_the_secretary"])) + r")\s*$"),
        honorifics=tuple(data["honorifics"]),
        surnames=frozenset(data["surnames"]),
    )


def _fact(text: str, start: int, end: int, value) -> Fact:
    return Fact(value, text[start:end], start, end)


def _sentence_of(spans: tuple[Span, ...], pos: int) -> Span:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return Span(pos, pos)


def read_bloc(article: Article, gaz: Gazetteer, meta: Metadata) -> None:
    text = article.text
    title_end = len(text.split("\n\n", 1)[0])
    mentions = gaz.bloc_mentions(text)
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        votes[m.key] += (2 if m.organisation else 1) + (2 if m.start < title_end else 0)
        first.setdefault(m.key, m.start)
    if votes:
        key = max(votes, key=lambda k: (votes[k], -first[k]))
        m = next(m for m in mentions if m.key == key)
        meta.bloc_type = _fact(text, m.start, m.end, key)
    if meta.bloc_type.value == "trung_uong":
        return

    places = gaz.places(text)
    spans = sentences(text)

    def place_fact(p) -> Fact:  # a place is evidenced by its whole sentence
        return Fact(p.name, _sentence_of(spans, p.start).of(text), p.start, p.end)

    meta.seen["places"] = [place_fact(p) for p in places]
    named = [m for m in mentions if m.province and m.key == meta.bloc_type.value] or [m for m in mentions if m.province]
    if named:
        counts = Counter(m.province for m in named)
        best = max(counts, key=lambda p: (counts[p], -next(m.start for m in named if m.province == p)))
        m = next(m for m in named if m.province == best)
        meta.province, meta.province_source = _fact(text, m.start, m.end, best), "bloc_name"
        return
    for source, pool in (("prefixed", [p for p in places if p.kind == "province" and p.prefixed]),
                         ("mention", [p for p in places if p.kind == "province"])):
        if pool:
            counts = Counter(p.name for p in pool)
            best = max(counts, key=lambda n: (counts[n], -next(p.start for p in pool if p.name == n)))
            p = next(p for p in pool if p.name == best)
            meta.province, meta.province_source = place_fact(p), source
            return


def read_congress(article: Article, meta: Metadata) -> None:
    """Ordinal, term and first day of the congress the bloc holds."""
    text, folded = article.text, fold(article.text)
    spans = sentences(text)
    ordinals: list[Fact] = []
    terms: list[Fact] = []
    in_sentences: list[Span] = []
    for m in _CONGRESS.finditer(folded):
        if _PAST_REFERENCE.search(folded[max(0, m.start() - 25) : m.start()]):
            continue
        sentence = _sentence_of(spans, m.start())
        stop = min(sentence.end, m.end() + 160)
        following = _CONGRESS.search(folded, m.end(), stop)
        window_end = following.start() if following else stop
        if not _OWN_CONGRESS.match(folded, m.end(), window_end):
            continue
        in_sentences.append(sentence)
        om = ORDINAL_RE.search(folded, m.end(), min(window_end, m.end() + 110))
        if om and om.group(1) == "lần thứ":
            try:
                ordinals.append(_fact(text, m.start(), om.end(), parse_ordinal(om.group(2))))
            except ValueError:
                pass
        tm = re.compile(r"nhiệm kỳ\s*").search(folded, m.end(), window_end)
        if tm:
            t = TERM_RE.match(folded, tm.end())
            if t:
                terms.append(_fact(text, tm.start(), t.end(), f"{t.group(1)}-{t.group(2)}"))
    meta.seen["congress_ordinal"] = ordinals
    if ordinals:
        meta.congress_ordinal = _most_common(ordinals)
    if terms:
        meta.term = _most_common(terms)
    year = None
    if meta.term.value:
        year = int(str(meta.term.value)[:4])
    elif article.published:
        year = article.published.year
    dates: list[Fact] = []
    for sentence in dict.fromkeys(in_sentences):
        for d in find_dates(sentence.of(text), default_year=year):
            if year is None or abs(d.date.year - year) <= 1:
                dates.append(_fact(text, sentence.start + d.start, sentence.start + d.end, d.date.isoformat()))
    if dates:
        counts = Counter(f.value for f in dates)
        best = min(counts, key=lambda v: (-counts[v], v))
        meta.congress_start = next(f for f in dates if f.value == best)


def _most_common(facts: list[Fact]) -> Fact:
    counts = Counter(f.value for f in facts)
    best = max(counts, key=lambda v: (counts[v], -next(i for i, f in enumerate(facts) if f.value == v)))
    return next(f for f in facts if f.value == best)


_WORD = re.compile(r"[^\W\d_][\w']*")
_NOT_A_NAME = {"Phó", "Chủ", "Bí", "Ủy", "Uỷ", "Tỉnh", "Thành", "Ban", "Giám", "Trưởng", "Thường", "Đại", "Bộ",
               "Sở", "Khối", "Đảng", "Trao", "Dự", "Và", "Tại", "Về", "Cho"}


def _name_at(text: str, pos: int, people: People) -> tuple[str, int, int] | None:
    """A personal name starting at `pos` (a surname and one to three capitalised words)."""
    words: list[re.Match[str]] = []
    honorific = _WORD.match(text, pos)
    if honorific and fold(honorific.group(0)) in people.honorifics:
        pos = honorific.end() + 1
    for m in _WORD.finditer(text, pos):
        if m.start() != pos and not re.fullmatch(r" ", text[pos : m.start()]):
            break
        word = m.group(0)
        if not word[0].isupper() or (words and word in _NOT_A_NAME) or len(words) == 4:
            break
        words.append(m)
        pos = m.end()
    if len(words) < 2 or words[0].group(0) not in people.surnames:
        return None
    return " ".join(w.group(0) for w in words), words[0].start(), words[-1].end()


def read_secretary(article: Article, gaz: Gazetteer, meta: Metadata) -> None:
    people = _people()
    text, folded = article.text, fold(article.text)
    spans = sentences(text)
    bloc_names = "|".join(re.escape(fold(n)) for b in gaz.blocs.values() for n in sorted(b.names, key=len, reverse=True))
    places = "|".join(map(re.escape, gaz.place_aliases()))
    after_title = re.compile(
        rf"(?:\s+(?:{bloc_names})\b)?(?:\s*(?:tỉnh|thành phố|tp\.?)(?:\s+(?:{places})\b)?)?\s*[,:\-–]?\s*"
        rf"(?:(?:{'|'.join(map(re.escape, people.honorifics))})\s+)?"
    )
    found: list[Fact] = []
    for m in people.titles.finditer(folded):
        if people.not_the_secretary.search(folded[max(0, m.start() - 12) : m.start()]):
            continue
        sentence = _sentence_of(spans, m.start())
        # Before the title: "Đồng chí Hoàng Anh Trung, Tỉnh ủy viên, Bí thư Đảng ủy Khối".
        candidates = []
        for w in _WORD.finditer(text, sentence.start, m.start()):
            hit = _name_at(text, w.start(), people)
            if hit and (not candidates or hit[1] >= candidates[-1][2]):
                candidates.append(hit)
        if candidates:
            name, start, end = candidates[-1]
            between = folded[end : m.start()]
            if re.fullmatch(r"\s*[,\-–]\s*(?:[^.;:]{0,100}[,\-–]\s*)?", between):
                found.append(Fact(name, text[start : m.end()], start, m.end()))
                continue
        # After the title and the bloc's name: "Bí thư Đảng ủy Khối ... tỉnh Thái Minh Hiển".
        am = after_title.match(folded, m.end())
        hit = _name_at(text, am.end(), people) if am else None
        if hit:
            found.append(Fact(hit[0], text[m.start() : hit[2]], m.start(), hit[2]))
    if found:
        meta.secretary = _most_common(found)
        meta.seen["secretary"] = found


def read_metadata(article: Article, gaz: Gazetteer) -> Metadata:
    meta = Metadata()
    if article.published:
        meta.published = Fact(article.published.date().isoformat(), article.published_evidence)
    read_bloc(article, gaz, meta)
    read_congress(article, meta)
    read_secretary(article, gaz, meta)
    return meta
