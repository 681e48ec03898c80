"""The Quotes panel: quotations grouped by speaker, then scare quotes and the hidden ones (marked
"not a quotation"); click to go there, right-click to correct or restore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem

from annotext.core.results import SCARE, quotes_by_speaker
from annotext.core.spans import Span
from annotext.gui.safe_text import plain_tooltip

UNATTRIBUTED = "Unattributed"
SCARE_QUOTES = "Scare quotes (not speech)"
HIDDEN_GROUP = "Hidden (not quotations)"
_RANGE = Qt.ItemDataRole.UserRole
_GROUP = Qt.ItemDataRole.UserRole + 1  # "speaker", "scare" or "hidden"
_CORRECTED = Qt.ItemDataRole.UserRole + 2  # a detected quotation the analyst corrected


class QuotesPanel(QTreeWidget):
    """Emits quoteChosen(start, end) on a click; for corrections speakerRequested(start, end) (the
    window asks who), speakerCorrected(start, end, name), notQuote(start, end),
    restoreQuote(start, end), kindChosen(start, end, "scare" | "speech") and forgetRequested(start, end)."""

    quoteChosen = Signal(int, int)
    speakerRequested = Signal(int, int)
    speakerCorrected = Signal(int, int, str)
    notQuote = Signal(int, int)
    restoreQuote = Signal(int, int)
    kindChosen = Signal(int, int, str)
    forgetRequested = Signal(int, int)

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

    def set_quotes(self, quotes: list[Span], hidden: list[Span] = ()) -> None:
        """Speech grouped by speaker, most quoted first, unattributed last; then scare quotes, then the
        hidden quotations (so they can be found and restored)."""
        self.clear()
        speech, scare = quotes_by_speaker(quotes)
        for name, group in speech:
            self._add_group(name or UNATTRIBUTED, group, "speaker")
        if scare:
            self._add_group(SCARE_QUOTES, scare, "scare")
        if hidden:
            self._add_group(HIDDEN_GROUP, list(hidden), "hidden")

    def _add_group(self, name: str, items: list[Span], kind: str) -> None:
        words = sum(len(q.attrs.get("content", "").split()) for q in items)
        group = QTreeWidgetItem([f"{name}  ({len(items)})", str(words) if kind == "speaker" else ""])
        group.setData(0, _GROUP, kind)
        group.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = group.font(0)
        font.setBold(True)
        font.setItalic(kind != "speaker")
        group.setFont(0, font)
        muted = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for quote in items:
            content = quote.attrs.get("content", "")
            child = QTreeWidgetItem([f"“{_snippet(content)}”", str(len(content.split()))])
            child.setData(0, _RANGE, (quote.start, quote.end))
            child.setData(0, _GROUP, kind)
            child.setData(0, _CORRECTED, bool(quote.attrs.get("corrected")) and not quote.attrs.get("added"))
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            speaker = quote.attrs.get("speaker") or "no speaker"
            cue = quote.attrs.get("cue")
            note = {"hidden": "\nMarked not a quotation: right-click to restore.",
                    "scare": "\nA scare quote: not counted as speech."}.get(kind, "")
            by = f" — corrected by {quote.attrs['corrected_by']}" if quote.attrs.get("corrected_by") else ""
            child.setToolTip(0, plain_tooltip(f"{content}\n— {speaker}" + (f" ({cue})" if cue else "") + by + note))
            if kind == "hidden":
                child.setForeground(0, muted)
                child.setForeground(1, muted)
            group.addChild(child)
        self.addTopLevelItem(group)
        group.setExpanded(True)

    def speakers(self) -> dict[str, int]:
        """Speaker -> number of quotations of speech, as shown."""
        result = {}
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            if group.data(0, _GROUP) == "speaker":
                result[group.text(0).rsplit("  (", 1)[0]] = group.childCount()
        return result

    def scare_quotes(self) -> int:
        """How many quotations are listed apart as scare quotes."""
        return len(self.group_ranges("scare"))

    def group_ranges(self, kind: str) -> list[tuple[int, int]]:
        """The quotations listed under the scare ("scare") or hidden ("hidden") heading."""
        ranges = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            if group.data(0, _GROUP) == kind:
                ranges += [tuple(group.child(j).data(0, _RANGE)) for j in range(group.childCount())]
        return ranges

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

    def build_menu(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The context menu of a quotation row: correct it, or restore it when hidden."""
        span = item.data(0, _RANGE) if item else None
        if not span:
            return None
        start, end = span
        menu = QMenu(self)
        if item.data(0, _GROUP) == "hidden":
            menu.addAction("Restore quotation", lambda: self.restoreQuote.emit(start, end))
            return menu
        menu.addAction("Change speaker…", lambda: self.speakerRequested.emit(start, end))
        menu.addAction("Not a quotation", lambda: self.notQuote.emit(start, end))
        if item.data(0, _GROUP) == "scare":
            menu.addAction("Speech, not a scare quote", lambda: self.kindChosen.emit(start, end, "speech"))
        else:
            menu.addAction("Scare quote, not speech", lambda: self.kindChosen.emit(start, end, SCARE))
        if item.data(0, _CORRECTED):
            menu.addAction("Back to the detected speaker and kind", lambda: self.forgetRequested.emit(start, end))
        return menu

    def _context_menu(self, point) -> None:
        menu = self.build_menu(self.itemAt(point))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(point))


def _snippet(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
