import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotext.core.span_index import SpanIndex
from annotext.core.spans import Span, merge_ranges, offset_within, sort_spans


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
    assert {s.label for s in SpanIndex(sort_spans(spans)).overlapping(11, 15)} == {"A", "Q"}


def test_merge_ranges():
    assert merge_ranges([(5, 8), (0, 2), (2, 3), (7, 10)]) == [(0, 3), (5, 10)]


ranges = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=40)


@given(ranges)
def test_merge_ranges_covers_exactly_the_union(items):
    covered = {i for s, e in items for i in range(s, e)}
    merged = merge_ranges(items)
    assert {i for s, e in merged for i in range(s, e)} == covered
    assert all(a[1] < b[0] for a, b in zip(merged, merged[1:]))


@given(ranges, st.integers(0, 230), st.integers(0, 40))
def test_index_finds_exactly_the_overlapping_spans(items, start, width):
    spans = sort_spans(Span(s, e, "entity", "X") for s, e in items if e > s)
    end = start + width
    probe = (start, max(end, start + 1))
    expected = [s for s in spans if s.overlaps(probe)]
    assert SpanIndex(spans).overlapping(start, end) == expected


def test_offset_within_finds_a_sorted_offset_inside_the_half_open_span():
    span = Span(10, 20, "entity", "PERSON")
    assert offset_within([3, 15, 40], span)
    assert offset_within([10], span)
    assert not offset_within([20, 25], span)
    assert not offset_within([], span)
