"""Many texts over worker processes give exactly what one process gives, in input order."""

from __future__ import annotations

from pathlib import Path

from annotext.analysis.batch import analyse_texts, default_jobs

QUOTES = Path(__file__).resolve().parents[1] / "data" / "quotes"


def _texts(count: int) -> list[tuple[str, str]]:
    files = sorted(QUOTES.glob("*.txt"))[:count]
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def test_two_workers_give_the_single_process_results_in_order(analyser):
    items = _texts(6)
    single = [(key, result.to_json(text)) for (key, result), (_k, text) in
              zip(analyse_texts(items, analyser=analyser), items)]
    pooled = [(key, result.to_json(text)) for (key, result), (_k, text) in
              zip(analyse_texts(items, jobs=2), items)]
    assert [key for key, _ in pooled] == [key for key, _ in items]
    assert pooled == single


def test_cancel_stops_between_texts(analyser):
    items = _texts(4)
    seen = []
    for key, _result in analyse_texts(items, analyser=analyser, cancelled=lambda: len(seen) >= 2):
        seen.append(key)
    assert seen == [items[0][0], items[1][0]]


def test_default_jobs_is_the_usable_cores():
    assert 1 <= default_jobs()
