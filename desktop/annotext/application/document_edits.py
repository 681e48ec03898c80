"""Undoable edits of documents: rename, change source/date, delete (with everything on it), replace
the text. (The analyst's corrections of people and quotations are in annotext.application.correction_edits.)

Same signature as every edit (annotext.application.edits): `apply(library)` / `revert(library)`,
each returning the Changes it made."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotext.application.changes import Changes
from annotext.application.edits import BeforeAfter, Edit
from annotext.core.document import Document


@dataclass
class ChangeDocument(BeforeAfter):
    """New title, source or metadata (date, author…)."""

    before: Document
    after: Document
    label: str = "Change document"

    def __post_init__(self):
        self.doc_id = self.before.id

    def write(self, library, state, replaced, undoing):
        library.repo.update_document_info(state.id, state.title, state.source, state.metadata)
        return Changes(documents=True, doc_id=self.doc_id)


_EVERYTHING_OF = dict(documents=True, text=True, passages=True, corrections=True, analysis=True)


@dataclass
class DeleteDocument(Edit):
    """Remove a document with its passages, corrections and analyses; undo puts every row back as it was."""

    document: Document
    label: str = "Delete document"
    _rows: dict = field(default_factory=dict)

    def __post_init__(self):
        self.doc_id = None  # nothing to show after deleting

    def apply(self, library):
        self._rows = library.repo.document_rows(self.document.id)
        library.repo.delete_document(self.document.id)
        return Changes(**_EVERYTHING_OF, doc_id=self.document.id)

    def revert(self, library):
        library.repo.restore_document_rows(self._rows)
        return Changes(**_EVERYTHING_OF, doc_id=self.document.id)


@dataclass
class ReplaceText(Edit):
    """Give a document new text (a corrected or newer version) and move every passage onto it.

    `counts` says how many passages landed by position, exact search, fuzzy match, or were orphaned.
    Undo puts back the old text, the passages where they were, and the analyses of the old text."""

    doc_id: int = field()  # (an explicit field: Edit.doc_id = None must not become its default)
    new_text: str
    label: str = "Replace text"
    new_blocks: list = field(default_factory=list)  # the new file's structure (core/blocks.py)
    counts: dict[str, int] = field(default_factory=dict)
    _rows: dict = field(default_factory=dict)

    def apply(self, library):
        self._rows = library.repo.document_rows(self.doc_id)
        self.counts = library.replace_text(self.doc_id, self.new_text, self.new_blocks)
        return Changes(text=True, passages=True, doc_id=self.doc_id)

    def revert(self, library):
        library.repo.restore_document_rows(self._rows)
        return Changes(text=True, passages=True, doc_id=self.doc_id)
