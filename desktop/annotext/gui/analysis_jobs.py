"""The window's analysis jobs: the language model is loaded once, on the job runner's thread, and
each document's analysis is a job that supersedes the one before it (opening another document stops
the analysis of the previous one)."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Callable

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
        COLLECTION.hold(self)  # from now on, cyclic garbage is collected on this (the GUI) thread only

    def analyse(self, text: str, first: int | None = None, store: Callable | None = None,
                **callbacks: Callable) -> Job:
        """Start analysing `text` (after loading the model if needed), cancelling any analysis still
        running. Progressive: the job first reports ("spans", provisional quotations), then reads from
        offset `first` (the top of the screen) and reports ("spans", entities) after each batch and
        (paragraphs done, total); it finishes with the AnalysisResult. `store(result)`, when given, keeps
        the result on this thread before the job ends (through a connection of its own, so a long
        report's thousands of spans never stall the window) and returns None or why it could not;
        the job reports that as ("stored", problem)."""
        COLLECTION.started(self)
        return self.runner.submit(lambda job: self._analyse(text, job, first, store), name="Analysis", supersede=True,
                                  **self._collecting(callbacks))

    def shutdown(self) -> None:
        """Stop the analysis thread (the window closes)."""
        self.runner.shutdown()
        COLLECTION.release(self)

    def _collecting(self, callbacks: dict[str, Callable]) -> dict[str, Callable]:
        """The job's callbacks (run on the GUI thread), with the young generations collected at each
        progress report and, when the job ends however it ends, its cycles reclaimed and what
        outlives it frozen (`GuiThreadCollection.ended`)."""
        wrapped = dict(callbacks)
        progressed = callbacks.get("progressed")
        wrapped["progressed"] = lambda value: (COLLECTION.collect_young(), progressed and progressed(value))
        for name in ("finished", "failed", "cancelled"):
            def ended(*args, _slot=callbacks.get(name)):
                COLLECTION.ended(self)
                if _slot is not None:
                    _slot(*args)
            wrapped[name] = ended
        return wrapped

    def _analyse(self, text: str, job: Job, first: int | None = None, store: Callable | None = None):
        from annotext.analysis.analyser import provisional_quotes

        job.report(("spans", provisional_quotes(text)))  # quotation marks need no model: shown at once
        self._load_model()
        result = self._analyser.analyse(text, progress=lambda done, total: job.report((done, total)),
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
        # window's thread needs (a long report's periodic 100-180 ms pauses came from them). Only
        # frozen here, never collected: a collection on this thread could free the window's Qt objects.
        gc.freeze()
        self.modelReady.emit(self._analyser.model.label)


class GuiThreadCollection:
    """The cyclic garbage collector of a process with windows: it runs on the GUI thread only.

    An automatic collection runs on whichever thread happens to allocate; on the analysis (or any
    job) thread it could finalise the window's Qt objects there, off their thread, which crashed a
    test run while the model loaded. So while a window is open, automatic collection is off — by
    a zero threshold, because loading a spaCy model calls `gc.enable()` (msgpack) and would undo
    `gc.disable()` — and a GUI-thread timer collects instead: the young generation every second,
    the middle one every ten, a full collection every hundred unless a document is being analysed.
    Automatic full collections were also the window's longest pauses (80-140 ms in a 200,000-word
    report's first open, holding the interpreter lock): during an analysis the middle generation is
    collected at each progress report, and when it ends one full collection (over what is not
    frozen: short) runs before what outlives it is frozen with the model. Frozen objects are still
    freed by reference counting."""

    def __init__(self):
        self._holders: set[int] = set()
        self._analysing: set[int] = set()
        self._saved_threshold: tuple[int, int, int] | None = None
        self._timer = None
        self._ticks = 0

    def hold(self, holder: object) -> None:
        """A window's analysis jobs exist (called on the GUI thread): collect there from now on."""
        if not self._holders:
            from PySide6.QtCore import QTimer

            self._saved_threshold = gc.get_threshold()
            gc.set_threshold(0, *self._saved_threshold[1:])
            self._timer = QTimer()
            self._timer.timeout.connect(self._tick)
            self._timer.start(1000)
        self._holders.add(id(holder))

    def release(self, holder: object) -> None:
        """A window closed: the last one gives automatic collection back."""
        self._analysing.discard(id(holder))
        if id(holder) not in self._holders:
            return
        self._holders.discard(id(holder))
        if not self._holders:
            self._timer.stop()
            self._timer = None
            gc.set_threshold(*self._saved_threshold)

    def started(self, holder: object) -> None:
        """`holder` starts analysing a document: no timed full collection until it ends."""
        self._analysing.add(id(holder))

    def collect_young(self) -> None:
        """At a progress report of an analysis (GUI thread): the young generations only (a few ms)."""
        gc.collect(1)

    def ended(self, holder: object) -> None:
        """`holder`'s analysis ended, however: reclaim its cycles and freeze what outlives it."""
        if id(holder) in self._analysing:
            self._analysing.discard(id(holder))
            gc.collect()
            gc.freeze()

    def _tick(self) -> None:
        self._ticks += 1
        if self._ticks % 100 == 0 and not self._analysing:
            gc.collect()
        else:
            gc.collect(1 if self._ticks % 10 == 0 else 0)


COLLECTION = GuiThreadCollection()  # one per process, as the collector is
