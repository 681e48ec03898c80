"""The analyst's corrections of people and quotations in the GUI: the People panel's context menu,
the Quotes panel's, and the reader's on a name, a quotation, a hidden quotation or a selection.

Every correction is an edit submitted through the undo stack (one transaction each, with author and
time), so Ctrl+Z / Ctrl+Shift+Z take it back and forth like tagging.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu

from annotext.application.correction_edits import (CorrectionError, forget_person_edit, forget_quote_edit,
                                                   person_edit, quote_edit, restore_quote_edit)
from annotext.core.corrections import quote_content, speakers_by_distance
from annotext.core.results import ENTITY, QUOTE, SCARE
from annotext.gui.speaker_dialog import SpeakerDialog

RELABEL_CHOICES = [(None, "Not a name at all"), ("ORG", "An organisation"), ("GPE", "A country or city"),
                   ("LOC", "A place"), ("NORP", "A group or nationality")]


class CorrectionController(QObject):
    """Builds the correction menus and dialogs of one main window and submits the edits."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        people = window.people_panel
        people.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        people.customContextMenuRequested.connect(self._people_menu)
        quotes = window.quotes_panel
        quotes.speakerRequested.connect(self.ask_speaker)
        quotes.speakerCorrected.connect(self.set_speaker)
        quotes.notQuote.connect(self.not_quote)
        quotes.restoreQuote.connect(self.restore_quote)
        quotes.kindChosen.connect(self.set_kind)
        quotes.forgetRequested.connect(self.forget_quote)

    # Submitting ----------------------------------------------------------------------------
    def _submit(self, build) -> bool:
        """Build the edit (a refused correction is one line in the status bar) and push it."""
        if self.window.current is None:
            return False
        try:
            edit = build()
        except CorrectionError as error:
            self.window.on_status(str(error))
            return False
        return self.window.annotating.submit(edit)

    def _doc(self) -> int:
        return self.window.current.id

    def _people(self):
        result = self.window.result
        return result.people if result is not None else []

    # People ----------------------------------------------------------------------------------
    def rename(self, name: str) -> bool:
        """Ask for the new name of a person, then rename."""
        new, ok = QInputDialog.getText(self.window, "Rename person", f"New name for “{name}”:", text=name)
        if not ok or not new.strip() or new.strip() == name:
            return False
        return self.correct_person("rename", name, new)

    def correct_person(self, action: str, name: str, value: str | None = None) -> bool:
        """Merge, split, not a person, rename: one edit, checked against the people shown."""
        people = self._people()
        return self._submit(lambda: person_edit(self.window.library, self._doc(), action, name, value, known=people))

    def add_person_from_selection(self) -> bool:
        """The selected text names a person the analysis missed."""
        start, end = self.window.reader.selection_range()
        return self._submit(lambda: person_edit(self.window.library, self._doc(), "add_person", "",
                                                start=start, end=end))

    def fill_person_menu(self, menu: QMenu, name: str) -> None:
        """Rename, merge into…, split an alias off, not a person (or relabel)."""
        person = next((p for p in self._people() if p.name == name), None)
        if person is None:
            return
        menu.addAction("Rename…", partial(self.rename, name))
        merge = menu.addMenu("Merge into")
        for other in sorted(p.name for p in self._people() if p.name != name):
            merge.addAction(other, partial(self.correct_person, "merge", name, other))
        merge.setEnabled(not merge.isEmpty())
        split = menu.addMenu("Split off alias")
        for alias in person.aliases:
            split.addAction(f"“{alias}” is someone else", partial(self.correct_person, "split", name, alias))
        split.setEnabled(not split.isEmpty())
        not_person = menu.addMenu("Not a person")
        for label, text in RELABEL_CHOICES:
            not_person.addAction(text + (f" ({label})" if label else ""),
                                 partial(self.correct_person, "not_person", name, label))
        earlier = [c for c in self.window.library.people_corrections(self._doc())
                   if c.describe() in person.corrections]
        if earlier:
            take_back = menu.addMenu("Take back a correction")
            for correction in earlier:
                take_back.addAction(correction.describe(), partial(self.forget_person_correction, correction.id))

    def forget_person_correction(self, correction_id: int) -> bool:
        """Take back an earlier people correction (the analysis, or later corrections, show again)."""
        return self._submit(lambda: forget_person_edit(self.window.library, self._doc(), correction_id))

    def build_people_menu(self, name: str | None) -> QMenu:
        """The People panel's context menu for the person `name` (None: below the list)."""
        menu = QMenu(self.window.people_panel)
        if name is not None:
            self.fill_person_menu(menu, name)
            menu.addSeparator()
        add = menu.addAction("Add person from the selected text", self.add_person_from_selection)
        start, end = self.window.reader.selection_range()
        add.setEnabled(self.window.current is not None and start != end)
        return menu

    def _people_menu(self, point) -> None:
        panel = self.window.people_panel
        item = panel.itemAt(point)
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self.build_people_menu(name).exec(panel.viewport().mapToGlobal(point))

    # Quotations ------------------------------------------------------------------------------
    def _quote(self, start: int, end: int, hidden: bool = False):
        result = self.window.result
        quotes = (result.hidden_quotes if hidden else result.quotes) if result is not None else []
        return next((q for q in quotes if (q.start, q.end) == (start, end)), None)

    def _speaker_dialog(self, start: int, end: int, text: str, current: str | None, title: str,
                        nearest_first: bool = False) -> str | None:
        result = self.window.result
        names = speakers_by_distance(result.people, result.entities, start, end) if result else []
        dialog = SpeakerDialog(self.window, text, names, current, title, nearest_first)
        return dialog.speaker() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot(int, int)
    def ask_speaker(self, start: int, end: int) -> bool:
        """Change speaker: the dialog shows the quotation with its current speaker selected."""
        quote = self._quote(start, end)
        if quote is None:
            return False
        current = quote.attrs.get("speaker")
        name = self._speaker_dialog(start, end, quote.attrs.get("content", ""), current, "Change speaker")
        if name is None or name == (current or ""):
            return False  # cancelled, or the same speaker: nothing to save or undo
        return self.set_speaker(start, end, name)

    @Slot(int, int, str)
    def set_speaker(self, start: int, end: int, name: str) -> bool:
        """Who said the quotation at [start, end) ("" for nobody known)."""
        return self._submit(lambda: quote_edit(self.window.library, self._doc(), start, end, speaker=name or None,
                                               label="Change speaker"))

    @Slot(int, int)
    def not_quote(self, start: int, end: int) -> bool:
        """Hide a quotation (listed under Hidden, where it can be restored)."""
        return self._submit(lambda: quote_edit(self.window.library, self._doc(), start, end, not_quote=True,
                                               label="Not a quotation"))

    @Slot(int, int)
    def restore_quote(self, start: int, end: int) -> bool:
        """Bring a hidden quotation back."""
        return self._submit(lambda: restore_quote_edit(self.window.library, self._doc(), start, end))

    @Slot(int, int)
    def forget_quote(self, start: int, end: int) -> bool:
        """Drop every decision about a quotation: the detected speaker and kind show again."""
        return self._submit(lambda: forget_quote_edit(self.window.library, self._doc(), start, end))

    @Slot(int, int, str)
    def set_kind(self, start: int, end: int, kind: str) -> bool:
        """A scare quote (not speech) or speech."""
        label = "Scare quote" if kind == SCARE else "Speech"
        return self._submit(lambda: quote_edit(self.window.library, self._doc(), start, end, kind=kind, label=label))

    def mark_quotation(self) -> bool:
        """The selection is a quotation the detector missed: ask who said it, then add it."""
        start, end = self.window.reader.selection_range()
        if self.window.current is None or start == end:
            self.window.on_status("Select the quotation first (with its quotation marks).")
            return False
        text = self.window.current.text[start:end]
        name = self._speaker_dialog(start, end, quote_content(text), None, "Mark as quotation", nearest_first=True)
        if name is None:
            return False
        return self._submit(lambda: quote_edit(self.window.library, self._doc(), start, end, added=True,
                                               not_quote=False, speaker=name or None, label="Mark quotation"))

    # The reader's context menu ---------------------------------------------------------------
    def add_reader_actions(self, menu: QMenu, offset: int) -> None:
        """Corrections for what is under the mouse: a selection, a name, a quotation, a hidden one."""
        reader = self.window.reader
        result = self.window.result
        if self.window.current is None or result is None:
            return
        start, end = reader.selection_range()
        under = reader.spans_overlapping(offset, offset + 1)
        if start != end:
            menu.addSeparator()
            selected = " ".join(self.window.current.text[start:end].split())
            short = selected if len(selected) <= 30 else selected[:29] + "…"
            menu.addAction(f"Add person “{short}”", self.add_person_from_selection)
            menu.addAction("Mark as quotation…", self.mark_quotation)
        person = next((s.attrs["person"] for s in under if s.kind == ENTITY and s.attrs.get("person")), None)
        if person is not None:
            menu.addSeparator()
            self.fill_person_menu(menu.addMenu(f"Person: {person}"), person)
        quote = next((s for s in under if s.kind == QUOTE), None)
        if quote is not None:
            menu.addSeparator()
            speaker = quote.attrs.get("speaker") or "no speaker"
            menu.addAction(f"Change speaker ({speaker})…", partial(self.ask_speaker, quote.start, quote.end))
            menu.addAction("Not a quotation", partial(self.not_quote, quote.start, quote.end))
            if quote.attrs.get("kind") == SCARE:
                menu.addAction("Speech, not a scare quote", partial(self.set_kind, quote.start, quote.end, "speech"))
            else:
                menu.addAction("Scare quote, not speech", partial(self.set_kind, quote.start, quote.end, SCARE))
            if quote.attrs.get("corrected") and not quote.attrs.get("added"):
                menu.addAction("Back to the detected speaker and kind", partial(self.forget_quote, quote.start, quote.end))
        hidden = next((q for q in result.hidden_quotes if q.contains(offset)), None)
        if hidden is not None and quote is None:
            menu.addSeparator()
            menu.addAction("Restore quotation (marked not a quotation)",
                           partial(self.restore_quote, hidden.start, hidden.end))

