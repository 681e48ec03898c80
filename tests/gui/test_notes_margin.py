"""Comments as notes in the margin beside the text: cards level with their passages, edited in place."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotext.application.edits import AddAnnotation, CreateTag
from annotext.gui.notes_margin import NoteCard

CTRL = Qt.KeyboardModifier.ControlModifier
FIRST = "The two presidents share a strong personal bond"
SECOND = "Beijing has resisted calls to condemn the invasion"


@pytest.fixture
def noted(qtbot, make_window, open_sample):
    """The sample with a tag and two commented passages, the reader focused."""

    def make(size=(1366, 768)):
        window = make_window(size=size)
        open_sample(window)
        store = window.library.annotations
        window.annotating.submit(CreateTag(store.new_tag("Claims", shortcut=1)))
        claims = store.tag_named("Claims").id
        text = window.reader.text
        for quote, comment in ((FIRST, "Personal diplomacy framed as policy, compare the Kremlin readout "
                                       "of the same meeting, which says nothing of friendship."),
                               (SECOND, "Key claim.")):
            start = text.index(quote)
            window.annotating.submit(AddAnnotation(store.new_annotation(window.current.id, start,
                                                                        start + len(quote), [claims], comment)))
        window.activateWindow()
        window.reader.setFocus()
        qtbot.waitUntil(lambda: bool(window.notes.visible_cards()))
        return window

    return make


def passage(window, quote):
    return next(a for a in window.library.annotations.annotations(window.current.id) if a.exact == quote)


def passage_top(window, quote):
    """The passage's first line, in the margin's coordinates."""
    reader = window.reader
    cursor = reader.textCursor()
    cursor.setPosition(reader.positions.to_qt(reader.text.index(quote)))
    top = reader.cursorRect(cursor).top()
    return reader.viewport().mapTo(window, QPoint(0, top)).y() - window.notes.mapTo(window, QPoint(0, 0)).y()


def test_cards_sit_beside_their_passages_and_show_everything(qtbot, noted):
    window = noted()
    first = window.notes.card(passage(window, FIRST).id)
    assert first.isVisible()
    assert abs(first.y() - passage_top(window, FIRST)) <= 2
    assert first.quote.text() == f"“{FIRST}”"
    chips = [label.text() for label in first.chips.findChildren(type(first.quote))]
    assert chips == ["Claims"]
    assert first.meta.text().startswith(window.library.annotations.author + " · 20")
    assert first.body.wordWrap() and first.body.text().startswith("Personal diplomacy")
    assert first.body.height() > 2 * first.body.fontMetrics().height()  # long comment: wrapped, not cut
    assert first.width() <= window.notes.width()

    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().value() + 120)  # scrolls along
    qtbot.wait(10)
    assert abs(first.y() - passage_top(window, FIRST)) <= 2
    cards = window.notes.visible_cards()
    for upper, lower in zip(cards, cards[1:]):
        assert upper.geometry().bottom() < lower.geometry().top()  # never overlapping


def test_click_edits_in_place_ctrl_enter_saves_esc_cancels(qtbot, noted):
    window = noted()
    annotation = passage(window, FIRST)
    card = window.notes.card(annotation.id)
    qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton)
    assert card.editing and card.editor.hasFocus()
    card.editor.selectAll()
    qtbot.keyClicks(card.editor, "Rewritten note")
    qtbot.keyClick(card.editor, Qt.Key.Key_Return, CTRL)
    assert passage(window, FIRST).comment == "Rewritten note"
    assert window.status_label.text() == "Comment: saved."
    assert QApplication.focusWidget() is window.reader
    card = window.notes.card(annotation.id)
    assert not card.editing and card.body.text() == "Rewritten note"

    qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.editor, " and more")
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)
    assert passage(window, FIRST).comment == "Rewritten note"
    assert card.body.text() == "Rewritten note" and not card.editor.isVisible()

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undone like any edit
    assert passage(window, FIRST).comment.startswith("Personal diplomacy")


def test_leaving_the_card_saves(qtbot, noted):
    window = noted()
    card = window.notes.card(passage(window, SECOND).id)
    qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.editor, " Check the date.")
    window.reader.setFocus()  # the analyst clicks back into the text
    qtbot.waitUntil(lambda: passage(window, SECOND).comment == "Key claim. Check the date.")


def test_ctrl_m_on_a_selection_writes_a_new_note_and_passage(qtbot, noted):
    window = noted()
    quote = "Xi and Putin forged their friendship"
    start = window.reader.text.index(quote)
    window.reader.select_range(start, start + len(quote))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    draft = window.notes.card("draft")
    assert draft is not None and draft.editor.hasFocus()
    assert abs(draft.y() - passage_top(window, quote)) <= 2 or draft.y() > passage_top(window, quote)
    qtbot.keyClicks(draft.editor, "Origin story")
    qtbot.keyClick(draft.editor, Qt.Key.Key_Return, CTRL)
    created = passage(window, quote)
    assert (created.start, created.comment, created.tag_ids) == (start, "Origin story", [])
    assert window.notes.card("draft") is None
    assert window.notes.card(created.id).body.text() == "Origin story"

    window.reader.select_range(start, start + 5)  # Esc on a draft creates nothing
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    qtbot.keyClicks(window.notes.card("draft").editor, "never mind")
    qtbot.keyClick(window.notes.card("draft").editor, Qt.Key.Key_Escape)
    assert len(window.library.annotations.annotations(window.current.id)) == 3


def test_passages_with_notes_have_a_note_icon_on_the_stripe(qtbot, noted):
    window = noted()
    reader = window.reader
    span = next(s for s in reader.tag_spans() if s.attrs["comment"])
    rect = reader.note_icon_rect(span)
    image = reader.viewport().grab().toImage()
    text_colour = reader.palette().text().color()
    inked = [image.pixelColor(x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.top() + 5)]
    assert sum(c.rgb() == text_colour.rgb() for c in inked) >= 10
    assert rect.right() < reader.stripe_rect(span).left()


def test_margin_can_be_hidden_and_that_is_remembered(qtbot, noted, make_window, settings):
    window = noted()
    assert window.notes.isVisible() and window.notes_action.isChecked()
    window.notes_action.trigger()
    assert not window.notes.isVisible()
    window.close()
    again = make_window(db_name="other.sqlite")
    assert not again.notes.isVisible() and not again.notes_action.isChecked()
    again.notes_action.trigger()
    assert again.notes.isVisible()
    assert settings.value("view/notes") == "true"


def test_note_text_is_plain(qtbot, noted):
    window = noted()
    card = window.notes.card(passage(window, SECOND).id)
    qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton)
    card.editor.setPlainText("<b>bold</b><img src=x>")
    qtbot.keyClick(card.editor, Qt.Key.Key_Return, CTRL)
    card = window.notes.card(passage(window, SECOND).id)
    assert card.body.text() == "<b>bold</b><img src=x>"
    assert card.body.textFormat() == Qt.TextFormat.PlainText
    assert isinstance(card, NoteCard)


def test_narrow_window_folds_the_margin_and_ctrl_m_makes_room(qtbot, noted):
    window = noted(size=(820, 600))
    qtbot.waitUntil(lambda: window.width() == 820)
    assert window.notes.isHidden() and window.notes_action.isChecked()  # wanted, but no room beside the text
    assert window.reader.viewport().width() >= 300
    quote = "Xi and Putin forged their friendship"
    start = window.reader.text.index(quote)
    window.reader.select_range(start, start + len(quote))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    assert window.notes.isVisible() and not window.panel_shown(2)  # the side panel made room
    assert window.width() == 820 and window.reader.viewport().width() >= 300
    assert window.notes.card("draft").editor.hasFocus()


def test_clicking_the_note_mark_opens_the_note(qtbot, noted):
    window = noted()
    reader = window.reader
    span = next(s for s in reader.tag_spans() if s.attrs["comment"] == "Key claim.")
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().value() + reader.stripe_rect(span).top() - 100)
    qtbot.wait(10)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=reader.note_icon_rect(span).center())
    card = window.notes.card(span.attrs["id"])
    assert card.editing and card.editor.hasFocus()
    assert card.editor.toPlainText() == "Key claim."


def test_the_scroll_bar_is_outside_the_notes_and_the_wheel_over_notes_scrolls_the_text(qtbot, noted):
    window = noted()
    bar, notes, reader = window.outer_bar, window.notes, window.reader
    assert bar.isVisible() and not reader.verticalScrollBar().isVisible()
    assert bar.mapTo(window, QPoint(0, 0)).x() >= notes.mapTo(window, QPoint(notes.width(), 0)).x()
    bar.setValue(bar.value() + 200)
    assert reader.verticalScrollBar().value() == bar.value()
    before = reader.verticalScrollBar().value()
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(notes.width() / 2, notes.height() / 2)
    wheel = QWheelEvent(centre, notes.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(notes, wheel)
    assert reader.verticalScrollBar().value() > before and bar.value() == reader.verticalScrollBar().value()


def test_a_note_being_written_survives_a_refresh(qtbot, noted):
    """Views refresh while the analyst types (an analysis finishing, another window's change)."""
    window = noted()
    quote = "Xi and Putin forged their friendship"
    store = window.library.annotations
    start = window.reader.text.index(quote)
    window.annotating.submit(AddAnnotation(store.new_annotation(window.current.id, start, start + len(quote),
                                                                [store.tag_named("Claims").id])))
    window.reader.select_range(start, start + len(quote))
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    card = window.notes.card(passage(window, quote).id)
    qtbot.keyClicks(card.editor, "Half a thought")
    window.annotating.refresh()
    card = window.notes.card(passage(window, quote).id)
    assert card.editing and card.editor.toPlainText() == "Half a thought"
    qtbot.keyClick(card.editor, Qt.Key.Key_Return, CTRL)
    assert passage(window, quote).comment == "Half a thought"
