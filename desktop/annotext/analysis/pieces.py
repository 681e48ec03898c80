"""What the model reads at a time: one paragraph, or, for a very long paragraph, consecutive pieces of it.

spaCy refuses texts above `nlp.max_length` (1,000,000 characters, error E088) and its memory grows
with the length of each text, so a paragraph longer than MAX_PIECE is cut, preferably after a
sentence end, else at a line separator, else at whitespace, else anywhere. Pieces are ranges of
the original text, so every offset stays exact. Ordinary paragraphs are never cut, which keeps
the results for normal articles exactly as they were. Batches are bounded in characters too, so
memory stays bounded however long the paragraph.
"""

from __future__ import annotations

import re

from annotext.core.document import paragraphs

MAX_PIECE = 10_000
# The model's working memory grows with the characters of a batch (~3 KB each with the small model), so a
# batch holds at most BATCH_SIZE texts and at most MAX_BATCH_CHARS characters (ordinary paragraphs
# fill 64 texts long before that, so their batches are unchanged).
BATCH_SIZE = 64
MAX_BATCH_CHARS = 50_000
# Cut after these, including the whitespace that follows (the next piece starts with a word).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_LINE_SEPARATOR = re.compile("[\u2028\u2029\u0085\v\f\x1c-\x1e]+")
_WHITESPACE = re.compile(r"\s+")
_BOUNDARIES = (_SENTENCE_END, _LINE_SEPARATOR, _WHITESPACE)


def model_ranges(text: str, limit: int = MAX_PIECE) -> list[tuple[int, int]]:
    """(start, end) ranges of `text` to give the model, in order: every paragraph, long ones cut
    into pieces of at most `limit` characters."""
    ranges: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        if end - start <= limit:
            ranges.append((start, end))
        else:
            ranges.extend(_cut(text, start, end, limit))
    return ranges


def batches(ranges: list[tuple[int, int]], size: int = BATCH_SIZE,
            max_chars: int = MAX_BATCH_CHARS) -> list[list[tuple[int, int]]]:
    """Consecutive groups of `ranges` for one model call each: at most `size` ranges and, unless a
    single range is longer, at most `max_chars` characters."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    chars = 0
    for start, end in ranges:
        if current and (len(current) == size or chars + end - start > max_chars):
            groups.append(current)
            current, chars = [], 0
        current.append((start, end))
        chars += end - start
    if current:
        groups.append(current)
    return groups


def _cut(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most `limit` characters.

    Each cut is looked for only in the second half of the next `limit` characters, so every piece
    is at least half the limit long and the whole paragraph is scanned a bounded number of times:
    the work stays linear in its length.
    """
    pieces = []
    while end - start > limit:
        cut = _last_boundary(text, start + limit // 2, start + limit)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _last_boundary(text: str, low: int, high: int) -> int:
    """The position after the last boundary found in [low, high), by preference of boundary kind; `high`
    when there is none (a single word longer than the window)."""
    for pattern in _BOUNDARIES:
        best = None
        for match in pattern.finditer(text, low, high):
            best = match.end()
        if best is not None:
            return best
    return high
