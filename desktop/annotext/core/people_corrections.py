"""Analyst corrections of the people index: rename, merge, split an alias off, "not a person", add.

They are kept apart from analysis results and keyed by names and text offsets, never by analysis
ids, so the same corrections apply to a stored result, a fresh one, or one from a newer model.
They are applied in the order they were made; each names people as they were at that moment, and a
name is also found among the aliases, so a newer model choosing another canonical form still matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from annotext.core.results import ENTITY, PERSON, CorrectionNote, Person
from annotext.core.span_index import SpanIndex
from annotext.core.spans import Span, sort_spans

RENAME, MERGE, SPLIT, NOT_PERSON, ADD_PERSON = "rename", "merge", "split", "not_person", "add_person"
ACTIONS = (RENAME, MERGE, SPLIT, NOT_PERSON, ADD_PERSON)
RELABELS = ("ORG", "GPE", "LOC", "NORP", "FAC")  # what a "not a person" can be instead


@dataclass(frozen=True, slots=True)
class PersonCorrection:
    """One decision of the analyst about the people of a document.

    - RENAME: person `name` is called `value` from now on;
    - MERGE: person `name` is the same as person `value` (whose name is kept);
    - SPLIT: the alias `value` of person `name` is a person of its own;
    - NOT_PERSON: `name` is not a person; `value` is its new entity label (ORG, GPE…) or None;
    - ADD_PERSON: the text [start, end) (`text`) names a person the model missed; `name` is the
      canonical name (the text itself unless the analyst typed another).
    """

    action: str
    name: str
    value: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    author: str = ""
    created_at: str = ""
    id: int | None = None

    def describe(self) -> str:
        """One line for undo menus, the CLI and reports."""
        if self.action == RENAME:
            return f"“{self.name}” renamed to “{self.value}”"
        if self.action == MERGE:
            return f"“{self.name}” merged into “{self.value}”"
        if self.action == SPLIT:
            return f"“{self.value}” split off from “{self.name}”"
        if self.action == NOT_PERSON:
            return f"“{self.name}” is not a person" + (f" ({self.value})" if self.value else "")
        return f"“{self.name}” added as a person"


def same_words(a: str, b: str) -> bool:
    """Whether two surface forms are the same name (line breaks and spacing ignored)."""
    return " ".join(a.split()) == " ".join(b.split())


class _People:
    """The people index being corrected: people by name, PERSON and other entities, quotations."""

    def __init__(self, people: list[Person], entities: list[Span], quotes: list[Span], text: str):
        self.people = {p.name: replace(p, aliases=list(p.aliases), corrections=list(p.corrections))
                       for p in people}
        self.entities = list(entities)
        self.quotes = list(quotes)
        self.text = text
        self.notes: list[CorrectionNote] = []
        self.not_people: set[str] = set()

    def find(self, name: str | None) -> Person | None:
        """The person called `name`, else the one with `name` among its aliases (same words)."""
        if not name:
            return None
        if name in self.people:
            return self.people[name]
        for person in self.people.values():
            if any(same_words(name, alias) for alias in [person.name, *person.aliases]):
                return person
        folded = " ".join(name.split()).casefold()
        return next((p for p in self.people.values() if p.name.casefold() == folded), None)

    def relink(self, old: str, new: str | None, mentions=lambda span: True) -> None:
        """Point mentions and quotations of `old` at `new` (None: at nobody)."""
        self.entities = [
            Span(e.start, e.end, e.kind, e.label, {**e.attrs, "person": new})
            if e.attrs.get("person") == old and mentions(e) else e for e in self.entities]

    def respeak(self, old: str, new: str, which=lambda quote: True) -> None:
        """Give the quotations of `old` (those `which` accepts) to `new`."""
        self.quotes = [Span(q.start, q.end, q.kind, q.label, {**q.attrs, "speaker": new})
                       if q.attrs.get("speaker") == old and which(q) else q for q in self.quotes]

    def rename(self, person: Person, new: str, note: str) -> None:
        if new in self.people and self.people[new] is not person:
            self.merge(person, self.people[new], note)
            return
        old = person.name
        del self.people[old]
        aliases = [a for a in person.aliases if not same_words(a, new)]
        if old in self.text and old not in aliases:
            aliases.insert(0, old)
        self.people[new] = replace(person, name=new, aliases=aliases, corrections=[*person.corrections, note])
        self.relink(old, new)
        self.respeak(old, new)

    def merge(self, source: Person, target: Person, note: str) -> None:
        forms = [source.name, *source.aliases, *target.aliases]
        aliases: list[str] = []
        for form in forms:
            if not same_words(form, target.name) and not any(same_words(form, a) for a in aliases):
                aliases.append(form)
        del self.people[source.name]
        target.aliases = aliases
        target.corrections = [*target.corrections, *source.corrections, note]
        self.relink(source.name, target.name)
        self.respeak(source.name, target.name)

    def split(self, person: Person, alias: str, note: str) -> bool:
        if not any(e.attrs.get("person") == person.name and same_words(e.text_in(self.text), alias)
                   for e in self.entities):
            return False
        if same_words(person.name, alias):  # the canonical form itself goes: the fullest alias left names the rest
            others = [a for a in person.aliases if not same_words(a, alias)]
            if not others:
                return False
            rest = " ".join(max(others, key=lambda a: (len(a.split()), len(a))).split())
            self.rename(person, rest, note)
            person = self.find(rest)
        moved = [e for e in self.entities
                 if e.attrs.get("person") == person.name and same_words(e.text_in(self.text), alias)]
        if not moved:
            return False
        new_name = " ".join(alias.split())
        ranges = [(e.start, e.end) for e in moved]
        self.relink(person.name, new_name, lambda e: (e.start, e.end) in ranges)
        self.respeak(person.name, new_name, lambda q: _speaker_in(q, ranges, self.text, alias))
        person.aliases = [a for a in person.aliases if not same_words(a, alias)]
        if note not in person.corrections:
            person.corrections = [*person.corrections, note]
        existing = self.people.get(new_name)
        if existing is None:
            self.people[new_name] = Person(new_name, [], corrections=[note])
        else:
            existing.corrections = [*existing.corrections, note]
        return True

    def not_person(self, person: Person, label: str | None, note: str) -> None:
        del self.people[person.name]
        self.not_people.update([person.name, *person.aliases])
        kept = []
        for entity in self.entities:
            if entity.attrs.get("person") != person.name:
                kept.append(entity)
            elif label:
                attrs = {k: v for k, v in entity.attrs.items() if k != "person"}
                kept.append(Span(entity.start, entity.end, ENTITY, label, {**attrs, "corrected": True}))
        self.entities = kept

    def add(self, correction: PersonCorrection, note: str) -> bool:
        start = _locate(self.text, correction.start, correction.end, correction.text or "")
        if start is None:
            return False
        surface = correction.text or ""
        name = correction.name or " ".join(surface.split())
        person = self.find(name)
        if person is None:
            person = self.people[name] = Person(name, [])
        self.not_people.discard(name)
        person.corrections = [*person.corrections, note]
        if not same_words(surface, person.name) and not any(same_words(surface, a) for a in person.aliases):
            person.aliases.append(surface)
        index = SpanIndex(sort_spans(self.entities))
        mentions = []
        for begin in _occurrences(self.text, surface):
            end = begin + len(surface)
            if not any(e.label == PERSON and e.start <= begin and end <= e.end and e.length > end - begin
                       for e in index.overlapping(begin, end)):  # not part of a longer name ("Ross" in "Ewan Ross")
                mentions.append((begin, end))
        replaced = {id(e) for begin, end in mentions for e in index.overlapping(begin, end)}
        self.entities = [e for e in self.entities if id(e) not in replaced]
        self.entities += [Span(b, e, ENTITY, PERSON, {"person": person.name, "corrected": True}) for b, e in mentions]
        self.quotes = [Span(q.start, q.end, q.kind, q.label, {**q.attrs, "speaker": person.name})
                       if any(_speaker_overlaps(q, b, e) for b, e in mentions) else q for q in self.quotes]
        self.entities = sort_spans(self.entities)
        return True

    def recount_mentions(self) -> None:
        """Mentions follow the corrected entities."""
        counts: dict[str, int] = {}
        for entity in self.entities:
            name = entity.attrs.get("person")
            if name:
                counts[name] = counts.get(name, 0) + 1
        for person in self.people.values():
            person.mentions = counts.get(person.name, 0)


def apply_people_corrections(people: list[Person], entities: list[Span], quotes: list[Span], text: str,
                             corrections: list[PersonCorrection]) -> "_People":
    """The people index with `corrections` applied in order; one that no longer finds its person is
    skipped (the analyst's later corrections still apply). Inputs are not modified."""
    index = _People(people, entities, quotes, text)
    for correction in corrections:
        note = correction.describe()
        person = index.find(correction.name)
        applied = True
        if correction.action == ADD_PERSON:
            applied = index.add(correction, note)
        elif person is None:
            applied = False
        elif correction.action == RENAME and correction.value:
            index.rename(person, " ".join(correction.value.split()), note)
        elif correction.action == MERGE:
            target = index.find(correction.value)
            applied = target is not None and target is not person
            if applied:
                index.merge(person, target, note)
        elif correction.action == SPLIT and correction.value:
            applied = index.split(person, correction.value, note)
        elif correction.action == NOT_PERSON:
            index.not_person(person, correction.value, note)
        else:
            applied = False
        if applied:
            index.notes.append(CorrectionNote(correction.name, note, correction.author, correction.created_at))
    index.recount_mentions()
    return index


def _speaker_in(quote: Span, ranges: list[tuple[int, int]], text: str, alias: str) -> bool:
    """Whether the quotation's speaker mention is one of `ranges`, or is written as `alias`."""
    start, end = quote.attrs.get("speaker_start"), quote.attrs.get("speaker_end")
    if start is None or end is None:
        return False
    return any(s < end and start < e for s, e in ranges) or same_words(text[start:end], alias)


def _speaker_overlaps(quote: Span, begin: int, end: int) -> bool:
    start, stop = quote.attrs.get("speaker_start"), quote.attrs.get("speaker_end")
    return start is not None and stop is not None and start < end and begin < stop


def _occurrences(text: str, surface: str) -> list[int]:
    """Starts of `surface` in `text` as whole words (not inside a longer word)."""
    if not surface.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [m.start() for m in pattern.finditer(text)]


def _locate(text: str, start: int | None, end: int | None, surface: str) -> int | None:
    """Where the corrected text is now: at its offsets if unchanged, else its nearest occurrence."""
    if not surface:
        return None
    if start is not None and end is not None and text[start:end] == surface:
        return start
    found = _occurrences(text, surface)
    if not found:
        return None
    return min(found, key=lambda s: abs(s - (start or 0)))
