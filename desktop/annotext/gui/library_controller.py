"""Library actions of the main window: background import with per-file reports, recent files,
paste as a new document, search, and renaming, re-dating, replacing and deleting documents."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from annotext.core.document import Document, collapse_blank_lines, guess_title, normalise_newlines
from annotext.application.document_edits import ChangeDocument, DeleteDocument, ReplaceText
from annotext.gui.jobs import JobRunner
from annotext.gui.search_panel import SearchPanel
from annotext.importers import ImportFailed, import_file, supported_suffixes
from annotext.core.errors import AnnotextError
from annotext.importers.errors import display_path
from annotext.storage.search import first_match
from annotext.gui.attributes_dialog import edit_attributes
from annotext.gui.safe_text import show_message

MAX_RECENT = 10


@dataclass(frozen=True, slots=True)
class FileRead:
    """What the import job reports after each file: its document, or the one-line problem."""

    path: Path
    document: Document | None
    problem: str
    done: int
    total: int


def read_files(paths: list[Path], job) -> None:
    """The import job (runner thread): convert each file, reporting as it goes; one bad file never
    stops the others, and a cancelled job stops before the next file."""
    for index, path in enumerate(paths, start=1):
        if job.is_cancelled():
            return
        document, problem = None, ""
        try:
            document = import_file(path)
        except ImportFailed as error:
            problem = str(error)
        except Exception as error:  # an importer bug must not take the app down
            problem = f"{display_path(path)}: could not be imported ({error})"
        job.report(FileRead(path, document, problem, index, len(paths)))


class LibraryController(QObject):
    """Owns the import thread and the search panel of one main window."""

    importFinished = Signal(object)  # id of the last document imported, or None

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.search = SearchPanel()
        self.search.searchRequested.connect(self.run_search)
        self.search.hitChosen.connect(self.open_hit)
        self.search.cleared.connect(window.library_panel.show)
        self.runner = JobRunner("annotext-import", self)
        self._last: int | None = None
        self._problems: list[str] = []
        panel = window.library_panel
        panel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.customContextMenuRequested.connect(self._menu)

    # Import ----------------------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        """Convert files in the background; each is stored as soon as it is read."""
        from annotext.gui.eta import Eta

        self._last, self._problems = None, []
        self._eta = Eta()
        self.window.progress.setRange(0, len(paths))
        self.window.progress.setValue(0)
        self.window.progress.show()
        files = [Path(p) for p in paths]
        self.runner.submit(lambda job: read_files(files, job), name="Import", progressed=self.on_file,
                           finished=self.on_done, failed=self._import_failed)

    def _import_failed(self, message: str) -> None:
        self._problems.append(message)
        self.on_done()

    def on_file(self, report: "FileRead") -> None:
        """One file was read: store its document (GUI thread, one transaction) or note its problem."""
        if report.document is not None:
            try:
                self._last = self.window.library.add_document(report.document)
            except AnnotextError as error:
                self._problems.append(str(error))
            else:
                self.remember_recent(report.path)
                self.window.refresh_library()
        else:
            self._problems.append(report.problem)
        self.window.progress.setRange(0, report.total)
        self.window.progress.setValue(report.done)
        self.window.on_status(f"Imported {self._eta.describe(report.done, report.total)} file(s)…")

    def on_done(self, _result=None) -> None:
        """Report problems in one message, then open the last document imported."""
        self.window.progress.hide()
        if self._problems:
            self.window.on_status(self._problems[-1])
            box = QMessageBox(QMessageBox.Icon.Warning, "Could not import", "\n".join(self._problems),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
        if self._last is not None:
            self.window.open_document(self._last)
        self.importFinished.emit(self._last)

    @Slot()
    def choose_files(self) -> None:
        """File ▸ Open: pick one or more files to import and show."""
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        names, _ = QFileDialog.getOpenFileNames(self.window, "Open documents", str(Path.home()),
                                                f"Documents ({patterns});;All files (*)")
        if names:
            self.import_paths([Path(n) for n in names])

    @Slot()
    def paste_as_document(self, title: str | None = None) -> int | None:
        """Edit ▸ Paste as new document: the clipboard's text becomes a document, its paragraphs kept
        and runs of blank lines dropped; the title is asked for (the first line is proposed)."""
        text = collapse_blank_lines(normalise_newlines(QGuiApplication.clipboard().text() or "")).strip()
        if not text:
            self.window.on_status("The clipboard holds no text.")
            return None
        if title is None:
            from PySide6.QtWidgets import QInputDialog

            title, ok = QInputDialog.getText(self.window, "Paste as new document", "Title:",
                                             text=guess_title(text, "Pasted text"))
            if not ok:
                return None
        title = " ".join(title.split()) or guess_title(text, "Pasted text")
        document = Document(title=title, text=text + "\n", source="")
        try:
            doc_id = self.window.library.add_document(document)
        except AnnotextError as error:  # a read-only library, a full disk…
            show_message(self.window, "Not saved", str(error))
            return None
        self.window.refresh_library()
        self.window.open_document(doc_id)
        return doc_id

    # Recent files ------------------------------------------------------------------------------
    def recent(self) -> list[str]:
        """Recently imported files, newest first."""
        value = self.window.settings.value("recentFiles", [])
        return [value] if isinstance(value, str) else list(value or [])

    def remember_recent(self, path: Path) -> None:
        """Put a file at the top of File ▸ Open Recent."""
        recent = [p for p in self.recent() if p != str(path.resolve())]
        recent.insert(0, str(path.resolve()))
        self.window.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self.update_recent_menu()

    def update_recent_menu(self) -> None:
        """Rebuild File ▸ Open Recent."""
        menu = self.window.recent_menu
        menu.clear()
        for name in self.recent():
            action = menu.addAction(name.replace("&", "&&"))
            action.setData(name)
            action.triggered.connect(self._open_recent)
        menu.setEnabled(bool(self.recent()))

    @Slot()
    def _open_recent(self) -> None:
        self.import_paths([Path(self.sender().data())])

    # Search ----------------------------------------------------------------------------------
    @Slot(str)
    def run_search(self, query: str) -> None:
        """Search the library and show the hits in place of the document list."""
        hits = self.window.library.search(query)
        self.search.show_hits(hits)
        self.window.library_panel.setVisible(not self.search.active)

    @Slot(object, str)
    def open_hit(self, hit, query: str) -> None:
        """Open the document of a hit and select the matching place."""
        self.window.open_document(hit.doc_id)
        if hit.start is not None:
            self.window.reader.select_range(hit.start, hit.end)
            return
        found = first_match(self.window.current.text, query)
        if found:
            self.window.reader.select_range(*found)

    # Document actions ------------------------------------------------------------------------
    def _menu(self, point) -> None:
        item = self.window.library_panel.itemAt(point)
        if item is None:
            return
        doc_id = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self.window)
        menu.addAction("Rename…", lambda: self.rename(doc_id))
        menu.addAction("Source and date…", lambda: self.edit_source(doc_id))
        menu.addAction("Attributes (source, date, author…)…", lambda: edit_attributes(self.window, doc_id))
        menu.addAction("Replace text from a file…", lambda: self.replace_text(doc_id))
        menu.addSeparator()
        menu.addAction("Delete…", lambda: self.delete(doc_id))
        menu.exec(self.window.library_panel.viewport().mapToGlobal(point))

    def rename(self, doc_id: int, title: str | None = None) -> bool:
        """Give a document another title (undoable)."""
        before = self.window.library.document(doc_id)
        if title is None:
            title, ok = QInputDialog.getText(self.window, "Rename", "Title:", text=before.title)
            if not ok:
                return False
        title = " ".join(title.split())
        if not title:
            return False
        after = copy.copy(before)
        after.title = title
        return self.window.annotating.submit(ChangeDocument(before, after, label="Rename document"))

    def edit_source(self, doc_id: int, source: str | None = None, date: str | None = None) -> bool:
        """Set where a document comes from (file or URL) and its date (undoable)."""
        before = self.window.library.document(doc_id)
        if source is None:
            source, ok = QInputDialog.getText(self.window, "Source", "Source (file or URL):", text=before.source)
            if not ok:
                return False
            date, ok = QInputDialog.getText(self.window, "Date", "Date (YYYY-MM-DD):",
                                            text=before.metadata.get("date", ""))
            if not ok:
                return False
        after = copy.deepcopy(before)
        after.source = source.strip()
        if date is not None:
            after.metadata["date"] = date.strip()
        return self.window.annotating.submit(ChangeDocument(before, after, label="Change source"))

    def replace_text(self, doc_id: int, path: Path | None = None) -> dict | None:
        """Replace a document's text with a file's, re-anchoring every passage (undoable); reports the counts."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, "Replace text with", str(Path.home()))
            if not name:
                return None
            path = Path(name)
        try:
            new = import_file(path)
        except ImportFailed as error:
            show_message(self.window, "Replace text", str(error))
            return None
        from annotext.core.blocks import blocks_of

        edit = ReplaceText(doc_id, new.text, new_blocks=blocks_of(new.metadata, new.text))
        if not self.window.annotating.submit(edit):
            return None
        if self.window.current is None or self.window.current.id != doc_id:
            self.window.open_document(doc_id)
        counts = edit.counts
        moved = counts["position"] + counts["exact"] + counts["fuzzy"]
        self.window.on_status(f"Text replaced: {moved} passage(s) re-anchored ({counts['fuzzy']} approximately),"
                              f" {counts['orphaned']} orphaned (listed in Annotations).")
        return counts

    def delete(self, doc_id: int, confirm: bool = True) -> bool:
        """Delete a document with its passages after confirmation (undoable in this session)."""
        document = self.window.library.document(doc_id)
        if confirm:
            count = len(self.window.library.annotations.annotations(doc_id))
            box = QMessageBox(QMessageBox.Icon.Question, "Delete document",
                              f"Delete “{document.title}” and its {count} passage(s)? "
                              "Edit ▸ Undo brings it back during this session.",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        return self.window.annotating.submit(DeleteDocument(document))

    def shutdown(self) -> None:
        """Stop the import thread."""
        self.runner.shutdown()
