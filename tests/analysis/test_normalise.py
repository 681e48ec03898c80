from hypothesis import given
from hypothesis import strategies as st

from annotext.analysis.normalise import prepare_text


def test_left_single_quote_between_letters_becomes_apostrophe():
    assert prepare_text("Russia\u2018s war, \u2018quoted\u2019") == "Russia\u2019s war, \u2018quoted\u2019"


@given(st.text())
def test_length_never_changes(text):
    assert len(prepare_text(text)) == len(text)
