"""From the subject of a reporting verb to a speaker: names, pronouns, descriptions, organisations.

A PERSON becomes its canonical name; "he"/"she" the nearest earlier salient person whose gender
(as the article tells it) fits; "it" the organisation or document the text was just talking about;
"who" its antecedent; a definite description ("the club's chairman") the person introduced with
that role; a name in apposition ("the bank's finance director, Olga Brandt,") that name, even when
the model missed it; anything else the noun phrase as written ("a Department of Health spokesman").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from annotext.analysis.cues import CUE_LEMMAS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS, SUBJECT_DEPS
from annotext.analysis.described_organisations import described_organisation
from annotext.analysis.epithets import OFFICES, indefinite_introduction, is_epithet, unnamed_source
from annotext.analysis.evident_names import PERSON_NOUNS
from annotext.analysis.gender import PRONOUN_GENDER, ROLE_GENDER
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.names import ROLE_WORDS, TITLE_WORDS
from annotext.analysis.people import looks_like_name, name_words, surname
from annotext.core.results import PERSON
from annotext.core.spans import Span

NEUTER_PRONOUNS = frozenset({"it"})
_REPORTED_CLAUSE = re.compile(r"\b(?:said|says|told \w+|tells \w+|thinks|thought|believes|believed|argued|argues|added|adds|"
                              r"noted|notes|wrote|writes|claimed|claims|insisted|insists|warned|warns)\b")
_GENDERED_ROLES = "|".join(sorted(ROLE_GENDER, key=len, reverse=True))
_UNNAMED_SPEAKER = re.compile(
    rf"\b((?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?({_GENDERED_ROLES})"
    rf"(?:\s+(?:for|of|at|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)?)"
    rf"\s+(?:said|says|told|tells|added|adds|explained|confirmed|warned|wrote|insisted|argued)\b")
# Adjectives that make another role of the same noun ("the former mayor", "the deputy director"):
# they must match the introduction; other adjectives ("the veteran alderman") only describe.
ROLE_CHANGING_ADJECTIVES = frozenset("""former ex late new acting interim deputy assistant associate vice
    outgoing incoming junior senior chief executive general first second third previous current
    other athletic federal state local national regional""".split())
_SPEAKS_NEXT = re.compile(r"(?:,[^,.;:“”\"\n]{1,80},)?\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|explained|"
                         r"insisted|argued|warned|wrote|noted|replied|recalled|admitted|stressed)\b")
# Nouns a description of a person ends on ("the incident commander", "the chief executive").
_ROLE_NOUNS = "|".join(sorted((ROLE_WORDS | set(ROLE_GENDER) | PERSON_NOUNS)
                              - (ROLE_CHANGING_ADJECTIVES - {"executive"}) - {"veteran", "retired"},
                              key=len, reverse=True))
_ROLE_SUBJECT = re.compile(  # "…, the chancellor laughed": a definite role description opening a clause
    rf"(?:(?<=[.!?,;:]\s)|(?<=\n)|(?<=^))[Tt]he\s+((?:[A-Za-z][\w’'-]*\s+){{0,2}}?)({_ROLE_NOUNS})\s+"
    rf"(?!(?:of|for|at|and|or|who|whose|in|on|with|to|from|as)\b)[a-z]")
_OTHER_ROLE = re.compile(r"\b(?:former|then|ex|late|deputy|vice|assistant|acting|interim)[\s-]+\w+[\s,]*$")
_PHRASE_PREPOSITIONS = {"for", "of", "at", "from", "with", "in", "by"}
_DEFINITE = {"the", "its", "his", "her", "their", "this", "that"}
_NOT_SPEAKERS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
_DATELINE = re.compile(r"(?:[A-Z][A-Z.’'-]+ ?)+(?:,\s*[A-Z][\w.]*\s*)?(?:\([^)]*\)\s*)?[—–-]+\s")


@dataclass
class Attribution:
    """A resolved speaker: canonical name (or phrase), where it was found, the cue, whether a person,
    and how it was found (`via`: lead, trail, according, colon, dash, governing, inherited)."""

    speaker: str | None = None
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    is_person: bool = False
    via: str | None = None


class ReferenceResolution:
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
        entity = self.entity_at(tok.start)
        if entity is not None and entity.label == PERSON:
            return self._person(entity)
        if tok.lower in PERSONAL_PRONOUNS:
            return self._resolve_pronoun(tok, listeners=self._listeners(parse, tok))
        if tok.lower in NEUTER_PRONOUNS:
            return self._resolve_it(parse, tok)
        if tok.lower in PLURAL_PRONOUNS:
            return self._resolve_plural(tok)
        if tok.pos in {"NOUN", "PROPN"}:
            linked = self._apposed_person(parse, tok)
            if linked is not None:
                return linked
            described = self._described_person(parse, tok) or self._described_organisation(parse, tok)
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
        return None

    def _described_person(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"the club's chairman said": the person the article introduced with that role."""
        if tok.pos not in {"NOUN", "PROPN"} or not tok.text.islower():  # "the alderman" may be tagged PROPN
            return None
        determiners = [t for t in parse.toks if t.head == tok.i and t.i < tok.i and t.dep in {"det", "poss"}]
        if determiners and determiners[0].lower in {"a", "an"}:
            return self._named_later(tok)
        if not determiners or determiners[0].lower in {"another", "one", "some", "any"}:
            return None
        if determiners[0].dep == "det" and determiners[0].lower not in _DEFINITE:
            return None
        modifiers = [(t.lower, t.dep == "amod" or t.lower in ROLE_WORDS) for t in parse.toks[tok.left:tok.i]
                     if t.pos in {"ADJ", "NOUN", "PROPN"} or t.dep == "amod"]
        introduced = indefinite_introduction(tok.lower, tok.start, self.text,
                                             lambda at: self.in_quote(at) or self._apposed_to_name(at)) \
            if determiners[0].lower == "the" else None
        if introduced is not None and introduced[1] > max((span.start for span, _ in self._introductions(tok.lower)
                                                           if span.start < tok.start), default=-1):
            return Attribution(*introduced)  # "A Norwegian diplomat, speaking …" … "the diplomat said"
        name = self._role_holder(tok.lower, modifiers, tok.start)
        if name is None and is_epithet(parse, tok):  # "the Cork flanker", "the mother of three"
            gender = ROLE_GENDER.get(tok.lower)
            pronoun = next((p for p, g in PRONOUN_GENDER.items() if g == gender), None) if gender else None
            return self._resolve_pronoun(tok, pronoun=pronoun)
        return None if name is None else Attribution(name, tok.start, tok.end, is_person=True)

    def _named_later(self, tok: Tok) -> Attribution | None:
        """"… fined €18,000, with a judge describing his logbooks as ‘…’" … "Judge Gráinne de Paor said":
        a news lead describes a person the body names; before anyone is named, "a judge" is the one
        person the article introduces as judge."""
        first_person = next((span.start for span in self.entities if span.label == PERSON), None)
        if first_person is None or first_person < tok.start or self.in_quote(tok.start):
            return None
        holders = {self._person(span).speaker for span, _context in self._introductions(tok.lower)}
        return Attribution(holders.pop(), tok.start, tok.end, is_person=True) if len(holders) == 1 else None

    def _described_organisation(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"the company said", "the report concludes": the organisation or document named earlier."""
        determiners = [t for t in parse.toks if t.head == tok.i and t.i < tok.i and t.dep == "det"]
        if not tok.text.islower() or not determiners or determiners[0].lower != "the":
            return None
        name = described_organisation(tok.lower, tok.start, self.text, self.entities, self._entity_starts)
        return None if name is None else Attribution(name, tok.start, tok.end)

    def _role_holder(self, role: str, modifiers: list[tuple[str, bool]], before: int,
                     pronoun: str | None = None) -> str | None:
        """The person introduced before offset `before` with `role` and the (word, is_describing)
        `modifiers`: the latest with them all, else the only one with the distinctive ones ("the
        veteran alderman" is the one alderman the article named, whatever it called him then).
        A modifier that describes (an adjective, a person noun such as "veteran") is not distinctive
        unless it makes another role ("former", "deputy"); "the chancellor" is not a person introduced
        as "then-Chancellor …". With `pronoun`, only people whose gender fits it."""
        changed = any(word in ROLE_CHANGING_ADJECTIVES for word, _describing in modifiers)
        earlier = [(span, context) for span, context in self._introductions(role) if span.start < before
                   and (changed or not _OTHER_ROLE.search(context))
                   and (pronoun is None or self._fits(self._person(span).speaker, pronoun))]
        matching = [span for span, context in earlier if all(_mentions(context, word) for word, _describing in modifiers)]
        best = self._latest_mentioned(matching, before) if matching else None
        if best is None and (role in ROLE_WORDS or role in ROLE_GENDER):  # a person's role, not "the DNC's blocking"
            distinctive = [word for word, describing in modifiers if not describing or word in ROLE_CHANGING_ADJECTIVES]
            fitting = [span for span, context in earlier if all(_mentions(context, word) for word in distinctive)]
            if len({self._person(span).speaker for span in fitting}) == 1:
                best = fitting[-1]
        return None if best is None else self._person(best).speaker

    def _latest_mentioned(self, spans: list[Span], before: int) -> Span:
        """Of people introduced with the same role ("the Faroese minister …", "Norway's minister …"),
        the one the text named last before `before`: "Í Gerðum said … “…,” the minister said"."""
        names = {self._person(span).speaker: span for span in spans}
        if len(names) > 1:
            index = bisect_right(self._entity_starts, before) - 1
            while index >= 0:
                span = self.entities[index]
                index -= 1
                if span.label == PERSON and span.end <= before and not self.in_quote(span.start) \
                        and self._person(span).speaker in names:
                    return names[self._person(span).speaker]
        return spans[-1]

    def _introductions(self, role: str) -> list[tuple[Span, str]]:
        """People introduced with `role` ("the club's chairman, Daniel Okonkwo," / "chairman Daniel
        Okonkwo"), in text order, each with the words around the introduction; computed once per role."""
        cache = self.__dict__.setdefault("_role_cache", {})
        if role not in cache:
            escaped = re.escape(role)
            after_role = re.compile(rf",\s+(?:[\w’'.-]+\s+){{0,4}}{escaped}\b")
            before_role = re.compile(rf"\b{escaped}(?:\s+(?:of|for|at)\s+[^,.;:()]{{1,40}}?,|,)?\s+$")
            found = []
            for span in self.entities:
                if span.label != PERSON:
                    continue
                after = self.text[span.end:span.end + 80].lower()
                written = self.text[max(0, span.start - 60):span.start].lower()
                before = _without_trailing_titles(written)
                introduced = after_role.match(after)
                if introduced:
                    found.append((span, f"{before} {after[:introduced.end()]}"))
                elif before_role.search(before) or before_role.search(written):  # "athletic director Glen Pruitt"
                    found.append((span, written))
            cache[role] = found
        return cache[role]

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
        names = set()
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
        latest = max((nearest_any.start if nearest_any is not None else -1,
                      last_speaker.start if last_speaker is not None else -1))
        unnamed = self._unnamed_speaker(tok, after=latest) if pronoun else None
        if unnamed is not None:
            return unnamed
        described = self._described_subject(tok, pronoun, after=latest) if pronoun else None
        if described is not None:
            return self._bound(described, tok, pronoun, certain=False)
        if nearest_subject is not None and (last_speaker is None or nearest_subject.start > last_speaker.start):
            choice = self._reporter_of(nearest_subject, pronoun) or nearest_subject
        elif last_speaker is not None:
            nearest = name_of(nearest_any) if nearest_any is not None else None
            return self._bound(last_speaker.speaker, tok, pronoun, certain=nearest in (None, last_speaker.speaker))
        else:
            choice = nearest_subject or nearest_any
        if choice is None:
            return None
        return self._bound(name_of(choice), tok, pronoun, certain=choice is nearest_any)

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

    def _described_subject(self, tok: Tok, pronoun: str, after: int) -> str | None:
        """"… the chancellor laughed. “…,” she said": a definite description opening a clause after the
        last named candidate is the latest subject; "she" is the person the article named with that role."""
        found = None
        for match in _ROLE_SUBJECT.finditer(self.text, max(after + 1, tok.start - 500, 0), tok.start):
            if self.in_quote(match.start()) or self._apposed_to_name(match.start()):
                continue
            # "the Irish captain": a nationality or place describes; it is rarely in the introduction
            modifiers = [(word.lower(), word.lower() in ROLE_WORDS or word[:1].isupper()) for word in match.group(1).split()]
            name = self._role_holder(match.group(2).lower(), modifiers, match.start(), pronoun)
            if name is not None:
                found = name
        return found

    def _apposed_to_name(self, offset: int) -> bool:
        """"Alan Krueger, the former chairman, …": the description at `offset` only repeats the name before it."""
        comma = offset - 1
        while comma > 0 and self.text[comma].isspace():
            comma -= 1
        if comma <= 0 or self.text[comma] != ",":
            return False
        entity = self.entity_at(comma - 1)
        return entity is not None and entity.label == PERSON

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
        return _SPEAKS_NEXT.match(self.text, span.end) is not None

    def _resolve_it(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        """"it said" / "it concludes": the organisation or document last spoken of — the nearest earlier
        non-person subject of a reporting verb in the paragraph, else the nearest earlier non-person
        subject, else the last non-person speaker."""
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


def _mentions(context: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", context) is not None


def _without_trailing_titles(before: str) -> str:
    """"the judge, mrs justice " -> "the judge, ": titles between a role and the name it introduces."""
    words = before.split(" ")
    while len(words) > 1 and (words[-1] == "" or words[-1].rstrip(".") in TITLE_WORDS):
        words.pop()
    return " ".join(words) + " "


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
