"""Quotations and their speakers as plain spans, plus each person's quote counts ("share of voice")."""

from __future__ import annotations

from annotext.analysis.attribution import Attributor
from annotext.analysis.attribution_record import Attribution
from annotext.analysis.parse import ParagraphParse
from annotext.analysis.quote_kind import SCARE, quote_kind, quote_kind_without_model
from annotext.analysis.quote_marks import MARKS, find_quote_marks
from annotext.core.results import QUOTE
from annotext.core.spans import Span

QUOTE_LABEL = "QUOTE"


def needs_parse(paragraph: str, after: str = "") -> bool:
    """Only paragraphs with a quote mark, or ending with a colon or followed (`after`: the text
    after it) by a paragraph that opens with a quotation (they may introduce it), need their tokens
    kept for attribution."""
    return paragraph.rstrip().endswith(":") or any(ch in MARKS for ch in paragraph) \
        or after.lstrip()[:1] in MARKS and after.lstrip()[:1] != ""


def find_quotes(text: str, entities: list[Span], parses: dict[int, ParagraphParse],
                subject_starts: list[int], embedded_subjects: list[int] = ()) -> list[Span]:
    """Every quotation of `text` with kind (speech or scare), speaker, speaker mention offsets and
    cue in its attrs; scare quotes have no speaker.

    `text` is the prepared text (mistyped apostrophes fixed); without parses (no model) the
    quotations are still found, with `speaker` None.
    """
    marks = find_quote_marks(text)
    attributions = Attributor(text, marks, entities, parses, subject_starts, embedded_subjects).attribute_all()
    spans = []
    for quote, found in zip(marks, attributions):
        kind = quote_kind(text, quote, found) if parses else quote_kind_without_model(text, quote)
        if kind == SCARE:
            found = Attribution()
        spans.append(Span(quote.start, quote.end, QUOTE, QUOTE_LABEL, {
            "content": quote.content(text),
            "kind": kind,
            "speaker": found.speaker,
            "speaker_start": found.start if found.speaker else None,
            "speaker_end": found.end if found.speaker else None,
            "cue": found.cue if found.speaker else None,
        }))
    return spans
