"""Who a question or a quotation is addressed to: "Whitcomb also pressed Krishnamurthy on reports that …" — the next
"he said" is the person asked, not the asker who is the sentence's subject.

News reports an interview or a hearing as a question told in the narrative and the answer quoted
after it; the answer's pronoun cue then points past the nearest subject (the asker) to the object of
the asking verb. A request ("asked him to resign") is not a question: the asker goes on speaking.
A quotation that addresses someone ("Wrong, Mr McTernan, or criminal?", "No, Judge,") is not theirs: the
people it addresses are listeners for its "he"/"she" and mark turns in an exchange (dialogue.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.gender import PRONOUN_GENDER
from annotext.analysis.quote_marks import QuoteMarks
from annotext.core.results import PERSON
from annotext.core.spans import Span

_ASKING = re.compile(r"\b(?:asked|asking|asks|pressed|pressing|presses|questioned|questioning|quizzed|grilled|"
                     r"challenged|challenging|put it to|put to)\s+(?=\S)")
# what follows the person asked when it is a question, not a request ("asked her to …")
_QUESTION_AFTER = re.compile(r"[’']?s?\s*(?:,|on\b|about\b|over\b|whether\b|if\b|why\b|what\b|how\b|when\b|where\b|"
                             r"who\b|which\b|that\b|again\b|directly\b)")
_OBJECT_PRONOUN = re.compile(r"(him|her)\b")
_ASKED_SUBJECT = re.compile(r"(?:whether|if)\s+(he|she)\b")
_SENTENCE_END = re.compile(r"[.!?](?:[”’\"]|\s)|\n")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\w+ly\s+)?$")


def question_addressee(text: str, asker: Span, entities: list[Span], entity_starts: list[int]) -> Span | str | None:
    """The person the asker's sentence puts a question to, after the asker and before the sentence ends: a
    PERSON span, or "him"/"her" for an object pronoun; None when the sentence asks nobody a question."""
    end = _SENTENCE_END.search(text, asker.end)
    limit = end.start() if end else len(text)
    verb = _ASKING.search(text, asker.end, limit)
    if verb is None or _PASSIVE_BEFORE.search(text, asker.end, verb.start()):
        return None  # "Lefèvre was asked whether he …": the subject is the one asked
    at = verb.end()
    subject = _ASKED_SUBJECT.match(text, at)  # "asked whether she believed …": she was asked
    if subject is not None:
        return {"he": "him", "she": "her"}[subject.group(1)]
    pronoun = _OBJECT_PRONOUN.match(text, at)
    if pronoun is not None:
        return pronoun.group(1) if _QUESTION_AFTER.match(text, pronoun.end()) else None
    index = bisect_left(entity_starts, at)
    if index < len(entities) and entities[index].start == at and entities[index].label == PERSON \
            and _QUESTION_AFTER.match(text, entities[index].end):
        return entities[index]
    return None


# A name spoken to: set off by a comma (or opening the quotation) and closed by a comma or the sentence's end.
_VOCATIVE_BEFORE = re.compile(r"(?:,|(?:Mr|Mrs|Ms|Dr|Senator|Justice|Judge|Governor|Minister)\.?)\s+(?:(?:Mr|Mrs|Ms|Dr|Senator|Justice|Judge|Governor|Minister)\.?\s+)?$")
_VOCATIVE_TITLE = re.compile(r"(?:^|(?<=[“\"‘,]\s)|(?<=[“\"‘]))(Judge|Senator|Governor|Minister|Chairman|Chairwoman|Coach|"
                             r"Doctor|Detective|Inspector|Councillor|Commissioner|Secretary)(?=[,.?!])")
_VOCATIVE_AFTER = re.compile(r"[’']?\s*[,.?!—]")


class Addressing:
    """Who a quotation or a question is addressed to; mixed into the reference resolution, which provides
    the text, the entities and their lookups, the quotation lookup and the gender test."""

    text: str
    entities: list[Span]
    _entity_starts: list[int]
    _persons: list[Span]
    in_quote: Callable[[int], bool]
    _fits: Callable[[str, str | None], bool]
    _person: Callable[[Span], Attribution]
    _role_holder: Callable[..., str | None]

    def _asked(self, asker: Span, pronoun: str | None) -> Span | None:
        """"Whitcomb pressed Krishnamurthy on …" / "MacNeil pressed her on whether …": the person the subject
        put a question to answers, when the pronoun fits them (question_addressee)."""
        if not pronoun:
            return None
        asked = question_addressee(self.text, asker, self.entities, self._entity_starts)
        if isinstance(asked, str):  # "her": the latest other person named before the asker that fits
            if PRONOUN_GENDER.get(asked) != PRONOUN_GENDER.get(pronoun):
                return None
            asker_name = asker.attrs.get("person")
            asked = next((span for span in reversed(self._persons) if span.end <= asker.start
                          and span.attrs.get("person") != asker_name and not self.in_quote(span.start)), None)
        if asked is None or asked.attrs.get("person") == asker.attrs.get("person"):
            return None
        return asked if self._fits(asked.attrs.get("person") or asked.text_in(self.text), pronoun) else None

    def _named_in(self, start: int, end: int) -> list[Attribution]:
        """People named in text[start:end] outside quotations, in text order, as attributions to each mention."""
        index = bisect_right(self._entity_starts, start - 1)
        names = []
        while index < len(self.entities) and self.entities[index].start < end:
            span = self.entities[index]
            index += 1
            if span.label == PERSON and not self.in_quote(span.start):
                names.append(self._person(span))
        return names

    def _addressed(self, quote: QuoteMarks) -> list[str]:
        """People a quotation addresses by name ("…, Mr McTernan, or criminal?", "There is, Dana.") or by
        the title the article introduced them with ("No, Judge," is not the judge's answer)."""
        titles = [self._role_holder(match.group(1).lower(), [], quote.start)
                  for match in _VOCATIVE_TITLE.finditer(self.text, quote.start, quote.end)]
        index = bisect_right(self._entity_starts, quote.start)
        names = []
        while index < len(self.entities) and self.entities[index].end <= quote.end:
            span = self.entities[index]
            index += 1
            before = self.text[max(quote.start, span.start - 12):span.start]
            if span.label == PERSON and _VOCATIVE_AFTER.match(self.text, span.end) \
                    and (_VOCATIVE_BEFORE.search(before) or span.start <= quote.start + 1):
                names.append(span.attrs.get("person") or span.text_in(self.text))
        return names + [title for title in titles if title]
