"""A codebook that helps: one dialog for a new tag, keys that can be moved, a digit that offers to
create its tag, "Tag as ▸ New tag…", counts for this document and the library."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotext.application.edits import AddAnnotation
from annotext.core.annotations import TAG_PALETTE
from annotext.gui.tag_dialog import NewTagDialog

CTRL = Qt.KeyboardModifier.ControlModifier
PASSAGE = "Xi and Putin forged their friendship"


@pytest.fixture
def coding(coding_window):
    return coding_window()


def fill(name, parent=None, key="keep"):
    def answer(dialog: NewTagDialog):
        dialog.name.setFocus()
        dialog.name.selectAll()
        from pytestqt.qtbot import QtBot

        QtBot.keyClicks(dialog.name, name)
        if parent is not None:
            dialog.parent_box.setCurrentIndex(dialog.parent_box.findText(parent))
        if key != "keep":
            dialog.key_box.setCurrentIndex(dialog.key_box.findData(key))
        dialog.ok_button.click()

    return answer


def click_button(starting):
    def answer(box: QMessageBox):
        next(b for b in box.buttons() if b.text().startswith(starting)).click()

    return answer


def test_new_tag_dialog_asks_name_parent_colour_and_key_at_once(qtbot, coding, answer_dialog):
    window = coding
    store = window.library.annotations
    seen = answer_dialog(fill("Framing", parent="Claims"), NewTagDialog)
    button = next(b for b in window.annotating.codebook.findChildren(QPushButton)
                  if b.text() == "New tag…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = seen[0]
    assert dialog.key_box.itemData(dialog.key_box.currentIndex()) == 3  # the first free key was proposed
    assert dialog.key_box.itemText(1) == "1  (now Claims)"
    framing = store.tag_named("Framing")
    assert (framing.parent_id, framing.shortcut, framing.colour) == (store.tag_named("Claims").id, 3, TAG_PALETTE[2])
    assert "Framing" in window.annotating.codebook.tag_names()


def test_a_taken_key_is_moved_after_asking_in_one_undo_step(qtbot, coding, answer_dialog):
    window = coding
    store = window.library.annotations
    answer_dialog(fill("Framing", key=1), NewTagDialog)
    asked = answer_dialog(click_button("Move key 1"))
    window.annotating.codebook.create_tag()
    assert "applies “Claims”" in asked[0].text()
    assert (store.tag_named("Framing").shortcut, store.tag_named("Claims").shortcut) == (1, None)
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)  # back in the text after the dialogs
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert store.tag_named("Claims").shortcut == 1
    assert "Framing" not in [t.name for t in store.tags()]

    claims = store.tag_named("Claims")  # the codebook's Key ▸ 2 on Claims: Evidence's key, moved
    answer_dialog(click_button("Move key 2"))
    assert window.annotating.codebook._change(claims, shortcut=2)
    assert (store.tag_named("Claims").shortcut, store.tag_named("Evidence").shortcut) == (2, None)


def test_an_unused_digit_offers_to_create_its_tag_and_applies_it(qtbot, coding, answer_dialog):
    window = coding
    store = window.library.annotations
    start = window.reader.text.index(PASSAGE)
    window.reader.select_range(start, start + len(PASSAGE))
    offer = answer_dialog(click_button("New tag with key 5"))
    seen = answer_dialog(fill("Friendship"), NewTagDialog)
    qtbot.keyClick(window.reader, Qt.Key.Key_5)
    assert "No tag has the key 5" in offer[0].text()
    assert seen[0].key_box.currentData() == 5
    friendship = store.tag_named("Friendship")
    assert friendship.shortcut == 5
    passages = store.annotations(window.current.id)
    assert [(a.start, a.tag_ids) for a in passages] == [(start, [friendship.id])]


def test_tag_as_new_tag_creates_and_applies(qtbot, coding, answer_dialog):
    window = coding
    store = window.library.annotations
    start = window.reader.text.index(PASSAGE)
    window.reader.select_range(start, start + len(PASSAGE))
    menu = window.annotating.build_reader_menu(window.reader.cursorRect().center())
    tag_as = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Tag as")
    new = next(a for a in tag_as.actions() if a.text() == "New tag…")
    answer_dialog(fill("Origins"), NewTagDialog)
    new.trigger()
    assert [a.tag_ids for a in store.annotations(window.current.id)] == [[store.tag_named("Origins").id]]


def test_counts_for_this_document_and_the_library_and_full_names_in_tooltips(qtbot, coding, tmp_path):
    window = coding
    store = window.library.annotations
    claims = store.tag_named("Claims")
    path = tmp_path / "other.txt"
    path.write_text("Other\nA second article about claims and more claims.\n", encoding="utf-8")
    other = window.library.import_file(path)
    window.library.apply(AddAnnotation(store.new_annotation(other, 6, 14, [claims.id])))
    start = window.reader.text.index(PASSAGE)
    window.reader.select_range(start, start + len(PASSAGE))
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    item = window.annotating.codebook.item_for(claims.id)
    assert (item.text(2), item.text(3)) == ("1", "2")
    assert item.toolTip(0).startswith("<qt>Claims<br>")
    assert "1 passage(s) in this document, 2 in the library" in item.toolTip(0)
