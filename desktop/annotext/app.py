"""The one place that wires QApplication, settings, the library and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from annotext import APP_NAME, __version__

SCREENSHOT_SIZE = (1440, 900)
SCREENSHOT_TIMEOUT_MS = 180_000


def create_application(argv: list[str] | None = None):
    """A QApplication with our name, style and a theme that follows the system's dark mode."""
    from PySide6.QtWidgets import QApplication

    from annotext.gui.theme import apply_theme

    app = QApplication.instance() or QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_theme(app)
    return app


def run_gui(db: Path, file: Path | None = None, model: str | None = None,
            screenshot: Path | None = None) -> int:
    """Open the main window (importing `file` if given); with `screenshot`, save a PNG and exit."""
    app = create_application()
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox

    from annotext.core.library import Library
    from annotext.gui.main_window import MainWindow
    from annotext.storage.errors import LibraryError

    try:
        library = Library(db)
    except LibraryError as error:
        if screenshot is None:
            QMessageBox.critical(None, APP_NAME, str(error))
        print(f"annotext: {error}", file=sys.stderr)
        return 1
    if screenshot is not None:  # a reproducible picture: never read or write the user's settings
        import tempfile

        scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    else:
        settings = QSettings()
    window = MainWindow(library, settings, model)
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()

    def open_initial() -> None:
        if file is not None:
            if screenshot is not None:
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

    saver = None
    if screenshot is not None:
        saver = _ScreenshotSaver(window, screenshot)
        window.analysisApplied.connect(saver.on_applied)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, saver.on_timeout)
    QTimer.singleShot(0, open_initial)
    code = app.exec()
    library.close()
    return code


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
            print(f"annotext: {self.path}: could not write the screenshot", file=sys.stderr)
        self.window.close()
        QApplication.instance().exit(0 if ok else 1)
