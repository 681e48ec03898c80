"""From the subject of a reporting verb to a speaker: names, pronouns, descriptions, organisations.

A PERSON becomes its canonical name; "he"/"she" the nearest earlier salient person whose gender
(as the article tells it) fits (pronouns.py); "it" the organisation or document the text was just talking about;
"who" its antecedent; a definite description ("the club's chairman") the person introduced with
that role (role_holders.py), an epithet or a source taken up again (epithets.py); a name in apposition ("the bank's finance director, Olga Brandt,") that name, even when
the model missed it; anything else the noun phrase as written ("a Department of Health spokesman").
"""

from __future__ import annotations

import re

from annotext.analysis.addressees import Addressing
from annotext.analysis.appositions import comma_apposed
from annotext.analysis.attribution_record import Attribution
from annotext.analysis.document_authors import AUTHORED_NOUNS, document_author
from annotext.analysis.kinship import KIN_GENDER
from annotext.analysis.cues import CUE_LEMMAS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS, SUBJECT_DEPS
from annotext.analysis.epithets import (AGE_WORDS, BYSTANDER_NOUNS, DEMONYM_GENDER, OFFICES, SOURCE_NOUNS, indefinite_introduction, is_demonym, is_epithet,
                                        is_party_epithet, of_other_party)
from annotext.analysis.gender import PRONOUN_GENDER, ROLE_GENDER
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.pronouns import DEFINITE, PronounResolution
from annotext.analysis.names import HONORIFICS, ROLE_WORDS
from annotext.analysis.people import looks_like_name, name_words, surname
from annotext.analysis.organisation_references import OrganisationReferences
from annotext.analysis.role_holders import RoleHolders
from annotext.core.results import PERSON
from annotext.core.spans import Span

