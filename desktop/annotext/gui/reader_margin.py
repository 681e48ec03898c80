"""What the reader draws in the margin left of the text column: one stripe per passage (lanes keep
overlapping passages apart), a note mark beside passages with a comment (a click on it opens the
note), and a rule beside block quotes. A mixin of ReaderView, kept apart so reader.py stays about
showing and selecting the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QTextCursor

from annotext.gui.structure import quote_rules

if TYPE_CHECKING:
    from annotext.core.spans import Span


class MarginMarks:
    """Methods of ReaderView (which provides _map, _tags, _lanes, _hidden, _quotes, visible_range,
    tags_overlapping and the noteMarkClicked signal)."""

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
