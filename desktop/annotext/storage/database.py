"""Opening a library file: a read-only probe first (so a damaged or foreign file is never written),
pragmas, schema checks, and migrations with a backup taken first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from annotext.storage.errors import LibraryError, NewerLibraryError
from annotext.storage.migrations import known_migrations, migrations

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_TABLE = "_sqlite_migrations"


def open_database(path: Path | str, *, migrate: bool = True, allow_newer: bool = True) -> tuple[Database, bool]:
    """Open (creating if needed) the library at `path`; returns (db, read_only).

    A file written by a newer Annotext is opened read-only (or refused with NewerLibraryError when
    `allow_newer` is False); a file that is not a usable SQLite database raises LibraryError naming
    the file. Neither is ever written to.
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
            return _read_only(path), True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                     check_same_thread=False)
        db = Database(connection)
        _set_pragmas(db)
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path}: not a usable Annotext library ({error})") from error
    except OSError as error:
        raise LibraryError(f"{path}: cannot open library ({error.strerror or error})") from error
    if migrate and migrations.pending(db):
        if existed and applied:
            from annotext.storage.backups import make_backup

            make_backup(db, path, "before-migration")
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"{path}: cannot update the library schema ({error})") from error
    return db, False


def probe(path: Path) -> set[str]:
    """Check, without writing, that `path` is a readable SQLite library; returns the schema steps it has."""
    _check_header(path)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise LibraryError(f"{path}: cannot open library ({error})") from error
    try:
        tables = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
        if MIGRATIONS_TABLE not in tables:
            if tables - {"sqlite_sequence"}:
                raise LibraryError(f"{path}: an SQLite database, but not an Annotext library")
            return set()
        rows = connection.execute(f"select name from {MIGRATIONS_TABLE} where migration_set = 'annotext'")
        applied = {row[0] for row in rows}
        if "documents" in tables:
            connection.execute("select count(*) from documents").fetchone()
        if connection.execute("pragma quick_check(1)").fetchone()[0] != "ok":
            raise LibraryError(f"{path}: the library file is damaged (SQLite's integrity check failed);"
                               " restore a backup")
        return applied
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path}: the library file is damaged ({error}); restore a backup") from error
    finally:
        connection.close()


def _read_only(path: Path) -> Database:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                 timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    connection.execute("PRAGMA query_only = ON")
    return Database(connection)


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


def integrity_ok(db: Database) -> bool:
    """True when SQLite's own integrity check finds nothing wrong."""
    return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
