"""Keeping the indexed `doc_attributes` rows equal to what a document's metadata says."""

from __future__ import annotations

import json

from annotext.core.attributes import attributes


def write_attributes(db, doc_id: int, metadata: dict | str | None) -> None:
    """Replace a document's attribute rows with those derived from `metadata` (a dict or its JSON);
    the caller's transaction covers it, so metadata and attributes never disagree."""
    if isinstance(metadata, str) or metadata is None:
        try:
            metadata = json.loads(metadata or "{}")
        except ValueError:
            metadata = {}
    if not isinstance(metadata, dict):
        metadata = {}
    db.execute("delete from doc_attributes where doc_id = ?", [doc_id])
    db.conn.executemany("insert into doc_attributes (doc_id, key, value) values (?, ?, ?)",
                   [(doc_id, key, value) for key, value in attributes(metadata).items()])
