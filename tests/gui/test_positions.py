from hypothesis import given
from hypothesis import strategies as st

from annotext.gui.positions import PositionMap


def test_bmp_text_is_identity():
    m = PositionMap("plain text é")
    assert [m.to_qt(i) for i in range(5)] == list(range(5))


def test_astral_characters_shift_later_positions():
    text = "a😀b𝄞c"
    m = PositionMap(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.from_qt(p) for p in [0, 1, 3, 4, 6, 7]] == [0, 1, 2, 3, 4, 5]
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2


@given(st.text())
def test_round_trip_matches_utf16(text):
    m = PositionMap(text)
    for i in range(len(text) + 1):
        assert m.to_qt(i) == len(text[:i].encode("utf-16-le", "surrogatepass")) // 2
        assert m.from_qt(m.to_qt(i)) == i
