"""From the subject of a reporting verb to a speaker: names, pronouns, descriptions, organisations.

A PERSON becomes its canonical name; "he"/"she" the nearest earlier salient person whose gender
(as the article tells it) fits; "it" the organisation or document the text was just talking about;
"who" its antecedent; a definite description ("the club's chairman") the person introduced with
that role (role_holders.py), an epithet or a source taken up again (epithets.py); a name in apposition ("the bank's finance director, Olga Brandt,") that name, even when
the model missed it; anything else the noun phrase as written ("a Department of Health spokesman").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from annotext.analysis.addressees import Addressing
from annotext.analysis.appositions import comma_apposed
from annotext.analysis.attribution_record import Attribution
from annotext.analysis.document_authors import AUTHORED_NOUNS, document_author
from annotext.analysis.cues import CUE_LEMMAS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS, SUBJECT_DEPS
from annotext.analysis.epithets import (DEMONYM_GENDER, OFFICES, indefinite_introduction, introduced_with_age,
                                        introduced_with_other_age, is_demonym, is_epithet, is_party_epithet,
                                        of_other_party, unnamed_source)
from annotext.analysis.gender import PRONOUN_GENDER, ROLE_GENDER
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.names import HONORIFICS, ROLE_WORDS
from annotext.analysis.people import looks_like_name, name_words, surname
from annotext.analysis.organisation_references import SPEAKS_NEXT, OrganisationReferences
from annotext.analysis.role_holders import LEAD, RoleHolders
from annotext.core.results import PERSON
from annotext.core.spans import Span

NEUTER_PRONOUNS = frozenset({"it"})
_REPORTED_CLAUSE = re.compile(r"\b(?:said|says|told \w+|tells \w+|thinks|thought|believes|believed|argued|argues|added|adds|"
                              r"noted|notes|wrote|writes|claimed|claims|insisted|insists|warned|warns|confirmed|"
                              r"confirms|explained|explains|admitted|admits|stressed|stresses|acknowledged)\b")
_GENDERED_ROLES = "|".join(sorted(ROLE_GENDER, key=len, reverse=True))
_UNNAMED_SPEAKER = re.compile(
    rf"\b((?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?({_GENDERED_ROLES})"
    rf"(?:\s+(?:for|of|at|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)?)"
    rf"\s+(?:said|says|told|tells|added|adds|explained|confirmed|warned|wrote|insisted|argued)\b")
# "the <lower-case description> <Name>": the name, without the description before it.
_DESCRIBED_NAME = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?:(?!(?:for|of|at|from|with|in|on|by|to)\s)[a-z][\w’'-]*\s+)+([A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|and|for|the|de)){0,6})")
_AGE_SUBJECT = re.compile(r"(?:(?<=[.!?]\s)|(?<=\n)|^)[Tt]he\s+(\d{1,3})-year-old\b(?!\s+[a-z]+\s+(?:said|says|told))",
                          re.MULTILINE)
# "Rosa Quispe, whose husband has driven a truck for 17 years, was preparing soup": the parser may lose
# a subject behind a relative clause; the finite verb after the clause shows it.
_SUBJECT_AFTER_CLAUSE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:who|whose)\b[^.;:“”\"\n]{1,150}?,\s+(?:\w+ly\s+)?"
                                   r"(?:is|was|has|had|were|are|will|would|can|could|did|does|\w+ed)\b")
_APPOSITION_END_SPEAKS = re.compile(r",\s+(?:said|says|told|tells|added|explained|warned|wrote)\b")
# "…, the Dutch MEP " right before the name (not "…, a student from São Paulo, said": the student speaks)
_APPOSITION_OPEN = re.compile(r",\s+(?:(?!(?:from|of|in|at|for|with|by|to|on)\s)[^,.;:“”\"\s]+\s+)*$")
_DOCUMENT_MENTION = re.compile(rf"\b({'|'.join(sorted(AUTHORED_NOUNS))})\b", re.IGNORECASE)
_TITLE_DOT = re.compile(r"\.?[ \t]+(?=[A-Z])")
_GENDERED_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
_SENTENCE_REST = re.compile(r"[^.!?\n“”\"‘’]*[.!?][ \t]*(?:\n[ \t]*)*")  # the rest of a sentence, up to a quotation after it
_AGE_WORDS = {"year", "years", "old", "-"}  # "the 71-year-old pontiff": the age describes, the role decides
_PHRASE_PREPOSITIONS = {"for", "of", "at", "from", "with", "in", "by"}
_DEFINITE = {"the", "its", "his", "her", "their", "this", "that"}
_NOT_SPEAKERS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
_DATELINE = re.compile(r"(?:[A-Z][A-Z.’'-]+ ?)+(?:,\s*[A-Z][\w.]*\s*)?(?:\([^)]*\)\s*)?[—–-]+\s")


class ReferenceResolution(Addressing, OrganisationReferences, RoleHolders):
    """Resolving a token to a speaker; mixed into the Attributor, which provides the text, the
    entities and their lookups, the attributions so far and the gender evidence."""

    text: str
    entities: list[Span]
    _entity_starts: list[int]
    subject_starts: list[int]
    results: list[Attribution]
    genders: dict[str, str]
    _guessed_genders: dict[str, str]
    _person_forms: dict[str, str]
    _persons: list[Span]  # the PERSON entities, in text order

    entity_at: Callable[[int], Span | None]  # the entity at an offset (the Attributor's method)
    in_quote: Callable[[int], bool]  # whether an offset is inside a quotation (the Attributor's method)

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
        if tok.pos not in {"NOUN", "PROPN"} or not tok.text.islower():  # "the alderman" may be tagged PROPN
            return None
        determiners = [t for t in parse.toks if t.head == tok.i and t.i < tok.i and t.dep in {"det", "poss"}]
        if determiners and determiners[0].lower in {"a", "an"}:
            name = self._named_later(tok)
            return None if name is None else Attribution(name, tok.start, tok.end, is_person=True)
        if not determiners or determiners[0].lower in {"another", "one", "some", "any"}:
            return None
        if determiners[0].dep == "det" and determiners[0].lower not in _DEFINITE:
            return None
        modifiers = [(t.lower, t.dep == "amod" or t.lower in ROLE_WORDS) for t in parse.toks[tok.left:tok.i]
                     if (t.pos in {"ADJ", "NOUN", "PROPN"} or t.dep == "amod") and t.lower not in _AGE_WORDS]
        introduced = indefinite_introduction(tok.lower, tok.start, self.text,
                                             lambda at: self.in_quote(at) or self._apposed_to_name(at)) \
            if determiners[0].lower == "the" else None
        if introduced is not None and introduced[1] > max((span.start for span, _ in self._introductions(tok.lower)
                                                           if span.start < tok.start), default=-1):
            return Attribution(*introduced)  # "A Norwegian diplomat, speaking …" … "the diplomat said"
        name = self._role_holder(tok.lower, modifiers, tok.start) or self._named_later_with_role(tok)
        if name is None and is_epithet(parse, tok) and not self._named_after_person(parse, tok):
            # "the Cork flanker", "the mother of three" (not "the Christie supporter": a supporter of Christie)
            gender = ROLE_GENDER.get(tok.lower)
            pronoun = next((p for p, g in PRONOUN_GENDER.items() if g == gender), None) if gender else None
            return self._resolve_pronoun(tok, pronoun=pronoun)
        return None if name is None else Attribution(name, tok.start, tok.end, is_person=True)

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
            if child.head == tok.i and child.dep == "prep" and child.lower in _PHRASE_PREPOSITIONS:
                right = max(right, child.right)
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

    def _fits(self, name: str, pronoun: str | None) -> bool:
        known = self.genders.get(name) or self._guessed_genders.get(name)
        return known is None or pronoun is None or known == PRONOUN_GENDER.get(pronoun)

    def _listeners(self, parse: ParagraphParse, subject: Tok) -> set[str]:
        """People addressed by the subject's verb ("he told Hannity", "she said to Moore"): never who
        "he" or "she" is."""
        verb = parse.toks[subject.head]
        objects = [t for t in parse.toks if t.head == verb.i and t.dep in {"dobj", "dative", "iobj"}]
        objects += [t for t in parse.toks if t.dep == "pobj" and parse.toks[t.head].head == verb.i
                    and parse.toks[t.head].lower == "to"]
        quote = getattr(self, "_current_quote", None)
        names = set(self._addressed(quote)) if quote is not None else set()
        for obj in objects:
            entity = self.entity_at(obj.start)
            if entity is not None and entity.label == PERSON:
                names.add(entity.attrs.get("person") or entity.text_in(self.text))
        return names

    def _resolve_pronoun(self, tok: Tok, pronoun: str | None = "", listeners: set[str] = frozenset()) -> Attribution | None:
        """"he"/"she": the nearest earlier person of a fitting gender who is a subject or a speaker,
        else the nearest person of a fitting gender. `pronoun=None` resolves a description with no
        gender ("the 24-year-old") the same way."""
        def name_of(span: Span) -> str:
            return span.attrs.get("person") or span.text_in(self.text)

        pronoun = tok.lower if pronoun == "" else pronoun

        last_speaker = next((a for a in reversed(self.results) if a.is_person and a.start is not None
                             and a.speaker not in listeners
                             and a.start < tok.start and self._fits(a.speaker, pronoun)), None)
        nearest_subject = nearest_any = None
        index = bisect_right(self._entity_starts, tok.start) - 1
        while index >= 0:
            span = self.entities[index]
            index -= 1
            if span.label != PERSON or span.end > tok.start or self.in_quote(span.start) or name_of(span) in listeners \
                    or not self._fits(name_of(span), pronoun):
                continue
            if nearest_any is None:
                nearest_any = span
            if self._is_salient(span):
                nearest_subject = span
                break
        if nearest_any is not None and nearest_any is not nearest_subject and self._sole_person_before(nearest_any, tok) \
                and (nearest_subject is None or nearest_subject.end < self._sentence_start(nearest_any.start)):
            nearest_subject = nearest_any  # "That explanation did not satisfy MacNeil. “…,” he said": MacNeil
        latest = max((nearest_any.start if nearest_any is not None else -1,
                      last_speaker.start if last_speaker is not None else -1))
        unnamed = self._unnamed_speaker(tok, after=latest) if pronoun else None
        if unnamed is not None:
            return unnamed
        described = self._described_subject(tok, pronoun, after=latest) if pronoun else None
        if described is not None:
            return self._bound(described, tok, pronoun, certain=False)
        aged = self._aged_subject(tok, pronoun, after=latest) if pronoun else None
        if aged is not None:
            return self._bound(aged, tok, pronoun, certain=False)
        if nearest_subject is not None and (last_speaker is None or nearest_subject.start > last_speaker.start):
            choice = self._asked(nearest_subject, pronoun) or self._reporter_of(nearest_subject, pronoun) \
                or nearest_subject
        elif last_speaker is not None:
            nearest = name_of(nearest_any) if nearest_any is not None else None
            return self._bound(last_speaker.speaker, tok, pronoun, certain=nearest in (None, last_speaker.speaker))
        else:
            choice = nearest_subject or nearest_any
        if choice is None:
            return self._named_after_lead(tok, pronoun)
        return self._bound(name_of(choice), tok, pronoun, certain=choice is nearest_any)

    def _sole_person_before(self, span: Span, tok: Tok) -> bool:
        """Whether `span` is in the sentence that ends right before the quotation `tok` attributes, in the same
        paragraph or ending the paragraph the quotation opens the next of, with the pronoun after that quotation."""
        quote = getattr(self, "_current_quote", None)
        return quote is not None and span.end <= quote.start < quote.end <= tok.start \
            and _SENTENCE_REST.fullmatch(self.text, span.end, quote.start) is not None \
            and not _GENDERED_WORD.search(self.text, self._sentence_start(span.start), span.start)  # "She dedicated …"

    def _sentence_start(self, offset: int) -> int:
        return max(self.text.rfind(mark, 0, offset) for mark in (". ", "\n", "? ", "! ")) + 1

    def _named_after_lead(self, tok: Tok, pronoun: str | None) -> Attribution | None:
        """"A former senior engineer … has told MSPs she warned …" ¶ "Mairi NicLeòid, who was …, said": a
        pronoun in an article's lead with nobody named before it is the person the next sentences name
        first, as a subject, when the gender fits."""
        if tok.start > LEAD or any(span.start < tok.start for span in self._persons):
            return None
        index = bisect_right(self._entity_starts, tok.start)
        while index < len(self.entities) and self.entities[index].start < tok.start + LEAD:
            span = self.entities[index]
            index += 1
            if span.label == PERSON and not self.in_quote(span.start):
                name = span.attrs.get("person") or span.text_in(self.text)
                if self._is_salient(span) and self._fits(name, pronoun):
                    return self._bound(name, tok, pronoun, certain=False)
                return None  # the first person named after the lead is the only candidate
        return None

    def _people_of_age(self, age: str, before: int) -> tuple[Span | None, set[str]]:
        """For "the 34-year-old" at `before`: the person introduced with that age ("Brandon Mulroy,
        34,"), else None and the names of the people introduced with another age, who it never is."""
        introduced = introduced_with_age(age, before, self.text, self._persons)
        if introduced is not None:
            return introduced, set()
        return None, {self._person(span).speaker for span in
                      introduced_with_other_age(age, before, self.text, self._persons)}

    def _aged_subject(self, tok: Tok, pronoun: str, after: int) -> str | None:
        """"… Ciara Ní Bhriain, who founded the group. The 38-year-old, who lives in Dartington,
        collected samples. “…,” she said": an age description opening a sentence after the last named
        candidate is the person introduced with that age, else the one the text was talking about."""
        found = None
        for match in _AGE_SUBJECT.finditer(self.text, max(after + 1, tok.start - 500, 0), tok.start):
            if not self.in_quote(match.start()):
                found = match
        if found is None:
            return None
        introduced, other_ages = self._people_of_age(found.group(1), found.start())
        if introduced is not None:
            return self._person(introduced).speaker
        for span in reversed(self._persons):  # the person just named, as the description follows them
            name = self._person(span).speaker
            if span.end <= found.start() and not self.in_quote(span.start) and name not in other_ages:
                return name if self._fits(name, pronoun) else None
        return None

    def _unnamed_speaker(self, tok: Tok, after: int) -> Attribution | None:
        """"A spokeswoman for the council said … “…,” she said": a gendered role (else an unnamed source
        with no gender, "One juror") that spoke after the last named candidate is who "she" is, though
        the article never names her."""
        window_start = max(after + 1, tok.start - 500, 0)
        found = None
        for match in _UNNAMED_SPEAKER.finditer(self.text, window_start, tok.start):
            if ROLE_GENDER.get(match.group(2).lower()) == PRONOUN_GENDER.get(tok.lower) and not self.in_quote(match.start()):
                found = match
        if found is None:  # "One juror, a retired teacher …, said … “…,” she said"
            source = unnamed_source(self.text, window_start, tok.start, self.in_quote)
            return None if source is None else Attribution(*source)
        words = found.group(1).split()
        if words[0].lower() in _DEFINITE:  # "the veteran alderman warned …": the alderman the article named
            role = found.group(2).lower()
            role_at = words.index(found.group(2)) if found.group(2) in words else len(words)
            modifiers = [(word.lower(), word.lower() in ROLE_WORDS) for word in words[1:role_at]]  # no parse here
            name = self._role_holder(role, modifiers, found.start(1))
            if name is not None:
                return self._bound(name, tok, tok.lower, certain=False)
            if role not in OFFICES:  # "The actor said … “…,” he said": the person the text is about
                return None
        return Attribution(found.group(1), found.start(1), found.end(1))

    def _bound(self, name: str, tok: Tok, pronoun: str | None, certain: bool) -> Attribution:
        """"she said" bound to a person tells that person's gender for the pronouns that follow —
        when no other person was named in between (a guess must not become evidence)."""
        if pronoun in PRONOUN_GENDER:
            if certain:
                self.genders.setdefault(name, PRONOUN_GENDER[pronoun])
            else:  # a guess: enough to keep the other pronoun away from this person, not to bind others
                self._guessed_genders.setdefault(name, PRONOUN_GENDER[pronoun])
        return Attribution(name, tok.start, tok.end, is_person=True)

    def _reporter_of(self, span: Span, pronoun: str) -> Span | None:
        """"McLenney said Clinton doesn't …" / "Kinsella said he had seen the Mary Kate come in": the
        subject of a reported clause is less likely to be the next "she" than the person who reported
        it, the subject of the sentence's first reporting verb."""
        sentence_start = max(self.text.rfind(mark, 0, span.start) for mark in (". ", "\n", "? ", "! ")) + 1
        window = self.text[sentence_start:span.start]
        cue = _REPORTED_CLAUSE.search(window)
        if cue is None:
            return None
        if self.in_quote(sentence_start + cue.start()):
            return None
        index = bisect_right(self._entity_starts, sentence_start + cue.start()) - 1
        while index >= 0 and self.entities[index].start >= sentence_start:
            candidate = self.entities[index]
            index -= 1
            if candidate.label == PERSON and candidate.end <= sentence_start + cue.start() \
                    and not self.in_quote(candidate.start):
                name = candidate.attrs.get("person") or candidate.text_in(self.text)
                return candidate if self._fits(name, pronoun) else None
        return None

    def _is_salient(self, span: Span) -> bool:
        """A subject (as parsed), or a name that a reporting verb follows, after an apposition or not
        ("Ann Lee, the skipper’s wife, said": the parser sometimes loses that subject)."""
        index = bisect_right(self.subject_starts, span.end - 1) - 1
        if index >= 0 and self.subject_starts[index] >= span.start:
            return True
        if SPEAKS_NEXT.match(self.text, span.end) is not None:
            return True
        if _APPOSITION_END_SPEAKS.match(self.text, span.end) and _APPOSITION_OPEN.search(self.text, max(0, span.start - 60), span.start):
            return True  # "The law’s rapporteur, the Dutch MEP Annelies van der Berg-Koster, said …"
        return _SUBJECT_AFTER_CLAUSE.match(self.text, span.end) is not None \
            and not self.text[max(0, span.start - 5):span.start].endswith(("and ", "& "))  # "X and Y, who …": both

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
