"""`annotext merge` and `annotext agreement`: two coders' libraries merged, then agreement with
figures computed by hand (see tests/core/test_agreement.py for the formulas)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotext.application.library import Library
from annotext.core.document import Document

TEXT = "x" * 40  # 40 characters: the hand computations below count on it


def run(db: Path, *args):
    environment = {**os.environ, "ANNOTEXT_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "annotext", *map(str, args)], capture_output=True, text=True,
                          env=environment, timeout=300)


def _coder_library(path: Path, coder: str, start: int, end: int) -> None:
    library = Library(path, author=coder)
    doc_id = library.add_document(Document(title="Forty", text=TEXT))
    tag = library.annotations.store_tag(library.annotations.new_tag("A"))
    library.annotations.store_annotation(library.annotations.new_annotation(doc_id, start, end, [tag.id]))
    library.close()


@pytest.fixture
def merged(tmp_path):
    """Ann coded 0–10, Bob 5–15, each in a library of their own; both merged into a third."""
    _coder_library(tmp_path / "ann.sqlite", "ann", 0, 10)
    _coder_library(tmp_path / "bob.sqlite", "bob", 5, 15)
    team = tmp_path / "team.sqlite"
    for other in ("ann.sqlite", "bob.sqlite"):
        result = run(team, "merge", tmp_path / other)
        assert result.returncode == 0, result.stderr
    return team


def test_merge_prints_a_summary_and_twice_adds_nothing(merged, tmp_path):
    again = run(merged, "merge", tmp_path / "bob.sqlite")
    assert again.returncode == 0, again.stderr
    assert "passages: 0 added" in again.stdout and "1 already here" in again.stdout
    assert "documents: 1 matched by text" in again.stdout


def test_agreement_json_matches_the_hand_computation(merged):
    result = run(merged, "agreement", "--coders", "ann,bob", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    tag = data["tags"][0]
    assert data["unit"] == "character" and tag["tag"] == "A" and tag["units"] == 40
    assert tag["percent_agreement"] == pytest.approx(0.75)
    assert tag["cohens_kappa"] == pytest.approx(1 / 3)
    assert tag["krippendorffs_alpha"] == pytest.approx(41 / 120)
    assert [(d["start"], d["end"], d["coded_by"]) for d in data["disagreements"]] == [(0, 5, ["ann"]),
                                                                                      (10, 15, ["bob"])]


def test_agreement_csv_and_html_report_state_the_method(merged, tmp_path):
    report = tmp_path / "agreement.html"
    result = run(merged, "agreement", "--coders", "ann,bob", "--csv", "--html", report)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["tag", "units", "coded by ann", "coded by bob"]
    assert rows[1][:7] == ["A", "40", "10", "10", "0.7500", "0.3333", "0.3417"]
    assert rows[2][0] == "overall"
    html = report.read_text(encoding="utf-8")
    assert "Unit: one character" in html and "Forty" in html and "0.333" in html and "<script" not in html
    assert "ann's version" in html and "bob's version" in html and "(not tagged)" in html


def test_agreement_refuses_unknown_coders_with_one_line(merged):
    result = run(merged, "agreement", "--coders", "ann,zed")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "zed" in result.stderr


def test_merge_of_a_missing_file_is_one_line(tmp_path):
    result = run(tmp_path / "team.sqlite", "merge", tmp_path / "nope.qdpx")
    assert result.returncode == 2 and "no such file" in result.stderr and "Traceback" not in result.stderr
