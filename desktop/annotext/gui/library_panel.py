"""The library list: every document by title; choosing one opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotext.storage.repository import DocumentSummary
from annotext.gui.safe_text import plain_tooltip


class LibraryPanel(QListWidget):
    """Emits `documentChosen(doc_id)`."""

    documentChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("library")
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.currentItemChanged.connect(self._on_current)
        self._filling = False

    def set_documents(self, documents: "list[DocumentSummary]", current: int | None = None) -> None:
        """Replace the list, keeping `current` selected without re-emitting."""
        self._filling = True
        try:
            self.clear()
            for summary in documents:
                item = QListWidgetItem(summary.title)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                item.setToolTip(plain_tooltip(f"{summary.title}\n{summary.source}\nimported {summary.imported_at[:16]}"))
                self.addItem(item)
                if summary.id == current:
                    self.setCurrentItem(item)
        finally:
            self._filling = False

    def show_current(self, doc_id: int) -> bool:
        """Select the row of an opened document without re-emitting; False if it is not listed."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == doc_id:
                self._filling = True
                try:
                    self.setCurrentItem(item)
                finally:
                    self._filling = False
                return True
        return False

    def selected_ids(self) -> list[int]:
        """Documents selected (several with Ctrl/Shift-click), in list order."""
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.selectedItems()]

    def _on_current(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None and not self._filling:
            self.documentChosen.emit(item.data(Qt.ItemDataRole.UserRole))
