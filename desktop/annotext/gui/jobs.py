"""The one way the GUI runs work off its thread: a JobRunner owns one worker QThread and runs jobs on
it in order; `submit` returns a Job handle (id, `cancel()`, latest `progress`) whose signals arrive on
the GUI thread.

A job superseded by a newer one (opening document B while A is still being analysed) is cancelled
and forgotten at once: whatever its worker still emits is dropped, so it can never clear the state
of the job that replaced it. Work functions return plain values, which the GUI thread stores; the
one exception, the document analysis storing through its own connection, is explained in
docs/architecture.md, "Threading".
"""

from __future__ import annotations

import itertools
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotext.core.errors import AnnotextError


class Job(QObject):
    """The handle of one submitted piece of work. Exactly one of finished, failed or cancelled is
    emitted, on the GUI thread, unless the job was superseded (then nothing more is emitted)."""

    progressed = Signal(object)  # whatever the work reports, e.g. (done, total)
    finished = Signal(object)  # the work's return value
    failed = Signal(str)  # one line for the analyst
    cancelled = Signal()

    def __init__(self, job_id: int, name: str, work: Callable[["Job"], Any], runner: "JobRunner"):
        super().__init__()
        self.id = job_id
        self.name = name
        self.progress: Any = None
        self._work = work
        self._runner = runner
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check; the job then ends with `cancelled`."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """For the work function (any thread): stop as soon as this is True."""
        return self._cancel.is_set()

    def report(self, value: Any) -> None:
        """For the work function (worker thread): progress, delivered to `progressed` on the GUI thread."""
        self._runner._progress.emit(self.id, value)


class _Worker(QObject):
    """Lives on the runner's thread and runs one job at a time."""

    def __init__(self, runner: "JobRunner"):
        super().__init__()
        self.runner = runner

    @Slot(object)
    def run(self, job: Job) -> None:
        """Run the work; a job cancelled before it ends reports `cancelled`, whatever the work did."""
        runner = self.runner
        if job.is_cancelled():
            runner._cancelled.emit(job.id)
            return
        try:
            result = job._work(job)
        except Exception as error:  # reported, never a crash of the app
            if job.is_cancelled():
                runner._cancelled.emit(job.id)
                return
            if not isinstance(error, AnnotextError):
                traceback.print_exc()
            runner._failed.emit(job.id, str(error) if isinstance(error, AnnotextError)
                                else f"{job.name} failed: {error}")
            return
        if job.is_cancelled():
            runner._cancelled.emit(job.id)
        else:
            runner._finished.emit(job.id, result)


class JobRunner(QObject):
    """GUI-thread owner of one worker thread."""

    _start = Signal(object)
    _progress = Signal(int, object)
    _finished = Signal(int, object)
    _failed = Signal(int, str)
    _cancelled = Signal(int)
    _ids = itertools.count(1)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: dict[int, Job] = {}
        self.thread = QThread()
        self.thread.setObjectName(name)
        self._worker = _Worker(self)
        self._worker.moveToThread(self.thread)
        self._start.connect(self._worker.run)
        self._progress.connect(self._on_progress)
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._cancelled.connect(self._on_cancelled)
        self.thread.start()

    def submit(self, work: Callable[[Job], Any], *, name: str = "Job", supersede: bool = False,
               on_this_thread: bool = False, progressed: Callable | None = None,
               finished: Callable | None = None, failed: Callable | None = None,
               cancelled: Callable | None = None) -> Job:
        """Run `work(job)` after the jobs queued before it; returns its handle.

        `supersede` cancels and forgets every job still queued or running (their signals are dropped).
        `on_this_thread` runs it now on the GUI thread (for work Qt allows nowhere else, such as
        painting a PDF), with the same signals. The callables are connected before the job starts.
        """
        if supersede:
            for old in self._jobs.values():
                old.cancel()
            self._jobs.clear()
        job = Job(next(self._ids), name, work, self)
        for signal, slot in ((job.progressed, progressed), (job.finished, finished), (job.failed, failed),
                             (job.cancelled, cancelled)):
            if slot is not None:
                signal.connect(slot)
        self._jobs[job.id] = job
        if on_this_thread:
            self._worker.run(job)
        else:
            self._start.emit(job)
        return job

    def running(self) -> list[Job]:
        """The jobs queued or running that have not been superseded, oldest first."""
        return list(self._jobs.values())

    def shutdown(self) -> None:
        """Cancel every job and stop the thread (the window closes). The wait is not cut short: Qt
        aborts the application when a QThread object is destroyed while its thread still runs, and
        every job checks for cancellation often (analysis between paragraphs, import between files)."""
        for job in self._jobs.values():
            job.cancel()
        self.thread.quit()
        self.thread.wait()
        # What the jobs reported before they stopped may still be queued for this thread: dropped, as
        # for a superseded job, so nothing reaches a window (and its closed library) after it closed.
        self._jobs.clear()

    @Slot(int, object)
    def _on_progress(self, job_id: int, value: Any) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job.progress = value
            job.progressed.emit(value)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: Any) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None:
            job.finished.emit(result)

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None:
            job.failed.emit(message)

    @Slot(int)
    def _on_cancelled(self, job_id: int) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None:
            job.cancelled.emit()
