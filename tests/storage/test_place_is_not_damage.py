"""A healthy library on a full disk or in a read-only place is never called damaged, never moved, and
never replaced by an empty one; a recovery that fails leaves every file where it was (issue 15.4)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotext.application.library import Library
from annotext.storage import restore as restore_module
from annotext.storage.database import READ_ONLY_PLACE, open_database
from annotext.storage.errors import (LibraryDamagedError, LibraryReadOnlyError, LibraryUnavailableError)
from annotext.storage.integrity import failure
from annotext.storage.restore import replace_damaged_library, restore_backup

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "xi-putin-summit.txt"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(db, *args):
    environment = {**os.environ, "ANNOTEXT_MODEL": "none"}
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, env=environment, timeout=120)


def closed_library(path: Path) -> Path:
    library = Library(path)
    library.import_file(SAMPLE)
    library.db.conn.close()  # no daily backup: the tests control what is on the disk
    return path


def test_read_only_mount_opens_read_only_with_every_document_and_refuses_writes(small_disk):
    db = closed_library(small_disk.path / "library.sqlite")
    before = digest(db)
    small_disk.read_only()
    library = Library(db)
    assert library.read_only == READ_ONLY_PLACE
    assert [d.title for d in library.documents()][0].startswith("Xi, Putin")
    with pytest.raises(LibraryReadOnlyError, match="read-only"):
        library.import_file(SAMPLE)
    library.close()
    listing = cli(db, "list")
    assert listing.returncode == 0 and listing.stdout.startswith("1\t"), listing.stderr
    write = cli(db, "annotate", 1, "--start", 0, "--end", 2, "--tag", "x")
    assert write.returncode == 1 and "read-only" in write.stderr and "damaged" not in write.stderr
    assert write.stderr.count("\n") == 1 and "Traceback" not in write.stderr
    small_disk.read_only(False)
    assert digest(db) == before and sorted(p.name for p in small_disk.path.iterdir()) == ["library.sqlite"]


def test_full_disk_is_named_as_such_not_damage(small_disk):
    db = closed_library(small_disk.path / "library.sqlite")
    before = digest(db)
    small_disk.fill()
    result = cli(db, "list")
    assert result.returncode == 1, result.stdout
    assert "disk is full" in result.stderr and "damaged" not in result.stderr and "restore" not in result.stderr
    with pytest.raises(LibraryUnavailableError):
        Library(db)
    small_disk.make_room()
    assert digest(db) == before
    assert cli(db, "list").stdout.startswith("1\t")


def test_a_recovery_on_a_full_disk_moves_nothing_and_never_leaves_an_empty_library(small_disk):
    db = small_disk.path / "library.sqlite"
    library = Library(db)
    library.import_file(SAMPLE)
    backup = library.backup()
    library.db.conn.close()
    db.write_bytes(b"SQLite format 3\x00" + b"\xee" * 60_000)  # damaged
    damaged = digest(db)
    small_disk.fill()
    with pytest.raises(LibraryUnavailableError, match="disk is full"):
        replace_damaged_library(db, backup)
    names = sorted(p.name for p in small_disk.path.iterdir())
    assert names == ["backups", "filler.bin", "library.sqlite"] and digest(db) == damaged
    small_disk.make_room()
    with pytest.raises(LibraryDamagedError):  # still the damaged file, never a silent empty library
        open_database(db)
    assert digest(db) == damaged
    replace_damaged_library(db, backup)
    assert Library(db).documents()[0].title.startswith("Xi, Putin")
    assert len(list(small_disk.path.glob("library.damaged-*.sqlite"))) == 1


def test_a_rename_failing_half_way_is_undone(tmp_path, monkeypatch):
    db = tmp_path / "library.sqlite"
    library = Library(db)
    library.import_file(SAMPLE)
    backup = library.backup()
    library.db.conn.close()
    db.write_bytes(b"garbage" * 1000)
    Path(f"{db}-wal").write_bytes(b"old wal")
    real_replace = os.replace

    def failing_replace(source, destination):
        if Path(destination) == db:
            raise OSError(5, "Input/output error")
        return real_replace(source, destination)

    monkeypatch.setattr(restore_module.os, "replace", failing_replace)
    with pytest.raises(LibraryUnavailableError):
        replace_damaged_library(db, backup)
    assert db.read_bytes() == b"garbage" * 1000 and Path(f"{db}-wal").read_bytes() == b"old wal"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "library.sqlite", "library.sqlite-wal"]


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_a_lost_library_with_backups_is_reported_not_recreated_empty(tmp_path, state):
    db = tmp_path / "library.sqlite"
    library = Library(db)
    library.import_file(SAMPLE)
    library.backup()
    library.db.conn.close()
    for path in [db, Path(f"{db}-wal"), Path(f"{db}-shm")]:
        path.unlink(missing_ok=True)
    if state == "empty":
        db.write_bytes(b"")
    with pytest.raises(LibraryDamagedError, match="backup"):
        Library(db)
    assert db.exists() == (state == "empty") and (not db.exists() or db.stat().st_size == 0)
    result = cli(db, "list")
    assert result.returncode == 1 and f"is {'missing' if state == 'missing' else 'empty'}" in result.stderr
    assert cli(db, "restore", "1").returncode == 0
    assert cli(db, "list").stdout.startswith("1\t")


def test_restore_into_a_read_only_place_is_refused_untouched(small_disk):
    db = small_disk.path / "library.sqlite"
    library = Library(db)
    library.import_file(SAMPLE)
    backup = library.backup()
    library.close()
    before = digest(db)
    small_disk.read_only()
    with pytest.raises(LibraryUnavailableError):
        restore_backup(db, backup)
    small_disk.read_only(False)
    assert digest(db) == before


@pytest.mark.parametrize("code, name, kind", [
    (13, "SQLITE_FULL", LibraryUnavailableError), (8, "SQLITE_READONLY", LibraryUnavailableError),
    (5, "SQLITE_BUSY", LibraryUnavailableError), (11, "SQLITE_CORRUPT", LibraryDamagedError),
    (26, "SQLITE_NOTADB", LibraryDamagedError)])
def test_sqlite_errors_are_sorted_into_place_or_damage(tmp_path, code, name, kind):
    error = sqlite3.OperationalError("boom")
    error.sqlite_errorcode, error.sqlite_errorname = code, name
    assert isinstance(failure(error, tmp_path / "library.sqlite"), kind)
    assert not isinstance(failure(OSError(28, "No space left on device"), tmp_path / "x"), LibraryDamagedError)


def test_a_constraint_error_is_neither_damage_nor_the_place(tmp_path):
    error = sqlite3.IntegrityError("UNIQUE constraint failed: tags.name")
    error.sqlite_errorcode, error.sqlite_errorname = 2067, "SQLITE_CONSTRAINT_UNIQUE"
    result = failure(error, tmp_path / "library.sqlite")
    assert not isinstance(result, (LibraryDamagedError, LibraryUnavailableError)) and "UNIQUE" in str(result)
