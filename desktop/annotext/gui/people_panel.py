"""The People panel: each person once, with aliases and counts; clicking cycles through mentions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from annotext.core.results import Person
from annotext.core.spans import Span
from annotext.gui.safe_text import plain_tooltip
from annotext.gui.wrapping_delegate import WrappingDelegate

_NAME, _MENTIONS, _QUOTES = range(3)


class PeoplePanel(QTreeWidget):
    """Emits `mentionRequested(start, end)` with the next mention of the clicked person."""

    mentionRequested = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Person", "#", "Quotes"])  # "#": the names keep the width in a small window
        self.headerItem().setToolTip(_MENTIONS, "Mentions")
        self.setAccessibleName("People")
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (_MENTIONS, _QUOTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.setItemDelegateForColumn(_NAME, WrappingDelegate(self))  # long names wrap rather than end in "…"
        self._mentions: dict[str, list[Span]] = {}
        self._cursor: dict[str, int] = {}
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)

    def set_people(self, people: list[Person], entities: list[Span]) -> None:
        """Fill the list; `entities` give each person's mentions (attrs["person"])."""
        self.clear()
        self._mentions = {}
        self._cursor = {}
        for span in entities:
            name = span.attrs.get("person")
            if name:
                self._mentions.setdefault(name, []).append(span)
        for person in people:
            item = QTreeWidgetItem()
            item.setText(_NAME, person.name + (f"\n   also “{'”, “'.join(person.aliases)}”" if person.aliases else ""))
            item.setData(_NAME, Qt.ItemDataRole.UserRole, person.name)
            item.setText(_MENTIONS, str(person.mentions))
            item.setText(_QUOTES, f"{person.quotes} · {person.quoted_words} w" if person.quotes else "0")
            for column in (_MENTIONS, _QUOTES):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            corrected = "".join(f"\nCorrected: {note}" for note in person.corrections)
            item.setToolTip(_NAME, plain_tooltip(f"{person.name}: click to go to the next mention, right-click to "
                                                 f"correct{corrected}"))
            if person.corrections:  # the analyst's word, not the model's: shown in italics
                font = item.font(_NAME)
                font.setItalic(True)
                item.setFont(_NAME, font)
            item.setToolTip(_QUOTES, plain_tooltip(f"{person.quotes} quotation(s), {person.quoted_words} words quoted"))
            self.addTopLevelItem(item)

    def person_names(self) -> list[str]:
        """Names in display order."""
        return [self.topLevelItem(i).data(_NAME, Qt.ItemDataRole.UserRole) for i in range(self.topLevelItemCount())]

    def next_mention(self, name: str) -> Span | None:
        """The mention after the last one shown for this person, wrapping round."""
        mentions = self._mentions.get(name) or []
        if not mentions:
            return None
        index = self._cursor.get(name, -1) + 1
        if index >= len(mentions):
            index = 0
        self._cursor[name] = index
        return mentions[index]

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = self.next_mention(item.data(_NAME, Qt.ItemDataRole.UserRole))
        if span is not None:
            self.mentionRequested.emit(span.start, span.end)
