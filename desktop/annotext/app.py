"""The one place that wires QApplication, settings, the library and the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from annotext import APP_NAME, __version__

SCREENSHOT_SIZE = (1440, 900)
BENCH_ENV = "ANNOTEXT_BENCH"  # "paint" or "highlights": print when reached and quit (benchmarks/)
SCREENSHOT_TIMEOUT_MS = 180_000


def create_application(argv: list[str] | None = None):
    """A QApplication with our name, style and a theme that follows the system's dark mode."""
    from PySide6.QtWidgets import QApplication

    from annotext.gui.theme import apply_theme

    app = QApplication.instance() or QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.annotext.Annotext")
    from PySide6.QtGui import QIcon

    from annotext.core.paths import resources_dir

    icon = resources_dir() / "icons" / "annotext.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_theme(app)
    return app


def run_gui(db: Path, file: Path | None = None, model: str | None = None,
            screenshot: Path | None = None) -> int:
    """Open the main window (importing `file` if given); with `screenshot`, save a PNG and exit.

    Start-up order matters for speed: the window paints the last document's text (read with the
    standard library) first; the library, sqlite-utils and every panel that needs them follow on the
    next event-loop turn, and spaCy only in the background after that.
    """
    app = create_application()
    from PySide6.QtCore import QSettings, QTimer

    from annotext.gui.main_window import MainWindow

    if screenshot is not None:  # a reproducible picture: never read or write the user's settings
        import tempfile

        scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    else:
        settings = QSettings()
    window = MainWindow(None, settings, model)
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    if file is None:
        _show_preview(window, db, settings)
    window.show()
    saver = _ScreenshotSaver(window, screenshot) if screenshot is not None else None
    state = {"code": 0}

    def attach_and_open() -> None:
        from annotext.application.library import Library
        from annotext.storage.errors import LibraryError

        try:
            library = Library(db)
        except LibraryError as error:
            from annotext.core.terminal_text import for_terminal

            print(f"annotext: {for_terminal(error)}", file=sys.stderr)
            library = None if screenshot is not None else _recover(window, db, error)
            if library is None:
                state["code"] = 1
                window.close()
                app.exit(1)
                return
        if library.read_only and screenshot is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, _read_only_notice(library),
                              QMessageBox.StandardButton.Ok, window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
        state["library"] = library
        window.attach_library(library)
        if saver is not None:
            window.analysisApplied.connect(saver.on_applied)
            QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, saver.on_timeout)
        if file is not None:
            if saver is not None:
                window.library_actions.importFinished.connect(saver.on_imported)
            window.import_paths([file])
            return
        last = settings.value("lastDocument")
        sample = library.ensure_sample()
        target = sample or (int(last) if last is not None else None)
        known = {d.id for d in library.documents()}
        if target not in known:
            target = next(iter(sorted(known, reverse=True)), None)
        if target is not None:
            window.open_document(target)

    bench = os.environ.get(BENCH_ENV)
    if bench:
        _install_benchmark_probe(app, window, bench)
    _after_first_paint(window, attach_and_open)
    code = app.exec()
    if "library" in state:
        state["library"].close()
    return state["code"] or code


def _read_only_notice(library) -> str:
    """Why the library opened read-only, and what the analyst can do about it."""
    from annotext.storage.database import NEWER

    if library.read_only == NEWER:
        return (f"{library.path} was written by a newer version of Annotext. It is opened read-only and will "
                "not be changed; update Annotext to edit it.")
    return (f"{library.path} is {library.read_only}. It is opened read-only: you can read, search and export, "
            "but changes cannot be saved. Copy it to a folder you can write to (or make this one writable) to "
            "edit it.")


