"""The plain data passed between stages. Each stage takes and returns these, nothing else."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

META_FIELDS = ("province", "bloc_type", "congress_ordinal", "term", "congress_start", "published", "secretary")


@dataclass
class Article:
    """One input file, decoded and normalised (see `ingest`)."""

    id: str  # the file name, unique within the inputs folder
    path: Path
    sha256: str  # of the file's bytes
    text: str  # normalised text: what evidence quotes and spans index
    encoding: str
    title: str | None = None
    published: dt.datetime | None = None
    published_evidence: str | None = None
    outlet: str | None = None
    byline: str | None = None
    duplicate_of: str | None = None

    @property
    def content_key(self) -> str:
        """Articles with the same key are the same article saved twice."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Fact:
    """A metadata value and the piece of text it was read from."""

    value: str | int | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Metadata:
    province: Fact = field(default_factory=Fact)
    bloc_type: Fact = field(default_factory=Fact)
    congress_ordinal: Fact = field(default_factory=Fact)
    term: Fact = field(default_factory=Fact)
    congress_start: Fact = field(default_factory=Fact)
    published: Fact = field(default_factory=Fact)
    secretary: Fact = field(default_factory=Fact)
    # How the province was found: "bloc_name" (the bloc's own name), "prefixed" ("tỉnh X"),
    # "mention" (a bare place name), or None.
    province_source: str | None = None
    # Other values seen for a field, for the checker: congress ordinals, provinces, regions.
    seen: dict[str, list[Fact]] = field(default_factory=dict)
    # For `inspect`: each field's candidates (value, score, reasons, evidence) and why the value won.
    candidates: dict[str, list[dict]] = field(default_factory=dict)
    decisions: dict[str, str] = field(default_factory=dict)


@dataclass
class Observation:
    article: str
    indicator: str
    kind: str  # actual | target
    value: float
    unit: str
    period: str | None
    evidence: str  # the sentence the figure stands in
    start: int  # span of `evidence` in the article's normalised text
    end: int
    confidence: float
    qualifier: str | None = None  # more_than, at_least, about, ...
    figure: str = ""  # the figure as written ("5.356", "96,74%")
    figure_start: int = 0
    figure_end: int = 0


@dataclass
class Finding:
    """Something in the data a reader must know, as a code and its parameters; `wording.message`
    words it in the brief's language when it is read (a large corpus has thousands)."""

    severity: str  # error | warning | info
    code: str
    article: str | None = None
    bloc: str | None = None
    evidence: str | None = None
    params: dict = field(default_factory=dict)


def finding(severity: str, code: str, params: dict, article: str | None = None, bloc: str | None = None,
            evidence: str | None = None) -> Finding:
    """A finding, its parameters first: they are what a message is worded from."""
    return Finding(severity, code, article, bloc, evidence, params)


@dataclass
class ExtractedArticle:
    article: Article
    meta: Metadata
    observations: list[Observation]

    def renamed(self, path: Path) -> ExtractedArticle:
        """This result, for the file it now comes from: the same text may have been saved under
        another name, and whether it is a duplicate is decided afresh for each folder."""
        self.article.path = path
        self.article.duplicate_of = None
        if self.article.id != path.name:
            self.article.id = path.name
            for obs in self.observations:
                obs.article = path.name
        return self

    def to_plain(self) -> dict:
        """As JSON-able data (the extraction store keeps it so)."""
        article = asdict(self.article)
        article["path"] = str(self.article.path)
        article["published"] = self.article.published.isoformat() if self.article.published else None
        return {"article": article, "meta": asdict(self.meta), "observations": [asdict(o) for o in self.observations]}

    @classmethod
    def from_plain(cls, data: dict) -> ExtractedArticle:
        article = dict(data["article"])
        article["path"] = Path(article["path"])
        article["published"] = dt.datetime.fromisoformat(article["published"]) if article["published"] else None
        meta = dict(data["meta"])
        seen = {name: [Fact(**f) for f in facts] for name, facts in meta.pop("seen").items()}
        facts = {name: Fact(**value) if name in META_FIELDS else value for name, value in meta.items()}
        return cls(Article(**article), Metadata(**facts, seen=seen), [Observation(**o) for o in data["observations"]])


@dataclass
class Extraction:
    """Everything read from an inputs folder: the product of ingest + extract + check."""

    items: list[ExtractedArticle]
    findings: list[Finding]

    @property
    def observations(self) -> list[Observation]:
        return [o for item in self.items if not item.article.duplicate_of for o in item.observations]
