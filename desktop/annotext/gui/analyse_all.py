"""Analyse every document not analysed yet, in the background, with progress and Stop.

The worker thread only runs the model on a text and returns the result; the GUI thread stores each
result (with its corpus summary) in one transaction as soon as it arrives, so Stop, a crash or
closing the window keeps every finished document and nothing half-done.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from annotext.gui.jobs import JobRunner


class AnalyseAll(QObject):
    """Emits progressed(done, total), ended(message)."""

    progressed = Signal(int, int)
    ended = Signal(str)

    def __init__(self, library, model_name: str | None, parent=None):
        super().__init__(parent)
        self.library = library
        self.model_name = model_name
        self.runner: JobRunner | None = None
        self._analyser = None
        self._todo: list[int] = []
        self._done = 0
        self._total = 0
        self._job = None

    @property
    def running(self) -> bool:
        """True while documents are being analysed."""
        return self._job is not None

    def start(self, todo: list[int]) -> None:
        """Analyse these documents one after the other."""
        if self.running or not todo:
            return
        if self.runner is None:
            self.runner = JobRunner("analyse-all", self)
        self._todo, self._done, self._total = list(todo), 0, len(todo)
        self.progressed.emit(0, self._total)
        self._next()

    def stop(self) -> None:
        """Stop after (without storing) the document being analysed."""
        if self._job is not None:
            self._job.cancel()

    def shutdown(self) -> None:
        """The window closes: stop and end the thread."""
        self.stop()
        if self.runner is not None:
            self.runner.shutdown()

    def _next(self) -> None:
        if not self._todo:
            self._job = None
            self.ended.emit(f"Analysed {self._done} document(s).")
            return
        doc_id = self._todo.pop(0)
        text = self.library.document(doc_id).text
        self._job = self.runner.submit(self._work(text), name="Analysis",
                                       finished=lambda result: self._store(doc_id, result),
                                       failed=self._failed, cancelled=self._cancelled)

    def _work(self, text: str) -> Callable:
        def work(job):
            if self._analyser is None:
                from annotext.analysis.analyser import Analyser

                self._analyser = Analyser.load(self.model_name)
            return self._analyser.analyse(text, cancelled=job.is_cancelled)

        return work

    def _store(self, doc_id: int, result) -> None:
        self.library.store_analysis(doc_id, result)
        self._done += 1
        self.progressed.emit(self._done, self._total)
        self._next()

    def _failed(self, message: str) -> None:
        self._job = None
        self._todo = []
        self.ended.emit(f"Analysis stopped: {message} ({self._done} document(s) analysed and kept).")

    def _cancelled(self) -> None:
        self._job = None
        self._todo = []
        self.ended.emit(f"Stopped: {self._done} of {self._total} document(s) analysed and kept.")
