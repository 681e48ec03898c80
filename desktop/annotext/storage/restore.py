"""Putting a backup back: into the live library file, or in place of a library that cannot be opened.

Separate from annotext.storage.backups (which only makes and lists backups) because restoring has to
open and probe libraries: annotext.storage.database depends on backups (a backup before every
migration), and restore depends on both.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from annotext.storage.backups import make_backup
from annotext.storage.database import open_database, probe


def restore_backup(library: Path, backup: Path) -> Path:
    """Replace the library's content with a backup's (the current state is backed up first).

    Uses the backup API into the live file, so other connections see a consistent database.
    Returns the safety copy of the state before the restore.
    """
    probe(Path(backup))  # refuse a damaged backup before touching anything
    db, read_only = open_database(library, migrate=False)
    try:
        safety = make_backup(db, library, "before-restore")
        source = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(db.conn)
        finally:
            source.close()
    finally:
        db.conn.close()
    return safety


def replace_damaged_library(library: Path, backup: Path) -> None:
    """Put a backup in place of a library that cannot be opened (the damaged file is kept aside)."""
    probe(backup)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    if library.exists():
        library.rename(library.with_name(f"{library.stem}.damaged-{stamp}{library.suffix}"))
    for suffix in ("-wal", "-shm"):
        side = Path(f"{library}{suffix}")
        if side.exists():
            side.rename(side.with_name(f"{side.name}.damaged-{stamp}"))
    shutil.copy2(backup, library)
