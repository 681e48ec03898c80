"""The main window's menu bar: File, Edit, View, Tools and Help, each entry an action with its key,
and the few slots that only the menus use. A mixin of MainWindow, kept apart so main_window.py stays
about building and wiring the window (the View menu's layout entries are in window_layout.py)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QKeySequence

from annotext import APP_NAME


class WindowMenus:
    """Methods of MainWindow (which provides library_actions, menu_actions, annotating, corpus,
    find_bar, reader, current, build_layout_menu, refresh_library and open_document)."""

    def _build_menus(self) -> None:
        """Every menu and its keys; built last, once the controllers whose slots they call exist."""
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open…", QKeySequence.StandardKey.Open, self.library_actions.choose_files)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self._action(file_menu, "Import &folder…", None, self.corpus.import_folder)
        self._action(file_menu, "&Export…", QKeySequence("Ctrl+E"), self.menu_actions.choose_export)
        self._action(file_menu, "Export &corpus report…", None, self.corpus.export_report)
        file_menu.addSeparator()
        self._action(file_menu, "&Merge another analyst's work…", None, self.menu_actions.choose_merge)
        file_menu.addSeparator()
        self._action(file_menu, "&Back up library now", None, self.menu_actions.backup_now)
        self._action(file_menu, "Restore &backup…", None, self.menu_actions.choose_backup)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        edit_menu = self.menuBar().addMenu("&Edit")
        for action in self.annotating.actions():
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self._action(edit_menu, "&New tag…", None, self.annotating.codebook.create_tag)
        self._action(edit_menu, "&Paste as new document…", QKeySequence("Ctrl+Shift+V"),
                     lambda: self.library_actions.paste_as_document())
        self._action(edit_menu, "&Search library…", QKeySequence("Ctrl+Shift+F"), self._focus_search)
        view_menu = self.menuBar().addMenu("&View")
        self._action(edit_menu, "&Find…", QKeySequence.StandardKey.Find, self.find_bar.open_bar)
        self._action(edit_menu, "Your &name…", None, self.menu_actions.choose_author)
        self._action(view_menu, "&Refresh", QKeySequence.StandardKey.Refresh, self.refresh_all)
        self._action(view_menu, "Zoom &In", QKeySequence.StandardKey.ZoomIn, lambda: self.reader.zoom(1))
        self._action(view_menu, "Zoom &Out", QKeySequence.StandardKey.ZoomOut, lambda: self.reader.zoom(-1))
        view_menu.addSeparator()
        self.build_layout_menu(view_menu)
        tools_menu = self.menuBar().addMenu("&Tools")
        self._action(tools_menu, "&Corpus view", QKeySequence("Ctrl+Shift+C"), self.corpus.show)
        self._action(tools_menu, "Analyse &all documents", None, self.corpus.analyse_all)
        self._action(tools_menu, "All &passages of the selected tag", None, self.corpus.show_selected_tag)
        self._action(tools_menu, "Coder &agreement…", None, self.menu_actions.show_agreement)
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents, self.show_shortcuts)
        self._action(help_menu, f"&About {APP_NAME}", None, self.menu_actions.show_about)
        self.library_actions.update_recent_menu()

    @Slot()
    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts: every key, read from the menus, and the keys widgets handle."""
        from annotext.gui.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()

    @Slot()
    def _focus_search(self) -> None:
        """Edit ▸ Search library: the search box, its text selected to type over."""
        self.library_actions.search.box.setFocus()
        self.library_actions.search.box.selectAll()

    def _action(self, menu, text, shortcut, slot) -> QAction:
        """One menu entry: an action owned by the window, with its key (or None), calling `slot`."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    @Slot()
    def refresh_all(self) -> None:
        """View ▸ Refresh: show changes made by another instance or process on the same library."""
        self.refresh_library()
        if self.current is not None:
            self.open_document(self.current.id)
