"""What one document contributes to the corpus: who is mentioned and who is quoted, and how much.

Computed from a corrected analysis result (so the corpus agrees with what the reader shows) and
stored in the summary tables, from which the corpus view aggregates in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotext.core.corpus import ORGANISATION, OTHER, PERSON
from annotext.core.results import AnalysisResult

# Entity labels whose speakers are institutions rather than people ("the ministry said", "China said").
INSTITUTION_LABELS = frozenset({"ORG", "GPE", "NORP"})
_ARTICLES = ("the ", "a ", "an ")


@dataclass(slots=True)
class SpeakerTotals:
    """One name of the document: a person, or a speaker that is not in the people index."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    quotes: int = 0
    quoted_words: int = 0


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quotation (speech, not scare quotes) with its speaker and length in words."""

    start: int
    end: int
    speaker: str | None
    words: int
    content: str


@dataclass(slots=True)
class DocSummary:
    """Everything the corpus tables hold for one document."""

    people: list[SpeakerTotals]
    quotes: list[QuoteRow]


def _key(name: str) -> str:
    lowered = " ".join(name.split()).casefold()
    for article in _ARTICLES:
        if lowered.startswith(article):
            return lowered[len(article):]
    return lowered


def summarise(result: AnalysisResult, text: str) -> DocSummary:
    """The document's speakers and quotations; speakers outside the people index are marked as
    organisations when the text names them as one (an ORG/GPE/NORP entity), else as `other`."""
    quotes = []
    for quote in result.quotes:
        if quote.attrs.get("kind") == "scare":
            continue  # words held at a distance are not speech
        content = quote.attrs.get("content") or quote.text_in(text)
        speaker = quote.attrs.get("speaker") or None
        quotes.append(QuoteRow(quote.start, quote.end, speaker, len(content.split()), content))
    totals: dict[str, SpeakerTotals] = {}
    for person in result.people:
        totals[person.name] = SpeakerTotals(person.name, PERSON, list(person.aliases), person.mentions)
    institutions: dict[str, int] = {}
    institution_spans = []
    for entity in result.entities:
        if entity.label in INSTITUTION_LABELS:
            key = _key(entity.text_in(text))
            institutions[key] = institutions.get(key, 0) + 1
            institution_spans.append((entity.start, entity.end))
    for quote, span in zip(quotes, [q for q in result.quotes if q.attrs.get("kind") != "scare"]):
        if quote.speaker is None:
            continue
        entry = totals.get(quote.speaker)
        if entry is None:
            key = _key(quote.speaker)
            start, end = span.attrs.get("speaker_start"), span.attrs.get("speaker_end")
            overlaps = start is not None and end is not None and any(s < end and start < e for s, e in institution_spans)
            is_institution = key in institutions or overlaps
            entry = totals[quote.speaker] = SpeakerTotals(quote.speaker, ORGANISATION if is_institution else OTHER,
                                                          mentions=institutions.get(key, 0))
        entry.quotes += 1
        entry.quoted_words += quote.words
    return DocSummary(list(totals.values()), quotes)
