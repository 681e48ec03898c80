"""Help ▸ Keyboard shortcuts: every key of the window in one list, read from the actions themselves
(so it cannot drift from what is bound) plus the keys that widgets handle in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout

IN_PLACE_KEYS = [  # (where, keys, what): handled by a widget, not by a menu action
    ("Reader", "1 … 9", "Apply or remove the tag with that key on the selection (a free digit offers a new tag)"),
    ("Reader", "Alt + drag", "Select exact characters (otherwise a selection snaps to whole words)"),
    ("Reader", "Shift + arrows", "Select with the keyboard"),
    ("Notes", "Click, Enter or F2", "Edit a note in place"),
    ("Notes", "Ctrl+Enter", "Save the note (leaving the note saves it too)"),
    ("Notes", "Esc", "Cancel the edit"),
    ("Find bar", "Enter / Shift+Enter", "Next / previous match"),
    ("Find bar", "Esc", "Close the find bar"),
    ("Codebook", "Enter or double-click", "Show the tag's passages"),
    ("Codebook", "F2", "Rename the tag"),
    ("Annotations list", "Delete", "Delete the passage"),
    ("Search boxes", "Down", "Move into the results"),
    ("Lists", "Enter", "Open the chosen item"),
]


def window_shortcuts(window) -> list[tuple[str, str, str]]:
    """(menu, keys, action) for every action of the window that has a key, in menu order."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            rows.extend(_menu_rows(menu, menu.title().replace("&", "")))
    return rows


def _menu_rows(menu: QMenu, where: str) -> list[tuple[str, str, str]]:
    rows = []
    for action in menu.actions():
        if action.menu() is not None:
            rows.extend(_menu_rows(action.menu(), f"{where} ▸ {action.text().replace('&', '')}"))
        elif action.shortcuts():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            rows.append((where, keys, _plain(action)))
    return rows


def _plain(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "").split("\t")[0].strip()


class ShortcutsDialog(QDialog):
    """A two-level list: where (menu or widget), then key and what it does."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Key", "Does"])
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for where, keys, what in window_shortcuts(window) + IN_PLACE_KEYS:
            group = groups.get(where)
            if group is None:
                group = groups[where] = QTreeWidgetItem([where])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
            group.addChild(QTreeWidgetItem([keys, what]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.setWindowModality(Qt.WindowModality.NonModal)

    def rows(self) -> list[tuple[str, str, str]]:
        """What is listed: (where, key, does)."""
        result = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                result.append((group.text(0), item.text(0), item.text(1)))
        return result
