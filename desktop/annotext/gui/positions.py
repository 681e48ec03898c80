"""The one place where code-point offsets (core) meet UTF-16 positions (Qt).

Qt counts a character outside the Basic Multilingual Plane (an emoji, many CJK extensions) as two
units; Python counts it as one. Every span crosses this boundary through `PositionMap`.
Deliberately free of Qt imports so it is tested with plain pytest.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class PositionMap:
    """Converts offsets for one text. O(log n) per conversion; O(1) when the text is all BMP."""

    def __init__(self, text: str):
        # Code-point offsets of every astral character: each shifts later positions by one unit.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of code-point `offset` (offsets may equal the length: end of text)."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of UTF-16 `position`; a position inside a surrogate pair maps to its character."""
        if not self._astral:
            return position
        before = bisect_right(self._astral_utf16, position - 1)
        return position - before
