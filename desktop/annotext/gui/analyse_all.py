"""Analyse every document not analysed yet, in the background, over every core, with progress and Stop.

The job runs the documents through the worker-process pool of annotext.analysis.batch (each worker
loads the model once) and hands each result to the GUI thread as it arrives; the GUI thread stores
it (with its corpus summary) in one transaction, so Stop, a crash or closing the window keeps every
finished document and nothing half-done. The texts are read before the job starts: work functions
never touch the database (docs/architecture.md, "Threading").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotext.gui.jobs import JobRunner


class AnalyseAll(QObject):
    """Emits progressed(done, total), ended(message)."""

    progressed = Signal(int, int)
    ended = Signal(str)

    def __init__(self, library, model_name: str | None, parent=None, jobs: int | None = None):
        super().__init__(parent)
        self.library = library
        self.model_name = model_name
        self.jobs = jobs  # None: every usable core
        self.runner: JobRunner | None = None
        self._done = 0
        self._total = 0
        self._job = None

    @property
    def running(self) -> bool:
        """True while documents are being analysed."""
        return self._job is not None

    def start(self, todo: list[int]) -> None:
        """Analyse these documents over the worker processes, storing each as it is done."""
        if self.running or not todo:
            return
        if self.runner is None:
            self.runner = JobRunner("analyse-all", self)
        texts = [(doc_id, self.library.document(doc_id).text) for doc_id in todo]
        self._done, self._total = 0, len(todo)
        self.progressed.emit(0, self._total)
        self._job = self.runner.submit(lambda job: self._work(texts, job), name="Analysis",
                                       progressed=self._store, finished=self._finished,
                                       failed=self._failed, cancelled=self._cancelled)

    def stop(self) -> None:
        """Stop: documents being analysed are finished but not stored; the others are not started."""
        if self._job is not None:
            self._job.cancel()

    def shutdown(self) -> None:
        """The window closes: stop and end the thread."""
        self.stop()
        if self.runner is not None:
            self.runner.shutdown()

    def _work(self, texts: list[tuple[int, str]], job) -> int:
        from annotext.analysis.batch import analyse_texts, default_jobs

        count = 0
        for doc_id, result in analyse_texts(texts, model=self.model_name, jobs=self.jobs or default_jobs(),
                                            cancelled=job.is_cancelled):
            if job.is_cancelled():
                break
            job.report((doc_id, result))
            count += 1
        return count

    def _store(self, report) -> None:
        doc_id, result = report
        self.library.store_analysis(doc_id, result)
        self._done += 1
        self.progressed.emit(self._done, self._total)

    def _finished(self, _count: int) -> None:
        self._job = None
        self.ended.emit(f"Analysed {self._done} document(s).")

    def _failed(self, message: str) -> None:
        self._job = None
        self.ended.emit(f"Analysis stopped: {message} ({self._done} document(s) analysed and kept).")

    def _cancelled(self) -> None:
        self._job = None
        self.ended.emit(f"Stopped: {self._done} of {self._total} document(s) analysed and kept.")
