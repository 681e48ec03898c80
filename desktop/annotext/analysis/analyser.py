"""Runs a whole text through the model paragraph by paragraph and assembles an AnalysisResult.

This is the one entry point the library, the CLI and the GUI worker use. It is slow (seconds to
minutes), reports progress per batch of paragraphs and can be cancelled between batches.
"""

from __future__ import annotations

from typing import Callable

from annotext.analysis.entities import doc_entities, harmonise_labels, split_possessives
from annotext.analysis.normalise import prepare_text
from annotext.analysis.parse import salient_names, snapshot
from annotext.analysis.people import index_people
from annotext.analysis.quotes import find_quotes, needs_parse
from annotext.analysis.pieces import batches, model_ranges
from annotext.core.document import text_sha256
from annotext.core.results import NO_MODEL, AnalysisResult, ModelInfo, recount_quotes

# Bump whenever a change to this package changes results: stored analyses with another version are redone.
ANALYSER_VERSION = "1"

Progress = Callable[[int, int], None]


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
        """Load the best available model (DESIGN §6); raises ModelUnavailable when there is none."""
        from annotext.analysis.pipeline import load_model

        nlp, info = load_model(configured)
        return cls(nlp, info)

    def analyse(self, text: str, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> AnalysisResult:
        """Entities, people and quotes of `text`, offsets in code points of `text` itself. The model
        reads one paragraph at a time (very long ones in pieces), so time grows linearly with length."""
        prepared = prepare_text(text)
        ranges = model_ranges(prepared)
        entities = []
        parses = {}
        subjects: list[int] = []
        total = len(ranges)
        if progress:
            progress(0, total)
        if self.nlp is not None:
            done = 0
            for batch in batches(ranges):
                docs = self.nlp.pipe((prepared[start:end] for start, end in batch), batch_size=len(batch))
                for (start, end), doc in zip(batch, docs):
                    entities.extend(doc_entities(doc, start))
                    subjects.extend(salient_names(doc, start))
                    if needs_parse(prepared[start:end]):
                        parses[start] = snapshot(doc, start)
                done += len(batch)
                if cancelled and cancelled():
                    raise AnalysisCancelled()
                if progress:
                    progress(done, total)
        elif progress:
            progress(total, total)
        entities = harmonise_labels(split_possessives(entities, prepared), prepared)
        entities, people = index_people(entities, prepared)
        quotes = find_quotes(prepared, entities, parses, subjects)
        recount_quotes(people, quotes)
        return AnalysisResult(
            text_sha256=text_sha256(text),
            model=self.model,
            analyser_version=ANALYSER_VERSION,
            entities=entities,
            quotes=quotes,
            people=people,
        )
