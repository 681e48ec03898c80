"""The Quotes panel's rows as a Qt item model: groups (a speaker, the scare quotes, the hidden ones)
holding quotations. Nothing is built per row in advance: a row's text, tooltip and font are made when
the view asks for them (the rows on screen), so listing a long report's thousands of quotations is
one grouping pass, not thousands of widget items built on the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from annotext.core.spans import Span
from annotext.gui.safe_text import plain_tooltip

RANGE_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # "speaker", "scare" or "hidden"
CORRECTED_ROLE = Qt.ItemDataRole.UserRole + 2  # a detected quotation the analyst corrected
_TOP = 0  # internal id of a group's index; a quotation's is its group's row + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_QUOTE_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren  # (made once: the view asks for every row)
_NOTES = {"hidden": "\nMarked not a quotation: right-click to restore.",
          "scare": "\nA scare quote: not counted as speech."}


@dataclass
class QuoteGroup:
    """One heading of the panel and its quotations, in text order."""

    name: str
    kind: str  # "speaker", "scare" or "hidden"
    quotes: list[Span] = field(default_factory=list)

    def title(self) -> str:
        return f"{self.name}  ({len(self.quotes)})"

    def words(self) -> str:
        """Words quoted under a speaker heading (counted when first shown)."""
        if self.kind != "speaker":
            return ""
        return str(sum(len(q.attrs.get("content", "").split()) for q in self.quotes))


class QuotesModel(QAbstractItemModel):
    """Two levels: groups, then their quotations; columns: the quotation (or heading) and its words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[QuoteGroup] = []
        self._words: dict[int, str] = {}
        self.muted = QBrush()
        self._fonts = {}

    def set_groups(self, groups: list[QuoteGroup]) -> None:
        """Replace every row at once (one model reset: the view lays out only what it shows)."""
        self.beginResetModel()
        self.groups = groups
        self._words = {}
        self.endResetModel()

    # The model interface ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt default)
        if parent.isValid():
            return self.createIndex(row, column, parent.row() + 1)
        return self.createIndex(row, column, _TOP)

    def parent(self, index=None):  # noqa: D401 (also QObject.parent() without an argument)
        if index is None:
            return super().parent()
        group = index.internalId()
        return self.createIndex(group - 1, 0, _TOP) if group else QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt naming and default)
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _TOP:
            return len(self.groups[parent.row()].quotes)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt naming and default)
        return 2

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: N802, B008 (Qt naming and default)
        return self.rowCount(parent) > 0

    def flags(self, index):
        return _QUOTE_FLAGS if index.internalId() != _TOP else _GROUP_FLAGS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt naming)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Speaker / quotation", "Words")[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        group_id = index.internalId()
        if group_id == _TOP:
            return self._group_data(index.row(), index.column(), role)
        group = self.groups[group_id - 1]
        quote = group.quotes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            content = quote.attrs.get("content", "")
            return f"“{_snippet(content)}”" if column == 0 else str(len(content.split()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and group.kind == "hidden":
            return self.muted
        if column != 0:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return quote_tooltip(quote, group.kind)
        if role == RANGE_ROLE:
            return (quote.start, quote.end)
        if role == GROUP_ROLE:
            return group.kind
        if role == CORRECTED_ROLE:
            return bool(quote.attrs.get("corrected")) and not quote.attrs.get("added")
        return None

    def _group_data(self, row: int, column: int, role):
        group = self.groups[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return group.title()
            if row not in self._words:
                self._words[row] = group.words()
            return self._words[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and column == 0:
            if group.kind not in self._fonts:
                font = QFont()
                font.setBold(True)
                font.setItalic(group.kind != "speaker")
                self._fonts[group.kind] = font
            return self._fonts[group.kind]
        if role == GROUP_ROLE and column == 0:
            return group.kind
        return None

    # Looking rows up -------------------------------------------------------------------------
    def index_of(self, start: int) -> QModelIndex:
        """The row of the quotation starting at `start` (invalid when none does)."""
        for row, group in enumerate(self.groups):
            for position, quote in enumerate(group.quotes):
                if quote.start == start:
                    return self.index(position, 0, self.index(row, 0))
        return QModelIndex()


def quote_tooltip(quote: Span, kind: str) -> str:
    """The whole quotation, its speaker and cue, who corrected it and what its heading means."""
    content = quote.attrs.get("content", "")
    speaker = quote.attrs.get("speaker") or "no speaker"
    cue = quote.attrs.get("cue")
    by = f" — corrected by {quote.attrs['corrected_by']}" if quote.attrs.get("corrected_by") else ""
    return plain_tooltip(f"{content}\n— {speaker}" + (f" ({cue})" if cue else "") + by + _NOTES.get(kind, ""))


def _snippet(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
