"""What the window shows while a long document is still being read: the provisional highlights
handed out batch by batch, the people named so far and the quotations found from their marks.
The final result replaces all of it (docs/scale.md, "Progressive reading")."""

from __future__ import annotations

import time

from annotext.core.results import QUOTE, Person
from annotext.core.spans import Span

PANEL_INTERVAL_S = 1.0  # the panels are rebuilt at most this often while batches arrive


class ProvisionalView:
    """Accumulates provisional spans; says when the panels are due for a refresh."""

    def __init__(self, text: str = "", clock=time.monotonic):
        self._text = text
        self._clock = clock
        self._last = None
        self.quotes: list[Span] = []
        self._mentions: dict[str, int] = {}
        self.quotes_changed = self.people_changed = False

    def add(self, spans: list[Span]) -> bool:
        """Take one batch; True when the panels should show the state so far (first batch, then
        at most every PANEL_INTERVAL_S), so a 200,000-word document never rebuilds them per batch."""
        for span in spans:
            if span.kind == QUOTE:
                self.quotes.append(span)
                self.quotes_changed = True
            elif span.label == "PERSON":
                self.people_changed = True
                name = " ".join(span.text_in(self._text).split())
                if name:
                    self._mentions[name] = self._mentions.get(name, 0) + 1
        now = self._clock()
        if self._last is None or now - self._last >= PANEL_INTERVAL_S:
            self._last = now
            return True
        return False

    def taken(self) -> tuple[bool, bool]:
        """(quotes changed, people changed) since the last call: only those panels are rebuilt."""
        changed = (self.quotes_changed, self.people_changed)
        self.quotes_changed = self.people_changed = False
        return changed

    def people(self, most: int = 100) -> list[Person]:
        """The `most` names met most often so far (forms are merged, and everyone listed, at the end)."""
        ranked = sorted(self._mentions.items(), key=lambda item: (-item[1], item[0]))[:most]
        return [Person(name=name, aliases=[], mentions=count) for name, count in ranked]
