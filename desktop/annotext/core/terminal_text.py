"""Text bound for a terminal: article titles, tag names, snippets and file names come from untrusted
files, and raw ESC/OSC/CSI sequences in them could retitle the terminal, hide lines or fake output.

Every control character (C0, DEL, C1 — ESC and the 8-bit CSI included), the bidirectional overrides
and the Unicode line separators are shown as visible escapes (\\x1b, \\u202e, \\n…) instead.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def for_terminal(text: object, keep: str = "") -> str:
    """`text` with every control character escaped, except those in `keep` (e.g. "\\t" between the
    fields of a tab-separated line, "\\t\\n" for a CSV block). None becomes ""."""
    if text is None:
        return ""

    def escape(match: re.Match) -> str:
        char = match.group()
        if char in keep:
            return char
        if char in _NAMED:
            return _NAMED[char]
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _UNSAFE.sub(escape, str(text))


def json_for_terminal(json_text: str) -> str:
    """JSON text (from json.dumps, which already escapes C0) with DEL, C1, bidi overrides and line
    separators written as \\uXXXX too: the same data once parsed, harmless on a terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
