"""Background analysis: loads the model and analyses texts on a worker QThread.

The worker never touches the database; it emits plain AnalysisResults which the GUI thread stores.
Signals cross threads queued and are received by bound slots of GUI-thread objects.
"""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the analysis package loads on the worker thread, after the first paint
    from annotext.analysis.analyser import Analyser


class AnalysisWorker(QObject):
    """Lives on the worker thread. Loads the model once, on first use."""

    status = Signal(str)
    modelReady = Signal(str)  # model label, or "" when no model could be loaded
    progress = Signal(int, int, int)  # doc id, paragraphs done, total
    finished = Signal(int, object)  # doc id, AnalysisResult
    failed = Signal(int, str)

    def __init__(self, model_name: str | None):
        super().__init__()
        self._model_name = model_name
        self._analyser: "Analyser | None" = None
        self.cancel_event = threading.Event()  # stop whatever runs (another document was opened, or closing)
        self.cancelled_docs: set[int] = set()  # the analyst pressed Stop for these

    @Slot()
    def load_model(self) -> None:
        """Load the model if it is not loaded yet (slow: imports spaCy)."""
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
        self.modelReady.emit(self._analyser.model.label)

    @Slot(int, str)
    def analyse(self, doc_id: int, text: str) -> None:
        """Analyse one text, reporting progress; emits finished or failed exactly once."""
        from annotext.analysis.analyser import AnalysisCancelled

        self.cancel_event.clear()
        self.load_model()
        try:
            result = self._analyser.analyse(
                text,
                progress=lambda done, total: self.progress.emit(doc_id, done, total),
                cancelled=lambda: self.cancel_event.is_set() or doc_id in self.cancelled_docs,
            )
        except AnalysisCancelled:
            self.failed.emit(doc_id, "")
            return
        except Exception as error:  # reported, never a crash of the GUI
            traceback.print_exc()
            self.failed.emit(doc_id, f"Analysis failed: {error}")
            return
        self.finished.emit(doc_id, result)


class AnalysisRunner(QObject):
    """GUI-thread owner of the worker thread: request, cancel, shut down."""

    requested = Signal(int, str)
    preloadRequested = Signal()

    def __init__(self, model_name: str | None, parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("annotext-analysis")
        self.worker = AnalysisWorker(model_name)
        self.worker.moveToThread(self.thread)
        self.requested.connect(self.worker.analyse)
        self.preloadRequested.connect(self.worker.load_model)
        self.thread.start()
        self.busy_doc: int | None = None

    def analyse(self, doc_id: int, text: str) -> None:
        """Queue an analysis; any analysis still running for another document is cancelled."""
        if self.busy_doc is not None and self.busy_doc != doc_id:
            self.worker.cancel_event.set()
        self.worker.cancelled_docs.discard(doc_id)
        self.busy_doc = doc_id
        self.requested.emit(doc_id, text)

    def preload(self) -> None:
        """Start loading the model now, so the first analysis does not wait for it."""
        self.preloadRequested.emit()

    def shutdown(self) -> None:
        """Cancel running work and stop the thread (called when the window closes)."""
        self.worker.cancel_event.set()
        self.thread.quit()
        self.thread.wait(30_000)
