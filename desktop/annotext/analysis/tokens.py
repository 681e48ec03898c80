"""Token boundaries of a text as the language model sees it, for exports that carry tokens.

spaCy/Prodigy training data must have every span on token boundaries. The model reads the text
after `prepare_text` (same length, mistyped apostrophes fixed), so the tokens are taken from that
text, and that text is what the export carries: the entities found by the model line up with
its tokens whether a reader takes the exported tokens or tokenizes the text again, and every
offset is also an offset into the original text (the two differ only in those apostrophes).
"""

from __future__ import annotations

from functools import lru_cache

from annotext.analysis.normalise import prepare_text


@lru_cache(maxsize=4)
def _tokenizer(language: str):
    import spacy  # deferred: only the JSONL export needs tokens, and importing spaCy takes seconds

    return spacy.blank(language).tokenizer


def token_bounds(text: str, language: str = "en") -> tuple[str, list[tuple[int, int, bool]]]:
    """The text as the model reads it (same length as `text`) and (start, end,
    followed_by_whitespace) for each of its tokens, in code points."""
    prepared = prepare_text(text)
    doc = _tokenizer(language)(prepared)
    return prepared, [(t.idx, t.idx + len(t.text), bool(t.whitespace_)) for t in doc]
