"""Analyst corrections of quotations (speaker, "not a quotation", scare or speech, a quotation the
detector missed) and their application, with the people corrections, on top of any analysis.

Corrections are stored apart from analysis results and keyed by text offsets and the quoted text,
so they survive re-analysis (a new model or analyser version) and are what the reader, panels and
exports show.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from annotext.core.people_corrections import PersonCorrection, apply_people_corrections
from annotext.core.results import QUOTE, SCARE, AnalysisResult, CorrectionNote, Person, recount_quotes
from annotext.core.spans import Span, sort_spans

SPEECH = "speech"
KINDS = (SCARE, SPEECH)
QUOTE_LABEL = "QUOTE"


@dataclass(frozen=True, slots=True)
class QuoteCorrection:
    """What the analyst decided about the quotation at [start, end) whose text was `quote_text`.

    `speaker_set` False keeps the detected speaker (only the kind or "added" was decided); `added`
    marks a quotation the detector missed; `kind` is "scare", "speech" or None (as detected).
    """

    start: int
    end: int
    quote_text: str
    speaker: str | None = None
    not_quote: bool = False
    speaker_set: bool = True
    kind: str | None = None
    added: bool = False
    author: str = ""
    updated_at: str = ""

    def describe(self) -> str:
        """One line for the CLI and reports."""
        parts = []
        if self.added:
            parts.append("marked as a quotation")
        if self.not_quote:
            parts.append("not a quotation")
        elif self.speaker_set:
            parts.append(f"speaker set to {self.speaker}" if self.speaker else "speaker removed")
        if self.kind and not self.not_quote:
            parts.append("a scare quote" if self.kind == SCARE else "speech")
        return ", ".join(parts) or "as detected"


def quote_content(text: str) -> str:
    """The words of a quotation without the quotation marks around them (any Unicode quote)."""
    marks = {"\"", "'"}
    stripped = text.strip()
    while stripped and (stripped[0] in marks or unicodedata.category(stripped[0]) in ("Pi", "Pf")):
        stripped = stripped[1:]
    while stripped and (stripped[-1] in marks or unicodedata.category(stripped[-1]) in ("Pi", "Pf")):
        stripped = stripped[:-1]
    return stripped.strip()


def _find(quotes: list[Span], correction: QuoteCorrection, text: str) -> int | None:
    """Index of the quote a correction refers to: same place and text, else same text nearest, else
    (another analyser drew the quotation's bounds a little differently) the quotation that shares
    most of its text with the corrected one, at least four fifths of each."""
    candidates = [i for i, q in enumerate(quotes) if q.text_in(text) == correction.quote_text]
    if candidates:
        return min(candidates, key=lambda i: abs(quotes[i].start - correction.start))
    if text[correction.start:correction.end] != correction.quote_text:
        return None  # the text itself changed here: offsets mean nothing any more

    def shared(quote: Span) -> int:
        return max(0, min(quote.end, correction.end) - max(quote.start, correction.start))

    close = [i for i, q in enumerate(quotes)
             if 5 * shared(q) >= 4 * q.length and 5 * shared(q) >= 4 * (correction.end - correction.start)]
    return max(close, key=lambda i: shared(quotes[i]), default=None)


def _place(correction: QuoteCorrection, text: str) -> tuple[int, int] | None:
    """Where an analyst-marked quotation is in `text`: its offsets, else its nearest occurrence."""
    if text[correction.start:correction.end] == correction.quote_text:
        return correction.start, correction.end
    starts, position = [], text.find(correction.quote_text)
    while position >= 0 and correction.quote_text:
        starts.append(position)
        position = text.find(correction.quote_text, position + 1)
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - correction.start))
    return start, start + len(correction.quote_text)


def apply_corrections(result: AnalysisResult, corrections: list[QuoteCorrection], text: str,
                      people_corrections: list[PersonCorrection] = ()) -> AnalysisResult:
    """A copy of `result` with the analyst's people and quotation corrections applied, and the
    mentions, quotations and share of voice recomputed: what every view and export shows."""
    if not corrections and not people_corrections:
        return result
    index = apply_people_corrections(result.people, result.entities, result.quotes, text, people_corrections)
    quotes = list(index.quotes)
    notes = list(index.notes)
    hidden: list[Span] = []
    removed: set[int] = set()
    typed_speakers: list[str] = []
    for correction in corrections:
        position = _find(quotes, correction, text)
        if position is None:
            place = _place(correction, text) if correction.added else None
            if place is None:
                continue
            quotes.append(Span(place[0], place[1], QUOTE, QUOTE_LABEL, {
                "content": quote_content(text[place[0]:place[1]]), "speaker": None, "speaker_start": None,
                "speaker_end": None, "cue": None, "added": True}))
            position = len(quotes) - 1
        quote = quotes[position]
        attrs = dict(quote.attrs, corrected=True)
        if correction.author:
            attrs["corrected_by"] = correction.author
        if correction.speaker_set:
            person = index.find(correction.speaker)
            speaker = person.name if person else (" ".join(correction.speaker.split()) if correction.speaker else None)
            attrs.update(speaker=speaker, cue="corrected by analyst", speaker_start=None, speaker_end=None)
            if speaker and person is None and speaker not in index.not_people and not correction.not_quote:
                typed_speakers.append(speaker)
        if correction.kind:
            attrs["kind"] = correction.kind
        quotes[position] = Span(quote.start, quote.end, quote.kind, quote.label, attrs)
        if correction.not_quote:
            removed.add(position)
            hidden.append(quotes[position])
        notes.append(CorrectionNote(f"“{_snippet(quotes[position].attrs.get('content', ''))}”",
                                    correction.describe(), correction.author, correction.updated_at))
    kept = sort_spans(q for i, q in enumerate(quotes) if i not in removed)
    people = list(index.people.values())
    for name in dict.fromkeys(typed_speakers):
        if name not in index.people:
            people.append(Person(name, [], corrections=["named as a speaker by the analyst"]))
    recount_quotes(people, kept)
    people.sort(key=lambda p: (-p.mentions, -p.quotes, p.name))
    return AnalysisResult(result.text_sha256, result.model, result.analyser_version,
                          sort_spans(index.entities), kept, people, sort_spans(hidden), notes)


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def speakers_by_distance(people: list[Person], entities: list[Span], start: int, end: int) -> list[str]:
    """People's names, nearest mention to the quotation [start, end) first: whoever is named next to
    a quotation is the likeliest speaker, so the speaker picker lists them first."""
    nearest: dict[str, int] = {}
    for entity in entities:
        name = entity.attrs.get("person")
        if name:
            gap = max(0, entity.start - end, start - entity.end)
            nearest[name] = min(gap, nearest.get(name, gap))
    order = {p.name: i for i, p in enumerate(people)}
    return sorted(order, key=lambda name: (name not in nearest, nearest.get(name, 0), order[name]))
