"""The command line never writes an output onto the library, its side files or a backup (issue 15.1)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"


def cli(db, *args, env=None):
    environment = {**os.environ, "ANNOTEXT_MODEL": "none", **(env or {})}
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, env=environment, timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def library(tmp_path):
    db = tmp_path / "library.sqlite"
    assert cli(db, "import", SAMPLE).returncode == 0
    assert cli(db, "backup").returncode == 0
    return db


def test_export_onto_the_library_or_its_files_is_refused(library, tmp_path):
    backup = next((tmp_path / "backups").iterdir())
    link = tmp_path / "harmless.csv"
    link.symlink_to(library)
    before = {p: digest(p) for p in (library, backup)}
    for target in (library, Path(f"{library}-wal"), backup, link, tmp_path / "." / library.name):
        result = cli(library, "export", "1", "--format", "csv", "-o", target)
        assert result.returncode == 2, (target, result.stderr)
        assert "choose another file name" in result.stderr and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1
    assert {p: digest(p) for p in before} == before
    assert cli(library, "list").stdout.startswith("1\t")
    result = cli(library, "codebook", "export", library)
    assert result.returncode == 2 and digest(library) == before[library]


def test_an_ordinary_export_still_works(library, tmp_path):
    out = tmp_path / "out.csv"
    result = cli(library, "export", "1", "--format", "csv", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("document_id,document_title")
