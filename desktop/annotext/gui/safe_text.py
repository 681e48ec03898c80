"""Article text, titles and names shown in widgets are plain text, never Qt rich text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt


def plain_tooltip(text: str) -> str:
    """A tooltip string that Qt will not interpret as markup, whatever `text` contains."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def show_message(parent, title: str, text: str, question: bool = False, info: bool = False) -> bool:
    """A message box whose text is always plain (file names, tag names and errors may contain markup).
    With `question`, Yes/No buttons; returns True for Yes (or OK)."""
    from PySide6.QtWidgets import QMessageBox

    buttons = (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) if question \
        else QMessageBox.StandardButton.Ok
    icon = (QMessageBox.Icon.Question if question else
            QMessageBox.Icon.Information if info else QMessageBox.Icon.Warning)
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok)
