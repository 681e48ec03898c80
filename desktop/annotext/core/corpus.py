"""The corpus view's plain data: which documents (a filter), and the rows the corpus tables, charts
and reports show. Built from SQL by annotext.storage.corpus_repo; nothing here touches a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

PERSON = "person"
ORGANISATION = "organisation"
OTHER = "other"  # a speaker described, not named ("a spokesman", "the report")

DAY, WEEK, MONTH = "day", "week", "month"


@dataclass(frozen=True, slots=True)
class CorpusFilter:
    """Which documents a corpus question is about; empty fields do not filter.

    Dates are ISO `YYYY-MM-DD` strings and inclusive; `source` is the outlet; `attrs` are exact
    key=value matches on document attributes; `tag` keeps documents with at least one passage
    tagged with that tag name.
    """

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()
    tag: str | None = None

    def describe(self) -> str:
        """One line for report headers and the view: what was selected."""
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        if self.source:
            parts.append(f"source {self.source}")
        parts += [f"{key} = {value}" for key, value in self.attrs]
        if self.tag:
            parts.append(f"tagged {self.tag}")
        return "; ".join(parts) or "all documents"


@dataclass(frozen=True, slots=True)
class CorpusPerson:
    """One corpus entry: a person (or a speaking organisation) over the selected documents."""

    name: str
    kind: str  # PERSON, ORGANISATION or OTHER
    documents: int
    mentions: int
    quotes: int
    quoted_words: int
    first_date: str | None
    last_date: str | None
    names: tuple[str, ...] = ()  # the per-document names grouped under this entry
    share: float = 0.0  # percent of all quoted words in the selection

    @property
    def is_organisation(self) -> bool:
        """Organisations that speak are listed with people, and marked."""
        return self.kind == ORGANISATION


@dataclass(frozen=True, slots=True)
class CorpusQuote:
    """One quotation of the corpus, with where to find it and a little context."""

    doc_id: int
    title: str
    date: str | None
    source: str | None
    start: int
    end: int
    speaker: str
    words: int
    content: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class CodedPassage:
    """One passage tagged with a code, anywhere in the selection (coding retrieval)."""

    annotation_id: int
    doc_id: int
    title: str
    date: str | None
    source: str | None
    start: int
    end: int
    exact: str
    comment: str
    coder: str
    tags: tuple[str, ...]
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class TimePoint:
    """Mentions and quotations in one period (day, week starting Monday, or month)."""

    period: str
    mentions: int
    quotes: int


@dataclass(slots=True)
class TagBySource:
    """How often each tag is used in each source: rows are tags, columns sources."""

    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, tag: str, source: str) -> int:
        """Passages with `tag` in documents of `source` (0 when none)."""
        return self.counts.get((tag, source), 0)


def with_shares(people: list[CorpusPerson], total: int | None = None) -> list[CorpusPerson]:
    """Each entry's share of voice: its quoted words as a percentage of `total`, all the words quoted
    with a known speaker in the selection (by default: of the entries listed)."""
    total = sum(p.quoted_words for p in people) if total is None else total
    if not total:
        return people
    return [replace(p, share=100.0 * p.quoted_words / total) for p in people]


def granularity(first: str | None, last: str | None) -> str:
    """Day, week or month buckets so that a time chart has a readable number of bars (≤ ~60)."""
    if not first or not last:
        return MONTH
    try:
        span = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
    except ValueError:
        return MONTH
    if span <= 45:
        return DAY
    if span <= 7 * 52:
        return WEEK
    return MONTH
