"""File ▸ Export (Ctrl+E): choose format, content and file; the export runs on a worker thread
with progress, then offers to open the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from annotext.core.palette import LABEL_NAMES, label_sort_key
from annotext.export.report import ReportOptions
from annotext.export.registry import FORMATS
from annotext.export.run import export
from annotext.gui.jobs import JobRunner
from annotext.gui.safe_text import show_message
from annotext.storage.errors import LibraryTargetError
from annotext.storage.library_files import refuse_library_target




class ExportDialog(QDialog):
    """Collects an export request; `request()` returns (format, path, options, excel_bom)."""

    def __init__(self, parent, labels: list[str], tags: list, default_name: str, folder: str,
                 library_path: Path | None = None):
        super().__init__(parent)
        self.library_path = library_path
        self.setWindowTitle("Export")
        self.format = QComboBox()
        for key, chosen in FORMATS.items():
            self.format.addItem(chosen.description, key)
        self.path = QLineEdit(str(Path(folder) / (default_name + ".html")))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.labels = _checklist([(label, f"{LABEL_NAMES.get(label, label)} ({label})")
                                  for label in sorted(labels, key=label_sort_key)])
        self.tags = _checklist([(tag.id, tag.name) for tag in tags])
        self.quotes = QCheckBox("Quotations")
        self.passages = QCheckBox("Tagged passages")
        self.comments = QCheckBox("Comments")
        self.people = QCheckBox("People")
        self.codebook = QCheckBox("Codebook")
        self.excel = QCheckBox("CSV for Excel (UTF-8 with byte-order mark)")
        for box in (self.quotes, self.passages, self.comments, self.people, self.codebook):
            box.setChecked(True)
        self.quotes.setToolTip("Reports: the quotations. CSV, JSON, .qdpx: a row, annotation or coding per "
                               "quotation, with its (corrected) speaker")
        self.people.setToolTip("Reports: the people table. CSV, JSON, .qdpx: a row, annotation or coding per "
                               "mention of a person, under the corrected name")
        include = QWidget()
        include_layout = QVBoxLayout(include)
        include_layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.quotes, self.passages, self.comments, self.people, self.codebook, self.excel):
            include_layout.addWidget(box)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("File", path_row)
        form.addRow("Entities", self.labels)
        form.addRow("Passages with tags", self.tags)
        form.addRow("Include", include)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.resize(620, 560)

    def _format_changed(self) -> None:
        suffix = FORMATS[self.format.currentData()].suffix
        self.path.setText(str(Path(self.path.text()).with_suffix(suffix)))
        self.excel.setEnabled(self.format.currentData() == "csv")

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.path.setText(name)

    def accept(self) -> None:
        """Close only on a file that may be written: never the library or its backups; an existing
        file only once the analyst agreed to replace it (typed or browsed, asked once, here)."""
        path = self.request()[1]
        problem = export_target_problem(path, self.library_path)
        if problem:
            show_message(self, "Export", problem)
            return
        if path.exists() and not show_message(self, "Export", f"{path} already exists.\nReplace it?",
                                              question=True):
            return
        super().accept()

    def request(self) -> tuple[str, Path, ReportOptions, bool]:
        """What the analyst chose."""
        labels = _checked(self.labels)
        tags = _checked(self.tags)
        options = ReportOptions(
            entity_labels=set(labels),
            quotes=self.quotes.isChecked(), passages=self.passages.isChecked(),
            tag_ids=None if len(tags) == self.tags.count() else set(tags),
            comments=self.comments.isChecked(), people=self.people.isChecked(),
            codebook=self.codebook.isChecked())
        return self.format.currentData(), Path(self.path.text()).expanduser(), options, self.excel.isChecked()


def export_target_problem(path: Path, library_path: Path | None) -> str | None:
    """Why `path` cannot receive an export (a folder, the library, one of its files), or None."""
    if path.is_dir():
        return f"{path}: is a folder; choose a file name"
    if library_path is not None:
        try:
            refuse_library_target(path, library_path)
        except LibraryTargetError as error:
            return str(error)
    return None


def _checklist(entries) -> QListWidget:
    widget = QListWidget()
    widget.setMaximumHeight(110)
    for data, text in entries:
        item = QListWidgetItem(text)
        item.setData(32, data)
        item.setCheckState(item.checkState().Checked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list:
    return [widget.item(i).data(32) for i in range(widget.count())
            if widget.item(i).checkState() == widget.item(i).checkState().Checked]


def write_export(items, tags, fmt, path, options, excel, job) -> str:
    """The export job: write the file (the data was read from SQLite on the GUI thread); returns its path."""
    from annotext.analysis.tokens import token_bounds

    export(items, tags, fmt, path, options, excel_bom=excel, progress=job.report, tokenize=token_bounds)
    return str(path)


class ExportRunner(QObject):
    """Runs exports as jobs (gui.jobs), one after the other, and reports how each ended."""

    done = Signal(str)  # path, or "" on failure

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.runner = JobRunner("annotext-export", self)
        self.ask_to_open = True

    def start(self, items, tags, fmt, path, options, excel) -> None:
        """Queue an export (the PDF writer needs the GUI thread, so it runs there)."""
        library = getattr(self.window, "library", None)
        problem = export_target_problem(Path(path), library.path if library is not None else None)
        if problem:
            self.on_failed(problem)
            return
        self.window.progress.setRange(0, 0)
        self.window.progress.show()
        self.runner.submit(lambda job: write_export(items, tags, fmt, path, options, excel, job), name="Export",
                           on_this_thread=fmt == "pdf",  # Qt's PDF writer and text layout: GUI thread only
                           progressed=self.on_progress, finished=self.on_finished, failed=self.on_failed)

    @Slot(str)
    def on_progress(self, message: str) -> None:
        """Show progress in the status bar."""
        self.window.on_status(message)

    @Slot(str)
    def on_finished(self, path: str) -> None:
        """Offer to open the exported file."""
        self.window.progress.hide()
        self.window.on_status(f"Exported to {path}")
        self.done.emit(path)
        if self.ask_to_open:
            if show_message(self.window, "Export finished", f"Exported to {path}.\nOpen it now?", question=True):
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    @Slot(str)
    def on_failed(self, message: str) -> None:
        """Report a failed export."""
        self.window.progress.hide()
        self.window.on_status(message)
        self.done.emit("")
        show_message(self.window, "Export failed", message)

    def shutdown(self) -> None:
        """Stop the export thread when the window closes (an export under way is finished first)."""
        self.runner.shutdown()
