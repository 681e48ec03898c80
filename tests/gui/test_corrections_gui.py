"""Correcting people and quotations in the window, as an analyst does it: context menus, the speaker
dialog, and Ctrl+Z / Ctrl+Shift+Z on the keyboard taking every correction back and forth."""

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from annotext.application.library import Library
from annotext.gui.speaker_dialog import NO_SPEAKER, SpeakerDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    window.activateWindow()
    window.reader.setFocus()
    return window


def undo(qtbot, window):
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window):
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)


def people(window) -> dict:
    return {p.name: p for p in window.result.people}


def legend(window, label: str) -> int:
    button = window.legend.button(label)
    return int(button.text().split()[-1]) if button is not None else 0


def trigger(menu, *path: str) -> None:
    """Trigger the menu entry reached through the titles in `path` (sub-menus first)."""
    for title in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == title)
    next(a for a in menu.actions() if a.text() == path[-1]).trigger()


def panel_names(window) -> list[str]:
    return window.people_panel.person_names()


def test_not_a_person_relabel_from_the_people_panel_undo_redo_by_keyboard(qtbot, window):
    persons, orgs = legend(window, "PERSON"), legend(window, "ORG")
    trigger(window.corrections.build_people_menu("Yevgeny Prigozhin"), "Not a person", "An organisation (ORG)")
    assert "Yevgeny Prigozhin" not in panel_names(window)
    assert (legend(window, "PERSON"), legend(window, "ORG")) == (persons - 1, orgs + 1)
    assert window.status_label.text() == "Not a person: saved."
    stored = window.library.repo.people_corrections(window.current.id)
    assert [(c.action, c.name, c.value) for c in stored] == [("not_person", "Yevgeny Prigozhin", "ORG")]
    assert stored[0].author and stored[0].created_at

    undo(qtbot, window)
    assert "Yevgeny Prigozhin" in panel_names(window) and legend(window, "ORG") == orgs
    assert window.library.repo.people_corrections(window.current.id) == []
    redo(qtbot, window)
    assert "Yevgeny Prigozhin" not in panel_names(window) and legend(window, "ORG") == orgs + 1


def test_rename_merge_split_and_add_person_each_undo_and_redo(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("President Putin", True))
    window.corrections.build_people_menu("Vladimir Putin").actions()[0].trigger()  # Rename…
    assert "President Putin" in panel_names(window) and people(window)["President Putin"].mentions == 13

    trigger(window.corrections.build_people_menu("Joe Webster"), "Merge into", "Alexander Gabuev")
    gabuev = people(window)["Alexander Gabuev"]
    row = window.people_panel.topLevelItem(panel_names(window).index("Alexander Gabuev"))
    assert row.font(0).italic() and "Corrected: “Joe Webster” merged into “Alexander Gabuev”" in row.toolTip(0)
    assert "Joe Webster" not in panel_names(window) and (gabuev.mentions, gabuev.quotes) == (3, 5)
    assert window.quotes_panel.speakers()["Alexander Gabuev"] == 5

    trigger(window.corrections.build_people_menu("Xi Jinping"), "Split off alias", "“Xi” is someone else")
    assert people(window)["Xi"].mentions + people(window)["Xi Jinping"].mentions == 10

    text = window.reader.text
    start = text.index("Jilin University")
    window.reader.select_range(start, start + len("Jilin University"))
    add = next(a for a in window.corrections.build_people_menu(None).actions() if a.text().startswith("Add person"))
    assert add.isEnabled()
    add.trigger()
    assert people(window)["Jilin University"].mentions == 1

    states = []
    for _ in range(4):
        states.append(sorted(panel_names(window)))
        undo(qtbot, window)
    assert sorted(panel_names(window)) == sorted(["Vladimir Putin", "Xi Jinping", "Joe Webster", "Alexander Gabuev",
                                                  "Alicja Bachulska", "Bjorn Alexander Duben", "Yevgeny Prigozhin"])
    for expected in reversed(states):
        redo(qtbot, window)
        assert sorted(panel_names(window)) == expected


