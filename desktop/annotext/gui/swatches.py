"""Small colour squares: how a tag's colour is shown in lists, menus and dialogs."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def swatch(colour: str, size: int = 14) -> QIcon:
    """A small square icon of a colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
