"""Provinces, regions and bloc names (`data/gazetteer.toml`, `data/blocs.toml`) found in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import load as load_data
from .text import ascii_fold, fold


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # province | city
    region: str
    successor: str
    aliases: tuple[str, ...]
    needs_prefix: bool = False


@dataclass(frozen=True)
class Bloc:
    key: str
    label_vi: str
    label_en: str
    names: tuple[str, ...]
    since: int | None = None  # a body of the 2025 reorganisation: its province is the unit since 2025

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True)
class Place:
    name: str  # canonical province or region name
    kind: str  # province | region
    start: int
    end: int
    prefixed: bool  # written after "tỉnh", "thành phố" or "TP"


@dataclass(frozen=True)
class BlocMention:
    key: str
    start: int
    end: int
    organisation: bool  # preceded by "Đảng bộ"/"Đảng ủy": the organisation itself is named
    province: str | None  # the province written right after the bloc's name, if any


_PREFIX = r"(?:tỉnh|thành phố|tp\.?)\s*"
_ORG_BEFORE = re.compile(r"(?:đảng bộ|đảng ủy|đuk|đbk)\s+$")


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(fold(n)) for n in sorted(set(names), key=len, reverse=True))


class Gazetteer:
    def __init__(self, places: dict, blocs: dict) -> None:
        self.provinces: dict[str, Province] = {}
        self.regions: dict[str, tuple[str, ...]] = {}
        self._lookup: dict[str, tuple[str, str]] = {}  # folded alias -> (canonical, kind)
        for raw in places["province"]:
            p = Province(raw["name"], raw["kind"], raw["region"], raw["successor"], tuple(raw.get("aliases", ())),
                         raw.get("needs_prefix", False))
            self.provinces[p.name] = p
            for alias in (p.name, *p.aliases):
                self._lookup[fold(alias)] = (p.name, "province")
        for raw in places["region"]:
            members = tuple(n for n, p in self.provinces.items() if p.region == raw["name"])
            self.regions[raw["name"]] = members
            for alias in (raw["name"], *raw.get("aliases", ())):
                self._lookup[fold(alias)] = (raw["name"], "region")
        self.units_2025: tuple[str, ...] = tuple(places["units_2025"])
        for name, kind in places.get("new_units", {}).items():  # named, placed, never looked up in text
            merged = [p for p in self.provinces.values() if p.successor == name]
            self.provinces[name] = Province(name, kind, merged[0].region, name, ())
        self.blocs: dict[str, Bloc] = {
            b["key"]: Bloc(b["key"], b["label_vi"], b["label_en"], tuple(b["names"]), b.get("since"))
            for b in blocs["bloc"]
        }
        place_alt = _alternation(list(self._lookup))
        self._place_re = re.compile(rf"(?<!\w)(?P<prefix>{_PREFIX})?(?P<name>{place_alt})(?!\w)")
        province_alt = _alternation([a for a, (_, kind) in self._lookup.items() if kind == "province"])
        self._bloc_name = {fold(n): b.key for b in self.blocs.values() for n in b.names}
        # Starting with the literal "khối" lets the regex engine skip ahead; the organisation
        # before it ("Đảng bộ Khối") is looked for behind each match.
        after = rf"(?!\w)(?:\s*{_PREFIX}(?P<province>{province_alt})(?!\w))?"
        # "các khối cơ quan quản lý nhà nước": blocs in the plural are kinds of units, no bloc named.
        self._bloc_re = re.compile(rf"(?<!các )(?<!những )khối\s+(?P<name>{_alternation(list(self._bloc_name))}){after}")
        standalone = [fold(n) for b in blocs["bloc"] for n in b.get("standalone", ())]
        self._bloc_name.update({fold(n): b["key"] for b in blocs["bloc"] for n in b.get("standalone", ())})
        # "Đảng bộ Doanh nghiệp tỉnh": a name too common to stand alone stands before the province's.
        before_place = [fold(n) for b in blocs["bloc"] for n in b.get("standalone_before_place", ())]
        self._bloc_name.update({fold(n): b["key"] for b in blocs["bloc"] for n in b.get("standalone_before_place", ())})
        alone = [rf"(?P<name>{_alternation(standalone)}){after}"] if standalone else []
        if before_place:
            alone.append(rf"(?P<name_p>{_alternation(before_place)})(?=\s*(?:tỉnh|thành phố|tp)(?!\w)){after.replace('province', 'province_p')}")
        self._standalone_re = re.compile(r"(?:đảng bộ|đảng ủy)\s+(?:" + "|".join(alone) + ")") if alone else None

    def place_aliases(self) -> list[str]:
        """Every folded spelling of a province or region, longest first."""
        return sorted(self._lookup, key=len, reverse=True)

    def province(self, name: str) -> Province | None:
        hit = self._lookup.get(fold(name))
        return self.provinces[hit[0]] if hit and hit[1] == "province" else None

    def places(self, text: str) -> list[Place]:
        """Provinces and regions named in text. A bare name counts only when capitalised."""
        folded = fold(text)
        out = []
        for m in self._place_re.finditer(folded):
            if not text[m.start("name")].isupper():
                continue
            name, kind = self._lookup[m.group("name")]
            if kind == "province" and not m.group("prefix") and self.provinces[name].needs_prefix \
                    and m.group("name") == fold(name):
                continue
            out.append(Place(name, kind, m.start(), m.end(), bool(m.group("prefix"))))
        return out

    @lru_cache(maxsize=4)  # noqa: B019 - one Gazetteer per process; metadata and extract ask for the same text
    def bloc_mentions(self, text: str) -> tuple[BlocMention, ...]:
        folded = fold(text)
        out = []
        for m in self._bloc_re.finditer(folded):
            org = _ORG_BEFORE.search(folded, max(0, m.start() - 12), m.start())
            out.append(self._mention(text, m, org.start() if org else m.start(), bool(org)))
        if self._standalone_re:  # "Đảng bộ Cơ quan Dân chính Đảng": the organisation, named without "Khối"
            taken = [(b.start, b.end) for b in out]
            out += [self._mention(text, m, m.start(), True) for m in self._standalone_re.finditer(folded)
                    if not any(s < m.end() and m.start() < e for s, e in taken)]
        return tuple(sorted(out, key=lambda b: b.start))

    def _mention(self, text: str, m: re.Match[str], start: int, organisation: bool) -> BlocMention:
        p, n = ("province", "name") if m.re.groupindex.get("name_p") is None or m.group("name") else ("province_p", "name_p")
        province = self._lookup[m.group(p)][0] if m.group(p) else None
        if province and not text[m.start(p)].isupper():
            province = None
        return BlocMention(self._bloc_name[m.group(n)], start, m.end(), organisation, province)


@cache
def load() -> Gazetteer:
    return Gazetteer(load_data("gazetteer.toml"), load_data("blocs.toml"))


def slug(*parts: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "-", ascii_fold(p)).strip("-") for p in parts if p)


def bloc_id(province: str | None, bloc_type: str | None) -> str | None:
    """The stable key of a province bloc, e.g. 'an-giang-co-quan-doanh-nghiep'."""
    if not province or not bloc_type or bloc_type == "trung_uong":
        return None
    return slug(province, bloc_type.replace("_", "-"))
