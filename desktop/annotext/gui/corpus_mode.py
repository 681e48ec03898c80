"""The main window's corpus mode: switching between reading one document and the corpus view,
importing a folder, analysing everything, and the corpus report. Widgets are built on first use,
so none of this costs anything at start-up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QStackedWidget

from annotext.gui.safe_text import show_message


class CorpusMode(QObject):
    """Owns the corpus view and the "Analyse all" job of one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.view = None
        self.stack: QStackedWidget | None = None
        self.analysis = None
        self._reports = None
        window.analysisApplied.connect(lambda _doc_id: self.changed())

    @property
    def shown(self) -> bool:
        """True while the corpus view replaces the reading view."""
        return self.stack is not None and self.stack.currentWidget() is self.view

    def show(self, tag_name: str | None = None) -> None:
        """Switch the window to the corpus view (optionally on a tag's coded passages)."""
        if self.view is None:
            self._build()
        self.stack.setCurrentWidget(self.view)
        if self.view.stale:
            self.view.refresh()
        self.view.setFocus()
        if tag_name:
            self.view.tabs.setCurrentWidget(self.view.passages)
            self.view.passages.show_tag(tag_name)

    def show_tag(self, tag_id: int) -> None:
        """Codebook ▸ Show in all documents: the tag's passages across the library."""
        self.show(self.window.library.annotations.tag(tag_id).name)

    def show_selected_tag(self) -> None:
        """Tools ▸ All passages of the selected tag: coding retrieval for the codebook's selection."""
        tag_id = self.window.annotating.codebook.current_tag_id()
        if tag_id is None:
            self.show()
            self.view.tabs.setCurrentWidget(self.view.passages)
            self.window.on_status("Choose a tag in the codebook (or in the Passages tab) to list its passages.")
        else:
            self.show_tag(tag_id)

    def back(self) -> None:
        """Back to reading the current document."""
        if self.stack is not None:
            self.stack.setCurrentIndex(0)

    def changed(self) -> None:
        """The library changed (an edit, its undo, an analysis): the view refreshes when shown."""
        if self.view is not None:
            self.view.stale = True
            if self.shown:
                self.view.refresh()

    def _build(self) -> None:
        from annotext.gui.corpus_view import CorpusView
        from annotext.gui.theme import system_prefers_dark

        window = self.window
        self.view = CorpusView(window.library, window.annotating.submit, dark=system_prefers_dark(QApplication.instance()))
        self.view.openAt.connect(self.open_at)
        self.view.backToReading.connect(self.back)
        self.view.analyse_button.clicked.connect(self.toggle_analysis)
        self.view.export_button.clicked.connect(
            lambda: self.reports.stop() if self.reports.running else self.export_report())
        self.view.passages.reports = self.reports
        self.stack = QStackedWidget()
        reading = window.takeCentralWidget()
        self.stack.addWidget(reading)
        self.stack.addWidget(self.view)
        window.setCentralWidget(self.stack)

    def open_at(self, doc_id: int, start: int, end: int) -> None:
        """Read a document at a quotation or passage found in the corpus view."""
        self.back()
        self.window.open_document(doc_id)
        self.window.reader.select_range(start, end)

    # Analyse all -------------------------------------------------------------------------------
    def toggle_analysis(self) -> None:
        """Start analysing every document not analysed yet, or Stop."""
        from annotext.gui.analyse_all import AnalyseAll

        if self.analysis is not None and self.analysis.running:
            self.analysis.stop()
            return
        if self.analysis is None:
            self.analysis = AnalyseAll(self.window.library, self.window.model_name, self)
            self.analysis.progressed.connect(self._progress)
            self.analysis.ended.connect(self._ended)
        todo = self.view.service.unanalysed() if self.view is not None else []
        if todo:
            from annotext.gui.eta import Eta

            self._eta = Eta()
            self.view.analyse_button.setText("Stop")
            self.analysis.start(todo)

    def analyse_all(self) -> None:
        """Tools ▸ Analyse all documents: the corpus view, analysing."""
        self.show()
        if self.analysis is None or not self.analysis.running:
            self.toggle_analysis()

    def _progress(self, done: int, total: int) -> None:
        self.window.on_status(f"Analysing all documents: {self._eta.describe(done, total)} done (Stop keeps those).")
        if done and (done == total or done % 10 == 0):
            self.changed()
        if self.view is not None:
            self.view.analyse_button.setText(f"Stop ({done}/{total})")

    def _ended(self, message: str) -> None:
        self.window.on_status(message)
        self.changed()

    def shutdown(self) -> None:
        """The window closes."""
        if self.analysis is not None:
            self.analysis.shutdown()
        if self._reports is not None:
            self._reports.shutdown()

    # Import and report -------------------------------------------------------------------------
    def import_folder(self, folder: Path | None = None) -> int:
        """File ▸ Import folder…: every supported file under a folder, in the background."""
        from annotext.application.bulk import files_in

        if folder is None:
            name = QFileDialog.getExistingDirectory(self.window, "Import every document in a folder", str(Path.home()))
            if not name:
                return 0
            folder = Path(name)
        files = files_in([folder])
        if not files:
            self.window.on_status(f"No .txt, .md, .html, .pdf, .docx or .epub files in {folder}.")
            return 0
        self.window.import_paths(files)
        return len(files)

    @property
    def reports(self):
        """The window's report runner (corpus and code reports), made on first use."""
        if self._reports is None:
            from annotext.gui.report_export import ReportExports

            self._reports = ReportExports(self.window, self.window.on_status, self)
            self._reports.began.connect(lambda: self.view is not None and self.view.export_button.setText("Stop report"))
            self._reports.ended.connect(self._report_ended)
        return self._reports

    def _report_ended(self, _path: str) -> None:
        if self.view is not None:
            self.view.export_button.setText("Export report…")

    def export_report(self, path: Path | None = None) -> bool:
        """File ▸ Export corpus report…: HTML, PDF, DOCX or CSV by the name's suffix, of the corpus
        view's selection (the whole library when the view was never opened). The data is read here,
        on the GUI thread; the file is written as a job (gui.report_export), and while it is, the view's
        Export button is its Stop. True when the job was started."""
        from annotext.application.corpus import CorpusService, build_report
        from annotext.core.corpus import CorpusFilter
        from annotext.export.corpus_report import REPORT_FORMATS
        from annotext.storage.errors import LibraryError
        from annotext.storage.library_files import refuse_library_target

        if self.reports.running:
            self.window.on_status("A report is still being written: wait for it, or press Stop report in the corpus view.")
            return False
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self.window, "Export corpus report", "corpus-report.html",
                                                  "HTML (*.html);;PDF (*.pdf);;Word (*.docx);;CSV people table (*.csv)")
            if not name:
                return False
            path = Path(name)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in REPORT_FORMATS:
            show_message(self.window, "Export corpus report", f"{path.name}: choose .html, .pdf, .docx or .csv")
            return False
        selection = self.view.selection if self.view is not None else CorpusFilter()
        try:
            refuse_library_target(path, self.window.library.path)
        except (OSError, LibraryError) as error:
            show_message(self.window, "Export corpus report", str(error))
            return False
        self.window.on_status("Reading the corpus report's numbers from the library…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the reading only: SQLite lives here
        try:
            report = build_report(CorpusService(self.window.library), selection)
        except LibraryError as error:
            show_message(self.window, "Export corpus report", str(error))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.reports.start(report, fmt, path, "Corpus report")
        return True
