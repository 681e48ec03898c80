"""Comments as notes in a margin beside the reader, each card level with its passage (as Hypothesis,
NVivo and Word show them), edited in place: click a card, type, Ctrl+Enter saves, Esc cancels, and
leaving the card saves too.

The margin scrolls with the reader. Card positions are kept in document coordinates and only the
cards on screen are shown, so documents with hundreds of comments scroll as smoothly as without.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from annotext.gui.note_card import QUOTE_CHARS, Note, NoteCard, excerpt, note_label

__all__ = ["Note", "NoteCard", "NotesMargin"]

GAP = 8  # between stacked cards
SIDE = 8  # card inset from the margin's edges
MIN_WIDTH, PREFERRED_WIDTH, MAX_WIDTH = 180, 300, 340


class NotesMargin(QWidget):
    """The margin beside a ReaderView. Emits saveRequested(note, text) when a card's text changed."""

    saveRequested = Signal(object, str)

    def __init__(self, reader, parent=None):
        super().__init__(parent)
        self.setObjectName("notesMargin")
        self.setAccessibleName("Notes")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        self.setMaximumWidth(MAX_WIDTH)  # no minimum: below MIN_WIDTH the window folds the margin away
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.reader = reader
        self._notes: list[Note] = []
        self._cards: dict[object, NoteCard] = {}  # by annotation id ("draft" for the draft)
        self._draft: Note | None = None
        self._tops: list[int] = []  # card tops in document coordinates, in note order
        self._heights: dict[object, tuple[int, int, bool]] = {}  # key -> (width, height, measured on a card)
        self._anchors: dict[int, int] = {}  # passage start -> its first line's top, document coordinates
        self._anchors_text = None  # the text those anchors belong to
        self._fonts = None  # font metrics and sizes of a card, for estimating heights
        self.empty_hint = note_label(small=True)
        self.empty_hint.setParent(self)
        self.empty_hint.setText("Notes appear here, beside their passages. Select a passage and press Ctrl+M.")
        self.empty_hint.setForegroundRole(self.empty_hint.foregroundRole().PlaceholderText)
        self._relayout_timer = QTimer(self, singleShot=True, interval=0)
        self._relayout_timer.timeout.connect(self.relayout)
        reader.verticalScrollBar().valueChanged.connect(self._place)
        reader.document().documentLayout().documentSizeChanged.connect(self._layout_changed)
        reader.viewport().installEventFilter(self)

    # What is shown ------------------------------------------------------------------------------
    def set_notes(self, notes: list[Note]) -> None:
        """Show these notes (a card per note, reused when unchanged); a card being edited stays."""
        notes = list(notes)
        keep = {n.annotation_id for n in notes}
        for key, card in self._cards.items():  # a note being written (its passage has no comment yet)
            if card.editing and key != "draft" and key not in keep:  # stays while the analyst types
                notes.append(card.note)
                keep.add(key)
        self._notes = sorted(notes, key=lambda n: (n.start, n.end))
        for key in [k for k in self._cards if k not in keep and k != "draft"]:
            self._cards.pop(key).deleteLater()
            self._heights.pop(key, None)
        for note in self._notes:
            card = self._cards.get(note.annotation_id)
            if card is not None and card.note != note and not card.editing:
                card.set_note(note)
                self._heights.pop(note.annotation_id, None)
        self.relayout()

    def notes(self) -> list[Note]:
        """The notes shown (the draft last, if any)."""
        return self._notes + ([self._draft] if self._draft else [])

    def card(self, annotation_id) -> NoteCard | None:
        """The card of an annotation ("draft" for the new note), creating it if needed."""
        note = self._draft if annotation_id == "draft" else next(
            (n for n in self._notes if n.annotation_id == annotation_id), None)
        return None if note is None else self._card_for(note)

    def visible_cards(self) -> list[NoteCard]:
        """Cards on screen, top to bottom."""
        cards = [c for c in self._cards.values() if not c.isHidden()]
        return sorted(cards, key=lambda c: c.y())

    # Editing -------------------------------------------------------------------------------------
    def edit(self, annotation_id: int, existing: Note | None = None) -> NoteCard | None:
        """Open a passage's note for editing (its card is created when the passage has no comment yet)."""
        note = next((n for n in self._notes if n.annotation_id == annotation_id), None)
        if note is None and existing is not None:
            self._notes = sorted(self._notes + [existing], key=lambda n: (n.start, n.end))
            note = existing
        if note is None:
            return None
        return self._open(note)

    def open_draft(self, note: Note) -> NoteCard:
        """A new note for a selection that is not a passage yet; saved, it creates the passage."""
        self.drop_draft()
        self._draft = note
        return self._open(note)

    def reopen(self, note: Note, text: str) -> None:
        """A save failed: open the card again holding what was typed, so nothing is lost."""
        if note.annotation_id is None:
            self.open_draft(note).editor.setPlainText(text)
        else:
            card = self.edit(note.annotation_id, note)
            if card is not None:
                card.editor.setPlainText(text)

    def drop_draft(self) -> None:
        """Forget the draft card (saved, cancelled, or replaced by another)."""
        card = self._cards.pop("draft", None)
        self._draft = None
        if card is not None:
            card.editing = False
            card.deleteLater()
            self._heights.pop("draft", None)
            self.schedule_relayout()

    def _open(self, note: Note) -> NoteCard:
        self.relayout()
        card = self._card_for(note)
        index = self._index_of(note)
        if index is not None and self._tops:
            top = self._tops[index] - self.reader.verticalScrollBar().value()
            if not (0 <= top <= self.height() - 60):  # bring the passage and its card on screen
                self.reader.verticalScrollBar().setValue(self._tops[index] - self.height() // 3)
        self._place()
        card.start_edit()
        return card

    def _on_card_saved(self, note: Note, text) -> None:
        card = self.sender()
        if isinstance(card, NoteCard) and card.ended_with_focus:
            self.reader.setFocus()
        self._heights.pop("draft" if note.annotation_id is None else note.annotation_id, None)
        if note.annotation_id is None:
            self.drop_draft()
        elif not note.comment and text is None:  # opened for a passage without comment, left empty
            self._notes = [n for n in self._notes if n is not note]
            card = self._cards.pop(note.annotation_id, None)
            if card is not None:
                card.deleteLater()
        self.schedule_relayout()
        if text is not None:
            self.saveRequested.emit(note, text)

    # Layout ---------------------------------------------------------------------------------------
    def _layout_changed(self, *_args) -> None:
        """The reader's lines moved (new text, rewrap, zoom): anchors are measured again."""
        self._anchors.clear()
        self.schedule_relayout()

    def schedule_relayout(self, *_args) -> None:
        """Recompute card positions on the next event-loop turn (the reader's layout has changed)."""
        self._relayout_timer.start()

    def relayout(self) -> None:
        """Card tops in document coordinates: each level with its passage's first line, pushed down
        just enough not to overlap the card above."""
        notes = self.notes()
        scroll = self.reader.verticalScrollBar().value()
        offset = self.reader.viewport().mapToGlobal(QPoint(0, 0)).y() - self.mapToGlobal(QPoint(0, 0)).y()
        if self._anchors_text is not self.reader.text:
            self._anchors.clear()
            self._anchors_text = self.reader.text
        width = self._card_width()
        order = sorted(range(len(notes)), key=lambda i: notes[i].start)
        tops = [0] * len(notes)
        bottom = -GAP
        for i in order:
            start = notes[i].start
            anchor = self._anchors.get(start)
            if anchor is None:
                anchor = self._anchors[start] = self.reader.cursorRect(self._cursor_at(start)).top() + scroll
            tops[i] = max(anchor + offset, bottom + GAP)
            bottom = tops[i] + self._height(notes[i], width)
        self._tops = tops
        self._place()

    def _place(self, *_args) -> None:
        """Show the cards that are on screen at their place; hide the rest."""
        notes = self.notes()
        scroll = self.reader.verticalScrollBar().value()
        width = self._card_width()
        self.empty_hint.setVisible(not notes)
        if not notes:
            self.empty_hint.setGeometry(SIDE, 16, width, self.empty_hint.heightForWidth(width))
        order = sorted(range(len(notes)), key=lambda i: self._tops[i] if i < len(self._tops) else 0)
        tops = [self._tops[i] if i < len(self._tops) else 0 for i in order]
        first = max(0, bisect_left(tops, scroll - 2000) - 1)  # cards are at most a few hundred pixels tall
        shown = set()
        for position in range(first, len(order)):
            note = notes[order[position]]
            top = tops[position] - scroll
            if top > self.height():
                break
            height = self._height(note, width)
            if top + height < 0:
                continue
            card = self._card_for(note)
            if self._measure(note, card, width) != height:  # the estimate was off: place everything again
                self.schedule_relayout()
                height = self._height(note, width)
            card.setGeometry(SIDE, top, width, height)
            card.show()
            shown.add(id(card))
        for card in self._cards.values():
            if id(card) not in shown and not card.editing:
                card.hide()

    def _card_for(self, note: Note) -> NoteCard:
        key = "draft" if note.annotation_id is None else note.annotation_id
        card = self._cards.get(key)
        if card is None:
            card = NoteCard(note, self)
            card.saveRequested.connect(self._on_card_saved)
            card.editingChanged.connect(lambda key=key: (self._heights.pop(key, None), self.relayout()))
            self._cards[key] = card
        return card

    def _height(self, note: Note, width: int) -> int:
        """The card's height at `width`: measured on its card once it has one, else estimated from
        font metrics (creating hundreds of cards nobody sees would cost seconds)."""
        key = "draft" if note.annotation_id is None else note.annotation_id
        cached = self._heights.get(key)
        if cached is not None and cached[0] == width:
            return cached[1]
        card = self._cards.get(key)
        if card is not None:
            return self._measure(note, card, width)
        height = self._estimate(note, width)
        self._heights[key] = (width, height, False)
        return height

    def _measure(self, note: Note, card: NoteCard, width: int) -> int:
        key = "draft" if note.annotation_id is None else note.annotation_id
        cached = self._heights.get(key)
        if cached is not None and cached[0] == width and cached[2]:
            return cached[1]
        height = card.heightForWidth(width)
        if height <= 0:
            height = card.sizeHint().height()
        self._heights[key] = (width, height, True)
        return height

    def _estimate(self, note: Note, width: int) -> int:
        """What NoteCard's layout will make of this note (the same fonts, margins and spacing)."""
        if self._fonts is None:
            sample = NoteCard(Note(None, 0, 0, "x", "x", (("x", "#ffffff"),), "x", "x"))
            chip = sample.chips.findChildren(QLabel)[0]
            self._fonts = (sample.quote.fontMetrics(), sample.meta.fontMetrics(), sample.body.fontMetrics(),
                           chip.sizeHint().height(), chip.sizeHint().width() - chip.fontMetrics().horizontalAdvance("x"),
                           chip.fontMetrics(), sample.frameWidth())
            sample.deleteLater()
        quote_fm, meta_fm, body_fm, chip_height, chip_padding, chip_fm, frame = self._fonts
        inner = max(20, width - 20 - 2 * frame)
        flags = int(Qt.TextFlag.TextWordWrap)

        def wrapped(metrics, text: str) -> int:
            return metrics.boundingRect(0, 0, inner, 1 << 20, flags, text).height()

        parts = [wrapped(quote_fm, f"“{excerpt(note.quote, QUOTE_CHARS)}”")]
        if note.tags:
            rows, x = 1, 0
            for name, _colour in note.tags:
                chip = chip_fm.horizontalAdvance(name) + chip_padding
                if x and x + chip > inner:
                    rows, x = rows + 1, 0
                x += chip + 4
            parts.append(rows * chip_height + (rows - 1) * 4)
        meta = " · ".join(part for part in (note.author, note.date) if part)
        if meta:
            parts.append(wrapped(meta_fm, meta))
        if note.comment:
            parts.append(wrapped(body_fm, note.comment))
        return 16 + 2 * frame + sum(parts) + 4 * (len(parts) - 1)

    def _card_width(self) -> int:
        return max(80, self.width() - 2 * SIDE)

    def _index_of(self, note: Note) -> int | None:
        notes = self.notes()
        return next((i for i, n in enumerate(notes) if n is note), None)

    def _cursor_at(self, offset: int) -> QTextCursor:
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(self.reader.positions.to_qt(min(offset, len(self.reader.text))))
        return cursor

    def wheelScrolls(self, reader) -> None:  # noqa: N802 (reads like Qt's own setters)
        """The mouse wheel over the margin scrolls the text (the margin has no scroll bar of its own)."""
        self._wheel_target = reader

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Scroll the reader, as if the wheel had turned over the text."""
        target = getattr(self, "_wheel_target", None)
        if target is None:
            super().wheelEvent(event)
            return
        from PySide6.QtWidgets import QApplication

        QApplication.sendEvent(target.viewport(), event)

    def sizeHint(self):  # noqa: N802 (Qt naming)
        """Room for a comfortable card; the reader beside it takes the rest."""
        from PySide6.QtCore import QSize

        return QSize(PREFERRED_WIDTH, 400)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Another width wraps the cards differently: measure again."""
        super().resizeEvent(event)
        self._heights.clear()
        self.schedule_relayout()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        """The reader's viewport was resized (its lines rewrap): move the cards with them."""
        if event.type() == QEvent.Type.Resize:
            self.schedule_relayout()
        return False
