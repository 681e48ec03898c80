"""Quotations in the GUI: marked in the reader, grouped by speaker, corrections saved and kept."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotext.application.library import Library



def test_quotes_are_marked_and_entities_inside_stay_visible(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    reader = window.reader
    start = reader.text.index("It will legitimise Russia")
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.positions.to_qt(start) + 2)
    assert cursor.charFormat().fontItalic() and cursor.charFormat().fontUnderline()
    russia = reader.text.index("Russia", start)
    cursor.setPosition(reader.positions.to_qt(russia) + 1)
    assert cursor.charFormat().fontUnderline()  # quote layer
    assert cursor.charFormat().background().color().name() == "#feca74"  # entity layer (GPE) kept
    quote = next(q for q in window.result.quotes if q.start <= start < q.end)
    assert window.describe_spans([quote]) == "Alicja Bachulska — told"


def test_quotes_panel_groups_by_speaker_and_navigates(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    speakers = window.quotes_panel.speakers()
    assert speakers["Joe Webster"] == 3 and speakers["Alexander Gabuev"] == 2
    quote = next(q for q in window.result.quotes if q.attrs["speaker"] == "Bjorn Alexander Duben")
    item = window.quotes_panel.item_for(quote.start)
    window.quotes_panel.scrollTo(item)
    rect = window.quotes_panel.visualRect(item)
    qtbot.mouseClick(window.quotes_panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.selection_range() == (quote.start, quote.end)


def test_corrections_are_saved_and_survive_reanalysis(qtbot, make_window, tmp_path, analyser, open_sample):
    window = make_window()
    doc_id = open_sample(window)
    scare = next(q for q in window.result.quotes if q.attrs["content"] == "no-limits")
    gabuev = [q for q in window.result.quotes if q.attrs["speaker"] == "Alexander Gabuev"]
    window.quotes_panel.speakerCorrected.emit(gabuev[0].start, gabuev[0].end, "Vladimir Putin")
    window.quotes_panel.notQuote.emit(scare.start, scare.end)
    assert window.quotes_panel.speakers()["Alexander Gabuev"] == 1
    people = {p.name: p for p in window.result.people}
    assert people["Vladimir Putin"].quotes == 2
    assert all(q.start != scare.start for q in window.result.quotes)
    # Stored in SQLite: another connection sees them, and a fresh analysis keeps them.
    other = Library(window.library.path)
    previous = analyser.version
    try:
        analyser.version = "next-version"  # a new analyser: the document is analysed again
        result = other.analyse(doc_id, analyser)
    finally:
        analyser.version = previous
        other.close()
    assert [q.attrs["speaker"] for q in result.quotes if q.start == gabuev[0].start] == ["Vladimir Putin"]
    assert all(q.start != scare.start for q in result.quotes)


def test_reader_context_menu_corrects_the_quotation_under_the_mouse(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    reader = window.reader
    offset = reader.text.index("pro-Russia neutrality")
    reader.select_range(offset, offset)
    point = reader.cursorRect(reader.textCursor()).center()
    menu = window.annotating.build_reader_menu(point)
    labels = [a.text() for a in menu.actions()]
    assert "Change speaker (Joe Webster)…" in labels
    not_quote = next(a for a in menu.actions() if a.text() == "Not a quotation")
    not_quote.trigger()
    assert all("neutrality" not in q.attrs["content"] for q in window.result.quotes)


def test_corrections_are_undone_and_redone_with_ctrl_z(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    stack = window.annotating.undo_stack
    gabuev = [q for q in window.result.quotes if q.attrs["speaker"] == "Alexander Gabuev"]
    window.quotes_panel.speakerCorrected.emit(gabuev[0].start, gabuev[0].end, "Vladimir Putin")
    window.quotes_panel.notQuote.emit(gabuev[1].start, gabuev[1].end)
    assert "Alexander Gabuev" not in window.quotes_panel.speakers()
    assert stack.undoText() == "Not a quotation"
    stack.undo()
    assert window.quotes_panel.speakers()["Alexander Gabuev"] == 1
    stack.undo()
    assert window.quotes_panel.speakers()["Alexander Gabuev"] == 2
    assert window.library.repo.quote_corrections(window.current.id) == []
    stack.redo()
    assert window.quotes_panel.speakers()["Alexander Gabuev"] == 1
    assert [c.speaker for c in window.library.repo.quote_corrections(window.current.id)] == ["Vladimir Putin"]


def test_scare_quotes_are_listed_apart_and_drawn_differently(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    scare = next(q for q in window.result.quotes if q.attrs["content"] == "no-limits")
    assert scare.attrs["kind"] == "scare"
    assert window.quotes_panel.scare_quotes() >= 1
    assert all(name != "Scare quotes (not speech)" for name in window.quotes_panel.speakers())
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.positions.to_qt(scare.start) + 2)
    fmt = cursor.charFormat()
    assert not fmt.fontItalic()
    assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine


def test_quotes_panel_lists_every_quotation_of_a_long_report_as_rows_made_on_demand(qtbot):
    from annotext.core.spans import Span
    from annotext.gui.quotes_model import CORRECTED_ROLE, GROUP_ROLE, RANGE_ROLE
    from annotext.gui.quotes_panel import HIDDEN_GROUP, SCARE_QUOTES, UNATTRIBUTED, QuotesPanel

    panel = QuotesPanel()
    qtbot.addWidget(panel)
    quotes = [Span(i * 100, i * 100 + 60, "quote", "QUOTE",
                   {"content": f"quotation number {i} <b>bold</b>", "cue": "said",
                    "speaker": f"Speaker {i % 7}" if i % 5 else None, "corrected": i == 12,
                    **({"kind": "scare"} if i % 11 == 0 else {})}) for i in range(4000)]
    hidden = [Span(500_000, 500_040, "quote", "QUOTE", {"content": "not one", "speaker": "Speaker 1"})]
    panel.set_quotes(quotes, hidden)
    model = panel.model()
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles[-2:] == [f"{SCARE_QUOTES}  (364)", f"{HIDDEN_GROUP}  (1)"]
    assert titles[-3].startswith(f"{UNATTRIBUTED}  (")
    speech = [q for q in quotes if q.attrs.get("kind") != "scare"]
    assert sum(panel.speakers().values()) == len(speech) and panel.scare_quotes() == 364
    ranges = {(q.start, q.end) for q in quotes}  # every quotation is a row, each once, under its heading
    rows = [model.index(row, 0, model.index(group, 0)) for group in range(model.rowCount())
            for row in range(model.rowCount(model.index(group, 0)))]
    assert {r.data(RANGE_ROLE) for r in rows} == ranges | {(500_000, 500_040)} and len(rows) == 4001
    twelve = panel.item_for(1200)
    assert twelve.data() == "“quotation number 12 <b>bold</b>”" and twelve.siblingAtColumn(1).data() == "4"
    assert twelve.data(CORRECTED_ROLE) and twelve.data(GROUP_ROLE) == "speaker"
    assert "&lt;b&gt;" in twelve.data(Qt.ItemDataRole.ToolTipRole)  # escaped: never markup
    assert model.index(0, 1).data() == str(4 * len(panel.quotes_model.groups[0].quotes))
    assert [a.text() for a in panel.build_menu(panel.item_for(500_000)).actions()] == ["Restore quotation"]
    assert not panel.item_for(12345).isValid() and panel.build_menu(model.index(0, 0)) is None
    assert all(panel.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))
    panel.set_quotes([])
    assert model.rowCount() == 0 and panel.speakers() == {}
