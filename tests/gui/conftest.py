import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, tmp_path, settings):
    """A main window over a fresh library file; closed (thread stopped) after the test."""
    from annotext.core.library import Library
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
