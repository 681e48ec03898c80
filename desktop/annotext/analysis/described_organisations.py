""""The company said", "the report concludes": the organisation or document the article named.

A news reader knows that "the union" is the union the article introduced ("the drivers' union,
the Associated Society of Tramway Staff") and "the report" the report it named ("the Castlegate
report"). Only a textual link counts: the organisation's own name holds the noun ("the
Scottish Environment Protection Agency" for "the agency"), or an apposition or a noun right before
the name gives it ("The heritage body An Taisce", "Hartwell & Pierce, the department store
company"); failing that, the organisation that spoke just before ("Elections Canada said. … The agency
said"), when no other was named since. Without either the description stays as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from annotext.core.spans import Span

ORGANISATION_NOUNS = frozenset("""
company firm union council agency ministry department body group bank regulator watchdog authority
commission board association charity organisation organization party airline retailer university
hospital trust committee institute office service club insurer lender chain operator utility
cooperative co-op federation league society foundation court government administration academy
centre center network carrier manufacturer developer owner shipowner
""".split())
DOCUMENT_NOUNS = frozenset("""report study review survey inquiry audit paper plan memo letter
document analysis assessment filing""".split())
_ORGANISATION_LABELS = {"ORG", "NORP", "FAC"}
_NAME_BEFORE_DOCUMENT = r"((?:[A-Z][\w’'&.-]*\s+){1,4})"


def described_organisation(noun: str, before: int, text: str, entities: list[Span],
                           starts: list[int]) -> str | None:
    """The name that "the <noun>" at offset `before` stands for, or None. `starts`: the sorted start
    offsets of `entities`."""
    if noun in DOCUMENT_NOUNS:
        return _named_document(noun, before, text)
    if noun not in ORGANISATION_NOUNS:
        return None
    word = re.compile(rf"(?<![\w’']){re.escape(noun)}(?![\w’'-])", re.IGNORECASE)
    right_before = re.compile(rf"(?<![\w’']){re.escape(noun)},?\s+(?:the\s+)?$", re.IGNORECASE)  # "The heritage body An Taisce"
    for index in range(bisect_left(starts, before) - 1, -1, -1):
        span = entities[index]
        if span.label not in _ORGANISATION_LABELS or span.end > before:
            continue
        name = span.text_in(text)
        if word.search(name) or right_before.search(text, max(0, span.start - 40), span.start) \
                or word.search(_apposition(text, span.end)):
            return name
    return None


def organisation_in_focus(noun: str, before: int, text: str, entities: list[Span], starts: list[int],
                          speaks: Callable[[Span], bool], quoted: Callable[[int], bool] = lambda at: False) -> str | None:
    """"Elections Canada said … The agency said": with no textual link, the organisation that last
    spoke, in this paragraph or the one before, when no other organisation was named since (but in
    the sentence where it spoke: "X said it would appeal to the EU's General Court") and its name
    holds no other kind of organisation ("… General Hospital" is not "the regulator") — a news
    reader's "the company" continues the organisation just quoted. `quoted`: whether an offset is inside
    a quotation."""
    window_start = focus_window_start(before, text)
    passed: list[Span] = []  # organisations named since, not speaking: only allowed in the speaker's own sentence
    for index in range(bisect_left(starts, before) - 1, -1, -1):
        span = entities[index]
        if span.end > before or span.label not in _ORGANISATION_LABELS or quoted(span.start):
            continue  # an organisation inside a quotation is spoken of, not speaking
        if span.start < window_start or span.label != "ORG":
            return None
        name = span.text_in(text)
        if not speaks(span):
            passed.append(span)
            continue
        same_sentence = all(not re.search(r"[.!?]\s", text[span.end:other.start]) for other in passed)
        return name if same_sentence and fits_noun(name, noun) else None
    return None


def focus_window_start(before: int, text: str) -> int:
    """Where the paragraph before the one holding `before` starts: how far back focus reaches."""
    paragraph_start = text.rfind("\n", 0, before) + 1
    previous_end = len(text[:paragraph_start].rstrip())
    return text.rfind("\n", 0, previous_end) + 1


def fits_noun(name: str, noun: str) -> bool:
    """"the regulator" can be "The Information Commissioner’s Office", not "Calderbrook General
    Hospital": every organisation noun in the name is of `noun`'s kind."""
    kind = next((family for family in _KINDS if noun in family), {noun})
    return {word.lower() for word in re.findall(r"[\w-]+", name)} & ORGANISATION_NOUNS <= kind


# Organisation nouns that can name the same organisation ("the regulator" may be an "Office", "the
# company" a "Group"); any other noun is a kind of its own (a hospital, a union, a club).
_KINDS = (
    frozenset("""agency authority body board commission council department ministry office regulator watchdog
        service administration government committee institute""".split()),
    frozenset("""company firm group carrier operator owner shipowner developer manufacturer retailer chain
        lender insurer bank airline utility network cooperative co-op""".split()),
)


def _apposition(text: str, end: int) -> str:
    """", the department store company," after a name: up to the next comma or full stop."""
    match = re.match(r",\s+(?:a|an|the|its)\s+[^,.;:\n]{0,50}", text[end:end + 60])
    return match.group(0) if match else ""


def _named_document(noun: str, before: int, text: str) -> str | None:
    """"the Castlegate report": the latest capitalised name written right before the noun."""
    pattern = re.compile(rf"{_NAME_BEFORE_DOCUMENT}{re.escape(noun)}\b")
    found = None
    for match in pattern.finditer(text, max(0, before - 3000), before):
        name = match.group(1).split()
        while name and name[0].lower() in {"the", "a", "an", "this", "that", "its", "their"}:
            name.pop(0)
        if name:
            found = f"{' '.join(name)} {noun}"
    return found


_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w’'&.-]*\s+)(?:(?:of|for|and|on|the|&|[A-Z][\w’'&.-]*)\s+){0,6}"
                              r"[A-Z][\w’'&.-]*)\s+\(([A-Z][A-Za-z]{1,6})\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """"the Athletics Integrity Unit (AIU)": each acronym the text defines, with the name it stands for
    (its words' initials must spell it), so that "the AIU said" speaks as the Athletics Integrity Unit."""
    found = {}
    for match in _DEFINED_ACRONYM.finditer(text):
        words = match.group(1).split()
        acronym = match.group(2)
        for start in range(len(words)):
            initials = "".join(w[0] for w in words[start:] if w[0].isupper())
            if initials.upper() == acronym.upper() and words[start][0].isupper():
                found[acronym] = " ".join(words[start:])
                break
    return found



def organisations_in_full(text: str, results: list) -> None:
    """In place: "the AIU said" speaks as "the Athletics Integrity Unit (AIU)", the name the article defined.
    (A short name is not expanded to a longer one named earlier: articles and readers use both.)"""
    acronyms = defined_acronyms(text)
    for found in results:
        short = found.speaker.removeprefix("the ").removeprefix("The ") if found.speaker else None
        if short in acronyms and not found.is_person:
            found.speaker = acronyms[short]
