"""Writing a corpus or code report as a job (gui.jobs): the report's data is read from the library on
the GUI thread by the caller, the HTML/DOCX/CSV file is built and written on the runner's thread (PDF
on the GUI thread: Qt's PDF writer and text layout run nowhere else), with a count, time left and
Stop in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from annotext.core.errors import AnnotextError
from annotext.gui.eta import Eta
from annotext.gui.jobs import Job, JobRunner
from annotext.gui.safe_text import show_message


class ReportStopped(AnnotextError):
    """Raised inside the writer when the analyst pressed Stop (the old file, if any, stays)."""


def write_report_job(report, fmt: str, path: Path, job: Job) -> str:
    """The job: write the report (plain data, no database) atomically, reporting each step; returns the path."""
    from annotext.export.corpus_report import write_corpus_report

    def progress(done: int, total: int) -> None:
        if job.is_cancelled() and done < total:  # the last step is the file in place: too late to stop
            raise ReportStopped(f"Stopped: {path.name} was not written")
        job.report((done, total))

    write_corpus_report(report, fmt, path, progress=progress)
    return str(path)


class ReportExports(QObject):
    """Runs report exports one after the other and tells the window how each ended.
    `status(text)` shows a line in the status bar; `stop_button` (optional) becomes Stop meanwhile."""

    began = Signal()
    ended = Signal(str)  # the path written, or "" when it failed or was stopped

    def __init__(self, window, status: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.status = status
        self.runner = JobRunner("annotext-report", self)
        self.job: Job | None = None
        self._eta = Eta()
        self._what = "Report"

    @property
    def running(self) -> bool:
        """True while a report is being written."""
        return self.job is not None

    def start(self, report, fmt: str, path: Path, what: str = "Corpus report") -> Job:
        """Queue writing `report` (already read from the library) as `fmt` to `path`."""
        path = Path(path)
        self._what = what
        self._eta = Eta()
        self.status(f"Writing the {what.lower()} to {path.name}…")
        self.began.emit()
        self.job = self.runner.submit(lambda job: write_report_job(report, fmt, path, job), name=what,
                                      on_this_thread=fmt == "pdf",  # Qt's PDF writer and text layout: GUI thread only
                                      progressed=self._progressed, finished=self._finished,
                                      failed=self._failed, cancelled=self._cancelled)
        return self.job

    def stop(self) -> None:
        """Stop the report being written, at its next step (nothing is written)."""
        if self.job is not None:
            self.job.cancel()
            self.status(f"Stopping the {self._what.lower()}…")

    def _progressed(self, value) -> None:
        done, total = value
        self.status(f"Writing the {self._what.lower()}: step {self._eta.describe(done, total)}.")

    def _finished(self, path: str) -> None:
        self.job = None
        self.status(f"{self._what} written to {path}")
        self.ended.emit(path)

    def _failed(self, message: str) -> None:
        self.job = None
        self.status(message)
        self.ended.emit("")
        show_message(self.window, f"Export {self._what.lower()}", message)

    def _cancelled(self) -> None:
        self.job = None
        self.status(f"{self._what} stopped.")
        self.ended.emit("")

    def shutdown(self) -> None:
        """The window closes: stop the report under way and the thread."""
        self.runner.shutdown()
