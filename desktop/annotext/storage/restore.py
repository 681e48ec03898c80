"""Putting a backup back: into the live library file, or in place of a library that cannot be opened.

Separate from annotext.storage.backups (which only makes and lists backups) because restoring has to
open and probe libraries: annotext.storage.database depends on backups (a backup before every
migration), and restore depends on both.

The rule for both paths: nothing is moved or replaced until the replacement has been written and
verified; a restore that fails at any step leaves every file where and as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from annotext.core.atomic import atomic_path, fsync_folder, remove_quietly
from annotext.storage.backups import make_backup, verify_backup
from annotext.storage.database import open_database
from annotext.storage.errors import LibraryDamagedError, LibraryReadOnlyError
from annotext.storage.integrity import check_library_file, failure
from annotext.storage.library_files import side_files


def restore_backup(library: Path, backup: Path) -> Path | None:
    """Replace the library's content with a backup's; returns where the state before is kept
    (a safety backup, or the damaged file set aside; None when there was no library at all).

    A sound library gets the backup through SQLite's backup API into the live file (other
    connections see a consistent database) after a safety backup; a missing, empty or damaged one
    is replaced whole by replace_damaged_library.
    """
    library, backup = Path(library), Path(backup)
    verify_backup(backup)  # refuse an empty, damaged or newer backup before touching anything
    if not library.exists() or library.stat().st_size == 0:
        return replace_damaged_library(library, backup)
    try:
        check_library_file(library)
    except LibraryDamagedError:
        return replace_damaged_library(library, backup)
    db, read_only = open_database(library, migrate=False)
    try:
        if read_only:
            raise LibraryReadOnlyError(f"{library}: {read_only}; it cannot be restored over")
        safety = make_backup(db, library, "before-restore")
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(db.conn)  # one transaction on the library: all of it or nothing
        except sqlite3.Error as error:
            raise failure(error, library) from error
        finally:
            source.close()
    finally:
        db.conn.close()
    return safety


def replace_damaged_library(library: Path, backup: Path) -> Path | None:
    """Put a backup in place of a library that cannot be opened; returns where the damaged file was
    kept (None when there was none).

    Order matters: (1) the backup is copied next to the library and verified, (2) the damaged file
    and its -wal/-shm are renamed aside (renames need no space), (3) the copy is renamed into place.
    Any failure undoes the renames and removes the copy, so the library is never left missing or empty.
    """
    library, backup = Path(library), Path(backup)
    verify_backup(backup)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    staged = library.with_name(f".{library.name}.restoring-{stamp}")
    try:
        with atomic_path(staged, verify=verify_backup) as temporary:
            shutil.copyfile(backup, temporary)
    except OSError as error:
        raise failure(error, library) from error
    moved: list[tuple[Path, Path]] = []
    kept = None
    try:
        for side in side_files(library):
            if side.exists():
                aside = side.with_name(f"{side.name}.damaged-{stamp}")
                os.rename(side, aside)
                moved.append((side, aside))
        if library.exists():
            kept = library.with_name(f"{library.stem}.damaged-{stamp}{library.suffix}")
            os.rename(library, kept)
            moved.append((library, kept))
        os.replace(staged, library)
    except OSError as error:
        for original, aside in reversed(moved):
            try:
                os.rename(aside, original)
            except OSError:
                pass
        remove_quietly(staged)
        raise failure(error, library) from error
    fsync_folder(library.parent)
    return kept
