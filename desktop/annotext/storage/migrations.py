"""The library schema, one function per change. Never edit a migration once it has shipped:
add a new one. Tables are plain so that sqlite-utils or Datasette can browse a library.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from annotext.storage.attributes_sql import write_attributes

migrations = Migrations("annotext")


@migrations()
def m001_documents_and_analyses(db: Database) -> None:
    """Documents with full-text search, and cached analysis results with their spans."""
    db["documents"].create(
        {
            "id": int,
            "title": str,
            "text": str,
            "source": str,
            "sha256": str,
            "metadata": str,  # JSON object
            "imported_at": str,  # ISO 8601 UTC
        },
        pk="id",
        not_null={"title", "text", "sha256", "imported_at"},
    )
    db["documents"].create_index(["sha256"])
    db["documents"].create_index(["source"])
    db["documents"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)
    db["analyses"].create(
        {
            "id": int,
            "doc_id": int,
            "text_sha256": str,
            "model_name": str,
            "model_version": str,
            "analyser_version": str,
            "people": str,  # JSON list of Person objects
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "text_sha256", "model_name", "model_version", "analyser_version"},
    )
    db["analyses"].create_index(
        ["doc_id", "text_sha256", "model_name", "model_version", "analyser_version"], unique=True
    )
    db["spans"].create(
        {
            "analysis_id": int,
            "start": int,
            "end": int,
            "kind": str,  # "entity" or "quote"
            "label": str,
            "attrs": str,  # JSON object: person, speaker, cue…
        },
        foreign_keys=[("analysis_id", "analyses", "id")],
        not_null={"analysis_id", "start", "end", "kind", "label"},
    )
    # Covering index: reading all spans of an analysis never touches the table itself.
    db["spans"].create_index(["analysis_id", "start", "end", "kind", "label", "attrs"])


@migrations()
def m002_quote_corrections(db: Database) -> None:
    """Analyst corrections of quotations, kept apart from (re-computable) analysis results."""
    db["quote_corrections"].create(
        {
            "id": int,
            "doc_id": int,
            "start": int,
            "end": int,
            "quote_text": str,
            "speaker": str,  # NULL: no speaker
            "not_quote": int,  # 1: the analyst says this is not a quotation
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "start", "end", "quote_text", "not_quote", "updated_at"},
    )
    db["quote_corrections"].create_index(["doc_id", "start", "end"], unique=True)


@migrations()
def m003_codebook_and_annotations(db: Database) -> None:
    """The analyst's codebook (a tree of tags) and annotations (passages with tags and a comment)."""
    db["tags"].create(
        {
            "id": int,
            "name": str,
            "colour": str,
            "parent_id": int,
            "shortcut": int,  # 1–9 or NULL
            "description": str,
            "guid": str,  # REFI-QDA identity, kept across codebook export/import
        },
        pk="id",
        foreign_keys=[("parent_id", "tags", "id")],
        not_null={"name", "colour", "guid"},
    )
    db["tags"].create_index(["name"], unique=True)
    db["tags"].create_index(["guid"], unique=True)
    db["annotations"].create(
        {
            "id": int,
            "doc_id": int,
            "start": int,  # code points
            "end": int,
            "exact": str,  # W3C TextQuoteSelector: exact text, 32 characters before and after
            "prefix": str,
            "suffix": str,
            "comment": str,
            "author": str,
            "created_at": str,
            "updated_at": str,
            "orphaned": int,  # 1 when re-anchoring could not place it on a changed text
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "start", "end", "exact", "created_at", "updated_at"},
        defaults={"comment": "", "prefix": "", "suffix": "", "orphaned": 0},
    )
    db["annotations"].create_index(["doc_id", "start", "end"])
    db["annotation_tags"].create(
        {"annotation_id": int, "tag_id": int},
        pk=("annotation_id", "tag_id"),
        foreign_keys=[("annotation_id", "annotations", "id"), ("tag_id", "tags", "id")],
    )
    db["annotation_tags"].create_index(["tag_id"])


@migrations()
def m004_annotation_search(db: Database) -> None:
    """Full-text search over passages and comments, kept in sync by triggers."""
    db["annotations"].enable_fts(["exact", "comment"], fts_version="FTS5", create_triggers=True)


