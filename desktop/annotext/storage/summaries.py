"""The per-document summary tables (doc_people, doc_quotes, doc_summaries) the corpus view reads.

They are derived data: written in the transaction that stores an analysis or a correction, dropped
with the text they describe, and rebuilt lazily for analyses stored before they existed.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from annotext.core.doc_summary import DocSummary


def write_summary(db, doc_id: int, analysis_id: int, summary: DocSummary) -> None:
    """Replace a document's summary rows (inside the caller's transaction when there is one)."""
    with db.atomic():
        _delete_rows(db, doc_id)
        db.conn.executemany(
            "insert into doc_people (doc_id, person, kind, aliases, mentions, quotes, quoted_words)"
            " values (?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, p.name, p.kind, json.dumps(p.aliases, ensure_ascii=False), p.mentions, p.quotes,
              p.quoted_words) for p in summary.people])
        db.conn.executemany(
            'insert or replace into doc_quotes (doc_id, start, "end", speaker, words, content) values (?, ?, ?, ?, ?, ?)',
            [(doc_id, q.start, q.end, q.speaker, q.words, q.content) for q in summary.quotes])
        db.execute("insert or replace into doc_summaries (doc_id, analysis_id, corrections, updated_at)"
                   " values (?, ?, ?, ?)",
                   [doc_id, analysis_id, "", datetime.now(timezone.utc).isoformat(timespec="seconds")])
        mark_names_dirty(db)


def forget_summary(db, doc_id: int) -> None:
    """The document's text changed: its summary no longer describes it."""
    with db.atomic():
        _delete_rows(db, doc_id)
        db.execute("delete from doc_summaries where doc_id = ?", [doc_id])
        mark_names_dirty(db)


def forget_document(db, doc_id: int) -> None:
    """Everything the corpus tables know of a document (it is being deleted)."""
    forget_summary(db, doc_id)
    db.execute("delete from doc_attributes where doc_id = ?", [doc_id])


def _delete_rows(db, doc_id: int) -> None:
    db.execute("delete from doc_people where doc_id = ?", [doc_id])
    db.execute("delete from doc_quotes where doc_id = ?", [doc_id])


def mark_names_dirty(db) -> None:
    """The set of names changed: cross-document grouping must be rebuilt before the next read."""
    db.execute("update corpus_state set dirty = 1 where id = 1 and dirty = 0")


def current_analysis_ids(db, doc_ids: list[int] | None = None) -> dict[int, int]:
    """Document id -> id of its newest stored analysis of its current text (documents never analysed
    are absent)."""
    sql = ("select a.doc_id, max(a.id) from analyses a join documents d on d.id = a.doc_id"
           " and a.text_sha256 = d.sha256")
    params: list = []
    if doc_ids is not None:
        sql += f" where a.doc_id in ({', '.join('?' * len(doc_ids))})"
        params = list(doc_ids)
    return {row[0]: row[1] for row in db.execute(sql + " group by a.doc_id", params)}


def stale_summaries(db) -> tuple[list[tuple[int, int]], list[int]]:
    """(documents whose summary is missing or describes another analysis, with the analysis to use;
    documents whose summary describes text they no longer have)."""
    current = current_analysis_ids(db)
    summarised = {row[0]: row[1] for row in db.execute("select doc_id, analysis_id from doc_summaries")}
    redo = [(doc_id, analysis_id) for doc_id, analysis_id in current.items() if summarised.get(doc_id) != analysis_id]
    drop = [doc_id for doc_id in summarised if doc_id not in current]
    return sorted(redo), sorted(drop)


def unanalysed_documents(db) -> list[int]:
    """Documents with no stored analysis of their current text, oldest first (what analyse-all does)."""
    return [row[0] for row in db.execute(
        "select d.id from documents d where not exists (select 1 from analyses a where a.doc_id = d.id"
        " and a.text_sha256 = d.sha256) order by d.id")]
