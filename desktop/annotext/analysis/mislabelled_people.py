"""People the model labelled as something else, recognised from the text itself.

The small model often calls an unfamiliar person an organisation or a place ("Carly Fiorina" ORG,
"Calderon" ORG). The text marks them: a relative "who", an honorific, a patronymic particle inside
the name ("Saoirse Ní Bhriain"), a person's role in apposition ("Fiorina, the former
Hewlett-Packard CEO"); and a known person's bare family name is theirs where it speaks or is the
subject of a verb ("Whitcombe said", "Calderon intimated").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annotext.analysis.evident_names import role_apposition_after
from annotext.analysis.given_names import given_name_gender
from annotext.analysis.name_completion import CAPITAL_PARTICLES
from annotext.analysis.names import (CAPITAL, HONORIFIC_BEFORE, NAME_SUFFIXES, ORGANISATION_WORDS, PARTICLES,
                                    PATRONYMIC_PARTICLES, TITLE_WORDS, headline_lines, looks_like_name,
                                    lower_case_words, name_words, particle_case, word_starts)
from annotext.core.results import ENTITY, PERSON
from annotext.core.spans import Span, offset_within

_WHO_AFTER = re.compile(r",?\s+who\s")
_AGE_OR_WHO_AFTER = re.compile(r",\s+(?:\d{1,3},|who\s)")
_PLACE_LIST_BEFORE = re.compile(r"(?:[A-Z][\w’'.-]*,\s+|\b(?:in|from|at|near)\s+)$")
_RECLAIMABLE = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}


def _patronymic_inside(surface: str) -> bool:
    words = surface.split()
    return 3 <= len(words) <= 4 and any(w in PATRONYMIC_PARTICLES for w in words[1:-1]) \
        and all(w[:1].isupper() or w in PATRONYMIC_PARTICLES for w in words)


def promote_evident_people(persons: list[Span], others: list[Span], text: str,
                           subjects: list[int] = ()) -> tuple[list[Span], list[Span]]:
    """Names the model mislabelled, recognised from the text itself: "Rivera, who …", "Mr Rivera",
    "Fiorina, the former Hewlett-Packard CEO", a patronymic particle inside ("Saoirse Ní Bhriain") or
    a "she says" that can only be them make the name a person, and with it "Diego Rivera" wherever it
    was labelled an organisation (as does a surname the model did call a person, when it speaks or is
    given an age: "Nguyen, 54, said" makes "Tuan Nguyen" a person). `subjects`: sorted start offsets of
    subject names."""
    evident: set[str] = set()
    person_starts = sorted(span.start for span in persons)
    known = {_particles_lowered(" ".join(name_words(span.text_in(text)))) for span in persons}  # "Ms Te Whata": Te Whata
    for span in others:
        surface = span.text_in(text)
        if span.label not in _RECLAIMABLE:
            continue
        if _full_name_of(surface, known):  # "Sem de Bruijn" (ORG) where "de Bruijn" is a person
            evident.add(surface)
            continue
        if not all(w[:1].isupper() or w in PATRONYMIC_PARTICLES for w in surface.split()):
            continue
        # "in Chelsea, who …" / "At a press conference in Chelsea, the mayor said": a place, then the clause
        placed = _PLACE_LIST_BEFORE.search(text, max(0, span.start - 30), span.start) is not None
        named_as = surface.split()[-1].lower() not in ORGANISATION_WORDS and not placed
        if (named_as and (_WHO_AFTER.match(text, span.end) or role_apposition_after(text, span.end))) \
                or _patronymic_inside(surface) or HONORIFIC_BEFORE.search(text, max(0, span.start - 8), span.start) \
                or _speaks_as_pronoun(span, text, subjects, person_starts) \
                or _speaks_with_given_name(span, text):
            evident.add(surface)
    for span in persons:  # "Nguyen, 54, said": then "Tuan Nguyen" (ORG) is that person too
        surface = span.text_in(text)
        if " " not in surface and (_AGE_OR_WHO_AFTER.match(text, span.end) or _REPORTS_AFTER.match(text, span.end)
                                   or HONORIFIC_BEFORE.search(text, max(0, span.start - 8), span.start)):
            evident.add(surface)
    if not evident:
        return persons, others
    kept, promoted = [], []
    headlines = headline_lines(text)
    for span in others:
        words = span.text_in(text).split()
        named = _without_leading_titles(span, text)  # "Spokeswoman Haley Morris", "GOP Rep McCaul"
        if len(words) > 1 and words[-1] in evident and any(s <= span.start < e for s, e in headlines):
            # "Rivals Gang Up on Front-Runner Halvorsen": a headline's capitals say nothing; the known name does
            named = Span(span.end - len(words[-1]), span.end, span.kind, span.label)
        named_words = named.text_in(text).split()
        is_person = span.text_in(text) in evident or (
            len(named_words) <= 3 and named_words[-1] in evident and all(w[:1].isupper() for w in named_words)
            and (len(named_words) > 1 or named is not span))
        if is_person and span.text_in(text) not in evident:
            span, words = named, named_words
        if span.label in _RECLAIMABLE and is_person:
            end = span.end
            if words[-1] in CAPITAL_PARTICLES:  # "Pádraig Mac" + "an tSaoi": a name does not end on a particle
                rest = _AFTER_PARTICLE.match(text, span.end)
                if rest is None:
                    kept.append(span)
                    continue
                end = rest.end()
            promoted.append(Span(span.start, end, ENTITY, PERSON))
        else:
            kept.append(span)
    return persons + promoted, kept


def _speaks_with_given_name(span: Span, text: str) -> bool:
    """"Carly Fiorina said Monday" (ORG) … "Fiorina told Fox": an organisation's name is a person's when it
    starts with a clearly gendered given name and both it and its last word alone are followed by "said"."""
    words = span.text_in(text).split()
    if span.label != "ORG" or not 2 <= len(words) <= 3 or given_name_gender(" ".join(words)) is None \
            or words[-1].lower() in ORGANISATION_WORDS or not _REPORTS_AFTER.match(text, span.end):
        return False
    return any(_REPORTS_AFTER.match(text, start + len(words[-1])) for start in word_starts(words[-1], text)
               if not span.start <= start < span.end)


def _particles_lowered(surface: str) -> str:
    return " ".join(particle_case(word) for word in surface.split())


def _full_name_of(surface: str, known: set[str]) -> bool:
    """Whether `surface` is a personal name whose family name (with its particles: "de Bruijn") is a person's
    in the text: "Sem de Bruijn", labelled an organisation, is that de Bruijn."""
    words = surface.split()
    while len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words = words[:-1]  # "Aroha Te Whata SC" where "Ms Te Whata" is a person
    surface = " ".join(words)
    if not 2 <= len(words) <= 4 or words[-1].lower() in ORGANISATION_WORDS or words[0].lower() in PARTICLES \
            or not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return False
    lowered = _particles_lowered(surface).split()
    if " ".join(lowered[1:]) in known and len(lowered) > 2 and lowered[0].replace("-", "").isalpha():
        return True  # one given name before a known family name of two words: "Aroha Te Whata"
    return any(" ".join(lowered[k:]) in known and any(w in PARTICLES for w in lowered[k:])
               for k in range(1, len(lowered)))


def _without_leading_titles(span: Span, text: str) -> Span:
    """The span without leading acronyms and titles, as long as a word remains."""
    surface = span.text_in(text)
    start = span.start
    for word in surface.split()[:-1]:
        if not (word.isupper() or word.lower().rstrip(".") in TITLE_WORDS):
            break
        start = text.index(word, start) + len(word)
        while text[start].isspace():
            start += 1
    return span if start == span.start else Span(start, span.end, span.kind, span.label, dict(span.attrs))


_REPORTS_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|adds|argued|argues|insisted|replied|wrote|warned)\b")


_AFTER_PARTICLE = re.compile(rf"[ \t\u00a0]+(?:(?:an|na|a’|a')[ \t\u00a0]+)?[a-z]?[{CAPITAL}][\w’'-]*")
_PRONOUN_SPEAKS = re.compile(r"\b(?:he|she)\s+(?:said|says|told|tells|added|adds)\b")


def _speaks_as_pronoun(span: Span, text: str, subjects: list[int], person_starts: list[int]) -> bool:
    """"Across the river, Jess Nakagawa kept the diner open. “…,” she says": a two- or three-word name
    that is a subject, in a paragraph where no person is named before the "she says" that follows it,
    is who speaks."""
    words = span.text_in(text).split()
    if not 2 <= len(words) <= 3 or any(w.lower() in ORGANISATION_WORDS for w in words) \
            or not looks_like_name(span.text_in(text)) or not offset_within(subjects, span):
        return False
    if any(w.lower() == w or word_starts(w.lower(), text) for w in words):  # "the Supreme Court … the court’s": ordinary words
        return False
    paragraph_start = text.rfind("\n", 0, span.start) + 1
    paragraph_end = text.find("\n", span.end)
    speaks = _PRONOUN_SPEAKS.search(text, span.end, len(text) if paragraph_end < 0 else paragraph_end)
    if speaks is None:
        return False
    index = bisect_left(person_starts, paragraph_start)
    return index >= len(person_starts) or person_starts[index] >= speaks.start()


def reclaim_surnames(persons: list[Span], others: list[Span], text: str, surnames: dict[str, int],
                     subjects: list[int] = ()) -> tuple[list[Span], list[Span]]:
    """A known person's bare surname that the model labelled a place or organisation ("Rivera said")
    becomes a PERSON, unless the word is mostly used for that other thing (Washington the city); a
    family name with a particle ("Van der Meulen") is never a place's or an organisation's. A
    mention a reporting verb follows ("Whitcombe said") or that is the subject of a verb (`subjects`:
    sorted start offsets of subject names, "Calderon intimated") counts as a person's, not the other thing's;
    one with an honorific ("Ms Pritchard-Evans") is always the person's. `surnames`: the known family
    names with how many mentions use them."""
    surnames = dict(surnames)
    lower_words = lower_case_words(text)
    for words in (s.text_in(text).split() for s in persons):  # "Wang Lei … Wang said": a family name written first
        if len(words) == 2 and words[0].lower() not in lower_words and words[0].lower() not in TITLE_WORDS:
            surnames.setdefault(words[0], 0)  # counts only where it speaks or is a subject
        if len(words) > 2 and looks_like_name(" ".join(words)) and words[0].lower() not in lower_words:
            for k in range(1, len(words) - 1):  # "Federico Ruiz de Azúa … Ruiz de Azúa said": both family names
                surnames.setdefault(" ".join(words[k:]), 0)
            if len(words) == 3 and words[1][:1].isupper():  # "Raúl Domínguez Treviño … Domínguez told": the first one
                surnames.setdefault(words[1], 0)
    other_uses: dict[str, int] = {}
    speaking: set[tuple[int, int]] = set()
    # "Keith Lamont Scott" (ORG) may be the Scott who speaks, not the known Rakeyia Scott
    # ("Todd asked Pence", a span with a verb in it, names nobody)
    other_bearers = {words[-1] for words in (o.text_in(text).split() for o in others)
                     if len(words) > 1 and all(word[:1].isupper() or word.lower() in PARTICLES for word in words)}
    for span in others:
        surface = span.text_in(text)
        if surface in surnames and surface not in other_bearers and (
                _REPORTS_AFTER.match(text, span.end) or offset_within(subjects, span)):
            speaking.add((span.start, span.end))
            surnames[surface] += 1
        else:
            other_uses[surface] = other_uses.get(surface, 0) + 1
    kept, reclaimed = [], []
    for span in others:
        surface = span.text_in(text)
        titled = _TITLED.match(surface)
        if span.label in _RECLAIMABLE and titled and titled.group(1) in surnames:  # "Ms Pritchard-Evans" (ORG)
            reclaimed.append(Span(span.start + titled.start(1), span.end, ENTITY, PERSON))
        elif span.label in _RECLAIMABLE and surface in surnames and (
                other_uses.get(surface, 0) <= surnames[surface] or " " in surface or (span.start, span.end) in speaking):
            reclaimed.append(Span(span.start, span.end, ENTITY, PERSON))
        else:
            kept.append(span)
    return persons + reclaimed, kept




_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(\S.*)$")
