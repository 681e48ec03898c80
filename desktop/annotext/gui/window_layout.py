"""How the main window shares its width: the side panels (shown, hidden, collapsed and brought back),
the reader with its notes margin beside it, which folds away when there is no room, and the View
menu entries for all of it. A mixin of MainWindow, kept apart so main_window.py stays about wiring."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

LEFT_MIN_WIDTH = 150  # library titles and tag names stay readable
READER_MIN_WIDTH = 340  # about 40 characters of the reading font: the reader is never squeezed below
NOTES_MIN_WIDTH = 180  # narrower, the notes margin folds away (annotext.gui.notes_margin.MIN_WIDTH)
RIGHT_MIN_WIDTH = 240  # the three tab titles and a passage's first words


class NotesSpace(QWidget):
    """An empty stand-in, as wide as the notes margin will be, so the text does not move when it comes."""

    def sizeHint(self):  # noqa: N802 (Qt naming)
        """The margin's preferred width (annotext.gui.notes_margin.PREFERRED_WIDTH)."""
        from PySide6.QtCore import QSize

        return QSize(300, 0)

    def minimumSizeHint(self):  # noqa: N802 (Qt naming)
        """None: like the margin, it gives way to the reader."""
        from PySide6.QtCore import QSize

        return QSize(0, 0)


