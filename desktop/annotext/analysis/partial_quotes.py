"""Partial quotations and reported clauses: whose words a quotation inside a sentence is.

"Putin cherishing his “reliable partner”" is Putin's (the subject of the verb the quotation sits in);
"Trump tweeted that Machado was “disgusting”" is Trump's, not Machado's: a partial quotation inside a
clause that a reporting verb reports belongs to the reporter (a person, or an organisation or group
by name: "Politifact ruled that Trump’s statement … is “true”"); "Trump’s claim that there have been
“thousands of shootings”" is the owner's of the speech noun. Mixed into the attributor
(attribution.py), which provides the parse lookups and the reference resolution.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from annotext.analysis.document_authors import AUTHORED_NOUNS
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.quote_marks import QuoteMarks
from annotext.analysis.attribution_record import Attribution
from annotext.core.spans import Span

MAX_CLIMB = 4
SPEECH_NOUNS = frozenset({"claim", "remark", "statement", "comment", "promise", "pledge", "assertion", "accusation",
                          "description", "warning", "argument", "suggestion", "insistence", "vow", "boast",
                          "allegation", "plea", "prediction", "characterization", "characterisation", "words"})
ORGANISATION_LABELS = {"ORG", "NORP", "GPE"}
_NON_FINITE = {"VBG", "VB", "VBN"}
_REPORTED_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
# Verbs that report someone's words, so a quoted word in their object is those words ("warned of a
# “ferocious” battle"); not verbs that judge ("praised the “no-limits” partnership": a label).
WORD_VERBS = frozenset({"say", "warn", "tell", "claim", "state", "insist", "argue", "write", "tweet", "call", "describe",
                        "dub", "label", "term", "brand", "predict", "promise", "vow", "complain", "accuse", "suggest",
                        "imply", "add", "note", "caution", "declare", "announce", "refer", "speak", "talk", "boast"})


class PartialQuotes:
    """Whose words a partial quotation is; mixed into the attributor, which provides these."""

    entity_at: Callable[[int], Span | None]
    in_quote: Callable[[int], bool]
    _is_cue: Callable[[Tok], bool]
    _subject_of: Callable[[ParagraphParse, Tok], Tok | None]
    _resolve: Callable[[ParagraphParse, Tok], Attribution | None]

    def _outer_reporter(self, parse: ParagraphParse, cue: Tok, clause_only: bool = False) -> Attribution | None:
        """"Berry said members would ask him ‘…’": a person reporting the inner clause is the source —
        never a passive verb's subject ("X was praised by the leader, who called it ‘…’"). With
        `clause_only`, only a clause reported by the cue counts (not "as Trump went on …, Melanie said")."""
        current = self._verb_of_document_clause(parse, cue) or cue
        for _ in range(MAX_CLIMB):
            if current.head == current.i or (clause_only and not self._reported_clause(parse, current)):
                return None
            current = parse.toks[current.head]
            if self.in_quote(current.start) or not self._is_cue(current):
                continue
            subject = self._subject_of(parse, current)
            if subject is not None and subject.dep == "nsubjpass":  # the praised are not who reports
                return None
            found = self._resolve(parse, subject) if subject is not None else None
            if found is not None and (found.is_person or (clause_only and self._organisation(subject))):
                found.cue = current.lower  # "Politifact ruled that Trump’s statement … is “true”"
                return found
        return None

    def _verb_of_document_clause(self, parse: ParagraphParse, verb: Tok) -> Tok | None:
        """"said in a written submission that the system had been designed for ‘…’": a that-clause of a
        document or speech noun the reporting verb wrote or spoke "in"; that clause's verb, as if the
        reporting verb reported it directly (its subject is the source). None otherwise."""
        if verb.dep != "acl" or not any(t.head == verb.i and t.lower == "that" and t.i < verb.i for t in parse.toks):
            return None
        noun = parse.toks[verb.head]
        if noun.lemma not in SPEECH_NOUNS and noun.lemma not in AUTHORED_NOUNS or noun.dep != "pobj":
            return None
        preposition = parse.toks[noun.head]
        if preposition.pos != "ADP" or preposition.head == preposition.i or not self._is_cue(parse.toks[preposition.head]):
            return None
        return replace(verb, dep="ccomp", head=preposition.head)

    def _organisation(self, tok: Tok) -> bool:
        """An organisation or a group by name ("Politifact", "Democrats"), not a pronoun or a phrase."""
        entity = self.entity_at(tok.start)
        return (entity is not None and entity.label in ORGANISATION_LABELS) or (tok.pos == "PROPN" and tok.text[:1].isupper())

    def _reported_clause(self, parse: ParagraphParse, verb: Tok) -> bool:
        """The verb heads a clause its head reports: a complement, a verb or an adverbial clause joined
        to one ("… that she was “a con” and encouraged …", "… that Rubio was “…” while Cruz is “…”";
        not one joined to the cue itself: "Xi calling …, Putin cherishing …"), or an adverbial clause
        the small model made of "that …"."""
        if verb.dep in _REPORTED_CLAUSE_DEPS:
            return True
        if verb.dep in {"conj", "advcl"} and not self._is_cue(parse.toks[verb.head]):
            return True  # inside the reported clause: "said that Rubio was “…” while Cruz is “…”"
        return verb.dep == "advcl" and any(t.head == verb.i and t.lower == "that" and t.i < verb.i for t in parse.toks)

    def _governing_subject(self, parse: ParagraphParse, quote: QuoteMarks) -> tuple[Tok, Tok] | None:
        """(verb, subject) of the clause a partial quote sits in ("cherishing his “reliable partner”")."""
        inside = [t for t in parse.toks if quote.start <= t.start < quote.end]
        heads = [t for t in inside if not (quote.start <= parse.toks[t.head].start < quote.end)
                 and t.text[:1].isalnum()]
        if not heads:
            return None
        current = parse.toks[heads[0].head]
        beyond_verb = False  # past a verb with no subject, only a preposition may lead to the verb above
        for _ in range(MAX_CLIMB + 2):
            if current.pos in {"VERB", "AUX"}:
                subject = self._subject_of(parse, current)
                if subject is not None:
                    return current, subject
                if current.tag not in _NON_FINITE or current.head == current.i:
                    return None  # "he blasted the media for being “dishonest”": a gerund's subject is the verb's above
                beyond_verb = True
            elif current.head == current.i or (beyond_verb and current.pos not in {"ADP", "SCONJ"}):
                return None  # "Trump’s claim that there have been “…”": the claim's owner, not the sentence's subject
            current = parse.toks[current.head]
        return None

    def _reported_label(self, parse: ParagraphParse, quote: QuoteMarks) -> Attribution | None:
        """A quoted word before a noun is a label (the “no-limits” partnership) unless a reporting verb
        carries it: "Cruz warned of a “ferocious” battle", "Cruz says his “friend and colleague” Rubio
        ran …" are the reporter's words."""
        governing = self._governing_subject(parse, quote)
        if governing is None:
            return None
        verb, subject = governing
        if subject.dep == "nsubjpass" or parse.toks[subject.left].start <= quote.start <= parse.toks[subject.right].end:
            return None  # "called a charlatan for promoting “quack” cures", "said X, one of the “big four”"
        if not self._is_cue(verb):
            found = self._outer_reporter(parse, verb, clause_only=True)
        elif verb.lemma in WORD_VERBS:
            found = self._resolve(parse, subject)
            if found is not None and not (found.is_person or self._organisation(subject)):
                return None
            if found is not None:
                found.cue = verb.lower
        else:
            return None
        if found is not None and found.speaker:
            found.via = "governing"
            return found
        return None

    def _governing_person(self, parse: ParagraphParse, quote: QuoteMarks) -> Attribution | None:
        """A partial quote ("cherishing his “reliable partner”", "PolitiFact rated the claim “false”"):
        the person or organisation that is the subject of its verb."""
        governing = self._governing_subject(parse, quote)
        if governing is None:
            return self._owner_of_words(parse, quote)
        verb, subject = governing
        if not self._is_cue(verb):  # "Trump tweeted that Machado was “disgusting”": the reporter's words
            outer = self._outer_reporter(parse, verb, clause_only=True)
            if outer is not None:
                return outer
        found = self._resolve(parse, subject)
        entity = self.entity_at(subject.start)
        organisation = entity is not None and entity.label in ORGANISATION_LABELS
        if found is None or not (found.is_person or organisation):
            # "Only European immigrants are “safe”": nobody's words in particular, unless they are
            # part of someone's claim ("Trump’s claim that there have been “thousands of shootings”")
            return self._owner_of_words(parse, quote)
        found.cue = verb.lower
        return found

    def _owner_of_words(self, parse: ParagraphParse, quote: QuoteMarks) -> Attribution | None:
        """A partial quote inside "X’s claim/remark/promise …": the possessor of the speech noun said it."""
        inside = [t for t in parse.toks if quote.start <= t.start < quote.end]
        heads = [t for t in inside if not (quote.start <= parse.toks[t.head].start < quote.end)]
        if not heads:
            return None
        current = heads[0]
        for _ in range(MAX_CLIMB + 2):
            if current.head == current.i:
                return None
            current = parse.toks[current.head]
            if current.pos == "NOUN" and current.lemma in SPEECH_NOUNS and current.end <= quote.start:
                owner = next((t for t in parse.toks if t.head == current.i and t.dep == "poss"), None)
                found = None if owner is None else self._resolve(parse, owner)
                if found is None or not found.is_person:
                    return None
                found.cue = current.lower
                return found
        return None
