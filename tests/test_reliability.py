"""Reliability guarantees (docs/reliability.md): damaged or foreign files untouched, backups,
crash safety of imports and analyses, concurrent instances, offline operation, fuzzed decoding."""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotext.application.library import Library
from annotext.importers import ImportFailed, import_file
from annotext.storage.backups import daily_backup_if_changed, list_backups, make_backup
from annotext.storage.errors import LibraryError

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"


def cli(db, *args, env=None):
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def fingerprint(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


def make_library(path: Path) -> None:
    library = Library(path)
    library.ensure_sample()
    library.db.conn.close()


@pytest.mark.parametrize("damage", ["not sqlite", "foreign sqlite", "damaged pages", "newer"])
def test_bad_library_files_are_reported_and_never_modified(tmp_path, damage):
    db = tmp_path / "lib.sqlite"
    if damage == "not sqlite":
        db.write_bytes(b"%PDF-1.4 definitely not a database" * 100)
    elif damage == "foreign sqlite":
        connection = sqlite3.connect(db)
        connection.execute("create table invoices (id integer primary key, amount real)")
        connection.commit()
        connection.close()
    else:
        make_library(db)
        connection = sqlite3.connect(db)
        if damage == "newer":
            connection.execute("insert into _sqlite_migrations (migration_set, name, applied_at)"
                               " values ('annotext', 'm999_from_the_future', 'x')")
            connection.commit()
            connection.execute("pragma wal_checkpoint(truncate)")
        connection.close()
        if damage == "damaged pages":
            data = bytearray(db.read_bytes())
            for offset in range(4096 * 3, len(data), 4096):  # scribble over later pages
                data[offset + 8:offset + 200] = os.urandom(192)
            db.write_bytes(bytes(data))
    before = fingerprint(db)
    for args in (("list",), ("annotate", 1, "--start", 0, "--end", 3), ("import", SAMPLE)):
        result = cli(db, *args)
        assert result.returncode == 1, (damage, args, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and str(db) in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(db) == before
    if damage == "newer":
        assert "newer version" in result.stderr
        library = Library(db)  # the GUI opens it read-only
        assert library.read_only and library.documents()
        with pytest.raises(LibraryError):
            library.import_file(SAMPLE)
        library.db.conn.close()
        assert fingerprint(db)[0] == before[0]


def test_backup_before_migration_daily_and_kept_count(tmp_path, monkeypatch):
    db = tmp_path / "lib.sqlite"
    from annotext.storage.migrations import migrations

    from sqlite_utils import Database

    older = Database(db)  # a library made by the version before the last schema step
    migrations.apply(older, stop_before=migrations._migrations[-1].name)
    older["documents"].insert({"title": "Old", "text": "An old text.\n", "sha256": "x",
                               "imported_at": "2026-01-01T00:00:00+00:00"})
    older.conn.close()
    library = Library(db)
    assert [b.reason for b in list_backups(db)] == ["before-migration"]
    backup = list_backups(db)[0].path
    copy = sqlite3.connect(backup)
    assert copy.execute("select count(*) from documents").fetchone()[0] == 1
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    copy.close()
    assert daily_backup_if_changed(library.db, db) is None  # a backup from today exists
    monkeypatch.setenv("ANNOTEXT_BACKUPS", "3")
    for _ in range(5):
        make_backup(library.db, db, "manual")
    assert len(list_backups(db)) == 3
    library.close()


def test_daily_backup_on_close_when_changed(tmp_path):
    db = tmp_path / "lib.sqlite"
    library = Library(db)
    library.ensure_sample()
    library.close()
    assert [b.reason for b in list_backups(db)] == ["daily"]


def test_cli_backup_and_restore_round_trip(tmp_path):
    db = tmp_path / "lib.sqlite"
    cli(db, "import", SAMPLE)
    assert cli(db, "backup").returncode == 0
    assert cli(db, "annotate", 1, "--start", 0, "--end", 2, "--comment", "after backup").returncode == 0
    listing = cli(db, "restore").stdout.strip().split("\n")
    assert listing[0].startswith("1\t")
    result = cli(db, "restore", "1")
    assert result.returncode == 0 and "previous state is kept" in result.stdout
    assert cli(db, "list").stdout.strip().endswith("\t0")
    assert cli(db, "restore", "99").returncode == 2


def test_restoring_over_a_damaged_library(tmp_path):
    from annotext.storage.restore import replace_damaged_library

    db = tmp_path / "lib.sqlite"
    make_library(db)
    library = Library(db)
    backup = library.backup()
    library.db.conn.close()
    db.write_bytes(b"garbage" * 1000)
    replace_damaged_library(db, backup)
    assert Library(db).documents()[0].title.startswith("Xi, Putin")
    assert list(tmp_path.glob("lib.damaged-*.sqlite"))


WRITER = r"""
import sys
from annotext.analysis.analyser import Analyser
from annotext.core.document import Document
from annotext.application.library import Library
library = Library(sys.argv[1])
analyser = Analyser()  # quotes only: fast, and analyses are still written with their spans
text = open(sys.argv[2], encoding="utf-8").read()
for i in range(10**6):
    doc = library.add_document(Document(title=f"copy {sys.argv[3]}-{i}", text=text + f"\n(copy {i})\n", source=f"{sys.argv[3]}-{i}"))
    print("doc", doc, flush=True)
    result = library.analyse(doc, analyser)
    print("analysis", doc, len(result.quotes), flush=True)
"""


def test_sigkill_during_imports_and_analyses(tmp_path):
    db = tmp_path / "lib.sqlite"
    Library(db).db.conn.close()
    rng = random.Random(11)
    documents, analyses = set(), {}
    for trial in range(12):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(SAMPLE), str(trial)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stdout.readline().startswith("doc"), process.stderr.read()
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        for line in ["doc 0"] + out.split("\n"):
            parts = line.split()
            if len(parts) == 2 and parts[0] == "doc" and parts[1] != "0":
                documents.add(int(parts[1]))
            if len(parts) == 3:
                analyses[int(parts[1])] = int(parts[2])
    library = Library(db)
    stored = {d.id for d in library.documents()}
    assert documents <= stored
    for doc_id in stored:  # no half document: the text hashes to its stored hash
        document = library.document(doc_id)
        row = library.db.execute("select sha256 from documents where id = ?", [doc_id]).fetchone()
        assert row[0] == document.sha256
    for doc_id, quotes in analyses.items():  # every reported analysis is complete
        result = library.stored_result(library.document(doc_id))
        assert result is not None and len(result.quotes) == quotes
    assert library.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    library.db.conn.close()


def test_second_instance_sees_changes_after_refresh(tmp_path):
    from annotext.application.edits import AddAnnotation

    db = tmp_path / "lib.sqlite"
    first, second = Library(db), Library(db)
    doc = first.ensure_sample()
    assert [d.id for d in second.documents()] == [doc]
    second.apply(AddAnnotation(second.annotations.new_annotation(doc, 0, 5, [], "from the other window")))
    assert [a.comment for a in first.annotations.annotations(doc)] == ["from the other window"]
    first.db.conn.close()
    second.db.conn.close()


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not available")
def test_analysis_and_export_work_without_any_network(tmp_path):
    db = tmp_path / "lib.sqlite"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot create a network namespace here")
    base = ["unshare", "-n", sys.executable, "-m", "annotext", "--db", str(db)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    assert subprocess.run(base + ["import", str(SAMPLE)], env=env, capture_output=True).returncode == 0
    analysed = subprocess.run(["unshare", "-n", sys.executable, "-m", "annotext", "analyze", str(SAMPLE), "--json"],
                              env=env, capture_output=True, text=True)
    assert analysed.returncode == 0 and '"Joe Webster"' in analysed.stdout
    for fmt in ("html", "pdf", "docx"):
        run = subprocess.run(base + ["export", "1", "--format", fmt, "-o", str(tmp_path / f"r.{fmt}")], env=env,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx", ".epub"]))
def test_random_bytes_import_or_are_refused_cleanly(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    try:
        document = import_file(path)
    except ImportFailed as error:
        assert str(path) in str(error) and "\n" not in str(error)
    else:
        assert document.text.strip() and "\r" not in document.text