NEUTER_PRONOUNS = frozenset({"it"})
# "the <lower-case description> <Name>": the name, without the description before it.
_DESCRIBED_NAME = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?:(?!(?:for|of|at|from|with|in|on|by|to)\s)[a-z][\w’'-]*\s+)+([A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|and|for|the|de)){0,6})")
_DOCUMENT_MENTION = re.compile(rf"\b({'|'.join(sorted(AUTHORED_NOUNS))})\b", re.IGNORECASE)
_TITLE_DOT = re.compile(r"\.?[ \t]+(?=[A-Z])")
_PEOPLE_NOUNS = {"person", "people", "man", "woman", "men", "women"}  # heads a description may qualify after them
_PHRASE_PREPOSITIONS = {"for", "of", "at", "from", "with", "in", "by", "near"}
_NOT_SPEAKERS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
_DATELINE = re.compile(r"(?:[A-Z][A-Z.’'-]+ ?)+(?:,\s*[A-Z][\w.]*\s*)?(?:\([^)]*\)\s*)?[—–-]+\s")


class ReferenceResolution(PronounResolution, Addressing, OrganisationReferences, RoleHolders):
    """Resolving a token to a speaker; mixed into the Attributor, which provides the text, the
    entities and their lookups, the attributions so far and the gender evidence (the attributes the
    mixins declare, pronouns.py)."""

    _person_forms: dict[str, str]

    def is_dateline(self, tok: Tok) -> bool:
        """"MOSCOW —" opening a paragraph is where the story was filed, never a speaker."""
        line_start = self.text.rfind("\n", 0, tok.start) + 1
        match = _DATELINE.match(self.text, line_start)
        return match is not None and tok.start < match.end()

    def _person(self, entity: Span) -> Attribution:
        return Attribution(entity.attrs.get("person") or " ".join(name_words(entity.text_in(self.text))),
                           entity.start, entity.end, is_person=True)

    def _resolve(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        if tok.lower in RELATIVE_PRONOUNS and tok.dep in SUBJECT_DEPS:
            verb = parse.toks[tok.head]
            if verb.dep == "relcl":
                tok = parse.toks[verb.head]
        if self.is_dateline(tok):
            return None
        if tok.lower.rstrip(".") in HONORIFICS:  # "said Ald. Wendy Pryor-Jackson": the parser split at the title's dot
            following = self.entity_at(_TITLE_DOT.match(self.text, tok.end).end()) \
                if _TITLE_DOT.match(self.text, tok.end) else None
            if following is not None and following.label == PERSON:
                return self._person(following)
        entity = self.entity_at(tok.start)
        if entity is not None and entity.label == PERSON:
            return self._person(entity)
        if tok.lower in PERSONAL_PRONOUNS:
            return self._resolve_pronoun(tok, listeners=self._listeners(parse, tok))
        if tok.lower in NEUTER_PRONOUNS:
            return self._resolve_it(parse, tok)
        if tok.lower in PLURAL_PRONOUNS:
            return self._resolve_plural(tok)
        whose = next((t for t in parse.toks[tok.left:tok.i] if t.lower == "whose" and t.head == tok.i), None)
        if whose is not None:  # "O’Malley, 19th, whose Beverly ward is home to …, called": the parser's two subjects
            owner = next((t for t in reversed(parse.toks[:whose.i]) if t.dep not in {"punct", "appos", "nummod"}
                          and t.text.strip()), None)
            if owner is not None and owner.pos in {"NOUN", "PROPN"}:
                return self._resolve(parse, owner)
        if tok.pos in {"NOUN", "PROPN"}:
            linked = self._apposed_person(parse, tok)
            if linked is not None:
                return linked
            described = self._described_person(parse, tok) or self._apposed_organisation(parse, tok) \
                or self._described_organisation(parse, tok)
            if described is not None:
                return described
            return self._phrase(parse, tok, entity)
        return None

    def _apposed_person(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"an expert, Joe Webster," / "Joe Webster, an expert": the name in apposition speaks,
        also when the model did not tag it (then a capitalised two- or three-word name)."""
        for other in parse.toks:
            if other.i == tok.i or self.in_quote(other.start):
                continue
            if (other.head == tok.i and other.dep == "appos") or (tok.dep == "appos" and other.i == tok.head):
                entity = self.entity_at(other.start)
                if entity is not None and entity.label == PERSON:
                    return self._person(entity)
                if other.pos == "PROPN" and (entity is None or entity.label not in _NOT_SPEAKERS):
                    words = [t for t in parse.toks[other.left:other.i + 1] if t.pos == "PROPN"]
                    if words and words[-1].i == other.i:
                        name = self.text[words[0].start:other.end]
                        if looks_like_name(name) and len(name.split()) >= 2:
                            return Attribution(" ".join(name_words(name)), words[0].start, other.end, is_person=True)
        verb = parse.toks[tok.head]
        entity = comma_apposed(self.text, self.entities, self._entity_starts, tok.end, verb.start, {PERSON}) \
            if tok.dep in SUBJECT_DEPS and verb.i > tok.i else None
        return None if entity is None else self._person(entity)

    def _described_person(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"the club's chairman said": the person the article introduced with that role; "the
        Dutchman said": the person the text is about, as for a pronoun of the noun's gender."""
        if is_demonym(parse, tok):
            gender = DEMONYM_GENDER[tok.lower]
            pronoun = next((p for p, g in PRONOUN_GENDER.items() if g == gender), None) if gender else None
            return self._resolve_pronoun(tok, pronoun=pronoun)
        if is_party_epithet(parse, tok):  # "…,” the New Mexico Democrat said": the person just named, of that party
            found = self._resolve_pronoun(tok, pronoun=None)
            mentions = [span for span in self._persons if found is not None and span.attrs.get("person") == found.speaker]
            return None if found is None or of_other_party(tok.lower, mentions, self.text) else found
        if tok.pos not in {"NOUN", "PROPN"} or not tok.text.islower() or tok.lower in AUTHORED_NOUNS:
            return None  # "the alderman" may be tagged PROPN; "the indictment describes" is a document, nobody
        determiners = [t for t in parse.toks if t.head == tok.i and t.i < tok.i and t.dep in {"det", "poss"}]
        if determiners and determiners[0].lower in {"a", "an"}:
            name = self._named_later(tok)
            return None if name is None else Attribution(name, tok.start, tok.end, is_person=True)
        if not determiners or determiners[0].lower in {"another", "one", "some", "any"}:
            return None
        if tok.lower in KIN_GENDER and determiners[0].lower in {"his", "her", "their"}:  # "her husband said"
            name = self._relative_named(tok.lower, tok.end + 80)  # "said her mother, Marisol Ruiz Herrera"
            if name is not None:
                if KIN_GENDER[tok.lower] is not None:  # "her husband": a man, whatever else the text says of him
                    self.genders.setdefault(name, KIN_GENDER[tok.lower])
                return Attribution(name, tok.start, tok.end, is_person=True)
        if determiners[0].dep == "det" and determiners[0].lower not in DEFINITE:
            return None
        modifiers = [(t.lower, t.dep == "amod" or t.lower in ROLE_WORDS) for t in parse.toks[tok.left:tok.i]
                     if (t.pos in {"ADJ", "NOUN", "PROPN"} or t.dep == "amod") and t.lower not in AGE_WORDS]
        introduced = indefinite_introduction(tok.lower, tok.start, self.text,
                                             lambda at: self.in_quote(at) or self._apposed_to_name(at)) \
            if determiners[0].lower == "the" else None
        if introduced is not None and introduced[1] > max((span.start for span, _ in self._introductions(tok.lower)
                                                           if span.start < tok.start), default=-1):
            return Attribution(*introduced)  # "A Norwegian diplomat, speaking …" … "the diplomat said"
        name = self._role_holder(tok.lower, modifiers, tok.start) or self._named_later_with_role(tok)
        if name is None and (is_epithet(parse, tok) or self._bare_person_noun(parse, tok)) \
                and not self._named_after_person(parse, tok):
            # "the Cork flanker", "the mother of three" (not "the Christie supporter": a supporter of Christie)
            gender = ROLE_GENDER.get(tok.lower)
            pronoun = next((p for p, g in PRONOUN_GENDER.items() if g == gender), None) if gender else None
            return self._resolve_pronoun(tok, pronoun=pronoun)
        return None if name is None else Attribution(name, tok.start, tok.end, is_person=True)

    def _bare_person_noun(self, parse: ParagraphParse, tok: Tok) -> bool:
        """"the winger said", "the witness said": "the" and a person noun that is no office, which the article
        introduced nobody with — news then means the person it is talking about (an office such as "the senator"
        may be someone the reader is taken to know, so it is never guessed)."""
        before = parse.toks[tok.left:tok.i]  # "the winger", "the retired machinist"
        return bool(before) and before[0].lower == "the" and all(
            t.text.islower() and t.lower not in {"former", "first"} and t.dep not in {"poss", "case"} for t in before[1:]) \
            and tok.lower in SOURCE_NOUNS \
            and tok.lower not in OFFICES and tok.lower not in BYSTANDER_NOUNS and not self._introductions(tok.lower)

    def _phrase(self, parse: ParagraphParse, tok: Tok, entity: Span | None) -> Attribution | None:
        found = self._noun_phrase(parse, tok, entity)
        if found is not None:  # a name the model did not tag, but a known person's ("von der Leyen said")
            person = self._person_forms.get(" ".join(name_words(found.speaker)))
            if person is not None:
                return Attribution(person, found.start, found.end, is_person=True)
        return found

    def _noun_phrase(self, parse: ParagraphParse, tok: Tok, entity: Span | None) -> Attribution | None:
        right = tok.i
        for child in parse.toks[tok.i + 1:tok.right + 1]:  # "a spokeswoman for the Association"
            if child.head == tok.i and (child.dep == "prep" and child.lower in _PHRASE_PREPOSITIONS
                                        or child.dep in {"acl", "amod"} and child.tag in {"VBN", "JJ"}
                                        and (tok.lower in SOURCE_NOUNS or tok.lower in _PEOPLE_NOUNS)):
                right = max(right, child.right)  # "A person familiar with the talks", "a strategist involved in …"
        words = []
        for t in parse.toks[tok.left:right + 1]:
            if t.i > tok.i and t.text in {",", "(", "—", "–", ";"}:
                break  # a relative clause or aside is not part of the speaker's name
            if not self.in_quote(t.start):
                words.append(t)
        while words and not words[0].text[:1].isalnum():
            words.pop(0)
        if not words:
            return None
        start, end = words[0].start, words[-1].end
        if entity is not None:
            start, end = min(start, entity.start), max(end, entity.end)
        described = _DESCRIBED_NAME.match(self.text, start, end)
        if described is not None and described.end() == end:  # "The train drivers’ union Aslef": Aslef
            start = described.start(1)
        return Attribution(self.text[start:end], start, end)

    def _resolve_it(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"it said" / "it concludes": the organisation or document last spoken of — the nearest earlier
        non-person subject of a reporting verb in the paragraph, else the nearest earlier non-person
        subject, else the last non-person speaker."""
        document = _DOCUMENT_MENTION.findall(self.text, max(0, tok.start - 400), tok.start)
        if document and parse.toks[tok.head].lemma in {"read", "say", "state"}:  # "a statement from X … “…,” it read"
            author = document_author(document[-1].lower(), tok.start, self.text)
            person = self._person_forms.get(" ".join(name_words(author))) if author else None
            if person is not None:
                return Attribution(person, tok.start, tok.end, is_person=True)
        subjects = [t for t in reversed(parse.toks[:tok.i]) if t.dep in SUBJECT_DEPS and t.pos in {"NOUN", "PROPN"}
                    and not self.in_quote(t.start) and t.lower not in PERSONAL_PRONOUNS]
        reporting = [t for t in subjects if parse.toks[t.head].lemma in CUE_LEMMAS]
        for other in reporting[:1] + subjects:
            entity = self.entity_at(other.start)
            if entity is not None and entity.label == PERSON:
                break
            found = self._noun_phrase(parse, other, entity)
            if found is not None:
                return Attribution(found.speaker, tok.start, tok.end)
        previous = next((a for a in reversed(self.results) if a.speaker and a.start is not None
                         and a.start < tok.start), None)
        if previous is not None and not previous.is_person:
            return Attribution(previous.speaker, tok.start, tok.end)
        return None

    def _resolve_plural(self, tok: Tok) -> Attribution | None:
        previous = next((a for a in reversed(self.results) if a.speaker and a.start is not None
                         and a.start < tok.start), None)
        if previous is not None and not previous.is_person:
            return Attribution(previous.speaker, tok.start, tok.end)
        return None


def person_forms(entities: list[Span], text: str) -> dict[str, str]:
    """Every way a known person is written (forms seen, family names) -> canonical name."""
    forms: dict[str, str] = {}
    for span in entities:
        person = span.attrs.get("person")
        if span.label == PERSON and person:
            forms.setdefault(" ".join(name_words(span.text_in(text))), person)
            words = person.split()
            if len(words) > 1:
                forms.setdefault(surname(words), person)
    return forms
