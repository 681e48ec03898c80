"""Token boundaries of a text as the language model sees it, for exports that carry tokens.

spaCy/Prodigy training data must have every span on token boundaries. The model reads the text
after `prepare_text` (same length, mistyped apostrophes fixed), so the tokens are taken from that
text: the entities found by the model then line up with them exactly, while the offsets still
point into the original text.
"""

from __future__ import annotations

from functools import lru_cache

from annotext.analysis.normalise import prepare_text


@lru_cache(maxsize=4)
def _tokenizer(language: str):
    import spacy  # deferred: only the JSONL export needs tokens, and importing spaCy takes seconds

    return spacy.blank(language).tokenizer


def token_bounds(text: str, language: str = "en") -> list[tuple[int, int, bool]]:
    """(start, end, followed_by_whitespace) for each token of `text`, in code points."""
    doc = _tokenizer(language)(prepare_text(text))
    return [(t.idx, t.idx + len(t.text), bool(t.whitespace_)) for t in doc]
