"""The Annotations panel: every passage of the document, filterable by tag, by text and by coder
(all coders, one coder, or two compared side by side: docs/team.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLineEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from annotext.core.annotations import Annotation, Tag
from annotext.gui.swatches import swatch
from annotext.gui.safe_text import plain_tooltip

_ID = Qt.ItemDataRole.UserRole
_VIEW_SEPARATOR = "\x1f"  # cannot occur in a coder's name (names are single-line, control characters dropped)


class AnnotationsPanel(QWidget):
    """Emits passageChosen(start, end) and deleteRequested(annotation_id)."""

    passageChosen = Signal(int, int)
    deleteRequested = Signal(int)
    coderViewChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self.coder_filter = QComboBox()
        self.coder_filter.setObjectName("coderFilter")
        self.coder_filter.setAccessibleName("Coders shown")
        self.coder_filter.addItem("All coders", "all")
        self.coder_filter.setVisible(False)  # shown once the document has passages of two coders
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText("Filter")
        self.text_filter.setToolTip("Show only passages whose text or comment contains this")
        self.text_filter.setAccessibleName("Filter passages")
        self.tag_filter.setAccessibleName("Filter by tag")
        self.text_filter.setClearButtonEnabled(True)
        self.tree = _PassageTree()
        self.tree.deletePressed.connect(self._delete_current)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        filters = QHBoxLayout()
        filters.setContentsMargins(4, 4, 4, 4)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.text_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        coders = QHBoxLayout()
        coders.setContentsMargins(4, 0, 4, 4)
        coders.addWidget(self.coder_filter, 1)
        layout.addLayout(coders)
        layout.addWidget(self.tree, 1)
        self.tag_filter.currentIndexChanged.connect(self._apply_filter)
        self.text_filter.textChanged.connect(self._apply_filter)
        self.coder_filter.currentIndexChanged.connect(self._coder_view_changed)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        self.tree.setAccessibleName("Passages")
        self.text_filter.installEventFilter(self)
        self._annotations: list[Annotation] = []
        self._tags: dict[int, Tag] = {}
        self._swatches: dict[str, object] = {}  # colour -> QIcon
        self._rows: dict[int, QTreeWidgetItem] = {}  # the rows shown, by passage id

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        """Down in the filter box moves into the list of passages."""
        if watched is self.text_filter and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.tree.topLevelItemCount():
                self.tree.setFocus()
                self.tree.setCurrentItem(self.tree.topLevelItem(0))
                return True
        return super().eventFilter(watched, event)

    def set_annotations(self, annotations: list[Annotation], tags: list[Tag]) -> None:
        """Show a document's passages (filters are kept)."""
        self._annotations = annotations
        self._tags = {t.id: t for t in tags}
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag in tags:
            self.tag_filter.addItem(swatch(tag.colour), tag.name, tag.id)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)
        self._apply_filter()

    def set_coders(self, coders: list[str]) -> None:
        """Offer all coders, each coder alone, and each pair compared (kept when still possible)."""
        current = self.coder_filter.currentData()
        self.coder_filter.blockSignals(True)
        self.coder_filter.clear()
        self.coder_filter.addItem("All coders", "all")
        for coder in coders:
            self.coder_filter.addItem(f"Only {coder}", _VIEW_SEPARATOR.join(("one", coder)))
        for index, first in enumerate(coders):
            for second in coders[index + 1:]:
                self.coder_filter.addItem(f"Compare {first} ↔ {second}",
                                          _VIEW_SEPARATOR.join(("compare", first, second)))
        found = self.coder_filter.findData(current)
        self.coder_filter.setCurrentIndex(max(0, found))
        self.coder_filter.setVisible(len(coders) > 1)
        self.coder_filter.blockSignals(False)
        if found < 0 and current not in (None, "all"):
            self.coderViewChanged.emit()

    def coder_view(self) -> tuple:
        """("all",), ("one", coder) or ("compare", first, second)."""
        return tuple((self.coder_filter.currentData() or "all").split(_VIEW_SEPARATOR))

    def select_coder_view(self, view: tuple) -> bool:
        """Choose a coder view (as the combo box does); False if it is not offered."""
        index = self.coder_filter.findData(_VIEW_SEPARATOR.join(view))
        if index >= 0:
            self.coder_filter.setCurrentIndex(index)
        return index >= 0

    def shows_coder(self, coder: str) -> bool:
        """Whether passages of this coder are in the current coder view."""
        view = self.coder_view()
        return view[0] == "all" or coder in view[1:]

    def _coder_view_changed(self) -> None:
        self._apply_filter()
        self.coderViewChanged.emit()

    def show_tag(self, tag_id: int) -> None:
        """Filter the list to one tag's passages (the codebook opens a tag this way)."""
        self.text_filter.clear()
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(tag_id)))

    def visible_ids(self) -> list[int]:
        """Annotation ids of the rows shown (after filtering)."""
        return [self.tree.topLevelItem(i).data(0, _ID) for i in range(self.tree.topLevelItemCount())]

    def update_annotations(self, annotations: list[Annotation], changed: set[int]) -> None:
        """The same document after an edit of the passages `changed` (added, changed or removed):
        only their rows are replaced, in place, the filters kept (tags and coders are unchanged)."""
        self._annotations = annotations
        tree = self.tree
        for passage_id in changed & self._rows.keys():
            tree.takeTopLevelItem(tree.indexOfTopLevelItem(self._rows.pop(passage_id)))
        shows = self._filter()
        row = 0
        for annotation in annotations:
            if annotation.id in changed:
                if shows(annotation):
                    item = self._rows[annotation.id] = self._item(annotation)
                    tree.insertTopLevelItem(row, item)
                    row += 1
            elif annotation.id in self._rows:
                row += 1

    def _filter(self):
        """Whether a passage passes the tag, coder and text filters as they are set now."""
        tag_id = self.tag_filter.currentData()
        needle = self.text_filter.text().casefold().strip()
        view = self.coder_view()

        def shows(annotation: Annotation) -> bool:
            if tag_id is not None and tag_id not in annotation.tag_ids:
                return False
            if view[0] != "all" and annotation.author not in view[1:]:
                return False
            return not needle or needle in annotation.exact.casefold() or needle in annotation.comment.casefold()
        return shows

    def _apply_filter(self) -> None:
        shows = self._filter()
        self.tree.clear()
        self._rows = {annotation.id: self._item(annotation) for annotation in self._annotations if shows(annotation)}
        self.tree.addTopLevelItems(list(self._rows.values()))  # one model update for hundreds of passages

    def _item(self, annotation: Annotation) -> QTreeWidgetItem:
        """The row of one passage: its text, tags, comment, coder (when several) and date."""
        names = [self._tags[t].name for t in annotation.tag_ids if t in self._tags]
        details = " · ".join(part for part in (", ".join(names) or "no tag", _snippet(annotation.comment, 80),
                                               annotation.author if not self.coder_filter.isHidden() else "",
                                               annotation.updated_at[:10]) if part)
        item = QTreeWidgetItem([f"{_snippet(annotation.exact, 48)}\n{details}"])
        if annotation.tag_ids and annotation.tag_ids[0] in self._tags:
            item.setIcon(0, self._swatch(self._tags[annotation.tag_ids[0]].colour))
        item.setData(0, _ID, annotation.id)
        item.setData(1, _ID, (annotation.start, annotation.end))
        item.setToolTip(0, plain_tooltip(f"{annotation.exact}\n\nTags: {', '.join(names) or '—'}\n"
                                         f"Comment: {annotation.comment or '—'}\n"
                                         f"{annotation.author}, {annotation.updated_at[:16].replace('T', ' ')}"))
        if annotation.orphaned:
            item.setText(0, "[orphaned] " + item.text(0))
        return item

    def _swatch(self, colour: str):
        """One icon per colour, shared by the rows (painting hundreds of pixmaps was most of a refresh)."""
        icon = self._swatches.get(colour)
        if icon is None:
            icon = self._swatches[colour] = swatch(colour)
        return icon

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        start, end = item.data(1, _ID)
        self.passageChosen.emit(start, end)

    def _delete_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.deleteRequested.emit(item.data(0, _ID))


class _PassageTree(QTreeWidget):
    """The list of passages; Delete or Backspace on a row asks to remove it."""

    deletePressed = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Delete/Backspace remove the current passage; other keys behave as usual."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self.deletePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
