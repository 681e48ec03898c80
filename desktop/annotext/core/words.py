"""Selections that snap to whole words: a passage dragged from the middle of a word to the middle of
another takes both words whole, as in INCEpTION and NVivo (the reader's Alt key keeps exact characters)."""

from __future__ import annotations

_JOINERS = "'’-‐"  # inside a word when letters are on both sides: don't, Putin’s, no-limits


def _is_word(text: str, index: int) -> bool:
    ch = text[index]
    if ch.isalnum() or ch == "_":
        return True
    return (ch in _JOINERS and 0 < index < len(text) - 1
            and text[index - 1].isalnum() and text[index + 1].isalnum())


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words where an end falls inside a word, and without white space
    at either end. An empty or all-space range is returned as it is."""
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        return start, end
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    if 0 < start and _is_word(text, start - 1) and _is_word(text, start):
        while start > 0 and _is_word(text, start - 1):
            start -= 1
    if end < len(text) and _is_word(text, end - 1) and _is_word(text, end):
        while end < len(text) and _is_word(text, end):
            end += 1
    return start, end
