"""Issue 19's defects, driven as a user drives them: keys on the focused widget, clicks on rows,
windows the size of small laptops."""

import pytest
from PySide6.QtCore import QSize, QTimer, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QStyleOptionViewItem, QToolButton

from annotext.application.edits import CreateTag

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
PASSAGE = "The two presidents share a strong personal bond"


@pytest.fixture
def coding(coding_window):
    """The sample open, two tags with keys 1 and 2, the reader focused (a factory taking the size)."""
    return coding_window


def select(window, text):
    start = window.reader.text.index(text)
    window.reader.select_range(start, start + len(text))
    return start, start + len(text)


def put_caret(window, offset):
    cursor = window.reader.textCursor()
    cursor.setPosition(window.reader.positions.to_qt(offset))
    window.reader.setTextCursor(cursor)


def passages(window):
    return window.library.annotations.annotations(window.current.id)


# 1 and 3: Redo from the keyboard, and a status that says what was undone or redone ----------------
def test_redo_keys_work_once_each_and_status_names_what_was_undone(qtbot, coding, qtlog):
    window = coding()
    select(window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert len(passages(window)) == 1
    assert window.status_label.text() == "Add passage: saved."

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert passages(window) == []
    assert window.status_label.text().startswith("Undone: Add passage")

    qtbot.keyClick(window.reader, Qt.Key.Key_Y, CTRL)
    assert len(passages(window)) == 1
    assert window.status_label.text().startswith("Redone: Add passage")

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(passages(window)) == 1
    assert window.status_label.text().startswith("Redone: Add passage")
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]


def test_no_key_is_bound_twice_in_the_window(coding):
    window = coding()
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    for shortcut in window.findChildren(QShortcut):
        owners.setdefault(shortcut.key().toString(), []).append(f"shortcut on {shortcut.parent().objectName()}")
    twice = {key: names for key, names in owners.items() if key and len(names) > 1}
    assert twice == {}
    assert "Ctrl+Y" in owners and "Ctrl+Shift+Z" in owners


