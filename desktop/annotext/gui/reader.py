"""The reader: the article as comfortable, selectable, read-only text with layered highlights.

A read-only QTextEdit rather than QPlainTextEdit, because only QTextEdit honours block margins
and line height (space between paragraphs, a heading for the title) and frame margins (a centred
column of readable width). The highlights are painted by reader_highlights.py, the passage stripes
and note marks in the margin by reader_margin.py; this module shows, lays out and selects the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QTimer, Signal
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextFrameFormat
from PySide6.QtWidgets import QTextEdit, QToolTip

from annotext.core.blocks import BLOCKQUOTE, Block
from annotext.core.span_index import SpanIndex
from annotext.gui.positions import PositionMap
from annotext.gui.reader_highlights import HighlightLayers
from annotext.gui.reader_margin import MarginMarks
from annotext.gui.structure import apply_block_formats, heading_ranges, indent_width

if TYPE_CHECKING:  # loaded on first use: the reader paints before these are needed
    from annotext.core.spans import Span

MEASURE_CHARS = 72  # a comfortable line length: at most ~80 characters, whatever the window width
MIN_SIDE_MARGIN = 28
READING_POINTS, UI_POINTS = 12.5, 10.5  # reading size at the theme's interface size (gui/theme.py)
READING_FONTS = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]

TooltipProvider = Callable[[list["Span"]], str]


class ReaderView(MarginMarks, HighlightLayers, QTextEdit):
    """Shows one document's text; knows nothing of libraries or analysis, only spans."""

    selectionRangeChanged = Signal(int, int)  # code-point offsets of the current selection
    highlightsPainted = Signal()  # every scheduled highlight chunk has been applied
    noteMarkClicked = Signal(int)  # annotation id of the passage whose note mark was clicked
    tagKeyPressed = Signal(int)  # a digit 1-9 pressed in the text: the analyst's tag keys

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

    def visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and last characters on screen."""
        viewport = self.viewport()
        top = self._map.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        bottom = self._map.from_qt(self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position())
        return top, bottom + 1

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Digits 1-9 (main row or keypad, no other modifier) are tag keys, handled by the reader
        itself: a QShortcut only fires once the window system has made this window the active one and
        the reader its focus widget, so a key that reaches the text earlier (just after the window
        opened and a document was shown) was lost. Everything else reads and selects as usual."""
        from PySide6.QtCore import Qt

        key = event.key()
        if (Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            if not event.isAutoRepeat():  # holding the key does not toggle the tag on and off
                self.tagKeyPressed.emit(key - Qt.Key.Key_0.value)
            return
        super().keyPressEvent(event)

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
