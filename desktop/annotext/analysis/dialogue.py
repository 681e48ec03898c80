"""Exchanges: a run of quotations each alone in its paragraph, with no cue, is two people taking turns.

A hearing, an interview or a cross-examination is printed as "“Who knew?” ¶ “People in the air traffic
organization knew.” ¶ “Has anybody been fired?”": once a question has passed between two people, each
cue-less paragraph is the other party's turn — after a question, before a new question, when the
quotation addresses the last speaker by name ("Wrong, Mr McTernan, or criminal?"), and after a turn
that was itself the other party's. The other party is the other speaker of the run so far, else the
person a quotation of the run was put to ("“Would you …?” Iturriaga asked O'Keefe."), else the
person the narrative paragraph before the run named besides the last speaker ("At one point Mr
O’Rourke turned to Ms Ní Bhriain directly."), else the speaker just before the run (the one interrupted).
Without a question the paragraph continues its speaker
(inheritance.py).
"""

from __future__ import annotations

from collections.abc import Callable

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.cues import paragraph_before
from annotext.analysis.quote_marks import QuoteMarks

DIALOGUE = "dialogue"
_RUN_LIMIT = 8  # quotations to look back through for the other party


def other_party_turn(text: str, quotes: list[QuoteMarks], results: list[Attribution], index: int,
                     chained: Callable[[int], bool], named_in: Callable[[int, int], list[Attribution]],
                     addressed: Callable[[QuoteMarks], list[str]]) -> Attribution | None:
    """The other party's turn for the cue-less quotation `index` (alone in its paragraph, right after
    quotation index - 1 of a person), or None when it continues the last speaker. `chained(i)`: quotation
    i follows i - 1 with no narrative between; `named_in(start, end)`: the people named there outside
    quotations, as attributions to their mentions; `addressed(quote)`: people a quotation addresses by name."""
    last = results[index - 1]
    found = _other_party(text, quotes, results, index, chained, named_in, last.speaker)
    if found is None:
        return None
    other = found.speaker
    content, before = quotes[index].content(text), quotes[index - 1].content(text)
    names = addressed(quotes[index])
    if other in names:
        return None  # "…, Senator Ruiz": spoken to the other party, so by the last speaker
    if last.speaker in names or asks_question(before) or (asks_question(content) and not asks_question(before)) or last.via == DIALOGUE:
        return Attribution(other, found.start, found.end, None, found.is_person, DIALOGUE)
    return None


def _other_party(text: str, quotes: list[QuoteMarks], results: list[Attribution], index: int, chained: Callable[[int], bool],
                 named_in: Callable[[int, int], list[Attribution]], speaker: str | None) -> Attribution | None:
    """The other speaker of the run of quotations ending at index - 1, else a person besides the speakers named
    after a quotation of the run in its paragraph (the one its cue asked), else the person besides `speaker`
    named last in the narrative right before the run, else the speaker of the quotation before the run."""
    first = index - 1
    while first > 0 and index - first < _RUN_LIMIT and chained(first):
        first -= 1
        found = results[first]
        if found.speaker and found.speaker != speaker:  # a person, or "one reporter"
            return found
    for position in range(index - 1, first - 1, -1):  # "“Would you …?” Iturriaga asked O'Keefe.": the one asked
        end = text.find("\n", quotes[position].end)
        asked = [person for person in named_in(quotes[position].end, len(text) if end < 0 else end)
                 if person.speaker != speaker and person.speaker != results[position].speaker]
        if asked:
            return asked[-1]
    opening = quotes[first].start
    narrative = text.rfind("\n", 0, opening) + 1  # the run's own text before its first quotation …
    if not text[narrative:opening].strip():  # … or, when the run opens its paragraph, the paragraph before it
        narrative = paragraph_before(text, narrative)[0]
    named = next((person for person in reversed(named_in(narrative, opening)) if person.speaker != speaker), None)
    if named is not None or first == 0:
        return named
    before = results[first - 1]  # "… not a license,” Ashcroft-Bell said. ¶ Justice Delgado cut in. “Counsel, …?”"
    return before if before.is_person and before.speaker and before.speaker != speaker else None


def asks_question(content: str) -> bool:
    """Whether a quotation ends with a question (or is cut off mid-question: "Who …?—")."""
    return content.rstrip().rstrip("”’\"'—–-").rstrip().endswith("?")
