"""Coding retrieval: every passage of one tag across the library (or the corpus selection), with
document, date, context, comment and coder; a double-click reads it; exports as CSV, HTML or DOCX
(written as a job by the window's report runner, gui.report_export)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from annotext.core.corpus import CorpusFilter
from annotext.gui.safe_text import plain_tooltip, show_message

COLUMNS = ["Date", "Document", "Passage (in context)", "Comment", "Coder"]


class PassagesPanel(QWidget):
    """The coded passages of the chosen tag; `open_at(doc_id, start, end)` reads one."""

    def __init__(self, service, open_at: Callable[[int, int, int], None], parent=None):
        super().__init__(parent)
        self.service = service
        self.open_at = open_at
        self.selection = CorpusFilter()
        self.reports = None  # the window's ReportExports, given by the corpus mode
        self.found = []
        self._stale = True
        self.tag = QComboBox()
        self.tag.setObjectName("retrievalTag")
        self.tag.activated.connect(lambda _i: self.show_tag(self.tag.currentText()))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Tag:"))
        buttons.addWidget(self.tag, 1)
        buttons.addWidget(self.count, 1)
        for fmt in ("CSV", "HTML", "DOCX"):
            button = QPushButton(f"Export {fmt}…")
            button.clicked.connect(lambda _c=False, f=fmt.lower(): self.export(f))
            buttons.addWidget(button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("retrieval")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def set_tags(self, names: list[str]) -> None:
        """The tags offered (the codebook)."""
        current = self.tag.currentText()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems(names)
        if current in names:
            self.tag.setCurrentText(current)
        self.tag.blockSignals(False)

    def set_selection(self, selection: CorpusFilter) -> None:
        """Restrict to the corpus view's selection and list the current tag again."""
        self.selection = selection
        self._stale = True
        if self.isVisible() and self.tag.currentText():
            self.show_tag(self.tag.currentText())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Listed when the tab is shown (a tag with thousands of passages costs nothing until then)."""
        super().showEvent(event)
        if self._stale and self.tag.currentText():
            self.show_tag(self.tag.currentText())

    def show_tag(self, name: str) -> int:
        """List every passage tagged `name`; returns how many."""
        self._stale = False
        try:
            self.found = self.service.passages(name, self.selection)
        except LookupError:
            self.found = []
        if self.tag.currentText() != name:
            self.tag.setCurrentText(name)
        self.table.setRowCount(len(self.found))
        for row, passage in enumerate(self.found):
            context = f"…{passage.before[-40:]}[{passage.exact}]{passage.after[:40]}…".replace("\n", " ")
            cells = [QTableWidgetItem(passage.date or ""), QTableWidgetItem(passage.title), QTableWidgetItem(context),
                     QTableWidgetItem(passage.comment), QTableWidgetItem(passage.coder)]
            cells[2].setToolTip(plain_tooltip(passage.exact))
            cells[3].setToolTip(plain_tooltip(passage.comment))
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        if len(self.found) <= 300:
            self.table.resizeRowsToContents()
        documents = len({p.doc_id for p in self.found})
        self.count.setText(f"{len(self.found)} passage(s) in {documents} document(s); double-click to read one.")
        return len(self.found)

    def _open(self, item: QTableWidgetItem) -> None:
        passage = self.found[item.row()]
        self.open_at(passage.doc_id, passage.start, passage.end)

    def export(self, fmt: str, path: str | None = None) -> bool:
        """Start writing the listed passages as a CSV or an HTML/DOCX code report (atomically, off the
        GUI thread: the passages were read when listed); True when the job was started."""
        if not self.found or self.reports is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Export code report", f"code-report.{fmt}", f"{fmt.upper()} (*.{fmt})")
            if not path:
                return False
        from datetime import datetime, timezone

        from annotext import __version__
        from annotext.export.corpus_report import code_report
        from annotext.storage.library_files import refuse_library_target
        from annotext.storage.errors import LibraryError

        if self.reports.running:
            show_message(self, "Export code report", "A report is still being written; wait for it or press Stop.")
            return False
        try:
            refuse_library_target(path, self.service.library.path)
        except (OSError, LibraryError) as error:
            show_message(self, "Export code report", str(error))
            return False
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        report = code_report(f"Code report: {self.tag.currentText()}", self.selection.describe(),
                             f"Annotext {__version__}, {stamp}", [(self.tag.currentText(), list(self.found))])
        self.reports.start(report, fmt, Path(path), "Code report")
        return True
