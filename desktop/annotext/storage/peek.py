"""A read-only glance at the library with the standard library alone: the text of the document to
show at start-up, so the window paints before sqlite-utils (and the rest) are even imported."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def peek_document(path: Path, doc_id: int | None = None) -> tuple[int, str, str, dict] | None:
    """(id, title, text, metadata) of `doc_id` (else the newest document), or None if there is
    nothing to show (metadata: {} when unreadable; the preview then only lacks its structure).

    Never writes and never raises: any problem (no file, locked, corrupt) just means no preview.
    """
    if not Path(path).is_file():
        return None
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        row = None
        if doc_id is not None:
            row = connection.execute("select id, title, text, metadata from documents where id = ?",
                                     [doc_id]).fetchone()
        if row is None:
            row = connection.execute("select id, title, text, metadata from documents order by id desc limit 1").fetchone()
        return (row[0], row[1], row[2], _metadata(row[3])) if row else None
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _metadata(stored) -> dict:
    try:
        metadata = json.loads(stored or "{}")
    except (TypeError, ValueError):
        return {}
    return metadata if isinstance(metadata, dict) else {}
