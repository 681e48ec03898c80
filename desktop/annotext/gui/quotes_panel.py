"""The Quotes panel: quotations grouped by speaker; click to go there, right-click to correct."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QTreeWidget, QTreeWidgetItem

from annotext.core.spans import Span
from annotext.gui.safe_text import plain_tooltip

UNATTRIBUTED = "Unattributed"
SCARE_QUOTES = "Scare quotes (not speech)"
_RANGE = Qt.ItemDataRole.UserRole


class QuotesPanel(QTreeWidget):
    """Emits quoteChosen(start, end), speakerCorrected(start, end, name) and notQuote(start, end)."""

    quoteChosen = Signal(int, int)
    speakerCorrected = Signal(int, int, str)
    notQuote = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels(["Speaker / quotation", "Words"])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
        self.people_names: list[str] = []

    def set_quotes(self, quotes: list[Span], people_names: list[str]) -> None:
        """Group quotations by speaker, most quoted first; unattributed ones, then scare quotes, last."""
        self.clear()
        self.people_names = people_names
        groups: dict[str, list[Span]] = {}
        for quote in quotes:
            group = SCARE_QUOTES if quote.attrs.get("kind") == "scare" else quote.attrs.get("speaker") or UNATTRIBUTED
            groups.setdefault(group, []).append(quote)
        order = sorted(groups, key=lambda name: (name == SCARE_QUOTES, name == UNATTRIBUTED, -len(groups[name]), name))
        for name in order:
            items = groups[name]
            words = sum(len(q.attrs.get("content", "").split()) for q in items)
            group = QTreeWidgetItem([f"{name}  ({len(items)})", str(words)])
            group.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for quote in items:
                content = quote.attrs.get("content", "")
                child = QTreeWidgetItem([f"“{_snippet(content)}”", str(len(content.split()))])
                child.setData(0, _RANGE, (quote.start, quote.end))
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cue = quote.attrs.get("cue")
                child.setToolTip(0, plain_tooltip(f"{content}\n— {name}" + (f" ({cue})" if cue else "")))
                group.addChild(child)
            self.addTopLevelItem(group)
            group.setExpanded(True)

    def speakers(self) -> dict[str, int]:
        """Speaker -> number of quotations, as shown (scare quotes are nobody's)."""
        result = {}
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            name = group.text(0).rsplit("  (", 1)[0]
            if name != SCARE_QUOTES:
                result[name] = group.childCount()
        return result

    def scare_quotes(self) -> int:
        """How many quotations are listed apart as scare quotes."""
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            if group.text(0).rsplit("  (", 1)[0] == SCARE_QUOTES:
                return group.childCount()
        return 0

    def item_for(self, start: int) -> QTreeWidgetItem | None:
        """The row of the quotation starting at `start`."""
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, _RANGE)[0] == start:
                    return group.child(j)
        return None

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, _RANGE)
        if span:
            self.quoteChosen.emit(*span)

    def _context_menu(self, point) -> None:
        item = self.itemAt(point)
        span = item.data(0, _RANGE) if item else None
        if not span:
            return
        menu = QMenu(self)
        change = QAction("Change speaker…", menu)
        change.triggered.connect(lambda: self.ask_speaker(*span))
        drop = QAction("Not a quotation", menu)
        drop.triggered.connect(lambda: self.notQuote.emit(*span))
        menu.addAction(change)
        menu.addAction(drop)
        menu.exec(self.viewport().mapToGlobal(point))

    def ask_speaker(self, start: int, end: int) -> None:
        """Choose a speaker from the people list, or type another name."""
        names = [*self.people_names, UNATTRIBUTED]
        name, ok = QInputDialog.getItem(self, "Speaker", "Who said this?", names, 0, True)
        if ok:
            self.speakerCorrected.emit(start, end, "" if name == UNATTRIBUTED else name)


def _snippet(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
