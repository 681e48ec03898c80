"""QUndoCommands over the application's edits: undo and redo go through the database like any other change."""

from __future__ import annotations

import sqlite3
from typing import Callable

from PySide6.QtGui import QUndoCommand

from annotext.core.annotations import AnnotationError
from annotext.application.edits import Edit
from annotext.storage.errors import LibraryError
from annotext.storage.integrity import failure


DONE, UNDONE, REDONE = "done", "undone", "redone"


class EditCommand(QUndoCommand):
    """Applies a core Edit on redo (including the first push) and reverts it on undo.

    `on_change(edit, how)` is told whether the edit was just done, undone or redone, so the status
    bar can say "Undone: Add passage" instead of reading as if the action had just happened."""

    def __init__(self, edit: Edit, library, on_change: Callable[[Edit, str], None]):
        super().__init__(edit.label)
        self.edit = edit
        self.library = library
        self.on_change = on_change
        self.failure: str | None = None
        self._pushed = False

    def redo(self) -> None:
        """Apply (committed before the views are refreshed)."""
        how = REDONE if self._pushed else DONE
        self._pushed = True
        self._run(self.library.apply, how)

    def undo(self) -> None:
        """Revert (committed before the views are refreshed)."""
        self._run(self.library.revert, UNDONE)

    def _run(self, step, how: str) -> None:
        """A failure makes the command obsolete, so the stack drops it, and is kept in `failure`."""
        try:
            step(self.edit)
        except (LibraryError, AnnotationError, sqlite3.Error) as error:
            # busy, read-only or full disk named as such, never SQLite's bare "database is locked"
            self.failure = str(failure(error, self.library.path) if isinstance(error, sqlite3.Error) else error)
            self.setObsolete(True)
            return
        self.failure = None
        self.on_change(self.edit, how)
