"""The library search box (Ctrl+Shift+F): results from document text and comments, ranked, with
snippets; choosing one opens the document at that place."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotext.gui.safe_text import plain_tooltip
from annotext.storage.search import SearchHit

_HIT = Qt.ItemDataRole.UserRole


class SearchPanel(QWidget):
    """Emits searchRequested(query) after typing pauses, and hitChosen(SearchHit, query)."""

    searchRequested = Signal(str)
    hitChosen = Signal(object, str)
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.box = QLineEdit()
        self.box.setPlaceholderText("Search the library")  # short: it fits the narrowest panel
        self.box.setToolTip("Search all documents and comments (Ctrl+Shift+F)")
        self.box.setAccessibleName("Search the library")
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._fire)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._fire)
        self.results.itemActivated.connect(self._chosen)
        self.results.setAccessibleName("Search results")
        self.box.installEventFilter(self)
        self.results.itemClicked.connect(self._chosen)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        """Down in the search box moves into the results (Enter there opens one)."""
        if watched is self.box and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.results.isVisible() and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    @property
    def active(self) -> bool:
        """True while a query is typed (the results replace the library list)."""
        return bool(self.box.text().strip())

    def show_hits(self, hits: list[SearchHit]) -> None:
        """Fill the result list: title, kind, snippet (plain text, never markup)."""
        self.results.clear()
        for hit in hits:
            where = "comment" if hit.kind == "comment" else "text"
            item = QListWidgetItem(f"{hit.title}\n[{where}] {' '.join(hit.snippet.split())}")
            item.setData(_HIT, hit)
            item.setToolTip(plain_tooltip(hit.snippet))
            self.results.addItem(item)
        if not hits:
            self.results.addItem(QListWidgetItem("No matches."))
        self.results.setVisible(self.active)

    def _typed(self, _text: str) -> None:
        if not self.active:
            self.results.hide()
            self.cleared.emit()
            return
        self._timer.start()

    def _fire(self) -> None:
        if self.active:
            self.searchRequested.emit(self.box.text())

    def _chosen(self, item: QListWidgetItem) -> None:
        hit = item.data(_HIT)
        if hit is not None:
            self.hitChosen.emit(hit, self.box.text())
