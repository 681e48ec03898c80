"""A name set off by commas between a subject and its verb ("A spokeswoman for the Department of Homeland
Security, Angela Prieto-Marsh, said"): the name is who speaks, however the parser attached it.

The small model often hangs such a name on the preposition before it ("for … Marsh") instead of on the
subject, so the dependency arc alone misses it; the commas around it, with the verb right after, do not.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annotext.core.spans import Span

_OPENS = re.compile(r",\s*(?:the\s+|The\s+)?$")
_CLOSES = re.compile(r"\s*,\s*(?:[a-z]+ly\s+)?$")  # "…, Angela Prieto-Marsh, said" / ", …, also said"
_CLAUSE_BREAK = re.compile(r"[.;:!?“”\"‘’]\s|,\s+(?:which|who|whose|that|where)\b")  # not in an aside's own clause


def comma_apposed(text: str, entities: list[Span], entity_starts: list[int], after: int, verb_start: int,
                  labels: set[str]) -> Span | None:
    """The entity of one of `labels` written ", Name," right before the verb, after the subject that ends at
    `after`; None when anything but an aside separates the subject from the verb."""
    if verb_start <= after or _CLAUSE_BREAK.search(text, after, verb_start):
        return None
    index = bisect_left(entity_starts, after)
    candidate = None
    while index < len(entities) and entities[index].end <= verb_start:
        candidate = entities[index]
        index += 1
    if candidate is None or candidate.label not in labels:
        return None
    window = text[max(after, candidate.start - 8):candidate.start]
    if not _OPENS.search(window) or not _CLOSES.fullmatch(text, candidate.end, verb_start):
        return None
    return candidate
