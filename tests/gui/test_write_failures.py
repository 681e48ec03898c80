"""A write the library cannot take (another window holds the lock, a read-only place, a full disk) is
shown to the analyst in words and leaves nothing half-done (issue 15.4, 15.16)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotext.application.edits import CreateTag
from annotext.gui import annotation_controller
from annotext.storage.integrity import BUSY_MESSAGE

HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(annotation_controller, "show_message", lambda _parent, title, text, **kw: messages.append(text))
    return messages


def test_a_busy_library_says_so_and_saves_nothing(qtbot, make_window, shown):
    window = make_window(model_name="none")
    store = window.library.annotations
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(window.library.path), "25"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert window.annotating.submit(CreateTag(store.new_tag("Claims"))) is False
    finally:
        holder.kill()
        holder.wait()
    assert len(shown) == 1 and shown[0].endswith(BUSY_MESSAGE) and "locked" not in shown[0]
    assert store.tag_named("Claims") is None and window.annotating.undo_stack.count() == 0


def test_a_full_disk_is_named_in_the_window(qtbot, make_window, shown, monkeypatch):
    import sqlite3

    window = make_window(model_name="none")
    store = window.library.annotations

    def full(_edit):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode, error.sqlite_errorname = 13, "SQLITE_FULL"
        raise error

    monkeypatch.setattr(window.library, "apply", full)
    assert window.annotating.submit(CreateTag(store.new_tag("Claims"))) is False
    assert "the disk is full" in shown[0] and "nothing was changed" in shown[0]
