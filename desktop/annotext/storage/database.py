"""Opening a library file: a read-only probe first (so a damaged or foreign file is never written),
pragmas, schema checks, and migrations with a backup taken first. A library in a read-only place is
opened read-only; a missing library that has backups is reported, never silently recreated empty."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotext.storage.backups import list_backups, make_backup
from annotext.storage.errors import LibraryDamagedError, LibraryError, LibraryUnavailableError, NewerLibraryError
from annotext.storage.integrity import (BUSY_TIMEOUT_MS, MIGRATIONS_TABLE, check_library_file, connect_read_only,
                                        failure, location_writable, read_only_message)
from annotext.storage.migrations import known_migrations, migrations

__all__ = ["BUSY_TIMEOUT_MS", "MIGRATIONS_TABLE", "NEWER", "READ_ONLY_PLACE", "integrity_ok", "open_database",
           "probe"]

NEWER = "written by a newer version of Annotext"
READ_ONLY_PLACE = "in a read-only place (the file or its folder cannot be written)"


def open_database(path: Path | str, *, migrate: bool = True, allow_newer: bool = True) -> tuple[Database, str]:
    """Open (creating if needed) the library at `path`; returns (db, read_only).

    `read_only` is "" for a writable library, else why it is read-only (NEWER, READ_ONLY_PLACE):
    a file written by a newer Annotext (refused with NewerLibraryError when `allow_newer` is False)
    or in a place that cannot be written. A file that is not a usable library raises
    LibraryDamagedError; a sound one that cannot be used here (full disk, lock) LibraryUnavailableError.
    None of these is ever written to.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    existed = path.exists() and path.stat().st_size > 0
    applied: set[str] = set()
    if existed:
        applied = probe(path)
        unknown = applied - set(known_migrations())
        if unknown:
            message = (f"{path}: written by a newer version of Annotext (schema steps {', '.join(sorted(unknown))}"
                       " are unknown to this one)")
            if not allow_newer:
                raise NewerLibraryError(message)
            return _read_only(path), NEWER
        if not location_writable(path):
            return _read_only(path), READ_ONLY_PLACE
    else:
        _refuse_to_recreate(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise failure(error, path) from error
    if not location_writable(path):
        raise LibraryUnavailableError(read_only_message(path))
    try:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                     check_same_thread=False)
        db = LibraryDatabase(connection)
        _set_pragmas(db)
    except (sqlite3.Error, OSError) as error:
        raise failure(error, path) from error
    if migrate and migrations.pending(db):
        if existed and applied:
            make_backup(db, path, "before-migration")
        try:
            migrations.apply(db)
        except sqlite3.Error as error:
            db.conn.close()
            raise failure(error, path) from error
    return db, ""


class LibraryDatabase(Database):
    """sqlite-utils' Database whose outermost transactions take the write lock first (BEGIN IMMEDIATE).

    Why: a deferred BEGIN reads first and then upgrades to a write; in WAL mode that upgrade fails at
    once with SQLITE_BUSY while another process writes, so the 10 s busy timeout was never used.
    Taking the lock up front makes SQLite wait for it. Nested blocks stay savepoints.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator["LibraryDatabase"]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def probe(path: Path) -> set[str]:
    """Check, without writing, that `path` is a readable SQLite library; returns the schema steps it has."""
    return check_library_file(path)


def _refuse_to_recreate(path: Path) -> None:
    """A missing or empty library file whose backups exist was lost, not never made: say so rather
    than silently starting an empty library in its place."""
    backups = list_backups(path)
    if backups:
        state = "empty (0 bytes)" if path.exists() else "missing"
        raise LibraryDamagedError(f"{path}: the library file is {state} but {len(backups)} backup(s) of it exist;"
                                  " restore one (`annotext restore`, or File ▸ Restore backup) or move the"
                                  " backups folder away to start a new library")


def _read_only(path: Path) -> Database:
    connection = connect_read_only(path)
    connection.execute("PRAGMA query_only = ON")
    return Database(connection)


def _set_pragmas(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise LibraryError(f"{db.conn} could not switch to WAL journal mode (got {mode})")
    db.execute("PRAGMA synchronous = FULL")


def integrity_ok(db: Database) -> bool:
    """True when SQLite's own integrity check finds nothing wrong."""
    return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
