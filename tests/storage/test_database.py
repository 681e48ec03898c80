"""Opening libraries: pragmas, migrations, refusal of non-libraries, read-only for newer files."""

import sqlite3

import pytest

from annotext.storage.database import integrity_ok, open_database
from annotext.storage.errors import LibraryError
from annotext.storage.migrations import known_migrations


def test_new_library_has_schema_and_pragmas(tmp_path):
    db, read_only = open_database(tmp_path / "lib.sqlite")
    assert not read_only
    assert {"documents", "analyses", "spans", "_sqlite_migrations"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert integrity_ok(db)
    applied = [r[0] for r in db.execute("select name from _sqlite_migrations order by id")]
    assert applied == known_migrations()


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "lib.sqlite"
    open_database(path)[0].conn.close()
    db, _ = open_database(path)
    assert db.execute("select count(*) from _sqlite_migrations").fetchone()[0] == len(known_migrations())


def test_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not an SQLite database"):
        open_database(path)
    assert path.read_bytes() == before


def test_corrupt_library_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite"
    open_database(path)[0].conn.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryError, match=str(path.name)):
        open_database(path)


def test_library_from_newer_version_opens_read_only(tmp_path):
    path = tmp_path / "lib.sqlite"
    db, _ = open_database(path)
    db["_sqlite_migrations"].insert({"migration_set": "annotext", "name": "m999_future", "applied_at": "x"})
    db.conn.close()
    db, read_only = open_database(path)
    assert read_only
    with pytest.raises(sqlite3.OperationalError):
        db.execute("insert into documents (title, text, sha256, imported_at) values ('a','b','c','d')")
