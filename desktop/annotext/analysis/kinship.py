"""Who "his wife", "her husband" or "her father" is: the relative the article named as such.

Human-interest passages quote a person's relative by kinship alone: "She and her husband, Stan, stopped at the
picket line. … ‘I blame whoever’s in charge,’ her husband said"; "Gary and Denise Lott … ‘He’s got my
attention,’ his wife said"; "His daughter, Lotte van Dam, drove the second tractor. … ‘She’s braver than
me,’ her father said" (the father is the man whose daughter she was introduced as). Text patterns and the
given-name genders only (given_names.py); no list of people. Used by the reference resolution (references.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotext.analysis.gender import FEMALE, MALE
from annotext.analysis.given_names import given_name_gender
from annotext.analysis.names import CAPITAL
from annotext.core.results import PERSON
from annotext.core.spans import Span

KIN_GENDER = {"wife": FEMALE, "husband": MALE, "father": MALE, "mother": FEMALE, "daughter": FEMALE, "son": MALE,
              "brother": MALE, "sister": FEMALE, "widow": FEMALE, "widower": MALE, "partner": None}
# the relation seen from the other side: "her father" is the one whose daughter she was introduced as
_CHILDREN = {"father": ("daughter", "son", "child"), "mother": ("daughter", "son", "child")}
_WINDOW = 2000
_NAME = rf"[{CAPITAL}][\w’'-]+(?:[ \t]+(?:van|von|de|der|den|da|du|la|le|[{CAPITAL}][\w’'-]+)){{0,3}}"
_COUPLE = re.compile(rf"\b([{CAPITAL}][a-z]+)[ \t]+and[ \t]+([{CAPITAL}][a-z]+)[ \t]+([{CAPITAL}][\w’'-]+)\b")


def kin_named(kin: str, before: int, text: str, persons: list[Span], person_of: Callable[[Span], str],
              salient: Callable[[Span], bool], fits: Callable[[str, str | None], bool]) -> str | None:
    """The canonical name of the person the text introduced as a `kin` ("wife", "father") before offset
    `before`, or None: "her husband, Stan", "his wife Yvette Broussard", one of a couple "Gary and Denise
    Lott" by given name, or for a parent the subject named before "His daughter, Lotte van Dam" (`salient`:
    whether a mention is a subject; `fits(name, gender)`: whether what the article says of the person fits)."""
    start = max(0, before - _WINDOW)
    introduced = re.compile(rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:[a-z-]+[ \t]+)?{re.escape(kin)},?[ \t]+({_NAME})")
    found = None
    for match in introduced.finditer(text, start, before):
        found = _person_at(match.start(1), persons, person_of) or " ".join(match.group(1).split())
    if found is not None:
        return found
    gender = KIN_GENDER.get(kin)
    if kin in ("wife", "husband") and gender is not None:
        for match in _COUPLE.finditer(text, start, before):
            for given in (match.group(1), match.group(2)):
                if given_name_gender(f"{given} {match.group(3)}") == gender:
                    found = _person_at(match.start(1) if given == match.group(1) else match.start(2), persons,
                                       person_of) or f"{given} {match.group(3)}"
        if found is not None:
            return found
    if kin in _CHILDREN:
        child = re.compile(rf"\b(?:[Hh]is|[Hh]er)[ \t]+(?:{'|'.join(_CHILDREN[kin])}),[ \t]+{_NAME}")
        last = None
        for match in child.finditer(text, start, before):
            last = match
        if last is not None:
            parents = [span for span in persons if span.end <= last.start() and salient(span)
                       and fits(person_of(span), gender)]
            return person_of(parents[-1]) if parents else None
    return None


def _person_at(offset: int, persons: list[Span], person_of: Callable[[Span], str]) -> str | None:
    """The canonical name of the PERSON mention starting at `offset`, if any."""
    return next((person_of(span) for span in persons if span.start == offset and span.label == PERSON), None)
