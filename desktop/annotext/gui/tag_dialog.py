"""The New tag dialog: name, parent, colour and key in one step, and the question asked when a key
is already taken ("move it?"). Builds no edits itself; the codebook panel turns the answer into them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QWidget)

from annotext.core.annotations import Tag, next_colour
from annotext.gui.swatches import swatch


@dataclass(frozen=True, slots=True)
class TagRequest:
    """What the analyst asked for in the dialog."""

    name: str
    parent_id: int | None
    colour: str
    key: int | None


class NewTagDialog(QDialog):
    """Asks for a new tag's name, parent, colour and key; the first free key is proposed."""

    def __init__(self, parent: QWidget | None, tags: list[Tag], parent_id: int | None = None,
                 key: int | None = None, name: str = ""):
        super().__init__(parent)
        self.setWindowTitle("New tag")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 56)  # room for a long name
        self.tags = tags
        self.name = QLineEdit(name)
        self.name.setAccessibleName("Tag name")
        self.name.setPlaceholderText("e.g. Economic framing")
        self.parent_box = QComboBox()
        self.parent_box.setAccessibleName("Parent tag")
        self.parent_box.addItem("(top level)", None)
        for tag in tags:
            self.parent_box.addItem(swatch(tag.colour), tag.name, tag.id)
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(parent_id)))
        self.colour = next_colour([t.colour for t in tags])
        self.colour_button = QPushButton()
        self.colour_button.setAccessibleName("Tag colour")
        self.colour_button.clicked.connect(self._choose_colour)
        self._show_colour()
        self.key_box = QComboBox()
        self.key_box.setAccessibleName("Shortcut key")
        self.key_box.addItem("None", None)
        owners = {t.shortcut: t.name for t in tags if t.shortcut}
        for number in range(1, 10):
            self.key_box.addItem(f"{number}" + (f"  (now {owners[number]})" if number in owners else ""), number)
        proposed = key if key is not None else next((k for k in range(1, 10) if k not in owners), None)
        self.key_box.setCurrentIndex(max(0, self.key_box.findData(proposed)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(bool(name.strip()))
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Under:", self.parent_box)
        form.addRow("&Colour:", self.colour_button)
        form.addRow("&Key:", self.key_box)
        hint = QLabel("Press the key with text selected to apply the tag.")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        hint.setForegroundRole(hint.foregroundRole().PlaceholderText)
        form.addRow(hint)
        form.addRow(buttons)
        self.name.setFocus()

    def request(self) -> TagRequest:
        """The answers (after exec() returned Accepted)."""
        return TagRequest(" ".join(self.name.text().split()), self.parent_box.currentData(), self.colour,
                          self.key_box.currentData())

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour), self, "Tag colour")
        if colour.isValid():
            self.colour = colour.name()
            self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setIcon(swatch(self.colour, 16))
        self.colour_button.setText(self.colour)


def confirm_key_move(parent: QWidget | None, key: int, owner: Tag, new_name: str) -> bool:
    """The key is taken: ask whether to move it from its tag to `new_name` (that tag keeps no key)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Key already used",
                      f"The key {key} applies “{owner.name}”. Move it to “{new_name}”? "
                      f"“{owner.name}” will have no key.", QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    move = box.addButton(f"Move key {key}", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(move)
    box.exec()
    return box.clickedButton() is not None and box.clickedButton().text() == move.text()
