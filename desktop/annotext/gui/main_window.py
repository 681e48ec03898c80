"""The main window: library on the left, the reader in the middle, panels on the right.

Wiring only: documents come from annotext.application.library, analysis from the background runner,
and every result is stored before it is shown. Opening a document and showing its analysis are in
window_analysis.py, the menu bar in window_menus.py, the panels' widths in window_layout.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QProgressBar,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from typing import TYPE_CHECKING

from annotext import APP_NAME
from annotext.core.palette import LABEL_NAMES
from annotext.gui.reader import ReaderView
from annotext.gui.window_analysis import DocumentAnalysis
from annotext.gui.window_layout import (LEFT_MIN_WIDTH, READER_MIN_WIDTH, RIGHT_MIN_WIDTH, NotesSpace,
                                        PanelLayout)
from annotext.gui.window_menus import WindowMenus

if TYPE_CHECKING:  # the rest loads after the first paint (see attach_library)
    from annotext.application.changes import Changes
    from annotext.core.document import Document
    from annotext.application.library import Library
    from annotext.core.results import AnalysisResult
    from annotext.core.spans import Span


def _titled(title: str, widget: QWidget) -> QWidget:
    """A panel with a small heading above it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    heading = QLabel(title)
    heading.setProperty("class", "panelTitle")
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    return box


