"""Library work in the GUI: several files at once, search, rename, delete with undo, replace text."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from annotext.application.edits import AddAnnotation


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_multi_file_import_continues_past_a_bad_file(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    good1 = write(tmp_path, "one.txt", "First article\nAbout harbours.")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    good2 = write(tmp_path, "two.md", "Second article\nAbout railways.")
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000) as blocker:
        window.import_paths([good1, bad, good2])
    titles = {d.title for d in window.library.documents()}
    assert titles == {"First article", "Second article"}
    assert window.current.title == "Second article" and blocker.args[0] == window.current.id
    assert "broken.pdf" in window.status_label.text() and "not a readable PDF" in window.status_label.text()


def test_search_opens_the_document_at_the_hit(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    path = write(tmp_path, "port.txt", "Harbour news\nThe new container terminal opened on Monday.")
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths([path])
    window.library.ensure_sample()
    search = window.library_actions.search
    search.box.setText("container")
    qtbot.waitUntil(lambda: search.results.count() > 0 and search.results.isVisible(), timeout=5_000)
    assert not window.library_panel.isVisible()
    search.results.itemActivated.emit(search.results.item(0))
    start, end = window.reader.selection_range()
    assert window.current.title == "Harbour news" and window.reader.text[start:end] == "container"
    search.box.clear()
    assert window.library_panel.isVisible() or not window.isVisible()


def test_rename_and_delete_are_undoable(qtbot, make_window, open_sample):
    window = make_window(model_name="none")
    doc = open_sample(window)
    store = window.library.annotations
    window.annotating.submit(AddAnnotation(store.new_annotation(doc, 0, 10, [], "keep")))
    actions = window.library_actions
    assert actions.rename(doc, "Summit story")
    assert window.library.document(doc).title == "Summit story"
    assert actions.edit_source(doc, "https://example.org/summit", "2023-10-17")
    assert window.library.document(doc).metadata["date"] == "2023-10-17"
    assert actions.delete(doc, confirm=False)
    assert window.library.documents() == [] and window.current is None
    window.annotating.undo_stack.undo()
    restored = window.library.document(doc)
    assert restored.title == "Summit story" and [a.comment for a in store.annotations(doc)] == ["keep"]
    window.annotating.undo_stack.undo()
    window.annotating.undo_stack.undo()
    assert window.library.document(doc).title.startswith("Xi, Putin")


def test_replace_text_reanchors_and_lists_orphans(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    old = "Budget story\nThe council cut the library budget.\nResidents protested outside the town hall.\n"
    path = write(tmp_path, "story.txt", old)
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths([path])
    doc = window.current.id
    store = window.library.annotations
    for passage in ("cut the library budget", "Residents protested"):
        start = old.index(passage)
        window.annotating.submit(AddAnnotation(store.new_annotation(doc, start, start + len(passage))))
    new = write(tmp_path, "story-v2.txt", "Budget story (updated)\nOn Tuesday the council cut the library budget.\n")
    counts = window.library_actions.replace_text(doc, new)
    assert counts["orphaned"] == 1 and counts["position"] + counts["exact"] == 1
    rows = [window.annotating.panel.tree.topLevelItem(i).text(0)
            for i in range(window.annotating.panel.tree.topLevelItemCount())]
    assert any(r.startswith("[orphaned] Residents protested") for r in rows)
    assert "orphaned" in window.status_label.text()
    window.annotating.undo_stack.undo()  # the old text and both passages, anchored as before
    assert window.reader.text == old and window.library.document(doc).text == old
    assert [a.exact for a in window.annotating.annotations] == ["cut the library budget", "Residents protested"]
    assert not any(a.orphaned for a in window.annotating.annotations)


def test_undoing_an_edit_of_another_document_opens_it_first(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    paths = [write(tmp_path, "a.txt", "First story\nAlpha beta gamma.\n"),
             write(tmp_path, "b.txt", "Second story\nDelta epsilon.\n")]
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths(paths[:1])
    first = window.current.id
    store = window.library.annotations
    window.annotating.submit(AddAnnotation(store.new_annotation(first, 12, 17, [], "alpha")))
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths(paths[1:])
    assert window.current.id != first
    window.annotating.undo_stack.undo()
    assert window.current.id == first  # the analyst sees the passage go
    assert window.annotating.annotations == [] and store.annotations(first) == []
    window.annotating.undo_stack.redo()
    assert [a.comment for a in window.annotating.annotations] == ["alpha"]


def test_paste_as_new_document(qtbot, make_window, answer_dialog):
    from PySide6.QtWidgets import QApplication, QInputDialog

    window = make_window(model_name="none")
    QGuiApplication.clipboard().setText("Pasted headline\r\n\r\n   \r\nPasted body text.  \n\n\nSecond paragraph.")
    asked = []

    def answer(dialog):
        asked.append(dialog.textValue())
        dialog.setTextValue("My title")
        dialog.accept()

    answer_dialog(answer, QInputDialog)
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    qtbot.keyClick(window.reader, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["Pasted headline"]  # the first line is proposed
    doc = window.current.id
    assert window.library.document(doc).text == "Pasted headline\nPasted body text.\nSecond paragraph.\n"
    assert window.current.title == "My title"


def test_a_document_added_behind_the_windows_back_is_listed_and_selected_when_opened(qtbot, make_window):
    """First start: the sample is imported after the window read the (empty) list."""
    window = make_window()
    assert window.library_panel.count() == 0
    doc_id = window.library.ensure_sample()
    window.open_document(doc_id)
    assert window.library_panel.count() == 1
    assert window.library_panel.currentItem().data(Qt.ItemDataRole.UserRole) == doc_id


def test_every_write_on_a_read_only_library_says_so_and_changes_nothing(qtbot, make_window, tmp_path,
                                                                        monkeypatch):
    from annotext.gui import annotation_controller, library_controller

    window = make_window(model_name="none")
    path = write(tmp_path, "story.txt", "Budget story\nThe mayor said: “We will cut nothing.”\n")
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths([path])
    qtbot.waitUntil(lambda: window.result is not None, timeout=60_000)
    doc = window.current.id
    before = window.library.document(doc)
    shown = []
    monkeypatch.setattr(annotation_controller, "show_message", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(library_controller, "show_message", lambda parent, title, text: shown.append(text))
    window.library.read_only = "in a read-only folder"  # as a library opened from a read-only place
    quote = window.result.quotes[0]
    assert window.corrections.set_speaker(quote.start, quote.end, "Someone Else") is False
    assert window.corrections.not_quote(quote.start, quote.end) is False
    assert window.library_actions.rename(doc, "New title") is False
    assert window.library_actions.delete(doc, confirm=False) is False
    QGuiApplication.clipboard().setText("Pasted text")
    assert window.library_actions.paste_as_document(title="Pasted text") is None
    assert len(shown) == 5 and all("read-only" in message for message in shown)
    assert window.library.quote_corrections(doc) == [] and window.library.document(doc) == before
    assert len(window.library.documents()) == 1 and window.annotating.undo_stack.count() == 0
