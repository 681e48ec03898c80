"""Rows <-> core dataclasses. Every write runs in its own transaction and is committed on return."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils loads when a library is opened, not at start-up
    from sqlite_utils import Database

from annotext.core.corrections import QuoteCorrection
from annotext.core.people_corrections import PersonCorrection
from annotext.core.document import Document
from annotext.core.results import ENTITY, QUOTE, AnalysisResult, ModelInfo, Person
from annotext.core.spans import Span
from annotext.storage import correction_history
from annotext.storage.attributes_sql import write_attributes
from annotext.storage.summaries import forget_document, forget_summary


def utc_now() -> str:
    """Timestamps are stored as ISO 8601 UTC strings, readable in any SQLite browser."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the library list: enough to show it without loading the text."""

    id: int
    title: str
    source: str
    imported_at: str
    annotations: int = 0


class Repository:
    """All reads and writes of the library, over one sqlite-utils Database."""

    def __init__(self, db: "Database"):
        self.db = db

    # Documents ---------------------------------------------------------------------------
    def add_document(self, document: Document) -> int:
        """Store a new document and return its id (committed before returning); a given id is kept (undo)."""
        row = {
            "title": document.title,
            "text": document.text,
            "source": document.source,
            "sha256": document.sha256,
            "metadata": json.dumps(document.metadata, ensure_ascii=False),
            "imported_at": document.imported_at or utc_now(),
        }
        if document.id is not None:
            row["id"] = document.id
        with self.db.atomic():
            doc_id = self.db["documents"].insert(row).last_pk
            write_attributes(self.db, doc_id, document.metadata)
            return doc_id

    def delete_document(self, doc_id: int) -> None:
        """Remove a document with everything that hangs off it, in one transaction."""
        with self.db.atomic():
            self.db.execute("delete from annotation_tags where annotation_id in"
                            " (select id from annotations where doc_id = ?)", [doc_id])
            self.db.execute("delete from annotations where doc_id = ?", [doc_id])
            self.db.execute("delete from quote_corrections where doc_id = ?", [doc_id])
            self.db.execute("delete from quote_correction_history where doc_id = ?", [doc_id])
            self.db.execute("delete from people_corrections where doc_id = ?", [doc_id])
            self.db.execute("delete from spans where analysis_id in (select id from analyses where doc_id = ?)",
                            [doc_id])
            self.db.execute("delete from analyses where doc_id = ?", [doc_id])
            forget_document(self.db, doc_id)
            self.db.execute("delete from documents where id = ?", [doc_id])

    def document_rows(self, doc_id: int) -> dict[str, list[dict]]:
        """Every row that belongs to a document, exactly as stored (ids and timestamps included), in
        the order `restore_document_rows` inserts them: what undoing a deletion or a text
        replacement puts back."""
        return {table: list(self.db.query(sql, [doc_id])) for table, sql in _DOCUMENT_ROWS}

    def restore_document_rows(self, rows: dict[str, list[dict]]) -> None:
        """Put back a document as `document_rows` saw it, replacing whatever it has now (one transaction)."""
        doc_id = rows["documents"][0]["id"]
        with self.db.atomic():
            self.delete_document(doc_id)
            for table, _sql in _DOCUMENT_ROWS:
                if rows[table]:
                    self.db[table].insert_all(rows[table], batch_size=2000)

    def document(self, doc_id: int) -> Document | None:
        """The full document, or None when no such id exists."""
        rows = list(self.db.query("select * from documents where id = ?", [doc_id]))
        return _document(rows[0]) if rows else None

    def documents(self) -> list[DocumentSummary]:
        """Every document, newest first."""
        rows = self.db.query("select id, title, source, imported_at from documents order by id desc")
        return [DocumentSummary(r["id"], r["title"], r["source"] or "", r["imported_at"]) for r in rows]

    def replace_text(self, doc_id: int, text: str, sha256: str) -> None:
        """New text for a document (its analyses no longer match the hash and are redone)."""
        with self.db.atomic():
            self.db.execute("update documents set text = ?, sha256 = ? where id = ?", [text, sha256, doc_id])
            forget_summary(self.db, doc_id)

    def update_document_info(self, doc_id: int, title: str, source: str, metadata: dict) -> None:
        """Rename a document or change its source and metadata (date…)."""
        with self.db.atomic():
            self.db.execute("update documents set title = ?, source = ?, metadata = ? where id = ?",
                            [title, source, json.dumps(metadata, ensure_ascii=False), doc_id])
            write_attributes(self.db, doc_id, metadata)

    def find_by_source(self, source: str) -> int | None:
        """The newest document imported from this file path or URL."""
        row = self.db.execute("select id from documents where source = ? order by id desc limit 1", [source]).fetchone()
        return row[0] if row else None

    def find_document(self, *, sha256: str, source: str | None = None) -> int | None:
        """Id of a document with this exact text (and source, when given), to avoid duplicates."""
        sql, params = "select id from documents where sha256 = ?", [sha256]
        if source is not None:
            sql, params = sql + " and source = ?", params + [source]
        row = self.db.execute(sql + " order by id limit 1", params).fetchone()
        return row[0] if row else None

    # Analyses ----------------------------------------------------------------------------
    def save_analysis(self, doc_id: int, result: AnalysisResult) -> int:
        """Store an analysis with all its spans in one transaction (replacing one with the same key)."""
        key = [doc_id, result.text_sha256, result.model.name, result.model.version, result.analyser_version]
        with self.db.atomic():
            old = self.db.execute(
                "select id from analyses where doc_id = ? and text_sha256 = ? and model_name = ?"
                " and model_version = ? and analyser_version = ?", key).fetchone()
            if old:
                self.db.execute("delete from spans where analysis_id = ?", [old[0]])
                self.db.execute("delete from analyses where id = ?", [old[0]])
            analysis_id = self.db["analyses"].insert({
                "doc_id": doc_id,
                "text_sha256": result.text_sha256,
                "model_name": result.model.name,
                "model_version": result.model.version,
                "analyser_version": result.analyser_version,
                "people": json.dumps([p.to_json() for p in result.people], ensure_ascii=False),
                "created_at": utc_now(),
            }).last_pk
            # executemany with plain tuples: a long report's 26,000 spans are stored in about a third of
            # the time sqlite-utils' insert_all takes (it inspects every value), on the GUI thread
            self.db.conn.executemany(
                'insert into spans (analysis_id, start, "end", kind, label, attrs) values (?, ?, ?, ?, ?, ?)',
                [(analysis_id, span.start, span.end, span.kind, span.label,
                  json.dumps(span.attrs, ensure_ascii=False) if span.attrs else None) for span in result.spans()])
        return analysis_id

    def load_analysis(self, doc_id: int, text_sha256: str, model: ModelInfo | None,
                      analyser_version: str | None) -> AnalysisResult | None:
        """The stored analysis for exactly this text, model and analyser version, or None.

        With `model` None, the newest analysis of this text by this analyser version, whatever the
        model (used when no model is installed any more: old results beat none); with
        `analyser_version` None too, the newest analysis of this text at all (exports).
        """
        sql = "select * from analyses where doc_id = ? and text_sha256 = ?"
        params: list = [doc_id, text_sha256]
        if analyser_version is not None:
            sql += " and analyser_version = ?"
            params.append(analyser_version)
        if model is not None:
            sql += " and model_name = ? and model_version = ?"
            params += [model.name, model.version]
        rows = list(self.db.query(sql + " order by id desc limit 1", params))
        if not rows:
            return None
        row = rows[0]
        spans = [
            Span(r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else {})
            for r in self.db.execute(
                'select start, "end", kind, label, attrs from spans where analysis_id = ?'
                ' order by start, "end"', [row["id"]])
        ]
        return AnalysisResult(
            text_sha256=row["text_sha256"],
            model=ModelInfo(row["model_name"], row["model_version"]),
            analyser_version=row["analyser_version"],
            entities=[s for s in spans if s.kind == ENTITY],
            quotes=[s for s in spans if s.kind == QUOTE],
            people=[Person.from_json(p) for p in json.loads(row["people"] or "[]")],
        )


    # Quote corrections ---------------------------------------------------------------------
    def save_quote_correction(self, doc_id: int, correction: QuoteCorrection) -> None:
        """Insert or replace the analyst's decision about one quotation (committed on return); its
        `updated_at` is kept when set (undo), else it is now."""
        with self.db.atomic():
            self.db.execute(
                'insert into quote_corrections (doc_id, start, "end", quote_text, speaker, not_quote,'
                ' speaker_set, kind, added, author, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
                ' on conflict(doc_id, start, "end") do update set quote_text = excluded.quote_text,'
                ' speaker = excluded.speaker, not_quote = excluded.not_quote, speaker_set = excluded.speaker_set,'
                ' kind = excluded.kind, added = excluded.added, author = excluded.author,'
                ' updated_at = excluded.updated_at',
                [doc_id, correction.start, correction.end, correction.quote_text, correction.speaker,
                 int(correction.not_quote), int(correction.speaker_set), correction.kind, int(correction.added),
                 correction.author or "", correction.updated_at or utc_now()])

    def delete_quote_correction(self, doc_id: int, start: int, end: int) -> None:
        """Forget a correction (undo): the detected speaker shows again."""
        with self.db.atomic():
            self.db.execute('delete from quote_corrections where doc_id = ? and start = ? and "end" = ?',
                            [doc_id, start, end])

    def push_quote_history(self, doc_id: int, start: int, end: int, previous: QuoteCorrection | None,
                           row_id: int | None = None) -> int:
        """Remember what a quotation correction replaced (storage/correction_history.py)."""
        return correction_history.push(self.db, doc_id, start, end, previous, row_id)

    def latest_quote_history(self, doc_id: int, start: int, end: int) -> tuple[int, QuoteCorrection | None] | None:
        """(row id, what the newest correction of the quotation replaced), or None."""
        return correction_history.latest(self.db, doc_id, start, end)

    def forget_quote_history(self, row_id: int) -> None:
        """Drop one remembered step of a quotation's corrections."""
        correction_history.forget(self.db, row_id)

    def quote_corrections(self, doc_id: int) -> list[QuoteCorrection]:
        """Every correction of a document, in text order."""
        rows = self.db.execute('select start, "end", quote_text, speaker, not_quote, speaker_set, kind, added,'
                               ' author, updated_at from quote_corrections where doc_id = ? order by start, "end"',
                               [doc_id])
        return [QuoteCorrection(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], bool(r[7]), r[8] or "", r[9])
                for r in rows]

    # People corrections --------------------------------------------------------------------
    def add_person_correction(self, doc_id: int, correction: PersonCorrection) -> PersonCorrection:
        """Store one people correction (after the others: order matters); a given id is kept (redo)."""
        row = {"doc_id": doc_id, "action": correction.action, "name": correction.name, "value": correction.value,
               "start": correction.start, "end": correction.end, "text": correction.text,
               "author": correction.author or "", "created_at": correction.created_at or utc_now()}
        if correction.id is not None:
            row["id"] = correction.id
        with self.db.atomic():
            new_id = self.db["people_corrections"].insert(row).last_pk
        return replace(correction, id=new_id, created_at=row["created_at"], author=row["author"])

    def delete_person_correction(self, correction_id: int) -> None:
        """Forget one people correction (undo)."""
        with self.db.atomic():
            self.db.execute("delete from people_corrections where id = ?", [correction_id])

    def people_corrections(self, doc_id: int) -> list[PersonCorrection]:
        """A document's people corrections in the order they were made."""
        rows = self.db.execute('select id, action, name, value, start, "end", text, author, created_at'
                               ' from people_corrections where doc_id = ? order by id', [doc_id])
        return [PersonCorrection(r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "", r[8], r[0]) for r in rows]


