"""Find in the reader (Ctrl+F): every match is marked, the count says "3 of 17"; Enter goes to the next
match, Shift+Enter to the previous, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


MATCH_COLOUR = "#ffe45c"  # marker yellow, with an outline of the selection for the current match


class FindBar(QWidget):
    """Searches the reader's text (case-insensitive) and selects each match in turn."""

    closed = Signal()

    def __init__(self, reader, parent=None):
        super().__init__(parent)
        self.reader = reader
        self.box = QLineEdit()
        self.box.setPlaceholderText("Find in document")
        self.box.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("▲")
        following.setText("▼")
        close.setText("✕")
        self.box.setAccessibleName("Find in document")
        self.count.setAccessibleName("Matches")
        for button, name in ((previous, "Previous match (Shift+Enter)"), (following, "Next match (Enter)"),
                             (close, "Close (Esc)")):
            button.setToolTip(name)
            button.setAccessibleName(name)
        previous.clicked.connect(lambda: self.find(backwards=True))
        following.clicked.connect(lambda: self.find())
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        for button in (previous, following, close):
            layout.addWidget(button)
        self.box.returnPressed.connect(self.find)
        self.box.textChanged.connect(lambda _text: self.find(from_start=True))
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the current selection as the query."""
        start, end = self.reader.selection_range()
        if end > start and "\n" not in self.reader.text[start:end]:
            self.box.setText(self.reader.text[start:end])
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        """Hide the bar, unmark the matches and give the focus back to the reader."""
        self._mark([], 0)
        self.hide()
        self.reader.setFocus()
        self.closed.emit()

    def find(self, backwards: bool = False, from_start: bool = False) -> tuple[int, int] | None:
        """Select the next (or previous) match after the cursor; wraps around; returns its range."""
        needle = self.box.text().casefold()
        text = self.reader.text.casefold()
        if not needle:
            self.count.setText("")
            self._mark([], 0)
            return None
        matches = []
        position = text.find(needle)
        while position >= 0 and len(matches) < 10_000:
            matches.append(position)
            position = text.find(needle, position + 1)
        self._mark(matches, len(needle))
        if not matches:
            self.count.setText("no match")
            return None
        start, end = self.reader.selection_range()
        if from_start:
            chosen = next((m for m in matches if m >= start), matches[0])
        elif backwards:
            chosen = next((m for m in reversed(matches) if m < start), matches[-1])
        else:
            chosen = next((m for m in matches if m > start), matches[0])
        self.reader.select_range(chosen, chosen + len(needle))
        self.count.setText(f"{matches.index(chosen) + 1} of {len(matches)}")
        return chosen, chosen + len(needle)

    def _mark(self, matches: list[int], length: int) -> None:
        """Mark every match in the reader (extra selections: the highlights underneath stay as they are)."""
        from PySide6.QtGui import QColor, QTextCursor
        from PySide6.QtWidgets import QTextEdit

        marks = []
        to_qt = self.reader.positions.to_qt
        for start in matches:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(self.reader.document())
            mark.cursor.setPosition(to_qt(start))
            mark.cursor.setPosition(to_qt(start + length), QTextCursor.MoveMode.KeepAnchor)
            mark.format.setBackground(QColor(MATCH_COLOUR))
            mark.format.setForeground(QColor("#111111"))
            marks.append(mark)
        self.reader.setExtraSelections(marks)

    def marked(self) -> int:
        """How many matches are marked in the reader."""
        return len(self.reader.extraSelections())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Esc closes; Shift+Enter goes backwards."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find(backwards=True)
        else:
            super().keyPressEvent(event)
