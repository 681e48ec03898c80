"""Team work in the GUI: File ▸ Merge… and Tools ▸ Coder agreement… (docs/team.md).

The agreement dialog computes the measures of annotext.application.agreement_service, lists the
disagreements side by side, jumps to any of them, and resolves one by adopting a coder's version
through the ordinary undoable edits (one undo step per resolution)."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from annotext.gui.safe_text import show_message


def choose_merge(window) -> None:
    """File ▸ Merge…: pick another library or a .qdpx and merge it, then show the summary."""
    from annotext.application.merge import merge_project, read_other_work
    from annotext.core.errors import AnnotextError

    path, _filter = QFileDialog.getOpenFileName(window, "Merge another analyst's work", "",
                                                "Annotext library or REFI-QDA project (*.sqlite *.db *.qdpx);;"
                                                "All files (*)")
    if not path:
        return
    path = Path(path)
    try:
        project, notes = read_other_work(path, window.library.path)
        summary = merge_project(window.library, project, notes)
    except (AnnotextError, OSError) as error:
        show_message(window, "Nothing merged", str(error))
        return
    window.annotating.undo_stack.clear()  # the merge is outside the undo history; its backup is named below
    window.refresh_all()
    show_message(window, "Merged", "\n".join(summary.lines()), info=True)


class AgreementDialog(QDialog):
    """Tools ▸ Coder agreement…: choose coders and overlap, see the measures and the disagreements."""

    def __init__(self, window):
        super().__init__(window)
        from annotext.application.agreement_service import coders

        self.window = window
        self.run = None
        self.setWindowTitle("Coder agreement")
        self.resize(900, 560)  # fits a 1024x640 screen with its title bar; the tables scroll
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.coder_list = QListWidget()
        self.coder_list.setAccessibleName("Coders to compare")
        self.coder_list.setMaximumHeight(96)
        for name in coders(window.library):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.coder_list.addItem(item)
        top.addWidget(QLabel("Coders:"))
        top.addWidget(self.coder_list, 1)
        self.overlap = QSpinBox()
        self.overlap.setRange(1, 100)
        self.overlap.setValue(50)
        self.overlap.setSuffix(" %")
        self.overlap.setAccessibleName("Segment overlap needed for a match")
        top.addWidget(QLabel("Segment match at"))
        top.addWidget(self.overlap)
        compute = QPushButton("Compute")
        compute.clicked.connect(self.compute)
        top.addWidget(compute)
        layout.addLayout(top)
        self.method = QLabel("Unit: one character. κ for two coders; α (nominal) for two or more; "
                             "— means undefined (no variation).")
        self.method.setWordWrap(True)
        layout.addWidget(self.method)
        self.results = QTableWidget(0, 0)
        self.results.setAccessibleName("Agreement per tag")
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.results, 1)
        layout.addWidget(QLabel("Disagreements (double-click to show in the text):"))
        self.disagreements = QTableWidget(0, 4)
        self.disagreements.setAccessibleName("Disagreements")
        self.disagreements.setWordWrap(False)  # one line a row; the whole text is in each cell's tooltip
        self.disagreements.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.disagreements.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.disagreements.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.disagreements.cellDoubleClicked.connect(self.show_in_text)
        layout.addWidget(self.disagreements, 2)
        actions = QHBoxLayout()
        self.adopt_coded = QPushButton("Adopt: tag it for everyone")
        self.adopt_coded.clicked.connect(lambda: self.resolve(True))
        self.adopt_uncoded = QPushButton("Adopt: untag it for everyone")
        self.adopt_uncoded.clicked.connect(lambda: self.resolve(False))
        keep = QPushButton("Keep both")
        keep.clicked.connect(self.keep_both)
        save = QPushButton("Save report…")
        save.clicked.connect(self.save_report)
        for button in (self.adopt_coded, self.adopt_uncoded, keep, save):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_coders(self) -> list[str]:
        """The ticked coders, in list order."""
        return [self.coder_list.item(i).text() for i in range(self.coder_list.count())
                if self.coder_list.item(i).checkState() == Qt.CheckState.Checked]

    @Slot()
    def compute(self) -> bool:
        """Run the measures for the ticked coders and fill both tables."""
        from annotext.application.agreement_service import run_agreement

        try:
            self.run = run_agreement(self.window.library, self.chosen_coders(),
                                     segment_threshold=self.overlap.value() / 100)
        except ValueError as error:
            show_message(self, "Cannot compute agreement", str(error))
            return False
        coders = self.run.coders
        headers = ["Tag", "Characters", "Agreement", "Cohen's κ", "Krippendorff's α"] + [f"{c}: segments matched"
                                                                                       for c in coders]
        self.results.setColumnCount(len(headers))
        self.results.setHorizontalHeaderLabels(headers)
        self.results.setRowCount(len(self.run.results))
        for row, r in enumerate(self.run.results):
            cells = [r.tag, str(r.units), "—" if r.percent is None else f"{r.percent * 100:.1f} %",
                     "—" if r.kappa is None else f"{r.kappa:.3f}", "—" if r.alpha is None else f"{r.alpha:.3f}"]
            cells += [f"{r.segments[c][0]} / {r.segments[c][1]}" for c in coders]
            for column, value in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(value))
        self.results.resizeColumnsToContents()
        self._fill_disagreements()
        return True

    def _fill_disagreements(self) -> None:
        """One row per disagreement: where, the tag, the characters in dispute, then each coder's
        version side by side (the text of that coder's passages with the tag, or "not tagged")."""
        from annotext.gui.safe_text import plain_tooltip

        titles = dict(self.run.documents)
        texts: dict[int, str] = {}
        coders = self.run.coders
        headers = ["Document", "Tag", "In dispute"] + [f"{coder}'s version" for coder in coders]
        self.disagreements.setColumnCount(len(headers))
        self.disagreements.setHorizontalHeaderLabels(headers)
        self.disagreements.setRowCount(len(self.run.disagreements))
        for row, d in enumerate(self.run.disagreements):
            text = texts.setdefault(d.doc_id, self.window.library.document(d.doc_id).text)
            versions = self.run.versions(d)
            cells = [titles.get(d.doc_id, ""), d.tag, " ".join(text[d.start:d.end].split())]
            cells += [" … ".join(" ".join(text[s:e].split()) for s, e in versions[coder]) or "(not tagged)"
                      for coder in coders]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value))
                self.disagreements.setItem(row, column, item)
        header = self.disagreements.horizontalHeader()
        header.resizeSection(0, 180)
        for column in range(3, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _selected(self):
        row = self.disagreements.currentRow()
        if self.run is None or not 0 <= row < len(self.run.disagreements):
            return None
        return self.run.disagreements[row]

    @Slot(int, int)
    def show_in_text(self, row: int, _column: int = 0) -> None:
        """Open the document of a disagreement and select its characters in the reader."""
        d = self.run.disagreements[row]
        if self.window.current is None or self.window.current.id != d.doc_id:
            self.window.open_document(d.doc_id)
        self.window.reader.select_range(d.start, d.end)

    @Slot()
    def resolve(self, coded: bool) -> None:
        """Adopt one version of the selected disagreement: the passages of the coders who tagged it
        are copied to the others (coded=True), or the tag is removed from those passages (False)."""
        from annotext.application.edits import AddAnnotation, toggle_tag

        d = self._selected()
        if d is None:
            return
        store = self.window.library.annotations
        from annotext.application.agreement_service import tag_id_of_path

        tag_id = tag_id_of_path(self.window.library, d.tag)
        sources = [a for a in store.annotations(d.doc_id) if a.author in d.coded_by and tag_id in a.tag_ids
                   and a.start < d.end and d.start < a.end and not a.orphaned]
        stack = self.window.annotating.undo_stack
        stack.beginMacro(f"Resolve disagreement on {d.tag}")
        try:
            for source in sources:
                if coded:
                    for coder in d.not_coded_by:
                        copy_ = copy.deepcopy(source)
                        copy_.id, copy_.author, copy_.tag_ids = None, coder, [tag_id]
                        copy_.created_at = copy_.updated_at = ""
                        self.window.annotating.submit(AddAnnotation(copy_))
                else:
                    self.window.annotating.submit(toggle_tag(source, tag_id))
        finally:
            stack.endMacro()
        self.compute()

    @Slot()
    def keep_both(self) -> None:
        """Leave both versions as they are: the row leaves the list for this review."""
        row = self.disagreements.currentRow()
        if self._selected() is not None:
            del self.run.disagreements[row]
            self.disagreements.removeRow(row)

    @Slot()
    def save_report(self) -> None:
        """Write the HTML (or CSV) agreement report, atomically."""
        from annotext.core.atomic import atomic_write_text
        from annotext.export.agreement_report import agreement_csv, agreement_html

        if self.run is None and not self.compute():
            return
        path, _filter = QFileDialog.getSaveFileName(self, "Save agreement report", "agreement.html",
                                                    "HTML (*.html);;CSV (*.csv)")
        if not path:
            return
        from annotext.storage.errors import LibraryTargetError
        from annotext.storage.library_files import refuse_library_target

        try:
            refuse_library_target(path, self.window.library.path)  # never over the library or a backup
        except LibraryTargetError as error:
            show_message(self, "Report not saved", str(error))
            return
        try:
            if path.lower().endswith(".csv"):
                atomic_write_text(path, agreement_csv(self.run))
            else:
                texts = {doc_id: self.window.library.document(doc_id).text for doc_id, _t in self.run.documents}
                atomic_write_text(path, agreement_html(self.run, texts))
        except OSError as error:
            show_message(self, "Report not saved", f"{path}: {error.strerror or error}")