class PanelLayout:
    """Methods of MainWindow (which provides splitter, left, centre, tabs, notes, settings, _action)."""

    def build_layout_menu(self, view_menu) -> None:
        """View ▸ coding view, each panel (checkable), a key per right-hand tab, the notes margin,
        Reset layout."""
        self.coding_action = self._action(view_menu, "&Coding view (hide entity highlights)",
                                          QKeySequence("Ctrl+Shift+K"), self.set_coding_view)
        self.coding_action.setCheckable(True)
        self.restore_view_state()
        view_menu.addSeparator()
        self.panel_actions = {}
        for index, text in ((0, "&Library and codebook"), (2, "&Side panel (annotations, people, quotes)")):
            action = self._action(view_menu, text, None,
                                  lambda checked=True, panel=index: self.set_panel_shown(panel, checked))
            action.setCheckable(True)
            self.panel_actions[index] = action
        self.part_actions = {}
        for part, text in ((0, "    Librar&y"), (1, "    Code&book")):  # the two halves of the left panel
            action = self._action(view_menu, text, None,
                                  lambda checked=True, which=part: self.set_left_part_shown(which, checked))
            action.setCheckable(True)
            self.part_actions[part] = action
        for number in range(self.tabs.count()):
            self._action(view_menu, f"Show {self.tabs.tabText(number)}", QKeySequence(f"Alt+{number + 1}"),
                         lambda _checked=False, tab=self.tabs.widget(number): self.show_side_tab(tab))
        self.notes_action = self._action(view_menu, "&Notes beside the text", None, self.set_notes_shown)
        self.notes_action.setCheckable(True)
        self.notes_action.setChecked(self.notes_wanted())
        self._action(view_menu, "Reset &layout", None, self.reset_layout)
        self.splitter.splitterMoved.connect(self._sync_view_actions)
        self._sync_view_actions()

    def panel_shown(self, index: int) -> bool:
        """True when a side panel of the main splitter (0 left, 2 right) is on screen with some width."""
        return not self.splitter.widget(index).isHidden() and self.splitter.sizes()[index] > 0

    def set_panel_shown(self, index: int, shown: bool) -> None:
        """View menu: hide a side panel, or bring it back (also after it was collapsed by dragging
        the splitter to the edge), taking its width from the reader."""
        widget = self.splitter.widget(index)
        if not shown:
            widget.hide()
        else:
            widget.show()
            sizes = self.splitter.sizes()
            if sizes[index] < widget.minimumWidth():
                wanted = self._default_widths(sum(sizes))[index]
                sizes[1] = max(self.centre.minimumWidth(), sizes[1] + sizes[index] - wanted)
                sizes[index] = wanted
                self.splitter.setSizes(sizes)
        self._sync_view_actions()

    # What the reader shows (remembered) -------------------------------------------------------
    def restore_view_state(self) -> None:
        """The legend chips switched off and the coding view, as the analyst left them."""
        hidden = self.settings.value("view/hiddenLabels") or []
        hidden = {hidden} if isinstance(hidden, str) else set(hidden)
        self.legend.set_hidden(hidden)
        for label in hidden:
            self.reader.set_label_visible(label, False)
        self.set_coding_view(str(self.settings.value("view/codingView", "false")).lower() == "true")

    def set_coding_view(self, on: bool) -> None:
        """View ▸ Coding view: entity highlights hidden so the coded passages stand out (remembered)."""
        self.reader.set_label_visible("entity", not on)
        self.legend.set_note("coding view: entities hidden" if on else "")
        self.settings.setValue("view/codingView", "true" if on else "false")
        if self.coding_action.isChecked() != on:
            self.coding_action.setChecked(on)

    def remember_legend(self, *_args) -> None:
        """A legend chip was switched: keep the set of hidden labels for the next session."""
        self.settings.setValue("view/hiddenLabels", sorted(self.legend.hidden_labels()))

    # Panels and the notes margin --------------------------------------------------------------
    def outer_scroll_bar(self):
        """The reader's scroll bar, moved to the right of the notes margin (text, notes, then the bar,
        as in a word processor), so it no longer runs between a passage and its note."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QScrollBar

        inner = self.reader.verticalScrollBar()
        outer = QScrollBar(Qt.Orientation.Vertical)
        outer.setAccessibleName("Scroll the article")
        outer.setRange(inner.minimum(), inner.maximum())
        outer.setPageStep(inner.pageStep())
        outer.setSingleStep(inner.singleStep())
        outer.setValue(inner.value())
        outer.setVisible(inner.maximum() > 0)
        policy = outer.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # a short document (no bar) keeps the text where it was
        outer.setSizePolicy(policy)

        def range_changed(low: int, high: int) -> None:
            outer.setRange(low, high)
            outer.setPageStep(inner.pageStep())
            outer.setVisible(high > low)

        inner.rangeChanged.connect(range_changed)
        inner.valueChanged.connect(outer.setValue)
        outer.valueChanged.connect(inner.setValue)
        self.reader.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reader.scroll_bar_outside = True
        self.notes.wheelScrolls(self.reader)
        self.outer_bar = outer
        return outer

    def notes_wanted(self) -> bool:
        """Whether the analyst keeps the notes margin shown (remembered; shown at first)."""
        return str(self.settings.value("view/notes", "true")).lower() == "true"

    @Slot(bool)
    def set_notes_shown(self, shown: bool) -> None:
        """View ▸ Notes beside the text: show or hide the margin of comment cards, and remember it."""
        self.settings.setValue("view/notes", "true" if shown else "false")
        self._fit_notes()
        action = getattr(self, "notes_action", None)  # (the menus come last)
        if action is not None and action.isChecked() != shown:
            action.setChecked(shown)

    def _fit_notes(self) -> None:
        """Show the notes margin when wanted and there is room for it beside a readable column; a
        window too narrow for both folds it away (Ctrl+M makes room, see make_room_for_notes)."""
        room = self.centre.width() >= READER_MIN_WIDTH + NOTES_MIN_WIDTH
        shown = self.notes_wanted() and (room or not self.centre.isVisible())
        if self.notes.isHidden() == shown:
            self.notes.setVisible(shown)

    def make_room_for_notes(self) -> None:
        """Ctrl+M in a narrow window: fold the side panels, right first, until the margin fits."""
        for index in (2, 0):
            if self.centre.width() >= READER_MIN_WIDTH + NOTES_MIN_WIDTH:
                break
            if self.panel_shown(index):
                self.set_panel_shown(index, False)
                self.centre.layout().activate()
        if not self.notes_wanted():
            self.set_notes_shown(True)
        self.notes.setVisible(True)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        """The centre was resized (window or splitter): the notes margin folds or unfolds."""
        if watched is self.centre and event.type() == event.Type.Resize and hasattr(self, "notes"):
            self._fit_notes()
        return super().eventFilter(watched, event)

    def show_side_tab(self, widget: QWidget) -> None:
        """Bring a right-hand tab to the front, showing the side panel if it was hidden or collapsed."""
        if not self.panel_shown(2):
            self.set_panel_shown(2, True)
        self.tabs.setCurrentWidget(widget)
        widget.setFocus()

    @Slot()
    def reset_layout(self) -> None:
        """View ▸ Reset layout: every panel shown, at widths that suit the window."""
        for index in (0, 2):
            self.splitter.widget(index).show()
        for part in range(self.left.count()):
            self.left.widget(part).show()
        self.set_notes_shown(True)
        self.splitter.setSizes(self._default_widths(sum(self.splitter.sizes())))
        self.left.setSizes([450, 350])
        self._sync_view_actions()

    def _default_widths(self, total: int) -> list[int]:
        """Library on the left, reader (and notes), side panel: the side panels take what they need,
        the reader the rest; in a small window the side panels keep to their minimum."""
        left = max(200, min(260, total * 17 // 100))
        right = max(300, min(420, total * 24 // 100))
        comfortable = READER_MIN_WIDTH + (NOTES_MIN_WIDTH + 40 if self.notes_wanted() else 0)  # reader and notes margin
        centre = max(comfortable, total - left - right)
        if left + centre + right > total:  # small window: the reader comes first
            right = max(RIGHT_MIN_WIDTH, total - left - centre)
            left = max(LEFT_MIN_WIDTH, total - centre - right)
        return [left, centre, right]

    @Slot()
    def set_left_part_shown(self, part: int, shown: bool) -> None:
        """View ▸ Library / Codebook: one half of the left panel; hiding both hides the panel."""
        self.left.widget(part).setVisible(shown)
        if shown and not self.panel_shown(0):
            self.set_panel_shown(0, True)
        elif not any(not self.left.widget(i).isHidden() for i in range(self.left.count())):
            for i in range(self.left.count()):  # the panel goes; shown again, it comes back whole
                self.left.widget(i).show()
            self.set_panel_shown(0, False)
        self._sync_view_actions()

    def _sync_view_actions(self, *_args) -> None:
        for index, action in getattr(self, "panel_actions", {}).items():
            action.setChecked(self.panel_shown(index))
        for part, action in getattr(self, "part_actions", {}).items():
            action.setChecked(self.panel_shown(0) and not self.left.widget(part).isHidden())
