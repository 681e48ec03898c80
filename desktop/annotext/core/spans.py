"""Character-offset spans: the only currency exchanged between analysis, storage and GUI."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Sequence


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of code-point offsets into a document's text.

    `kind` says which layer the span belongs to ("entity", "quote", "tag"), `label` what it is
    (PERSON, GPE, a tag name…), `attrs` anything else worth keeping (canonical person, speaker…).
    """

    start: int
    end: int
    kind: str
    label: str
    attrs: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    @property
    def length(self) -> int:
        """Number of code points covered; zero-length spans are allowed but cover nothing."""
        return self.end - self.start

    def overlaps(self, other: "Span | tuple[int, int]") -> bool:
        """True when the two ranges share at least one character (touching ends do not count)."""
        start, end = (other.start, other.end) if isinstance(other, Span) else other
        return self.start < end and start < self.end

    def contains(self, position: int) -> bool:
        """True when `position` is one of the characters covered by the span."""
        return self.start <= position < self.end

    def text_in(self, text: str) -> str:
        """The covered text, so callers never slice with the wrong convention."""
        return text[self.start:self.end]


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    """Document order: by start, longer spans first, so nesting reads naturally."""
    return sorted(spans, key=lambda s: (s.start, -s.end, s.kind, s.label))


def offset_within(offsets: Sequence[int], span: Span) -> bool:
    """Whether one of the sorted `offsets` falls in [span.start, span.end): whether a mention holds a subject the
    parse found, in a bisection rather than a scan."""
    index = bisect_left(offsets, span.start)
    return index < len(offsets) and offsets[index] < span.end


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of possibly overlapping or touching ranges, sorted; used to minimise repaint work."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]

