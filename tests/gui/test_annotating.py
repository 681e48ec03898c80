"""What an analyst does: select, press a tag key, comment, undo, redo, delete, restart, find it all."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotext.application.edits import CreateTag

ANALYSIS_TIMEOUT = 120_000


@pytest.fixture
def annotating_window(coding_window):
    return coding_window()


def select(window, text):
    start = window.reader.text.index(text)
    window.reader.select_range(start, start + len(text))
    return start, start + len(text)


def submit_matches_full_refresh(controller, edit, views) -> None:
    """Apply an edit (its views updated incrementally), then re-read everything: `views()` must not change."""
    assert controller.submit(edit)
    incremental = views()
    controller.refresh()
    assert views() == incremental


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)



def test_tag_key_works_as_soon_as_the_text_is_shown(qtbot, make_window):
    """A tag key pressed right after a document opens, before the window system has activated the
    window and before the analysis is applied, still stores the passage (a QShortcut did not fire)."""
    window = make_window()
    doc = window.library.ensure_sample()
    store = window.library.annotations
    window.annotating.submit(CreateTag(store.new_tag("Claims", shortcut=1)))
    window.annotating.submit(CreateTag(store.new_tag("Evidence", shortcut=2)))
    window.open_document(doc)
    assert window.result is None and window.analysis_job is not None  # the analysis is still running
    start, end = select(window, "The two presidents share a strong personal bond")
    press(qtbot, window.reader, Qt.Key.Key_1)
    assert [(a.start, a.end, a.tag_ids) for a in store.annotations(doc)] == [(start, end, [store.tag_named("Claims").id])]
    qtbot.keyClicks(window.reader, "2")  # typed as text: the second tag joins the same passage
    assert [a.tag_ids for a in store.annotations(doc)] == [[store.tag_named("Claims").id, store.tag_named("Evidence").id]]
    press(qtbot, window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # not a tag key
    assert len(store.annotations(doc)[0].tag_ids) == 2
    assert window.result is None  # all of it before the analysis was shown


def test_tag_key_goes_to_the_window_it_was_pressed_in(qtbot, make_window, open_sample):
    """With a second window active, a key sent to the first window's text tags there (a QShortcut
    matched the active window's focused reader instead: the other window's tag key fired)."""
    first = make_window()
    doc = open_sample(first)
    store = first.library.annotations
    first.annotating.submit(CreateTag(store.new_tag("Claims", shortcut=1)))
    second = make_window(db_name="other.sqlite")
    other = second.library.annotations
    second.annotating.submit(CreateTag(other.new_tag("Claims", shortcut=1)))
    qtbot.waitUntil(second.isActiveWindow)
    select(first, "The two presidents share a strong personal bond")
    press(qtbot, first.reader, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)  # the keypad's 1 too
    assert [a.tag_ids for a in store.annotations(doc)] == [[store.tag_named("Claims").id]]


def test_tag_key_comment_undo_redo_delete(qtbot, annotating_window, background_at):
    window = annotating_window
    store = window.library.annotations
    doc = window.current.id
    start, end = select(window, "The two presidents share a strong personal bond")
    press(qtbot, window.reader, Qt.Key.Key_1)
    passages = store.annotations(doc)
    assert [(a.start, a.end, a.tag_ids) for a in passages] == [(start, end, [store.tag_named("Claims").id])]
    assert background_at(window.reader, start + 9).name() == store.tag_named("Claims").colour  # shown in tag colour
    assert window.annotating.panel.visible_ids() == [passages[0].id]

    press(qtbot, window.reader, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # a note in the margin
    editor = window.notes.card(passages[0].id).editor
    assert editor.hasFocus()
    qtbot.keyClicks(editor, "Personal diplomacy")
    press(qtbot, editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations(doc)[0].comment == "Personal diplomacy"

    press(qtbot, window.reader, Qt.Key.Key_2)  # second tag on the same passage
    assert len(store.annotations(doc)[0].tag_ids) == 2

    press(qtbot, window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(store.annotations(doc)[0].tag_ids) == 1
    press(qtbot, window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations(doc)[0].comment == ""
    press(qtbot, window.reader, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.annotations(doc)[0].comment == "Personal diplomacy"

    select(window, "The two presidents share a strong personal bond")
    press(qtbot, window.reader, Qt.Key.Key_Delete)
    assert store.annotations(doc) == []
    assert background_at(window.reader, start + 9).name() != store.tag_named("Claims").colour
    press(qtbot, window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations(doc)[0].comment == "Personal diplomacy"


def test_overlapping_passages_stay_distinguishable(qtbot, annotating_window, background_at):
    window = annotating_window
    store = window.library.annotations
    select(window, "Their relationship has been a constant despite a decade")
    press(qtbot, window.reader, Qt.Key.Key_1)
    select(window, "a constant despite a decade of increasingly difficult relations")
    press(qtbot, window.reader, Qt.Key.Key_2)
    text = window.reader.text
    only_first = background_at(window.reader, text.index("relationship has")).name()
    overlap = background_at(window.reader, text.index("constant despite")).name()
    only_second = background_at(window.reader, text.index("increasingly")).name()
    assert len({only_first, overlap, only_second}) == 3
    assert len(store.annotations(window.current.id)) == 2
    assert len({window.reader._lanes[id(s)] for s in window.reader.tag_spans()}) == 2  # two margin lanes


def test_restart_finds_everything_and_same_document(qtbot, annotating_window, make_window, settings):
    window = annotating_window
    select(window, "Beijing has resisted calls to condemn the invasion")
    press(qtbot, window.reader, Qt.Key.Key_2)
    window.reader.verticalScrollBar().setValue(200)
    doc = window.current.id
    window.close()
    window.library.close()
    again = make_window()
    with qtbot.waitSignal(again.analysisApplied, timeout=ANALYSIS_TIMEOUT):
        again.open_document(int(settings.value("lastDocument")))
    assert again.current.id == doc
    passages = again.library.annotations.annotations(doc)
    assert [a.exact for a in passages] == ["Beijing has resisted calls to condemn the invasion"]
    assert [s.start for s in again.reader.tag_spans()] == [passages[0].start]
    qtbot.waitUntil(lambda: again.reader.verticalScrollBar().value() > 0, timeout=5_000)


def test_merge_and_delete_tag_through_the_codebook(qtbot, annotating_window):
    window = annotating_window
    store = window.library.annotations
    codebook = window.annotating.codebook
    select(window, "Xi and Putin forged their friendship")
    press(qtbot, window.reader, Qt.Key.Key_1)
    select(window, "They have since drawn closer")
    press(qtbot, window.reader, Qt.Key.Key_2)
    assert codebook.merge(store.tag_named("Evidence"), store.tag_named("Claims"))
    assert codebook.tag_names() == ["Claims"]
    claims = store.tag_named("Claims").id
    assert [a.tag_ids for a in store.annotations(window.current.id)] == [[claims], [claims]]
    assert codebook.item_for(claims).text(2) == "2"
    assert codebook.delete(store.tag_named("Claims"), delete_passages=False)
    passages = store.annotations(window.current.id)
    assert len(passages) == 2 and all(a.tag_ids == [] for a in passages)
    window.annotating.undo_stack.undo()
    window.annotating.undo_stack.undo()
    assert sorted(codebook.tag_names()) == ["Claims", "Evidence"]


def test_annotations_panel_filters_and_navigates(qtbot, annotating_window):
    window = annotating_window
    store = window.library.annotations
    select(window, "Xi and Putin forged their friendship")
    press(qtbot, window.reader, Qt.Key.Key_1)
    second = select(window, "They have since drawn closer")
    press(qtbot, window.reader, Qt.Key.Key_2)
    panel = window.annotating.panel
    assert len(panel.visible_ids()) == 2
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData(store.tag_named("Evidence").id))
    assert len(panel.visible_ids()) == 1
    panel.tag_filter.setCurrentIndex(0)
    panel.text_filter.setText("forged")
    assert len(panel.visible_ids()) == 1
    panel.text_filter.clear()
    item = panel.tree.topLevelItem(1)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(item).center())
    assert window.reader.selection_range() == second
    panel.tree.setCurrentItem(item)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert len(store.annotations(window.current.id)) == 1


def test_key_without_selection_or_tag_explains(qtbot, annotating_window, answer_dialog):
    window = annotating_window
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    press(qtbot, window.reader, Qt.Key.Key_1)
    assert "Select a passage" in window.status_label.text()
    select(window, "Xi and Putin")
    asked = answer_dialog(lambda box: box.reject())  # "No tag has the key 7. Create one?" Cancel
    press(qtbot, window.reader, Qt.Key.Key_7)
    assert "No tag has the key 7" in asked[0].text()
    assert "No tag has the key 7" in window.status_label.text()


def test_adding_a_passage_repaints_only_its_range(qtbot, annotating_window):
    window = annotating_window
    calls = []
    original = window.reader.repaint_range
    window.reader.repaint_range = lambda start, end: (calls.append((start, end)), original(start, end))
    start, end = select(window, "Xi and Putin forged their friendship")
    press(qtbot, window.reader, Qt.Key.Key_1)
    assert calls == [(start, end)]


def test_views_refresh_only_what_an_edit_changed(qtbot, annotating_window, monkeypatch):
    """Adding, commenting, deleting one passage (and undoing it) updates that passage alone: never
    the library list, the full passage re-read or the analysis; a new tag touches no passage."""
    from annotext.application.edits import AddAnnotation, DeleteAnnotation, set_comment

    window = annotating_window
    store = window.library.annotations
    doc = window.current.id
    calls = {"list": 0, "passages": 0, "analysis": 0, "list rows": 0}
    real_list, real_refresh, real_result = window.refresh_library, window.annotating.refresh, window.apply_result
    real_rows = window.library_panel.set_documents

    def count(name, real):
        def counted(*args, **kwargs):
            calls[name] += 1 if name != "passages" or kwargs.get("passages", args[0] if args else True) else 0
            return real(*args, **kwargs)
        return counted

    monkeypatch.setattr(window, "refresh_library", count("list", real_list))
    monkeypatch.setattr(window.library_panel, "set_documents", count("list rows", real_rows))
    monkeypatch.setattr(window.annotating, "refresh", count("passages", real_refresh))
    monkeypatch.setattr(window, "apply_result", count("analysis", real_result))
    unchanged = {"list": 0, "passages": 0, "analysis": 0, "list rows": 0}
    tag = store.tags()[0].id
    window.annotating.submit(AddAnnotation(store.new_annotation(doc, 0, 10, [tag])))
    added = store.annotations(doc)[0]
    window.annotating.submit(set_comment(added, "a note"))
    window.annotating.submit(DeleteAnnotation(store.annotations(doc)[0]))
    window.annotating.undo_stack.undo()
    assert calls == unchanged
    shown = window.annotating
    assert [(a.id, a.comment) for a in shown.annotations] == [(added.id, "a note")]
    assert [s.attrs["id"] for s in window.reader.tag_spans()] == [added.id]
    assert shown.panel.visible_ids() == [added.id]
    assert [n.comment for n in window.notes.notes()] == ["a note"]
    assert shown.codebook.item_for(tag).text(2) == "1"
    window.annotating.submit(CreateTag(store.new_tag("Context")))
    assert calls == unchanged
    assert [t.name for t in store.tags()][-1] == "Context"
    window.annotating.undo_stack.undo()  # the tag goes: still no passage or list re-read
    assert calls == unchanged


def test_one_passage_edit_shows_what_a_full_refresh_shows(qtbot, annotating_window):
    """Overlapping passages, a tag filter and a text filter: after adding, retagging, commenting,
    deleting and undoing, every view (highlights, rows, notes, counts) is what a full re-read shows."""
    from annotext.application.edits import AddAnnotation, DeleteAnnotation, set_comment, toggle_tag

    window = annotating_window
    shown = window.annotating
    store = window.library.annotations
    doc = window.current.id
    claims, evidence = (t.id for t in store.tags()[:2])

    def views():
        return ([(s.start, s.end, s.attrs["colour"], s.attrs["id"], s.attrs["comment"]) for s in window.reader.tag_spans()],
                shown.panel.visible_ids(), [n.comment for n in window.notes.notes()],
                [(shown.codebook.item_for(t).text(2), shown.codebook.item_for(t).text(3)) for t in (claims, evidence)],
                [(a.id, a.start, a.end, a.tag_ids, a.comment) for a in shown.annotations])

    def submit(edit):
        submit_matches_full_refresh(shown, edit, views)

    submit(AddAnnotation(store.new_annotation(doc, 20, 60, [claims], "wide")))
    submit(AddAnnotation(store.new_annotation(doc, 30, 40, [evidence])))  # inside the first
    submit(AddAnnotation(store.new_annotation(doc, 5, 50, [])))  # overlapping both, no tag
    shown.panel.show_tag(claims)
    inner = next(a for a in store.annotations(doc) if a.start == 30)
    submit(toggle_tag(inner, claims))  # joins the filtered list, in text order
    assert len(shown.panel.visible_ids()) == 2
    submit(set_comment(store.annotation(inner.id), "narrow"))
    shown.panel.text_filter.setText("narrow")
    submit(toggle_tag(store.annotation(inner.id), evidence))
    assert shown.panel.visible_ids() == [inner.id]
    submit(DeleteAnnotation(store.annotation(inner.id)))
    assert shown.panel.visible_ids() == []
    for _ in range(2):  # the deletion, then the second tag
        shown.undo_stack.undo()
        undone = views()
        shown.refresh()
        assert views() == undone
    assert shown.panel.visible_ids() == [inner.id]  # back, with its comment, under both filters


def test_one_passage_edit_under_coder_views_shows_what_a_full_refresh_shows(qtbot, annotating_window):
    """Two coders compared, then one alone: a passage of either, added, retagged or removed, is shown
    (lane, row, count) as a full re-read shows it; a third coder's first passage offers new views."""
    from annotext.application.edits import AddAnnotation, DeleteAnnotation, toggle_tag

    window = annotating_window
    shown = window.annotating
    store = window.library.annotations
    doc = window.current.id
    claims, evidence = (t.id for t in store.tags()[:2])

    def views():
        return ([(s.start, s.end, s.attrs["id"], s.attrs.get("lane"), s.attrs["coder"]) for s in window.reader.tag_spans()],
                shown.panel.visible_ids(), [shown.panel.coder_filter.itemData(i) for i in range(shown.panel.coder_filter.count())],
                [(shown.codebook.item_for(t).text(2), shown.codebook.item_for(t).text(3)) for t in (claims, evidence)])

    def submit(edit):
        submit_matches_full_refresh(shown, edit, views)

    for author, start in (("Ann", 0), ("Bob", 5)):
        store.author = author
        submit(AddAnnotation(store.new_annotation(doc, start, start + 20, [claims])))
    assert shown.panel.select_coder_view(("compare", "Ann", "Bob"))
    store.author = "Bob"
    submit(AddAnnotation(store.new_annotation(doc, 10, 30, [evidence])))
    assert sorted(s.attrs.get("lane") for s in window.reader.tag_spans()) == [0, 1, 1]
    bob_first = next(a for a in store.annotations(doc) if a.start == 5)
    submit(toggle_tag(bob_first, evidence))
    assert shown.panel.select_coder_view(("one", "Ann"))
    submit(DeleteAnnotation(store.annotation(bob_first.id)))
    store.author = "Ann"
    submit(AddAnnotation(store.new_annotation(doc, 40, 50, [])))
    assert len(shown.panel.visible_ids()) == 2  # Ann's two, Bob's hidden
    store.author = "Cy"
    submit(AddAnnotation(store.new_annotation(doc, 60, 70, [claims])))
    assert shown.panel.coder_view() == ("one", "Ann") and len(shown.panel.visible_ids()) == 2
    assert ("one\x1fCy") in views()[2]
