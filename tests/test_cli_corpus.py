"""`annotext import DIR`, `attr`, `analyze-all`, `corpus …` and `export --corpus` from the shell."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

from tests.corpus_articles import build_library, totals


def run(db, *args):
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


def test_corpus_people_quotes_tags_and_passages(tmp_path):
    db = tmp_path / "lib.db"
    library, items = build_library(db, count=25)
    store = library.annotations
    tag = store.store_tag(store.new_tag("Economy"))
    for item in items[:4]:
        store.store_annotation(store.new_annotation(item.document.id, 0, 12, [tag.id], comment="note"))
    library.close()
    speakers, words, mentions, documents = totals(items)
    result = run(db, "corpus", "people", "--json")
    assert result.returncode == 0, result.stderr
    people = {p["name"]: p for p in json.loads(result.stdout)}
    assert {n: p["quotations"] for n, p in people.items() if p["quotations"]} == +speakers
    assert {n: p["words_quoted"] for n, p in people.items() if p["words_quoted"]} == +words
    assert people["the Ministry of Finance"]["kind"] == "organisation"
    by_surname = run(db, "corpus", "quotes", "Okafor", "--csv")
    rows = list(csv.DictReader(io.StringIO(by_surname.stdout)))
    assert len(rows) == speakers["Amara Okafor"] and {r["speaker"] for r in rows} <= {"Amara Okafor", "Okafor"}
    source = items[0].document.metadata["sitename"]
    filtered = json.loads(run(db, "corpus", "people", "--source", source, "--json").stdout)
    chosen = [i for i in items if i.document.metadata["sitename"] == source]
    assert sum(p["quotations"] for p in filtered) == sum(sum(i.speakers.values()) for i in chosen)
    tags = run(db, "corpus", "tags", "--csv").stdout
    assert tags.splitlines()[0].startswith("tag,") and tags.splitlines()[1].endswith(",4")
    passages = json.loads(run(db, "corpus", "passages", "Economy", "--json").stdout)
    assert len(passages) == 4 and passages[0]["comment"] == "note"
    report = tmp_path / "economy.html"
    assert run(db, "corpus", "passages", "Economy", "--report", report).returncode == 0
    assert report.read_text(encoding="utf-8").count("Comment: note") == 4
    assert run(db, "corpus", "passages", "Economy", "--report", db).returncode == 2
    assert run(db, "corpus", "quotes", "Nobody Here").returncode == 2
    assert run(db, "corpus", "people", "--from", "soon").returncode == 2


def test_corpus_merge_undo_and_attributes(tmp_path):
    db = tmp_path / "lib.db"
    library, items = build_library(db, count=10)
    library.close()
    assert run(db, "corpus", "merge", "Duarte", "Ingrid Solberg").returncode == 0
    people = {p["name"] for p in json.loads(run(db, "corpus", "people", "--json").stdout)}
    assert "Rafael Duarte" not in people
    edit_id = run(db, "corpus", "edits").stdout.split("\t")[0]
    assert run(db, "corpus", "undo", edit_id).returncode == 0
    assert "Rafael Duarte" in {p["name"] for p in json.loads(run(db, "corpus", "people", "--json").stdout)}
    doc = items[0].document.id
    shown = run(db, "attr", doc).stdout
    assert "source\tThe Daily Ledger" in shown and "date\t2024-01-01" in shown
    changed = run(db, "attr", doc, "source=Evening Post", "region=North", "date=3.2.2024")
    assert changed.returncode == 0, changed.stderr
    assert "source\tEvening Post" in changed.stdout and "region\tNorth" in changed.stdout and "date\t2024-02-03" in changed.stdout
    assert run(db, "attr", doc, "date=someday").returncode == 2
    only = json.loads(run(db, "corpus", "people", "--attr", "region=North", "--json").stdout)
    assert sum(p["quotations"] for p in only) == sum(items[0].speakers.values())


def test_import_folder_then_analyse_all_and_export(tmp_path):
    folder = tmp_path / "articles"
    (folder / "week1").mkdir(parents=True)
    (folder / "week1" / "a.txt").write_text(
        "Talks stall\n“We are not moving,” said Maria Lopez, the union leader.\n", encoding="utf-8")
    (folder / "b.md").write_text("Harbour opens\n“It is a good day,” said John Carter.\n", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "c.txt").write_text("Not this one.\n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    db = tmp_path / "lib.db"
    imported = run(db, "import", folder)
    assert imported.returncode == 0, imported.stderr
    assert len(imported.stdout.strip().splitlines()) == 2 and imported.stderr == ""  # piped: no progress bar
    analysed = run(db, "analyze-all")
    assert analysed.returncode == 0 and "analysed 2 document(s)" in analysed.stderr
    assert "every document is analysed" in run(db, "analyze-all").stderr
    people = {p["name"]: p for p in json.loads(run(db, "corpus", "people", "--json").stdout)}
    assert people["Maria Lopez"]["quotations"] == 1 and people["John Carter"]["quotations"] == 1
    out = tmp_path / "report.html"
    exported = run(db, "export", "--corpus", "--format", "html", "-o", out)
    assert exported.returncode == 0, exported.stderr
    assert "Maria Lopez" in out.read_text(encoding="utf-8")
    assert run(db, "export", "--corpus", "--format", "md", "-o", tmp_path / "x.md").returncode == 2
    assert run(db, "export", "--corpus", "--format", "html", "-o", db).returncode == 2


def _on_a_terminal(db, *args) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal (what a user sees); returns the exit code and stderr."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                               stdout=subprocess.DEVNULL, stderr=follower, env=dict(os.environ))
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return process.wait(timeout=120), seen.decode("utf-8", "replace")


def test_export_shows_progress_on_a_terminal_and_accepts_quiet(tmp_path):
    db = tmp_path / "lib.db"
    library, items = build_library(db, count=6)
    library.close()
    code, stderr = _on_a_terminal(db, "export", "--all", "--format", "csv", "-o", tmp_path / "all.csv")
    assert code == 0, stderr
    assert "Exporting" in stderr and "7/7" in stderr  # six documents read, then the file written
    code, stderr = _on_a_terminal(db, "export", "--all", "--format", "jsonl", "-o", tmp_path / "all.jsonl", "--quiet")
    assert code == 0 and "Exporting" not in stderr and stderr.strip() == ""
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 6
    piped = run(db, "export", "--all", "--format", "json", "-o", tmp_path / "all.json")
    assert piped.returncode == 0 and piped.stderr == "" and piped.stdout.strip() == str(tmp_path / "all.json")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text(encoding="utf-8"))))
    assert {int(r["document_id"]) for r in rows} == {i.document.id for i in items}