def _recover(window, db: Path, error: Exception):
    """The library cannot be opened: say why, and offer another library; a backup only when the file is
    damaged (a full disk, a read-only place or a lock is not damage, and the library is never moved)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from annotext.application.library import Library
    from annotext.storage.backups import list_backups
    from annotext.storage.restore import replace_damaged_library
    from annotext.storage.errors import LibraryDamagedError, LibraryError

    while True:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error), QMessageBox.StandardButton.NoButton,
                          window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        other = box.addButton("Open another library…", QMessageBox.ButtonRole.AcceptRole)
        backups = list_backups(db) if isinstance(error, LibraryDamagedError) else []
        restore = box.addButton("Restore a backup…", QMessageBox.ButtonRole.ActionRole) if backups else None
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        try:
            if box.clickedButton() is other:
                name, _ = QFileDialog.getSaveFileName(window, "Open or create a library", str(db.parent),
                                                      "Annotext library (*.sqlite)",
                                                      options=QFileDialog.Option.DontConfirmOverwrite)
                if name:
                    return Library(name)
            elif restore is not None and box.clickedButton() is restore:
                labels = [b.label for b in backups]
                label, ok = QInputDialog.getItem(window, "Restore backup", "Backup:", labels, 0, False)
                if ok:
                    replace_damaged_library(db, backups[labels.index(label)].path)
                    return Library(db)
            else:
                return None
        except LibraryError as next_error:
            error = next_error


def _after_first_paint(window, callback) -> None:
    """Run `callback` once the reader has painted (or after 250 ms, whichever comes first)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    fired = {"done": False}

    def fire() -> None:
        if not fired["done"]:
            fired["done"] = True
            window.reader.viewport().removeEventFilter(watcher)
            callback()

    class Watcher(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt naming)
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, fire)
            return False

    watcher = Watcher(window)
    window.reader.viewport().installEventFilter(watcher)
    QTimer.singleShot(250, fire)


def _show_preview(window, db: Path, settings) -> None:
    """Paint the document that will open (last one, or the sample on first start) straight away."""
    from annotext.storage.peek import peek_document

    last = settings.value("lastDocument")
    found = peek_document(db, int(last) if last is not None else None)
    if found is not None:
        window.show_preview(found[1], found[2], found[3])
        return
    from annotext.core.paths import sample_article

    sample = sample_article()
    if sample.is_file():
        text = sample.read_text(encoding="utf-8")
        window.show_preview(text.split("\n", 1)[0].strip(), text)


class _ScreenshotSaver:
    """Saves the window once highlights are shown (or on timeout), then quits."""

    def __init__(self, window, path: Path):
        self.window = window
        self.path = path
        self.done = False

    def on_applied(self, _doc_id: int) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(200, self.save)

    def on_imported(self, doc_id) -> None:
        from PySide6.QtWidgets import QApplication

        if doc_id is None:  # the file could not be imported: nothing to render
            self.done = True
            QApplication.instance().exit(2)

    def on_timeout(self) -> None:
        print("annotext: analysis did not finish in time; saving the window as it is", file=sys.stderr)
        self.save()

    def save(self) -> None:
        from PySide6.QtWidgets import QApplication

        if self.done:
            return
        self.done = True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ok = self.window.grab().save(str(self.path), "PNG")
        if not ok:
            from annotext.core.terminal_text import for_terminal

            print(f"annotext: {for_terminal(self.path)}: could not write the screenshot", file=sys.stderr)
        self.window.close()
        QApplication.instance().exit(0 if ok else 1)


def _install_benchmark_probe(app, window, mode: str) -> None:
    """For benchmarks/gui_start.py: report the first paint of the article text (or the moment its
    highlights are shown) on stdout, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt naming)
            if mode == "paint" and event.type() == QEvent.Type.Paint and window.reader.text:
                report("paint")
            return False

    def report(what: str) -> None:
        print(f"{what} {time.time():.6f}", flush=True)
        QTimer.singleShot(0, app.quit)

    probe = Probe(window)
    window.reader.viewport().installEventFilter(probe)
    window._benchmark_probe = probe
    if mode == "highlights":
        window.analysisApplied.connect(lambda _doc: report("highlights"))
