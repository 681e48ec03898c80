"""Fast "which spans touch this range?" over spans sorted by start: bisection on the starts, bounded
by the longest span. The reader keeps one index per highlight layer (tens of thousands of spans)."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from annotext.core.spans import Span


class SpanIndex:
    """An immutable index over `spans`, which must already be sorted by start."""

    def __init__(self, spans: Sequence["Span"] = ()):
        self.spans = list(spans)
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.length for s in self.spans), default=0)

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> list["Span"]:
        """Spans sharing a character with [start, end); an empty range asks for those containing `start`."""
        end = max(end, start + 1)
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return [s for s in self.spans[low:high] if s.end > start and s.start < end]
