"""Scale from the command line: analyze --store/--all with workers, import --with-analysis,
cluster-analyze on a local Dask cluster (2 workers, 20 documents) identical to one process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

QUOTES = Path(__file__).resolve().parent / "data" / "quotes"


def run(db: Path, *args, timeout=600):
    environment = {**os.environ, "ANNOTEXT_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "annotext", *map(str, args)], capture_output=True, text=True,
                          env=environment, timeout=timeout)


def _files(count: int) -> list[Path]:
    return sorted(QUOTES.glob("*.txt"))[:count]


def _stored(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {sha: n for sha, n in connection.execute(
            "select a.text_sha256, count(s.rowid) from analyses a left join spans s on s.analysis_id = a.id"
            " group by a.id")}


def test_analyze_store_all_with_two_workers_then_nothing_left(tmp_path):
    db = tmp_path / "library.sqlite"
    files = _files(5)
    assert run(db, "import", *files).returncode == 0
    result = run(db, "analyze", "--store", "--all", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "analysed 5 document(s), each stored; 0 already up to date" in result.stderr
    assert len(_stored(db)) == 5 and all(n > 0 for n in _stored(db).values())
    again = run(db, "analyze", "--store", "--all")
    assert "every document is analysed (5 up to date)" in again.stderr


def test_analyze_store_refuses_unknown_ids_and_mixed_arguments(tmp_path):
    db = tmp_path / "library.sqlite"
    run(db, "import", _files(1)[0])
    assert run(db, "analyze", "--store", "42").returncode == 2
    assert run(db, "analyze", "--store", "--all", "1").returncode == 2
    assert run(db, "analyze", "--store", "x").returncode == 2


def test_piped_output_has_no_progress_bar(tmp_path):
    result = run(tmp_path / "l.sqlite", "analyze", *_files(2), "--json", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "Analysing" not in result.stderr and len(result.stdout.strip().split("\n")) == 2


def test_analyses_computed_elsewhere_are_imported_and_checked(tmp_path):
    files = _files(3)
    computed = run(tmp_path / "unused.sqlite", "analyze", *files, "--json", "--jobs", "1")
    assert computed.returncode == 0, computed.stderr
    lines = computed.stdout.strip().split("\n")
    stale = json.loads(lines[2])
    stale["analyser_version"] = "0-old"
    jsonl = tmp_path / "results.jsonl"
    jsonl.write_text("\n".join(lines[:2] + [json.dumps(stale), "not json"]) + "\n", encoding="utf-8")
    db = tmp_path / "library.sqlite"
    assert run(db, "import", files[0]).returncode == 0  # one text is in the library already
    result = run(db, "import", "--with-analysis", jsonl)
    assert result.returncode == 2
    assert "2 analyses stored (1 new documents), 2 refused" in result.stderr
    assert f"{jsonl}:3: made by analyser version '0-old'" in result.stderr and f"{jsonl}:4: not an analysis" in result.stderr
    local = tmp_path / "local.sqlite"
    run(local, "import", *files[:2])
    assert run(local, "analyze", "--store", "--all", "--jobs", "1").returncode == 0
    assert _stored(db) == _stored(local)  # the same spans as analysing here
    # the stored analysis is used: exporting needs no new analysis
    assert run(db, "list").stdout.count("\n") == 2


def test_import_with_analysis_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    result = run(tmp_path / "l.sqlite", "import", "--with-analysis", fifo, timeout=60)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_cluster_analyze_on_a_local_dask_cluster_matches_one_process(tmp_path):
    pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    files = _files(20)
    assert len(files) == 20
    for index, path in enumerate(files):
        target = corpus / ("sub" if index % 2 else "") / path.name
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = run(tmp_path / "l.sqlite", "cluster-analyze", corpus, output, "--scheduler", "local", "--workers", "2",
                 timeout=900)
    assert result.returncode == 0, result.stderr
    clustered = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(clustered) == 20
    names = [c.pop("file") for c in clustered]
    single = run(tmp_path / "l.sqlite", "analyze", *[corpus / n for n in names], "--json", "--jobs", "1")
    assert [json.loads(line) for line in single.stdout.strip().split("\n")] == clustered
    db = tmp_path / "library.sqlite"
    assert "20 analyses stored (20 new documents), 0 refused" in run(db, "import", "--with-analysis", output).stderr
