"""The window's analysis jobs: the language model is loaded once, on the job runner's thread, and
each document's analysis is a job that supersedes the one before it (opening another document stops
the analysis of the previous one)."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator

from PySide6.QtCore import QObject, Signal

from annotext.gui.jobs import Job, JobRunner

if TYPE_CHECKING:  # the analysis package loads on the worker thread, after the first paint
    from annotext.analysis.analyser import Analyser


class AnalysisJobs(QObject):
    """Analyses texts off the GUI thread into plain AnalysisResults, stored there too when asked."""

    status = Signal(str)
    modelReady = Signal(str)  # model label, or "" when no model could be loaded

    def __init__(self, model_name: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self._model_name = model_name
        self._analyser: "Analyser | None" = None  # created and used on the runner's thread only
        self.runner = JobRunner("annotext-analysis", self)

    def analyse(self, text: str, first: int | None = None, store: Callable | None = None,
                **callbacks: Callable) -> Job:
        """Start analysing `text` (after loading the model if needed), cancelling any analysis still
        running. Progressive: the job first reports ("spans", provisional quotations), then reads from
        offset `first` (the top of the screen) and reports ("spans", entities) after each batch and
        (paragraphs done, total); it finishes with the AnalysisResult. `store(result)`, when given, keeps
        the result on this thread before the job ends (through a connection of its own, so a long
        report's thousands of spans never stall the window) and returns None or why it could not;
        the job reports that as ("stored", problem)."""
        return self.runner.submit(lambda job: self._analyse(text, job, first, store), name="Analysis", supersede=True,
                                  **callbacks)

    def shutdown(self) -> None:
        """Stop the analysis thread (the window closes)."""
        self.runner.shutdown()

    def _analyse(self, text: str, job: Job, first: int | None = None, store: Callable | None = None):
        from annotext.analysis.analyser import provisional_quotes

        job.report(("spans", provisional_quotes(text)))  # quotation marks need no model: shown at once
        self._load_model()
        with young_collections_only() as collect:
            result = self._analyser.analyse(text, progress=lambda done, total: (collect(), job.report((done, total))),
                                            cancelled=job.is_cancelled, first=first,
                                            partial=lambda spans: job.report(("spans", spans)))
        if store is not None and not job.is_cancelled():
            job.report(("stored", store(result)))
        return result

    def _load_model(self) -> None:
        """Load the model on first use (slow: imports spaCy); without one, the rule-based analyser."""
        if self._analyser is not None:
            return
        from annotext.analysis.analyser import Analyser
        from annotext.analysis.pipeline import ModelUnavailable

        self.status.emit("Loading language model…")
        try:
            self._analyser = Analyser.load(self._model_name)
        except ModelUnavailable as error:
            self._analyser = Analyser()
            self.status.emit(str(error))
            self.modelReady.emit("")
            return
        except Exception as error:  # a broken model install must not kill the app
            self._analyser = Analyser()
            self.status.emit(f"The language model could not be loaded: {error}")
            self.modelReady.emit("")
            return
        # The model is hundreds of thousands of long-lived objects: moved out of the cyclic collector's
        # reach, full collections stay short, and they run with the interpreter lock that the
        # window's thread needs (a long report's periodic 100-180 ms pauses came from them).
        gc.collect()
        gc.freeze()
        self.modelReady.emit(self._analyser.model.label)


@contextmanager
def young_collections_only() -> Iterator[Callable[[], object]]:
    """While a document is analysed, the cyclic collector's automatic full collections are the
    window's longest pauses: each goes over every object alive (the analysis' growing state, the
    results shown before) holding the interpreter lock the window's thread needs, 80-140 ms in a
    200,000-word report's first open. Automatic collection is off meanwhile; the caller collects
    the young generations between batches instead (a few ms; a batch's cycles are still reclaimed),
    and once the analysis' working state is gone, one full collection (over what is not frozen:
    short) reclaims its cycles before what outlives it is frozen with the model (gc.freeze), out
    of later full collections' way. Frozen objects are still freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield lambda: gc.collect(1)
    finally:
        gc.collect()
        gc.freeze()
        if enabled:
            gc.enable()