# The tables holding a document's rows, parents before children, and how to read them.
_DOCUMENT_ROWS = (
    ("documents", "select * from documents where id = ?"),
    ("doc_attributes", "select * from doc_attributes where doc_id = ? order by rowid"),
    ("analyses", "select * from analyses where doc_id = ? order by id"),
    ("spans", "select spans.* from spans join analyses on analyses.id = analysis_id where doc_id = ?"
              " order by spans.rowid"),
    ("quote_corrections", "select * from quote_corrections where doc_id = ? order by id"),
    ("quote_correction_history", "select * from quote_correction_history where doc_id = ? order by id"),
    ("people_corrections", "select * from people_corrections where doc_id = ? order by id"),
    ("doc_summaries", "select * from doc_summaries where doc_id = ?"),
    ("doc_people", "select * from doc_people where doc_id = ? order by rowid"),
    ("doc_quotes", "select * from doc_quotes where doc_id = ? order by rowid"),
    ("annotations", "select * from annotations where doc_id = ? order by id"),
    ("annotation_tags", "select annotation_tags.* from annotation_tags join annotations on annotations.id ="
                        " annotation_id where doc_id = ? order by annotation_tags.rowid"),
)


def _document(row: dict) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        source=row["source"] or "",
        metadata=json.loads(row["metadata"] or "{}"),
        imported_at=row["imported_at"] or "",
    )
