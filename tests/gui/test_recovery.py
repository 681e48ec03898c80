"""Start-up with a library that cannot be used: damage offers a backup, a full disk or a read-only place
never does (so a healthy library is never replaced), and a read-only library says why (issue 15.4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from annotext import app
from annotext.application.library import Library
from annotext.storage.errors import LibraryDamagedError, LibraryUnavailableError

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "xi-putin-summit.txt"


@pytest.fixture
def offered(monkeypatch):
    """The buttons of every recovery box shown; each box is answered with Quit."""
    seen: list[list[str]] = []

    def fake_exec(box):
        seen.append([button.text() for button in box.buttons()])
        quit_button = next(b for b in box.buttons() if b.text() == "Quit")
        monkeypatch.setattr(box, "clickedButton", lambda: quit_button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


@pytest.mark.parametrize("error, restore_offered", [
    (LibraryDamagedError("library.sqlite: the library file is damaged"), True),
    (LibraryUnavailableError("library.sqlite: cannot write here: the disk is full"), False),
    (LibraryUnavailableError("library.sqlite: cannot write here: the file or its folder is read-only"), False),
])
def test_only_damage_offers_a_backup(qtbot, tmp_path, offered, error, restore_offered):
    db = tmp_path / "library.sqlite"
    library = Library(db)
    library.import_file(SAMPLE)
    library.backup()
    library.close()
    before = db.read_bytes()
    parent = QWidget()
    qtbot.addWidget(parent)
    assert app._recover(parent, db, error) is None
    assert ("Restore a backup…" in offered[0]) is restore_offered
    assert db.read_bytes() == before


def test_read_only_notice_names_the_reason(small_disk):
    db = small_disk.path / "library.sqlite"
    library = Library(db)
    library.import_file(SAMPLE)
    library.db.conn.close()
    small_disk.read_only()
    library = Library(db)
    notice = app._read_only_notice(library)
    library.close()
    assert "read-only place" in notice and "changes cannot be saved" in notice and "newer" not in notice
