"""An article's metadata: its bloc and province, the congress it reports, the secretary.

Every value is chosen by evidence, not position: the bloc's province comes from the bloc's own
name ("Đảng bộ Khối CCQ tỉnh Nghệ An") before any other place named; the congress is the one
the bloc holds (not the province's, not the nation's, not a past one whose resolution is
quoted); the secretary is the person the article gives the title "Bí thư Đảng ủy Khối".
Every other value seen is kept in `Metadata.seen` so the checker can flag contradictions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..datafiles import load as load_data
from ..models import Article, Fact, Metadata
from . import confidence as confidence_mod
from .gazetteer import Gazetteer
from .numbers import ORDINAL_RE, TERM_RE, find_dates, parse_ordinal
from .text import Span, fold, sentences

# "(ĐH)" only abbreviates the one before; but "(Đại hội lần thứ XII)" after a bloc in a schedule's list is its congress
_CONGRESS = re.compile(r"(?<!\()\bđh\b|\bđại hội\b")
_PAST_REFERENCE = re.compile(r"(?:nghị quyết|nq|chỉ tiêu|văn kiện|kết quả)\s*$")
# What follows "Đại hội": the bloc ("Đảng bộ Khối ..."), a bare "Đảng bộ" (the article's own), or no
# organisation at all ("Đại hội đại biểu lần thứ XXV, nhiệm kỳ ..."), whose holder is then the sentence's subject.
_AFTER_CONGRESS = re.compile(r"\s*(?:\(đh\)\s*)?(?:đại biểu\s+)?(?:(?:chính thức|lần thứ\s+[^\s()]+)\s*,?\s*)?")
_BLOC_ORG = re.compile(r"(?:đảng bộ|đảng ủy)?\s*khối\b")
_BARE_ORG = re.compile(r"đảng bộ(?=\s*(?:lần thứ|nhiệm kỳ|khóa|\(|,|\.|$))")
# No organisation: an ordinal or term follows, or a verb ("Đại hội khai mạc từ sáng 22-6"): the
# congress the article already named ("Đại hội đã hoàn thành toàn bộ chương trình đề ra" too).
_NO_ORG = re.compile(r"(?=(?:(?:đã|sẽ|đang|cũng|chính thức|dự kiến)\s+)*(?:lần thứ|nhiệm kỳ|\(|\)|,|\.|$|khai mạc|bế mạc|"
                     r"diễn ra|được tổ chức|tiến hành|kết thúc|làm việc|hoàn thành))")
_DAY_SPAN = re.compile(r"\d\s*(?:đến|và|,|–|-)\s*\d{1,2}\s*[/\-.]")
_NOT_OURS_AFTER = re.compile(r"\s*(?:của đảng|toàn quốc|đảng toàn quốc)\b")
# A bloc named as a visitor or in someone's title says little about whose article this is.
_VISITOR_BEFORE = re.compile(r"\b(?:đoàn(?: đại biểu| công tác)?)\s+$")
_VISITOR_AFTER = re.compile(r"[^.;]{0,30}\b(?:dẫn đầu|sang dự|sang thăm|đến dự|đến thăm)\b")
_TITLE_BEFORE = re.compile(r"\b(?:bí thư|phó bí thư|ủy viên|chủ nhiệm|trưởng ban|phó trưởng ban)\s+$")


@dataclass(frozen=True)
class Congress:
    """A congress the article reports, with the bloc holding it (when the text names one)."""

    start: int
    sentence: Span
    province: str | None
    ordinal: Fact | None
    term: Fact | None
    bloc: str | None = None  # the holder's bloc type, when the text names the holder


@dataclass(frozen=True)
class People:
    titles: re.Pattern[str]
    not_the_secretary: re.Pattern[str]
    elected: re.Pattern[str]
    honorifics: tuple[str, ...]
    surnames: frozenset[str]
    chain_tail: re.Pattern[str]  # the chain's last title, right before the words of election
    leads_delegation: re.Pattern[str]  # after the title, in its clause: a visiting delegation's leader


@cache
def _people() -> People:
    data = load_data("people.toml")
    return People(
        titles=re.compile("|".join(map(re.escape, data["secretary_titles"]))),
        not_the_secretary=re.compile(r"\b(?:" + "|".join(map(re.escape, data["not_the_secretary"])) + r")\s*$"),
        # the electing committee's term among the words: "được Ban Chấp hành khóa I bầu giữ chức Bí thư …"
        elected=re.compile(r"(?:\b(?:" + "|".join(map(re.escape, sorted(data["elected"], key=len, reverse=True)))
                           + r"|khóa\s+(?:[ivxlc]+|\d+))\s*)+$"),
        honorifics=tuple(data["honorifics"]),
        surnames=frozenset(data["surnames"]),
        chain_tail=re.compile(r"\s*[,\-–]\s*(?:[^.;:]{0,100}[,\-–]\s*)?(?:"
                              + "|".join(map(re.escape, sorted(data["chain_titles"], key=len, reverse=True)))
                              + r")\b(?:(?!\b(?:" + "|".join(map(re.escape, data["hands_over"])) + r")\b)[^.;:,]){0,45}"),
        leads_delegation=re.compile(r"[^.;:,]{0,60}\b(?:" + "|".join(map(re.escape, data["leads_delegation"])) + r")\b"),
    )


def _fact(text: str, start: int, end: int, value) -> Fact:
    return Fact(value, text[start:end], start, end)


def _sentence_of(spans: tuple[Span, ...], pos: int) -> Span:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return Span(pos, pos)


@cache
def _other_body() -> re.Pattern[str]:
    """Another body under the provincial committee, named shortly before a congress (blocs.toml other_bodies)."""
    names = sorted(load_data("blocs.toml")["other_bodies"], key=len, reverse=True)
    return re.compile(r"\b(?:đảng bộ|đảng ủy)\s+(?:" + "|".join(map(re.escape, names)) + r")\b[^.;]{0,25}$")


def find_congresses(article: Article, gaz: Gazetteer) -> list[Congress]:
    """Every mention of a congress held by a bloc (or by the article's unnamed 'Đảng bộ')."""
    text, folded = article.text, fold(article.text)
    spans = sentences(text)
    mentions = gaz.bloc_mentions(text)
    found = []
    for m in _CONGRESS.finditer(folded):
        if _PAST_REFERENCE.search(folded[max(0, m.start() - 25) : m.start()]):
            continue
        sentence = _sentence_of(spans, m.start())
        stop = min(sentence.end, m.end() + 160)
        following = _CONGRESS.search(folded, m.end(), stop)
        window_end = following.start() if following else stop
        org = _AFTER_CONGRESS.match(folded, m.end(), window_end).end()
        if _NOT_OURS_AFTER.match(folded, org):
            continue
        named = next((b for b in mentions if org <= b.end and b.start <= org + 12), None)
        if _BLOC_ORG.match(folded, org) or named:  # "Đảng bộ Khối ...", or a bloc named without "Khối"
            holder = named
        elif _BARE_ORG.match(folded, org) or _NO_ORG.match(folded, org, window_end):
            subjects = [b for b in mentions if sentence.start <= b.start < m.start()]
            holder = subjects[-1] if subjects else None
            if holder is None and _other_body().search(folded, sentence.start, m.start()):
                continue  # "2. Đảng bộ Công an tỉnh: Đại hội lần thứ XXVI, …": another body's congress
        else:
            continue  # another organisation's congress: the province's, a ministry's, a grassroots one
        ordinal = term = None
        om = ORDINAL_RE.search(folded, m.end(), min(window_end, m.end() + 110))
        if om and om.group(1) == "lần thứ":
            try:
                ordinal = _fact(text, m.start(), om.end(), parse_ordinal(om.group(2)))
            except ValueError:
                pass
        tm = re.compile(r"nhiệm kỳ\s*").search(folded, m.end(), window_end)
        if tm and (t := TERM_RE.match(folded, tm.end())):
            term = _fact(text, tm.start(), t.end(), f"{t.group(1)}-{t.group(2)}")
        found.append(Congress(m.start(), sentence, holder.province if holder else None, ordinal, term,
                              holder.key if holder else None))
    # A schedule's table of congresses: under a head with a time column ("TT | Đảng bộ | Thời gian | Số đại biểu"), a
    # row naming a bloc ("3 | Đảng bộ các cơ quan Đảng tỉnh | 29 - 30/7/2025 | 180 | …") is that bloc's congress.
    if "đại hội" in folded:
        timed = False
        for sp in spans:
            row = folded[sp.start : sp.end]
            if row.count(" | ") < 1 or "\n" in row.strip():
                timed = False
                continue
            cells = [c.strip() for c in row.strip().strip("|").split("|")]
            if any(c in _TIME_HEADS for c in cells):
                timed = True
                continue
            named = [b for b in mentions if sp.start <= b.start < sp.end and b.organisation]
            if timed and len(named) == 1 and find_dates(sp.of(text), default_year=article.published.year
                                                        if article.published else None):
                found.append(Congress(named[0].start, sp, named[0].province, None, None, named[0].key))
    return found


_TIME_HEADS = {"thời gian", "ngày", "thời gian tổ chức", "ngày tổ chức", "ngày đại hội", "thời gian dự kiến", "thời gian đại hội"}


def read_bloc(article: Article, gaz: Gazetteer, meta: Metadata, congresses: list[Congress]) -> None:
    """The bloc type and province: of the bloc holding the reported congress, else the bloc most
    named as an organisation. Visitors and people's titles count little."""
    text, folded = article.text, fold(article.text)
    title_end = len(text.split("\n\n", 1)[0])
    mentions = gaz.bloc_mentions(text)
    spans = sentences(text)
    congress_sentences = [c.sentence for c in congresses]
    lead = congress_sentences[0] if congress_sentences else None

    def weight(b) -> int:
        before, after = folded[max(0, b.start - 20) : b.start], folded[b.end : b.end + 60]
        if _VISITOR_BEFORE.search(before) or _VISITOR_AFTER.match(after):
            return 0
        if _TITLE_BEFORE.search(before):
            return 1
        sentence = _sentence_of(spans, b.start)
        return ((2 if b.organisation else 1) + (2 if b.start < title_end else 0)
                + (3 if sentence in congress_sentences else 0) + (3 if sentence == lead else 0))

    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for b in mentions:
        votes[b.key] += weight(b)
        first.setdefault(b.key, b.start)
    if votes:
        key = max(votes, key=lambda k: (votes[k], -first[k]))
        b = next(b for b in mentions if b.key == key)
        meta.bloc_type = _fact(text, b.start, b.end, key)
        meta.sources["bloc_type"] = "only_bloc" if len(votes) == 1 else "most_named"
    if meta.bloc_type.value == "trung_uong":
        return

    places = gaz.places(text)

    def place_fact(p) -> Fact:  # a place is evidenced by its whole sentence
        return Fact(p.name, _sentence_of(spans, p.start).of(text), p.start, p.end)

    meta.seen["places"] = [place_fact(p) for p in places]
    named = [b for b in mentions if b.province and b.key == meta.bloc_type.value] or [b for b in mentions if b.province]
    if named:
        counts: Counter[str] = Counter()
        for b in named:
            counts[b.province] += weight(b)
        best = max(counts, key=lambda p: (counts[p], -next(b.start for b in named if b.province == p)))
        b = next(b for b in named if b.province == best)
        meta.province, meta.province_source = _fact(text, b.start, b.end, best), "bloc_name"
        return
    for source, pool in (("prefixed", [p for p in places if p.kind == "province" and p.prefixed]),
                         ("mention", [p for p in places if p.kind == "province"])):
        if pool:
            counts = Counter(p.name for p in pool)
            best = max(counts, key=lambda n: (counts[n], -next(p.start for p in pool if p.name == n)))
            p = next(p for p in pool if p.name == best)
            meta.province, meta.province_source = place_fact(p), source
            return


def _as_unit_since_2025(gaz: Gazetteer, meta: Metadata) -> None:
    """A 2025 body belongs to a province of the 34: an old province named for it is read as its successor."""
    bloc = gaz.blocs.get(meta.bloc_type.value) if meta.bloc_type.value else None
    if bloc and bloc.since and meta.province.value in gaz.provinces:
        successor = gaz.provinces[meta.province.value].successor
        if successor and successor != meta.province.value:
            meta.province = Fact(successor, meta.province.evidence, meta.province.start, meta.province.end)


def read_congress(article: Article, meta: Metadata, congresses: list[Congress]) -> None:
    """Ordinal, term and first day of the congress of the article's own bloc."""
    text = article.text
    # not another type's body ("ngày 5-8, Đảng bộ UBND tỉnh … đã tổ chức thành công Đại hội lần thứ I" in an
    # article on the Đảng bộ các cơ quan Đảng tỉnh)
    own = [c for c in congresses if c.province in (None, meta.province.value) and c.bloc in (None, meta.bloc_type.value)]
    ordinals = [c.ordinal for c in own if c.ordinal]
    terms = [c.term for c in own if c.term]
    meta.seen["congress_ordinal"] = ordinals
    if ordinals:
        meta.congress_ordinal = _most_common(ordinals)
        meta.sources["congress_ordinal"] = "agreed" if len({f.value for f in ordinals}) == 1 else "most_common"
    if terms:
        meta.term = _most_common(terms)
        meta.sources["term"] = "agreed" if len({f.value for f in terms}) == 1 else "most_common"
    # A day and month without a year take the year of the article's dateline, never a guess.
    year = int(str(meta.term.value)[:4]) if meta.term.value else article.published.year if article.published else None
    default_year = article.published.year if article.published else None
    rules = _date_rules()
    candidates = []
    for sentence in dict.fromkeys(c.sentence for c in own):
        previous_end = 0
        for d in find_dates(sentence.of(text), default_year=default_year):
            since, previous_end = previous_end, d.end
            # A look-back written years later ("Đại hội … diễn ra trong hai ngày 16 - 17/7/2020", published
            # 2025): with no term stated at the congress, a date that states its year is not held to the dateline's.
            if year is not None and abs(d.date.year - year) > 1 and (meta.term.value or not d.year_stated):
                continue
            start, end = sentence.start + d.start, sentence.start + d.end
            clause = _clause(text, sentence, start, end)
            reasons = [cue for cue, pattern in rules.cues.items() if pattern.search(clause)]
            if "closing" in reasons and _DAY_SPAN.search(fold(text[start:end])):
                reasons.remove("closing")  # "(từ ngày 11 đến 12-8)": a span still starts the congress
            if "opening" in reasons and "closing" in reasons:
                # "khai mạc sáng 23.7 và bế mạc chiều 24.7": each date takes the cue right before it
                # (since the clause's previous date), when only one of the two stands there
                lead = fold(text[max(sentence.start + since, text.rfind(";", sentence.start, start) + 1) : start])
                local = [r for r in ("opening", "closing") if rules.cues[r].search(lead)]
                if len(local) == 1:
                    reasons.remove("closing" if local == ["opening"] else "opening")
            if "preparatory" in reasons and "before" in reasons:
                reasons.remove("before")
            score = sum(rules.weights[r] for r in reasons)
            candidates.append({"value": d.date.isoformat(), "score": score, "reasons": reasons,
                               "evidence": text[start:end], "start": start, "end": end})
    meta.candidates["congress_start"] = candidates
    kept = [c for c in candidates if c["score"] >= rules.threshold]
    if kept:
        best = min(kept, key=lambda c: (-c["score"], c["value"]))
        meta.congress_start = Fact(best["value"], best["evidence"], best["start"], best["end"])
        meta.sources["congress_start"] = next((r for r in ("preparatory", "opening") if r in best["reasons"]), "no_cue")
        meta.decisions["congress_start"] = f"{best['value']} scores {best['score']:g} ({', '.join(best['reasons']) or 'no cue'})"
        if not meta.term.value:
            _term_of_year(text, meta, int(best["value"][:4]))
    elif candidates:
        meta.decisions["congress_start"] = f"none: no date scores {rules.threshold:g} or more"


def _term_of_year(text: str, meta: Metadata, year: int) -> None:
    """No congress sentence states the term: a term the article names elsewhere that starts in the
    congress's own year is its term ("nhiệm kỳ 2020 - 2025 là chặng đường cuối cùng …" of a congress
    held in July 2020); one such term only, never a guess from the year alone."""
    folded = fold(text)
    found = {}
    for tm in re.finditer(r"nhiệm kỳ\s*", folded):
        if (t := TERM_RE.match(folded, tm.end())) and int(t.group(1)) == year:
            found.setdefault(f"{t.group(1)}-{t.group(2)}", _fact(text, tm.start(), t.end(), f"{t.group(1)}-{t.group(2)}"))
    if len(found) == 1:
        meta.term = next(iter(found.values()))
        meta.sources["term"] = "congress_year"


@dataclass(frozen=True)
class DateRules:
    threshold: float
    weights: dict[str, float]
    cues: dict[str, re.Pattern[str]]


@cache
def _date_rules() -> DateRules:
    data = load_data("dates.toml")
    cues = {name: re.compile(r"\b(?:" + "|".join(words) + r")\b") for name, words in data["cues"].items()}
    return DateRules(data["threshold"], data["weights"], cues)


def _clause(text: str, sentence: Span, start: int, end: int) -> str:
    """The folded clause around text[start:end]: its sentence, cut at the nearest ';' on each side."""
    left = text.rfind(";", sentence.start, start) + 1 or sentence.start
    right = text.find(";", end, sentence.end)
    return fold(text[max(left, sentence.start) : right if right >= 0 else sentence.end])


def _most_common(facts: list[Fact]) -> Fact:
    counts = Counter(f.value for f in facts)
    best = max(counts, key=lambda v: (counts[v], -next(i for i, f in enumerate(facts) if f.value == v)))
    return next(f for f in facts if f.value == best)


_WORD = re.compile(r"[^\W\d_][\w']*")
_NOT_A_NAME = {"Phó", "Chủ", "Bí", "Ủy", "Uỷ", "Tỉnh", "Ban", "Giám", "Trưởng", "Thường", "Đại", "Bộ",
               "Sở", "Khối", "Đảng", "Trao", "Dự", "Và", "Tại", "Về", "Cho"}
# A given name that also starts a title or a place: a name's word unless the next word makes it one
# ("Bùi Văn Thành, Tỉnh ủy viên" but "Thành ủy viên", "Thành phố").
_NOT_A_NAME_BEFORE = {"Thành": re.compile(r" (?:ủy|uỷ|Ủy|Uỷ|phố|Phố|viên)\b")}


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
        if words and word in _NOT_A_NAME_BEFORE and _NOT_A_NAME_BEFORE[word].match(text, m.end()):
            break
        words.append(m)
        pos = m.end()
    if len(words) < 2 or words[0].group(0) not in people.surnames:
        return None
    return " ".join(w.group(0) for w in words), words[0].start(), words[-1].end()


_WORD_BEFORE = re.compile(r"([^\W\d_][\w']*) $")


def _cut_short(text: str, start: int, people: People) -> bool:
    """Whether the name starting at `start` follows a capitalised word that could be its own first
    word (a surname the data does not know: "Sèn Văn Chính" found as "Văn Chính"): not a title or
    place word, an honorific or an acronym."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not m:
        return False
    word = m.group(1)
    return word[0].isupper() and not word.isupper() and word not in _NOT_A_NAME \
        and fold(word) not in people.honorifics and not (m.start() > 0 and text[m.start() - 1] in ".:;!?")


@cache
def _after_title(gaz: Gazetteer) -> re.Pattern[str]:
    """What may follow "Bí thư Đảng ủy Khối": the bloc's name, its province, an honorific."""
    bloc_names = "|".join(re.escape(fold(n)) for b in gaz.blocs.values() for n in sorted(b.names, key=len, reverse=True))
    places = "|".join(map(re.escape, gaz.place_aliases()))
    return re.compile(
        rf"(?:\s+(?:{bloc_names})\b)?(?:\s*(?:tỉnh|thành phố|tp\.?)(?:\s+(?P<place>{places})\b)?)?\s*[,:\-–]?\s*"
        rf"(?:là\s+)?(?:(?:{'|'.join(map(re.escape, _people().honorifics))})\s+)?"  # "Bí thư ... là đồng chí X"
    )


@dataclass(frozen=True)
class SecretaryRules:
    threshold: float
    margin: float
    weights: dict[str, float]
    leaving: re.Pattern[str]
    not_yet: re.Pattern[str]
    succeeds: re.Pattern[str]
    reelected: re.Pattern[str]


@cache
def _secretary_rules() -> SecretaryRules:
    data = load_data("people.toml")["secretary"]
    phrases = data["phrases"]
    return SecretaryRules(data["threshold"], data["margin"], data["weights"],
                          re.compile("|".join(map(re.escape, phrases["leaving"]))),
                          re.compile("|".join(map(re.escape, phrases["not_yet"]))),
                          re.compile("|".join(map(re.escape, phrases["succeeds"]))),
                          re.compile(r"\s*,?\s*(?:" + "|".join(map(re.escape, phrases["reelected"])) + r")\b"))


_LED_BY = re.compile(r"(?:\s+(?:tỉnh|thành phố))?\s+do\s+(?:(?:đồng chí|đ/c|ông|bà)\s+)?")
_LED_BY_TITLE = re.compile(r"(?:\s*,[^.;:]{0,100}?)?\s+làm bí thư(?=\s*(?:[.;]|$))")
_ASIDE = re.compile(r"^\s*\([^()]{1,25}\)")
_TERM_AFTER_TITLE = re.compile(r"\s*,?\s*(?:khóa\s+(?P<ordinal>[ivxlc]+|\d+)\b|nhiệm kỳ\s*(?P<term>\d{4}\s*[-–]\s*\d{4}))")


def _term_feature(folded: str, title_end: int, meta: Metadata) -> str | None:
    """'new_term' or 'old_term' when the title (with the bloc's name) is followed right away by a
    congress's ordinal or term: "Bí thư Đảng ủy Khối các cơ quan tỉnh khóa XIII"."""
    m = _TERM_AFTER_TITLE.match(folded, title_end)
    if not m:
        return None
    if _secretary_rules().reelected.match(folded, m.end()):
        return None  # "Bí thư Đảng ủy Khối khóa VII tái cử chức danh Bí thư …": the title so far of the one re-elected
    if m.group("ordinal") and meta.congress_ordinal.value:
        try:
            ordinal = parse_ordinal(m.group("ordinal"))
        except ValueError:
            return None
        return "new_term" if ordinal >= int(meta.congress_ordinal.value) else "old_term"
    if m.group("term") and meta.term.value:
        start = int(m.group("term")[:4])
        return "new_term" if start >= int(str(meta.term.value)[:4]) else "old_term"
    return None


def secretary_candidates(article: Article, gaz: Gazetteer, meta: Metadata) -> list[dict]:
    """Every person the article names with the secretary's title, with a score and its reasons."""
    people, rules = _people(), _secretary_rules()
    text, folded = article.text, fold(article.text)
    spans = sentences(text)
    lead_end = len(text.split("\n\n", 1)[0])
    after_title = _after_title(gaz)
    found: list[dict] = []
    for m in people.titles.finditer(folded):
        if people.not_the_secretary.search(folded[max(0, m.start() - 12) : m.start()]):
            continue
        am = after_title.match(folded, m.end())
        place = gaz.province(am.group("place")) if am and am.group("place") else None
        if place and meta.province.value and place.name != meta.province.value:
            continue  # the secretary of another province's bloc (a visiting delegation)
        if people.leads_delegation.match(folded, m.end()):
            continue  # "… do đồng chí X, Bí thư Đảng ủy Khối dẫn đầu": a visiting delegation's leader
        sentence = _sentence_of(spans, m.start())
        words = folded[sentence.start : sentence.end]
        reasons = ["title"]
        hit = None
        # Before the title: "Đồng chí Hoàng Anh Trung, Tỉnh ủy viên, Bí thư Đảng ủy Khối".
        names = []
        for w in _WORD.finditer(text, sentence.start, m.start()):
            name = _name_at(text, w.start(), people)
            if name and (not names or name[1] >= names[-1][2]):
                names.append(name)
        if names and _cut_short(text, names[-1][1], people):
            continue  # "Sèn Văn Chính" read from its second word: an unknown surname, no name at all
        if names:
            name, start, end = names[-1]
            between = folded[end : m.start()]
            elected = people.elected.search(between)
            if elected:  # "... Hoàng Nam, Tỉnh ủy viên, tái đắc cử chức Bí thư ..."
                between = between[: elected.start()]
                # a caption's aside after the name: "Đồng chí Trương Văn Mến (đứng giữa) được bầu giữ chức Bí thư ..."
                between = _ASIDE.sub("", between, count=1)
            if re.fullmatch(r"\s*[,\-–]\s*(?:[^.;:]{0,100}[,\-–]\s*)?", between) or (elected and not between.strip()) \
                    or (elected and people.chain_tail.fullmatch(between)):
                hit = (name, start, m.end())
                if elected:
                    reasons.append("elected")
        if hit is None:  # after the title and the bloc's name: "Bí thư Đảng ủy Khối ... tỉnh Thái Minh Hiển"
            name = _name_at(text, am.end(), people) if am else None
            if name:
                hit = (name[0], m.start(), name[2])
        if hit is None:
            continue
        term = _term_feature(folded, am.end() if am else m.end(), meta)
        if term:
            reasons.append(term)
        succeeds = rules.succeeds.search(words, max(0, hit[1] - sentence.start))
        if rules.leaving.search(words[: succeeds.start()] if succeeds else words):
            reasons.append("leaving")
        if m.start() < lead_end:
            reasons.append("lead")
        found.append(_named(text, hit[0], sum(rules.weights[r] for r in reasons), reasons, hit[1], hit[2]))
    # The bloc's committee "do đồng chí X, …, làm Bí thư" ("Đảng ủy UBND tỉnh do đồng chí Nông Đức Thành, Phó Bí
    # thư Tỉnh ủy, Chủ tịch UBND tỉnh làm Bí thư."): the bloc (of the article's type and province) named right
    # before "do", the bare title closing the clause.
    mentions = [b for b in gaz.bloc_mentions(text) if b.organisation and b.key == meta.bloc_type.value
                and b.province in (None, meta.province.value)]
    for m in _LED_BY.finditer(folded):
        if not any(0 <= m.start() - b.end <= 12 for b in mentions):
            continue
        name = _name_at(text, m.end(), people)
        tail = _LED_BY_TITLE.match(folded, name[2]) if name else None
        if not tail or _cut_short(text, name[1], people):
            continue
        reasons = ["title", *(["lead"] if m.start() < lead_end else [])]
        found.append(_named(text, name[0], sum(rules.weights[r] for r in reasons), reasons, name[1], tail.end()))
    found += _signed(text, folded, people, rules)
    return found


# A signature block closing the bloc's own notice: "T/M BAN THƯỜNG VỤ" / "BÍ THƯ" / "Nông Thị Diệp" (not the
# provincial committee's: "T/M BAN THƯỜNG VỤ TỈNH ỦY"; not a deputy's: "K/T BÍ THƯ" / "PHÓ BÍ THƯ").
_SIGNATURE = re.compile(r"(?m)^[ \t]*t/m\s+(?:ban thường vụ|ban chấp hành|đảng ủy)(?P<whose>[^\n]*)\n+[ \t]*bí thư[ \t]*\n+[ \t]*")
_NOT_THE_BLOCS = re.compile(r"\b(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy xã|đảng ủy phường|chi bộ)\b")
# A byline: the author's name in capitals on its own line, the secretary's title on the next ("HUỲNH THỊ NGỌC HÂN" /
# "Tỉnh ủy viên, Bí thư Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"), the title after a chain of other titles.
_CAPS_LINE = re.compile(r"(?m)^[ \t]*(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,4})[ \t]*\n+[ \t]*$")


def _named(text: str, value: str, score: float, reasons: list[str], start: int, end: int) -> dict:
    """A secretary candidate: the name, its score and reasons, and the words of the article it stands in."""
    return {"value": value, "score": score, "reasons": reasons, "evidence": text[start:end], "start": start, "end": end}


def _signed(text: str, folded: str, people: People, rules: SecretaryRules) -> list[dict]:
    """The secretary named in a signature block or a byline, by the title alone."""
    found = []
    for m in _SIGNATURE.finditer(folded):
        if _NOT_THE_BLOCS.search(m.group("whose")):
            continue
        name = _name_at(text, m.end(), people)
        if name and text.find("\n", m.end(), name[2]) < 0:
            found.append(_named(text, name[0], rules.weights["title"], ["title", "signature"], name[1], name[2]))
    for m in people.titles.finditer(folded):
        line_start = folded.rfind("\n", 0, m.start()) + 1
        chain = folded[line_start : m.start()]
        if not re.fullmatch(r"[ \t]*(?:[^.;:,\n]{1,40},[ \t]*){0,3}", chain) or people.not_the_secretary.search(chain):
            continue  # the title's line: the title, after a chain of others ("Tỉnh ủy viên, ")
        prev = _CAPS_LINE.search(text, 0, line_start)
        if not prev or prev.end() != line_start:
            continue
        raw = prev.group("name")
        if not raw.isupper():
            continue
        titled = " ".join(w.capitalize() for w in raw.split())
        name = _name_at(titled, 0, people)
        if name and name[2] == len(titled):
            found.append(_named(text, name[0], rules.weights["title"], ["title", "byline"], prev.start("name"), m.end()))
    return found


def read_secretary(article: Article, gaz: Gazetteer, meta: Metadata) -> None:
    """The secretary of the reported congress, or none: the best-scoring name, when it is clearly
    the best and the article does not say the secretary is yet to be appointed."""
    rules = _secretary_rules()
    candidates = secretary_candidates(article, gaz, meta)
    meta.candidates["secretary"] = candidates
    meta.seen["secretary"] = [Fact(c["value"], c["evidence"], c["start"], c["end"]) for c in candidates]
    folded = fold(article.text)
    for title in _people().titles.finditer(folded):
        sentence = _sentence_of(sentences(article.text), title.start())
        if rules.not_yet.search(folded[sentence.start : sentence.end]):
            meta.decisions["secretary"] = "none: the article says the secretary is yet to be appointed"
            return
    totals: dict[str, float] = {}
    for c in candidates:
        totals[c["value"]] = totals.get(c["value"], 0.0) + c["score"]
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    if not ranked:
        return
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else float("-inf")
    if score < rules.threshold or score - runner_up < rules.margin:
        meta.decisions["secretary"] = (f"none: {best} scores {score:g}"
                                       + (f", {ranked[1][0]} {runner_up:g}" if len(ranked) > 1 else "")
                                       + f" (needs {rules.threshold:g}, ahead by {rules.margin:g})")
        return
    first = max((c for c in candidates if c["value"] == best), key=lambda c: c["score"])
    meta.secretary = Fact(best, first["evidence"], first["start"], first["end"])
    meta.sources["secretary"] = "elected" if any("elected" in c["reasons"] for c in candidates if c["value"] == best) \
        else "title"
    meta.decisions["secretary"] = f"{best} scores {score:g}" + (f", next {ranked[1][0]} {runner_up:g}" if len(ranked) > 1 else "")


def read_metadata(article: Article, gaz: Gazetteer) -> Metadata:
    meta = Metadata()
    if article.published:
        meta.published = Fact(article.published.date().isoformat(), article.published_evidence)
    congresses = find_congresses(article, gaz)
    read_bloc(article, gaz, meta, congresses)
    read_congress(article, meta, congresses)
    read_secretary(article, gaz, meta)
    _as_unit_since_2025(gaz, meta)  # last: the congress and the secretary are read with the province as written
    if not meta.bloc_type.value:
        # An article about no bloc (a provincial committee's conference): its province and the congress it names are
        # the province's, no bloc's (batch 1's 111, the province and term of a provincial congress).
        for name in ("province", "congress_ordinal", "term", "congress_start"):
            if getattr(meta, name).value not in (None, ""):
                meta.decisions[name] = "none: the article names no bloc"
            setattr(meta, name, Fact())
            meta.sources.pop(name, None)
        meta.province_source = None
    if meta.published.value:
        meta.sources["published"] = "stamp"
    if meta.province.value:
        meta.sources["province"] = meta.province_source or "?"
    table = confidence_mod.load()
    for name, source in meta.sources.items():
        fact = getattr(meta, name)
        if fact.value not in (None, ""):
            fact.confidence = table.of_metadata(name, source)
    return meta
