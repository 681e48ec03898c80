"""Terminal output can never carry a raw escape sequence (issue 15.12)."""

import json

from hypothesis import given
from hypothesis import strategies as st

from annotext.core.terminal_text import for_terminal, json_for_terminal

HOSTILE = "Title\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\rfake\nline\ttab\x7f"


def test_escapes_are_visible_not_sent():
    safe = for_terminal(HOSTILE)
    assert safe == "Title\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil\\rfake\\nline\\ttab\\x7f"
    assert for_terminal("a\tb\nc", keep="\t") == "a\tb\\nc"
    assert for_terminal(None) == "" and for_terminal(42) == "42"
    assert for_terminal("Zürich — «ok» 東京 non\u00a0breaking") == "Zürich — «ok» 東京 non\u00a0breaking"


@given(st.text())
def test_no_control_character_survives(text):
    safe = for_terminal(text)
    assert not any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
                   for c in safe)


@given(st.text())
def test_json_stays_the_same_data(text):
    dumped = json_for_terminal(json.dumps({"t": text}, ensure_ascii=False))
    assert json.loads(dumped) == {"t": text}
    assert not any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c == "\u202e" for c in dumped)
