"""What a user does on first start: the sample opens, entities are highlighted, panels work."""

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtCore import Qt

from annotext.core.palette import colour_for

ANALYSIS_TIMEOUT = 120_000




def test_sample_is_highlighted_and_labels_toggle(qtbot, make_window, open_sample, background_at):
    window = make_window()
    open_sample(window)
    reader = window.reader
    text = reader.text
    start = text.index("Alicja Bachulska")
    person = QColor(colour_for("PERSON"))
    for offset in range(start, start + len("Alicja Bachulska")):
        assert background_at(reader, offset) == person
    assert background_at(reader, text.index("delegation")) != person
    gpe = text.index("Beijing, (APP")
    assert background_at(reader, gpe) == QColor(colour_for("GPE"))

    qtbot.mouseClick(window.legend.button("PERSON"), Qt.MouseButton.LeftButton)
    assert "PERSON" in reader.hidden_labels()
    assert background_at(reader, start) != person
    assert background_at(reader, gpe) == QColor(colour_for("GPE"))  # other labels untouched
    qtbot.mouseClick(window.legend.button("PERSON"), Qt.MouseButton.LeftButton)
    assert background_at(reader, start) == person


def test_people_panel_lists_people_and_cycles_mentions(qtbot, make_window, gold, open_sample):
    window = make_window()
    open_sample(window)
    panel = window.people_panel
    assert set(panel.person_names()) == set(gold["people"])
    row = panel.person_names().index("Joe Webster")
    item = panel.topLevelItem(row)
    seen = []
    for _ in range(3):
        rect = panel.visualItemRect(item)
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        start, end = window.reader.selection_range()
        seen.append(window.reader.text[start:end])
    assert seen == ["Joe Webster", "Webster", "Joe Webster"]


def test_title_is_a_heading_and_text_is_exact(qtbot, make_window, sample_text, open_sample):
    window = make_window()
    open_sample(window)
    assert window.reader.toPlainText() == sample_text
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(3)
    assert cursor.charFormat().fontWeight() > 500
    assert window.windowTitle().startswith("Xi, Putin")


def test_reopening_uses_stored_analysis(qtbot, make_window, open_sample):
    window = make_window()
    doc_id = open_sample(window)
    calls = []
    window.runner.analyse = lambda *args, **kwargs: calls.append(args)
    with qtbot.waitSignal(window.analysisApplied, timeout=5_000):
        window.open_document(doc_id)
    assert calls == []
    assert "from the library" in window.status_label.text()


def test_without_model_text_shows_and_status_explains(qtbot, make_window, sample_text):
    window = make_window(model_name="none")
    doc_id = window.library.ensure_sample()
    with qtbot.waitSignal(window.analysisApplied, timeout=ANALYSIS_TIMEOUT):
        window.open_document(doc_id)
    assert window.reader.toPlainText() == sample_text
    qtbot.waitUntil(lambda: "pip install" in window.status_label.text(), timeout=10_000)
    assert window.model_label.text() == "no language model"


def test_text_is_painted_before_analysis_finishes(qtbot, make_window, sample_text):
    window = make_window()
    doc_id = window.library.ensure_sample()
    window.open_document(doc_id)
    assert window.reader.toPlainText() == sample_text  # synchronous: before any worker result
    qtbot.waitSignal(window.analysisApplied, timeout=ANALYSIS_TIMEOUT).wait()


def test_non_bmp_characters_do_not_shift_highlights(qtbot, make_window, tmp_path, background_at):
    window = make_window()
    path = tmp_path / "emoji.txt"
    path.write_text("Emoji news 😀🎉\n😀😀 Angela Merkel met Emmanuel Macron in Paris 𝄞 on Monday.\n", encoding="utf-8")
    with qtbot.waitSignal(window.analysisApplied, timeout=ANALYSIS_TIMEOUT):
        window.import_paths([path])
    reader = window.reader
    start = reader.text.index("Angela Merkel")
    assert background_at(reader, start) == QColor(colour_for("PERSON"))
    assert background_at(reader, start - 2) != QColor(colour_for("PERSON"))
    reader.select_range(start, start + len("Angela Merkel"))
    assert reader.textCursor().selectedText() == "Angela Merkel"
    assert window.library_actions.recent()[0] == str(path.resolve())


def test_window_state_is_kept(qtbot, make_window, settings):
    window = make_window()
    window.resize(780, 560)  # above the window's minimum width (762 px), within the offscreen screen (800x600)
    assert (window.size().width(), window.size().height()) == (780, 560)
    window.close()
    assert settings.value("window/geometry") is not None
    again = make_window(db_name="other.sqlite", size=None)
    assert (again.size().width(), again.size().height()) == (780, 560)


def test_hostile_title_is_plain_text_in_tooltip(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    path = tmp_path / "x.txt"
    path.write_text("<b>bold</b><img src=x>\nBody.", encoding="utf-8")
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths([path])
    item = window.library_panel.item(0)
    assert item.text() == "<b>bold</b><img src=x>"
    assert "&lt;b&gt;" in item.toolTip()


def test_screenshot_option_writes_a_large_png(tmp_path):
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    run = subprocess.run([sys.executable, "-m", "annotext", "--db", str(tmp_path / "l.sqlite"),
                          "--screenshot", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert image.width() >= 1280 and image.height() >= 800


def test_dropping_a_text_file_imports_and_opens_it(qtbot, make_window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(model_name="none")
    path = tmp_path / "dropped.txt"
    path.write_text("Dropped article\nBody text.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.dropEvent(event)
    assert window.current.title == "Dropped article"
    assert window.library_panel.item(0).text() == "Dropped article"


def test_find_bar_cycles_through_matches(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    window.find_bar.open_bar()
    window.find_bar.box.setText("moscow")
    first = window.reader.selection_range()
    assert window.reader.text[first[0]:first[1]] == "Moscow"
    second = window.find_bar.find()
    assert second[0] > first[0] and window.find_bar.count.text().startswith("2 of ")
    assert window.find_bar.find(backwards=True)[0] == first[0]
    window.find_bar.box.setText("no such words")
    assert window.find_bar.count.text() == "no match"


def test_analysis_can_be_stopped(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "long.txt"
    path.write_text("Title\n" + "\n".join(f"Paragraph {i}: Angela Merkel met Emmanuel Macron in Paris." for i in range(3000)),
                    encoding="utf-8")
    with qtbot.waitSignal(window.library_actions.importFinished, timeout=30_000):
        window.import_paths([path])
    assert window.cancel_button.isVisible()
    window.cancel_analysis()
    qtbot.waitUntil(lambda: not window.cancel_button.isVisible(), timeout=120_000)
    assert window.library.stored_result(window.current) is None  # nothing half-stored
    assert "stopped" in window.status_label.text()
