"""Full names the model missed part of. "KILRUSH — Harbourmaster Ewan Ross" may be tagged nothing
and a later "Ross" tagged; "Tadhg O’Leary" may come out as "Tadhg", "Máire Ní Fhlaithearta" as "Ní
Fhlaithearta". A person known by such a partial form gets the full name the text writes around it
(role words, honorifics and ordinary words set aside), so the canonical name is the full name,
never the surname or first name alone. Only when the text gives exactly one full form.
"""

from __future__ import annotations

import re

from annotext.analysis.names import TITLE_WORDS, headline_lines, looks_like_name, lower_case_words, word_starts
from annotext.core.results import ENTITY, PERSON
from annotext.core.spans import Span

_HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"}
CAPITAL_PARTICLES = {"Ó", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua", "Van", "Von", "De", "Di", "Da", "Du", "Del", "Della",
                     "Le", "La", "Al", "El", "Bin", "Ibn", "Abu", "Dos", "Das", "Ter", "Ten", "Op"}
_BEFORE_END = re.compile(r"((?:[A-ZÀ-Þ][\w’'.-]*[ \t\u00a0]+){1,4})$")
_AFTER_START = re.compile(r"(?:[ \t\u00a0]+(?:Ó|Ní|Nic|Mac|Uí|Van|Von|De|Di|Da|Du|Le|La|van|von|de|der|den|di|da|du|le|la))*"
                          r"[ \t\u00a0]+[A-ZÀ-Þ][\w’'-]+(?![\w’'])")


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
