"""The corpus view: the whole library (or a selection) at once — who is mentioned, who is quoted,
when and where — and every passage of a code. A mode of the main window (Tools ▸ Corpus view).

Thin: the numbers come from annotext.application.corpus, the charts from annotext.export.charts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from annotext.application.corpus import CorpusService
from annotext.core.corpus import CorpusFilter
from annotext.gui.corpus_charts import ChartPanel
from annotext.gui.corpus_people_table import PeopleTable
from annotext.gui.corpus_passages import PassagesPanel
from annotext.gui.safe_text import plain_tooltip

QUOTE_COLUMNS = ["Date", "Document", "Source", "Quotation (in context)"]


def _cell(text: str) -> QTableWidgetItem:
    """A read-only cell showing `text` as plain text."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class CorpusView(QWidget):
    """Emits openAt(doc_id, start, end) to read a document at a place, backToReading() to leave."""

    openAt = Signal(int, int, int)
    backToReading = Signal()

    def __init__(self, library, submit, dark: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("corpus")
        self.library = library
        self.service = CorpusService(library)
        self.submit = submit
        self.dark = dark
        self.selection = CorpusFilter()
        self.people = []
        self.stale = True
        self._build()

    # Layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for box, hint in ((self.date_from, "from YYYY-MM-DD"), (self.date_to, "to YYYY-MM-DD")):
            box.setPlaceholderText(hint)
            box.setMaximumWidth(120)
            box.editingFinished.connect(self.apply_filter)
        self.source = QComboBox()
        self.source.setMinimumWidth(140)
        self.source.activated.connect(lambda _i: self.apply_filter())
        self.attribute = QLineEdit()
        self.attribute.setPlaceholderText("attribute: key=value")
        self.attribute.setMaximumWidth(170)
        self.attribute.editingFinished.connect(self.apply_filter)
        self.in_tag = QComboBox()
        self.in_tag.activated.connect(lambda _i: self.apply_filter())
        self.analyse_button = QPushButton("Analyse all")
        export = QPushButton("Export report…")
        self.export_button = export
        back = QPushButton("Back to reading")
        back.clicked.connect(self.backToReading.emit)
        bar = QHBoxLayout()
        for widget in (QLabel("Documents:"), self.date_from, self.date_to, self.source, self.attribute, self.in_tag):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.analyse_button, export, back):
            bar.addWidget(widget)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.table = PeopleTable()
        self.table.personChosen.connect(self.show_quotes)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._people_menu)

        self.quotes = QTableWidget(0, len(QUOTE_COLUMNS))
        self.quotes.setObjectName("corpusQuotes")
        self.quotes.setHorizontalHeaderLabels(QUOTE_COLUMNS)
        self.quotes.setWordWrap(True)
        rows = self.quotes.verticalHeader()  # four lines a row: thousands of rows fill at once
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.quotes.fontMetrics().lineSpacing() * 4 + 6)
        self.quotes.verticalHeader().setVisible(False)
        self.quotes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quotes.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.quotes.itemActivated.connect(self._open_quote)
        self.quotes_label = QLabel("Click a person to list every quotation of theirs; double-click one to read it.")
        self.quotes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quotes_page = quotes_page = QWidget()
        quotes_layout = QVBoxLayout(quotes_page)
        quotes_layout.addWidget(self.quotes_label)
        quotes_layout.addWidget(self.quotes, 1)

        self.share_chart = ChartPanel("Bars: words quoted; labels give quotations and share of all attributed"
                                      " words. Hatched orange: organisations.")
        self.time_chart = ChartPanel("Documents without a date are left out of this chart.")
        self.tag_chart = ChartPanel("Passages per tag and value (each passage counted once per tag).")
        self.tag_key = QComboBox()  # count by source, or by another attribute
        self.tag_key.setObjectName("tagKey")
        self.tag_key.activated.connect(lambda _i: self._redraw(self.tag_chart))
        self.tag_chart.bottom.insertWidget(0, QLabel("By:"))
        self.tag_chart.bottom.insertWidget(1, self.tag_key)
        self.passages = PassagesPanel(self.service, self.openAt.emit)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.share_chart, "Share of voice")
        self.tabs.addTab(quotes_page, "Quotations")
        self.tabs.addTab(self.time_chart, "Over time")
        self.tabs.addTab(self.tag_chart, "By source")
        self.tabs.addTab(self.passages, "Passages")
        self.tabs.currentChanged.connect(lambda _i: self._draw_current())
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([830, 530])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read everything (after analyses, corrections, merges or a new filter). The first opening
        of an older library summarises its stored analyses first (about 0.5 ms a document)."""
        from PySide6.QtWidgets import QApplication

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.service.prepare()
        finally:
            QApplication.restoreOverrideCursor()
        self._fill_choices()
        self.people = self.service.people(self.selection)
        totals = self.service.totals(self.selection)
        self.summary.setText(
            f"{self.selection.describe()}: {totals['documents']} documents, {totals['analysed']} analysed,"
            f" {totals['dated']} dated; {totals['quotes']} quotations ({totals['attributed_quotes']} with a known"
            f" speaker, {totals['attributed_words']:,} words). Share of voice = share of those words.")
        todo = self.service.unanalysed()
        self.analyse_button.setText(f"Analyse {len(todo)} not analysed" if todo else "All analysed")
        self.analyse_button.setEnabled(bool(todo))
        self.table.set_people(self.people)
        self.stale = False
        self._drawn: set[int] = set()
        self._draw_current()
        self.passages.set_selection(self.selection)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _fill_choices(self) -> None:
        for combo, first, values in ((self.source, "All sources", self.service.attribute_values("source")),
                                     (self.in_tag, "Any tag", [t.name for t in self.library.annotations.tags()])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)
        self.passages.set_tags([t.name for t in self.library.annotations.tags()])
        key = self.tag_key.currentText() or "source"
        keys = ["source", *(k for k in self.service.attribute_keys() if k != "source")]
        self.tag_key.clear()
        self.tag_key.addItems(keys)
        self.tag_key.setCurrentText(key)

    def apply_filter(self) -> None:
        """Read the filter bar; a date or attribute that cannot be read is shown, not applied."""
        from annotext.core.attributes import BadAttribute, normalise_date, parse_assignment

        dates = []
        for box in (self.date_from, self.date_to):
            text = box.text().strip()
            dates.append(normalise_date(text) if text else None)
            box.setStyleSheet("" if not text or dates[-1] else "color: #c0392b;")
        attrs = ()
        if self.attribute.text().strip():
            try:
                attrs = (parse_assignment(self.attribute.text()),)
                self.attribute.setStyleSheet("")
            except BadAttribute:
                self.attribute.setStyleSheet("color: #c0392b;")
        selection = CorpusFilter(dates[0], dates[1], self.source.currentData(), attrs, self.in_tag.currentData())
        if selection != self.selection:
            self.selection = selection
            self.refresh()

    # Charts --------------------------------------------------------------------------------
    def _draw_current(self) -> None:
        """Charts are drawn when their tab is shown (matplotlib loads on the first one)."""
        from annotext.export.charts import DARK, LIGHT, share_of_voice_figure, tag_heatmap_figure, timeline_figure

        index = self.tabs.currentIndex()
        if index in getattr(self, "_drawn", set()):
            return
        theme = DARK if self.dark else LIGHT
        panel = self.tabs.currentWidget()
        if panel is self.share_chart:
            self.share_chart.show_figure(lambda width: share_of_voice_figure(self.people, 15, theme, width))
        elif panel is self.time_chart:
            unit, points = self.service.timeline(self.selection)
            self.time_chart.show_figure(lambda width: timeline_figure(points, unit, theme, width))
        elif panel is self.tag_chart:
            key = self.tag_key.currentText() or "source"
            table = self.service.tags_by(self.selection, key)
            self.tag_chart.show_figure(lambda width: tag_heatmap_figure(table, theme, width, by=key))
        else:
            return
        self._drawn.add(index)

    def _redraw(self, panel) -> None:
        self._drawn.discard(self.tabs.indexOf(panel))
        self._draw_current()

    # People --------------------------------------------------------------------------------
    def show_quotes(self, entry: str) -> None:
        """List every quotation of a corpus entry, by date, with context."""
        quotes = self.service.quotes(entry, self.selection)
        self.quotes.setSortingEnabled(False)
        self.quotes.setRowCount(len(quotes))
        for row, quote in enumerate(quotes):
            before, after = " ".join(quote.before[-90:].split(" ")[1:]), " ".join(quote.after[:90].split(" ")[:-1])
            context = " ".join(f"…{before}“{quote.content}”{after}…".split())
            cells = [_cell(quote.date or ""), _cell(quote.title), _cell(quote.source or ""), _cell(context)]
            cells[0].setData(Qt.ItemDataRole.UserRole + 1, (quote.doc_id, quote.start, quote.end))
            cells[3].setToolTip(plain_tooltip(f"{quote.speaker}: “{quote.content}”\n{quote.title}"))
            for column, item in enumerate(cells):
                self.quotes.setItem(row, column, item)
        self.quotes_label.setText(f"{entry}: {len(quotes)} quotation(s). Double-click one to read it in its document.")
        self.tabs.setCurrentWidget(self.quotes_page)

    def _open_quote(self, item: QTableWidgetItem) -> None:
        place = self.quotes.item(item.row(), 0).data(Qt.ItemDataRole.UserRole + 1)
        if place:
            self.openAt.emit(*place)

    def _people_menu(self, point) -> None:
        entry = self.table.name_at(point)
        if entry is None:
            return
        person = next((p for p in self.people if p.name == entry), None)
        menu = QMenu(self)
        merge = menu.addMenu("Count as the same person as")
        for other in [p.name for p in self.people if p.name != entry][:40]:
            merge.addAction(other, lambda target=other: self.merge(entry, target))
        if person is not None and len(person.names) > 1:
            split = menu.addMenu("Separate the name")
            for name in person.names:
                split.addAction(name, lambda chosen=name: self.split(chosen))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def merge(self, entry: str, into: str) -> bool:
        """Count `entry` as `into` across the corpus (undoable)."""
        from annotext.application.corpus import merge_people

        done = self.submit(merge_people(entry, into))
        self.refresh()
        return done

    def split(self, name: str) -> bool:
        """Make the per-document name `name` a corpus entry of its own (undoable)."""
        from annotext.application.corpus import split_person

        done = self.submit(split_person(name))
        self.refresh()
        return done
