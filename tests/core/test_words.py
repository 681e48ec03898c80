from hypothesis import given, strategies as st

from annotext.core.words import snap_to_words

TEXT = "Xi and Putin’s no-limits partnership, they said."


def span(a, b):
    return TEXT.index(a), TEXT.index(b) + len(b)


def test_ends_inside_words_grow_to_the_whole_words():
    start, end = TEXT.index("utin"), TEXT.index("no-l") + 4
    assert TEXT[slice(*snap_to_words(TEXT, start, end))] == "Putin’s no-limits"


def test_whole_words_and_outer_spaces():
    start, end = span(" and", "Putin’s ")
    assert TEXT[slice(*snap_to_words(TEXT, start, end))] == "and Putin’s"
    assert snap_to_words(TEXT, *span("Xi", "Xi")) == span("Xi", "Xi")


def test_punctuation_is_not_a_word():
    start = TEXT.index("hip,") + 1
    assert TEXT[slice(*snap_to_words(TEXT, start, start + 3))] == "partnership,"
    assert TEXT[slice(*snap_to_words(TEXT, TEXT.index(", they"), TEXT.index(", they") + 4))] == ", they"


@given(st.text(alphabet="ab -’.\n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_snapping_only_widens_to_word_characters(text, a, b):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    new_start, new_end = snap_to_words(text, start, end)
    if start < end and text[start:end].strip():
        assert text[new_start:new_end].strip() == text[new_start:new_end]
        assert text[start:end].strip() in text[new_start:new_end]
        assert set(text[new_start:start] + text[end:new_end]) <= set("ab-’")
    else:
        assert (new_start, new_end) == (start, end)
