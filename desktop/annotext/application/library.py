"""The facade the GUI and CLI use: open a library, import, analyse with caching, read back.

Keeps one rule of docs/architecture.md ("Data flow") in one place: analysis results are keyed by
(text sha256, model name+version, analyser version), so reopening a document never re-runs spaCy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typing import TYPE_CHECKING

from annotext.application.annotation_store import AnnotationStore
from annotext.application.changes import Changes
from annotext.core.annotations import AnnotationError
from annotext.core.blocks import Block, blocks_of, with_blocks
from annotext.core.corrections import apply_corrections
from annotext.core.document import Document, clean_text
from annotext.core.paths import sample_article
from annotext.core.results import AnalysisResult, ModelInfo
from annotext.importers import import_file
from annotext.storage.annotations_repo import AnnotationRepository
from annotext.storage.errors import LibraryError, LibraryReadOnlyError
from annotext.storage.integrity import failure
from annotext.storage.retry import with_retry
from annotext.storage.repository import DocumentSummary, Repository

if TYPE_CHECKING:
    from annotext.application.edits import Edit


class Library:
    """One open library file."""

    def __init__(self, path: Path | str, author: str | None = None):
        from annotext.storage.database import open_database  # imports sqlite-utils: not at start-up

        self.path = Path(path)
        self.db, self.read_only = open_database(self.path)  # read_only: "" or why (newer, read-only place)
        self.repo = Repository(self.db)
        self.annotations = AnnotationStore(AnnotationRepository(self.db), lambda doc_id: self.document(doc_id).text,
                                           author)

    def close(self, backup: bool = True) -> None:
        """Take the daily backup if due, then close (SQLite checkpoints the WAL on the last close).
        A second connection to a library that its owner still has open (the window's analysis
        thread) closes with backup=False: the daily backup is the owner's to take."""
        if backup and not self.read_only:
            from annotext.storage.backups import daily_backup_if_changed

            try:
                daily_backup_if_changed(self.db, self.path)
            except (OSError, sqlite3.Error, LibraryError):
                pass  # a failed backup must not stop the app from closing; the data itself is safe
        self.db.conn.close()

    def backup(self) -> Path:
        """A backup now (File ▸ Back up, `annotext backup`)."""
        from annotext.storage.backups import make_backup

        return make_backup(self.db, self.path, "manual")

    def _writable(self) -> None:
        if self.read_only:
            raise LibraryReadOnlyError(f"{self.path}: {self.read_only}: opened read-only, nothing was changed")

    # Documents ---------------------------------------------------------------------------
    def import_file(self, path: Path | str) -> int:
        """Import a file (ImportFailed if it cannot be read); the same text from the same place is not duplicated."""
        return self.add_document(import_file(path))

    def add_document(self, document: Document) -> int:
        """Store a document; the same text from the same place is not duplicated, and a newer
        version from the same place replaces the text, re-anchoring its annotations."""
        self._writable()
        document.title = clean_text(" ".join(document.title.split()))[:500] or "Untitled"
        document.text = clean_text(document.text)
        document.source = clean_text(document.source)
        try:
            existing = self.repo.find_document(sha256=document.sha256, source=document.source)
            if existing is not None:
                return existing
            previous = self.repo.find_by_source(document.source) if document.source else None
            if previous is not None:
                self.replace_text(previous, document.text, blocks_of(document.metadata, document.text))
                return previous
            return with_retry(lambda: self.repo.add_document(document))
        except sqlite3.Error as error:  # a full disk, a lost lock: named as such, never "internal error"
            raise failure(error, self.path) from error

    def replace_text(self, doc_id: int, new_text: str, blocks: list[Block] | tuple = ()) -> dict[str, int]:
        """Give a document new text and move every annotation onto it (docs/architecture.md,
        "Re-anchoring"), in one transaction. Returns how many landed by position, exact search, fuzzy
        match, or orphaned. The structure kept from import becomes `blocks` (the new file's): the
        old one no longer fits. Not undoable by itself: the analyst's way is the ReplaceText edit."""
        from annotext.core.anchoring import Reanchorer
        from annotext.core.annotations import selectors
        from annotext.core.document import normalise_newlines, text_sha256

        self._writable()
        document = self.document(doc_id)
        new_text = clean_text(normalise_newlines(new_text))
        if not new_text.strip():
            raise AnnotationError(f"document {doc_id}: the new text is empty")
        anchorer = Reanchorer(document.text, new_text)
        counts = {"position": 0, "exact": 0, "fuzzy": 0, "orphaned": 0}
        store = self.annotations
        metadata = with_blocks(document.metadata, [])
        metadata = with_blocks(metadata, blocks_of(with_blocks({}, list(blocks)), new_text))
        with self.db.atomic():
            self.repo.replace_text(doc_id, new_text, text_sha256(new_text))
            if metadata != document.metadata:
                self.repo.update_document_info(doc_id, document.title, document.source, metadata)
            for annotation in store.annotations(doc_id):
                if annotation.orphaned:
                    counts["orphaned"] += 1
                    continue
                anchor = anchorer.anchor(annotation.start, annotation.end, annotation.exact,
                                         annotation.prefix, annotation.suffix)
                if anchor is None:
                    annotation.orphaned = True
                    counts["orphaned"] += 1
                else:
                    annotation.start, annotation.end = anchor.start, anchor.end
                    annotation.exact, annotation.prefix, annotation.suffix = selectors(new_text, anchor.start, anchor.end)
                    counts[anchor.method] += 1
                store.repo.update_annotation(annotation)
        return counts

    def documents(self) -> list[DocumentSummary]:
        """All documents for the library list, newest first, with their number of annotations."""
        counts = self.annotations.repo.annotation_counts()
        return [DocumentSummary(d.id, d.title, d.source, d.imported_at, counts.get(d.id, 0))
                for d in self.repo.documents()]

    # Edits: the one path for the analyst's changes ------------------------------------------
    def apply(self, edit: "Edit") -> Changes:
        """Apply an undoable edit (annotext.application.edits); committed when this returns.
        Returns what changed, so the views refresh only that."""
        self._writable()
        return with_retry(lambda: self._then_summary(lambda: edit.apply(self)))

    def revert(self, edit: "Edit") -> Changes:
        """Undo an edit applied before; committed when this returns. Returns what changed."""
        self._writable()
        return with_retry(lambda: self._then_summary(lambda: edit.revert(self)))

    def _then_summary(self, change) -> Changes:
        """Run an edit and, when it changed a document's corrected analysis (its corrections or its
        text), rewrite that document's corpus summary in the same transaction."""
        with self.db.atomic():
            changes = change()
            if (changes.corrections or changes.text) and changes.doc_id is not None \
                    and self.repo.document(changes.doc_id):
                self.refresh_summary(changes.doc_id)
        return changes

    def export_codebook(self, path: Path | str) -> int:
        """Write the codebook as REFI-QDA .qdc; returns the number of codes written."""
        from annotext.core.atomic import atomic_write_bytes
        from annotext.core.refi_qda import codebook_xml

        tags = self.annotations.tags()
        atomic_write_bytes(path, codebook_xml(tags))
        return len(tags)

    def import_codebook(self, path: Path | str) -> tuple[int, int]:
        """Merge a .qdc codebook into ours (matched by GUID, then name); returns (added, updated)."""
        from annotext.core.refi_qda import read_codebook

        self._writable()
        nodes = read_codebook(Path(path))
        store = self.annotations
        added = updated = 0
        with self.db.atomic():
            def merge(node, parent_id):
                nonlocal added, updated
                tags = store.tags()
                existing = next((t for t in tags if t.guid == node.guid), None) or store.tag_named(node.name)
                if existing is None:
                    tag = store.new_tag(node.name, node.colour, parent_id, None, node.description)
                    tag.guid = node.guid
                    existing = store.store_tag(tag)
                    added += 1
                else:
                    existing.name = node.name if existing.guid == node.guid else existing.name
                    existing.colour = node.colour or existing.colour
                    existing.description = node.description or existing.description
                    existing.parent_id = parent_id
                    store.update_tag(existing)
                    updated += 1
                for child in node.children:
                    merge(child, existing.id)

            for node in nodes:
                merge(node, None)
        return added, updated

    def document(self, doc_id: int) -> Document:
        """The document with this id; LookupError with a clear message if there is none."""
        document = self.repo.document(doc_id)
        if document is None:
            raise LookupError(f"no document with id {doc_id} in {self.path}")
        return document

    def search(self, query: str, limit: int = 50):
        """Ranked hits in document text and in passages/comments (annotext.storage.search)."""
        from annotext.storage.search import search

        return search(self.db, query, limit)

    def ensure_sample(self) -> int | None:
        """On first start (empty library) import the sample article; returns its id, or None."""
        if self.documents() or self.read_only:
            return None
        sample = sample_article()
        return self.import_file(sample) if sample.is_file() else None

    # Analyses ----------------------------------------------------------------------------
    def cached_analysis(self, document: Document, model: ModelInfo | None,
                        analyser_version: str) -> AnalysisResult | None:
        """The stored result for this exact text, model and analyser version, if any."""
        return self.repo.load_analysis(document.id, document.sha256, model, analyser_version)

    def corrected(self, document: Document, result: AnalysisResult) -> AnalysisResult:
        """`result` with the analyst's people and quotation corrections applied: what every view and
        export shows."""
        return apply_corrections(result, self.repo.quote_corrections(document.id), document.text,
                                 self.repo.people_corrections(document.id))

    def quote_corrections(self, doc_id: int):
        """The analyst's decisions about a document's quotations, in text order."""
        return self.repo.quote_corrections(doc_id)

    def people_corrections(self, doc_id: int):
        """The analyst's corrections of a document's people, in the order they were made."""
        return self.repo.people_corrections(doc_id)

    def stored_result(self, document: Document) -> AnalysisResult | None:
        """The newest stored analysis of this exact text, corrections applied; never runs spaCy."""
        result = self.repo.load_analysis(document.id, document.sha256, None, None)
        return self.corrected(document, result) if result is not None else None

    def report_items(self, doc_ids: list[int]) -> list[tuple]:
        """(document, stored corrected result or None, annotations) for each id: what exports need."""
        items = []
        for doc_id in doc_ids:
            document = self.document(doc_id)
            items.append((document, self.stored_result(document), self.annotations.annotations(doc_id)))
        return items

    def store_analysis(self, doc_id: int, result: AnalysisResult) -> None:
        """Keep a result so the document never needs spaCy again (silently skipped when read-only);
        the corpus summary of its corrected view is written in the same transaction."""
        if not self.read_only:
            with self.db.atomic():
                analysis_id = self.repo.save_analysis(doc_id, result)
                document = self.document(doc_id)
                if result.text_sha256 == document.sha256:
                    self._write_summary(document, analysis_id, self.corrected(document, result))

    def refresh_summary(self, doc_id: int) -> None:
        """Rewrite a document's corpus summary from its stored analysis with the corrections applied
        now (after a correction, or for analyses stored before summaries existed)."""
        from annotext.storage.summaries import current_analysis_ids, forget_summary

        if self.read_only:
            return
        with self.db.atomic():
            analysis_id = current_analysis_ids(self.db, [doc_id]).get(doc_id)
            if analysis_id is None:
                forget_summary(self.db, doc_id)
                return
            document = self.document(doc_id)
            self._write_summary(document, analysis_id, self.stored_result(document))

    def _write_summary(self, document: Document, analysis_id: int, corrected: AnalysisResult) -> None:
        from annotext.core.doc_summary import summarise
        from annotext.storage.summaries import write_summary

        write_summary(self.db, document.id, analysis_id, summarise(corrected, document.text))

    def analyse(self, doc_id: int, analyser, progress=None, cancelled=None) -> AnalysisResult:
        """Cached result if there is one, else run `analyser` and store what it finds; the analyst's
        corrections are applied on top."""
        document = self.document(doc_id)
        result = self.cached_analysis(document, analyser.model, analyser.version)
        if result is None:
            result = (analyser.analyse(document.text, progress=progress, cancelled=cancelled) if cancelled
                      else analyser.analyse(document.text, progress=progress))
            self.store_analysis(doc_id, result)
        return self.corrected(document, result)
