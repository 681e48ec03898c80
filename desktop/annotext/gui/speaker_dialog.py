"""Who said it? The quotation itself, and a speaker list that starts with the current speaker
selected (so Enter never misattributes) and the people named nearest to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from annotext.gui.safe_text import plain_tooltip

NO_SPEAKER = "(no speaker)"


class SpeakerDialog(QDialog):
    """Pick a person (nearest first) or type any name; `speaker()` is "" for no speaker."""

    def __init__(self, parent, quotation: str, names: list[str], current: str | None, title: str = "Speaker",
                 nearest_first: bool = False):
        """`current` is pre-selected (None: "no speaker", or with `nearest_first` the nearest person,
        for a quotation the analyst has just marked)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        shown = " ".join(quotation.split())
        quote = QLabel(f"“{shown[:600]}{'…' if len(shown) > 600 else ''}”")
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        quote.setToolTip(plain_tooltip(shown))
        layout.addWidget(quote)
        layout.addWidget(QLabel("Who said this? Pick a person (nearest first) or type a name:"))
        self.names = QComboBox()
        self.names.setEditable(True)
        self.names.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        choices = list(names)
        if current and current not in choices:
            choices.insert(0, current)  # a typed speaker stays selectable
        self.names.addItems([*choices, NO_SPEAKER])
        if current:
            self.names.setCurrentIndex(choices.index(current))
        else:
            self.names.setCurrentIndex(0 if nearest_first and choices else len(choices))
        layout.addWidget(self.names)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def speaker(self) -> str:
        """The chosen or typed name ("" when the analyst chose no speaker)."""
        text = " ".join(self.names.currentText().split())
        return "" if text == NO_SPEAKER else text
