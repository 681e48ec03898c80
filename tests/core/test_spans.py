import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotext.core.spans import Span, drop_overlaps, merge_ranges, sort_spans, spans_overlapping


def test_overlap_is_half_open():
    a = Span(0, 5, "entity", "PERSON")
    assert a.overlaps(Span(4, 6, "entity", "ORG"))
    assert not a.overlaps(Span(5, 9, "entity", "ORG"))
    assert a.contains(4) and not a.contains(5)


def test_invalid_span_rejected():
    with pytest.raises(ValueError):
        Span(5, 4, "entity", "X")
    with pytest.raises(ValueError):
        Span(-1, 4, "entity", "X")


def test_attrs_do_not_affect_equality():
    assert Span(1, 2, "entity", "PERSON", {"person": "A"}) == Span(1, 2, "entity", "PERSON")


def test_sort_and_overlapping():
    spans = [Span(10, 12, "e", "A"), Span(0, 20, "q", "Q"), Span(0, 3, "e", "B")]
    assert [s.label for s in sort_spans(spans)] == ["Q", "B", "A"]
    assert {s.label for s in spans_overlapping(spans, 11, 15)} == {"A", "Q"}


def test_merge_ranges():
    assert merge_ranges([(5, 8), (0, 2), (2, 3), (7, 10)]) == [(0, 3), (5, 10)]


ranges = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=40)


@given(ranges)
def test_merge_ranges_covers_exactly_the_union(items):
    covered = {i for s, e in items for i in range(s, e)}
    merged = merge_ranges(items)
    assert {i for s, e in merged for i in range(s, e)} == covered
    assert all(a[1] < b[0] for a, b in zip(merged, merged[1:]))


@given(ranges)
def test_drop_overlaps_leaves_disjoint_spans(items):
    spans = [Span(s, e, "entity", "X") for s, e in items if e > s]
    kept = drop_overlaps(spans)
    assert all(not a.overlaps(b) for i, a in enumerate(kept) for b in kept[i + 1:])
    for span in spans:  # every dropped span overlaps something kept
        assert span in kept or any(span.overlaps(k) for k in kept)
