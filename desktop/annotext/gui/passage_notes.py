"""Notes on passages, written in the margin beside them (Ctrl+M, a click on a note mark): a mixin
of the AnnotationController, which provides the window, the store, the passages and `submit`."""

from __future__ import annotations

from PySide6.QtCore import Slot

from annotext.application.edits import AddAnnotation, set_comment
from annotext.core.annotations import Annotation
from annotext.gui.notes_margin import Note


class PassageNotes:
    """Ctrl+M, the note marks and the margin cards of the AnnotationController."""

    def comment(self) -> bool:
        """Ctrl+M: write the note of the selected passage in the margin beside it, in place (a
        selection that is not a passage yet becomes one when the note is saved)."""
        current = self.window.current
        if current is None:
            return False
        target = self.target()
        start, end = self.window.reader.selection_range()
        if target is None and start == end:
            self.window.on_status("Select a passage to comment on.")
            return False
        if not self.window.notes.isVisible():
            self.window.make_room_for_notes()
        if target is not None:
            tags = self.store.tags()
            note = self._note(target, {t.id: t.colour for t in tags}, {t.id: t.name for t in tags})
            self.window.notes.edit(target.id, note)
        else:
            self.window.notes.open_draft(Note(None, start, end, self.window.reader.text[start:end], "",
                                              author=self.store.author))
        self.window.on_status("Write the note; Ctrl+Enter saves, Esc cancels.")
        return True

    @Slot(int)
    def open_note(self, annotation_id: int) -> None:
        """The note mark beside a passage was clicked: its card opens for editing in the margin."""
        annotation = next((a for a in self.annotations if a.id == annotation_id), None)
        if annotation is None:
            return
        if not self.window.notes.isVisible():
            self.window.make_room_for_notes()
        tags = self.store.tags()
        self.window.notes.edit(annotation_id, self._note(annotation, {t.id: t.colour for t in tags},
                                                         {t.id: t.name for t in tags}))

    @Slot(object, str)
    def save_note(self, note: Note, text: str) -> bool:
        """A note card was saved: store its text as the passage's comment (or create the passage).
        When it cannot be stored (too long, read-only library) the card reopens with the text typed."""
        current = self.window.current
        if current is None:
            return False
        if note.annotation_id is None:
            if not text:
                return False
            saved = self._build_and_submit(
                lambda: AddAnnotation(self.store.new_annotation(current.id, note.start, note.end, [], text)))
        else:
            target = next((a for a in self.annotations if a.id == note.annotation_id), None)
            if target is None:
                self.window.on_status("That passage no longer exists; the note was not saved.")
                return False
            saved = self._build_and_submit(lambda: set_comment(target, text))
        if not saved:
            self.window.notes.reopen(note, text)
        return saved

    @staticmethod
    def _note(annotation: Annotation, colours: dict[int, str], names: dict[int, str]) -> Note:
        """What a margin card shows for a passage."""
        tags = tuple((names[t], colours[t]) for t in annotation.tag_ids if t in names)
        return Note(annotation.id, annotation.start, annotation.end, annotation.exact, annotation.comment,
                    tags, annotation.author, annotation.updated_at[:10])
