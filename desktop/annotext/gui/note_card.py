"""One note card of the notes margin: the passage quoted, tag chips, coder and date, the comment
wrapped, and an editor in its place while it is being edited (Ctrl+Enter saves, Esc cancels,
leaving it saves)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from annotext.core.annotations import MAX_COMMENT_CHARS
from annotext.gui.flow_layout import FlowLayout

QUOTE_CHARS = 90  # the passage is quoted up to this many characters (an excerpt, with "…")


@dataclass(frozen=True, slots=True)
class Note:
    """What one card shows. `annotation_id` None is a draft for a passage not created yet."""

    annotation_id: int | None
    start: int
    end: int
    quote: str
    comment: str
    tags: tuple[tuple[str, str], ...] = ()  # (name, colour)
    author: str = ""
    date: str = ""


class NoteEditor(QPlainTextEdit):
    """The in-place editor: Ctrl+Enter saves, Esc cancels, losing the focus saves."""

    save = Signal()
    cancel = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Ctrl+Enter and Esc end the edit; every other key types."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Leaving the editor saves (but not when its own context menu opens)."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.save.emit()


class NoteCard(QFrame):
    """One comment: the passage quoted, tag chips, coder and date, the text wrapped; click to edit."""

    saveRequested = Signal(object, object)  # the card's Note, the new text (None: nothing to save)
    editingChanged = Signal()  # started or ended: the card's height changes

    def __init__(self, note: Note, parent=None):
        super().__init__(parent)
        self.setObjectName("noteCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.note = note
        self.editing = False
        self.ended_with_focus = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setSpacing(4)
        self.quote = note_label(italic=True)
        self.quote.setForegroundRole(self.quote.foregroundRole().PlaceholderText)
        self.chips = QWidget()
        self._chips = FlowLayout(self.chips, spacing=4)
        self._chips.setContentsMargins(0, 0, 0, 0)
        self.meta = note_label(small=True)
        self.meta.setForegroundRole(self.meta.foregroundRole().PlaceholderText)
        self.body = note_label()
        self.editor = NoteEditor()
        self.editor.setAccessibleName("Note text")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText("Write a note…")
        self.editor.hide()
        self.hint = note_label(small=True)
        self.hint.setText("Ctrl+Enter saves · Esc cancels")
        self.hint.setForegroundRole(self.hint.foregroundRole().PlaceholderText)
        self.hint.hide()
        for widget in (self.quote, self.chips, self.meta, self.body, self.editor, self.hint):
            self._layout.addWidget(widget)
        self.editor.save.connect(self.finish)
        self.editor.cancel.connect(self.cancel)
        self.editor.textChanged.connect(self._fit_editor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_note(note)

    def set_note(self, note: Note) -> None:
        """Show a (possibly changed) note; an edit in progress is left alone."""
        self.note = note
        self.quote.setText(f"“{excerpt(note.quote, QUOTE_CHARS)}”")
        while self._chips.count():
            item = self._chips.takeAt(0)
            item.widget().deleteLater()
        for name, colour in note.tags:
            chip = QLabel(name)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setStyleSheet(f"background: {colour}; color: #111; border-radius: 6px; padding: 1px 6px;")
            chip.setToolTip(name)
            self._chips.addWidget(chip)
        self.chips.setVisible(bool(note.tags))
        self.meta.setText(" · ".join(part for part in (note.author, note.date) if part))
        self.meta.setVisible(bool(self.meta.text()))
        self.body.setText(note.comment)
        self.body.setVisible(bool(note.comment) and not self.editing)
        self.setAccessibleName(f"Note on “{excerpt(note.quote, 40)}”")
        self.setAccessibleDescription(note.comment)
        self.setToolTip("Click to edit this note")

    def start_edit(self, text: str | None = None) -> None:
        """Replace the text by an editor holding it (or `text`), focused, caret at the end."""
        if self.editing:
            return
        self.editing = True
        self.editor.setPlainText(self.note.comment if text is None else text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.body.hide()
        self.editor.show()
        self.hint.show()
        self._fit_editor()
        self.editor.setFocus()
        self.editingChanged.emit()

    def finish(self) -> None:
        """Save: hand the text to the margin (which stores it through the undo stack)."""
        if not self.editing:
            return
        text = self.editor.toPlainText().strip()
        self._stop()
        if text != self.note.comment.strip():
            self.saveRequested.emit(self.note, text)
        else:
            self.saveRequested.emit(self.note, None)  # unchanged: a draft simply closes

    def cancel(self) -> None:
        """Esc: drop the edit, show the note as it was."""
        if not self.editing:
            return
        self._stop()
        self.saveRequested.emit(self.note, None)

    def _stop(self) -> None:
        self.ended_with_focus = self.editor.hasFocus()  # by a key: the focus goes back to the text
        self.editing = False
        self.editor.hide()
        self.hint.hide()
        self.body.setVisible(bool(self.note.comment))
        self.editingChanged.emit()

    def _fit_editor(self) -> None:
        """The editor grows with its text (3 to 12 lines) instead of scrolling inside a tiny box; the
        hint warns when the text is longer than a comment may be."""
        length = len(self.editor.toPlainText())
        self.hint.setText("Ctrl+Enter saves · Esc cancels" if length <= MAX_COMMENT_CHARS else
                          f"{length:,} characters: at most {MAX_COMMENT_CHARS:,} can be saved")
        lines = max(3, min(12, int(self.editor.document().size().height()) + 1))
        height = self.editor.fontMetrics().lineSpacing() * lines + 12
        if self.editor.height() != height:
            self.editor.setFixedHeight(height)
            self.editingChanged.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """A click edits the note in place."""
        super().mousePressEvent(event)
        self.start_edit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Enter or F2 on a focused card edits it (the keyboard way to click)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.start_edit()
        else:
            super().keyPressEvent(event)


def note_label(italic: bool = False, small: bool = False) -> QLabel:
    """A plain-text, word-wrapped label in the card's type scale."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # comments and quotes are the analyst's text, never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    font = QFont(label.font())
    font.setItalic(italic)
    if small:
        font.setPointSizeF(font.pointSizeF() * 0.88)
    label.setFont(font)
    return label


def excerpt(text: str, limit: int) -> str:
    """The text on one line, cut at `limit` characters with "…" (quotes of long passages)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
