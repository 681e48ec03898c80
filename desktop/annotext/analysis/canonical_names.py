"""Canonical names: which words of a name found in the text are the person's name.

"Republican Donald Trump" is Donald Trump (a group's name before a name used without it), "While
Sanders" is Sanders (a word that only opens sentences), "Billionaire Donald Trump" and "Texas Senator
Ted Cruz" lose what stands before the name, but "Debbie Wasserman Schultz" keeps her first name and
a peer or judge known only by title keeps it ("Lady Adebayo-Clarke"). Used by the people index
(people.py).
"""

from __future__ import annotations

import re
from typing import Iterable

from annotext.analysis.names import (HONORIFICS, PARTICLES, PATRONYMIC_PARTICLES, ROLE_WORDS, TITLE_WORDS,
                                     after_title_of_place, lower_case_words, name_words, word_starts)
from annotext.core.spans import Span

_LEADING_NOT_NAME = {"follow", "contact", "email", "meet", "via", "photo", "credit", "by", "with", "and", "billionaire",
                     "millionaire", "tycoon", "mogul", "legend", "star", "icon", "rapper", "actor", "actress"}
# Words that open a sentence but never a name ("Meanwhile Rihanna", "While Sanders", "Though Delaware").
FUNCTION_WORDS = frozenset("""meanwhile though although while whereas when whenever after before as if unless but and
or so yet also still then now here there since because unlike like including despite during under according
asked says said thanks what which who how why where""".split())
_DETERMINER = re.compile(r"(?<![\w’'])(?:the|a|an)\s+$")
_STYLE_BEFORE = re.compile(r"(?<![\w’'])((?:(?:Mr|Mrs|Ms|Lord|Lady)\.?\s+)?Justice|Lord|Lady|Baroness|Baron|Viscount"
                           r"|Viscountess|Earl|Countess|Pope|King|Queen|Emperor|Empress|Sultan)\s+$")
_REGNAL_NUMBER = re.compile(r"[IVXL]+")
# given names that look like a verb's -ing form; any other such word before a full name opens a clause
_GIVEN_NAMES_IN_ING = frozenset({"irving", "sterling", "king", "fleming", "manning", "harding", "browning", "darling",
                                 "ewing", "golding", "channing", "stirling", "hastings", "sing", "ming", "ling",
                                 "ping", "ying", "ting", "qing", "jing", "ding"})



def without_modifier(name: str, forms: Iterable[str], text: str, others: list[Span]) -> str:
    """"Republican Donald Trump", "Senator Jo Hale": a word before a full name that the text also uses
    apart from it as a group's name or in lower case, while the name is also used without it, is a
    modifier, not a first name ("Debbie" in "Debbie Wasserman Schultz" is kept)."""
    words = name.split()
    forms = list(forms)
    if len(words) > 2 and words[0][:1].isupper() and _always_after_determiner(" ".join(words), text):
        words = words[1:]  # "the Brazilian Thiago Conceição": nobody says "the Thiago"
    while len(words) > 2 and not _particle(words[1]) and any(name_words(form) == words[1:] for form in forms):
        tail = " ".join(words[1:])
        apart = [start for start in word_starts(words[0], text) if not text.startswith(tail, start + len(words[0]) + 1)]
        group = any(e.label == "NORP" and e.start <= start < e.end for start in apart for e in others)
        if not (group or words[0].lower() in lower_case_words(text)):  # "the Republican nominee", "a former senator"
            break  # maybe a given name: "Debbie Wasserman Schultz", "Osman Abu Laban"
        words = words[1:]
    return " ".join(words)


def _always_after_determiner(name: str, text: str) -> bool:
    """Whether every use of `name` follows "the"/"a"/"an" (so its first word describes the person)."""
    starts = word_starts(name, text)
    return bool(starts) and all(_DETERMINER.search(text, max(0, start - 5), start) for start in starts)


def styled(name: str, mentions: list[Span], text: str) -> str:
    """"Lady Adebayo-Clarke", "Mr Justice Anand-Rowe", "Pope Clement XV": a peer, a judge or a monarch the
    article names only by title and one name is called so; the name alone would be anyone's."""
    if " " in name and not _REGNAL_NUMBER.fullmatch(name.partition(" ")[2]):
        return name  # only a one-word name, or a regnal name ("Clement XV"), is known by its style
    titles = [match.group(1) for m in mentions if text.endswith(name, 0, m.end)
              and (match := _STYLE_BEFORE.search(text, max(0, m.end - len(name) - 20), m.end - len(name))) is not None]
    return f"{max(titles, key=titles.count)} {name}" if titles else name


def _particle(word: str) -> bool:
    return word.lower() in PARTICLES or word in PATRONYMIC_PARTICLES


def without_opening_word(span: Span, text: str) -> Span:
    """"While Sanders", "Meanwhile Rihanna": a word that only opens sentences is not part of a name."""
    surface = span.text_in(text)
    first, _, rest = surface.partition(" ")
    if not rest or first.lower() not in FUNCTION_WORDS:
        return span
    start = span.start + len(surface) - len(rest)
    return Span(start, span.end, span.kind, span.label, dict(span.attrs))


def trim_leading_words(span: Span, text: str, lower_words: set[str]) -> Span:
    """"Billionaire Donald Trump", "Follow Pam Key": a leading word that the text also writes in lower
    case, or a role word, is not part of the name (as long as two name words remain); a word that
    only opens sentences ("Meanwhile Rihanna") never is."""
    surface = span.text_in(text)
    start = span.start
    while True:
        words = surface.split()
        first = words[0].lower().rstrip(".") if words else ""
        if len(words) < 2 or (len(words) == 2 and first not in FUNCTION_WORDS):
            break
        gerund = len(words) > 2 and first.endswith("ing") and first not in _GIVEN_NAMES_IN_ING  # "Invoking Ronald Reagan"
        if first in HONORIFICS or not (first in ROLE_WORDS or first in _LEADING_NOT_NAME or first in lower_words
                                       or first in FUNCTION_WORDS or gerund):
            break
        cut = surface.index(words[1], len(words[0]))
        start += cut
        surface = surface[cut:]
    words = surface.split()
    if len(words) > 2 and after_title_of_place(text, start):
        cut = surface.index(words[1], len(words[0]))  # "Ambassador to Poland Charles Whitcombe": the place is the title's
        start += cut
        surface = surface[cut:]
        words = words[1:]
    cut = max((i for i, word in enumerate(words[:-1]) if word.endswith(("’s", "'s")) or
               (i >= 1 and word.lower().rstrip(".") in TITLE_WORDS) or
               (i >= 1 and word.isdigit() and len(words) - i > 2)), default=None)  # "Former British No 1 Marta …"
    if cut is not None:  # "Texas Senator Ted Cruz", "Breitbart London’s Raheem Kassam": the name follows
        offset = 0
        for word in words[:cut + 1]:
            offset = surface.index(word, offset) + len(word)
        offset = surface.index(words[cut + 1], offset)
        start += offset
    return span if start == span.start else Span(start, span.end, span.kind, span.label, dict(span.attrs))


def with_initials(span: Span, text: str) -> Span:
    """"J.P. Arsenault": initials written together belong to the name the model began at the last one."""
    start = span.start
    while start >= 2 and text[start - 1] == "." and text[start - 2].isupper() and (start < 3 or not text[start - 3].isalnum()) \
            and text[start:start + 1].isupper():
        start -= 2
    return span if start == span.start else Span(start, span.end, span.kind, span.label, dict(span.attrs))
