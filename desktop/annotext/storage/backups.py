"""Backups of a library with SQLite's online backup API: consistent even while in use.

Kept in a `backups` folder next to the library, named `<library>-<UTC time>-<reason>.sqlite`.
Made before every schema migration, before a restore, and once a day when the library changed;
only the newest N are kept (ANNOTEXT_BACKUPS, default 10).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

KEEP_ENV = "ANNOTEXT_BACKUPS"
DEFAULT_KEEP = 10
DAY = 24 * 3600


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and when it was made."""

    path: Path
    made_at: datetime
    reason: str

    @property
    def label(self) -> str:
        """How the backup is listed to the analyst."""
        return f"{self.made_at.astimezone().strftime('%Y-%m-%d %H:%M')} ({self.reason}) — {self.path.name}"


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
    """Copy the open library `db` consistently into the backup folder; prunes old ones."""
    folder = backup_folder(library)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{Path(library).stem}-{stamp}-{reason}.sqlite"
    connection = db.conn if hasattr(db, "conn") else db
    destination = sqlite3.connect(str(target))
    try:
        connection.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")  # a self-contained single file
    finally:
        destination.close()
    prune(library)
    return target


def list_backups(library: Path) -> list[Backup]:
    """Backups of this library, newest first."""
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
        found.append(Backup(path, made, reason or "manual"))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def prune(library: Path) -> None:
    """Delete all but the newest `keep_count()` backups."""
    for old in list_backups(library)[keep_count():]:
        try:
            old.path.unlink()
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
