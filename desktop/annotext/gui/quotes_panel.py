"""The Quotes panel: quotations grouped by speaker, then scare quotes and the hidden ones (marked
"not a quotation"); click to go there, right-click to correct or restore."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView

from annotext.core.results import SCARE, quotes_by_speaker
from annotext.core.spans import Span
from annotext.gui.quotes_model import CORRECTED_ROLE, GROUP_ROLE, RANGE_ROLE, QuoteGroup, QuotesModel

UNATTRIBUTED = "Unattributed"
SCARE_QUOTES = "Scare quotes (not speech)"
HIDDEN_GROUP = "Hidden (not quotations)"


class QuotesPanel(QTreeView):
    """Emits quoteChosen(start, end) on a click; for corrections speakerRequested(start, end) (the
    window asks who), speakerCorrected(start, end, name), notQuote(start, end),
    restoreQuote(start, end), kindChosen(start, end, "scare" | "speech") and forgetRequested(start, end).
    A view over a QuotesModel: filling it with a long report's thousands of quotations is one grouping
    pass and a model reset, and only the rows on screen are ever drawn or measured."""

    quoteChosen = Signal(int, int)
    speakerRequested = Signal(int, int)
    speakerCorrected = Signal(int, int, str)
    notQuote = Signal(int, int)
    restoreQuote = Signal(int, int)
    kindChosen = Signal(int, int, str)
    forgetRequested = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quotes_model = QuotesModel(self)
        self.quotes_model.muted = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        self.setModel(self.quotes_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # no need to measure every row
        self.setWordWrap(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # the word counts on screen size the column, not all of them
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)

    def set_quotes(self, quotes: list[Span], hidden: list[Span] = ()) -> None:
        """Speech grouped by speaker, most quoted first, unattributed last; then scare quotes, then the
        hidden quotations (so they can be found and restored)."""
        speech, scare = quotes_by_speaker(quotes)
        groups = [QuoteGroup(name or UNATTRIBUTED, "speaker", group) for name, group in speech]
        if scare:
            groups.append(QuoteGroup(SCARE_QUOTES, "scare", scare))
        if hidden:
            groups.append(QuoteGroup(HIDDEN_GROUP, "hidden", list(hidden)))
        self.quotes_model.set_groups(groups)
        model = self.quotes_model
        for row in range(len(groups)):
            self.setExpanded(model.index(row, 0), True)

    def speakers(self) -> dict[str, int]:
        """Speaker -> number of quotations of speech, as shown."""
        return {group.name: len(group.quotes) for group in self.quotes_model.groups if group.kind == "speaker"}

    def scare_quotes(self) -> int:
        """How many quotations are listed apart as scare quotes."""
        return len(self.group_ranges("scare"))

    def group_ranges(self, kind: str) -> list[tuple[int, int]]:
        """The quotations listed under the scare ("scare") or hidden ("hidden") heading."""
        return [(q.start, q.end) for group in self.quotes_model.groups if group.kind == kind for q in group.quotes]

    def item_for(self, start: int) -> QModelIndex:
        """The row of the quotation starting at `start` (an invalid index when none does)."""
        return self.quotes_model.index_of(start)

    def _on_clicked(self, index: QModelIndex) -> None:
        span = index.siblingAtColumn(0).data(RANGE_ROLE)
        if span:
            self.quoteChosen.emit(*span)

    def build_menu(self, index: QModelIndex | None) -> QMenu | None:
        """The context menu of a quotation row: correct it, or restore it when hidden."""
        item = index.siblingAtColumn(0) if index is not None and index.isValid() else None
        span = item.data(RANGE_ROLE) if item is not None else None
        if not span:
            return None
        start, end = span
        menu = QMenu(self)
        if item.data(GROUP_ROLE) == "hidden":
            menu.addAction("Restore quotation", lambda: self.restoreQuote.emit(start, end))
            return menu
        menu.addAction("Change speaker…", lambda: self.speakerRequested.emit(start, end))
        menu.addAction("Not a quotation", lambda: self.notQuote.emit(start, end))
        if item.data(GROUP_ROLE) == "scare":
            menu.addAction("Speech, not a scare quote", lambda: self.kindChosen.emit(start, end, "speech"))
        else:
            menu.addAction("Scare quote, not speech", lambda: self.kindChosen.emit(start, end, SCARE))
        if item.data(CORRECTED_ROLE):
            menu.addAction("Back to the detected speaker and kind", lambda: self.forgetRequested.emit(start, end))
        return menu

    def _context_menu(self, point) -> None:
        menu = self.build_menu(self.indexAt(point))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(point))

