"""The corpus people table: one row per corpus entry, sortable by any column (numbers as numbers).

A model/view table (not one widget item per cell) so that a thousand entries fill in milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from annotext.core.corpus import ORGANISATION, OTHER, CorpusPerson
from annotext.gui.safe_text import plain_tooltip

COLUMNS = ["Name", "Kind", "Docs", "Mentions", "Quotes", "Words", "Share %", "First", "Last"]
TIPS = ["The corpus entry (hover a name: the names documents use)", "person, org. (organisation) or unnamed speaker",
        "Documents that mention or quote them", "Mentions by name", "Quotations attributed to them", "Words quoted",
        "Share of voice: their share of all words quoted with a known speaker", "First publication date",
        "Last publication date"]
KIND_LABEL = {ORGANISATION: "org.", OTHER: "unnamed"}
WORDS = 5


def _values(person: CorpusPerson) -> tuple:
    return (person.name, KIND_LABEL.get(person.kind, "person"), person.documents, person.mentions, person.quotes,
            person.quoted_words, person.share, person.first_date or "", person.last_date or "")


class PeopleModel(QAbstractTableModel):
    """The rows of the people table, sorted in Python (numbers as numbers, text ignoring case)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[CorpusPerson] = []
        self._rows: list[tuple] = []
        self._order: tuple[int, Qt.SortOrder] = (WORDS, Qt.SortOrder.DescendingOrder)

    def set_people(self, people: list[CorpusPerson]) -> None:
        """Replace every row, in the current sort order."""
        self.beginResetModel()
        self.people = list(people)
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102 (Qt API)
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        column, order = self._order
        key = (lambda p: (_values(p)[column].casefold() if isinstance(_values(p)[column], str) else _values(p)[column],
                          p.name.casefold()))
        self.people.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [_values(p) for p in self.people]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, D102 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, D102 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: D102 (Qt API)
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:.1f}" if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return plain_tooltip("Names in the documents: " + ", ".join(self.people[index.row()].names))
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, D102
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS[section]
        return None


class PeopleTable(QTableView):
    """Emits personChosen(entry name) when a row is selected."""

    personChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("corpusPeople")
        self.model_ = PeopleModel(self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setSortingEnabled(True)
        self.sortByColumn(WORDS, Qt.SortOrder.DescendingOrder)  # most words quoted first, as the chart
        self.selectionModel().selectionChanged.connect(self._chosen)

    def set_people(self, people: list[CorpusPerson]) -> None:
        """Show these entries (the sort the analyst chose is kept)."""
        self.model_.set_people(people)
        self._fit_columns()

    def row_count(self) -> int:
        """Rows shown."""
        return self.model_.rowCount()

    def text(self, row: int, column: int) -> str:
        """What the cell at (row, column) shows, in the current sort order."""
        return self.model_.index(row, column).data()

    def chosen_name(self) -> str | None:
        """The selected entry's name."""
        rows = self.selectionModel().selectedRows()
        return rows[0].data() if rows else None

    def select_row(self, row: int) -> None:
        """Select a row (as a click does)."""
        self.selectRow(row)

    def name_at(self, point) -> str | None:
        """The entry under a point of the viewport (context menus)."""
        index = self.indexAt(point)
        return self.model_.index(index.row(), 0).data() if index.isValid() else None

    def _chosen(self, *_args) -> None:
        name = self.chosen_name()
        if name is not None:
            self.personChosen.emit(name)

    def _fit_columns(self) -> None:
        """Numbers and dates as narrow as their widest text, the name gets the rest (1366×768 fits)."""
        metrics, header = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        rows = min(200, self.model_.rowCount())
        for column in range(1, len(COLUMNS)):
            cells = [metrics.horizontalAdvance(self.text(r, column)) + 12 for r in range(rows)]
            self.setColumnWidth(column, max([header.horizontalAdvance(COLUMNS[column]) + 18, *cells]))
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
