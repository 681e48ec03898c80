import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path):
    """Fresh settings of an analyst who has already given a name (the first-tag prompt is tested apart)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("author_asked", True)
    return settings


@pytest.fixture
def make_window(qtbot, tmp_path, settings):
    """A main window over a fresh library file; closed (thread stopped) after the test."""
    from annotext.application.library import Library
    from annotext.gui.main_window import MainWindow

    windows = []

    def make(model_name=None, db_name="library.sqlite", size=(1400, 900)):
        library = Library(tmp_path / db_name)
        window = MainWindow(library, settings, model_name)
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.library.close()


ANALYSIS_TIMEOUT = 120_000


@pytest.fixture
def open_sample(qtbot):
    """Open the sample in a window and wait until its analysis is shown; returns the doc id."""

    def open_(window):
        doc_id = window.library.ensure_sample()
        with qtbot.waitSignal(window.analysisApplied, timeout=ANALYSIS_TIMEOUT):
            window.open_document(doc_id)
        return doc_id

    return open_


@pytest.fixture
def coding_window(make_window, open_sample):
    """coding_window(size): the sample open and analysed, tags Claims and Evidence on keys 1 and 2,
    the window active and the reader focused: where an analyst starts coding."""
    from annotext.application.edits import CreateTag

    def make(size=(1400, 900)):
        window = make_window(size=size)
        open_sample(window)
        store = window.library.annotations
        for name, key in (("Claims", 1), ("Evidence", 2)):
            window.annotating.submit(CreateTag(store.new_tag(name, shortcut=key)))
        window.activateWindow()
        window.reader.setFocus()
        return window

    return make


@pytest.fixture
def background_at():
    """Background colour of the character at a code-point offset of the reader."""
    from PySide6.QtGui import QTextCursor

    def colour(reader, offset):
        cursor = QTextCursor(reader.document())
        cursor.setPosition(reader.positions.to_qt(offset) + 1)
        return cursor.charFormat().background().color()

    return colour


@pytest.fixture
def answer_dialog():
    """answer_dialog(choose, kind=QMessageBox): run `choose(dialog)` on the next modal dialog of that
    kind as soon as it is shown (the test then does what opens it); returns a list that receives it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer(choose, kind=QMessageBox):
        seen = []

        def act():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind):
                QTimer.singleShot(20, act)
                return
            seen.append(dialog)
            choose(dialog)

        QTimer.singleShot(0, act)
        return seen

    return answer
