"""The library list: every document with its title, publication date and source, sortable by any
of them (click a column header); choosing one opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotext.storage.repository import DocumentSummary
from annotext.gui.safe_text import plain_tooltip

TITLE, DATE, SOURCE = range(3)
WIDE_ENOUGH_FOR_COLUMNS = 330  # px: below, only titles are shown


class DocumentRow(QTreeWidgetItem):
    """One document. Reads like a list item too (text(), data(role), toolTip() of the title), and
    sorts undated documents after dated ones whichever the direction."""

    def text(self, column: int = TITLE) -> str:  # noqa: D102 (Qt API with a default column)
        return super().text(column)

    def toolTip(self, column: int = TITLE) -> str:  # noqa: N802, D102 (Qt naming)
        return super().toolTip(column)

    def data(self, *args):  # noqa: D102 (data(role) reads the title column)
        return super().data(TITLE, args[0]) if len(args) == 1 else super().data(*args)

    def __lt__(self, other: "DocumentRow") -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else TITLE
        mine, theirs = self.text(column).casefold(), other.text(column).casefold()
        if column != TITLE and bool(mine) != bool(theirs):
            ascending = self.treeWidget().header().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            return bool(mine) if ascending else not mine
        return (mine, self.text(TITLE).casefold()) < (theirs, other.text(TITLE).casefold())


class LibraryPanel(QTreeWidget):
    """Emits `documentChosen(doc_id)`."""

    documentChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("library")
        self.setColumnCount(3)
        self.setHeaderLabels(["Title", "Date", "Source"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SOURCE, 90)
        self.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until a header is clicked
        self.currentItemChanged.connect(self._on_current)
        self._filling = False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Narrow (a small window): date and source give their room to the titles (both stay in the
        title's tooltip); they come back when the panel is widened."""
        super().resizeEvent(event)
        narrow = self.width() < WIDE_ENOUGH_FOR_COLUMNS
        for column in (DATE, SOURCE):
            self.setColumnHidden(column, narrow)

    def set_documents(self, documents: "list[DocumentSummary]", current: int | None = None,
                      attributes: dict[int, tuple[str | None, str | None]] | None = None) -> None:
        """Replace the list (newest first unless the analyst sorted it), keeping `current` selected
        without re-emitting; `attributes` gives each document's (date, source)."""
        attributes = attributes or {}
        self._filling = True
        try:
            self.clear()
            for summary in documents:
                date, source = attributes.get(summary.id, (None, None))
                item = DocumentRow([summary.title, date or "", source or ""])
                item.setData(TITLE, Qt.ItemDataRole.UserRole, summary.id)
                described = " · ".join(part for part in (date, source) if part)
                item.setToolTip(TITLE, plain_tooltip(f"{summary.title}\n" + (f"{described}\n" if described else "")
                                                     + f"{summary.source}\nimported {summary.imported_at[:16]}"))
                item.setToolTip(SOURCE, plain_tooltip(source or ""))
                self.addTopLevelItem(item)
                if summary.id == current:
                    self.setCurrentItem(item)
        finally:
            self._filling = False

    def count(self) -> int:
        """Number of documents listed."""
        return self.topLevelItemCount()

    def item(self, row: int) -> DocumentRow | None:
        """The document at `row` as shown."""
        return self.topLevelItem(row)

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
        rows = sorted(self.selectedItems(), key=self.indexOfTopLevelItem)
        return [item.data(Qt.ItemDataRole.UserRole) for item in rows]

    def _on_current(self, item: QTreeWidgetItem | None, _previous) -> None:
        if item is not None and not self._filling:
            self.documentChosen.emit(item.data(TITLE, Qt.ItemDataRole.UserRole))
