"""Find in the reader (Ctrl+F): type, Enter for the next match, Shift+Enter for the previous, Esc to close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


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
        """Hide the bar and give the focus back to the reader."""
        self.hide()
        self.reader.setFocus()
        self.closed.emit()

    def find(self, backwards: bool = False, from_start: bool = False) -> tuple[int, int] | None:
        """Select the next (or previous) match after the cursor; wraps around; returns its range."""
        needle = self.box.text().casefold()
        text = self.reader.text.casefold()
        if not needle:
            self.count.setText("")
            return None
        matches = []
        position = text.find(needle)
        while position >= 0 and len(matches) < 10_000:
            matches.append(position)
            position = text.find(needle, position + 1)
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

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Esc closes; Shift+Enter goes backwards."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find(backwards=True)
        else:
            super().keyPressEvent(event)
