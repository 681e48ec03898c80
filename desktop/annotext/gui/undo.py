"""QUndoCommands over the application's edits: undo and redo go through the database like any other change.

One undo stack serves the whole library, and undoing (or redoing) an edit of a document that is not
on screen opens that document first, so the analyst sees what changes (docs/architecture.md, "Edits and undo").
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from PySide6.QtGui import QUndoCommand

from annotext.application.changes import Changes
from annotext.application.edits import Edit
from annotext.core.errors import AnnotextError
from annotext.storage.integrity import failure


DONE, UNDONE, REDONE = "done", "undone", "redone"


class EditCommand(QUndoCommand):
    """Applies an Edit on redo (including the first push) and reverts it on undo.

    `reveal(edit)` runs before an undo or a redo (never before the first apply, which the analyst
    just asked for on screen). `on_change(edit, changes, how)` runs after each committed step with
    what changed and whether the edit was just done, undone or redone, so the status bar can say
    "Undone: Add passage" instead of reading as if the action had just happened."""

    def __init__(self, edit: Edit, library, on_change: Callable[[Edit, Changes, str], None],
                 reveal: Callable[[Edit], None] | None = None):
        super().__init__(edit.label)
        self.edit = edit
        self.library = library
        self.on_change = on_change
        self.reveal = reveal
        self.failure: str | None = None
        self._pushed = False

    def redo(self) -> None:
        """Apply (committed before the views are refreshed)."""
        how = REDONE if self._pushed else DONE
        if self._pushed and self.reveal is not None:
            self.reveal(self.edit)
        self._pushed = True
        self._run(self.library.apply, how)

    def undo(self) -> None:
        """Revert (committed before the views are refreshed)."""
        if self.reveal is not None:
            self.reveal(self.edit)
        self._run(self.library.revert, UNDONE)

    def _run(self, step, how: str) -> None:
        """A failure makes the command obsolete, so the stack drops it, and is kept in `failure`."""
        try:
            changes = step(self.edit)
        except (AnnotextError, sqlite3.Error) as error:
            # busy, read-only or full disk named as such, never SQLite's bare "database is locked"
            self.failure = str(failure(error, self.library.path) if isinstance(error, sqlite3.Error) else error)
            self.setObsolete(True)
            return
        self.failure = None
        self.on_change(self.edit, changes, how)
