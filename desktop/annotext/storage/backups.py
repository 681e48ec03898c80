"""Backups of a library with SQLite's online backup API: consistent even while in use.

Kept in a `backups` folder next to the library, named `<library>-<UTC time>-<reason>.sqlite`.
Made before every schema migration, before a restore, and once a day when the library changed.
A backup is written to a temporary file, checked (integrity_check, schema) and only then renamed
into place, so a backup that failed half-way (full disk, kill) never appears as one. Only the newest
N sound backups are kept (ANNOTEXT_BACKUPS, default 10); unsound files are neither counted nor restored.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from annotext.core.atomic import TEMP_MARK, atomic_path, remove_quietly
from annotext.storage.errors import BackupUnusableError, LibraryError
from annotext.storage.integrity import check_library_file, failure
from annotext.storage.migrations import known_migrations

KEEP_ENV = "ANNOTEXT_BACKUPS"
DEFAULT_KEEP = 10
DAY = 24 * 3600
STALE_TEMPORARY = 3600  # a temporary backup file this old belongs to a backup that was killed


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file, when it was made, and what is wrong with it ("" when it can be restored)."""

    path: Path
    made_at: datetime
    reason: str
    problem: str = ""

    @property
    def usable(self) -> bool:
        """True when the backup can be restored by this version."""
        return not self.problem

    @property
    def label(self) -> str:
        """How the backup is listed to the analyst."""
        label = f"{self.made_at.astimezone().strftime('%Y-%m-%d %H:%M')} ({self.reason}) — {self.path.name}"
        return f"{label} [cannot be restored: {self.problem}]" if self.problem else label


def backup_folder(library: Path) -> Path:
    """Where a library's backups live."""
    return Path(library).parent / "backups"


def keep_count() -> int:
    """How many backups to keep (configurable with ANNOTEXT_BACKUPS)."""
    try:
        return max(1, int(os.environ.get(KEEP_ENV, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def make_backup(db, library: Path, reason: str = "manual") -> Path:
    """Copy the open library `db` consistently into the backup folder; prunes old ones.

    The copy only takes its final name once it has been written, fsynced and verified; on failure
    (full disk, read-only folder) nothing is left behind and the error names the backup folder.
    """
    folder = backup_folder(library)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{Path(library).stem}-{stamp}-{reason}.sqlite"
    connection = db.conn if hasattr(db, "conn") else db
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(target, verify=verify_backup) as temporary:
            destination = sqlite3.connect(str(temporary))
            try:
                connection.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")  # a self-contained single file
            finally:
                destination.close()
    except (OSError, sqlite3.Error) as error:
        problem = failure(error, target)
        raise type(problem)(f"the backup could not be written ({problem}); the library itself is unchanged") \
            from error
    except BackupUnusableError as error:
        reason = str(error).split(": ", 1)[-1]  # the temporary file's name means nothing to the analyst
        raise LibraryError(f"{target}: the backup failed its check ({reason}); it was not kept, and the library"
                           " itself is unchanged") from error
    prune(library)
    return target


def verify_backup(path: Path) -> set[str]:
    """Raise BackupUnusableError unless `path` is a sound Annotext library this version can restore.

    Runs SQLite's full integrity_check and checks the schema: an empty database, a foreign one, a
    damaged one or one made by a newer Annotext is never a backup. Returns its schema steps.
    """
    try:
        applied = check_library_file(path, check="integrity_check")
    except LibraryError as error:
        raise BackupUnusableError(str(error)) from error
    if not applied:
        raise BackupUnusableError(f"{path}: an empty database, not a backup of an Annotext library")
    unknown = applied - set(known_migrations())
    if unknown:
        raise BackupUnusableError(f"{path}: made by a newer Annotext (schema steps {', '.join(sorted(unknown))});"
                                  " update Annotext to restore it")
    return applied


def list_backups(library: Path, *, include_unusable: bool = False) -> list[Backup]:
    """Backups of this library, newest first; those that cannot be restored only with `include_unusable`.

    Each file gets a cheap check (header and schema), so an empty, foreign or half-written file never
    counts as a backup; every backup was fully verified when made, and restoring verifies it again.
    """
    folder = backup_folder(library)
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{Path(library).stem}-"
    for path in folder.glob(f"{prefix}*.sqlite"):
        rest = path.stem[len(prefix):]
        stamp, _, reason = rest.partition("-")
        try:
            made = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        backup = Backup(path, made, reason or "manual", _quick_problem(path))
        if backup.usable or include_unusable:
            found.append(backup)
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def prune(library: Path) -> None:
    """Keep the newest `keep_count()` sound backups; delete older sound ones, empty files and the
    temporaries of killed backups. A damaged non-empty file is left for the analyst to judge."""
    for old in list_backups(library)[keep_count():]:
        remove_quietly(old.path)
    folder = backup_folder(library)
    for backup in list_backups(library, include_unusable=True):
        if not backup.usable and _size(backup.path) == 0:
            remove_quietly(backup.path)
    for temporary in folder.glob(f".{Path(library).stem}{TEMP_MARK}*"):
        try:
            if time.time() - temporary.stat().st_mtime > STALE_TEMPORARY:
                temporary.unlink()
        except OSError:
            pass


def daily_backup_if_changed(db, library: Path) -> Path | None:
    """Once a day, when the library changed since the newest backup, make one."""
    backups = list_backups(library)
    newest = backups[0].made_at.timestamp() if backups else 0.0
    if time.time() - newest < DAY:
        return None
    changed = max((p.stat().st_mtime for p in (Path(library), Path(f"{library}-wal")) if p.exists()), default=0.0)
    if backups and changed <= newest:
        return None
    return make_backup(db, library, "daily")


def _quick_problem(path: Path) -> str:
    try:
        applied = check_library_file(path, check=None)
    except LibraryError as error:
        return str(error).removeprefix(f"{path}: ")
    if not applied:
        return "an empty database"
    if applied - set(known_migrations()):
        return "made by a newer Annotext"
    return ""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1
