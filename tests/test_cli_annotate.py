"""`annotext annotate`, `tags` and `codebook`, two writers at once, and a SIGKILL in mid-write."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"


def run(db, *args):
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_annotate_by_quote_and_offsets_and_list_tags(tmp_path):
    db = tmp_path / "lib.sqlite"
    run(db, "import", SAMPLE)
    result = run(db, "annotate", 1, "--quote", "Alicja Bachulska", "--tag", "Experts", "--tag", "Europe",
                 "--comment", "ECFR analyst")
    assert result.returncode == 0, result.stderr
    annotation_id, start, end, exact = result.stdout.rstrip("\n").split("\t")
    assert exact == "Alicja Bachulska" and SAMPLE.read_text(encoding="utf-8")[int(start):int(end)] == exact
    result = run(db, "annotate", 1, "--start", 0, "--end", 10, "--tag", "experts")
    assert result.returncode == 0, result.stderr
    tags = [line.split("\t") for line in run(db, "tags").stdout.strip().split("\n")]
    assert [(t[1], t[5]) for t in tags] == [("Experts", "2"), ("Europe", "1")]
    assert run(db, "list").stdout.strip().split("\t")[-1] == "2"


def test_annotate_errors_are_clear(tmp_path):
    db = tmp_path / "lib.sqlite"
    run(db, "import", SAMPLE)
    cases = [
        (("annotate", 1, "--quote", "no such words here"), "does not occur"),
        (("annotate", 1, "--quote", "Putin"), "occurs 13 times"),
        (("annotate", 1, "--quote", "Putin", "--occurrence", 14), "between 1 and 13"),
        (("annotate", 1, "--start", 5, "--end", 2), "not a passage"),
        (("annotate", 99, "--start", 0, "--end", 2), "no document with id 99"),
        (("annotate", 1), "give --start and --end, or --quote"),
    ]
    for args, message in cases:
        result = run(db, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
    result = run(db, "annotate", 1, "--quote", "Putin", "--occurrence", 2)
    assert result.returncode == 0 and int(result.stdout.split("\t")[1]) == SAMPLE.read_text(
        encoding="utf-8").index("Putin", SAMPLE.read_text(encoding="utf-8").index("Putin") + 1)


def test_codebook_round_trips_through_qdc(tmp_path):
    db, other = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    from annotext.application.edits import CreateTag
    from annotext.application.library import Library

    library = Library(db)
    store = library.annotations
    parent = CreateTag(store.new_tag("Themes", colour="#112233", description="Broad themes"))
    library.apply(parent)
    library.apply(CreateTag(store.new_tag("War <&> peace", colour="#abcdef", parent_id=parent.tag.id,
                                          description="Anything about the war\nsecond line")))
    library.close()
    qdc = tmp_path / "codebook.qdc"
    assert run(db, "codebook", "export", qdc).returncode == 0
    assert "urn:QDA-XML:codebook:1.0" in qdc.read_text(encoding="utf-8")
    result = run(other, "codebook", "import", qdc)
    assert result.returncode == 0 and "2 codes added" in result.stdout
    imported = Library(other)
    tags = {t.name: t for t in imported.annotations.tags()}
    assert tags["Themes"].colour == "#112233" and tags["Themes"].description == "Broad themes"
    child = tags["War <&> peace"]
    assert child.parent_id == tags["Themes"].id and child.colour == "#abcdef"
    assert child.description == "Anything about the war\nsecond line"
    imported.close()
    assert "0 codes added, 2 updated" in run(other, "codebook", "import", qdc).stdout  # GUIDs kept
    bad = tmp_path / "bad.qdc"
    bad.write_text("<not xml")
    result = run(other, "codebook", "import", bad)
    assert result.returncode == 2 and "bad.qdc" in result.stderr and "Traceback" not in result.stderr


WRITER = r"""
import sys
from annotext.application.library import Library
from annotext.application.edits import AddAnnotation
library = Library(sys.argv[1])
store = library.annotations
for i in range(int(sys.argv[2])):
    edit = AddAnnotation(store.new_annotation(1, i, i + 5, [], f"{sys.argv[3]}-{i}"))
    library.apply(edit)
    print(edit.annotation.id, flush=True)
"""


def test_two_writers_at_once_lose_nothing(tmp_path):
    db = tmp_path / "lib.sqlite"
    run(db, "import", SAMPLE)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), "60", name], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    outputs = [w.communicate(timeout=300) for w in writers]
    assert all(w.returncode == 0 for w in writers), [o[1][-500:] for o in outputs]
    connection = sqlite3.connect(db)
    comments = {r[0] for r in connection.execute("select comment from annotations")}
    assert comments == {f"{n}-{i}" for n in "ab" for i in range(60)}
    assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_sigkill_while_writing_loses_nothing_reported_as_saved(tmp_path):
    db = tmp_path / "lib.sqlite"
    run(db, "import", SAMPLE)
    rng = random.Random(4)
    reported: set[int] = set()
    for trial in range(8):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "100000", f"t{trial}"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = process.stdout.readline()  # started writing
        assert first.strip(), process.stderr.read()
        reported.add(int(first))
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(process.pid, signal.SIGKILL)
        rest, _ = process.communicate()
        reported.update(int(line) for line in rest.split() if line.strip())
    connection = sqlite3.connect(db)
    stored = {r[0] for r in connection.execute("select id from annotations")}
    assert reported <= stored
    assert len(reported) > 8
    assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
