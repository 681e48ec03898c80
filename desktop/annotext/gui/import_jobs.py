"""Importing files on a worker thread: reading and converting (PDF, EPUB…) happens there; the GUI
thread stores each Document in SQLite. One bad file never stops the others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotext.importers import ImportFailed, import_file


class ImportWorker(QObject):
    """Reads files into Documents; emits one signal per file and `done` at the end."""

    imported = Signal(str, object)  # path, Document
    failed = Signal(str, str)  # path, one-line reason
    progress = Signal(int, int)
    done = Signal()

    @Slot(object)
    def run(self, paths: list[Path]) -> None:
        """Convert each file, reporting as it goes; stops before the next file once the window closes."""
        thread = QThread.currentThread()
        for index, path in enumerate(paths, start=1):
            if thread.isInterruptionRequested():
                break
            try:
                self.imported.emit(str(path), import_file(path))
            except ImportFailed as error:
                self.failed.emit(str(path), str(error))
            except Exception as error:  # an importer bug must not take the app down
                self.failed.emit(str(path), f"{path}: could not be imported ({error})")
            self.progress.emit(index, len(paths))
        self.done.emit()


class ImportRunner(QObject):
    """GUI-thread owner of the import thread."""

    requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("annotext-import")
        self.worker = ImportWorker()
        self.worker.moveToThread(self.thread)
        self.requested.connect(self.worker.run)
        self.thread.start()

    def start(self, paths: list[Path]) -> None:
        """Queue files for import."""
        self.requested.emit(list(paths))

    def shutdown(self) -> None:
        """Stop the thread when the window closes: files not started yet are dropped, the one being read
        is finished. That wait is bounded because every import is (regular files only, size and text
        limits), and it must not be cut short: Qt aborts the application when a QThread object is
        destroyed while its thread still runs."""
        self.thread.requestInterruption()
        self.thread.quit()
        self.thread.wait()