def test_change_speaker_dialog_shows_the_quotation_and_preselects_the_current_speaker(qtbot, window):
    quote = next(q for q in window.result.quotes if q.attrs["speaker"] == "Alexander Gabuev")
    seen = {}

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SpeakerDialog) and w.isVisible())
        seen["current"] = dialog.names.currentText()
        seen["first"] = dialog.names.itemText(0)
        seen["labels"] = [label.text() for label in dialog.findChildren(type(window.status_label))]
        qtbot.keyClick(dialog.names, Qt.Key.Key_Return)  # Enter keeps the current speaker

    QTimer.singleShot(0, answer)
    window.corrections.ask_speaker(quote.start, quote.end)
    assert seen["current"] == "Alexander Gabuev"  # not the first person in the list
    assert seen["first"] == "Alexander Gabuev"  # named right next to his quotation
    assert any(quote.attrs["content"][:40] in label for label in seen["labels"])
    assert window.library.repo.quote_corrections(window.current.id) == []  # unchanged: nothing stored
    assert window.annotating.undo_stack.count() == 0

    def choose_other():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SpeakerDialog) and w.isVisible())
        dialog.names.setCurrentText("Vladimir Putin")
        qtbot.keyClick(dialog.names, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_other)
    window.corrections.ask_speaker(quote.start, quote.end)
    assert next(q for q in window.result.quotes if q.start == quote.start).attrs["speaker"] == "Vladimir Putin"
    assert window.quotes_panel.speakers()["Alexander Gabuev"] == 1


def test_speaker_dialog_orders_by_distance_and_types_a_new_name(qtbot):
    dialog = SpeakerDialog(None, "“It is done,”", ["Near", "Far"], None)
    qtbot.addWidget(dialog)
    assert dialog.names.currentText() == NO_SPEAKER  # no speaker now: nothing is preselected wrongly
    dialog.names.setEditText("  Someone   New ")
    assert dialog.speaker() == "Someone New"
    marked = SpeakerDialog(None, "x", ["Near", "Far"], None, nearest_first=True)
    qtbot.addWidget(marked)
    assert marked.speaker() == "Near"


def test_not_a_quotation_goes_to_hidden_and_is_restored_from_the_reader(qtbot, window):
    reader = window.reader
    offset = reader.text.index("pro-Russia neutrality")
    reader.select_range(offset, offset)
    menu = window.annotating.build_reader_menu(reader.cursorRect(reader.textCursor()).center())
    trigger(menu, "Not a quotation")
    hidden = window.quotes_panel.group_ranges("hidden")
    assert len(hidden) == 1 and hidden[0][0] <= offset < hidden[0][1]
    marked = [s for s in reader.spans_overlapping(offset, offset + 1) if s.kind == "hidden_quote"]
    assert len(marked) == 1 and window.describe_spans(marked).startswith("Marked not a quotation")
    cursor = reader.textCursor()
    cursor.setPosition(reader.positions.to_qt(offset) + 1)
    assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.WaveUnderline
    assert people(window)["Joe Webster"].quotes == 2

    reader.select_range(offset, offset)
    menu = window.annotating.build_reader_menu(reader.cursorRect(reader.textCursor()).center())
    labels = [a.text() for a in menu.actions()]
    assert "Restore quotation (marked not a quotation)" in labels and "Not a quotation" not in labels
    trigger(menu, "Restore quotation (marked not a quotation)")
    assert window.quotes_panel.group_ranges("hidden") == [] and people(window)["Joe Webster"].quotes == 3

    undo(qtbot, window)  # the restore
    assert len(window.quotes_panel.group_ranges("hidden")) == 1
    undo(qtbot, window)  # the "not a quotation"
    assert window.quotes_panel.group_ranges("hidden") == []
    assert window.library.repo.quote_corrections(window.current.id) == []
    redo(qtbot, window)
    assert len(window.quotes_panel.group_ranges("hidden")) == 1


def test_hidden_section_restores_and_scare_quotes_are_listed_apart(qtbot, window):
    panel = window.quotes_panel
    partner = next(q for q in window.result.quotes if q.attrs["content"] == "reliable partner")
    assert (partner.start, partner.end) not in panel.group_ranges("scare")  # the analysis calls it speech
    scare_before = panel.group_ranges("scare")
    putin = people(window)["Vladimir Putin"].quotes
    trigger(panel.build_menu(panel.item_for(partner.start)), "Scare quote, not speech")
    assert panel.group_ranges("scare") == sorted([*scare_before, (partner.start, partner.end)])
    assert people(window)["Vladimir Putin"].quotes == putin - 1
    trigger(panel.build_menu(panel.item_for(partner.start)), "Not a quotation")
    assert panel.group_ranges("hidden") == [(partner.start, partner.end)]
    trigger(panel.build_menu(panel.item_for(partner.start)), "Restore quotation")
    assert (partner.start, partner.end) in panel.group_ranges("scare")  # restored as it was: a scare quote
    undo(qtbot, window)
    undo(qtbot, window)
    undo(qtbot, window)
    assert panel.group_ranges("scare") == scare_before and people(window)["Vladimir Putin"].quotes == putin