# 2: double-click on a codebook tag opens it, never edits a passage -------------------------------
def test_double_click_on_a_tag_shows_its_passages_and_changes_nothing(qtbot, coding):
    window = coding()
    start, end = select(window, PASSAGE)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    before = [(a.id, a.tag_ids) for a in passages(window)]
    put_caret(window, start + 5)  # the caret inside the passage, as in the report
    window.tabs.setCurrentWidget(window.people_panel)
    codebook = window.annotating.codebook
    store = window.library.annotations
    item = codebook.item_for(store.tag_named("Claims").id)
    centre = codebook.tree.visualItemRect(item).center()
    qtbot.mouseClick(codebook.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double-click is
    qtbot.mouseDClick(codebook.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a click, then this
    assert [(a.id, a.tag_ids) for a in passages(window)] == before
    assert window.tabs.currentWidget() is window.annotating.panel
    assert window.annotating.panel.visible_ids() == [before[0][0]]
    assert "Claims: 1 passage in this document" in window.status_label.text()

    evidence = codebook.item_for(store.tag_named("Evidence").id)
    codebook.tree.setCurrentItem(evidence)
    codebook.tree.setFocus()
    qtbot.keyClick(codebook.tree, Qt.Key.Key_Return)  # Enter opens too
    assert window.annotating.panel.visible_ids() == []
    assert [(a.id, a.tag_ids) for a in passages(window)] == before


# 7: Delete inside two overlapping passages asks which ----------------------------------------
def answer_next_dialog(qtbot, choose):
    """Run `choose(box)` on the modal message box as soon as it is shown."""
    seen = []

    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append([b.text() for b in box.buttons()])
        choose(box)

    QTimer.singleShot(0, act)
    return seen


def test_delete_inside_overlapping_passages_asks_which_naming_the_tags(qtbot, coding):
    window = coding()
    select(window, "Their relationship has been a constant despite a decade")
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    select(window, "a constant despite a decade of increasingly difficult relations")
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    put_caret(window, window.reader.text.index("constant despite") + 3)

    seen = answer_next_dialog(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert len(passages(window)) == 2  # cancelled: nothing removed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)  # the text has the focus again
    labels = [t for t in seen[0] if t != "Cancel" and t != "&Cancel"]
    assert len(labels) == 2
    assert labels[0].startswith("Claims: “Their relationship") and labels[1].startswith("Evidence: “a constant")

    def pick_evidence(box):
        next(b for b in box.buttons() if b.text().startswith("Evidence")).click()

    seen = answer_next_dialog(qtbot, pick_evidence)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    store = window.library.annotations
    assert [a.tag_ids for a in passages(window)] == [[store.tag_named("Claims").id]]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)

    put_caret(window, window.reader.text.index("relationship has"))  # one passage: no question
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert passages(window) == []


# 4: small windows: nothing cut, panels can be hidden, collapsed and brought back --------------
def assert_nothing_cut(qtbot, window):
    legend = window.legend
    chips = legend.findChildren(QToolButton)
    assert chips, "the sample has highlights: the legend shows chips"
    for widget in chips + [legend._hint]:
        assert widget.isVisible()
        assert widget.width() >= widget.sizeHint().width(), widget.text()
        assert legend.rect().contains(widget.geometry()), widget.text()
    bar = window.tabs.tabBar()
    for index in range(bar.count()):
        assert bar.tabRect(index).width() >= bar.tabSizeHint(index).width()
    assert window.reader.viewport().width() >= 300
    tree = window.annotating.codebook.tree
    for row in range(tree.topLevelItemCount()):  # tag names whole: icon, name and padding fit the column
        item = tree.topLevelItem(row)
        icon = tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        needed = tree.fontMetrics().horizontalAdvance(item.text(0)) + icon + tree.indentation() + 12
        assert needed <= tree.header().sectionSize(0), item.text(0)
    people = window.people_panel
    window.tabs.setCurrentWidget(people)
    qtbot.wait(10)
    for row in range(people.topLevelItemCount()):  # long names wrap: every line of every name is shown
        item = people.topLevelItem(row)
        option = QStyleOptionViewItem()
        option.initFrom(people)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.rect = people.visualItemRect(item)
        option.rect.setWidth(people.header().sectionSize(0))
        text_rect = people.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, people)
        needed = people.fontMetrics().boundingRect(0, 0, text_rect.width(), 10_000, int(Qt.TextFlag.TextWordWrap),
                                                   item.text(0))
        assert needed.height() <= text_rect.height(), item.text(0)
    for box in (window.library_actions.search.box, window.annotating.panel.text_filter):
        assert box.fontMetrics().horizontalAdvance(box.placeholderText()) <= box.width() - 40


@pytest.fixture
def app_theme(qapp):
    """The app's own fonts, palette and style sheet (what users see), undone after the test."""
    from annotext.gui.theme import apply_theme

    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp, dark=False)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.mark.parametrize("size", [(1000, 700), (1024, 640)])
def test_small_window_cuts_nothing_and_panels_come_back(qtbot, app_theme, coding, size):
    window = coding(size=size)
    qtbot.waitUntil(lambda: window.width() == size[0] and all(c.isVisible() for c in window.legend.findChildren(QToolButton)))
    assert window.minimumSizeHint().width() <= size[0]
    assert_nothing_cut(qtbot, window)

    splitter = window.splitter
    splitter.moveSplitter(splitter.width(), 2)  # drag the right panel's handle to the window edge
    qtbot.wait(10)
    assert splitter.sizes()[2] == 0
    assert window.width() == size[0]
    right_edge = window.reader.mapTo(window, window.reader.rect().topRight()).x()
    assert right_edge <= window.width()
    assert not window.panel_actions[2].isChecked()

    number = window.tabs.indexOf(window.annotating.panel) + 1
    qtbot.keyClick(window.reader, getattr(Qt.Key, f"Key_{number}"), ALT)  # Alt+n: the Annotations tab, panel back
    assert splitter.sizes()[2] >= window.tabs.minimumWidth()
    assert window.tabs.currentWidget() is window.annotating.panel
    assert window.panel_actions[2].isChecked()
    assert window.width() == size[0]

    window.part_actions[1].trigger()  # View ▸ Codebook off: the library keeps the left panel
    assert not window.left.widget(1).isVisible() and window.left.widget(0).isVisible()
    assert window.panel_shown(0) and not window.part_actions[1].isChecked() and window.part_actions[0].isChecked()
    window.part_actions[0].trigger()  # and the library: nothing left, the panel goes
    assert window.left.isHidden() and not window.panel_actions[0].isChecked()
    window.part_actions[1].trigger()  # Codebook on: the panel comes back
    assert window.panel_shown(0) and window.part_actions[1].isChecked()
    window.panel_actions[0].trigger()  # View ▸ Library and codebook off
    assert window.left.isHidden() and not window.panel_actions[0].isChecked()
    window.reset_layout()
    assert window.panel_shown(0) and window.panel_shown(2)
    assert_nothing_cut(qtbot, window)


