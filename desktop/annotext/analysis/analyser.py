"""Runs a whole text through the model paragraph by paragraph and assembles an AnalysisResult.

This is the one entry point the library, the CLI and the GUI worker use. It is slow (seconds to
minutes), reports progress per batch of paragraphs and can be cancelled between batches.
"""

from __future__ import annotations

from typing import Callable

from annotext.analysis.entities import doc_entities, harmonise_labels, joined_hyphenated_names, split_possessives
from annotext.analysis.normalise import prepare_text
from annotext.analysis.parse import salient_names, snapshot
from annotext.analysis.people import index_people
from annotext.analysis.speaking_people import add_speakers
from annotext.analysis.quotes import find_quotes, needs_parse
from annotext.analysis.pieces import batches, model_ranges
from annotext.core.document import text_sha256
from annotext.core.results import NO_MODEL, QUOTE, AnalysisResult, ModelInfo, recount_quotes
from annotext.core.spans import Span

# Bump whenever a change to this package changes results: stored analyses with another version are redone.
ANALYSER_VERSION = "14"

Progress = Callable[[int, int], None]


SCREEN_RANGES = 12  # a screenful of paragraphs: the first, small batch of a progressive reading
SCREEN_CHARS = 6_000


def reading_batches(ranges: list[tuple[int, int]], first: int | None = None) -> list[list[tuple[int, int]]]:
    """The model's batches. Without `first`: in text order. From `first` (the top of the screen):
    one small batch with the screen's paragraphs (highlights within a second), then on to the end,
    then from the start of the text: the reader's screen first, the rest in reading order."""
    if first is None:
        return batches(ranges)
    index = next((i for i, (_start, end) in enumerate(ranges) if end > first), len(ranges))
    after, before = ranges[index:], ranges[:index]
    screen = batches(after, SCREEN_RANGES, SCREEN_CHARS)[:1]
    rest = after[len(screen[0]):] if screen else after
    return screen + batches(rest) + batches(before)


def provisional_quotes(text: str) -> list[Span]:
    """Quotation spans found from the quote marks alone, in milliseconds and without the model:
    what the reader shows while a long document is still being read (speakers come at the end)."""
    from annotext.analysis.quote_marks import find_quote_marks

    prepared = prepare_text(text)
    return [Span(mark.start, mark.end, QUOTE, "QUOTE", {"content": mark.content(prepared), "provisional": True})
            for mark in find_quote_marks(prepared)]


class AnalysisCancelled(Exception):
    """Raised between batches when the caller asked to stop; nothing partial is returned."""


class Analyser:
    """Wraps a loaded spaCy pipeline (or none) and turns texts into AnalysisResults."""

    def __init__(self, nlp=None, model: ModelInfo = NO_MODEL):
        self.nlp = nlp
        self.model = model if nlp is not None else NO_MODEL
        self.version = ANALYSER_VERSION

    @classmethod
    def load(cls, configured: str | None = None) -> "Analyser":
        """Load the best available model (docs/architecture.md, "Analysis"); raises ModelUnavailable
        when there is none."""
        from annotext.analysis.pipeline import load_model

        nlp, info = load_model(configured)
        return cls(nlp, info)

    def analyse(self, text: str, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, *, first: int | None = None,
                partial: Callable[[list[Span]], None] | None = None) -> AnalysisResult:
        """Entities, people and quotes of `text`, offsets in code points of `text` itself. The model
        reads one paragraph at a time (very long ones in pieces), so time grows linearly with length.

        Progressive reading (a long document just opened, `first` given): the paragraphs from offset
        `first` (the top of the screen) are read first, in a small batch, then the rest in reading
        order, wrapping to the start; `partial` receives each batch's provisional entity spans as soon as they exist. What needs
        the whole text (people, speakers, pronouns) is done at the end, in text order, so the
        result is the same whatever `first` is."""
        prepared = prepare_text(text)
        ranges = model_ranges(prepared)
        entities = []
        parses = {}
        subjects: list[int] = []
        embedded: list[int] = []  # subjects of inner clauses (parse.salient_names)
        total = len(ranges)
        if progress:
            progress(0, total)
        if self.nlp is not None:
            done = 0
            for batch in reading_batches(ranges, first):
                docs = self.nlp.pipe((prepared[start:end] for start, end in batch), batch_size=len(batch))
                found = len(entities)
                for (start, end), doc in zip(batch, docs):
                    entities.extend(doc_entities(doc, start))
                    subjects.extend(salient_names(doc, start, embedded))
                    if needs_parse(prepared[start:end], prepared[end:end + 8]):
                        parses[start] = snapshot(doc, start)
                done += len(batch)
                if partial:
                    partial(entities[found:])
                if cancelled and cancelled():
                    raise AnalysisCancelled()
                if progress:
                    progress(done, total)
        elif progress:
            progress(total, total)
        if first is not None:  # back to text order: the whole-text steps below see exactly what a plain run sees
            entities.sort(key=lambda span: (span.start, span.end))
            subjects.sort()
            embedded.sort()
        entities = harmonise_labels(joined_hyphenated_names(split_possessives(entities, prepared), prepared), prepared)
        # Without a model there is no entity layer at all: quotations only (docs/architecture.md, "Analysis").
        entities, people = index_people(entities, prepared, subjects, embedded) if self.nlp is not None else ([], [])
        quotes = find_quotes(prepared, entities, parses, subjects, embedded)
        entities = add_speakers(entities, people, quotes, prepared)
        recount_quotes(people, quotes)
        return AnalysisResult(
            text_sha256=text_sha256(text),
            model=self.model,
            analyser_version=ANALYSER_VERSION,
            entities=entities,
            quotes=quotes,
            people=people,
        )
