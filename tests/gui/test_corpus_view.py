"""The corpus view in the main window: numbers, quotations, charts, coding retrieval, merge/undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.corpus_articles import build_library, totals


def corpus_window(qtbot, tmp_path, settings, count=30):
    from annotext.gui.main_window import MainWindow

    library, items = build_library(tmp_path / "corpus.sqlite", count=count)
    store = library.annotations
    tag = store.store_tag(store.new_tag("Economy"))
    for item in items[:6]:
        store.store_annotation(store.new_annotation(item.document.id, 0, 12, [tag.id], comment="headline"))
    window = MainWindow(library, settings, "none")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, items


def table_values(table):
    from annotext.gui.corpus_people_table import COLUMNS

    return {table.text(r, 0): dict(zip(COLUMNS, (table.text(r, c) for c in range(len(COLUMNS)))))
            for r in range(table.row_count())}


def test_people_table_and_share_of_voice_chart_show_the_corpus_counts(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    speakers, words, mentions, documents = totals(items)
    window.corpus.show()
    view = window.corpus.view
    rows = table_values(view.table)
    assert set(rows) == set(mentions) | set(speakers)
    for name, row in rows.items():
        assert int(row["Quotes"]) == speakers[name] and int(row["Words"]) == words[name]
        assert int(row["Mentions"]) == mentions[name] and int(row["Docs"]) == documents[name]
    assert rows["the Port Authority"]["Kind"] == "org."
    bars = sorted(round(p.get_width()) for p in view.share_chart.figure.axes[0].patches)
    assert bars == sorted(words.values())
    words_order = [int(view.table.text(r, 5)) for r in range(view.table.row_count())]
    assert words_order == sorted(words_order, reverse=True)  # most quoted first, like the chart
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # numeric sort, not text
    mentions_order = [int(view.table.text(r, 3)) for r in range(view.table.row_count())]
    assert mentions_order == sorted(mentions_order)
    window.close()


def test_a_person_lists_every_quotation_and_double_click_reads_it(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    speakers, *_ = totals(items)
    window.corpus.show()
    view = window.corpus.view
    row = next(r for r in range(view.table.row_count()) if view.table.text(r, 0) == "Amara Okafor")
    view.table.select_row(row)
    assert view.quotes.rowCount() == speakers["Amara Okafor"]
    view.quotes.itemActivated.emit(view.quotes.item(0, 3))
    assert not window.corpus.shown
    start, end = window.reader.selection_range()
    assert window.current.text[start:end].startswith("“")
    window.close()


def test_filters_timeline_and_tag_heatmap(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    window.corpus.show()
    view = window.corpus.view
    source = items[0].document.metadata["sitename"]
    view.source.setCurrentIndex(view.source.findData(source))
    view.apply_filter()
    chosen = [i for i in items if i.document.metadata["sitename"] == source]
    assert sum(int(view.table.text(r, 4)) for r in range(view.table.row_count())) == sum(
        sum(i.speakers.values()) for i in chosen)
    view.tabs.setCurrentWidget(view.time_chart)
    heights = [p.get_height() for p in view.time_chart.figure.axes[0].patches]
    assert sum(heights) == sum(sum(i.mentions.values()) + sum(i.speakers.values()) for i in chosen)
    view.date_from.setText("not a date")
    view.apply_filter()
    assert "c0392b" in view.date_from.styleSheet()
    window.close()


def test_coding_retrieval_from_the_codebook_and_export(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    tag = window.library.annotations.tag_named("Economy")
    window.annotating.codebook.tagRetrieved.emit(tag.id)
    panel = window.corpus.view.passages
    assert window.corpus.shown and panel.table.rowCount() == 6
    assert panel.table.item(0, 3).text() == "headline"
    assert panel.export("csv", str(tmp_path / "code.csv"))
    qtbot.waitUntil(lambda: window.status_label.text() == f"Code report written to {tmp_path / 'code.csv'}")
    assert (tmp_path / "code.csv").read_text(encoding="utf-8").count("headline") == 6
    assert panel.export("html", str(tmp_path / "code.html"))
    qtbot.waitUntil(lambda: window.status_label.text() == f"Code report written to {tmp_path / 'code.html'}")
    assert "Code report: Economy" in (tmp_path / "code.html").read_text(encoding="utf-8")
    panel.table.itemActivated.emit(panel.table.item(2, 2))
    assert window.current.id == panel.found[2].doc_id
    window.close()


def _writer_threads(monkeypatch):
    """Wrap the report writer to record the thread each report is written on."""
    import threading

    import annotext.export.corpus_report as corpus_report

    threads = []
    original = corpus_report.write_corpus_report

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(corpus_report, "write_corpus_report", recording)
    return threads


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_corpus_report_is_written_off_the_gui_thread_with_a_count(qtbot, tmp_path, settings, monkeypatch, fmt):
    import threading

    window, items = corpus_window(qtbot, tmp_path, settings)
    threads = _writer_threads(monkeypatch)
    statuses = []
    monkeypatch.setattr(window, "on_status", lambda text: statuses.append(text) or window.status_label.setText(text))
    window.corpus.show()
    target = tmp_path / f"report.{fmt}"
    assert window.corpus.export_report(target)
    assert window.corpus.view.export_button.text() == "Stop report"
    qtbot.waitUntil(lambda: window.status_label.text() == f"Corpus report written to {target}", timeout=30000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.corpus.view.export_button.text() == "Export report…"
    counts = [text for text in statuses if text.startswith("Writing the corpus report: step ")]
    assert counts and counts[-1].startswith("Writing the corpus report: step ") and " of " in counts[-1]
    if fmt == "html":
        html = target.read_text(encoding="utf-8")
        assert html.count("<svg") == 3 and "Economy" in html
    else:
        from docx import Document

        word = Document(str(target))
        assert len(word.inline_shapes) == 3 and "Economy" in "\n".join(p.text for p in word.paragraphs)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(f".report.{fmt}")]
    window.close()


def test_stop_leaves_the_old_report_and_pdf_runs_on_the_gui_thread(qtbot, tmp_path, settings, monkeypatch):
    import threading

    import annotext.export.corpus_report as corpus_report

    window, items = corpus_window(qtbot, tmp_path, settings)
    release = threading.Event()
    original = corpus_report.write_corpus_report

    def held(*args, **kwargs):
        release.wait(10)  # until the test has pressed Stop
        return original(*args, **kwargs)

    monkeypatch.setattr(corpus_report, "write_corpus_report", held)
    target = tmp_path / "report.docx"
    target.write_bytes(b"old report")
    window.corpus.show()
    assert window.corpus.export_report(target)
    window.corpus.view.export_button.click()  # now Stop
    release.set()
    qtbot.waitUntil(lambda: window.status_label.text() == "Corpus report stopped.", timeout=30000)
    assert target.read_bytes() == b"old report"
    assert window.corpus.view.export_button.text() == "Export report…"
    monkeypatch.setattr(corpus_report, "write_corpus_report", original)
    threads = _writer_threads(monkeypatch)
    assert window.corpus.export_report(tmp_path / "report.pdf")
    qtbot.waitUntil(lambda: window.status_label.text() == f"Corpus report written to {tmp_path / 'report.pdf'}",
                    timeout=30000)
    assert threads == [threading.main_thread()] and (tmp_path / "report.pdf").read_bytes()[:4] == b"%PDF"
    window.close()


def test_corpus_report_never_overwrites_the_library(qtbot, tmp_path, settings, monkeypatch):
    import os

    window, items = corpus_window(qtbot, tmp_path, settings, count=3)
    messages = []
    monkeypatch.setattr("annotext.gui.corpus_mode.show_message", lambda _w, _t, text, **_k: messages.append(text))
    library_file = Path(window.library.path)
    alias = tmp_path / "library-alias.html"
    os.link(library_file, alias)  # the same file under a report's name
    before = library_file.read_bytes()
    assert not window.corpus.export_report(alias)
    assert messages and "open library" in messages[0]
    assert window.corpus._reports is None or not window.corpus.reports.running
    assert library_file.read_bytes() == before
    window.close()


def test_merge_in_the_view_is_undoable_from_the_edit_menu(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    window.corpus.show()
    view = window.corpus.view
    before = table_values(view.table)
    assert view.merge("Rafael Duarte", "Ingrid Solberg")
    after = table_values(view.table)
    assert "Rafael Duarte" not in after
    assert int(after["Ingrid Solberg"]["Quotes"]) == int(before["Ingrid Solberg"]["Quotes"]) + int(
        before["Rafael Duarte"]["Quotes"])
    window.annotating.undo_stack.undo()
    assert table_values(view.table) == before
    window.close()


def test_library_list_shows_date_and_source_and_attributes_are_undoable(qtbot, tmp_path, settings):
    from annotext.gui.attributes_dialog import AttributesDialog, edit_attributes

    window, items = corpus_window(qtbot, tmp_path, settings, count=5)
    panel = window.library_panel
    assert panel.headerItem().text(1) == "Date" and panel.headerItem().text(2) == "Source"
    first = items[0].document
    row = next(panel.item(r) for r in range(panel.count()) if panel.item(r).data(Qt.ItemDataRole.UserRole) == first.id)
    assert row.text(1) == first.metadata["date"] and row.text(2) == first.metadata["sitename"]
    panel.sortItems(1, Qt.SortOrder.AscendingOrder)
    dates = [panel.item(r).text(1) for r in range(panel.count())]
    assert dates == sorted(dates)
    assert edit_attributes(window, first.id, {"source": "Evening Post", "region": "North"})
    row = next(panel.item(r) for r in range(panel.count()) if panel.item(r).data(Qt.ItemDataRole.UserRole) == first.id)
    assert row.text(2) == "Evening Post"
    window.annotating.undo_stack.undo()
    row = next(panel.item(r) for r in range(panel.count()) if panel.item(r).data(Qt.ItemDataRole.UserRole) == first.id)
    assert row.text(2) == first.metadata["sitename"]
    dialog = AttributesDialog("t", {"source": "A", "date": "2024-01-01"})
    dialog.table.item(1, 1).setText("not a date")
    dialog.accept()
    assert "not a date" in dialog.error.text() and dialog.result() == 0
    dialog.table.item(1, 1).setText("2.3.2024")
    assert dialog.changes() == {"date": "2024-03-02"}
    window.close()


def test_analyse_all_in_the_background_fills_the_corpus(qtbot, tmp_path, settings):
    from annotext.application.library import Library
    from annotext.core.document import Document
    from annotext.gui.main_window import MainWindow
    from tests.gui.conftest import ANALYSIS_TIMEOUT

    library = Library(tmp_path / "lib.sqlite")
    for title, text in (("Talks stall", "“We are not moving,” said Maria Lopez, the union leader.\n"),
                        ("Harbour opens", "“It is a good day for the town,” said John Carter, the mayor.\n")):
        library.add_document(Document(title, f"{title}\n{text}", f"test:{title}"))
    window = MainWindow(library, settings, None)
    qtbot.addWidget(window)
    window.show()
    window.corpus.show()
    view = window.corpus.view
    assert view.analyse_button.text() == "Analyse 2 not analysed"
    view.analyse_button.click()
    qtbot.waitUntil(lambda: view.analyse_button.text() == "All analysed", timeout=ANALYSIS_TIMEOUT)
    rows = table_values(view.table)
    assert rows["Maria Lopez"]["Quotes"] == "1" and rows["John Carter"]["Quotes"] == "1"
    assert "Analysed 2 document(s)" in window.status_label.text()
    window.close()
    library.close()


def test_tag_frequency_by_another_attribute(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    window.corpus.show()
    view = window.corpus.view
    view.tabs.setCurrentWidget(view.tag_chart)
    view.tag_key.setCurrentText("author")
    view.tag_key.activated.emit(view.tag_key.currentIndex())
    axes = view.tag_chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Tagged passages by author"
    columns = [label.get_text() for label in axes.get_xticklabels()]
    expected = {i.document.metadata["author"] for i in items[:6]}
    assert set(columns) == expected
    assert sum(int(t.get_text()) for t in axes.texts) == 6
    window.close()


def test_tools_menu_lists_the_selected_tags_passages(qtbot, tmp_path, settings):
    window, items = corpus_window(qtbot, tmp_path, settings)
    window.open_document(items[0].document.id)  # the codebook fills with the first document
    tree = window.annotating.codebook.tree
    tree.setCurrentItem(tree.topLevelItem(0))
    action = next(a for a in window.menuBar().actions() if a.text() == "&Tools").menu()
    next(a for a in action.actions() if a.text() == "All &passages of the selected tag").trigger()
    assert window.corpus.shown and window.corpus.view.passages.table.rowCount() == 6
    window.close()
