"""What each quotation correction replaced, so that undoing one from the command line restores the
decision before it, not merely the detected state (the GUI's undo stack keeps this in memory; a
command ends, so the library keeps it). One row per correction, newest last per quotation."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from annotext.core.corrections import QuoteCorrection

TABLE = "quote_correction_history"


def push(db: Database, doc_id: int, start: int, end: int, previous: QuoteCorrection | None,
         row_id: int | None = None) -> int:
    """Remember that the correction of [start, end) replaced `previous` (None: no correction);
    returns the row id (`row_id` given: that id again, for a redo or an undone pop)."""
    row = {"doc_id": doc_id, "start": start, "end": end,
           "previous": None if previous is None else json.dumps(asdict(previous), ensure_ascii=False)}
    if row_id is not None:
        row["id"] = row_id
    with db.atomic():
        return db[TABLE].insert(row).last_pk


def latest(db: Database, doc_id: int, start: int, end: int) -> tuple[int, QuoteCorrection | None] | None:
    """(row id, what the newest correction of [start, end) replaced), or None when nothing is known."""
    row = db.execute(f'select id, previous from {TABLE} where doc_id = ? and start = ? and "end" = ?'
                     ' order by id desc limit 1', [doc_id, start, end]).fetchone()
    if row is None:
        return None
    return row[0], None if row[1] is None else QuoteCorrection(**json.loads(row[1]))


def forget(db: Database, row_id: int) -> None:
    """Drop one remembered step (its correction was undone)."""
    with db.atomic():
        db.execute(f"delete from {TABLE} where id = ?", [row_id])
