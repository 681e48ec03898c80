"""Deleting passages and the reader's context menu: a mixin of the AnnotationController, which
provides the window, the store, the passages, `target`, `submit`, `apply_tag` and `comment`."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QMenu

from annotext.application.edits import DeleteAnnotation
from annotext.core.annotations import Annotation


class PassageMenu:
    """Delete (asking which of overlapping passages), the Annotations panel's delete, the reader's menu."""

    @Slot()
    def delete_at_cursor(self) -> bool:
        """Delete: remove the passage at the cursor or selection; inside overlapping passages, ask which
        one (naming their tags) rather than silently removing the shortest."""
        start, end = self.window.reader.selection_range()
        around = [a for a in self.annotations if a.start <= start < a.end] if start == end else []
        if len(around) > 1:
            target = self.choose_passage(around)
            if target is None:
                return False
        else:
            target = self.target()
        if target is None:
            self.window.on_status("No passage here to delete.")
            return False
        return self.submit(DeleteAnnotation(target))

    def choose_passage(self, candidates: list[Annotation]) -> Annotation | None:
        """Ask which of several overlapping passages is meant: one button per passage, named by its
        tags and its first words; None when the analyst cancels."""
        from PySide6.QtWidgets import QMessageBox

        names = {t.id: t.name for t in self.store.tags()}
        box = QMessageBox(QMessageBox.Icon.Question, "Delete passage",
                          f"The cursor is inside {len(candidates)} passages. Which one should be deleted?",
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        by_id = {a.id: a for a in candidates}
        for annotation in sorted(candidates, key=lambda a: (a.start, a.end)):
            tags = ", ".join(names[t] for t in annotation.tag_ids if t in names) or "no tag"
            button = box.addButton(f"{tags}: “{_snippet(annotation.exact, 40)}”", QMessageBox.ButtonRole.AcceptRole)
            button.setAccessibleName(f"Delete the passage tagged {tags}")
            button.setProperty("annotationId", annotation.id)
        box.exec()
        self.window.activateWindow()  # back to the text, where the analyst was
        self.window.reader.setFocus()
        clicked = box.clickedButton()
        return by_id.get(clicked.property("annotationId")) if clicked is not None else None

    @Slot(int)
    def delete_annotation(self, annotation_id: int) -> bool:
        """Remove a passage chosen in the Annotations panel."""
        found = next((a for a in self.annotations if a.id == annotation_id), None)
        return found is not None and self.submit(DeleteAnnotation(found))

    def _reader_menu(self, point) -> None:
        self.build_reader_menu(point).exec(self.window.reader.viewport().mapToGlobal(point))

    def build_reader_menu(self, point) -> QMenu:
        """The reader's context menu at a viewport point: copy/select, tag, comment, delete, and for a
        name, quotation, hidden quotation or selection, the corrections (gui/correction_controller.py)."""
        reader = self.window.reader
        menu = reader.createStandardContextMenu(point)
        menu.addSeparator()
        tag_menu = QMenu("Tag as", menu)
        for tag in self.store.tags():
            action = tag_menu.addAction(tag.name + (f"\t{tag.shortcut}" if tag.shortcut else ""))
            action.triggered.connect(partial(self.apply_tag, tag.id))
        if not tag_menu.isEmpty():
            tag_menu.addSeparator()
        tag_menu.addAction("New tag…", lambda: self.offer_new_tag(None))
        menu.addMenu(tag_menu)
        menu.addAction("Note…\tCtrl+M", self.comment)
        delete = menu.addAction("Delete passage", self.delete_at_cursor)
        delete.setEnabled(self.target() is not None)
        offset = reader.offset_at(point)
        self.window.corrections.add_reader_actions(menu, offset)  # people and quotation corrections
        return menu


def _snippet(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
