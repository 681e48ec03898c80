"""Who a question was put to: "Whitcomb also pressed Krishnamurthy on reports that …" — the next
"he said" is the person asked, not the asker who is the sentence's subject.

News reports an interview or a hearing as a question told in the narrative and the answer quoted
after it; the answer's pronoun cue then points past the nearest subject (the asker) to the object of
the asking verb. A request ("asked him to resign") is not a question: the asker goes on speaking.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annotext.core.results import PERSON
from annotext.core.spans import Span

_ASKING = re.compile(r"\b(?:asked|asking|asks|pressed|pressing|presses|questioned|questioning|quizzed|grilled|"
                     r"challenged|challenging|put it to|put to)\s+(?=\S)")
# what follows the person asked when it is a question, not a request ("asked her to …")
_QUESTION_AFTER = re.compile(r"[’']?s?\s*(?:,|on\b|about\b|over\b|whether\b|if\b|why\b|what\b|how\b|when\b|where\b|"
                             r"who\b|which\b|that\b|again\b|directly\b)")
_OBJECT_PRONOUN = re.compile(r"(him|her)\b")
_SENTENCE_END = re.compile(r"[.!?](?:[”’\"]|\s)|\n")


def question_addressee(text: str, asker: Span, entities: list[Span], entity_starts: list[int]) -> Span | str | None:
    """The person the asker's sentence puts a question to, after the asker and before the sentence ends: a
    PERSON span, or "him"/"her" for an object pronoun; None when the sentence asks nobody a question."""
    end = _SENTENCE_END.search(text, asker.end)
    limit = end.start() if end else len(text)
    verb = _ASKING.search(text, asker.end, limit)
    if verb is None:
        return None
    at = verb.end()
    pronoun = _OBJECT_PRONOUN.match(text, at)
    if pronoun is not None:
        return pronoun.group(1) if _QUESTION_AFTER.match(text, pronoun.end()) else None
    index = bisect_left(entity_starts, at)
    if index < len(entities) and entities[index].start == at and entities[index].label == PERSON \
            and _QUESTION_AFTER.match(text, entities[index].end):
        return entities[index]
    return None
