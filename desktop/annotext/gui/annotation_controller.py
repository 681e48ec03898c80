"""Wires the analyst's actions to undoable edits (annotext.application.edits): tag keys 1–9, Ctrl+M comments, Delete,
the reader's context menu, the codebook and annotations panels, and the undo stack.

Every edit is committed to SQLite (inside `library.apply`) before any view shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from annotext.core.annotations import Annotation, AnnotationError
from annotext.core.palette import average_colour
from annotext.application.changes import Changes
from annotext.application.edits import AddAnnotation, Edit, toggle_tag
from annotext.core.spans import Span
from annotext.gui.annotations_panel import AnnotationsPanel
from annotext.gui.codebook_panel import CodebookPanel
from annotext.gui.notes_margin import Note
from annotext.gui.passage_menu import PassageMenu
from annotext.gui.passage_notes import PassageNotes
from annotext.gui.undo import DONE, REDONE, UNDONE, EditCommand
from annotext.gui.safe_text import show_message

COMMENT_ONLY_COLOUR = "#d9d9d9"


class AnnotationController(QObject, PassageNotes, PassageMenu):
    """Owns the undo stack and the annotation panels of one main window."""

    changed = Signal()  # emitted after an edit is saved and every view shows it

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.store = window.library.annotations
        self.undo_stack = QUndoStack(self)
        self.codebook = CodebookPanel(self.store, self.submit, self.submit_all)
        self.panel = AnnotationsPanel()
        self.annotations: list[Annotation] = []  # the open document's passages, in text order
        # What the views were last given, by passage id, so one edit rebuilds only its own entries.
        self._spans: dict[int, Span] = {}
        self._notes: dict[int, Note] = {}
        self._coders: list[str] = []
        self._doc_counts: dict[int, int] = {}  # passages per tag in the open document
        self._library_counts: dict[int, int] = {}  # and in the whole library
        self.codebook.tagOpened.connect(self.show_tag)
        self.codebook.tagApplied.connect(self.apply_tag)
        self.panel.passageChosen.connect(window.reader.select_range)
        self.panel.deleteRequested.connect(self.delete_annotation)
        window.notes.saveRequested.connect(self.save_note)
        window.reader.noteMarkClicked.connect(self.open_note)
        self.panel.coderViewChanged.connect(self.refresh)
        reader = window.reader
        reader.tagKeyPressed.connect(self.tag_key)  # keys 1-9, as soon as the text is shown
        reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reader.customContextMenuRequested.connect(self._reader_menu)

    # Menu actions --------------------------------------------------------------------------
    def actions(self) -> list[QAction]:
        """Edit-menu actions: undo, redo, note, delete passage, next and previous passage."""
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(redo_keys())
        comment = QAction("&Note on passage…", self)
        comment.setShortcut(QKeySequence("Ctrl+M"))
        comment.triggered.connect(self.comment)
        delete = QAction("&Delete passage", self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.reader.addAction(delete)
        delete.triggered.connect(self.delete_at_cursor)
        following = QAction("Ne&xt passage", self)
        following.setShortcut(QKeySequence(Qt.Key.Key_F8))
        following.triggered.connect(lambda: self.goto_passage(1))
        previous = QAction("Pre&vious passage", self)
        previous.setShortcut(QKeySequence("Shift+F8"))
        previous.triggered.connect(lambda: self.goto_passage(-1))
        return [undo, redo, comment, delete, following, previous]

    def goto_passage(self, step: int) -> bool:
        """F8 / Shift+F8: select the next (or previous) passage after the cursor, wrapping around."""
        ranges = sorted({(a.start, a.end) for a in self.annotations if not a.orphaned})
        if not ranges:
            self.window.on_status("This document has no passages yet.")
            return False
        here = self.window.reader.selection_range()[0]
        if step > 0:
            chosen = next((r for r in ranges if r[0] > here), ranges[0])
        else:
            chosen = next((r for r in reversed(ranges) if r[0] < here), ranges[-1])
        self.window.reader.select_range(*chosen)
        self.window.on_status(f"Passage {ranges.index(chosen) + 1} of {len(ranges)}.")
        return True

    # Submitting edits ----------------------------------------------------------------------
    def submit(self, edit: Edit) -> bool:
        """Apply an edit through the undo stack; failures are reported and leave nothing behind."""
        command = EditCommand(edit, self.library, self._on_change, self._reveal)
        self.undo_stack.push(command)
        if command.failure is not None:
            show_message(self.window, "Not saved", command.failure)
            return False
        return True

    def _reveal(self, edit: Edit) -> None:
        """Before undoing or redoing an edit of another document, open that document."""
        current = self.window.current
        if edit.doc_id is not None and (current is None or edit.doc_id != current.id):
            self.window.open_document(edit.doc_id)

    def submit_all(self, label: str, edits: list[Edit]) -> bool:
        """Several edits as one undo step (e.g. move a key, then create the tag that takes it); if one
        fails, those already applied are reverted."""
        self.undo_stack.beginMacro(label)
        applied = 0
        for edit in edits:
            if not self.submit(edit):
                break
            applied += 1
        self.undo_stack.endMacro()
        if applied < len(edits):
            self.undo_stack.undo()  # the partial step, applied edits reverted
            return False
        return True

    def _on_change(self, edit: Edit, changes: Changes, how: str = DONE) -> None:
        self.window.show_changes(changes)
        if how == UNDONE:
            self.window.on_status(f"Undone: {edit.label} (saved). Redo with {_key_name(QKeySequence.StandardKey.Redo)}.")
        elif how == REDONE:
            self.window.on_status(f"Redone: {edit.label} (saved).")
        else:
            self.window.on_status(f"{edit.label}: saved.")

    def refresh(self, passages: bool = True) -> None:
        """Show the current document's passages with the codebook's names and colours, and the
        codebook with its counts. The passages are re-read only when they changed (`passages`);
        the reader repaints only the ranges whose passages differ."""
        current = self.window.current
        tags = self.store.tags()
        if passages:
            self.annotations = self.store.annotations(current.id) if current else []
        colours = {t.id: t.colour for t in tags}
        names = {t.id: t.name for t in tags}
        self._coders = sorted({a.author for a in self.annotations if a.author})
        self.panel.set_coders(self._coders)
        view = self.panel.coder_view()
        self._spans = {a.id: _passage_span(a, colours, names, view) for a in self.annotations
                       if not a.orphaned and self.panel.shows_coder(a.author)}
        self.window.reader.set_tag_spans(self._spans.values())
        self.panel.set_annotations(self.annotations, tags)
        self._notes = {a.id: self._note(a, colours, names) for a in self.annotations if a.comment and not a.orphaned}
        self.window.notes.set_notes(self._notes.values())
        self._library_counts = self.store.tag_counts(None)
        self._doc_counts = self.store.tag_counts(current.id) if current else {}
        self.codebook.refresh(self._doc_counts, self._library_counts)
        self.changed.emit()

    def update_passages(self, passage_ids: frozenset[int]) -> None:
        """After an edit of a few passages of the open document: re-read those alone and update
        their highlight, their row, their note card and the codebook's counts by the difference,
        instead of rebuilding every view (a long document has hundreds of passages)."""
        current = self.window.current
        if current is None:
            return
        before = {a.id: a for a in self.annotations if a.id in passage_ids}
        after = {}
        for passage_id in passage_ids:
            try:
                found = self.store.annotation(passage_id)
            except AnnotationError:
                continue  # deleted (or its undo removed it again)
            if found.doc_id == current.id:
                after[passage_id] = found
        kept = [a for a in self.annotations if a.id not in passage_ids]
        self.annotations = _in_text_order(kept, list(after.values()))
        coders = sorted({a.author for a in self.annotations if a.author})
        if coders != self._coders:
            self.refresh(passages=False)  # the coder choices (and perhaps the view) change: rebuild
            return
        tags = self.store.tags()
        colours = {t.id: t.colour for t in tags}
        names = {t.id: t.name for t in tags}
        view = self.panel.coder_view()
        for passage_id in passage_ids:
            self._spans.pop(passage_id, None)
            self._notes.pop(passage_id, None)
        for annotation in after.values():
            if not annotation.orphaned and self.panel.shows_coder(annotation.author):
                self._spans[annotation.id] = _passage_span(annotation, colours, names, view)
            if annotation.comment and not annotation.orphaned:
                self._notes[annotation.id] = self._note(annotation, colours, names)
        self.window.reader.set_tag_spans(self._spans.values())
        self.panel.update_annotations(self.annotations, set(passage_ids))
        self.window.notes.set_notes(self._notes.values())
        if _count_delta(before, after, self._doc_counts) | _count_delta(before, after, self._library_counts):
            self.codebook.set_counts(self._doc_counts, self._library_counts)
        self.changed.emit()

    # What the analyst does -----------------------------------------------------------------
    def target(self) -> Annotation | None:
        """The passage the analyst means: exactly the selection, else the one under the cursor."""
        start, end = self.window.reader.selection_range()
        exact = [a for a in self.annotations if (a.start, a.end) == (start, end)]
        if exact:
            return exact[0]
        if start == end:
            around = [a for a in self.annotations if a.start <= start < a.end]
            return min(around, key=lambda a: a.end - a.start) if around else None
        return None

    @Slot(int)
    def tag_key(self, key: int) -> None:
        """Keys 1–9: apply (or remove) the tag with that key on the selection."""
        tag = next((t for t in self.store.tags() if t.shortcut == key), None)
        if tag is None:
            self.offer_new_tag(key)
            return
        self.apply_tag(tag.id)

    def offer_new_tag(self, key: int | None = None) -> bool:
        """A key no tag uses, or Tag as ▸ New tag…: create a tag (with that key) and apply it to the
        selection, if there is one."""
        from PySide6.QtWidgets import QMessageBox

        if key is not None:
            box = QMessageBox(QMessageBox.Icon.Question, "New tag", f"No tag has the key {key}. Create one?",
                              QMessageBox.StandardButton.Cancel, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            create = box.addButton(f"New tag with key {key}…", QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(create)
            box.exec()
            if box.clickedButton() is None or box.clickedButton().text() != create.text():
                self.window.on_status(f"No tag has the key {key}.")
                return False
        start, end = self.window.reader.selection_range()
        around = self.target()
        tag_id = self.codebook.create_tag(None, key)
        self.window.activateWindow()
        self.window.reader.setFocus()
        if tag_id is None:
            return False
        if around is None and start == end:
            self.window.on_status("Tag created; select a passage and press its key to apply it.")
            return True
        return self.apply_tag(tag_id)

    @Slot(int)
    def show_tag(self, tag_id: int) -> None:
        """Open a tag from the codebook: its passages in this document, in the Annotations tab."""
        tag = self.store.tag(tag_id)
        self.window.show_side_tab(self.panel)
        self.panel.show_tag(tag_id)
        here = len(self.panel.visible_ids())
        self.window.on_status(f"{tag.name}: {here} passage{'s' if here != 1 else ''} in this document. "
                              "Right-click the tag to rename it, F2 also renames.")

    @Slot(int)
    def apply_tag(self, tag_id: int) -> bool:
        """Tag the selected passage (new passage) or toggle the tag on the passage at the cursor."""
        current = self.window.current
        if current is None:
            return False
        target = self.target()
        if target is not None:
            return self.submit(toggle_tag(target, tag_id))
        start, end = self.window.reader.selection_range()
        if start == end:
            self.window.on_status("Select a passage first, then press a tag key.")
            return False
        return self._build_and_submit(lambda: AddAnnotation(self.store.new_annotation(current.id, start, end, [tag_id])))

    @Slot()
    def _build_and_submit(self, build) -> bool:
        self.window.menu_actions.ask_author_once()
        try:
            edit = build()
        except AnnotationError as error:
            self.window.on_status(f"Not saved: {error}")
            return False
        return self.submit(edit)

def _in_text_order(ordered: list[Annotation], added: list[Annotation]) -> list[Annotation]:
    """Passages already in text order with a few more put in their places (the store's order:
    start, end, id), without sorting the hundreds again."""
    from bisect import insort

    merged = list(ordered)
    for annotation in added:
        insort(merged, annotation, key=lambda a: (a.start, a.end, a.id))
    return merged


def _count_delta(before: dict[int, Annotation], after: dict[int, Annotation], counts: dict[int, int]) -> bool:
    """Apply to `counts` (passages per tag) the tags the changed passages lost and gained; True if
    any count moved."""
    moved = False
    for passage_id in before.keys() | after.keys():
        old = set(before[passage_id].tag_ids) if passage_id in before else set()
        new = set(after[passage_id].tag_ids) if passage_id in after else set()
        for tag_id in old - new:
            counts[tag_id] = counts.get(tag_id, 0) - 1
            moved = True
        for tag_id in new - old:
            counts[tag_id] = counts.get(tag_id, 0) + 1
            moved = True
    return moved


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Y, each once: a key bound twice is an "ambiguous shortcut"
    that Qt refuses to fire, which is how Redo from the keyboard once did nothing."""
    keys: list[QKeySequence] = []
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) + [QKeySequence("Ctrl+Y")]:
        if key.toString() not in {k.toString() for k in keys}:
            keys.append(key)
    return keys


