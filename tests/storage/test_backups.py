"""Backups only count once written and verified; restore refuses what is not a sound backup (issue 15.5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotext.application.library import Library
from annotext.storage import backups as backups_module
from annotext.storage.backups import backup_folder, list_backups, verify_backup
from annotext.storage.errors import BackupUnusableError, LibraryError, LibraryUnavailableError
from annotext.storage.restore import restore_backup

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "xi-putin-summit.txt"


def titles(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("select title from documents order by id")]
    finally:
        connection.close()


def sample_library(path: Path) -> Library:
    library = Library(path)
    library.import_file(SAMPLE)
    return library


def test_backup_on_a_full_disk_leaves_nothing_and_rotation_keeps_the_last_good_one(small_disk, monkeypatch):
    monkeypatch.setenv("ANNOTEXT_BACKUPS", "1")
    db = small_disk.path / "library.sqlite"
    library = sample_library(db)
    good = library.backup()
    small_disk.fill()
    with pytest.raises(LibraryUnavailableError) as caught:
        library.backup()
    assert "disk is full" in str(caught.value) and "library itself is unchanged" in str(caught.value)
    assert sorted(p.name for p in backup_folder(db).iterdir()) == [good.name]  # no 0-byte file, no temporary
    assert [b.path for b in list_backups(db)] == [good]
    small_disk.make_room()
    newer = library.backup()
    assert [b.path for b in list_backups(db)] == [newer] and not good.exists()
    library.close()


def test_a_backup_that_fails_its_check_never_takes_the_name(tmp_path, monkeypatch):
    library = sample_library(tmp_path / "library.sqlite")

    def damaging_check(path):
        path.write_bytes(b"")  # what a failed write leaves: an empty file
        return verify_backup(path)

    monkeypatch.setattr(backups_module, "verify_backup", damaging_check)
    with pytest.raises(LibraryError, match="failed its check"):
        library.backup()
    assert list(backup_folder(library.path).iterdir()) == []
    library.close()


def test_empty_and_damaged_files_are_not_listed_counted_or_restored(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTEXT_BACKUPS", "2")
    db = tmp_path / "library.sqlite"
    library = sample_library(db)
    first, second = library.backup(), library.backup()
    folder = backup_folder(db)
    empty = folder / "library-29990101T000000000000Z-manual.sqlite"  # newest by name, 0 bytes
    empty.write_bytes(b"")
    damaged = folder / "library-29980101T000000000000Z-manual.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert [b.path for b in list_backups(db)] == [second, first]
    problems = {b.path: b.problem for b in list_backups(db, include_unusable=True) if not b.usable}
    assert set(problems) == {empty, damaged} and "empty" in problems[empty]
    third = library.backup()
    assert [b.path for b in list_backups(db)] == [third, second]  # rotation counted sound backups only
    assert not empty.exists() and damaged.exists()  # nothing to lose in 0 bytes; a damaged file is left
    library.close()


@pytest.mark.parametrize("kind", ["zero bytes", "empty database", "newer schema", "not a library"])
def test_restore_refuses_what_is_not_a_backup_and_leaves_the_library_alone(tmp_path, kind):
    db = tmp_path / "library.sqlite"
    library = sample_library(db)
    good = library.backup()
    library.close()
    bad = tmp_path / "suspect.sqlite"
    if kind == "zero bytes":
        bad.write_bytes(b"")
    elif kind == "empty database":
        sqlite3.connect(bad).execute("pragma user_version = 1").connection.close()
        assert bad.stat().st_size > 0
    elif kind == "newer schema":
        bad.write_bytes(good.read_bytes())
        connection = sqlite3.connect(bad)
        connection.execute("insert into _sqlite_migrations (migration_set, name, applied_at)"
                           " values ('annotext', 'm999_from_the_future', 'x')")
        connection.commit()
        connection.close()
    else:
        connection = sqlite3.connect(bad)
        connection.execute("create table invoices (id integer primary key)")
        connection.commit()
        connection.close()
    before = db.read_bytes()
    with pytest.raises(BackupUnusableError) as caught:
        restore_backup(db, bad)
    expected = {"zero bytes": "empty (0 bytes)", "empty database": "an empty database",
                "newer schema": "made by a newer Annotext", "not a library": "not an Annotext library"}[kind]
    assert expected in str(caught.value)
    assert db.read_bytes() == before and [b.path for b in list_backups(db)] == [good]


def test_restore_puts_back_a_verified_backup(tmp_path):
    db = tmp_path / "library.sqlite"
    library = sample_library(db)
    good = library.backup()
    (tmp_path / "extra.txt").write_text("Another article.\n\nIt has text.\n", encoding="utf-8")
    library.import_file(tmp_path / "extra.txt")
    library.close()
    assert len(titles(db)) == 2
    safety = restore_backup(db, good)
    assert len(titles(db)) == 1 and len(titles(safety)) == 2


def test_cli_restore_numbers_only_sound_backups(tmp_path):
    import os
    import subprocess
    import sys

    db = tmp_path / "library.sqlite"
    library = sample_library(db)
    good = library.backup()
    library.close()
    empty = backup_folder(db) / "library-29990101T000000000000Z-manual.sqlite"
    empty.write_bytes(b"")
    listing = subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), "restore"], capture_output=True,
                             text=True, env={**os.environ, "ANNOTEXT_MODEL": "none"}, timeout=120)
    lines = listing.stdout.strip().split("\n")
    assert lines[0].startswith("1\t") and good.name in lines[0]
    assert lines[-1].startswith("-\t") and empty.name in lines[-1] and "cannot be restored" in lines[-1]
