"""Who takes the turn: a quotation with no cue of its own belongs to the person a sentence just before it
hands the turn to. Mixed into the attributor (attribution.py), which provides the parse lookups, the cue
test and the reference resolution.
"""

from __future__ import annotations

from typing import Callable

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.cues import PHRASAL_CUES, SENTENCE_END
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.quote_marks import QuoteMarks

# Verbs by which a person takes the turn in a paragraph of their own, before a cue-less quotation.
_TURN_VERBS = frozenset("""laugh smile grin shrug sigh nod pause speak reply respond answer explain continue add
recall joke admit agree disagree demur object turn persuade convince impress""".split())
# "Lindqvist was unconvinced.": a reaction told with an adjective also takes the turn
_REACTION_ADJECTIVES = frozenset("""unconvinced unimpressed unmoved unpersuaded sceptical skeptical defiant blunt
adamant emphatic incredulous indignant unapologetic""".split())
# Verbs that put a question to someone: the person asked answers the quotation after the sentence.
_ASKING_VERBS = frozenset({"ask", "press", "question", "quiz", "grill", "put"})
_QUESTION_WORDS = frozenset({"whether", "if", "why", "what", "how", "when", "where", "who", "which"})
_QUOTE_CHARS = frozenset("“”\"‘’«»")


class TurnTaking:
    """Sentences that hand the turn to the next quotation's speaker; mixed into the attributor."""

    in_quote: Callable[[int], bool]
    _is_cue: Callable[[Tok], bool]
    _subject_of: Callable[[ParagraphParse, Tok], Tok | None]
    _resolve: Callable[[ParagraphParse, Tok], Attribution | None]
    _resolve_pronoun: Callable[..., Attribution | None]

    def _turn_taker(self, parse: ParagraphParse) -> Attribution | None:
        """"Asked what she had been thinking, the teenager laughed." / "Her brother, Daniel, spoke to
        reporters …" / "She shook her head and then answered in English." / "Nwachukwu said she had spent the
        night rereading emails.": a paragraph without quotations whose last sentence has a subject who speaks
        up, reports or reacts hands the turn to that person; the quotation opening the next paragraph is theirs."""
        toks = [t for t in parse.toks if t.text.strip()]
        if any(t.text in _QUOTE_CHARS for t in toks):
            return None
        last_start = max((i + 1 for i, t in enumerate(toks[:-1]) if t.text in SENTENCE_END), default=0)
        sentence = toks[last_start:]
        root = next((t for t in sentence if t.dep == "ROOT"), None)
        if root is None:
            return None
        asked = self._person_asked(parse, sentence)
        if asked is not None:
            return asked
        turn = root if self._takes_turn(root, parse) else next(
            (t for t in sentence if t.head == root.i and t.dep == "conj" and t.lemma in _TURN_VERBS), None)
        return None if turn is None else self._person_taking_turn(parse, turn)

    def _sentence_before(self, parse: ParagraphParse, quote: QuoteMarks) -> Attribution | None:
        """"Iowa State University's Dianne Bystrom agreed. “…”" / "“…,” Smith said. Jones disagreed. “…”":
        a quotation opening a sentence, with no cue of its own, is the person's whose speaking or
        reacting the sentence just before it in the paragraph tells."""
        before = [t for t in parse.toks if t.end <= quote.start and t.text.strip()]
        if not before or before[-1].text not in SENTENCE_END and before[-1].text != ":":
            return None
        sentence: list[Tok] = []
        for tok in reversed(before[:-1]):
            if tok.text in SENTENCE_END or self.in_quote(tok.start) or tok.text in _QUOTE_CHARS:
                break
            sentence.append(tok)
        sentence.reverse()
        indices = {t.i for t in sentence}
        root = next((t for t in sentence if t.head == t.i or t.head not in indices), None)
        if root is None or not self._takes_turn(root, parse):
            return None
        return self._person_taking_turn(parse, root, within=indices)

    def _person_asked(self, parse: ParagraphParse, sentence: list[Tok]) -> Attribution | None:
        """"She turned to O'Halloran and asked whether he had read the final text." / "Ms Bankole-Williams put
        it to him that …": a question the narrative reports is answered by the person it was put to."""
        indices = {t.i for t in sentence}
        for verb in sentence:
            if verb.lemma not in _ASKING_VERBS or not verb.tag.startswith("VB"):
                continue
            children = [t for t in parse.toks if t.head == verb.i]
            asks = verb.lemma == "put" and any(t.lower == "it" for t in children) or any(
                t.lower in _QUESTION_WORDS for t in parse.toks[verb.i + 1:verb.right + 1])
            if not asks:
                continue
            target = next((t for t in children if t.dep in {"dobj", "dative"} and t.lower != "it"), None)
            if target is None:  # "turned to O'Halloran and asked …", "put it to him"
                holders = [verb] + [parse.toks[verb.head]] if verb.dep == "conj" else [verb]
                target = next((o for h in holders for t in parse.toks if t.head == h.i and t.dep == "prep"
                               and t.lower == "to" for o in parse.toks if o.head == t.i and o.dep == "pobj"), None)
            if target is None or target.i not in indices:
                continue
            asker = self._person_taking_turn(parse, verb, within=indices)
            found = self._resolve_object(parse, target, asker.speaker if asker is not None else None)
            if found is not None and found.is_person and (asker is None or found.speaker != asker.speaker):
                found.cue = verb.lower
                return found
        return None

    def _resolve_object(self, parse: ParagraphParse, tok: Tok, asker: str | None) -> Attribution | None:
        """The person an object names: a name, or "him"/"her" as the latest fitting person other than the asker."""
        pronoun = {"him": "he", "her": "she"}.get(tok.lower)
        if pronoun is None:
            return self._resolve(parse, tok)
        return self._resolve_pronoun(tok, pronoun=pronoun, listeners={asker} if asker else frozenset())

    def _takes_turn(self, verb: Tok, parse: ParagraphParse | None = None) -> bool:
        """A verb by which someone speaks up, reports or reacts ("cut in", with the word after it)."""
        if verb.lemma in _TURN_VERBS or self._is_cue(verb):
            return True
        if verb.lemma == "be" and parse is not None and any(
                t.head == verb.i and t.dep == "acomp" and t.lower in _REACTION_ADJECTIVES for t in parse.toks):
            return True
        if parse is None:
            return False
        after = parse.toks[verb.i + 1] if verb.i + 1 < len(parse.toks) else None
        particles = [t for t in parse.toks if t.head == verb.i and t.dep == "prt"]  # "cut him off"
        return any((word.lower, verb.lemma) in PHRASAL_CUES for word in ([after] if after else []) + particles)

    def _person_taking_turn(self, parse: ParagraphParse, verb: Tok, within: set[int] | None = None) -> Attribution | None:
        """The person who is the verb's subject (inside the tokens `within`, when given), with the verb as the cue."""
        subject = self._subject_of(parse, verb)
        if subject is None or (within is not None and subject.i not in within):
            return None
        found = self._resolve(parse, subject)
        if found is None or not found.is_person:
            return None
        found.cue = verb.lower
        return found

