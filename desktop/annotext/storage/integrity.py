"""Is this file a sound library, and when something fails, whose fault is it: the file's (damaged) or
the place's (read-only, full disk, another window holding the lock)?

The distinction decides what the analyst is told and offered: only a damaged file may lead to a
recovery; a healthy library on a full or read-only disk must never be called damaged or moved.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from annotext.storage.errors import (LibraryBusyError, LibraryDamagedError, LibraryError,
                                     LibraryUnavailableError)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_TABLE = "_sqlite_migrations"
BUSY_TIMEOUT_MS = 10_000
NEARLY_FULL_BYTES = 256 * 1024  # below this a write failure is taken for a full disk
BUSY_MESSAGE = "the library is busy in another window; try again"

_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _PERM, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 3, 26
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def location_writable(path: Path | str) -> bool:
    """True when the library file (if present) and its folder (for -wal/-shm) can be written.

    Checks the mount flags as well as permissions: root ignores file modes but not a read-only mount.
    """
    path = Path(path)
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
            return False
    except (OSError, AttributeError):
        pass
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def disk_nearly_full(path: Path | str) -> bool:
    """True when the file system holding `path` has (almost) no space left for this user."""
    try:
        status = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):
        return False
    return status.f_bavail * status.f_frsize < NEARLY_FULL_BYTES


def read_only_message(path: Path | str) -> str:
    """What the analyst is told when the library cannot be written where it is."""
    return f"{path}: cannot write here: the file or its folder is read-only; nothing was changed"


def full_disk_message(path: Path | str) -> str:
    """What the analyst is told when the disk holding the library is full."""
    return f"{path}: cannot write here: the disk is full; nothing was changed (free some space and try again)"


def failure(error: BaseException, path: Path | str) -> LibraryError:
    """The analyst-facing error for a failed open, read or write of the library at `path`.

    Damage is only claimed when SQLite says so (SQLITE_CORRUPT, SQLITE_NOTADB); everything else is
    the place or the moment: read-only, full, busy, or a disk error, each named as such.
    """
    if isinstance(error, LibraryError):
        return error
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(error).lower()
        if primary in (_BUSY, _LOCKED) or (primary is None and ("locked" in text or "busy" in text)):
            return LibraryBusyError(f"{path}: {BUSY_MESSAGE}")
        if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
            return LibraryDamagedError(f"{path}: the library file is damaged ({error}); restore a backup")
        if primary == _FULL or "disk is full" in text:
            return LibraryUnavailableError(full_disk_message(path))
        if primary in (_READONLY, _PERM) or "readonly" in text:
            return LibraryUnavailableError(read_only_message(path))
        if primary not in (_IOERR, _CANTOPEN, None):  # a constraint or a bug: not the place, not damage
            return LibraryError(f"{path}: {error}")
        if not location_writable(path):
            return LibraryUnavailableError(read_only_message(path))
        if disk_nearly_full(path):
            return LibraryUnavailableError(full_disk_message(path))
        if primary == _IOERR:
            return LibraryUnavailableError(f"{path}: a disk read or write failed ({error}); the library was not"
                                           " changed; check the disk and try again")
        return LibraryUnavailableError(f"{path}: cannot use the library ({error})")
    if isinstance(error, OSError):
        if error.errno in _FULL_ERRNOS:
            return LibraryUnavailableError(full_disk_message(path))
        if error.errno in _READ_ONLY_ERRNOS:
            return LibraryUnavailableError(read_only_message(path))
        return LibraryUnavailableError(f"{path}: cannot use the library ({error.strerror or error})")
    return LibraryError(f"{path}: {error}")


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A connection that can never write `path`.

    In a read-only place SQLite cannot create the -shm file a WAL library needs; then the file is
    opened as immutable, which is exact as long as no -wal with unsaved pages lies beside it.
    """
    path = Path(path)
    uri = path.resolve().as_uri()
    timeout = BUSY_TIMEOUT_MS / 1000
    connection = None
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout, isolation_level=None,
                                     check_same_thread=False)
        connection.execute("select count(*) from sqlite_master").fetchone()
        return connection
    except sqlite3.Error as error:
        if connection is not None:
            connection.close()
        wal = Path(f"{path}-wal")
        if not isinstance(error, sqlite3.OperationalError) or location_writable(path) or \
                (wal.exists() and wal.stat().st_size > 0):
            raise failure(error, path) from error
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout, isolation_level=None,
                           check_same_thread=False)


def check_library_file(path: Path | str, *, check: str | None = "quick_check") -> set[str]:
    """Check, without writing, that `path` is a sound library; returns the schema steps it has.

    An empty set means an SQLite file with no tables (a brand-new library). Raises
    LibraryDamagedError for a file that is not a library or is damaged, LibraryUnavailableError
    when it cannot be read here. `check` is SQLite's page check to run: "quick_check",
    "integrity_check" (thorough, reads every index too) or None (header and schema only: cheap).
    """
    path = Path(path)
    _check_header(path)
    connection = connect_read_only(path)
    try:
        tables = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
        if MIGRATIONS_TABLE not in tables:
            if tables - {"sqlite_sequence"}:
                raise LibraryDamagedError(f"{path}: an SQLite database, but not an Annotext library")
            return set()
        rows = connection.execute(f"select name from {MIGRATIONS_TABLE} where migration_set = 'annotext'")
        applied = {row[0] for row in rows}
        if "documents" in tables:
            connection.execute("select count(*) from documents").fetchone()
        if check is not None and connection.execute(f"pragma {check}(1)").fetchone()[0] != "ok":
            raise LibraryDamagedError(f"{path}: the library file is damaged (SQLite's integrity check failed);"
                                      " restore a backup")
        return applied
    except sqlite3.Error as error:
        raise failure(error, path) from error
    finally:
        connection.close()


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite before SQLite gets a chance to treat them as empty."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise LibraryUnavailableError(f"{path}: cannot read library ({error.strerror or error})") from error
    if not header:
        raise LibraryDamagedError(f"{path}: the file is empty (0 bytes), not an Annotext library")
    if header != SQLITE_HEADER:
        raise LibraryDamagedError(f"{path}: not an Annotext library (the file is not an SQLite database)")
