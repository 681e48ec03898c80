"""Analyst corrections of detected quotations: another speaker, or "not a quote".

Corrections are stored apart from analysis results and applied on top of them, so they survive
re-analysis (a new model or analyser version) and are what the reader, panels and exports show.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from annotext.core.results import AnalysisResult, recount_quotes
from annotext.core.spans import Span


@dataclass(frozen=True, slots=True)
class QuoteCorrection:
    """What the analyst decided about the quotation at [start, end) whose text was `quote_text`."""

    start: int
    end: int
    quote_text: str
    speaker: str | None = None
    not_quote: bool = False


def _find(quotes: list[Span], correction: QuoteCorrection, text: str) -> int | None:
    """Index of the quote a correction refers to: same place and text, else same text nearest."""
    candidates = [i for i, q in enumerate(quotes) if q.text_in(text) == correction.quote_text]
    if not candidates:
        return None
    return min(candidates, key=lambda i: abs(quotes[i].start - correction.start))


def apply_corrections(result: AnalysisResult, corrections: list[QuoteCorrection], text: str) -> AnalysisResult:
    """A copy of `result` with corrections applied and the people's quote counts recomputed."""
    if not corrections:
        return result
    quotes = list(result.quotes)
    removed: set[int] = set()
    aliases = {alias: person.name for person in result.people for alias in [person.name, *person.aliases]}
    for correction in corrections:
        index = _find(quotes, correction, text)
        if index is None:
            continue
        if correction.not_quote:
            removed.add(index)
            continue
        quote = quotes[index]
        speaker = aliases.get(correction.speaker, correction.speaker) if correction.speaker else None
        attrs = dict(quote.attrs, speaker=speaker, cue="corrected by analyst", corrected=True,
                     speaker_start=None, speaker_end=None)
        quotes[index] = Span(quote.start, quote.end, quote.kind, quote.label, attrs)
    kept = [q for i, q in enumerate(quotes) if i not in removed]
    people = copy.deepcopy(result.people)
    recount_quotes(people, kept)
    return AnalysisResult(result.text_sha256, result.model, result.analyser_version,
                          list(result.entities), kept, people)
