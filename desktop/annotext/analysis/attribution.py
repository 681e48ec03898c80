"""Who said it: attributing each quotation to a speaker.

For each quotation we look, outside quotation marks and within its sentence, for a reporting cue:
a verb before it (X said/described … as/called … “…”, colon introductions) or after it
(“…,” said X / X said / X, title, said), "according to X", a dash signature (“…” ― Ana Ruiz) or a
paragraph ending with a colon just before. The cue's subject is resolved to a speaker by
references.py; quotations without a cue inherit from a neighbour (inheritance.py); quote_kind.py
then tells speech from scare quotes. The listener ("told AFP") is an object, never the subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annotext.analysis.described_organisations import organisations_in_full
from annotext.analysis.document_authors import AUTHORED_NOUNS
from annotext.analysis.cues import CUE_LEMMAS, PERSONAL_PRONOUNS, PHRASAL_CUES, SENTENCE_END, SUBJECT_DEPS
from annotext.analysis.gender import person_genders
from annotext.analysis.headline_quotes import give_headline_quotes_their_speakers
from annotext.analysis.inheritance import inherit_speakers
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.narrative_intro import introduced_by_narrative
from annotext.analysis.partial_quotes import MAX_CLIMB, WORD_VERBS, PartialQuotes
from annotext.analysis.names import lower_case_words
from annotext.analysis.people import looks_like_name, name_words
from annotext.analysis.quote_marks import QuoteMarks, speaker_label_at
from annotext.analysis.quote_kind import between_name_parts
from annotext.analysis.references import PERSON, Attribution, ReferenceResolution, person_forms
from annotext.analysis.subjects import a_thing, in_absolute_phrase
from annotext.analysis.turns import TurnTaking
from annotext.core.spans import Span

RELATIONSHIP_NOUNS = frozenset({"relationship", "relation", "tie", "partnership", "friendship", "alliance",
                                "bond", "cooperation", "rivalry", "link"})
_AGE_BEFORE = re.compile(r"\b[Tt]he\s+\d+-year-old(?:\s+[a-z]+){0,2}\s+$")
_AGE_AFTER = re.compile(r"\s+the\s+\d+-year-old\b(?:\s+[a-z]+){0,2}")
_ASPECT_CUES = frozenset({"continue", "find", "repeat"})
_ISSUING = frozenset({"issue", "release", "post", "publish", "send", "tweet"})  # … a statement, a letter: "…"
ADDRESSEE_CUES = frozenset({"tell", "inform", "assure", "urge", "warn", "ask", "remind", "advise", "promise"})
_NEVER_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_LABEL_DEPS = {"amod", "compound", "nmod", "npadvmod", "nummod"}
_SIGNATURE = re.compile(r"[^\S\n]*(?:\n\s*)?(?:―|—|–|--?)[^\S\n]*([^\W\d][\w’'.\u00a0 -]{1,60}?)"
                        r"(?:,[^\S\n]*[^\W\d][^\n,]{0,40})?[^\S\n]*\.?[^\S\n]*(?=\n|$)")


class Attributor(PartialQuotes, TurnTaking, ReferenceResolution):
    """Attributes the quotations of one text, in document order."""

    def __init__(self, text: str, quotes: list[QuoteMarks], entities: list[Span],
                 parses: dict[int, ParagraphParse], subject_starts: list[int], embedded_subjects: list[int] = ()):
        self.text = text
        self.quotes = quotes
        self.entities = sorted(entities, key=lambda s: s.start)
        self._entity_starts = [s.start for s in self.entities]
        self._persons = [s for s in self.entities if s.label == PERSON]
        self.parses = parses
        self._parse_starts = sorted(parses)
        self.subject_starts = sorted(subject_starts)
        self.embedded_subjects = sorted(embedded_subjects)  # subjects of inner clauses (parse.salient_names)
        self._quote_starts = [q.start for q in quotes]
        self.results: list[Attribution] = []
        self._person_forms = person_forms(self.entities, text)
        self.genders = person_genders([s for s in self.entities if s.label == PERSON], text, self.subject_starts)
        self._guessed_genders: dict[str, str] = {}
        self._resolved_pronouns: dict[tuple[int, str | None], Attribution | None] = {}

    # Public ----------------------------------------------------------------------------------
    def attribute_all(self) -> list[Attribution]:
        """One Attribution per quotation, in the order of `quotes`."""
        self.results = []
        for quote in self.quotes:
            self.results.append(self._attribute(quote))
        introduced_by_narrative(self.text, self.quotes, self.results, self._narrative_subject)
        inherit_speakers(self.text, self.quotes, self.results, self._named_in, self._addressed)
        give_headline_quotes_their_speakers(self.text, self.quotes, self.results)
        organisations_in_full(self.text, self.results)  # "the AIU said": the name the article defined
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

    def in_nickname(self, offset: int) -> bool:
        """Inside a nickname between the parts of a name (Marcia “Cia” Price): part of the name, so
        a window looking for the speaker reads through it."""
        index = bisect_right(self._quote_starts, offset) - 1
        if index < 0 or not self.quotes[index].start <= offset < self.quotes[index].end:
            return False
        quote = self.quotes[index]
        return len(quote.content(self.text).split()) <= 3 and between_name_parts(self.text, quote)

    def _person_subject_before(self, parse: ParagraphParse, tok: Tok) -> Tok | None:
        """The nearest subject before `tok` in its sentence that names a person ("Marchetti climbed …, sleeves
        rolled to the elbow, and told …": Marchetti told)."""
        for other in reversed(parse.toks[:tok.i]):
            if other.text in SENTENCE_END:
                return None
            entity = self.entity_at(other.start) if other.dep in SUBJECT_DEPS else None
            if entity is not None and entity.label == PERSON:
                return other
        return None

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
            if self.in_quote(tok.start) and not self.in_nickname(tok.start):
                break
            window.append(tok)
            if tok.text in SENTENCE_END:
                break
        return window

    # Attribution -----------------------------------------------------------------------------
    def _attribute(self, quote: QuoteMarks) -> Attribution:
        self._current_quote = quote  # whom it addresses is never its "he"/"she" (references.py, _listeners)
        first = self.parse_at(quote.start)
        last = self.parse_at(quote.end - 1)
        if first is None or last is None:
            return Attribution()
        if self._is_label(first, quote):
            return self._reported_label(first, quote) or Attribution(via="label")
        turn = self._transcript_speaker(quote)
        if turn is not None:
            return turn
        lead = self._lead(first, quote)
        trail = self._trail(last, quote)
        lead_words = any(t.text[:1].isalnum() for t in lead)
        colon = bool(lead) and lead[-1].text == ":"
        attempts = []
        if lead_words:
            attempts.append(("lead", lambda: self._from_cue(first, self._last_cue(lead), lead)))
        attempts.append(("dash", lambda: self._dash_signature(quote)))
        if not lead_words:
            attempts.append(("colon", lambda: self._headline_speaker(quote)))
        attempts.append(("trail", lambda: self._from_cue(last, self._first_cue(trail), trail)))
        attempts.append(("according", lambda: self._according_to(first, lead) or self._according_to(last, trail)))
        if colon:
            attempts.append(("colon", lambda: self._colon_speaker(first, lead)))
        if not lead_words:
            attempts.append(("colon", lambda: self._previous_paragraph_intro(quote)))
            attempts.append(("sentence", lambda: self._sentence_before(first, quote)))
        if lead_words:
            attempts.append(("governing", lambda: self._governing_person(first, quote)))
        for via, attempt in attempts:
            found = attempt()
            if found is not None and found.via == "label":
                return found
            if found is not None and found.speaker:
                found.via = via
                return found
        governing = self._governing_subject(first, quote) if lead_words else None
        if governing is not None:  # part of a clause with a subject: someone's words, unnamed
            return Attribution(cue=governing[0].lemma, via="partial")
        return Attribution()

    def _headline_speaker(self, quote: QuoteMarks) -> Attribution | None:
        """"“I wrote it at my mam’s kitchen table”: Niamh de Búrca sweeps the awards" — a quotation
        opening a line, then a colon and a person: the headline gives it to that person."""
        after = re.match(r"[ \t]*:[ \t]*", self.text[quote.end:quote.end + 4])
        if after is None:
            return None
        entity = self.entity_at(quote.end + after.end())
        if entity is None or entity.label != PERSON or entity.start != quote.end + after.end():
            return None
        return self._person(entity)

    def _transcript_speaker(self, quote: QuoteMarks) -> Attribution | None:
        """"“PENCE: Well, look, …" — a transcript turn is spoken by the person its label names."""
        label = speaker_label_at(self.text, quote.start + 1)
        if label is None:
            return None
        words = name_words(" ".join(w.capitalize() for w in label.group().split()))
        if not words:
            return None
        written = " ".join(words)
        speaker = self._person_forms.get(written)
        if speaker is None and any(word.lower() in lower_case_words(self.text) for word in words):
            return None  # "“EVACUATION ORDER: Leave now …”": a heading in capitals, not a person's label
        return Attribution(speaker or written, label.start(), label.end(), is_person=True, via="transcript")

    def _dash_signature(self, quote: QuoteMarks) -> Attribution | None:
        """"“…” ― Ana Ruiz": a name after a dash closing the paragraph signs the quotation."""
        match = _SIGNATURE.match(self.text, quote.end)
        if match is None:
            return None
        start, end = match.span(1)
        entity = self.entity_at(start)
        if entity is not None and entity.label == PERSON:
            return self._person(entity)
        name = match.group(1)
        if looks_like_name(name):
            return Attribution(" ".join(name_words(name)), start, end, is_person=True)
        return None

    def _previous_paragraph_intro(self, quote: QuoteMarks) -> Attribution | None:
        """A paragraph that ends with a colon introduces the quotation that opens the next one
        ("Caddell continued:" / "The report reads:")."""
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        if self.text[line_start:quote.start].strip():
            return None
        previous_end = line_start - 1
        while previous_end > 0 and self.text[previous_end - 1] in " \t\n":
            previous_end -= 1
        if previous_end <= 0 or self.text[previous_end - 1] not in ":.":
            return None
        parse = self.parse_at(previous_end - 1)
        if parse is None:
            return None
        if self.text[previous_end - 1] == ".":
            return self._turn_taker(parse)
        window = [t for t in parse.toks if not self.in_quote(t.start)]
        sentence_start = max((i for i, t in enumerate(window[:-1]) if t.text in SENTENCE_END), default=-1) + 1
        window = window[sentence_start:]
        return self._from_cue(parse, self._last_cue(window), window) or self._colon_speaker(parse, window)

    @staticmethod
    def _is_cue(tok: Tok) -> bool:
        return tok.lemma in CUE_LEMMAS and (tok.pos in {"VERB", "AUX"} or tok.tag.startswith("VB"))

    @staticmethod
    def _is_phrasal_cue(tok: Tok, window: list[Tok]) -> bool:
        """"Bennett shot back", "Trump went on", "as the prosecutor put it": a verb and the word after it; "Trump
        issued a statement, “…”": a verb that puts out a document, and the document."""
        if not tok.tag.startswith("VB"):
            return False
        after = next((t for t in window if t.i == tok.i + 1), None)
        return (after is not None and (after.lower, tok.lemma) in PHRASAL_CUES) or (tok.lemma in _ISSUING and any(
            t.head == tok.i and t.dep == "dobj" and t.lemma in AUTHORED_NOUNS for t in window))

    def _last_cue(self, window: list[Tok]) -> Tok | None:
        for tok in reversed(window):
            if (self._is_cue(tok) and not (tok.lemma in _ASPECT_CUES and self._has_xcomp(tok, window))) \
                    or self._is_phrasal_cue(tok, window):
                return tok
        return None

    @staticmethod
    def _has_xcomp(tok: Tok, window: list[Tok]) -> bool:
        """"Rubio will continue to be “a champion”": continue/find with a complement reports nothing."""
        return any(other.head == tok.i and other.dep in {"xcomp", "oprd"} and other.i > tok.i
                   and other.pos in {"VERB", "AUX", "ADJ"} for other in window)

    def _first_cue(self, window: list[Tok]) -> Tok | None:
        for tok in window:
            if self._is_cue(tok) or self._is_phrasal_cue(tok, window):
                return tok
        return None

    def _from_cue(self, parse: ParagraphParse, cue: Tok | None, window: list[Tok]) -> Attribution | None:
        if cue is None:
            return None
        subject = self._subject_of(parse, cue)
        if subject is None or subject.lower in {"old", "year"}:
            aged = self._age_description(cue)
            if aged is not None:
                return aged
        if cue.tag == "VBG" and cue.dep in {"advcl", "xcomp", "conj"}:  # "Trump told Newsmax that Romney
            outer = self._outer_reporter(parse, cue)                     # “had …,” adding, “…”": who added
            if outer is not None:
                return outer
        if subject is None and cue.dep == "acl" and parse.toks[cue.head].pos == "PROPN":
            subject = parse.toks[cue.head]  # "footage of Hillary Clinton asking, “…”"
        if subject is None:
            subject = self._nearby_speaker_token(cue, window)
        if subject is None:
            return None
        if self._describes_a_relationship(parse, cue, subject):
            return Attribution(via="label")
        found = self._resolve(parse, subject)
        if found is not None and not found.is_person:
            # "the AIU said analysis of his sample had revealed “…”": a thing reveals nothing; the reporter does
            outer = self._outer_reporter(parse, cue, clause_only=a_thing(subject) and self.entity_at(subject.start) is None)
            if outer is not None:
                return outer
        if found is not None:
            found.cue = cue.lower
        return found

    def _age_description(self, cue: Tok) -> Attribution | None:
        """"“…,” the 24-year-old said" / "said the 58-year-old": the person introduced with that age,
        else the person the story is about at that point (as for a pronoun, without the gender)."""
        match = _AGE_BEFORE.search(self.text, max(0, cue.start - 40), cue.start) or _AGE_AFTER.match(self.text, cue.end)
        if match is None:
            return None
        age = re.search(r"\d+", match.group())
        introduced, other_ages = self._people_of_age(age.group(), match.start()) if age else (None, set())
        if introduced is not None:  # "Brandon Mulroy, 34, …" … "the 34-year-old said"
            return Attribution(self._person(introduced).speaker, match.start(), match.end(), cue.lower, True)
        found = self._resolve_pronoun(Tok(cue.i, match.start(), match.end(), match.group(), "", "", "", "", "", 0, 0, 0),
                                      pronoun=None, listeners=other_ages)
        if found is not None:
            found.start, found.end, found.cue = match.start(), match.end(), cue.lower
        return found

    def _describes_a_relationship(self, parse: ParagraphParse, cue: Tok, subject: Tok) -> bool:
        """"The two countries describe their relationship as a “strategic partnership”": a pair or
        group described by its relationship labels it; nobody is quoted."""
        counted = any(t.head == subject.i and (t.dep == "nummod" or t.lower == "both") for t in parse.toks)
        if not (subject.tag == "NNS" and counted):
            return False
        return any(t.head == cue.i and t.dep == "dobj" and t.lemma in RELATIONSHIP_NOUNS for t in parse.toks)

    def _subject_of(self, parse: ParagraphParse, verb: Tok) -> Tok | None:
        current = verb
        for _ in range(MAX_CLIMB):
            subjects = [tok for tok in parse.toks if tok.head == current.i and tok.i != current.i
                        and tok.dep in SUBJECT_DEPS and not self.in_quote(tok.start)]
            if subjects:  # two subjects is a parse error ("X led …, and their manager, Y, said"): the nearer
                before = [tok for tok in subjects if tok.i < current.i]
                subject = before[-1] if before else subjects[0]
                if current is not verb and in_absolute_phrase(parse, subject):
                    return self._person_subject_before(parse, subject) or subject
                return subject
            if current.dep not in {"conj", "xcomp", "advcl"} or current.head == current.i:
                return None
            current = self._reporting_verb_beside(parse, current) or parse.toks[current.head]
        return None

    def _reporting_verb_beside(self, parse: ParagraphParse, verb: Tok) -> Tok | None:
        """"He said Renee Mattingly “had nothing to do with it” and called the charges “an attempt …”": a
        verb of words joined by "and" to the verb of a clause someone reports is the reporter's second
        verb (the parser hangs it on the inner clause); the reporting verb, whose subject is its subject."""
        if verb.dep != "conj" or verb.lemma not in WORD_VERBS:
            return None
        first = parse.toks[verb.head]
        if first.pos not in {"VERB", "AUX"} or self._is_cue(first) or first.dep != "ccomp" or first.head == first.i:
            return None
        reporting = parse.toks[first.head]
        return reporting if self._is_cue(reporting) else None

    def _nearby_speaker_token(self, cue: Tok, window: list[Tok]) -> Tok | None:
        """Parser gave no subject: take a person, pronoun or name right next to the cue."""
        position = window.index(cue) if cue in window else -1
        if position < 0:
            return None
        after = window[position + 1:position + 4]
        before = list(reversed(window[max(0, position - 12):position]))
        order = before + after if cue.lemma in ADDRESSEE_CUES else after + before  # "Ramos told AFP"
        for tok in order:
            if self._speakerish(tok):
                return tok
        return None

    def _speakerish(self, tok: Tok) -> bool:
        if self.is_dateline(tok):
            return False
        entity = self.entity_at(tok.start)
        if entity is not None and entity.label in _NEVER_SPEAKERS:
            return False  # "Flynn, a top Trump surrogate, said Thursday"
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

    def _is_label(self, parse: ParagraphParse, quote: QuoteMarks) -> bool:
        """A quotation that modifies the noun after it (the “no-limits” partnership) is a label,
        not anyone's words, whatever verb the sentence has."""
        inside = [t for t in parse.toks if quote.start <= t.start < quote.end and t.text[:1].isalnum()]
        heads = [t for t in inside if not (quote.start <= parse.toks[t.head].start < quote.end)]
        return len(heads) == 1 and len(inside) <= 3 and heads[0].dep in _LABEL_DEPS \
            and parse.toks[heads[0].head].start >= quote.end and parse.toks[heads[0].head].pos in {"NOUN", "PROPN"}