def _key_name(standard: QKeySequence.StandardKey) -> str:
    """The first key of a standard action, as the user's platform writes it."""
    keys = QKeySequence.keyBindings(standard)
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""


# Margin lane colours of two compared coders: blue and orange stay apart for every common colour
# vision deficiency (Okabe–Ito), on the light and the dark background.
CODER_LANE_COLOURS = ("#0072B2", "#E69F00")


def _passage_span(annotation: Annotation, colours: dict[int, str], names: dict[int, str],
                  view: tuple = ("all",)) -> Span:
    """How a passage is shown: the average colour of its tags (grey when it only has a comment); in
    a comparison of two coders, each coder's passages take their own margin lane and lane colour."""
    colour = average_colour([colours[t] for t in annotation.tag_ids if t in colours], COMMENT_ONLY_COLOUR)
    tags = [names[t] for t in annotation.tag_ids if t in names]
    attrs = {"id": annotation.id, "colour": colour, "tags": tags, "comment": annotation.comment,
             "coder": annotation.author}
    if view[0] == "compare" and annotation.author in view[1:]:
        lane = view[1:].index(annotation.author)
        attrs["lane"], attrs["stripe"] = lane, CODER_LANE_COLOURS[lane]
    return Span(annotation.start, annotation.end, "tag", tags[0] if tags else "comment", attrs)

