"""A quotation in a headline is the words of whoever says them in the article.

"Housing Boss Quits After Report Finds Complaints Were ‘Routinely Ignored’" and later "… found complaints
had been ‘routinely ignored’, its author said": a headline's words (title-cased, cut short) come back in the
body, where the article says who spoke them; the headline's own grammar ("…, Fraud Trial Told") rarely does.
"""

from __future__ import annotations

import re

from annotext.analysis.attribution_record import Attribution
from annotext.analysis.names import headline_lines
from annotext.analysis.quote_marks import QuoteMarks

_WORD = re.compile(r"[^\W_][\w’'-]*")
_ECHO = 0.6  # share of the headline quotation's words the body quotation must hold


def give_headline_quotes_their_speakers(text: str, quotes: list[QuoteMarks], results: list[Attribution]) -> None:
    """In place: a headline quotation whose words a later quotation repeats takes that quotation's speaker."""
    headline_end = _headline_end(text)
    if headline_end is None:
        return  # only the article's headline (a cross-head in the body may echo anyone)
    for index, quote in enumerate(quotes):
        if quote.start >= headline_end:
            break
        words = _words(quote.content(text))
        if not words:
            continue
        for later, found in zip(quotes[index + 1:], results[index + 1:]):
            if found.speaker and later.start >= headline_end \
                    and len(words & _words(later.content(text))) >= _ECHO * len(words):
                results[index] = Attribution(found.speaker, found.start, found.end, found.cue, found.is_person,
                                             "inherited")
                break


def _words(content: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(content)}


def _headline_end(text: str) -> int | None:
    """Where the article's headline ends: its first line, in title case or in sentence case ("Cocoa farmers call
    new producer price ‘an insult’"), when a blank line follows it and it is short and not a finished sentence."""
    lines = headline_lines(text)
    if lines and lines[0][0] == 0:
        return lines[0][1]
    end = text.find("\n")
    next_end = text.find("\n", end + 1)
    if end <= 0 or next_end < 0 or text[end + 1:next_end].strip():
        return None  # no blank line after the first: not a headline
    first = text[:end].rstrip()
    return end if len(_WORD.findall(first)) <= _HEADLINE_WORDS and not first.endswith(".") else None


_HEADLINE_WORDS = 25
