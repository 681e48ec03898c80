"""Full names the model missed part of. "KILRUSH — Harbourmaster Ewan Ross" may be tagged nothing
and a later "Ross" tagged; "Tadhg O’Leary" may come out as "Tadhg", "Máire Ní Fhlaithearta" as "Ní
Fhlaithearta". A person known by such a partial form gets the full name the text writes around it
(role words, honorifics and ordinary words set aside), so the canonical name is the full name,
never the surname or first name alone. Only when the text gives exactly one full form. Also here: a
family name tagged alone right after another given name ("Ella MacKinnon" beside "Fiona MacKinnon"),
and two parts of one name with only particles between them ("Kiprotich arap Sang").
"""

from __future__ import annotations

import re

from annotext.analysis.given_names import given_name_gender, is_census_name
from annotext.analysis.names import (CAPITAL, ORGANISATION_WORDS, PARTICLES, SMALL, TITLE_WORDS, headline_lines,
                                    looks_like_name, lower_case_words, name_words, word_starts)
from annotext.core.results import ENTITY, PERSON
from annotext.core.spans import Span, sort_spans

_HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"}
CAPITAL_PARTICLES = {"Ó", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua", "Van", "Von", "De", "Di", "Da", "Du", "Del", "Della",
                     "Le", "La", "Al", "El", "Bin", "Ibn", "Abu", "Dos", "Das", "Ter", "Ten", "Op"}
_BEFORE_END = re.compile(rf"((?:[{CAPITAL}][\w’'.-]*[ \t\u00a0]+){{1,4}})$")
_AFTER_START = re.compile(r"(?:[ \t\u00a0]+(?:Ó|Ní|Nic|Mac|Uí|Van|Von|De|Di|Da|Du|Le|La|van|von|de|der|den|di|da|du|le|la))*"
                          rf"[ \t\u00a0]+[{CAPITAL}][\w’'-]+(?![\w’'])")


def complete_first_names(persons: list[Span], others: list[Span], text: str, name_words) -> list[Span]:
    """New PERSON spans for partial names (one word, or a family name with its particle) whose
    full form the text writes once or more."""
    partial: set[str] = set()
    complete_words: set[str] = set()
    for span in persons:
        words = name_words(span.text_in(text))
        if len(words) == 1 or (len(words) == 2 and words[0] in CAPITAL_PARTICLES):
            partial.add(" ".join(words))
        elif words:
            complete_words.update(words)
    lower_words = lower_case_words(text)
    taken = [(s.start, s.end) for s in others] + headline_lines(text)  # a headline's capitals say nothing
    added: list[Span] = []
    for form in sorted(partial):
        if not form[:1].isupper() or any(w in complete_words for w in form.split()):
            continue
        forms: dict[str, list[tuple[int, int]]] = {}
        for start, end, name in _written_before(form, text, lower_words) + _written_after(form, text, lower_words):
            if looks_like_name(name) and not any(s < end and start < e for s, e in taken):
                forms.setdefault(name, []).append((start, end))
        if len(forms) == 1:
            added.extend(Span(start, end, ENTITY, PERSON) for start, end in next(iter(forms.values())))
    return added


def _name_word(word: str, lower_words: set[str]) -> bool:
    bare = word.lower().rstrip(".")
    return not (bare in TITLE_WORDS or bare in _HONORIFIC_WORDS or word.lower() in lower_words or word.isupper())


def _written_before(form: str, text: str, lower_words: set[str]) -> list[tuple[int, int, str]]:
    """"Harbourmaster Ewan Ross" for "Ross": capitalised name words right before the form."""
    found = []
    for start in word_starts(form, text, apostrophes=False):
        match = _BEFORE_END.search(text, max(0, start - 80), start)
        if match is None:
            continue
        before = match.group(1).split()
        while before and not _name_word(before[0], lower_words):
            before.pop(0)
        if not before or not all(_name_word(w, lower_words) for w in before):
            continue
        name = " ".join(before + [form])
        end = start + len(form)
        if text[end - len(name):end] == name:
            found.append((end - len(name), end, name))
    return found


def _written_after(form: str, text: str, lower_words: set[str]) -> list[tuple[int, int, str]]:
    """"Tadhg O’Leary" for "Tadhg": a family name (with its particles) right after a first name."""
    if " " in form:
        return []
    found = []
    for start in word_starts(form, text, apostrophes=False):
        match = _AFTER_START.match(text, start + len(form))
        if match is None or "\n" in match.group(0) or not _name_word(match.group(0).split()[-1], lower_words):
            continue
        found.append((start, match.end(), " ".join(text[start:match.end()].split())))
    return found


