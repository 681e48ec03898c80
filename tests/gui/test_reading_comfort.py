"""Reading: selections snap to words (Alt for exact), Find marks every match, the coding view and the
legend chips are remembered, every key is listed, the keyboard reaches everything."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication

from annotext.application.edits import AddAnnotation, CreateTag
from annotext.core.palette import colour_for

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def point_at(reader, offset):
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.positions.to_qt(offset))
    rect = reader.cursorRect(cursor)
    return rect.center()


def focus(qtbot, window):
    """The window active and the reader focused, as after the analyst clicks into the text."""
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)


def drag(qtbot, reader, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    """Press, move, release; `modifier` is held when the button is released (Alt: exact characters)."""
    viewport = reader.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_at(reader, start))
    qtbot.mouseMove(viewport, point_at(reader, end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, point_at(reader, end))


def test_a_dragged_selection_snaps_to_whole_words_and_alt_keeps_it_exact(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    reader = window.reader
    text = reader.text
    phrase = "share a strong personal bond"
    base = text.index(phrase)
    drag(qtbot, reader, base + 2, base + len(phrase) - 2)  # from inside "share" to inside "bond"
    assert text[slice(*reader.selection_range())] == phrase
    reader.moveCursor(QTextCursor.MoveOperation.Start)  # (pressing inside a selection would drag it away)
    drag(qtbot, reader, base + 2, base + len(phrase) - 2, ALT)
    assert reader.selection_range() == (base + 2, base + len(phrase) - 2)
    reader.moveCursor(QTextCursor.MoveOperation.Start)
    drag(qtbot, reader, base + len(phrase) - 2, base + 2)  # backwards: the same words
    assert text[slice(*reader.selection_range())] == phrase


def test_find_marks_every_match_and_counts(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    assert window.find_bar.box.hasFocus()
    qtbot.keyClicks(window.find_bar.box, "putin")
    total = window.reader.text.casefold().count("putin")
    assert total > 3
    assert window.find_bar.marked() == total
    assert window.find_bar.count.text() == f"1 of {total}"
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {total}"
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    assert window.find_bar.marked() == 0 and window.find_bar.isHidden()


def test_coding_view_and_legend_chips_are_remembered(qtbot, make_window, open_sample, background_at, settings):
    window = make_window()
    open_sample(window)
    reader = window.reader
    person = next(s for s in reader.spans() if s.label == "PERSON")
    place = next(s for s in reader.spans() if s.label == "GPE")
    assert background_at(reader, person.start).name() == colour_for("PERSON")
    qtbot.keyClick(reader, Qt.Key.Key_K, CTRL | SHIFT)  # View ▸ Coding view
    qtbot.waitUntil(lambda: not reader.highlights_pending())
    assert background_at(reader, person.start).name() != colour_for("PERSON")
    assert "coding view" in window.legend._hint.text()
    qtbot.keyClick(reader, Qt.Key.Key_K, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not reader.highlights_pending())
    assert background_at(reader, person.start).name() == colour_for("PERSON")
    qtbot.keyClick(reader, Qt.Key.Key_K, CTRL | SHIFT)  # leave it on
    qtbot.mouseClick(window.legend.button("GPE"), Qt.MouseButton.LeftButton)  # and GPE chip off
    window.close()

    again = make_window(db_name="library.sqlite")
    with qtbot.waitSignal(again.analysisApplied, timeout=120_000):
        again.open_document(int(settings.value("lastDocument")))
    focus(qtbot, again)
    assert again.coding_action.isChecked()
    assert not again.legend.button("GPE").isChecked()
    qtbot.keyClick(again.reader, Qt.Key.Key_K, CTRL | SHIFT)  # coding view off: GPE stays hidden
    qtbot.waitUntil(lambda: not again.reader.highlights_pending())
    assert background_at(again.reader, person.start).name() == colour_for("PERSON")
    assert background_at(again.reader, place.start).name() != colour_for("GPE")


def test_help_lists_every_key(qtbot, make_window):
    window = make_window()
    focus(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    listed = {keys for _where, keys, _what in dialog.rows()}
    bound = set()
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            bound.add(key.toString())
    for key in bound:
        assert any(key in keys for keys in listed), key
    assert any(keys == "Ctrl+Enter" for keys in listed) and any(keys == "1 … 9" for keys in listed)


def test_keyboard_reaches_results_tabs_and_passages(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    store = window.library.annotations
    window.annotating.submit(CreateTag(store.new_tag("Claims", shortcut=1)))
    text = window.reader.text
    starts = []
    for quote in ("The two presidents share", "Beijing has resisted calls"):
        start = text.index(quote)
        starts.append(start)
        window.annotating.submit(AddAnnotation(store.new_annotation(window.current.id, start, start + len(quote),
                                                                    [store.tag_named("Claims").id])))
    window.activateWindow()
    window.reader.setFocus()
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.reader, Qt.Key.Key_F8)
    assert window.reader.selection_range()[0] == starts[0]
    qtbot.keyClick(window.reader, Qt.Key.Key_F8)
    assert window.reader.selection_range()[0] == starts[1]
    qtbot.keyClick(window.reader, Qt.Key.Key_F8, SHIFT)
    assert window.reader.selection_range()[0] == starts[0]

    number = window.tabs.indexOf(window.annotating.panel) + 1
    qtbot.keyClick(window.reader, getattr(Qt.Key, f"Key_{number}"), ALT)
    assert window.tabs.currentWidget() is window.annotating.panel
    panel = window.annotating.panel
    panel.text_filter.setFocus()
    qtbot.keyClick(panel.text_filter, Qt.Key.Key_Down)
    assert panel.tree.hasFocus() and panel.tree.currentItem() is not None

    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL | SHIFT)  # Search library
    search = window.library_actions.search
    assert search.box.hasFocus()
    qtbot.keyClicks(search.box, "Putin")
    qtbot.waitUntil(lambda: search.results.isVisible() and search.results.count() > 0, timeout=5000)
    qtbot.keyClick(search.box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is search.results and search.results.currentRow() == 0
