"""Menu actions of the main window that are dialogs around the library: export, backups and restore,
the author's name, About. Kept apart from main_window.py, which wires the views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot

from annotext import APP_NAME, __version__
from annotext.gui.safe_text import show_message


class WindowActions(QObject):
    """Slots for File ▸ Export/Back up/Restore, Edit ▸ Your name and Help ▸ About."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    @Slot()
    def choose_author(self) -> None:
        """Edit ▸ Your name: the author recorded on new passages (default: the OS user name)."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self.window, "Your name", "Name recorded on your annotations:",
                                        text=self.window.library.annotations.author)
        if ok and " ".join(name.split()):
            self.window.library.annotations.author = " ".join(name.split())
            self.window.settings.setValue("author", self.window.library.annotations.author)

    def ask_author_once(self) -> None:
        """Before the first passage of a user who never named themselves, ask once who is coding
        (pre-filled with the OS account), so that team work never records "root" (docs/team.md)."""
        settings = self.window.settings
        if settings.value("author") or settings.value("author_asked"):
            return
        settings.setValue("author_asked", True)
        self.choose_author()

    @Slot()
    def choose_merge(self) -> None:
        """File ▸ Merge another analyst's work… (docs/team.md)."""
        from annotext.gui.team_dialogs import choose_merge

        choose_merge(self.window)

    @Slot()
    def show_agreement(self) -> None:
        """Tools ▸ Coder agreement…"""
        from annotext.gui.team_dialogs import AgreementDialog

        AgreementDialog(self.window).exec()

    # Backups ---------------------------------------------------------------------------------
    @Slot()
    def backup_now(self) -> None:
        """File ▸ Back up library now (a failure, e.g. a full disk, is shown; nothing half-written is kept)."""
        from annotext.storage.errors import LibraryError

        try:
            path = self.window.library.backup()
        except LibraryError as error:
            show_message(self.window, "Back up", str(error))
            return
        self.window.on_status(f"Backup saved: {path}")

    @Slot()
    def choose_backup(self) -> None:
        """File ▸ Restore backup: pick one; the current state is backed up first, then reloaded."""
        from PySide6.QtWidgets import QInputDialog

        from annotext.storage.backups import list_backups
        from annotext.storage.restore import restore_backup
        from annotext.storage.errors import LibraryError

        backups = list_backups(self.window.library.path)
        if not backups:
            show_message(self.window, "Restore backup", "There are no backups of this library yet.", info=True)
            return
        labels = [b.label for b in backups]
        label, ok = QInputDialog.getItem(self.window, "Restore backup", "Replace the library with:", labels, 0, False)
        if not ok:
            return
        chosen = backups[labels.index(label)]
        try:
            safety = restore_backup(self.window.library.path, chosen.path)
        except LibraryError as error:
            show_message(self.window, "Restore backup", str(error))
            return
        self.window.annotating.undo_stack.clear()  # the edits on the stack belong to the replaced state
        self.window.refresh_all()
        kept = f"; the previous state is in {safety.name}" if safety is not None else ""
        self.window.on_status(f"Restored {chosen.path.name}{kept}.")

    # Export --------------------------------------------------------------------------------
    @Slot()
    def choose_export(self) -> None:
        """File ▸ Export: the current document, or every document selected in the library list."""
        from annotext.gui.export_dialog import ExportDialog

        ids = self.window.library_panel.selected_ids() or ([self.window.current.id] if self.window.current else [])
        if not ids:
            self.window.on_status("Open a document to export.")
            return
        items = self.window.library.report_items(ids)
        labels = sorted({e.label for _d, r, _a in items if r for e in r.entities})
        name = items[0][0].title if len(items) == 1 else "annotext-report"
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name)[:80].strip() or "report"
        folder = self.window.settings.value("exportFolder", str(Path.home()))
        dialog = ExportDialog(self.window, labels, self.window.library.annotations.tags(), safe, folder,
                              library_path=self.window.library.path)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        fmt, path, options, excel = dialog.request()
        self.window.settings.setValue("exportFolder", str(path.parent))
        self.window.export_runner.start(items, self.window.library.annotations.tags(), fmt, path, options, excel)

    def show_about(self) -> None:
        """Help ▸ About: versions of the app, Qt, spaCy and the language model."""
        from importlib.metadata import PackageNotFoundError, version

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        try:
            spacy_version = version("spacy")
        except PackageNotFoundError:
            spacy_version = "not installed"
        show_message(self.window, f"About {APP_NAME}",
                     f"{APP_NAME} {__version__}\nRead articles with entities and quotations highlighted; "
                     f"tag, comment, export.\n\nQt {qVersion()} (Qt for Python {pyside_version})\n"
                     f"spaCy {spacy_version}\nLanguage model: {self.window.model_label.text() or 'not loaded yet'}\n"
                     f"Library: {self.window.library.path if self.window.library else '—'}", info=True)