_PARTICLES_ONLY = re.compile(r"(?:[ \t]+(?:%s))+[ \t]+" % "|".join(sorted(PARTICLES, key=len, reverse=True)))
_SENTENCE_START = re.compile(r"(?:^|[.!?:;”’\"]\s*|\n\s*)$")  # "Later Merkel left": any word opens a sentence
_CAPITALISED_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]*[ \t]+$")
_GIVEN_BEFORE = re.compile(rf"(?<![\w’'.-])([{CAPITAL}][{SMALL}’'-]+)[ \t]+$")
# "Slovenia’s Žiga Kovačič", "Colombia’s Juan Esteban Quintero Ríos": capitalised words between an owner and a name
_GIVEN_AFTER_OWNER = re.compile(rf"[’']s[ \t]+((?:[{CAPITAL}][{SMALL}’'-]+[ \t]+){{1,2}})$")


def with_given_names(persons: list[Span], others: list[Span], text: str) -> list[Span]:
    """"Ella MacKinnon" where only "Fiona MacKinnon" was tagged in full: a family name written alone is
    extended over a capitalised word right before it that is not an ordinary word of the text, a title or
    another entity — another given name of that family (the model often misses a name in the opening
    sentence, and tags its family name alone)."""
    lower_words = lower_case_words(text)
    families = {words[-1] for words in (name_words(s.text_in(text)) for s in persons) if len(words) > 1}
    taken = sorted([(s.start, s.end) for s in others] + headline_lines(text))  # a headline's capitals say nothing
    extended = []
    for span in persons:
        owned = _GIVEN_AFTER_OWNER.search(text, max(0, span.start - 50), span.start)
        if owned is not None and not any(word.lower() in lower_words or word.lower() in TITLE_WORDS
                                         for word in owned.group(1).split()) \
                and not any(s < span.start and owned.start(1) < e for s, e in taken):
            extended.append(Span(owned.start(1), span.end, span.kind, span.label, dict(span.attrs)))
            continue
        given = _GIVEN_BEFORE.search(text, max(0, span.start - 30), span.start) \
            if span.text_in(text) in families else None
        if given is not None and given.group(1).lower() not in lower_words \
                and given.group(1).lower().rstrip(".") not in TITLE_WORDS \
                and not any(s < given.end(1) and given.start(1) < e for s, e in taken) \
                and not _CAPITALISED_BEFORE.search(text, max(0, given.start(1) - 30), given.start(1)) \
                and not _SENTENCE_START.search(text, max(0, given.start(1) - 5), given.start(1)) \
                and not any(p.start <= given.start(1) < p.end for p in persons):  # not "the Coalition Against Trump"
            span = Span(given.start(1), span.end, span.kind, span.label, dict(span.attrs))
        extended.append(span)
    return extended


def joined_over_particles(persons: list[Span], text: str) -> list[Span]:
    """"Dr Kiprotich" + "arap" + "Sang", "Ludwig" + "van" + "Beethoven": two PERSON spans with only particles
    between them are one name."""
    ordered = sort_spans(persons)
    joined: list[Span] = []
    for span in ordered:
        if joined and _PARTICLES_ONLY.fullmatch(text, joined[-1].end, span.start):
            joined[-1] = Span(joined[-1].start, span.end, ENTITY, PERSON)
            continue
        joined.append(span)
    return joined


_SECOND_FAMILY_NAME = re.compile(rf"[ \t]+([{CAPITAL}][{SMALL}]+)(?=[ \t]+[a-z]|[,.;:])")


def with_second_family_names(persons: list[Span], others: list[Span], text: str) -> list[Span]:
    """"Raúl Domínguez" + "Treviño sued …": a given name and a family name the model tagged, followed by one more
    capitalised word that is a family name of the census lists, no ordinary word of the text and no other
    entity, before a lower-case word: the second family name of a Spanish or Portuguese name."""
    lower_words = lower_case_words(text)
    taken = sorted((s.start, s.end) for s in others)
    extended = []
    for span in persons:
        words = span.text_in(text).split()
        match = _SECOND_FAMILY_NAME.match(text, span.end) if len(words) == 2 else None
        if match is not None and given_name_gender(" ".join(words)) is not None \
                and is_census_name(match.group(1)) and match.group(1).lower() not in lower_words \
                and match.group(1).lower() not in ORGANISATION_WORDS \
                and not any(s < match.end(1) and match.start(1) < e for s, e in taken):
            span = Span(span.start, match.end(1), span.kind, span.label, dict(span.attrs))
        extended.append(span)
    return extended
