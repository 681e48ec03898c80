"""Who takes the turn: a quotation with no cue of its own belongs to the person a sentence just before it
hands the turn to. Mixed into the attributor (attribution.py), which provides the parse lookups, the cue
test and the reference resolution.
"""

from __future__ import annotations

from typing import Callable

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.cues import SENTENCE_END
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.quote_marks import QuoteMarks

# Verbs by which a person takes the turn in a paragraph of their own, before a cue-less quotation.
_TURN_VERBS = frozenset("""laugh smile grin shrug sigh nod pause speak reply respond answer explain continue add
recall joke admit agree disagree demur object""".split())
_QUOTE_CHARS = frozenset("“”\"‘’«»")


class TurnTaking:
    """Sentences that hand the turn to the next quotation's speaker; mixed into the attributor."""

    in_quote: Callable[[int], bool]
    _is_cue: Callable[[Tok], bool]
    _subject_of: Callable[[ParagraphParse, Tok], Tok | None]
    _resolve: Callable[[ParagraphParse, Tok], Attribution | None]

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
        turn = root if self._takes_turn(root) else next(
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
        if root is None or not self._takes_turn(root):
            return None
        return self._person_taking_turn(parse, root, within=indices)

    def _takes_turn(self, verb: Tok) -> bool:
        """A verb by which someone speaks up, reports or reacts."""
        return verb.lemma in _TURN_VERBS or self._is_cue(verb)

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

