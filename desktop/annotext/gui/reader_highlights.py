"""The reader's highlights: the analysis' entities and quotations and the analyst's passages, kept
in span indexes and painted as character formats. Applied with QTextCursor.mergeCharFormat inside
one edit block (~0.3 s for 20k spans: docs/architecture.md, "Performance targets"); long documents
are painted in chunks, one per event-loop turn, and changing one span repaints only its own range.
A mixin of ReaderView, kept apart so reader.py stays about showing and selecting the text."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from annotext.core.span_index import SpanIndex
from annotext.gui.formats import format_for, heading_format, plain_format
from annotext.gui.structure import overlapping

if TYPE_CHECKING:  # loaded on first use: the reader paints before these are needed
    from annotext.core.spans import Span

CHUNK_SPANS = 1500  # highlights merged per event-loop turn on long documents (keeps every turn < ~30 ms)
ADDED_CHUNK_SPANS = 150  # the same while an analysis thread runs beside the GUI thread and shares the interpreter


class HighlightLayers:
    """Methods of ReaderView (which provides _text, _map, _spans, _tags, _lanes, _hidden, _headings,
    _pending, _chunk_timer, visible_range and the highlightsPainted signal)."""

    def set_spans(self, spans: Iterable[Span]) -> None:
        """Replace all highlight spans and repaint the whole text once."""
        from annotext.core.spans import sort_spans

        self._spans = SpanIndex(sort_spans(s for s in spans if s.end <= len(self._text)))
        self.schedule_repaint(0, len(self._text))

    def add_spans(self, spans: Iterable[Span]) -> None:
        """Add highlights (a progressive analysis' next batch): spliced into the index where they fall
        (a batch covers consecutive paragraphs, so only that stretch is re-sorted) and painted a few
        hundred at a time, one event-loop turn each, so the window stays responsive while the
        analysis thread competes for the interpreter."""
        from annotext.core.spans import sort_spans

        new = sort_spans(s for s in spans if s.end <= len(self._text))
        if not new:
            return
        low, high = new[0].start, max(s.end for s in new)
        old, starts = self._spans.spans, self._spans.starts
        first, last = bisect_left(starts, low), bisect_left(starts, high)
        self._spans = SpanIndex(old[:first] + sort_spans([*old[first:last], *new]) + old[last:])
        for index in range(0, len(new), ADDED_CHUNK_SPANS):
            part = new[index:index + ADDED_CHUNK_SPANS]
            self._pending.append((part[0].start, max(s.end for s in part)))
        self._chunk_timer.start()

    def schedule_repaint(self, start: int, end: int) -> None:
        """Repaint [start, end): at once when it holds few highlights, else in chunks of CHUNK_SPANS
        spans, one per event-loop turn, the part on screen first, so the window never freezes."""
        starts = self._spans.starts
        low, high = bisect_left(starts, start), bisect_left(starts, end)
        if high - low <= CHUNK_SPANS:
            self.repaint_range(start, end)
            self.highlightsPainted.emit()
            return
        cuts = [start] + [starts[i] for i in range(low + CHUNK_SPANS, high, CHUNK_SPANS)] + [end]
        chunks = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
        top, bottom = self.visible_range()
        chunks.sort(key=lambda c: (not (c[0] < bottom and top < c[1]), c[0]))
        self._pending = [c for c in self._pending if not (c[0] >= start and c[1] <= end)] + chunks
        self._chunk_timer.start()

    def _paint_next_chunk(self) -> None:
        if not self._pending:
            return
        start, end = self._pending.pop(0)
        self.repaint_range(start, end)
        if self._pending:
            self._chunk_timer.start()
        else:
            self.highlightsPainted.emit()

    def highlights_pending(self) -> bool:
        """True while chunks of highlights are still being applied."""
        return bool(self._pending)

    def spans(self) -> list[Span]:
        """The current highlight spans, in document order."""
        return list(self._spans.spans)

    def set_tag_spans(self, spans: Iterable[Span]) -> None:
        """Replace the analyst's passages, repainting only the ranges that changed."""
        from annotext.core.spans import merge_ranges, sort_spans

        new = sort_spans(s for s in spans if s.end <= len(self._text))
        key = lambda s: (s.start, s.end, s.attrs.get("colour"), s.attrs.get("id"))  # noqa: E731
        old_keys, new_keys = {key(s) for s in self._tags.spans}, {key(s) for s in new}
        changed = [(k[0], k[1]) for k in old_keys ^ new_keys]
        self._tags = SpanIndex(new)
        self._lanes = _assign_lanes(new)
        ranges = merge_ranges(changed)
        outer = QTextCursor(self.document())
        outer.beginEditBlock()  # one relayout for all the changed ranges (hundreds when a document opens)
        for start, end in ranges:
            self.repaint_range(start, end)
        outer.endEditBlock()
        self.viewport().update()

    def tag_spans(self) -> list[Span]:
        """The analyst's passages as shown."""
        return list(self._tags.spans)

    def tags_overlapping(self, start: int, end: int) -> list[Span]:
        """Passages sharing a character with [start, end) (an empty range: those containing `start`)."""
        return self._tags.overlapping(start, end)

    def set_label_visible(self, label: str, visible: bool) -> None:
        """Show or hide every span with this label (the legend's toggles)."""
        if visible:
            self._hidden.discard(label)
        else:
            self._hidden.add(label)
        source = self._tags.spans if label == "tag" else [s for s in self._spans.spans
                                                          if s.label == label or s.kind == label]
        ranges = [(s.start, s.end) for s in source]
        self.viewport().update()
        if ranges:
            self.schedule_repaint(min(r[0] for r in ranges), max(r[1] for r in ranges))

    def hidden_labels(self) -> set[str]:
        """Labels currently toggled off."""
        return set(self._hidden)

    def spans_overlapping(self, start: int, end: int) -> list[Span]:
        """Entities and quotations sharing a character with [start, end)."""
        return self._spans.overlapping(start, end)

    def repaint_range(self, start: int, end: int) -> None:
        """Reset [start, end) to plain text and merge every visible span over it, in one edit block."""
        if end <= start and self._text:
            return
        to_qt = self._map.to_qt
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(to_qt(start))
        cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(plain_format())
        for heading_start, heading_end, size in overlapping(self._headings, self._heading_ends, start, end):
            cursor.setPosition(to_qt(max(start, heading_start)))
            cursor.setPosition(to_qt(min(end, heading_end)), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(heading_format(size))
        if "tag" not in self._hidden:
            self._paint_tags(cursor, start, end)
        for span in self.spans_overlapping(start, end):
            if span.label in self._hidden or span.kind in self._hidden:
                continue
            cursor.setPosition(to_qt(max(span.start, start)))
            cursor.setPosition(to_qt(min(span.end, end)), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(format_for(span))
        cursor.endEditBlock()

    def _paint_tags(self, cursor: QTextCursor, start: int, end: int) -> None:
        """Analyst passages: their tag colour as background; where passages overlap, the colours
        multiply like highlighter ink, so the overlap is visibly darker than either."""
        tags = self.tags_overlapping(start, end) if end > start else []
        if not tags:
            return
        bounds = sorted({max(start, s.start) for s in tags} | {min(end, s.end) for s in tags})
        to_qt = self._map.to_qt
        for left, right in zip(bounds, bounds[1:]):
            covering = [s for s in tags if s.start <= left and s.end >= right]
            if not covering:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(_multiply([s.attrs.get("colour", "#f9d56e") for s in covering]))
            fmt.setForeground(QColor("#111111"))  # pastel ink: dark text stays legible in the dark theme
            cursor.setPosition(to_qt(left))
            cursor.setPosition(to_qt(right), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)


def _multiply(colours: list[str]) -> QColor:
    """Multiply blend of colours (like overlapping highlighter ink)."""
    red = green = blue = 1.0
    for colour in colours:
        c = QColor(colour)
        red, green, blue = red * c.redF(), green * c.greenF(), blue * c.blueF()
    return QColor.fromRgbF(red, green, blue)


def _assign_lanes(spans: list[Span]) -> dict[int, int]:
    """Greedy interval colouring: overlapping passages get different margin lanes; passages that
    name their lane (one lane per coder when two coders are compared) keep it."""
    if spans and all("lane" in s.attrs for s in spans):
        return {id(s): s.attrs["lane"] for s in spans}
    lanes: dict[int, int] = {}
    lane_ends: list[int] = []
    for span in spans:
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= span.start:
                lane_ends[lane] = span.end
                lanes[id(span)] = lane
                break
        else:
            lane_ends.append(span.end)
            lanes[id(span)] = len(lane_ends) - 1
    return lanes
