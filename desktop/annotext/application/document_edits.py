"""Undoable edits of documents themselves: rename, change source/date, delete (with everything on it).

They act on the whole Library (documents, annotations and corrections), unlike the annotation edits
of annotext.application.edits, which act on the AnnotationStore."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from annotext.core.annotations import Annotation
from annotext.core.corrections import QuoteCorrection
from annotext.core.document import Document
from annotext.application.edits import Edit
from annotext.core.people_corrections import PersonCorrection


class DocumentEdit(Edit):
    """Marker: `Library.apply` hands these the library instead of the annotation store."""

    library_level = True


@dataclass
class ChangeDocument(DocumentEdit):
    """New title, source or metadata (date, author…)."""

    before: Document
    after: Document
    label: str = "Change document"

    def __post_init__(self):
        self.doc_id = self.before.id

    def apply(self, library):
        library.repo.update_document_info(self.after.id, self.after.title, self.after.source, self.after.metadata)

    def revert(self, library):
        library.repo.update_document_info(self.before.id, self.before.title, self.before.source, self.before.metadata)


@dataclass
class DeleteDocument(DocumentEdit):
    """Remove a document, its passages and corrections; undo restores them (analyses are redone)."""

    document: Document
    label: str = "Delete document"
    _annotations: list[Annotation] = field(default_factory=list)
    _corrections: list[QuoteCorrection] = field(default_factory=list)
    _people_corrections: list[PersonCorrection] = field(default_factory=list)

    def __post_init__(self):
        self.doc_id = None  # nothing to show after deleting

    def apply(self, library):
        self._annotations = library.annotations.annotations(self.document.id)
        self._corrections = library.repo.quote_corrections(self.document.id)
        self._people_corrections = library.repo.people_corrections(self.document.id)
        library.repo.delete_document(self.document.id)

    def revert(self, library):
        with library.db.atomic():
            library.repo.add_document(copy.copy(self.document))
            for annotation in self._annotations:
                library.annotations.repo.insert_annotation(annotation)
            for correction in self._corrections:
                library.repo.save_quote_correction(self.document.id, correction)
            for person_correction in self._people_corrections:
                library.repo.add_person_correction(self.document.id, person_correction)
