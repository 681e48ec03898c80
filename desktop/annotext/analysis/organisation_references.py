"""References to organisations and documents: who "the company", "the regulator" or "the memo" is.

Mixed into the reference resolution (references.py), which provides the text, the entities and
their lookups, the quotations' inside test and the attributions made so far. The textual links
themselves are in described_organisations.py and document_authors.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from annotext.analysis.appositions import comma_apposed
from annotext.analysis.attribution_record import Attribution
from annotext.analysis.cues import SUBJECT_DEPS, sentence_start
from annotext.analysis.described_organisations import (ORGANISATION_NOUNS, described_organisation, fits_noun,
                                                       focus_window_start, organisation_in_focus)
from annotext.analysis.document_authors import AUTHORED_NOUNS, document_author
from annotext.analysis.names import name_words
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.core.results import PERSON
from annotext.core.spans import Span

# A name followed by a reporting verb ("Elections Canada said", "Ann Lee, the skipper’s wife, said").
SPEAKS_NEXT = re.compile(r"(?:,[^,.;:“”\"\n]{1,80},)?\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|explained|"
                          r"insisted|argued|warned|wrote|noted|replied|recalled|admitted|stressed)\b")


_OWNER_PRONOUNS = {"his": "he", "her": "she"}


class OrganisationReferences:
    """Descriptions of organisations and documents; mixed into ReferenceResolution."""

    text: str
    entities: list[Span]
    _entity_starts: list[int]
    _person_forms: dict[str, str]
    results: list[Attribution]
    entity_at: Callable[[int], Span | None]
    in_quote: Callable[[int], bool]
    _person: Callable[[Span], Attribution]
    _resolve_pronoun: Callable[..., Attribution | None]
    _resolve_it: Callable[..., Attribution | None]
    _role_holder: Callable[..., str | None]

    def _described_organisation(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"the company said", "the report concludes": the organisation or document named earlier;
        "her email warned", "Eze's letter said": the person whose document it is."""
        owner = next((t for t in parse.toks if t.head == tok.i and t.i < tok.i and t.dep == "poss"), None)
        if owner is not None and tok.lower in AUTHORED_NOUNS:
            if owner.lower in _OWNER_PRONOUNS:
                return self._resolve_pronoun(owner, pronoun=_OWNER_PRONOUNS[owner.lower])
            if owner.lower == "its":  # "Its latest weekly report warned": the organisation spoken of
                return self._resolve_it(parse, owner)
            entity = self.entity_at(owner.start)  # "Eze's letter warned"
            if entity is not None and entity.label == PERSON:
                return self._person(entity)
        sender = next((o for t in parse.toks if t.head == tok.i and t.dep == "prep" and t.lower == "from"
                       for o in parse.toks if o.head == t.i and o.dep == "pobj"), None) \
            if tok.lower in AUTHORED_NOUNS else None
        entity = self.entity_at(sender.start) if sender is not None else None
        if entity is not None and entity.label == PERSON:  # "One 2017 email from Sven-Erik Lundqvist … described"
            return self._person(entity)
        determiners = [t for t in parse.toks if t.head == tok.i and t.i < tok.i and t.dep == "det"]
        if not tok.text.islower() or not determiners or determiners[0].lower not in {"the", "a", "an"}:
            return None
        author = document_author(tok.lower, tok.start, self.text)
        if author is not None:  # "the memo said": the memo's author, as the article gives it
            words = name_words(author)  # "Emergency Management Commissioner Lachlan Fraser-Dunne": the name at its end
            person = next((found for i in range(len(words)) if (found := self._person_forms.get(" ".join(words[i:])))),
                          None)
            role = author.split()[-1].lower() if author.lower().startswith("the ") and len(author.split()) == 2 else None
            person = person or (self._role_holder(role, [], tok.start) if role else None)  # "The mayor … issued a statement"
            return Attribution(person or author, tok.start, tok.end, is_person=person is not None)
        if determiners[0].lower != "the":
            return None
        name = described_organisation(tok.lower, tok.start, self.text, self.entities, self._entity_starts)
        if name is None and tok.lower in ORGANISATION_NOUNS:
            name = organisation_in_focus(tok.lower, tok.start, self.text, self.entities, self._entity_starts,
                                         lambda span: SPEAKS_NEXT.match(self.text, span.end) is not None,
                                         self.in_quote) \
                or self._organisation_quoted_last(tok)
        return None if name is None else Attribution(name, tok.start, tok.end)

    def _apposed_organisation(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"Germany's financial regulator, BaFin, said", "The heritage body An Taisce said": the name in
        apposition to an organisation noun is who speaks."""
        if tok.lower not in ORGANISATION_NOUNS or not tok.text.islower():
            return None
        for other in parse.toks:
            if other.head == tok.i and other.dep == "appos" and other.pos == "PROPN" and not self.in_quote(other.start):
                entity = self.entity_at(other.start)
                if entity is not None and entity.label == PERSON:
                    return None
                # "the Vietnam General Confederation of Labour": from the first capitalised word after the article
                first = next((t for t in parse.toks[other.left:other.i + 1] if t.text[:1].isupper()), other)
                start = first.start
                end = max(t.end for t in parse.toks[other.left:other.right + 1] if t.text not in {",", "(", ")"})
                return Attribution(self.text[start:end], start, end)
        named = self._name_before_description(parse, tok)
        if named is not None:
            return named
        verb = parse.toks[tok.head]
        entity = comma_apposed(self.text, self.entities, self._entity_starts, tok.end, verb.start, {"ORG"}) \
            if tok.dep in SUBJECT_DEPS and verb.i > tok.i else None
        if entity is None:
            return None
        start = entity.start + 4 if self.text.startswith(("the ", "The "), entity.start) else entity.start
        return Attribution(self.text[start:entity.end], start, entity.end)

    def _name_before_description(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"Halliday, a Denver-based company that operates three mines, said": the capitalised name that opens
        the sentence before "a … company" is who speaks (the parser makes the description the subject)."""
        article = parse.toks[tok.left]
        if article.lower not in {"a", "an"} or tok.left < 2 or parse.toks[tok.left - 1].text != ",":
            return None
        name = []
        for other in reversed(parse.toks[:tok.left - 1]):
            if other.pos != "PROPN" or not other.text[:1].isupper() or self.in_quote(other.start):
                break
            name.insert(0, other)
        if not name or self.text[sentence_start(self.text, name[0].start):name[0].start].strip():
            return None  # only a name opening its sentence
        entity = self.entity_at(name[0].start)
        if entity is not None and entity.label == PERSON:
            return None
        return Attribution(self.text[name[0].start:name[-1].end], name[0].start, name[-1].end)

    def _organisation_quoted_last(self, tok: Tok) -> str | None:
        """"The Information Commissioner’s Office said it was “making enquiries”. …, the regulator
        added": the organisation quoted last, by a name the model did not tag, when no organisation
        was named since, in this paragraph or the one before."""
        previous = next((a for a in reversed(self.results) if a.speaker and a.start is not None
                         and a.start < tok.start), None)
        if previous is None or previous.is_person or not previous.speaker[:1].isupper() \
                or previous.start < focus_window_start(tok.start, self.text):
            return None
        index = bisect_right(self._entity_starts, tok.start) - 1
        while index >= 0 and self.entities[index].start >= previous.end:
            if self.entities[index].label in {"ORG", "NORP", "FAC", "GPE"}:
                return None
            index -= 1
        return previous.speaker if fits_noun(previous.speaker, tok.lower) else None
