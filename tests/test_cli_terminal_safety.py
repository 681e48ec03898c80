"""No title, tag, snippet, quote or file name can send a raw escape sequence to the terminal through
any command (issue 15.12): every line goes through annotext.core.terminal_text.for_terminal."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x08")
TITLE = "Summit \x1b]0;pwned\x07 \x1b[2J\x9b31m \u202eevil\x08"


def cli(db, *args):
    environment = {**os.environ, "ANNOTEXT_MODEL": "none"}
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, env=environment, timeout=300)


def assert_clean(result):
    for stream in (result.stdout, result.stderr):
        assert not any(raw in stream for raw in RAW), repr(stream)


def test_every_command_escapes_hostile_text(tmp_path):
    db = tmp_path / "library.sqlite"
    article = tmp_path / "hostile.txt"
    body = SAMPLE.read_text(encoding="utf-8")  # enough text that a few controls do not read as binary
    article.write_text(f"{TITLE}\n\nPutin said \x1b[31mred\x1b[0m words to Xi in Beijing.\n\n{body}",
                       encoding="utf-8")
    imported = cli(db, "import", article)
    assert imported.returncode == 0, imported.stderr
    assert "Summit \\x1b]0;pwned\\x07" in imported.stdout
    connection = sqlite3.connect(db)  # a tag from an older version, before names refused controls
    connection.execute("insert into tags (name, colour, guid) values (?, '#ff0000', 'g1')",
                       ["bad\x1b]0;tag\x07"])
    connection.commit()
    connection.close()
    results = [
        imported,
        cli(db, "list"),
        cli(db, "tags"),
        cli(db, "search", "Putin"),
        cli(db, "search", "pwned"),
        cli(db, "annotate", "1", "--quote", "\x1b[31mred", "--comment", "c\x1b]0;x\x07"),
        cli(db, "analyze", article),
        cli(db, "analyze", "--json", article),
        cli(db, "import", tmp_path / "missing\x1b]0;name\x07.txt"),
        cli(db, "export", "1", "--format", "csv", "-o", tmp_path / "out\x1b[2J.csv"),
        cli(db, "backup"),
        cli(db, "restore"),
    ]
    for result in results:
        assert_clean(result)
    assert "bad\\x1b]0;tag\\x07" in results[2].stdout
    assert results[5].returncode == 0 and "\\x1b[31mred" in results[5].stdout
    assert results[8].returncode == 2 and "missing\\x1b]0;name\\x07.txt" in results[8].stderr
    parsed = json.loads(results[7].stdout)
    assert parsed["text"].startswith(TITLE)  # JSON keeps the data exactly, only its spelling is safe
