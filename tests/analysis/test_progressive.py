"""Progressive reading of a long document: the screen first, the rest after, the same result."""

from __future__ import annotations

from pathlib import Path

from annotext.analysis.analyser import SCREEN_RANGES, provisional_quotes, reading_batches

QUOTES = Path(__file__).resolve().parents[1] / "data" / "quotes"


def test_reading_batches_start_on_screen_then_wrap():
    ranges = [(i * 10, i * 10 + 9) for i in range(100)]
    assert reading_batches(ranges) == [ranges[:64], ranges[64:]]
    assert reading_batches(ranges, 0)[0] == ranges[:SCREEN_RANGES]  # the top of the screen: small batch first
    order = reading_batches(ranges, 505)
    assert order[0] == ranges[50:50 + SCREEN_RANGES]  # the screen alone, a small first batch
    assert [r for batch in order for r in batch] == ranges[50:] + ranges[:50]
    assert sorted(r for batch in reading_batches(ranges, 10_000) for r in batch) == ranges


def test_starting_mid_document_gives_the_all_at_once_result(analyser, sample_text):
    long_text = "\n".join([sample_text] + [f.read_text(encoding="utf-8") for f in sorted(QUOTES.glob("*.txt"))[:6]])
    whole = analyser.analyse(long_text)
    batches = []
    first = len(long_text) // 2
    progressive = analyser.analyse(long_text, first=first, partial=batches.append)
    assert progressive.to_json(long_text) == whole.to_json(long_text)
    assert progressive.quotes == whole.quotes and [q.attrs for q in progressive.quotes] == [q.attrs for q in whole.quotes]
    assert [p.to_json() for p in progressive.people] == [p.to_json() for p in whole.people]
    # the first batch holds the screen's paragraphs, not the top of the document
    assert batches and batches[0] and min(s.start for s in batches[0]) >= long_text.rfind("\n", 0, first)
    assert sum(len(b) for b in batches) >= len([e for e in whole.entities if e.label != "PERSON"]) // 2


def test_provisional_quotes_are_the_final_spans_without_speakers(analyser, sample_text):
    final = analyser.analyse(sample_text)
    quick = provisional_quotes(sample_text)
    assert [(q.start, q.end) for q in quick] == [(q.start, q.end) for q in final.quotes]
    assert all(q.attrs["provisional"] and "speaker" not in q.attrs for q in quick)
