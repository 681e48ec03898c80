"""`annotext people`, `quotes` and `correct`: every correction from the command line, undone too."""

import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "xi-putin-summit.txt"


def run(db, *args):
    return subprocess.run([sys.executable, "-m", "annotext", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=180)


def ok(db, *args) -> str:
    result = run(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def people(db) -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t")[1:] for line in ok(db, "people", 1).splitlines()}


def quotes(db, *flags) -> dict[str, list[str]]:
    return {line.split("\t")[4]: line.split("\t") for line in ok(db, "quotes", 1, *flags).splitlines()}


def test_people_and_every_correction_from_the_command_line(tmp_path):
    db = tmp_path / "lib.sqlite"
    ok(db, "import", SAMPLE)
    before = people(db)
    assert before["Vladimir Putin"][:1] == ["13"] and before["Vladimir Putin"][3] == "Putin"
    as_json = json.loads(ok(db, "people", 1, "--json"))
    assert {"name", "aliases", "mentions", "quotes", "quoted_words"} <= set(as_json[0])

    assert "renamed" in ok(db, "correct", 1, "rename", "Putin", "President Putin")
    ok(db, "correct", 1, "merge", "Joe Webster", "Alexander Gabuev")
    ok(db, "correct", 1, "split", "Xi Jinping", "Xi")
    ok(db, "correct", 1, "not-person", "Yevgeny Prigozhin", "--as", "org")
    ok(db, "correct", 1, "add-person", "--text", "Jilin University", "--name", "Jilin Person")
    after = people(db)
    assert "Vladimir Putin" not in after and after["President Putin"][0] == "13"
    assert "Joe Webster" not in after and after["Alexander Gabuev"][1] == "5"
    assert "Xi" in after and "Yevgeny Prigozhin" not in after and after["Jilin Person"][0] == "1"

    limits = quotes(db)["no-limits"]
    ok(db, "correct", 1, "speaker", limits[0], "Xi Jinping")
    friend = quotes(db)["best friend"]
    ok(db, "correct", 1, "not-quote", int(friend[0]) + 2)  # an offset inside the quotation will do
    partner = quotes(db)["reliable partner"]
    ok(db, "correct", 1, "scare", partner[0])
    ok(db, "correct", 1, "quote", "--text", "Jilin University", "--speaker", "President Putin")
    shown = quotes(db, "--hidden")
    assert shown["no-limits"][2] == "Xi Jinping"
    assert shown["best friend"][3] == "hidden" and "best friend" not in quotes(db)
    assert shown["reliable partner"][3] == "scare"
    assert shown["Jilin University"][2] == "President Putin"
    assert people(db)["President Putin"][1:3] == ["1", "2"]  # "reliable partner" is a scare quote now

    ok(db, "correct", 1, "restore-quote", friend[0])
    assert quotes(db)["best friend"][3] == "speech"
    ok(db, "correct", 1, "speech", partner[0])
    listed = ok(db, "correct", 1, "list").splitlines()
    assert len(listed) == 8 and all(len(line.split("\t")) == 4 for line in listed)
    assert [line.split("\t")[0] for line in listed] == [str(n) for n in range(1, 9)]
    assert listed[1].split("\t")[3] == "“Joe Webster” merged into “Alexander Gabuev”"

    # (the restored quotation has no correction left: 5 people + 3 quotation corrections)
    undone = [ok(db, "correct", 1, "undo") for _ in range(2)]  # most recent first
    assert undone[0].startswith(f"undone: quotation {partner[0]}-{partner[1]}: speech")
    assert "(now: a scare quote)" in undone[0]  # back to the decision it replaced, as Ctrl+Z does
    assert quotes(db)["reliable partner"][3] == "scare"
    assert "marked as a quotation, speaker set to President Putin" in undone[1]
    assert "Jilin University" not in quotes(db)
    undone = [ok(db, "correct", 1, "undo") for _ in range(3)]
    assert undone[0].startswith(f"undone: quotation {partner[0]}-{partner[1]}: a scare quote")
    assert quotes(db)["reliable partner"][3] == "speech"
    assert undone[1].startswith(f"undone: quotation {limits[0]}-{limits[1]}: speaker set to Xi Jinping")
    assert quotes(db)["no-limits"][2] != "Xi Jinping"
    assert "added as a person" in undone[2] and "Jilin Person" not in people(db)
    assert len(ok(db, "correct", 1, "list").splitlines()) == 4
    assert "merged into" in ok(db, "correct", 1, "take-back", 2)  # an old one, not the latest
    assert "Joe Webster" in people(db) and "President Putin" in people(db)


def test_undo_goes_back_through_every_decision_about_a_quotation(tmp_path):
    db = tmp_path / "lib.sqlite"
    ok(db, "import", SAMPLE)
    limits = quotes(db)["no-limits"]
    detected = limits[2]
    for speaker in ("Xi Jinping", "Joe Webster", "Alexander Gabuev"):
        ok(db, "correct", 1, "speaker", limits[0], speaker)
    assert quotes(db)["no-limits"][2] == "Alexander Gabuev"
    assert "(now: speaker set to Joe Webster)" in ok(db, "correct", 1, "undo")
    assert quotes(db)["no-limits"][2] == "Joe Webster"
    ok(db, "correct", 1, "undo")
    assert quotes(db)["no-limits"][2] == "Xi Jinping"
    ok(db, "correct", 1, "undo")
    assert quotes(db)["no-limits"][2] == detected
    assert run(db, "correct", 1, "undo").returncode == 2  # nothing left to undo


def test_correction_errors_are_one_clear_line(tmp_path):
    db = tmp_path / "lib.sqlite"
    ok(db, "import", SAMPLE)
    ok(db, "people", 1)  # analysed once here, so each error below is the only line
    cases = [
        (("correct", 1, "rename", "Nobody Here", "X"), "no person called"),
        (("correct", 1, "merge", "Xi Jinping", "Nobody"), "no other person"),
        (("correct", 1, "split", "Xi Jinping", "Ping"), "not a name of"),
        (("correct", 1, "not-person", "Xi Jinping", "--as", "PLANET"), "can be relabelled as ORG"),
        (("correct", 1, "speaker", 0, "X"), "no quotation at offset 0"),
        (("correct", 1, "restore-quote", 292), "no hidden quotation"),
        (("correct", 1, "add-person", "--text", "Putin"), "occurs 13 times"),
        (("correct", 1, "undo"), "no corrections to undo"),
        (("correct", 1, "take-back", 1), "no corrections to undo"),
        (("correct", 9, "undo"), "no document with id 9"),
    ]
    for args, message in cases:
        result = run(db, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
