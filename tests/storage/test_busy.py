"""Another process holding the write lock: writers wait the documented 10 s busy timeout (plus
retries), then say the library is busy in another window; never "internal error" (issue 15.16)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotext.application.library import Library
from annotext.storage.errors import LibraryBusyError
from annotext.storage.integrity import BUSY_MESSAGE, BUSY_TIMEOUT_MS
from annotext.storage.retry import with_retry

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "xi-putin-summit.txt"
HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def cli(db, *args):
    environment = {**os.environ, "ANNOTEXT_MODEL": "none"}
    return subprocess.Popen([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library.sqlite"
    library = Library(path)
    library.import_file(SAMPLE)
    library.db.conn.close()
    (tmp_path / "other.txt").write_text("A second article.\n\nWith a paragraph.\n", encoding="utf-8")
    return path


def test_writers_wait_the_busy_timeout_then_say_busy_and_write_nothing(db):
    holder = hold_write_lock(db, BUSY_TIMEOUT_MS / 1000 + 12)
    try:
        started = time.monotonic()
        runs = [cli(db, "annotate", 1, "--start", 0, "--end", 5, "--tag", "new-tag"),
                cli(db, "import", db.parent / "other.txt")]
        outputs = [run.communicate(timeout=120) for run in runs]
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    for run, (_out, err) in zip(runs, outputs):
        assert run.returncode in (1, 2), err  # import goes on to the next file and exits 2 at the end
        assert err.strip().endswith(BUSY_MESSAGE) and err.count("\n") == 1, err
        assert "internal error" not in err and "Traceback" not in err
    assert elapsed >= BUSY_TIMEOUT_MS / 1000 * 0.95  # the documented timeout was honoured
    check = sqlite3.connect(db)
    assert check.execute("select count(*) from tags").fetchone()[0] == 0
    assert check.execute("select count(*) from documents").fetchone()[0] == 1
    check.close()


def test_a_writer_waits_for_a_short_lock_and_then_succeeds(db):
    holder = hold_write_lock(db, 2)
    run = cli(db, "annotate", 1, "--start", 0, "--end", 5, "--tag", "waited")
    out, err = run.communicate(timeout=120)
    holder.wait()
    assert run.returncode == 0, err
    assert out.startswith("1\t0\t5\t")


def test_retry_gives_up_with_a_named_error_once_patience_runs_out():
    calls = []

    def always_busy():
        calls.append(time.monotonic())
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(LibraryBusyError, match="busy in another window"):
        with_retry(always_busy, patience=0.3)
    assert len(calls) >= 2
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        with_retry(lambda: (_ for _ in ()).throw(sqlite3.OperationalError("no such table: x")))