def test_mark_a_selection_as_a_quotation_with_a_speaker_and_it_survives_a_restart(qtbot, window, make_window,
                                                                                    open_sample, monkeypatch):
    reader = window.reader
    start = reader.text.index("Jilin University")
    reader.select_range(start, start + len("Jilin University"))
    monkeypatch.setattr(SpeakerDialog, "exec", lambda self: (self.names.setEditText("Zhang Typed"), 1)[1])
    menu = window.annotating.build_reader_menu(reader.cursorRect(reader.textCursor()).center())
    trigger(menu, "Mark as quotation…")
    added = next(q for q in window.result.quotes if q.start == start)
    assert added.attrs["speaker"] == "Zhang Typed" and people(window)["Zhang Typed"].quotes == 1
    assert window.quotes_panel.speakers()["Zhang Typed"] == 1
    other = Library(window.library.path)  # another process (a restart) sees the same corrected view
    try:
        shown = other.stored_result(other.document(window.current.id))
    finally:
        other.close()
    assert [q.attrs["speaker"] for q in shown.quotes if q.start == start] == ["Zhang Typed"]
    undo(qtbot, window)
    assert all(q.start != start for q in window.result.quotes)


def test_reader_menu_on_a_name_offers_the_person_corrections(qtbot, window):
    reader = window.reader
    offset = reader.text.index("Prigozhin")
    reader.select_range(offset, offset)
    menu = window.annotating.build_reader_menu(reader.cursorRect(reader.textCursor()).center())
    trigger(menu, "Person: Yevgeny Prigozhin", "Not a person", "Not a name at all")
    assert "Yevgeny Prigozhin" not in panel_names(window)
    assert not [e for e in window.result.entities if e.start <= offset < e.end]


def test_a_read_only_library_refuses_a_correction_and_changes_nothing(qtbot, window, monkeypatch):
    from annotext.gui import annotation_controller

    shown = []
    monkeypatch.setattr(annotation_controller, "show_message", lambda parent, title, text: shown.append(text))
    window.library.read_only = True
    trigger(window.corrections.build_people_menu("Yevgeny Prigozhin"), "Not a person", "Not a name at all")
    window.library.read_only = False
    assert shown and "read-only" in shown[0]
    assert "Yevgeny Prigozhin" in panel_names(window)
    assert window.library.repo.people_corrections(window.current.id) == []


def test_an_earlier_correction_is_taken_back_after_a_restart(qtbot, make_window, open_sample):
    from annotext.application.correction_edits import person_edit, quote_edit

    window = make_window()
    doc = open_sample(window)
    library = window.library
    known = window.result.people
    gabuev = next(q for q in window.result.quotes if q.attrs["speaker"] == "Alexander Gabuev")
    library.apply(person_edit(library, doc, "merge", "Joe Webster", "Alexander Gabuev", known=known))
    library.apply(quote_edit(library, doc, gabuev.start, gabuev.end, speaker="Xi Jinping"))
    window.open_document(doc)  # as after a restart: nothing of this is on the undo stack
    assert window.annotating.undo_stack.count() == 0 and "Joe Webster" not in panel_names(window)

    trigger(window.corrections.build_people_menu("Alexander Gabuev"), "Take back a correction",
            "“Joe Webster” merged into “Alexander Gabuev”")
    assert "Joe Webster" in panel_names(window) and window.library.repo.people_corrections(doc) == []
    panel = window.quotes_panel
    trigger(panel.build_menu(panel.item_for(gabuev.start)), "Back to the detected speaker and kind")
    assert next(q for q in window.result.quotes if q.start == gabuev.start).attrs["speaker"] == "Alexander Gabuev"
    assert window.library.repo.quote_corrections(doc) == []

    window.activateWindow()
    window.reader.setFocus()
    undo(qtbot, window)
    undo(qtbot, window)
    assert "Joe Webster" not in panel_names(window)
    assert next(q for q in window.result.quotes if q.start == gabuev.start).attrs["speaker"] == "Xi Jinping"


def test_right_click_on_a_person_opens_the_menu_that_corrects_them(qtbot, window):
    from PySide6.QtWidgets import QMenu

    panel = window.people_panel
    row = panel.topLevelItem(panel_names(window).index("Yevgeny Prigozhin"))
    panel.scrollToItem(row)
    point = panel.visualItemRect(row).center()
    seen = []

    def choose():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions()])
        not_person = next(a.menu() for a in menu.actions() if a.text() == "Not a person")
        next(a for a in not_person.actions() if a.text() == "Not a name at all").trigger()
        menu.close()

    QTimer.singleShot(50, choose)
    panel.customContextMenuRequested.emit(point)  # what a right-click on the row sends
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][:4] == ["Rename…", "Merge into", "Split off alias", "Not a person"]
    assert "Yevgeny Prigozhin" not in panel_names(window)
