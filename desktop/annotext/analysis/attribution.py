"""Who said it: attributing each quotation to a speaker (DESIGN §6).

For each quotation we look, outside quotation marks and within its sentence, for a reporting cue:
a verb before it (X said/described … as/called … “…”, colon introductions) or after it
(“…,” said X / X said / X, title, said), or "according to X". The speaker is the cue's subject:
a PERSON becomes its canonical name, "he"/"she" the nearest earlier salient person, "who" its
antecedent, anything else the noun phrase as written ("the report", "a Department of Health
spokesman"). Quotations without a cue inherit from a neighbouring quotation of the same paragraph;
scare quotes stay unattributed. The listener ("told AFP") is an object, never the subject.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from annotext.analysis.cues import (CUE_LEMMAS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS,
                                    SENTENCE_END, SUBJECT_DEPS)
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.people import name_words, surname
from annotext.analysis.quote_marks import QuoteMarks
from annotext.core.spans import Span

PERSON = "PERSON"
_MAX_CLIMB = 4
_PHRASE_PREPOSITIONS = {"for", "of", "at", "from", "with", "in"}


@dataclass
class Attribution:
    """A resolved speaker: canonical name (or phrase), where it was found, the cue, and whether a person."""

    speaker: str | None = None
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    is_person: bool = False


class Attributor:
    """Attributes the quotations of one text, in document order."""

    def __init__(self, text: str, quotes: list[QuoteMarks], entities: list[Span],
                 parses: dict[int, ParagraphParse], subject_starts: list[int]):
        self.text = text
        self.quotes = quotes
        self.entities = sorted(entities, key=lambda s: s.start)
        self._entity_starts = [s.start for s in self.entities]
        self.parses = parses
        self._parse_starts = sorted(parses)
        self.subject_starts = sorted(subject_starts)
        self._quote_starts = [q.start for q in quotes]
        self.results: list[Attribution] = []
        self._person_forms = _person_forms(self.entities, text)

    # Public ----------------------------------------------------------------------------------
    def attribute_all(self) -> list[Attribution]:
        """One Attribution per quotation, in the order of `quotes`."""
        self.results = []
        for quote in self.quotes:
            self.results.append(self._attribute(quote))
        self._inherit()
        return self.results

    # Lookups ---------------------------------------------------------------------------------
    def entity_at(self, offset: int) -> Span | None:
        """The entity covering character `offset`, if any."""
        index = bisect_right(self._entity_starts, offset) - 1
        while index >= 0 and self._entity_starts[index] > offset - 300:
            span = self.entities[index]
            if span.start <= offset < span.end:
                return span
            index -= 1
        return None

    def in_quote(self, offset: int) -> bool:
        index = bisect_right(self._quote_starts, offset) - 1
        return index >= 0 and self.quotes[index].start <= offset < self.quotes[index].end

    def parse_at(self, offset: int) -> ParagraphParse | None:
        index = bisect_right(self._parse_starts, offset) - 1
        if index < 0:
            return None
        parse = self.parses[self._parse_starts[index]]
        return parse if parse.start <= offset <= parse.end else None

    # Windows ---------------------------------------------------------------------------------
    def _lead(self, parse: ParagraphParse, quote: QuoteMarks) -> list[Tok]:
        """Tokens before the quotation, back to the previous quotation or sentence end."""
        window = []
        for tok in reversed(parse.toks):
            if tok.end > quote.start:
                continue
            if self.in_quote(tok.start) or tok.text in SENTENCE_END:
                break
            window.append(tok)
        window.reverse()
        return window

    def _trail(self, parse: ParagraphParse, quote: QuoteMarks) -> list[Tok]:
        """Tokens after the quotation, up to the next quotation or sentence end."""
        window = []
        for tok in parse.toks:
            if tok.start < quote.end:
                continue
            if self.in_quote(tok.start):
                break
            window.append(tok)
            if tok.text in SENTENCE_END:
                break
        return window

    # Attribution -----------------------------------------------------------------------------
    def _attribute(self, quote: QuoteMarks) -> Attribution:
        first = self.parse_at(quote.start)
        last = self.parse_at(quote.end - 1)
        if first is None or last is None:
            return Attribution()
        lead = self._lead(first, quote)
        trail = self._trail(last, quote)
        lead_words = any(t.text[:1].isalnum() for t in lead)
        colon = bool(lead) and lead[-1].text == ":"
        attempts = []
        if lead_words:
            attempts.append(lambda: self._from_cue(first, self._last_cue(lead), lead))
        attempts.append(lambda: self._from_cue(last, self._first_cue(trail), trail))
        attempts.append(lambda: self._according_to(first, lead) or self._according_to(last, trail))
        if colon:
            attempts.append(lambda: self._colon_speaker(first, lead))
        if lead_words:
            attempts.append(lambda: self._governing_person(first, quote))
        for attempt in attempts:
            found = attempt()
            if found is not None and found.speaker:
                return found
        return Attribution()

    @staticmethod
    def _is_cue(tok: Tok) -> bool:
        return tok.lemma in CUE_LEMMAS and (tok.pos in {"VERB", "AUX"} or tok.tag.startswith("VB"))

    def _last_cue(self, window: list[Tok]) -> Tok | None:
        for tok in reversed(window):
            if self._is_cue(tok):
                return tok
        return None

    def _first_cue(self, window: list[Tok]) -> Tok | None:
        for tok in window:
            if self._is_cue(tok):
                return tok
        return None

    def _from_cue(self, parse: ParagraphParse, cue: Tok | None, window: list[Tok]) -> Attribution | None:
        if cue is None:
            return None
        subject = self._subject_of(parse, cue)
        if subject is None:
            subject = self._nearby_speaker_token(cue, window)
        if subject is None:
            return None
        found = self._resolve(parse, subject)
        if found is not None and not found.is_person:
            outer = self._outer_reporter(parse, cue)
            if outer is not None:
                return outer
        if found is not None:
            found.cue = cue.lower
        return found

    def _outer_reporter(self, parse: ParagraphParse, cue: Tok) -> Attribution | None:
        """"Berry said members would ask him ‘…’": a person reporting the inner clause is the source."""
        current = cue
        for _ in range(_MAX_CLIMB):
            if current.head == current.i:
                return None
            current = parse.toks[current.head]
            if self.in_quote(current.start) or not self._is_cue(current):
                continue
            subject = self._subject_of(parse, current)
            found = self._resolve(parse, subject) if subject is not None else None
            if found is not None and found.is_person:
                found.cue = current.lower
                return found
        return None

    def _subject_of(self, parse: ParagraphParse, verb: Tok) -> Tok | None:
        current = verb
        for _ in range(_MAX_CLIMB):
            for tok in parse.toks:
                if tok.head == current.i and tok.i != current.i and tok.dep in SUBJECT_DEPS \
                        and not self.in_quote(tok.start):
                    return tok
            if current.dep not in {"conj", "xcomp", "advcl"} or current.head == current.i:
                return None
            current = parse.toks[current.head]
        return None

    def _nearby_speaker_token(self, cue: Tok, window: list[Tok]) -> Tok | None:
        """Parser gave no subject: take a person, pronoun or name right next to the cue."""
        position = window.index(cue) if cue in window else -1
        if position < 0:
            return None
        after = window[position + 1:position + 4]
        before = list(reversed(window[max(0, position - 12):position]))
        for tok in after + before:
            if self._speakerish(tok):
                return tok
        return None

    def _speakerish(self, tok: Tok) -> bool:
        entity = self.entity_at(tok.start)
        return (entity is not None and entity.label == PERSON) or tok.lower in PERSONAL_PRONOUNS \
            or tok.pos == "PROPN"

    def _according_to(self, parse: ParagraphParse, window: list[Tok]) -> Attribution | None:
        for index, tok in enumerate(window[:-1]):
            if tok.lower == "according" and window[index + 1].lower == "to":
                to = window[index + 1]
                objects = [t for t in parse.toks if t.head == to.i and t.dep == "pobj"]
                target = objects[0] if objects else (window[index + 2] if index + 2 < len(window) else None)
                if target is not None:
                    found = self._resolve(parse, target)
                    if found is not None:
                        found.cue = "according to"
                        return found
        return None

    def _colon_speaker(self, parse: ParagraphParse, lead: list[Tok]) -> Attribution | None:
        """"Webster: “…”" or "The minister’s reply: “…”": the last person or subject before the colon."""
        for tok in reversed(lead[:-1]):
            if tok.dep in SUBJECT_DEPS or self._speakerish(tok) or tok.dep == "ROOT" and tok.pos in {"PROPN", "NOUN"}:
                found = self._resolve(parse, tok)
                if found is not None:
                    found.cue = ":"
                    return found
        return None

    def _governing_person(self, parse: ParagraphParse, quote: QuoteMarks) -> Attribution | None:
        """A partial quote ("cherishing his “reliable partner”"): the person subject of its verb."""
        inside = [t for t in parse.toks if quote.start <= t.start < quote.end]
        heads = [t for t in inside if not (quote.start <= parse.toks[t.head].start < quote.end)]
        if not heads:
            return None
        current = parse.toks[heads[0].head]
        for _ in range(_MAX_CLIMB):
            if current.pos in {"VERB", "AUX"}:
                break
            if current.head == current.i:
                return None
            current = parse.toks[current.head]
        else:
            return None
        subject = self._subject_of(parse, current)
        if subject is None:
            return None
        found = self._resolve(parse, subject)
        if found is None or not found.is_person:
            return None
        found.cue = current.lower
        return found

    # Resolving a subject token to a speaker ---------------------------------------------------
    def _resolve(self, parse: ParagraphParse, tok: Tok) -> Attribution | None:
        if tok.lower in RELATIVE_PRONOUNS and tok.dep in SUBJECT_DEPS:
            verb = parse.toks[tok.head]
            if verb.dep == "relcl":
                tok = parse.toks[verb.head]
        entity = self.entity_at(tok.start)
        if entity is not None and entity.label == PERSON:
            return Attribution(entity.attrs.get("person") or entity.text_in(self.text),
                               entity.start, entity.end, is_person=True)
        if tok.lower in PERSONAL_PRONOUNS:
            return self._resolve_pronoun(tok)
        if tok.lower in PLURAL_PRONOUNS:
            return self._resolve_plural(tok)
        if tok.pos in {"NOUN", "PROPN"}:
            for other in parse.toks:  # "an expert, Joe Webster," / "Joe Webster, an expert"
                linked = (other.head == tok.i and other.dep == "appos") or (tok.dep == "appos" and other.i == tok.head)
                if linked:
                    entity = self.entity_at(other.start)
                    if entity is not None and entity.label == PERSON:
                        return Attribution(entity.attrs.get("person") or entity.text_in(self.text),
                                           entity.start, entity.end, is_person=True)
            return self._phrase(parse, tok, entity)
        return None

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

    def _resolve_pronoun(self, tok: Tok) -> Attribution | None:
        """"he"/"she": the nearest earlier person who is a subject or a speaker, else the nearest person."""
        last_speaker = next((a for a in reversed(self.results) if a.is_person and a.start is not None
                             and a.start < tok.start), None)
        nearest_subject = nearest_any = None
        index = bisect_right(self._entity_starts, tok.start) - 1
        while index >= 0:
            span = self.entities[index]
            index -= 1
            if span.label != PERSON or span.end > tok.start or self.in_quote(span.start):
                continue
            if nearest_any is None:
                nearest_any = span
            if self._is_salient(span):
                nearest_subject = span
                break
        choice = None
        if nearest_subject is not None and (last_speaker is None or nearest_subject.start > last_speaker.start):
            choice = nearest_subject
        elif last_speaker is not None:
            return Attribution(last_speaker.speaker, tok.start, tok.end, is_person=True)
        else:
            choice = nearest_subject or nearest_any
        if choice is None:
            return None
        return Attribution(choice.attrs.get("person") or choice.text_in(self.text), tok.start, tok.end, is_person=True)

    def _is_salient(self, span: Span) -> bool:
        index = bisect_right(self.subject_starts, span.end - 1) - 1
        return index >= 0 and self.subject_starts[index] >= span.start

    def _resolve_plural(self, tok: Tok) -> Attribution | None:
        previous = next((a for a in reversed(self.results) if a.speaker and a.start is not None
                         and a.start < tok.start), None)
        if previous is not None and not previous.is_person:
            return Attribution(previous.speaker, tok.start, tok.end)
        return None

    # Inheritance -----------------------------------------------------------------------------
    def _inherit(self) -> None:
        """Quotes without a cue take the speaker of a neighbouring quote (DESIGN §6)."""
        for index, quote in enumerate(self.quotes):
            if self.results[index].speaker or index == 0:
                continue
            previous = self.quotes[index - 1]
            found = self.results[index - 1]
            if not found.speaker:
                continue
            between = self.text[previous.end:quote.start]
            same_paragraph = "\n" not in between
            same_sentence = same_paragraph and not any(ch in between for ch in SENTENCE_END)
            full_quote = self._starts_sentence(quote)
            alone = between.count("\n") == 1 and self._paragraph_is_only_quotes(quote)
            if (same_paragraph and (same_sentence or full_quote)) or (alone and found.is_person):
                self.results[index] = Attribution(found.speaker, found.start, found.end, found.cue, found.is_person)
        for index in range(len(self.quotes) - 2, -1, -1):  # “A.” “B,” he said.
            if self.results[index].speaker:
                continue
            between = self.text[self.quotes[index].end:self.quotes[index + 1].start]
            after = self.results[index + 1]
            if after.speaker and not any(ch.isalnum() for ch in between) and "\n" not in between \
                    and self._starts_sentence(self.quotes[index]):
                self.results[index] = Attribution(after.speaker, after.start, after.end, after.cue, after.is_person)

    def _starts_sentence(self, quote: QuoteMarks) -> bool:
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        before = self.text[line_start:quote.start].rstrip()
        content = quote.content(self.text).lstrip("([")
        return (not before or before[-1] in ".!?:”’\"") and content[:1].isupper()

    def _paragraph_is_only_quotes(self, quote: QuoteMarks) -> bool:
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        line_end = self.text.find("\n", quote.end)
        line_end = len(self.text) if line_end < 0 else line_end
        return not any(ch.isalnum() for ch in self.text[line_start:quote.start] + self.text[quote.end:line_end])


def _person_forms(entities: list[Span], text: str) -> dict[str, str]:
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
