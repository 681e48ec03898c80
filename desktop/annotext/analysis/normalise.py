"""Same-length text fixes applied before the model sees a text, so offsets never move."""

from __future__ import annotations

import re
import unicodedata

# A U+2018 LEFT SINGLE QUOTATION MARK between two letters is a mistyped apostrophe (Russia‘s, don‘t).
_MISTYPED_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\u2018(?=[^\W\d_])")


def past_combining_marks(text: str, end: int) -> int:
    """`end` moved over the combining accents that follow it ("ọ" + U+0300 in "Adébáyọ̀"): a token or a
    pattern may stop before them, a name never does."""
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


def prepare_text(text: str) -> str:
    """Return `text` with mistyped apostrophes made U+2019; the length is unchanged by construction."""
    prepared = _MISTYPED_APOSTROPHE.sub("\u2019", text)
    assert len(prepared) == len(text)
    return prepared
