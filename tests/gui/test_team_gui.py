"""Team work as an analyst meets it: asked once for a name before the first passage, File ▸ Merge…,
Tools ▸ Coder agreement… with a disagreement adopted and undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from annotext.application.edits import CreateTag
from annotext.application.library import Library
from annotext.core.document import Document

TEXT = "Harbour dues will rise by a third next spring, the council said on Tuesday.\n"


def _menu_action(window, menu_title, text):
    for menu_action in window.menuBar().actions():
        if menu_action.text().replace("&", "") == menu_title:
            for action in menu_action.menu().actions():
                if action.text().replace("&", "").startswith(text):
                    return action
    raise AssertionError(f"no {menu_title} ▸ {text}")


def test_first_passage_asks_once_for_the_coders_name(qtbot, make_window, settings, monkeypatch):
    settings.remove("author_asked")
    window = make_window()
    doc_id = window.library.add_document(Document(title="Dues", text=TEXT))
    with qtbot.waitSignal(window.analysisApplied, timeout=120_000):
        window.open_document(doc_id)
    store = window.library.annotations
    window.annotating.submit(CreateTag(store.new_tag("Costs", shortcut=1)))
    asked = []

    def answer(*args, **kwargs):
        asked.append(kwargs.get("text"))
        return "Ada Lovelace", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.activateWindow()
    window.reader.setFocus()
    for phrase in ("Harbour dues", "a third"):
        start = TEXT.index(phrase)
        window.reader.select_range(start, start + len(phrase))
        qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert len(asked) == 1  # once, pre-filled with the OS account
    assert [a.author for a in store.annotations(doc_id)] == ["Ada Lovelace", "Ada Lovelace"]
    assert settings.value("author") == "Ada Lovelace"


@pytest.fixture
def two_coders(tmp_path):
    """Another analyst's library: Bob coded "will rise by a third"; we will code "Harbour dues will rise"."""
    other = Library(tmp_path / "bob.sqlite", author="Bob")
    doc_id = other.add_document(Document(title="Dues", text=TEXT))
    tag = other.annotations.store_tag(other.annotations.new_tag("Costs"))
    start = TEXT.index("will rise")
    other.annotations.store_annotation(other.annotations.new_annotation(doc_id, start, start + len("will rise by a third"),
                                                                        [tag.id]))
    other.close()
    return tmp_path / "bob.sqlite"


def test_merge_menu_then_agreement_dialog_adopt_and_undo(qtbot, make_window, two_coders, monkeypatch):
    window = make_window()
    window.library.annotations.author = "Ann"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(two_coders), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    _menu_action(window, "File", "Merge").trigger()
    assert shown and "1 added" in shown[-1] and "Bob" in shown[-1]
    [document] = window.library.documents()
    with qtbot.waitSignal(window.analysisApplied, timeout=120_000):
        window.open_document(document.id)
    store = window.library.annotations
    costs = store.tag_named("Costs")
    start = TEXT.index("Harbour")
    window.annotating.submit(__import__("annotext.application.edits", fromlist=["AddAnnotation"]).AddAnnotation(
        store.new_annotation(document.id, start, start + len("Harbour dues will rise"), [costs.id])))

    from annotext.gui.team_dialogs import AgreementDialog

    dialog = AgreementDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.chosen_coders() == ["Ann", "Bob"]
    assert dialog.compute()
    overall = dialog.run.results[-1]
    assert overall.tag == "overall" and overall.coded == {"Ann": 22, "Bob": 20}
    texts = [dialog.disagreements.item(r, 2).text() for r in range(dialog.disagreements.rowCount())]
    assert texts == ["Harbour dues", "by a third"]
    headers = [dialog.disagreements.horizontalHeaderItem(c).text() for c in range(dialog.disagreements.columnCount())]
    assert headers[3:] == ["Ann's version", "Bob's version"]
    assert [dialog.disagreements.item(0, c).text() for c in (3, 4)] == ["Harbour dues will rise", "(not tagged)"]
    assert [dialog.disagreements.item(1, c).text() for c in (3, 4)] == ["(not tagged)", "will rise by a third"]
    dialog.disagreements.setCurrentCell(1, 0)
    dialog.show_in_text(1, 0)
    assert window.reader.selection_range() == (TEXT.index(" by a third"), TEXT.index(" by a third") + 11)
    dialog.resolve(True)  # adopt Bob's version: Ann now has his passage too
    assert [t for t in (dialog.disagreements.item(r, 2).text() for r in range(dialog.disagreements.rowCount()))] == [
        "Harbour dues"]
    assert sorted(a.author for a in store.annotations(document.id)) == ["Ann", "Ann", "Bob"]
    stack = window.annotating.undo_stack
    assert stack.undoText() == "Resolve disagreement on Costs"
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step
    assert sorted(a.author for a in store.annotations(document.id)) == ["Ann", "Bob"]


def test_coder_views_one_coder_and_two_compared_in_lanes(qtbot, make_window, two_coders):
    from annotext.application.merge import merge_project
    from annotext.gui.annotation_controller import CODER_LANE_COLOURS
    from annotext.storage.foreign_library import read_library

    window = make_window()
    merge_project(window.library, read_library(two_coders))
    [document] = window.library.documents()
    with qtbot.waitSignal(window.analysisApplied, timeout=120_000):
        window.open_document(document.id)
    store = window.library.annotations
    store.author = "Ann"
    start = TEXT.index("Harbour")
    window.annotating.submit(__import__("annotext.application.edits", fromlist=["AddAnnotation"]).AddAnnotation(
        store.new_annotation(document.id, start, start + len("Harbour dues will rise"), [store.tag_named("Costs").id])))
    panel = window.annotating.panel
    combo = panel.coder_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["All coders", "Only Ann", "Only Bob",
                                                                "Compare Ann ↔ Bob"]
    assert not combo.isHidden()
    assert panel.select_coder_view(("one", "Bob"))
    assert [s.attrs["coder"] for s in window.reader.tag_spans()] == ["Bob"]
    assert len(panel.visible_ids()) == 1
    assert panel.select_coder_view(("compare", "Ann", "Bob"))
    shown = {s.attrs["coder"]: s for s in window.reader.tag_spans()}
    assert (shown["Ann"].attrs["lane"], shown["Bob"].attrs["lane"]) == (0, 1)
    assert (shown["Ann"].attrs["stripe"], shown["Bob"].attrs["stripe"]) == CODER_LANE_COLOURS
    assert "coded by Bob" in window.describe_spans([shown["Bob"]])
    window.reader.repaint()  # the lanes are painted without error
    combo.setCurrentIndex(0)
    assert len(window.reader.tag_spans()) == 2 and len(panel.visible_ids()) == 2
