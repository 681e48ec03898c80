"""A paragraph of quotation with no cue, right after narrative about one person, is that person's words.

"In his closing statement, Halvorsen returned to the story he has told at more than 90 stops. ¶ “When I was a
kid in Aberdeen …”": news introduces a speaker in one paragraph and quotes them in the next without a verb of
saying. Only when the quotation opens its paragraph, holds it alone, and the paragraph before is narrative
(it quotes nobody) with a person as its subject — the first main clause's: "In her opening statement, Szabó
described growing up …. Her father, László Szabó, fled Budapest …" is about her. Run before the inheritance of
speakers (inheritance.py), so that the paragraphs that continue the quotation follow it.
"""

from __future__ import annotations

from collections.abc import Callable

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.cues import paragraph_before
from annotext.analysis.inheritance import paragraph_is_only_quotes, starts_sentence
from annotext.analysis.quote_marks import QuoteMarks

def introduced_by_narrative(text: str, quotes: list[QuoteMarks], results: list[Attribution],
                            narrative_subject: Callable[[int, int], Attribution | None]) -> None:
    """Give, in place, each cue-less quotation that opens a paragraph of its own the person who is the subject
    of the narrative paragraph before it (`narrative_subject(start, end)`: that person in text[start:end], or
    None)."""
    for index, quote in enumerate(quotes):
        found = results[index]
        if found.speaker or found.cue or not paragraph_is_only_quotes(text, quote) \
                or not starts_sentence(text, quote):
            continue
        line_start = text.rfind("\n", 0, quote.start) + 1
        if text[line_start:quote.start].strip():
            continue
        opening, end = paragraph_before(text, line_start)
        if end == 0 or text[end - 1] not in ".!?" or _quotes_someone(quotes, results, index, opening):
            continue  # a headline, or a paragraph that quotes someone itself: the inheritance decides
        subject = narrative_subject(opening, end)
        if subject is not None:
            results[index] = Attribution(subject.speaker, subject.start, subject.end, None, True, "introduced")


def _quotes_someone(quotes: list[QuoteMarks], results: list[Attribution], index: int, opening: int) -> bool:
    """Whether a quotation before `index` that starts at or after `opening` (in the paragraph before) has a speaker."""
    other = index - 1
    while other >= 0 and quotes[other].start >= opening:
        if results[other].speaker:
            return True
        other -= 1
    return False
