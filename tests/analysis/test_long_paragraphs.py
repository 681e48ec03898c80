"""Very long paragraphs: cut into pieces for the model with exact offsets, never above spaCy's
max_length (error E088), and entity cleaning linear in the paragraph's length."""

import pytest

from annotext.analysis.entities import doc_entities
from annotext.analysis.pieces import MAX_PIECE, batches, model_ranges

SENTENCE = "Angela Merkel met Emmanuel Macron in Paris on Monday. "


def test_ordinary_paragraphs_are_not_cut():
    text = "First paragraph.\n\nSecond one, a bit longer.\n" + "x" * MAX_PIECE + "\n"
    assert model_ranges(text) == [(0, 16), (18, 43), (44, 44 + MAX_PIECE)]


def test_a_long_paragraph_is_cut_after_sentence_ends_and_covers_everything():
    text = "Intro.\n" + SENTENCE * 2000 + "\nOutro.\n"
    paragraph = (7, 7 + len(SENTENCE) * 2000)
    ranges = model_ranges(text, limit=1000)
    assert ranges[0] == (0, 6) and ranges[-1] == (len(text) - 7, len(text) - 1)
    pieces = ranges[1:-1]
    assert pieces[0][0] == paragraph[0] and pieces[-1][1] == paragraph[1]
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # contiguous: no character lost
    assert all(500 <= end - start <= 1000 for start, end in pieces[:-1])
    for start, end in pieces[:-1]:
        assert text[start:end].endswith("Monday. ")  # cut after a sentence


@pytest.mark.parametrize("separator, expected_end", [("\u2028", "\u2028"), (" ", " ")])
def test_without_sentence_ends_a_line_separator_then_whitespace_is_used(separator, expected_end):
    text = separator.join(["word"] * 5000)
    pieces = model_ranges(text, limit=1000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for start, end in pieces[:-1]:
        assert end - start <= 1000 and text[start:end].endswith(expected_end)


def test_one_endless_word_is_cut_anywhere():
    text = "x" * 2500
    assert model_ranges(text, limit=1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_batches_are_bounded_in_texts_and_characters():
    ranges = [(i * 10, i * 10 + 9) for i in range(200)] + [(5000, 65_000), (65_001, 66_000)]
    groups = batches(ranges, size=64, max_chars=1000)
    assert [r for group in groups for r in group] == ranges
    assert all(len(group) <= 64 for group in groups)
    assert all(sum(e - s for s, e in group) <= 1000 for group in groups if len(group) > 1)


class _CountingDoc:
    """Stands in for a spaCy Doc whose `text` is rebuilt on every access, as spaCy's is."""

    def __init__(self, text, ents):
        self._text, self.ents, self.reads = text, ents, 0

    @property
    def text(self):
        self.reads += 1
        return self._text


class _Ent:
    def __init__(self, start, end, label):
        self.start_char, self.end_char, self.label_ = start, end, label


def test_entity_cleaning_reads_the_paragraph_once_not_once_per_entity():
    text = "the Kremlin’s " * 1000
    ents = [_Ent(i * 14, i * 14 + 13, "ORG") for i in range(1000)]
    doc = _CountingDoc(text, ents)
    spans = doc_entities(doc, 100)
    assert doc.reads == 1
    assert len(spans) == 1000
    assert all(text[s.start - 100:s.end - 100] == "Kremlin" for s in spans)


def test_a_paragraph_longer_than_the_models_max_length_is_analysed(analyser):
    """The 1,000,000-character limit (E088) scaled down: no piece may reach the model above it."""
    text = "Intro line.\n" + (SENTENCE + "“We agree,” Merkel said. ") * 1200 + "\n"
    nlp = analyser.nlp
    saved = nlp.max_length
    nlp.max_length = MAX_PIECE
    try:
        assert len(text) > 5 * MAX_PIECE
        result = analyser.analyse(text)
    finally:
        nlp.max_length = saved
    merkels = [e for e in result.entities if text[e.start:e.end] == "Angela Merkel"]
    assert len(merkels) == 1200 and all(e.label == "PERSON" for e in merkels)
    assert len(result.quotes) == 1200
    assert all(text[q.start:q.end] == "“We agree,”" for q in result.quotes)
    assert sum(q.attrs["speaker"] == "Angela Merkel" for q in result.quotes) >= 1190
