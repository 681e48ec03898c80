"""The reader shows the structure kept from import (headings, list items, block quotes) with block and
character formats only: the text, and so every position, is what it was."""

import docx
import pytest
from PySide6.QtGui import QTextCursor, QTextListFormat

from annotext.application.edits import CreateTag
from annotext.core.blocks import Block, blocks_of
from annotext.gui.reader import ReaderView

TEXT = ("Field report\n"
        "Members\n"
        "Members\n"
        "Swifts 🐦 arrived early this year\n"
        "Swallows followed\n"
        "- Written marker stays\n"
        "We have not seen this in thirty years.\n"
        "Closing paragraph.\n")


def _line(number):
    start = sum(len(line) + 1 for line in TEXT.split("\n")[:number])
    return start, start + len(TEXT.split("\n")[number])


BLOCKS = [Block(*_line(1), "h2"), Block(*_line(3), "li"), Block(*_line(4), "li"), Block(*_line(5), "li"),
          Block(*_line(6), "blockquote")]


@pytest.fixture
def reader(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_text(TEXT, "Field report", BLOCKS)
    return view


def _block(reader, number):
    return reader.document().findBlockByNumber(number)


def _left(reader, offset):
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.positions.to_qt(offset))
    return reader.cursorRect(cursor).left()


def test_no_character_is_added_and_positions_are_unchanged(reader):
    assert reader.toPlainText() == TEXT.rstrip("\n") + "\n" or reader.toPlainText() == TEXT
    assert reader.document().characterCount() == reader.positions.utf16_length + 1
    assert reader.blocks() == BLOCKS
    start = TEXT.index("arrived")  # after an astral character inside a list item
    reader.select_range(start, start + len("arrived early"))
    assert reader.selection_range() == (start, start + len("arrived early"))
    assert reader.textCursor().selectedText() == "arrived early"


def test_heading_is_bold_and_larger_than_the_same_words_as_a_paragraph(reader):
    heading, paragraph = _block(reader, 1), _block(reader, 2)
    assert heading.text() == paragraph.text() == "Members"
    assert heading.layout().lineAt(0).naturalTextWidth() > paragraph.layout().lineAt(0).naturalTextWidth() * 1.1
    cursor = QTextCursor(heading)
    cursor.movePosition(QTextCursor.MoveOperation.Right)
    assert cursor.charFormat().fontWeight() >= 700


def test_list_items_are_indented_behind_one_bullet_list_and_quotes_indented(reader):
    paragraph_left = _left(reader, _line(7)[0])
    first, second, marked = _block(reader, 3), _block(reader, 4), _block(reader, 5)
    assert first.textList() is not None and first.textList() == second.textList()
    assert first.textList().format().style() == QTextListFormat.Style.ListDisc
    assert marked.textList() is None  # its "- " is already in the text: indented, no second bullet
    for line in (3, 4, 5, 6):
        assert _left(reader, _line(line)[0]) >= paragraph_left + 15, line


def test_indent_follows_zoom(reader):
    before = _left(reader, _line(6)[0]) - _left(reader, _line(7)[0])
    reader.zoom(4)
    assert _left(reader, _line(6)[0]) - _left(reader, _line(7)[0]) > before


def test_passage_painted_on_exact_characters_inside_a_list_item(reader, background_at):
    from annotext.core.spans import Span

    start = TEXT.index("arrived")
    reader.set_tag_spans([Span(start, start + len("arrived early"), "tag", "P", {"colour": "#aaccee", "id": 1})])
    assert background_at(reader, start).name() == "#aaccee"
    assert background_at(reader, start + len("arrived early") - 1).name() == "#aaccee"
    assert background_at(reader, start - 2).name() != "#aaccee"  # the emoji's space before it
    assert background_at(reader, start + len("arrived early")).name() != "#aaccee"
    heading_start = _line(1)[0]
    reader.set_tag_spans([Span(heading_start, heading_start + 3, "tag", "P", {"colour": "#aaccee", "id": 2})])
    cursor = QTextCursor(_block(reader, 1))
    cursor.movePosition(QTextCursor.MoveOperation.Right)
    assert cursor.charFormat().fontWeight() >= 700  # the heading stays a heading under a passage


def test_tagging_inside_an_imported_list_item_stores_exact_offsets(qtbot, make_window, tmp_path):
    word = docx.Document()
    word.add_paragraph("Bird notes", style="Title")
    word.add_paragraph("Spring", style="Heading 2")
    word.add_paragraph("Swifts 🐦 arrived early this year", style="List Bullet")
    word.add_paragraph("An ordinary paragraph closes the notes.")
    path = tmp_path / "notes.docx"
    word.save(path)
    window = make_window()
    doc_id = window.library.import_file(path)
    window.open_document(doc_id)
    reader = window.reader
    assert reader.text == "Bird notes\nSpring\nSwifts 🐦 arrived early this year\nAn ordinary paragraph closes the notes.\n"
    assert [b.kind for b in reader.blocks()] == ["h2", "li"]
    assert reader.document().findBlockByNumber(2).textList() is not None
    store = window.library.annotations
    window.annotating.submit(CreateTag(store.new_tag("Arrivals", shortcut=1)))
    start = reader.text.index("arrived")
    reader.select_range(start, start + len("arrived early"))
    window.annotating.tag_key(1)  # what the key 1 does
    [passage] = store.annotations(doc_id)
    assert (passage.start, passage.end) == (start, start + len("arrived early"))
    assert reader.text[passage.start:passage.end] == "arrived early"


def test_a_stale_structure_is_ignored_not_shown(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    text = "Title\nshort\n"
    view.show_text(text, "Title", blocks_of({"blocks": [[6, 40, "h2"], [6, 11, "li"]]}, text))
    assert view.blocks() == [Block(6, 11, "li")]


def test_wrapped_rest_of_an_item_with_a_written_marker_gets_no_bullet(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    text = "Title\n- first item, wrapped\nin the source\nA paragraph.\n"
    first, rest, paragraph = (text.index(line) for line in ("- first", "in the", "A para"))
    view.show_text(text, "Title", [Block(first, rest - 1, "li"), Block(rest, paragraph - 1, "li")])
    block = view.document().findBlockByNumber(2)
    assert block.text() == "in the source"
    assert block.textList() is None and block.blockFormat().indent() == 1
    assert _left(view, rest) > _left(view, paragraph)
