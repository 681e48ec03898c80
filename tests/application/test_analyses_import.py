"""`import --with-analysis`: a refused line is named in one clean line saying what is wrong."""

from __future__ import annotations

import json

from annotext.application.batch_analysis import import_analyses
from annotext.analysis.analyser import ANALYSER_VERSION


def test_each_refused_line_says_once_what_is_wrong(library):
    good = {"text": "Ann said hello.", "analyser_version": ANALYSER_VERSION, "model": {"name": "none"},
            "entities": [], "quotes": [], "people": []}
    lines = ["not json", json.dumps({"analyser_version": ANALYSER_VERSION}), json.dumps([1, 2]),
             json.dumps({**good, "entities": [{"start": 0, "end": 99, "label": "PERSON"}]}),
             json.dumps({**good, "entities": [{"start": 0}]}), json.dumps({**good, "entities": 3}),
             json.dumps(good)]
    summary = import_analyses(library, lines, "r.jsonl")
    assert summary.stored == 1
    assert summary.refused == [
        "r.jsonl:1: not an analysis: not valid JSON (Expecting value at column 1)",
        "r.jsonl:2: not an analysis: missing field 'text'",
        "r.jsonl:3: not an analysis: a JSON list, not an object",
        "r.jsonl:4: not an analysis: offsets beyond the text",
        "r.jsonl:5: not an analysis: missing field 'end'",
        "r.jsonl:6: not an analysis: a field of the wrong type ('int' object is not iterable)",
    ]
    assert all(line.count("not an analysis") == 1 and "\n" not in line for line in summary.refused)