@migrations()
def m005_people_corrections(db: Database) -> None:
    """Analyst corrections of the people index, and more kinds of quotation correction, each with
    its author. Keyed by names and text offsets (never analysis ids), so they outlive re-analysis."""
    db["people_corrections"].create(
        {
            "id": int,
            "doc_id": int,
            "action": str,  # rename, merge, split, not_person, add_person
            "name": str,  # the person acted on (add_person: the new person's name)
            "value": str,  # new name, merge target, split alias, or new entity label
            "start": int,  # add_person: the selected text
            "end": int,
            "text": str,
            "author": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "action", "name", "created_at"},
        defaults={"author": ""},
    )
    db["people_corrections"].create_index(["doc_id", "id"])
    table = db["quote_corrections"]
    table.add_column("speaker_set", int, not_null_default=1)  # 0: only the kind was decided
    table.add_column("kind", str)  # "scare", "speech" or NULL (as detected)
    table.add_column("added", int, not_null_default=0)  # 1: a quotation the detector missed
    table.add_column("author", str, not_null_default="")


@migrations()
def m006_corpus_summaries(db: Database) -> None:
    """Document attributes and per-document summaries of the (corrected) analysis, so that the
    corpus view aggregates across the library in SQL. Summaries are derived data: written with each
    analysis and each correction, and filled lazily for analyses stored before this step."""
    db["doc_attributes"].create({"doc_id": int, "key": str, "value": str}, pk=("doc_id", "key"),
                                foreign_keys=[("doc_id", "documents", "id")], not_null={"value"})
    db["doc_attributes"].create_index(["key", "value", "doc_id"])
    db["doc_summaries"].create(
        {"doc_id": int, "analysis_id": int, "corrections": str, "updated_at": str},
        pk="doc_id", foreign_keys=[("doc_id", "documents", "id")], not_null={"analysis_id", "updated_at"})
    db["doc_people"].create(
        {
            "doc_id": int,
            "person": str,  # the document's canonical name (corrections applied)
            "kind": str,  # person, organisation, other (a described speaker)
            "aliases": str,  # JSON list of the other forms used in the document
            "mentions": int,
            "quotes": int,
            "quoted_words": int,
        },
        pk=("doc_id", "person"), foreign_keys=[("doc_id", "documents", "id")],
        not_null={"kind", "mentions", "quotes", "quoted_words"},
    )
    db["doc_people"].create_index(["person", "doc_id", "mentions", "quotes", "quoted_words"])
    db["doc_quotes"].create(
        {"doc_id": int, "start": int, "end": int, "speaker": str, "words": int, "content": str},
        pk=("doc_id", "start", "end"), foreign_keys=[("doc_id", "documents", "id")],
        not_null={"words", "content"},
    )
    db["doc_quotes"].create_index(["speaker", "doc_id", "start"])
    # Cross-document identity: each per-document name -> its corpus entry (rebuilt when `dirty`).
    db["corpus_names"].create({"name": str, "entry": str}, pk="name", not_null={"entry"})
    db["corpus_names"].create_index(["entry", "name"])
    db["corpus_state"].create({"id": int, "dirty": int}, pk="id")
    db["corpus_state"].insert({"id": 1, "dirty": 1})
    # The analyst's corpus-level decisions, applied in order after the automatic grouping.
    db["corpus_person_edits"].create(
        {"id": int, "action": str, "name": str, "target": str, "created_at": str},
        pk="id", not_null={"action", "name", "created_at"})
    for doc_id, metadata in db.execute("select id, metadata from documents").fetchall():
        write_attributes(db, doc_id, metadata)


@migrations()
def m007_quote_correction_history(db: Database) -> None:
    """What each quotation correction replaced (storage/correction_history.py), so that `annotext
    correct DOC undo` restores the decision before, as Ctrl+Z does."""
    db["quote_correction_history"].create(
        {"id": int, "doc_id": int, "start": int, "end": int, "previous": str},  # previous NULL: no correction
        pk="id", foreign_keys=[("doc_id", "documents", "id")], not_null={"doc_id", "start", "end"})
    db["quote_correction_history"].create_index(["doc_id", "start", "end", "id"])


def known_migrations() -> list[str]:
    """Names of the migrations this version of the app knows, in order."""
    return [m.name for m in migrations._migrations]
