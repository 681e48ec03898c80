"""Opening a library file: pragmas, schema checks, migrations with a backup taken first."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from annotext.storage.errors import LibraryError, NewerLibraryError
from annotext.storage.migrations import known_migrations, migrations

BUSY_TIMEOUT_MS = 10_000


def open_database(path: Path | str, *, migrate: bool = True) -> tuple[Database, bool]:
    """Open (creating if needed) the library at `path`; returns (db, read_only).

    A file written by a newer Annotext is opened read-only instead of raising, so the analyst can
    still read it; a file that is not a usable SQLite database raises LibraryError naming the file.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_header(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        db = Database(connection)
        _set_pragmas(db)
        applied = {m.name for m in migrations.applied(db)}
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path}: not a usable Annotext library ({error})") from error
    except OSError as error:
        raise LibraryError(f"{path}: cannot open library ({error.strerror or error})") from error
    unknown = applied - set(known_migrations())
    if unknown:
        db.execute("PRAGMA query_only = ON")
        return db, True
    if migrate and migrations.pending(db):
        if existed and applied:
            backup_before_migration(db, path)
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"{path}: cannot update the library schema ({error})") from error
    return db, False


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite before SQLite gets a chance to treat them as empty."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise LibraryError(f"{path}: cannot read library ({error.strerror or error})") from error
    if header != b"SQLite format 3\x00":
        raise LibraryError(f"{path}: not an Annotext library (the file is not an SQLite database)")


def _set_pragmas(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise LibraryError(f"{db.conn} could not switch to WAL journal mode (got {mode})")
    db.execute("PRAGMA synchronous = FULL")


def backup_before_migration(db: Database, path: Path) -> Path:
    """Consistent copy of the library (SQLite backup API) next to it, before its schema changes."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix}")
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target


def integrity_ok(db: Database) -> bool:
    """True when SQLite's own integrity check finds nothing wrong."""
    return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


__all__ = ["open_database", "integrity_ok", "backup_before_migration", "LibraryError", "NewerLibraryError"]
