"""The reader: the article as comfortable, selectable, read-only text with layered highlights.

A read-only QTextEdit rather than QPlainTextEdit, because only QTextEdit honours block margins
and line height (space between paragraphs, a heading for the title) and frame margins (a centred
column of readable width). Highlights are applied with QTextCursor.mergeCharFormat inside one edit
block (~0.3 s for 20k spans: docs/architecture.md, "Performance targets"); changing one span
repaints only its own range.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QPainter, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextFrameFormat)
from PySide6.QtWidgets import QTextEdit, QToolTip

from annotext.core.blocks import BLOCKQUOTE, Block
from annotext.core.span_index import SpanIndex
from annotext.gui.formats import format_for, heading_format, plain_format
from annotext.gui.positions import PositionMap
from annotext.gui.structure import apply_block_formats, heading_ranges, indent_width, overlapping, quote_rules

if TYPE_CHECKING:  # loaded on first use: the reader paints before these are needed
    from annotext.core.spans import Span

CHUNK_SPANS = 1500  # highlights merged per event-loop turn on long documents (keeps every turn < ~30 ms)
ADDED_CHUNK_SPANS = 150  # the same while an analysis thread runs beside the GUI thread and shares the interpreter
MEASURE_CHARS = 72  # a comfortable line length: at most ~80 characters, whatever the window width
MIN_SIDE_MARGIN = 28
READING_POINTS, UI_POINTS = 12.5, 10.5  # reading size at the theme's interface size (gui/theme.py)
READING_FONTS = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]

TooltipProvider = Callable[[list["Span"]], str]


class ReaderView(QTextEdit):
    """Shows one document's text; knows nothing of libraries or analysis, only spans."""

    selectionRangeChanged = Signal(int, int)  # code-point offsets of the current selection
    highlightsPainted = Signal()  # every scheduled highlight chunk has been applied
    noteMarkClicked = Signal(int)  # annotation id of the passage whose note mark was clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.setObjectName("reader")
        self.setAccessibleName("Article text")
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        font = QFont()
        font.setFamilies(READING_FONTS)
        # 12.5 pt beside the theme's 10.5 pt interface: the text grows with a large-print desktop font.
        font.setPointSizeF(max(READING_POINTS, self.font().pointSizeF() * READING_POINTS / UI_POINTS))
        self.setFont(font)
        self.document().setDocumentMargin(24)
        self._text = ""
        self._map = PositionMap("")
        self._spans = SpanIndex()  # entities and quotations
        self._hidden: set[str] = set()
        self._tags = SpanIndex()  # the analyst's passages: attrs colour, annotation id
        self._lanes: dict[int, int] = {}
        self._has_heading = False
        self._blocks: list[Block] = []  # the document's structure (core/blocks.py)
        self._headings: list[tuple[int, int, int]] = []  # (start, end, size) painted bold and larger
        self._heading_ends: list[int] = []
        self._quotes: list[Block] = []
        self._side_margin: tuple[int, int] | None = None
        self._pending: list[tuple[int, int]] = []
        self._chunk_timer = QTimer(self)
        self._chunk_timer.setSingleShot(True)
        self._chunk_timer.setInterval(0)
        self._chunk_timer.timeout.connect(self._paint_next_chunk)
        self.tooltip_provider: TooltipProvider | None = None
        self.scroll_bar_outside = False  # True when the window shows the scroll bar beside the notes
        self.snap_to_words = True  # mouse selections take whole words; Alt while releasing keeps them exact
        self.selectionChanged.connect(self._emit_selection)

    def enable_keyboard_selection(self) -> None:
        """Selecting with the keyboard as well as the mouse (set after the first paint: importing
        the `Qt` namespace costs ~16 ms, see app.py)."""
        from PySide6.QtCore import Qt

        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)

    # Text ----------------------------------------------------------------------------------
    def show_text(self, text: str, title: str | None = None, blocks: Iterable[Block] = ()) -> None:
        """Replace the shown text; the first line becomes a heading when it is the title, and the
        structure kept from import (headings, list items, block quotes) is shown as such."""
        self._text = text
        self._map = PositionMap(text)
        self._spans, self._tags, self._lanes = SpanIndex(), SpanIndex(), {}
        self._pending = []
        self.setPlainText(text)  # fresh character formats: only the heading needs painting below
        self._has_heading = bool(title) and text.split("\n", 1)[0].strip() == title.strip()
        self._blocks = [b for b in blocks if b.end <= len(text)]
        self._headings = heading_ranges(text, self._blocks, self._has_heading)
        self._heading_ends = [h[1] for h in self._headings]
        self._quotes = [b for b in self._blocks if b.kind == BLOCKQUOTE]
        self._side_margin = None
        self._update_column()
        self._apply_block_layout()
        outer = QTextCursor(self.document())
        outer.beginEditBlock()  # one relayout for every heading (thousands in a structured book)
        for start, end, _size in self._headings:
            self.repaint_range(start, end)
        outer.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @property
    def text(self) -> str:
        """The shown text, exactly as stored (code points)."""
        return self._text

    @property
    def positions(self) -> PositionMap:
        """Offset conversion for the shown text."""
        return self._map

    def _apply_block_layout(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(14)
        cursor.mergeBlockFormat(block)
        if self._has_heading:
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            heading = QTextBlockFormat()
            heading.setBottomMargin(22)
            heading.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.mergeBlockFormat(heading)
        cursor.endEditBlock()
        apply_block_formats(self.document(), [b for b in self._blocks if not (self._has_heading and b.start == 0)],
                            self._map.to_qt)  # (the title line keeps the title's layout above)

    def blocks(self) -> list[Block]:
        """The structure shown (headings, list items, block quotes)."""
        return list(self._blocks)

    # Highlights ----------------------------------------------------------------------------
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

    def visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and last characters on screen."""
        viewport = self.viewport()
        top = self._map.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        bottom = self._map.from_qt(self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position())
        return top, bottom + 1

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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Text as usual, a rule beside block quotes, then one stripe per passage in the left margin
        (lanes keep overlaps apart)."""
        super().paintEvent(event)
        if self._quotes:
            self._paint_quote_rules()
        if not len(self._tags) or "tag" in self._hidden:
            return
        top, bottom = self.visible_range()
        visible = self.tags_overlapping(top, bottom)
        if not visible:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for span in visible:
            rect = self.stripe_rect(span)
            stripe = span.attrs.get("stripe")
            painter.fillRect(rect, QColor(stripe) if stripe else QColor(span.attrs.get("colour", "#f9d56e")).darker(135))
            if span.attrs.get("comment"):
                _paint_note_icon(painter, self.note_icon_rect(span), self.palette().text().color())
        painter.end()

    def _paint_quote_rules(self) -> None:
        top, bottom = self.visible_range()
        rules = quote_rules(self, self._quotes, top, bottom, self._map.to_qt)
        if rules:
            painter = QPainter(self.viewport())
            colour = self.palette().text().color()
            colour.setAlphaF(0.3)
            for rect in rules:
                painter.fillRect(rect, colour)
            painter.end()

    def stripe_rect(self, span: "Span") -> QRect:
        """Where a passage's stripe is drawn in the left margin (viewport coordinates)."""
        x0 = self._column_left() - 12
        first = self.cursorRect(self._cursor_at(span.start))
        last = self.cursorRect(self._cursor_at(max(span.start, span.end - 1)))
        lane = self._lanes.get(id(span), 0)
        return QRect(x0 - lane * 6, first.top() + 2, 3, max(4, last.bottom() - first.top() - 4))

    def note_icon_rect(self, span: "Span") -> QRect:
        """The note mark of a passage with a comment: left of its stripe, level with its first line."""
        stripe = self.stripe_rect(span)
        return QRect(stripe.left() - 13, stripe.top(), 10, 9)

    def _column_left(self) -> int:
        """The x of the text column's left edge (where an unindented line starts)."""
        block = self.document().firstBlock()
        levels = block.textList().format().indent() if block.textList() else block.blockFormat().indent()
        return self.cursorRect(self._cursor_at(0)).left() - int(levels * self.document().indentWidth())

    def _cursor_at(self, offset: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(offset))
        return cursor

    # Navigation ----------------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select [start, end) and scroll it to the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """A click on a passage's note mark opens its note; anywhere else selects as usual."""
        point = event.position().toPoint()
        if "tag" not in self._hidden and point.x() < self._column_left():
            top, bottom = self.visible_range()
            for span in self.tags_overlapping(top, bottom):
                if span.attrs.get("comment") and self.note_icon_rect(span).adjusted(-3, -3, 3, 3).contains(point):
                    self.noteMarkClicked.emit(span.attrs["id"])
                    return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """A selection dragged with the mouse snaps to whole words (Alt keeps exact characters)."""
        super().mouseReleaseEvent(event)
        from PySide6.QtCore import Qt

        if (self.snap_to_words and event.button() == Qt.MouseButton.LeftButton
                and not event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.snap_selection()

    def snap_selection(self) -> None:
        """Widen the selection to whole words, keeping which end the caret is at."""
        from annotext.core.words import snap_to_words

        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        start, end = self.selection_range()
        snapped = snap_to_words(self._text, start, end)
        if snapped == (start, end):
            return
        forward = cursor.anchor() <= cursor.position()
        anchor, position = snapped if forward else snapped[::-1]
        cursor.setPosition(self._map.to_qt(anchor))
        cursor.setPosition(self._map.to_qt(position), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selection_range(self) -> tuple[int, int]:
        """Current selection as code-point offsets (start == end when nothing is selected)."""
        cursor = self.textCursor()
        return self._map.from_qt(cursor.selectionStart()), self._map.from_qt(cursor.selectionEnd())

    def _emit_selection(self) -> None:
        self.selectionRangeChanged.emit(*self.selection_range())

    def offset_at(self, point) -> int:
        """Code-point offset of the character under a viewport point."""
        return self._map.from_qt(self.cursorForPosition(point).position())

    # Layout --------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Keep the text in a centred column of readable width."""
        super().resizeEvent(event)
        self._update_column()

    def zoom(self, steps: int) -> None:
        """Zoom in (positive) or out (negative) by points, keeping the column measure in characters."""
        if steps > 0:
            self.zoomIn(steps)
        else:
            self.zoomOut(-steps)
        self._side_margin = None
        self._update_column()

    def _update_column(self) -> None:
        """Centre a column of MEASURE_CHARS characters. Its width and place are computed as if the
        vertical scroll bar were always there, so a short document (no scroll bar) shows its text
        exactly where a long one does: the column never jumps from one document to the next."""
        measure = self.fontMetrics().horizontalAdvance("abcdefghijklmnopqrstuvwxyz" * 3) * MEASURE_CHARS // 78
        available = self.viewport().width()
        bar = self.verticalScrollBar()
        spare = 0 if bar.isVisible() or self.scroll_bar_outside else self.style().pixelMetric(
            self.style().PixelMetric.PM_ScrollBarExtent, None, bar)
        self.document().setIndentWidth(indent_width(self))  # list and quote indents follow zoom
        side = max(MIN_SIDE_MARGIN, (available - spare - measure) // 2)
        margins = (side, side + spare)
        if margins == self._side_margin:
            return
        self._side_margin = margins
        frame = self.document().rootFrame()
        fmt: QTextFrameFormat = frame.frameFormat()
        fmt.setLeftMargin(margins[0])
        fmt.setRightMargin(margins[1])
        frame.setFrameFormat(fmt)

    # Tooltips ------------------------------------------------------------------------------
    def event(self, event) -> bool:  # noqa: D401 (Qt override)
        """Tooltips describe the highlights under the mouse, always as escaped plain text."""
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None:
            offset = self.offset_at(self.viewport().mapFromGlobal(event.globalPos()))
            under = [s for s in self.tags_overlapping(offset, offset + 1) + self.spans_overlapping(offset, offset + 1)
                     if s.label not in self._hidden and s.kind not in self._hidden]
            tip = self.tooltip_provider(under) if under else ""
            if tip:
                from annotext.gui.safe_text import plain_tooltip

                QToolTip.showText(event.globalPos(), plain_tooltip(tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _paint_note_icon(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """A small speech bubble: this passage has a note in the margin."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPolygonF

    painter.save()
    painter.setPen(QColor(colour))
    painter.setBrush(QColor(colour))
    body = rect.adjusted(0, 0, 0, -3)
    painter.drawRoundedRect(body, 2, 2)
    painter.drawPolygon(QPolygonF([QPointF(body.left() + 2, body.bottom()), QPointF(body.left() + 6, body.bottom()),
                                   QPointF(body.left() + 2, rect.bottom())]))
    painter.restore()


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
