"""The codebook panel: a tree of tags with colour, key and counts (this document, the library);
create (one dialog for name, parent, colour and key), rename, recolour, move, merge and delete them,
moving a key that is already taken after asking. It builds edits (annotext.application.edits) and
hands them to `submit` (the undo stack), or to `submit_all` when several make one step."""

from __future__ import annotations

import copy
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QColorDialog, QHBoxLayout, QInputDialog, QMenu, QMessageBox, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from annotext.application.annotation_store import AnnotationStore
from annotext.core.annotations import AnnotationError, Tag
from annotext.application.edits import ChangeTag, CreateTag, DeleteTag, Edit, MergeTags
from annotext.gui.safe_text import plain_tooltip, show_message
from annotext.gui.swatches import swatch
from annotext.gui.wrapping_delegate import WrappingDelegate
from annotext.gui.tag_dialog import NewTagDialog, confirm_key_move

__all__ = ["CodebookPanel", "swatch"]

_ID = Qt.ItemDataRole.UserRole


class CodebookPanel(QWidget):
    """Emits tagOpened(tag_id) when a tag is double-clicked or Enter is pressed on it (show its
    passages: opening never changes a passage), tagApplied(tag_id) from its menu's "Apply"."""

    tagOpened = Signal(int)
    tagApplied = Signal(int)
    tagRetrieved = Signal(int)  # show the tag's passages in every document (corpus view)

    def __init__(self, store: AnnotationStore, submit: Callable[[Edit], bool],
                 submit_all: Callable[[str, list[Edit]], bool] | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self._shown_tags: dict[int, Tag] = {}  # the tags of the rows, for their tooltips
        self.submit = submit
        self.submit_all = submit_all or (lambda _label, edits: all(self.submit(e) for e in edits))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Tag", "Key", "Doc", "All"])
        self.tree.setColumnCount(4)
        for column, tip in ((1, "Key that applies the tag to the selected text"),
                            (2, "Passages with this tag in this document"), (3, "Passages with this tag in the library")):
            self.tree.headerItem().setToolTip(column, tip)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.tree.header().setSectionResizeMode(column, self.tree.header().ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.setAccessibleName("Codebook")
        self.tree.setItemDelegate(WrappingDelegate(self.tree))  # a long name wraps rather than ends in "…"
        self.tree.itemActivated.connect(self._on_activated)  # double-click and Enter
        rename = QShortcut(QKeySequence(Qt.Key.Key_F2), self.tree)
        rename.setContext(Qt.ShortcutContext.WidgetShortcut)
        rename.activated.connect(self._rename_current)
        new_button = QPushButton("New tag…")
        new_button.clicked.connect(self.create_tag)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 4, 6, 4)
        buttons.addWidget(new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def refresh(self, counts: dict[int, int], library_counts: dict[int, int] | None = None) -> None:
        """Rebuild the tree from the store (cheap: codebooks have tens of tags): passages per tag in
        the open document and in the whole library."""
        library_counts = counts if library_counts is None else library_counts
        tags = self.store.tags()
        self._shown_tags = {t.id: t for t in tags}
        expanded = {self._tag_id(item) for item in self._items() if item.isExpanded()}
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for tag in tags:
            item = QTreeWidgetItem([tag.name, str(tag.shortcut or ""), "", ""])
            item.setIcon(0, swatch(tag.colour))
            item.setData(0, _ID, tag.id)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            _show_counts(item, tag, counts.get(tag.id, 0), library_counts.get(tag.id, 0))
            items[tag.id] = item
        for tag in tags:
            parent = items.get(tag.parent_id)
            (parent.addChild if parent is not None else self.tree.addTopLevelItem)(items[tag.id])
        for tag_id, item in items.items():
            item.setExpanded(tag_id in expanded or not expanded)
        self._fit_columns()

    def set_counts(self, counts: dict[int, int], library_counts: dict[int, int]) -> None:
        """New passage counts for the tags shown (a passage was tagged or untagged): the rows keep
        their place, selection and expansion; only the count columns and tooltips change."""
        for item in self._items():
            tag = self._shown_tags.get(self._tag_id(item))
            if tag is None:
                continue
            here, everywhere = counts.get(tag.id, 0), library_counts.get(tag.id, 0)
            if (item.text(2), item.text(3)) != (str(here), str(everywhere)):  # each change re-measures rows
                _show_counts(item, tag, here, everywhere)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Narrow (a small window, a large font): the counts give their room to the names, the
        library's first, then this document's (both stay in the tooltip)."""
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        names = [item.text(0) for item in self._items()] or ["Tag"]
        icon = self.tree.style().pixelMetric(self.tree.style().PixelMetric.PM_SmallIconSize)
        wanted = max(metrics.horizontalAdvance(n) for n in names) + icon + self.tree.indentation() + 16
        count = metrics.horizontalAdvance("000") + 16
        room = self.tree.viewport().width() - (metrics.horizontalAdvance("Key") + 16)
        self.tree.setColumnHidden(3, room - 2 * count < wanted)
        self.tree.setColumnHidden(2, room - count < wanted)

    def tag_names(self) -> list[str]:
        """Names as shown, depth-first."""
        return [item.text(0) for item in self._items()]

    def item_for(self, tag_id: int) -> QTreeWidgetItem | None:
        """The row of a tag."""
        return next((i for i in self._items() if self._tag_id(i) == tag_id), None)

    def _items(self) -> list[QTreeWidgetItem]:
        result = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            result.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return result

    def current_tag_id(self) -> int | None:
        """The tag selected in the codebook, if any."""
        item = self.tree.currentItem()
        return self._tag_id(item) if item is not None else None

    @staticmethod
    def _tag_id(item: QTreeWidgetItem) -> int:
        return item.data(0, _ID)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.tagOpened.emit(self._tag_id(item))

    def _rename_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._rename(self.store.tag(self._tag_id(item)))

    # Editing -------------------------------------------------------------------------------
    def _try(self, build: Callable[[], Edit | None]) -> bool:
        """Build and submit an edit; validation problems become a message, never a traceback."""
        try:
            edit = build()
        except AnnotationError as error:
            show_message(self, "Codebook", str(error))
            return False
        return edit is not None and self.submit(edit)

    def create_tag(self, parent_id: int | None = None, key: int | None = None) -> int | None:
        """New tag: name, parent, colour and key asked at once; a key already taken may be moved to
        the new tag (one undo step). Returns the new tag's id, or None."""
        dialog = NewTagDialog(self.window(), self.store.tags(), parent_id or None, key)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return None
        request = dialog.request()
        try:
            tag = self.store.new_tag(request.name, request.colour, request.parent_id)  # checks all but the key
        except AnnotationError as error:
            show_message(self, "Codebook", str(error))
            return None
        edits: list[Edit] = []
        if request.key is not None:
            owner = next((t for t in self.store.tags() if t.shortcut == request.key), None)
            if owner is not None:
                if not confirm_key_move(self.window(), request.key, owner, tag.name):
                    return None
                edits.append(ChangeTag(copy.copy(owner), _with(owner, shortcut=None), label="Move tag key"))
            tag.shortcut = request.key
        creating = CreateTag(tag)
        if not self.submit_all("New tag", edits + [creating]):
            return None
        return creating.tag.id

    def _change(self, tag: Tag, **changes) -> bool:
        after = _with(tag, **changes)
        label = {"name": "Rename tag", "colour": "Recolour tag", "parent_id": "Move tag",
                 "shortcut": "Change tag key", "description": "Describe tag"}[next(iter(changes))]
        key = changes.get("shortcut")
        owner = next((t for t in self.store.tags() if key and t.shortcut == key and t.id != tag.id), None)
        if owner is not None:  # the key is taken: offer to move it here (one undo step)
            if not confirm_key_move(self.window(), key, owner, tag.name):
                return False
            return self.submit_all(label, [ChangeTag(copy.copy(owner), _with(owner, shortcut=None), label=label),
                                           ChangeTag(copy.copy(tag), after, label=label)])

        def build():
            self.store.check_tag(after)
            return ChangeTag(copy.copy(tag), after, label=label)

        return self._try(build)

    def _context_menu(self, point) -> None:
        item = self.tree.itemAt(point)
        menu = QMenu(self)
        if item is None:
            menu.addAction("New tag…", self.create_tag)
            menu.exec(self.tree.viewport().mapToGlobal(point))
            return
        tag = self.store.tag(self._tag_id(item))
        others = [t for t in self.store.tags() if t.id != tag.id]
        menu.addAction("Show passages", lambda: self.tagOpened.emit(tag.id))
        menu.addAction("Show passages in all documents", lambda: self.tagRetrieved.emit(tag.id))
        menu.addAction("Apply to selection" + (f"\t{tag.shortcut}" if tag.shortcut else ""),
                       lambda: self.tagApplied.emit(tag.id))
        menu.addSeparator()
        menu.addAction("Rename…\tF2", lambda: self._rename(tag))
        menu.addAction("Colour…", lambda: self._recolour(tag))
        menu.addAction("Description…", lambda: self._describe(tag))
        keys = menu.addMenu("Key")
        keys.addAction("None", lambda: self._change(tag, shortcut=None))
        owners = {t.shortcut: t.name for t in others if t.shortcut}
        for key in range(1, 10):
            action = QAction(f"{key}" + (f"  (now {owners[key]})" if key in owners else ""), keys)
            action.triggered.connect(lambda _=False, k=key: self._change(tag, shortcut=k))
            keys.addAction(action)
        menu.addAction("New child tag…", lambda: self.create_tag(tag.id))
        move = menu.addMenu("Move under")
        move.addAction("(top level)", lambda: self._change(tag, parent_id=None))
        for other in others:
            move.addAction(other.name, lambda o=other: self._change(tag, parent_id=o.id))
        merge = menu.addMenu("Merge into")
        for other in others:
            merge.addAction(other.name, lambda o=other: self.merge(tag, o))
        menu.addSeparator()
        menu.addAction("Delete…", lambda: self.delete(tag))
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def _rename(self, tag: Tag) -> None:
        name, ok = QInputDialog.getText(self, "Rename tag", "Name:", text=tag.name)
        if ok:
            self._change(tag, name=" ".join(name.split()))

    def _recolour(self, tag: Tag) -> None:
        colour = QColorDialog.getColor(QColor(tag.colour), self, f"Colour of {tag.name}")
        if colour.isValid():
            self._change(tag, colour=colour.name())

    def _describe(self, tag: Tag) -> None:
        text, ok = QInputDialog.getMultiLineText(self, "Describe tag", f"When to use {tag.name}:", tag.description)
        if ok:
            self._change(tag, description=text.strip())

    def merge(self, source: Tag, target: Tag) -> bool:
        """Fold `source` into `target` (undoable)."""
        return self._try(lambda: MergeTags(copy.copy(source), copy.copy(target)))

    def delete(self, tag: Tag, delete_passages: bool | None = None) -> bool:
        """Delete a tag, asking whether its passages stay (untagged by it) or go too."""
        if delete_passages is None:
            count = self.store.tag_counts().get(tag.id, 0)
            if count:
                box = QMessageBox(QMessageBox.Icon.Question, "Delete tag",
                                  f"{count} passage(s) carry the tag “{tag.name}”. What should happen to them?",
                                  QMessageBox.StandardButton.Cancel, self)
                box.setTextFormat(Qt.TextFormat.PlainText)
                keep = box.addButton("Keep the passages", QMessageBox.ButtonRole.AcceptRole)
                drop = box.addButton("Delete them too", QMessageBox.ButtonRole.DestructiveRole)
                box.exec()
                if box.clickedButton() not in (keep, drop):
                    return False
                delete_passages = box.clickedButton() is drop
            else:
                delete_passages = False
        return self._try(lambda: DeleteTag(copy.copy(tag), delete_passages=delete_passages))


def _with(tag: Tag, **changes) -> Tag:
    """A copy of a tag with some fields changed (edits keep both the before and the after)."""
    after = copy.copy(tag)
    for name, value in changes.items():
        setattr(after, name, value)
    return after


def _show_counts(item: QTreeWidgetItem, tag: Tag, here: int, everywhere: int) -> None:
    """A tag's row shows its passages in this document and in the library; its tooltip the full name
    (a long one is cut to the column), what it is for, and both counts."""
    item.setText(2, str(here))
    item.setText(3, str(everywhere))
    item.setToolTip(0, plain_tooltip("\n".join(part for part in (
        tag.name, tag.description, f"{here} passage(s) in this document, {everywhere} in the library",
        f"Key {tag.shortcut}" if tag.shortcut else "") if part)))
