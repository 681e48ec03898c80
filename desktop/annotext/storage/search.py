"""Library-wide full-text search (SQLite FTS5, bm25 ranking, snippets) over document text and comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils loads when a library is opened, not at start-up
    from sqlite_utils import Database

SNIPPET_START, SNIPPET_END = "\u2039", "\u203a"  # ‹ › mark the matched words in snippets
_TOKEN = re.compile(r"\w[\w'’-]*\*?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: a document (kind "text") or a passage comment (kind "comment")."""

    kind: str
    doc_id: int
    title: str
    snippet: str
    rank: float
    annotation_id: int | None = None
    start: int | None = None
    end: int | None = None


def fts_query(query: str) -> str:
    """Turn what an analyst types into a safe FTS5 query: every word must occur; "word*" is a prefix;
    FTS5 syntax characters in the input are never interpreted."""
    parts = []
    for token in _TOKEN.findall(query):
        prefix = token.endswith("*")
        word = token.rstrip("*").replace('"', '""')
        if word:
            parts.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(parts)


def search(db: "Database", query: str, limit: int = 50) -> list[SearchHit]:
    """Documents and comments matching `query`, best first (bm25; title matches weigh more)."""
    match = fts_query(query)
    if not match:
        return []
    hits = [
        SearchHit("text", row[0], row[1], row[2], row[3])
        for row in db.execute(
            "select documents.id, documents.title,"
            f" snippet(documents_fts, 1, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16),"
            " bm25(documents_fts, 5.0, 1.0) as rank"
            " from documents_fts join documents on documents.rowid = documents_fts.rowid"
            " where documents_fts match ? order by rank limit ?", [match, limit])
    ]
    hits += [
        SearchHit("comment", row[1], row[2], row[3], row[4], row[0], row[5], row[6])
        for row in db.execute(
            "select annotations.id, annotations.doc_id, documents.title,"
            f" snippet(annotations_fts, -1, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16),"
            " bm25(annotations_fts) as rank, annotations.start, annotations.[end]"
            " from annotations_fts join annotations on annotations.rowid = annotations_fts.rowid"
            " join documents on documents.id = annotations.doc_id"
            " where annotations_fts match ? order by rank limit ?", [match, limit])
    ]
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]


def first_match(text: str, query: str) -> tuple[int, int] | None:
    """Where the first query word occurs in a text (case-insensitive), to open a hit at its place."""
    for token in _TOKEN.findall(query):
        word = token.rstrip("*")
        found = re.search(rf"(?<!\w){re.escape(word)}", text, re.IGNORECASE)
        if found:
            end = found.end()
            while token.endswith("*") and end < len(text) and text[end].isalnum():
                end += 1
            return found.start(), end
    return None
