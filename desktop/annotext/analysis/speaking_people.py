"""Every person who speaks is in the people index, under the same canonical name as in the quotes.

Attribution can find speakers the model did not tag as people (a name in apposition, a dash
signature); this step adds them to the people index with all their mentions, or gives a speaker
written with part of a known name that person's canonical name.
"""

from __future__ import annotations

import re
from bisect import insort

from annotext.analysis.evident_names import PERSON_NOUNS
from annotext.analysis.names import looks_like_name, word_starts
from annotext.analysis.not_people import not_a_person
from annotext.analysis.people import compatible_names, name_words, overlaps_any
from annotext.core.results import ENTITY, Person
from annotext.core.spans import Span, sort_spans

PERSON = "PERSON"


def _introduced_with_role(name: str, text: str) -> bool:
    """"Gareth Davies, the head of the National Audit Office, said": a name the model took for an
    organisation is a person's when an apposition gives it a person's role."""
    pattern = re.compile(rf"{re.escape(name)},\s+(?:the|a|an|its|[A-Z][\w’'.-]*(?:’s|'s))\s+(?:[\w’'-]+\s+){{0,3}}?([a-z-]+)\b")
    return any(match.group(1) in PERSON_NOUNS for match in pattern.finditer(text))


def _not_a_person(speaker: str, text: str) -> bool:
    """The people index's own checks (analysis/not_people.py) on a speaker it never saw as a name."""
    mentions = [Span(start, start + len(speaker), ENTITY, PERSON) for start in word_starts(speaker, text)]
    return not_a_person(" ".join(name_words(speaker)), mentions, text, titled=False) is not None


_NOT_PEOPLE_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def add_speakers(entities: list[Span], people: list[Person], quotes: list[Span], text: str) -> list[Span]:
    """Every person who speaks is in the people index: a speaker with a personal name the model
    missed ("the bank's finance director, Olga Brandt, told analysts") becomes a person with all
    their mentions; a speaker written with part of a known name takes that person's canonical name.
    Updates `people` and the quotes' speakers in place; returns the new entity list."""
    known = {p.name: p for p in people}
    others = {span.text_in(text) for span in entities if span.label in _NOT_PEOPLE_LABELS}
    added: dict[str, Person] = {}
    rejected: set[str] = set()  # speakers the not-a-person checks turned down (checked once each)
    for quote in quotes:
        speaker = quote.attrs.get("speaker")
        if not speaker or speaker in known or quote.attrs.get("kind") == "scare":
            continue
        words = name_words(speaker)
        if len(words) < 2 or not looks_like_name(speaker) or (speaker in others and not _introduced_with_role(speaker, text)):
            continue
        match = next((p for p in people if compatible_names(words, name_words(p.name)) or
                      compatible_names(name_words(p.name), words)), None)
        if match is not None and len(name_words(match.name)) >= len(words):
            quote.attrs["speaker"] = match.name
            continue
        if speaker in rejected or (speaker not in added and _not_a_person(speaker, text)):
            rejected.add(speaker)
            continue  # "Crestline Health said in a statement": an organisation speaks, not a person
        added.setdefault(speaker, Person(name=" ".join(words), aliases=[], mentions=0))
        quote.attrs["speaker"] = " ".join(words)
    if not added:
        return entities
    taken = sorted((s.start, s.end) for s in entities if s.label == PERSON)
    kept = list(entities)
    for form, person in added.items():
        for start in word_starts(form, text):
            end = start + len(form)
            if overlaps_any(taken, start, end):
                continue
            kept = [s for s in kept if not (s.start < end and start < s.end)]
            kept.append(Span(start, end, ENTITY, PERSON, {"person": person.name}))
            insort(taken, (start, end))
            person.mentions += 1
        person.mentions = max(person.mentions, 1)
        people.append(person)
    people.sort(key=lambda p: (-p.mentions, p.name))
    return sort_spans(kept)
