"""Quotations without a cue of their own take the speaker of a neighbouring quotation.

A quotation continues the speaker of the one before it in the same sentence, or in the same
paragraph when it starts a new sentence, or alone in the next paragraph (a long quote broken up
by the paper); "“A.” “B,” he said." gives A the speaker found for B.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotext.analysis.cues import SENTENCE_END
from annotext.analysis.dialogue import asks_question, other_party_turn
from annotext.analysis.names import HONORIFICS
from annotext.analysis.quote_marks import QuoteMarks
from annotext.analysis.attribution_record import Attribution


_REPLY_CUES = frozenset({"replied", "replies", "answered", "answers", "responded", "responds", "retorted", "countered"})
_MORE_SENTENCES = re.compile(r"[.!?][”’\"]?\s+[\w“‘\"]")  # a sentence ending, then another sentence


def inherit_speakers(text: str, quotes: list[QuoteMarks], results: list[Attribution],
                     named_in: Callable[[int, int], list[Attribution]] | None = None,
                     addressed: Callable[[QuoteMarks], list[str]] | None = None) -> None:
    """Fill, in place, the speakers of cue-less quotations from their neighbours; with `named_in` and
    `addressed` (people named in a stretch of narrative, people a quotation addresses), a run of
    cue-less paragraphs after a question alternates between two people (dialogue.py)."""
    def chained(i: int) -> bool:
        between = text[quotes[i - 1].end:quotes[i].start]
        return "\n" not in between or _next_paragraph(between)

    for index, quote in enumerate(quotes):
        if results[index].speaker or index == 0:
            continue
        previous = quotes[index - 1]
        found = results[index - 1]
        if not found.speaker:
            continue
        between = text[previous.end:quote.start]
        same_paragraph = "\n" not in between
        same_sentence = same_paragraph and not any(ch in between for ch in SENTENCE_END)
        full_quote = starts_sentence(text, quote)
        alone = _next_paragraph(between) and paragraph_is_only_quotes(text, quote)
        asker = found.is_person or asks_question(previous.content(text))  # "“Are you …?” one reporter asked."
        turn = other_party_turn(text, quotes, results, index, chained, named_in, addressed) \
            if alone and asker and named_in is not None and addressed is not None else None
        if turn is not None:
            results[index] = turn
        elif alone and found.is_person and _answers(text, quotes, results, index):
            results[index] = _copy(results[index - 2])  # “Why?” one reporter asked. / “…,” Mori replied. / “And now?”
        elif (same_paragraph and (same_sentence or full_quote)) or (alone and found.is_person):
            results[index] = _copy(found)
    for index in range(len(quotes) - 2, -1, -1):  # “A.” “B,” he said.
        if results[index].speaker:
            continue
        between = text[quotes[index].end:quotes[index + 1].start]
        after = results[index + 1]
        if after.speaker and not any(ch.isalnum() for ch in between) and "\n" not in between \
                and starts_sentence(text, quotes[index]):
            results[index] = _copy(after)


def _answers(text: str, quotes: list[QuoteMarks], results: list[Attribution], index: int) -> bool:
    """Whether the quotation before `index` replied to a question someone else asked just before it, so
    that a cue-less quotation in a paragraph of its own is the questioner's turn again."""
    if index < 2 or (results[index - 1].cue or "").lower() not in _REPLY_CUES:
        return False
    asker = results[index - 2]
    return bool(asker.speaker) and asker.speaker != results[index - 1].speaker \
        and quotes[index - 2].content(text).rstrip().rstrip("”’\"'").endswith("?")


def _next_paragraph(between: str) -> bool:
    """The quotation opens the paragraph right after the previous quotation's (blank lines allowed),
    and that paragraph ends with the previous quotation: nothing after it but its own cue sentence
    ("“…,” he said." — not "“…,” he said. Then Jones stood up.")."""
    lines = between.split("\n")
    return len(lines) >= 2 and not any(line.strip() for line in lines[1:]) \
        and not _more_sentences(lines[0])


def _more_sentences(rest: str) -> bool:
    """Whether `rest` holds a sentence ending followed by another sentence of three words or more
    ("Mr. Lee", "Ft. Worth, Texas." are not one)."""
    for match in _MORE_SENTENCES.finditer(rest):
        word = re.search(r"(\w+)$", rest[:match.start()])
        if (word is None or (len(word.group(1)) > 1 and word.group(1).lower() not in HONORIFICS)) \
                and len(rest[match.end() - 1:].split()) >= 3:
            return True
    return False


def _copy(found: Attribution) -> Attribution:
    return Attribution(found.speaker, found.start, found.end, found.cue, found.is_person, "inherited")


def starts_sentence(text: str, quote: QuoteMarks) -> bool:
    """Whether the quotation opens a sentence with a capital (a full quote, not a fragment)."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[line_start:quote.start].rstrip()
    content = quote.content(text).lstrip("([")
    return (not before or before[-1] in ".!?:”’\"") and content[:1].isupper()


def paragraph_is_only_quotes(text: str, quote: QuoteMarks) -> bool:
    """Whether the quotation's paragraph holds nothing but quotation(s)."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    return not any(ch.isalnum() for ch in text[line_start:quote.start] + text[quote.end:line_end])
