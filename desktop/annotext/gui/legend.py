"""The legend above the reader: one checkable chip per label present, each toggling its highlights."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from annotext.core.palette import LABEL_NAMES, colour_for, label_sort_key
from annotext.gui.flow_layout import FlowLayout


class LegendBar(QWidget):
    """Emits `labelToggled(label, visible)`; keeps its chips' checked state across documents."""

    labelToggled = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = FlowLayout(self)  # chips wrap onto a second line rather than shrink to "…"
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._hint = QLabel("Highlights:")
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self._hint)
        self._buttons: dict[str, QToolButton] = {}
        self._hidden: set[str] = set()
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Highlight legend")

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show one chip per label with its count, in legend order."""
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        for index, label in enumerate(sorted(counts, key=label_sort_key)):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(label not in self._hidden)
            button.setText(f"{label}  {counts[label]}")
            button.setToolTip(f"{LABEL_NAMES.get(label, label)}: click to show or hide")
            button.setAccessibleName(f"{LABEL_NAMES.get(label, label)}, {counts[label]}: show or hide")
            button.setObjectName(f"legend-{label}")
            button.setProperty("label", label)
            button.setStyleSheet(_chip_style(colour_for(label)))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.toggled.connect(self._on_toggled)
            self._layout.insertWidget(1 + index, button)
            self._buttons[label] = button

    def button(self, label: str) -> QToolButton | None:
        """The chip of a label (tests and keyboard users click it)."""
        return self._buttons.get(label)

    def set_hidden(self, labels: set[str]) -> None:
        """Restore the chips the analyst had switched off (remembered between sessions)."""
        self._hidden = set(labels)
        for label, button in self._buttons.items():
            button.blockSignals(True)
            button.setChecked(label not in self._hidden)
            button.blockSignals(False)

    def set_note(self, note: str) -> None:
        """A word after "Highlights", e.g. that the coding view hides the entities."""
        self._hint.setText(f"Highlights ({note}):" if note else "Highlights:")

    def hidden_labels(self) -> set[str]:
        """Labels the analyst switched off."""
        return set(self._hidden)

    def _on_toggled(self, checked: bool) -> None:
        label = self.sender().property("label")
        (self._hidden.discard if checked else self._hidden.add)(label)
        self.labelToggled.emit(label, checked)


def _chip_style(colour: str) -> str:
    return (
        "QToolButton { border: 1px solid %s; border-radius: 9px; padding: 2px 9px;"
        " background: %s; color: #111; font-weight: 600; }"
        "QToolButton:!checked { background: transparent; color: palette(mid); font-weight: 400; }"
        % (colour, colour)
    )