class MainWindow(DocumentAnalysis, WindowMenus, PanelLayout, QMainWindow):
    """One window over one library."""

    analysisApplied = Signal(int)  # doc id whose highlights are now shown

    def __init__(self, library: "Library | None", settings: QSettings, model_name: str | None = None):
        """Build the window; without a library it can already show a preview of the text (fast
        start), and `attach_library` completes it."""
        super().__init__()
        self.library = None
        self.settings = settings
        self.current: "Document | None" = None
        self.raw_result: "AnalysisResult | None" = None  # as analysed (cached), before corrections
        self.result: "AnalysisResult | None" = None  # what is shown: corrections applied
        self.model_name = model_name
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._sized = False
        self._build_widgets()
        self._restore_state()
        if library is not None:
            self.attach_library(library)

    def attach_library(self, library: "Library") -> None:
        """Complete the window with everything that needs the open library."""
        from annotext.gui.annotation_controller import AnnotationController
        from annotext.gui.export_dialog import ExportRunner
        from annotext.gui.analysis_jobs import AnalysisJobs
        from annotext.gui.library_controller import LibraryController

        from PySide6.QtCore import Qt

        self.left.setOrientation(Qt.Orientation.Vertical)
        for label in (self.status_label, self.model_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.reader.enable_keyboard_selection()
        self.library = library
        author = self.settings.value("author")
        if author:
            library.annotations.author = str(author)
        self.runner = AnalysisJobs(self.model_name, self)
        self._analysis_library = None  # the analysis thread's own connection, opened there on first use
        self._stored: dict[int, str | None] = {}  # doc id -> None, or why the analysis thread could not store
        self.runner.status.connect(self.on_status)
        self.runner.modelReady.connect(self.on_model_ready)
        self.analysis_job = None  # the analysis being shown in the status bar (gui.jobs.Job)
        self._build_panels()
        from annotext.gui.legend import LegendBar

        self.legend = LegendBar()
        self.legend.setMinimumHeight(self._legend_space.height())
        self.legend.labelToggled.connect(self.reader.set_label_visible)
        self.legend.labelToggled.connect(self.remember_legend)
        self.centre_layout.replaceWidget(self._legend_space, self.legend)
        self._legend_space.deleteLater()
        from annotext.gui.notes_margin import NotesMargin

        self.notes = NotesMargin(self.reader)
        self.centre.installEventFilter(self)
        self._fit_notes()
        self.reading_row.replaceWidget(self._notes_space, self.notes)
        self._notes_space.deleteLater()
        self.reading_row.addWidget(self.outer_scroll_bar())
        from annotext.gui.find_bar import FindBar

        self.find_bar = FindBar(self.reader)
        self.centre_layout.addWidget(self.find_bar)
        from annotext.gui.window_actions import WindowActions

        self.menu_actions = WindowActions(self)
        self.export_runner = ExportRunner(self)
        self.annotating = AnnotationController(self)
        from annotext.gui.correction_controller import CorrectionController

        self.corrections = CorrectionController(self)
        self.library_actions = LibraryController(self)
        from annotext.gui.corpus_mode import CorpusMode

        self.corpus = CorpusMode(self)
        self.annotating.codebook.tagRetrieved.connect(self.corpus.show_tag)
        self.library_layout.insertWidget(0, self.library_actions.search)
        self.tabs.addTab(self.annotating.panel, "Annotations")
        self.left.addWidget(_titled("Codebook", self.annotating.codebook))
        left = self.settings.value("window/left")
        if left is not None:
            self.left.restoreState(left)
        else:
            self.left.setSizes([450, 350])
        self._build_menus()
        self.refresh_library()
        if library.read_only:
            self.on_status(f"{library.path} is {library.read_only}: opened read-only.")

    def show_preview(self, title: str, text: str, metadata: dict | None = None) -> None:
        """Show a document's text before the library is open (first paint); open_document keeps it."""
        from annotext.core.blocks import blocks_of

        self.reader.show_text(text, title, blocks_of(metadata, text))
        self.setWindowTitle(f"{title} — {APP_NAME}")

    # Construction --------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        """What the first paint needs: the reader in its place, empty side panels, the status bar."""
        self.reader = ReaderView()
        self.reader.tooltip_provider = self.describe_spans
        self.centre = centre = QWidget()
        self.centre_layout = centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self._legend_space = QWidget()  # keeps the reader where it will be once the legend arrives
        self._legend_space.setFixedHeight(self.fontMetrics().height() + 20)
        centre_layout.addWidget(self._legend_space)
        self.reading_row = QHBoxLayout()  # the reader and, beside it, the notes margin
        self.reading_row.setContentsMargins(0, 0, 0, 0)
        self.reading_row.setSpacing(0)
        self.reading_row.addWidget(self.reader, 1)
        self._notes_space = NotesSpace()  # holds the margin's place until it arrives (no jump)
        self._notes_space.setVisible(self.notes_wanted())
        self.reading_row.addWidget(self._notes_space)
        centre_layout.addLayout(self.reading_row, 1)

        self.tabs = QTabWidget()
        library_box = QWidget()
        self.library_layout = QVBoxLayout(library_box)
        self.library_layout.setContentsMargins(0, 0, 0, 0)
        self.library_layout.setSpacing(0)
        self.left = QSplitter()  # made vertical in attach_library: no `Qt` before the first paint
        self.left.addWidget(_titled("Library", library_box))
        self.splitter = QSplitter()  # horizontal by default
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.left.setMinimumWidth(LEFT_MIN_WIDTH)
        self.reader.setMinimumWidth(READER_MIN_WIDTH)  # the notes margin beside it gives way first
        self.tabs.setMinimumWidth(RIGHT_MIN_WIDTH)
        self.splitter.setCollapsible(1, False)  # the side panels may collapse, never the reader
        self.splitter.setSizes([220, 760, 460])
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel()
        # Long messages must not widen the window (they are cut at its edge; the tooltip has them whole).
        from PySide6.QtWidgets import QSizePolicy

        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        from PySide6.QtWidgets import QToolButton

        self.cancel_button = QToolButton()
        self.cancel_button.setText("Stop")
        self.cancel_button.setToolTip("Stop the analysis (the text stays readable; reopening analyses again)")
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.cancel_button.hide()
        self.model_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.model_label)

    def _build_panels(self) -> None:
        """The panels that show library content (built once the library is open)."""
        from annotext.gui.library_panel import LibraryPanel
        from annotext.gui.people_panel import PeoplePanel
        from annotext.gui.quotes_panel import QuotesPanel

        self.library_panel = LibraryPanel()
        self.library_panel.documentChosen.connect(self.open_document)
        self.library_layout.addWidget(self.library_panel, 1)
        self.people_panel = PeoplePanel()
        self.people_panel.mentionRequested.connect(self.reader.select_range)
        self.quotes_panel = QuotesPanel()
        self.quotes_panel.quoteChosen.connect(self.reader.select_range)
        for widget, name in ((self.library_panel, "Documents"), (self.people_panel, "People"),
                             (self.quotes_panel, "Quotes"), (self.tabs, "Side panel")):
            widget.setAccessibleName(name)
        self.tabs.addTab(self.people_panel, "People")
        self.tabs.addTab(self.quotes_panel, "Quotes")

    # Library -------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Re-read the document list (after an import, or another instance's changes)."""
        documents = self.library.documents()
        if self.current is not None and self.current.id not in {d.id for d in documents}:
            self.close_document()
        from annotext.application.corpus import CorpusService

        self.library_panel.set_documents(documents, self.current.id if self.current else None,
                                         CorpusService(self.library).listing_attributes())

    def close_document(self) -> None:
        """Show nothing (the open document was deleted)."""
        self.current = self.result = self.raw_result = None
        self.reader.show_text("")
        self.legend.set_counts({})
        self.people_panel.set_people([], [])
        self.quotes_panel.set_quotes([])
        self.setWindowTitle(APP_NAME)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files in the background (see LibraryController); the last one opens when done."""
        self.library_actions.import_paths(paths)

    # Status and changes --------------------------------------------------------------------
    @Slot(str)
    def on_status(self, message: str) -> None:
        """Show a message in the status bar (plain text)."""
        self.status_label.setText(message)
        self.status_label.setToolTip(message)

    def show_changes(self, changes: "Changes") -> None:
        """Refresh only the views that show something an edit (or its undo) changed."""
        self.corpus.changed()
        if changes.documents:
            self.refresh_library()
        current = self.current
        if current is None or not changes.touches(current.id):
            return
        if changes.text or changes.analysis:
            self.open_document(current.id)  # new text: passages, highlights and panels all follow
            return
        if changes.passages and changes.passage_ids is not None and not changes.codebook \
                and changes.doc_id == current.id:
            self.annotating.update_passages(changes.passage_ids)  # one passage: its row, card and highlight
        elif changes.passages or changes.codebook:
            self.annotating.refresh(passages=changes.passages)
        if changes.corrections and self.raw_result is not None:
            self.apply_result(current.id, self.raw_result)

    def describe_spans(self, spans: "list[Span]") -> str:
        """Tooltip text for the highlights under the mouse."""
        from annotext.core.results import ENTITY, QUOTE
        from annotext.gui.formats import HIDDEN_QUOTE

        lines = []
        for span in spans:
            if span.kind == ENTITY:
                person = span.attrs.get("person")
                lines.append(f"{person} — person" if person else f"{LABEL_NAMES.get(span.label, span.label)} ({span.label})")
            elif span.kind == "tag":
                tags = ", ".join(span.attrs.get("tags") or []) or "no tag"
                comment = span.attrs.get("comment")
                coder = span.attrs.get("coder")
                lines.append(f"Passage — {tags}" + (f" (coded by {coder})" if coder else "")
                             + (f"\nComment: {comment}" if comment else ""))
            elif span.kind == HIDDEN_QUOTE:
                lines.append("Marked not a quotation — right-click to restore")
            elif span.kind == QUOTE:
                speaker = span.attrs.get("speaker") or "unattributed quotation"
                cue = span.attrs.get("cue")
                by = span.attrs.get("corrected_by")
                lines.append((f"{speaker} — {cue}" if cue else speaker) + (f" ({by})" if by else ""))
        return "\n".join(lines)

    # Window --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _remember_scroll(self) -> None:
        if self.current is not None:
            self.settings.setValue(f"scroll/{self.current.id}", self.reader.verticalScrollBar().value())
            self.settings.setValue(f"scrollOffset/{self.current.id}", self.reader.visible_range()[0])

    def _top_offset(self, doc_id: int) -> int:
        """The text offset at the top of the screen when this document was last left (0 the first
        time): where a progressive analysis starts, known before the new text is laid out."""
        try:
            return max(0, int(self.settings.value(f"scrollOffset/{doc_id}", 0)))
        except (TypeError, ValueError):
            return 0

    def _restore_scroll(self) -> None:
        value = self.settings.value(f"scroll/{self.current.id}")
        if value is not None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._apply_saved_scroll)

    @Slot()
    def _apply_saved_scroll(self) -> None:
        if self.current is not None:
            value = self.settings.value(f"scroll/{self.current.id}")
            if value is not None:
                self.reader.verticalScrollBar().setValue(int(value))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """First show without saved state: give the side panels their comfortable widths."""
        super().showEvent(event)
        if not self._sized and self.settings.value("window/splitter") is None:
            self.splitter.setSizes(self._default_widths(sum(self.splitter.sizes())))
        self._sized = True
        self._sync_view_actions()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Keep window state; stop the worker thread cleanly."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/left", self.left.saveState())
        self._remember_scroll()
        self.settings.sync()
        if self.library is not None:
            self.runner.shutdown()
            if self._analysis_library is not None:  # its thread has ended: close its connection here
                self._analysis_library.close(backup=False)
                self._analysis_library = None
            self.export_runner.shutdown()
            self.library_actions.shutdown()
            self.corpus.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        """Accept dropped files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        """Import every dropped local file."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
