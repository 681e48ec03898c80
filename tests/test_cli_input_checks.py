"""Refused input leaves nothing behind and says why in one line (issue 15.17): a reversed range makes
no tags, --occurrence 0 is refused, export --all on an empty library, a read-only library file on a
write, a codebook nested thousands deep, and tag names with commas selected with --tags/--tag."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotext.storage import integrity

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"


def cli(db, *args):
    environment = {**os.environ, "ANNOTEXT_MODEL": "none"}
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, env=environment, timeout=300)


def count(db: Path, table: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library.sqlite"
    assert cli(path, "import", SAMPLE).returncode == 0
    return path


def test_a_refused_passage_creates_none_of_its_tags(db):
    result = cli(db, "annotate", 1, "--start", 50, "--end", 10, "--tag", "brand-new", "--tag", "other-new")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert count(db, "tags") == 0 and count(db, "annotations") == 0
    too_long = cli(db, "annotate", 1, "--start", 0, "--end", 5, "--tag", "new", "--comment", "x" * 20_001)
    assert too_long.returncode == 2 and count(db, "tags") == 0


def test_occurrence_zero_is_refused(db):
    result = cli(db, "annotate", 1, "--quote", "Putin", "--occurrence", "0", "--tag", "t")
    assert result.returncode == 2 and "0 is not in the range" in result.stderr
    assert count(db, "annotations") == 0 and count(db, "tags") == 0
    assert cli(db, "annotate", 1, "--quote", "Putin", "--occurrence", "1").returncode == 0


def test_export_all_on_an_empty_library_says_so(tmp_path):
    db = tmp_path / "empty.sqlite"
    out = tmp_path / "out.csv"
    result = cli(db, "export", "--all", "--format", "csv", "-o", out)
    assert result.returncode == 2 and "no documents to export" in result.stderr and "use --all" not in result.stderr
    assert not out.exists()


def test_tag_names_with_commas_can_be_selected(db, tmp_path, monkeypatch):
    from annotext.cli import main
    from annotext.export import run as export_run

    for start, end, name in [(0, 2, "Economy, trade"), (3, 8, "Economy"), (9, 12, "trade")]:
        assert cli(db, "annotate", 1, "--start", start, "--end", end, "--tag", name).returncode == 0
    ids = {row[1]: row[0] for row in sqlite3.connect(db).execute("select id, name from tags")}
    chosen = []
    monkeypatch.setattr(export_run, "export", lambda items, tags, fmt, path, options, **kw: chosen.append(options.tag_ids))

    def selected(*selection):
        result = CliRunner().invoke(main, ["--db", str(db), "export", "1", "--format", "md", "-o",
                                           str(tmp_path / "out.md"), *selection])
        assert result.exit_code == 0, result.output
        return {name for name, tag_id in ids.items() if tag_id in chosen[-1]}

    assert selected("--tags", "Economy\\, trade") == {"Economy, trade"}
    assert selected("--tag", "Economy, trade") == {"Economy, trade"}
    assert selected("--tags", "Economy,trade") == {"Economy", "trade"}
    assert selected("--tags", "Economy", "--tags", "Economy\\, trade") == {"Economy", "Economy, trade"}
    assert selected("--tags", "Economy, trade") == {"Economy", "trade"}  # an unescaped comma separates


def test_deeply_nested_codebook_is_one_clear_line(db, tmp_path):
    depth = 5000
    qdc = tmp_path / "deep.qdc"
    qdc.write_text('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                   + "".join(f'<Code guid="g{i}" name="c{i}" isCodable="true">' for i in range(depth))
                   + "</Code>" * depth + "</Codes></CodeBook>", encoding="utf-8")
    result = cli(db, "codebook", "import", qdc)
    assert result.returncode == 2 and "nested more than" in result.stderr
    assert "RecursionError" not in result.stderr and result.stderr.count("\n") == 1
    assert count(db, "tags") == 0


def test_a_read_only_library_file_gives_one_line_on_writes(db, monkeypatch):
    """Root ignores file modes, so the read-only file is injected where Annotext asks (os.access)."""
    from annotext.cli import main

    real_access = os.access
    monkeypatch.setattr(integrity.os, "access",
                        lambda path, mode: False if Path(path) == db and mode == os.W_OK else real_access(path, mode))
    before = db.read_bytes()
    runner = CliRunner()
    write = runner.invoke(main, ["--db", str(db), "annotate", "1", "--start", "0", "--end", "3", "--tag", "x"])
    assert write.exit_code == 1 and "read-only" in write.output and "Traceback" not in write.output
    read = runner.invoke(main, ["--db", str(db), "list"])
    assert read.exit_code == 0 and read.output.count("\n") >= 1
    assert db.read_bytes() == before


def test_sqlite_refusing_a_write_mid_command_is_named_not_internal(db, monkeypatch):
    from annotext.application.library import Library
    from annotext.cli import main

    def refuse(self, edit):
        error = sqlite3.OperationalError("attempt to write a readonly database")
        error.sqlite_errorcode, error.sqlite_errorname = 8, "SQLITE_READONLY"
        raise error

    monkeypatch.setattr(Library, "apply", refuse)
    result = CliRunner().invoke(main, ["--db", str(db), "annotate", "1", "--start", "0", "--end", "3"])
    assert result.exit_code == 1 and "read-only" in result.output and "internal error" not in result.output
