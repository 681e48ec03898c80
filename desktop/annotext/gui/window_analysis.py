"""Opening a document in the main window and showing its analysis: the text at once, then the
highlights and panels from the library's cache or from a background analysis (progress, provisional
highlights, storing the result, Stop). A mixin of MainWindow, kept apart so main_window.py stays
about building and wiring the window; every result is stored before it is shown."""

from __future__ import annotations

import sqlite3
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from annotext import APP_NAME
from annotext.core.errors import AnnotextError

if TYPE_CHECKING:
    from annotext.core.results import AnalysisResult
    from annotext.core.spans import Span

# While a long document is read, the Quotes panel lists at most this many of the quotations found
# from their marks (the complete, attributed list replaces them at the end); listing thousands at
# once would freeze the window for a list without speakers.
PROVISIONAL_QUOTES = 300


class DocumentAnalysis:
    """Methods of MainWindow (which provides library, reader, legend, panels, runner, progress,
    settings, current/result/raw_result, analysisApplied and on_status)."""

    @Slot(int)
    def open_document(self, doc_id: int) -> None:
        """Show a document at once; highlights follow from the cache or a background analysis."""
        from annotext.analysis.analyser import ANALYSER_VERSION
        from annotext.analysis.pipeline import peek_model_info
        from annotext.core.blocks import blocks_of

        document = self.library.document(doc_id)
        self._remember_scroll()
        self.current = document
        self.result = self.raw_result = None
        self.setWindowTitle(f"{document.title} — {APP_NAME}")
        blocks = blocks_of(document.metadata, document.text)
        if (self.reader.text != document.text or self.reader.spans() or self.reader.tag_spans()
                or self.reader.blocks() != blocks):
            self.reader.show_text(document.text, document.title, blocks)  # (a start-up preview is kept as is)
        self.legend.set_counts({})
        self.people_panel.set_people([], [])
        self.quotes_panel.set_quotes([])
        self.settings.setValue("lastDocument", doc_id)
        if not self.library_panel.show_current(doc_id):  # added since the list was read (first start, another window)
            self.refresh_library()
        self.annotating.refresh()
        self._restore_scroll()
        model = peek_model_info(self.model_name)
        cached = self.library.cached_analysis(document, model, ANALYSER_VERSION)
        if cached is None and model is None:
            cached = self.library.cached_analysis(document, None, ANALYSER_VERSION)
        if cached is not None:
            self.apply_result(doc_id, cached)
            self.on_status(f"Analysis loaded from the library ({cached.model.label}).")
            self.model_label.setText(cached.model.label if model else "no language model")
            return
        if model is None:
            self.model_label.setText("no language model")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        from annotext.gui.eta import Eta
        from annotext.gui.provisional import ProvisionalView

        self._eta = Eta()
        self._provisional = ProvisionalView(document.text)
        self.analysis_job = self.runner.analyse(
            document.text, first=self._top_offset(doc_id),
            store=None if self.library.read_only else partial(self._store_on_analysis_thread, doc_id),
            progressed=partial(self.on_progress, doc_id),
            finished=partial(self.on_analysis_finished, doc_id), failed=partial(self.on_analysis_failed, doc_id),
            cancelled=partial(self.on_analysis_cancelled, doc_id))

    @Slot()
    def cancel_analysis(self) -> None:
        """Stop the running analysis between two batches of paragraphs."""
        if self.analysis_job is not None:
            self.analysis_job.cancel()
            self.on_status("Stopping the analysis…")

    @Slot(str)
    def on_model_ready(self, label: str) -> None:
        """Show which model is in use, or that there is none and how to get one."""
        from annotext.analysis.pipeline import INSTALL_HINT

        self.model_label.setText(label or "no language model")
        if not label:
            self.on_status(INSTALL_HINT)

    def on_progress(self, doc_id: int, report: tuple) -> None:
        """Analysis progress of the current document: (done, total) paragraphs, or ("spans", [...])
        provisional highlights, shown at once (the final result replaces them)."""
        if self.current is None or doc_id != self.current.id:
            return
        if report and report[0] == "spans":
            self._show_provisional(report[1])
            return
        if report and report[0] == "stored":
            self._stored[doc_id] = report[1]
            return
        done, total = report
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat("Analysing %p%")
        self.on_status(f"Analysing paragraph {self._eta.describe(done, total)}…")

    def _show_provisional(self, spans: "list[Span]") -> None:
        """Highlights as the model finds them; the People and Quotes panels fill in as they go."""
        if self.result is not None:
            return
        self.reader.add_spans(spans)
        if self._provisional.add(spans):
            quotes, people = self._provisional.taken()
            if people:
                self.people_panel.set_people(self._provisional.people(), [])
            if quotes:
                self.quotes_panel.set_quotes(self._provisional.quotes[:PROVISIONAL_QUOTES], [])

    def _analysis_ended(self) -> None:
        """The analysis job ended: no more progress, no Stop button."""
        self.analysis_job = None
        self.progress.hide()
        self.cancel_button.hide()

    def on_analysis_finished(self, doc_id: int, result: "AnalysisResult") -> None:
        """Store the result (GUI thread), then show it if its document is still open."""
        self._analysis_ended()
        if doc_id in self._stored:  # kept on the analysis thread already
            problem = self._stored.pop(doc_id)
            if problem:
                self.on_status(f"The analysis could not be saved: {problem}")
            if self.current is not None and self.current.id == doc_id:
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, partial(self._show_finished, doc_id, result))
            return
        try:
            self.library.store_analysis(doc_id, result)
        except (AnnotextError, sqlite3.Error) as error:  # full disk, busy: shown, kept for this session only
            from annotext.storage.integrity import failure

            problem = failure(error, self.library.path) if isinstance(error, sqlite3.Error) else error
            self.on_status(f"The analysis could not be saved: {problem}")
            if self.current is not None and self.current.id == doc_id:
                self.apply_result(doc_id, result)
            return
        if self.current is not None and self.current.id == doc_id:
            # shown on the next event-loop turn: storing and showing a long report's result are two
            # turns of the loop, not one long stall (docs/scale.md, "Progressive reading")
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, partial(self._show_finished, doc_id, result))

    def _store_on_analysis_thread(self, doc_id: int, result: "AnalysisResult") -> str | None:
        """Runs on the analysis thread: keep the result through that thread's own connection to the
        library (WAL: the window's connection reads it at once), so storing a long report's spans
        never stalls the window; returns why it could not be kept, or None."""
        from annotext.application.library import Library

        try:
            if self._analysis_library is None:
                self._analysis_library = Library(self.library.path)
            self._analysis_library.store_analysis(doc_id, result)
        except (AnnotextError, sqlite3.Error) as error:
            from annotext.storage.integrity import failure

            return str(failure(error, self.library.path) if isinstance(error, sqlite3.Error) else error)
        return None

    def _show_finished(self, doc_id: int, result: "AnalysisResult") -> None:
        from annotext.analysis.pipeline import INSTALL_HINT

        if self.current is None or self.current.id != doc_id:
            return
        self.apply_result(doc_id, result, staged=True)
        people = len(result.people)
        self.on_status(f"{len(result.entities)} entities, {people} people, {len(result.quotes)} quotations"
                       + ("" if result.model.name != "none" else f". {INSTALL_HINT}"))

    def on_analysis_cancelled(self, doc_id: int) -> None:
        """The analyst pressed Stop: the text stays readable, nothing is stored."""
        self._analysis_ended()
        if self.current is not None and self.current.id == doc_id:
            self.on_status("Analysis stopped; reopen the document to analyse it.")

    def on_analysis_failed(self, doc_id: int, message: str) -> None:
        """A failed analysis: the text stays readable, the message says why."""
        self._analysis_ended()
        self.on_status(message)
        if self.current is not None and self.current.id == doc_id:
            self.analysisApplied.emit(doc_id)

    def apply_result(self, doc_id: int, result: "AnalysisResult", staged: bool = False) -> None:
        """Show an analysis (with the analyst's corrections): highlights, legend, panels. `staged`
        (a long report just analysed): the highlights are painted first, then the People and Quotes
        panels are filled one event-loop turn each, so no single turn holds the window for long."""
        from annotext.gui.staged import run_in_turns

        self.raw_result = result
        self.result = shown = self.library.corrected(self.current, result)
        steps = [partial(self._show_spans, shown),
                 lambda: self.people_panel.set_people(shown.people, shown.entities),
                 lambda: self.quotes_panel.set_quotes(shown.quotes, shown.hidden_quotes),
                 lambda: self.analysisApplied.emit(doc_id)]
        if staged:
            run_in_turns(steps, lambda: self.result is shown)  # (stops if another result replaces it)
            return
        for step in steps:
            step()

    def _show_spans(self, shown: "AnalysisResult"):
        """Highlights and legend counts; the reader's signal when it paints them over later turns."""
        from annotext.core.spans import Span
        from annotext.gui.formats import HIDDEN_QUOTE

        hidden = [Span(q.start, q.end, HIDDEN_QUOTE, HIDDEN_QUOTE, q.attrs) for q in shown.hidden_quotes]
        self.reader.set_spans([*shown.spans(), *hidden])
        for label in self.legend.hidden_labels():
            self.reader.set_label_visible(label, False)
        counts: dict[str, int] = {}
        for span in shown.spans():
            counts[span.label] = counts.get(span.label, 0) + 1
        self.legend.set_counts(counts)
        return self.reader.highlightsPainted if self.reader.highlights_pending() else None
