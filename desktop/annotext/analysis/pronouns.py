"""Who "he", "she" and an unnamed description are: the nearest fitting person the text is about.

A pronoun is the nearest earlier salient person (a subject, a name a reporting verb follows) whose gender,
as the article tells it (gender.py, given_names.py), fits — unless a later unnamed source or a described
role holder spoke since, the person was asked a question ("pressed Krishnamurthy on …"), is the reporter of
the clause the candidate stands in, or is the one person of the sentence right before the quotation. In an
article's lead, a pronoun with nobody named before it is the person named next. Mixed into the reference
resolution (references.py); docs/architecture.md, "Analysis".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from collections.abc import Callable

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.cues import SUBJECT_DEPS, sentence_start
from annotext.analysis.epithets import OFFICES, introduced_with_age, introduced_with_other_age, unnamed_source
from annotext.analysis.gender import PRONOUN_GENDER, ROLE_GENDER
from annotext.analysis.kinship import KIN_GENDER, kin_named
from annotext.analysis.names import ROLE_WORDS
from annotext.analysis.organisation_references import SPEAKS_NEXT
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.role_holders import LEAD
from annotext.core.results import PERSON
from annotext.core.spans import Span, offset_within

_REPORTED_CLAUSE = re.compile(r"\b(?:said|says|told \w+|tells \w+|thinks|thought|believes|believed|argued|argues|added|adds|"
                              r"noted|notes|wrote|writes|claimed|claims|insisted|insists|warned|warns|confirmed|"
                              r"confirms|explained|explains|admitted|admits|stressed|stresses|acknowledged)\b")
_GENDERED_ROLES = "|".join(sorted(ROLE_GENDER, key=len, reverse=True))
_UNNAMED_SPEAKER = re.compile(
    rf"\b((?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?({_GENDERED_ROLES})"
    rf"(?:\s+(?:for|of|at|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)?)"
    rf"\s+(?:said|says|told|tells|added|adds|explained|confirmed|warned|wrote|insisted|argued)\b")
_AGE_SUBJECT = re.compile(r"(?:(?<=[.!?]\s)|(?<=\n)|^)[Tt]he\s+(\d{1,3})-year-old\b(?!\s+[a-z]+\s+(?:said|says|told))",
                          re.MULTILINE)
# "Rosa Quispe, whose husband has driven a truck for 17 years, was preparing soup": the parser may lose
# a subject behind a relative clause; the finite verb after the clause shows it.
_SUBJECT_AFTER_CLAUSE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:who|whose)\b[^.;:“”\"\n]{1,150}?,\s+(?:\w+ly\s+)?"
                                   r"(?:is|was|has|had|were|are|will|would|can|could|did|does|\w+ed)\b")
_APPOSITION_END_SPEAKS = re.compile(r",\s+(?:said|says|told|tells|added|explained|warned|wrote)\b")
# "The nominee's mother, Ngozi Okonkwo, watched from the gallery": the name set off before a past-tense verb
_APPOSITION_END_ACTS = re.compile(r",\s+(?:\d{1,3},\s+)?(?:\w+ly\s+)?(?:\w+ed|was|had|sat|stood|spoke|went|came|took|made|"
                                  r"gave|told)\b")  # "…, Anowara Begum, 34, sat on a plastic sheet"
# "…, the Dutch MEP " right before the name (not "…, a student from São Paulo, said": the student speaks)
_APPOSITION_OPEN = re.compile(r",\s+(?:(?!(?:from|of|in|at|for|with|by|to|on)\s)[^,.;:“”\"\s]+\s+)*$")
_KIN_SUBJECT = re.compile(r"(?:(?<=[.!?]\s)|(?<=\n)|^)(?:His|Her|Their)\s+(father|mother|husband|wife|son|daughter|"
                          r"brother|sister)\s+(?!of\b)[a-z]", re.MULTILINE)
_NAMED_AFTER_CUE = re.compile(r"\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}?(?:[\w’'-]+,\s+)?")
# "When the microphone reached X, a nurse, " right before the pronoun: a clause with a subject of its own
_FRONTED_CLAUSE = re.compile(r"\s*(?:When|After|As|Once|While|Before|Although|Though|Because|Since|Until)\s+"
                             r"((?![a-z]+(?:ing|ed)\b)[^.;:!?“”\"\n]{3,160}),\s*$")
_GENDERED_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
_SENTENCE_REST = re.compile(r"[^.!?\n“”\"‘’]*[.!?][ \t]*(?:\n[ \t]*)*")  # the rest of a sentence, up to a quotation after it
DEFINITE = {"the", "its", "his", "her", "their", "this", "that"}
_PRONOUN_OF = {"male": "he", "female": "she"}  # a gender, as the pronoun the gender test takes


class PronounResolution:
    """Resolving "he"/"she" and gendered or aged descriptions to people; mixed into the reference resolution,
    which provides the text, the entities and their lookups, the attributions so far and the gender evidence."""

    text: str
    entities: list[Span]
    _entity_starts: list[int]
    subject_starts: list[int]
    embedded_subjects: list[int]  # sorted
    results: list[Attribution]
    genders: dict[str, str]
    _guessed_genders: dict[str, str]
    _resolved_pronouns: dict[tuple[int, str | None], Attribution | None]  # (offset, pronoun) -> who, once found
    _persons: list[Span]
    parses: dict[int, ParagraphParse]
    entity_at: Callable[[int], Span | None]
    in_quote: Callable[[int], bool]
    _addressed: Callable[..., list[str]]
    _asked: Callable[..., Span | None]
    _role_holder: Callable[..., str | None]
    _described_subject: Callable[..., str | None]

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
        gender ("the 24-year-old") the same way. One pronoun is one person: "“…,” he said. “…”" gives
        both parts of a split quotation the person the first part found."""
        pronoun = tok.lower if pronoun == "" else pronoun
        key = (tok.start, pronoun)
        if key not in self._resolved_pronouns:
            self._resolved_pronouns[key] = self._resolve_pronoun_once(tok, pronoun, listeners)
        resolved = self._resolved_pronouns[key]
        return None if resolved is None else replace(resolved)

    def _resolve_pronoun_once(self, tok: Tok, pronoun: str | None, listeners: set[str]) -> Attribution | None:
        def name_of(span: Span) -> str:
            return span.attrs.get("person") or span.text_in(self.text)

        fronted = self._person_of_fronted_clause(tok, pronoun) if pronoun in {"he", "she"} else None
        if fronted is not None:
            return self._bound(fronted, tok, pronoun, certain=False)

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
                and (nearest_subject is None or nearest_subject.end < sentence_start(self.text, nearest_any.start)):
            nearest_subject = nearest_any  # "That explanation did not satisfy MacNeil. “…,” he said": MacNeil
        latest = max((nearest_any.start if nearest_any is not None else -1,
                      last_speaker.start if last_speaker is not None else -1))
        unnamed = self._unnamed_speaker(tok, after=latest) if pronoun else None
        if unnamed is not None:
            return unnamed
        described = (self._described_subject(tok, pronoun, after=latest) or self._kin_subject(tok, pronoun, after=latest)) \
            if pronoun else None
        if described is not None:
            return self._bound(described, tok, pronoun, certain=False)
        aged = self._aged_subject(tok, pronoun, after=latest) if pronoun else None
        if aged is not None:
            return self._bound(aged, tok, pronoun, certain=False)
        if nearest_subject is not None and last_speaker is not None and nearest_subject.start > last_speaker.start \
                and self._inside_pronoun_sentence(nearest_subject, pronoun):
            nearest_subject = None  # "He declared that …, Donald Trump would have a path …. “…,” he said": still him
        if nearest_subject is not None and (last_speaker is None or nearest_subject.start > last_speaker.start):
            choice = self._asked(nearest_subject, pronoun) or self._reporter_of(nearest_subject, pronoun) \
                or self._main_subject_over(nearest_subject, pronoun, listeners) or nearest_subject
        elif last_speaker is not None:
            nearest = name_of(nearest_any) if nearest_any is not None else None
            return self._bound(last_speaker.speaker, tok, pronoun, certain=nearest in (None, last_speaker.speaker))
        else:
            choice = nearest_subject or nearest_any
        if choice is None:
            return self._named_after_lead(tok, pronoun)
        return self._bound(name_of(choice), tok, pronoun, certain=choice is nearest_any)

    def _person_of_fronted_clause(self, tok: Tok, pronoun: str) -> str | None:
        """"When the microphone reached Folasade Adeyemi, a nurse, she asked …": the one fitting person named in an
        adverbial clause that opens the pronoun's sentence is who the pronoun is (not a clause without a subject of
        its own: "After meeting Putin, he said", "When asked about Putin, he said")."""
        opening = sentence_start(self.text, tok.start)
        clause = _FRONTED_CLAUSE.match(self.text, opening, tok.start)
        if clause is None:
            return None
        names = {self._person(span).speaker for span in self._persons
                 if clause.start(1) <= span.start < tok.start and not self.in_quote(span.start)}
        fitting = [name for name in names if self._fits(name, pronoun)]
        return fitting[0] if len(names) == 1 and len(fitting) == 1 else None

    def _sole_person_before(self, span: Span, tok: Tok) -> bool:
        """Whether `span` is the one person of the sentence that ends right before the quotation `tok` attributes
        (in the same paragraph, or ending the paragraph before the quotation's), with the pronoun after that
        quotation: "That explanation did not satisfy MacNeil. “…,” he said" — not when the sentence has a
        gendered pronoun before the name ("She dedicated the honour to her coach, X"), a named subject and a
        pronoun after it ("Sanders did apologize to Clinton and to his supporters"), or another person named
        before it who is not joined to it by "and" ("Juan Zarate, …, also questioned Trump's logic")."""
        quote = getattr(self, "_current_quote", None)
        if quote is None or not span.end <= quote.start < quote.end <= tok.start \
                or _SENTENCE_REST.fullmatch(self.text, span.end, quote.start) is None:
            return False
        start = sentence_start(self.text, span.start)
        if _GENDERED_WORD.search(self.text, start, span.start):
            return False
        if _GENDERED_WORD.search(self.text, span.end, quote.start) and any(
                start <= other < span.start for other in self.subject_starts):
            return False
        return not any(start <= other.start and other.end < span.start
                       and not self.text[other.end:span.start].strip().startswith("and") for other in self._persons)

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
        if words[0].lower() in DEFINITE:  # "the veteran alderman warned …": the alderman the article named
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
        opening = sentence_start(self.text, span.start)
        window = self.text[opening:span.start]
        cue = _REPORTED_CLAUSE.search(window)
        if cue is None or _NAMED_AFTER_CUE.fullmatch(window, cue.end()):
            return None  # "…, said her mother, Marisol Ruiz Herrera": the span is the reporter
        if self.in_quote(opening + cue.start()):
            return None
        index = bisect_right(self._entity_starts, opening + cue.start()) - 1
        while index >= 0 and self.entities[index].start >= opening:
            candidate = self.entities[index]
            index -= 1
            if candidate.label == PERSON and candidate.end <= opening + cue.start() \
                    and not self.in_quote(candidate.start):
                name = candidate.attrs.get("person") or candidate.text_in(self.text)
                return candidate if self._fits(name, pronoun) else None
        return None

    def _kin_subject(self, tok: Tok, pronoun: str, after: int) -> str | None:
        """"Her father was less philosophical. Speaking to reporters, he said …": a relative who opens a sentence
        after the last named candidate is the one the article named as that relative (kinship.py)."""
        found = None
        for match in _KIN_SUBJECT.finditer(self.text, max(after + 1, tok.start - 500, 0), tok.start):
            if not self.in_quote(match.start()) and KIN_GENDER.get(match.group(1)) in (None, PRONOUN_GENDER[pronoun]):
                found = match
        if found is None:
            return None
        return self._relative_named(found.group(1), found.start())

    def _relative_named(self, kin: str, before: int) -> str | None:
        """The person the article introduced as `kin` before offset `before` (kinship.py), read with this
        article's people, subjects and genders."""
        return kin_named(kin, before, self.text, self._persons, lambda span: self._person(span).speaker,
                         self._is_salient, lambda name, gender: self._fits(name, _PRONOUN_OF.get(gender)))

    def _embedded(self, span: Span) -> bool:
        """Whether the mention is the subject of an inner clause (parse.salient_names)."""
        return offset_within(self.embedded_subjects, span)

    def _narrative_subject(self, start: int, end: int) -> Attribution | None:
        """The person who is first the subject of a main clause in text[start:end] (narrative) — a name, or "he" or
        "she" ("When the microphone reached Folasade Adeyemi, …, she asked the question") — else of an inner
        clause; None when no person is."""
        index = bisect_right(self._entity_starts, start - 1)
        found = main = None
        while index < len(self.entities) and self.entities[index].start < end:
            span = self.entities[index]
            index += 1
            if span.label != PERSON or self.in_quote(span.start) or not self._is_salient(span):
                continue
            if not self._embedded(span):
                main = span
                break
            found = found or span
        parse = self.parses.get(start)
        pronoun = next((tok for tok in parse.toks if tok.lower in PRONOUN_GENDER and tok.dep in SUBJECT_DEPS
                        and parse.toks[tok.head].dep == "ROOT" and not self.in_quote(tok.start)), None) if parse else None
        if pronoun is not None and (main is None or pronoun.start < main.start):
            return self._resolve_pronoun(pronoun)
        chosen = main or found
        return None if chosen is None else self._person(chosen)

    def _inside_pronoun_sentence(self, span: Span, pronoun: str | None) -> bool:
        """Whether `span` is the subject of an inner clause of a sentence whose own subject is the same pronoun
        ("He declared that as long as the field remained divided, Trump would …"): the text goes on about him."""
        if pronoun not in PRONOUN_GENDER or not self._embedded(span):
            return False
        opening = sentence_start(self.text, span.start)
        first = self.text[opening:span.start].lstrip().split(" ", 1)[0].lower()
        return first in {"he", "she"} and PRONOUN_GENDER[first] == PRONOUN_GENDER[pronoun]

    def _main_subject_over(self, span: Span, pronoun: str, listeners: set[str]) -> Span | None:
        """"Sanders did go further in trying to hold Snyder accountable. “…,” he said": when the nearest
        subject is a clause's inside another (parse.salient_names), the person who is the subject of
        the sentence's main clause is the one the text continues with."""
        if not self._embedded(span):
            return None
        opening = sentence_start(self.text, span.start)
        index = bisect_right(self._entity_starts, opening - 1)
        while index < len(self.entities) and self.entities[index].start < span.start:
            candidate = self.entities[index]
            index += 1
            name = candidate.attrs.get("person") or candidate.text_in(self.text)
            if candidate.label == PERSON and not self.in_quote(candidate.start) and name not in listeners \
                    and self._is_salient(candidate) \
                    and not self._embedded(candidate):
                return candidate if self._fits(name, pronoun) else None
        return None

    def _is_salient(self, span: Span) -> bool:
        """A subject (as parsed), or a name that a reporting verb follows, after an apposition or not
        ("Ann Lee, the skipper’s wife, said": the parser sometimes loses that subject)."""
        if offset_within(self.subject_starts, span):
            return True
        if SPEAKS_NEXT.match(self.text, span.end) is not None:
            return True
        if (_APPOSITION_END_SPEAKS.match(self.text, span.end) or _APPOSITION_END_ACTS.match(self.text, span.end)) \
                and _APPOSITION_OPEN.search(self.text, max(0, span.start - 60), span.start):
            return True  # "The law’s rapporteur, the Dutch MEP Annelies van der Berg-Koster, said …"
        return _SUBJECT_AFTER_CLAUSE.match(self.text, span.end) is not None \
            and not self.text[max(0, span.start - 5):span.start].endswith(("and ", "& "))  # "X and Y, who …": both
