"""Editing a document's attributes (source, date, author and any key=value) from the library list."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from annotext.core.attributes import CANONICAL, BadAttribute, parse_assignment


class AttributesDialog(QDialog):
    """A two-column table of keys and values; source, date and author are always offered."""

    def __init__(self, title: str, attributes: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Document attributes")
        self.original = dict(attributes)
        heading = QLabel(f"{title}\nDates as YYYY-MM-DD; an empty value removes the attribute.")
        heading.setTextFormat(heading.textFormat().PlainText)
        heading.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("attributes")
        self.table.setHorizontalHeaderLabels(["Attribute", "Value"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for key in [*CANONICAL, *(k for k in attributes if k not in CANONICAL)]:
            self.add_row(key, attributes.get(key, ""))
        add = QPushButton("Add attribute")
        add.clicked.connect(lambda: self.add_row("", ""))
        self.error = QLabel()
        self.error.setTextFormat(self.error.textFormat().PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.table, add, self.error, buttons):
            layout.addWidget(widget)
        self.resize(460, 320)

    def add_row(self, key: str, value: str) -> None:
        """One more key/value row."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))

    def changes(self) -> dict[str, str]:
        """The keys whose values differ from before (an empty value removes); BadAttribute for a
        key or value that cannot be stored."""
        values: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            value = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
            if not key:
                continue
            key, value = parse_assignment(f"{key}={value}")
            values[key] = value
        for key in self.original:
            values.setdefault(key, "")
        return {k: v for k, v in values.items() if self.original.get(k, "") != v}

    def accept(self) -> None:  # noqa: D102 (checks before closing)
        try:
            self.changes()
        except BadAttribute as error:
            self.error.setText(str(error))
            return
        super().accept()


def edit_attributes(window, doc_id: int, values: dict[str, str] | None = None) -> bool:
    """Library list ▸ Attributes…: change a document's attributes as one undoable edit (`values`
    skips the dialog)."""
    from annotext.application.corpus import CorpusService
    from annotext.application.document_attributes import set_attributes

    library = window.library
    if values is None:
        dialog = AttributesDialog(library.document(doc_id).title, CorpusService(library).document_attributes(doc_id),
                                  window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        values = dialog.changes()
    if not values:
        return False
    return window.annotating.submit(set_attributes(library, doc_id, values))