# 5: the reading column keeps its width from one document to the next ------------------------
def text_column(window):
    """Left edge (window coordinates) and width of the reader's text column."""
    from PySide6.QtCore import QPoint

    reader = window.reader
    frame = reader.document().rootFrame().frameFormat()
    left = reader.viewport().mapTo(window, QPoint(0, 0)).x() + frame.leftMargin()
    return left, reader.viewport().width() - frame.leftMargin() - frame.rightMargin()


def test_reading_column_keeps_its_width_between_documents(qtbot, coding, tmp_path):
    window = coding(size=(1366, 768))
    assert window.outer_bar.isVisible()  # the sample is long enough to scroll
    first = text_column(window)
    sample = window.current.id
    path = tmp_path / "other.txt"
    path.write_text("A short note\nMinister Alexandra Ocasio-Richardson-Montgomery said \"We will not accept "
                    "this under any circumstances whatsoever\" on Tuesday in Washington.\n", encoding="utf-8")
    doc = window.library.import_file(path)
    window.refresh_library()
    with qtbot.waitSignal(window.analysisApplied, timeout=120_000):
        window.open_document(doc)
    qtbot.wait(50)
    assert not window.outer_bar.isVisible()
    second = text_column(window)
    assert second == first
    with qtbot.waitSignal(window.analysisApplied, timeout=120_000):
        window.open_document(sample)
    qtbot.wait(50)
    third = text_column(window)
    assert third == first


def test_large_print_reaches_the_text_and_keeps_tag_names_whole(qtbot, app_theme, qapp, make_window, open_sample):
    """A 200 % desktop font: the reading text grows with it and narrow panels drop counts, not names."""
    font = qapp.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(font)
    window = make_window(size=(1920, 1080))
    open_sample(window)
    store = window.library.annotations
    for name in ("Claims", "Evidence", "Economic framing"):
        window.annotating.submit(CreateTag(store.new_tag(name)))
    assert window.reader.font().pointSizeF() >= 2 * 12.5 - 0.01
    tree = window.annotating.codebook.tree
    qtbot.wait(10)
    assert tree.isColumnHidden(3)  # the library count made room
    assert_rows_show_all_their_lines(tree)


def assert_rows_show_all_their_lines(view):
    """Every row of a tree view is tall enough for its first column's text wrapped at its width."""
    for row in range(view.topLevelItemCount()):
        item = view.topLevelItem(row)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        if not item.icon(0).isNull():
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            size = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            option.decorationSize = QSize(size, size)
        option.rect = view.visualItemRect(item)
        option.rect.setWidth(view.header().sectionSize(0) - (option.rect.left() - view.header().sectionPosition(0)))
        text_rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        needed = view.fontMetrics().boundingRect(0, 0, text_rect.width(), 10_000, int(Qt.TextFlag.TextWordWrap),
                                                 item.text(0))
        assert needed.height() <= text_rect.height() and needed.width() <= text_rect.width(), item.text(0)


def test_the_desktops_large_font_and_the_contrast_theme_are_kept(qapp, app_theme):
    from PySide6.QtGui import QPalette

    from annotext.gui.theme import apply_theme

    font = qapp.font()
    font.setPointSizeF(21)
    qapp.setFont(font)
    apply_theme(qapp, contrast=True)
    assert qapp.font().pointSizeF() == 21  # not reset to the theme's 10.5 pt
    palette = qapp.palette()
    assert palette.color(QPalette.ColorRole.Base).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Text).name() == "#ffffff"
