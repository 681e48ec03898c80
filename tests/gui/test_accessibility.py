"""Every control a keyboard or screen-reader user reaches has a name (issue 19)."""

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea, QComboBox, QHeaderView,
                               QLineEdit, QTabBar, QTextEdit, QWidget)

INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTabBar, QTextEdit)


def unnamed(window):
    """Interactive widgets whose accessible name (what a screen reader says) is empty."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractScrollArea) is False and widget.parent() is not None \
                and isinstance(widget.parent(), QAbstractScrollArea) and widget is widget.parent().viewport():
            continue
        if widget.objectName().startswith("qt_") or isinstance(widget.parent(), QLineEdit) \
                or isinstance(widget, QHeaderView):  # Qt's own parts: clear buttons; headers name columns
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return found


def test_every_control_has_an_accessible_name(qtbot, make_window, open_sample):
    window = make_window()
    open_sample(window)
    window.find_bar.open_bar()
    missing = unnamed(window)
    assert not missing, "\n".join(missing)
