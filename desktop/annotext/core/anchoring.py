"""Re-anchoring annotations when a document's text changes (docs/architecture.md, "Re-anchoring").

Each annotation keeps its position and its exact text with 32 characters of context. On a new
text: keep the position if the exact text is still there; else take the exact occurrence that best
matches the context, nearest to where the old position maps in the new text (via a diff of the
two texts); else a fuzzy match (diff-match-patch) scored on quote, prefix, suffix and distance.
What cannot be placed is kept, marked orphaned, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch

MIN_FUZZY_SIMILARITY = 0.75


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation lands: [start, end) in the new text, and how it was found."""

    start: int
    end: int
    method: str  # "position", "exact", "fuzzy"


class Reanchorer:
    """Maps annotations from one version of a text to the next; build once per text change."""

    def __init__(self, old_text: str, new_text: str):
        self.old_text = old_text
        self.new_text = new_text
        self.dmp = diff_match_patch()
        self.dmp.Diff_Timeout = 2.0
        self.diffs = self.dmp.diff_main(old_text, new_text, False) if old_text != new_text else []

    def expected(self, old_offset: int) -> int:
        """Where an old offset moves to in the new text, following the diff."""
        return self.dmp.diff_xIndex(self.diffs, old_offset) if self.diffs else old_offset

    def anchor(self, start: int, end: int, exact: str, prefix: str = "", suffix: str = "") -> Anchor | None:
        """Place one annotation on the new text, or None (orphaned)."""
        text = self.new_text
        moved = self.expected(start)
        if text[moved:moved + len(exact)] == exact and self._context_score(moved, exact, prefix, suffix) > 0:
            return Anchor(moved, moved + len(exact), "position")
        if text[start:end] == exact and (start, end) != (moved, moved + len(exact)) and not self.diffs:
            return Anchor(start, end, "position")
        found = self._exact(exact, prefix, suffix, moved)
        if found is not None:
            return found
        return self._fuzzy(exact, prefix, suffix, moved)

    def _exact(self, exact: str, prefix: str, suffix: str, expected: int) -> Anchor | None:
        if not exact:
            return None
        best, best_key = None, None
        position = self.new_text.find(exact)
        while position >= 0:
            key = (-self._context_score(position, exact, prefix, suffix), abs(position - expected))
            if best_key is None or key < best_key:
                best, best_key = position, key
            position = self.new_text.find(exact, position + 1)
        return Anchor(best, best + len(exact), "exact") if best is not None else None

    def _context_score(self, position: int, exact: str, prefix: str, suffix: str) -> int:
        """How many characters of the stored prefix and suffix still surround `position`."""
        before = self.new_text[max(0, position - len(prefix)):position]
        after = self.new_text[position + len(exact):position + len(exact) + len(suffix)]
        score = 0
        for a, b in zip(reversed(before), reversed(prefix)):
            if a != b:
                break
            score += 1
        for a, b in zip(after, suffix):
            if a != b:
                break
            score += 1
        return score + (1 if not prefix and not suffix else 0)

    def _fuzzy(self, exact: str, prefix: str, suffix: str, expected: int) -> Anchor | None:
        """Find the passage even if slightly edited: match its head and tail, then check similarity."""
        if len(exact) < 4:
            return None
        dmp = self.dmp
        dmp.Match_Threshold = 0.4
        dmp.Match_Distance = max(1000, len(self.new_text) // 4)
        piece = min(dmp.Match_MaxBits, max(4, len(exact) // 2))  # halves, so an edit inside shows in one only
        head = exact[:piece]
        tail = exact[-piece:]
        start = dmp.match_main(self.new_text, head, max(0, min(expected, len(self.new_text))))
        if start < 0:
            start = self._from_prefix(prefix, expected)
            if start < 0:
                return None
        tail_loc = dmp.match_main(self.new_text, tail, max(0, start + len(exact) - len(tail)))
        end = tail_loc + len(tail) if tail_loc >= start else start + len(exact)
        if end <= start or end - start > 2 * len(exact) + 40:
            end = start + len(exact)
        candidate = self.new_text[start:end]
        diffs = dmp.diff_main(exact, candidate, False)
        similarity = 1 - dmp.diff_levenshtein(diffs) / max(len(exact), len(candidate))
        if similarity < MIN_FUZZY_SIMILARITY:
            return None
        return Anchor(start, end, "fuzzy")

    def _from_prefix(self, prefix: str, expected: int) -> int:
        if len(prefix) < 8:
            return -1
        loc = self.dmp.match_main(self.new_text, prefix[-self.dmp.Match_MaxBits:], max(0, expected - len(prefix)))
        return loc + len(prefix[-self.dmp.Match_MaxBits:]) if loc >= 0 else -1
