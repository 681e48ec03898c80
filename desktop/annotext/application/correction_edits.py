"""Undoable edits of the analyst's corrections (people and quotations), applied like any other edit.

Each edit is one transaction, stamped with the analyst's name and the time, and its `revert`
restores the stored corrections exactly. The builders read the current state so that the GUI and
the CLI make the very same edits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from annotext.core.corrections import KINDS, QuoteCorrection
from annotext.core.errors import InputError
from annotext.application.changes import Changes
from annotext.application.edits import BeforeAfter, Edit
from annotext.storage.repository import utc_now
from annotext.core.people_corrections import (ADD_PERSON, MERGE, NOT_PERSON, RELABELS, RENAME, SPLIT,
                                              PersonCorrection)

_UNSET = object()


class CorrectionError(InputError, ValueError):
    """A correction that cannot be made (no such quotation, empty name…): one line for the user."""


@dataclass
class SetQuoteCorrection(BeforeAfter):
    """Replace the analyst's decision about one quotation (`None`: no decision, as detected)."""

    document_id: int
    before: QuoteCorrection | None
    after: QuoteCorrection | None
    label: str = "Correct quotation"
    stepping_back: bool = False  # True: this edit undoes the newest stored correction (`correct DOC undo`)
    history_id: int | None = None  # the remembered step this edit adds (or, stepping back, takes away)

    def __post_init__(self):
        self.doc_id = self.document_id

    def write(self, library, state: QuoteCorrection | None, replaced: QuoteCorrection | None, undoing):
        if state is not None:
            library.repo.save_quote_correction(self.doc_id, state)
        else:
            library.repo.delete_quote_correction(self.doc_id, replaced.start, replaced.end)
        self._remember(library, remembering=undoing == self.stepping_back)
        return Changes(corrections=True, doc_id=self.doc_id)

    def _remember(self, library, remembering: bool) -> None:
        """Keep the stored history of this quotation's corrections in step (storage/correction_history.py):
        a correction remembers what it replaced; undoing it forgets that again."""
        start, end = (self.after or self.before).start, (self.after or self.before).end
        if remembering:
            previous = self.after if self.stepping_back else self.before
            self.history_id = library.repo.push_quote_history(self.doc_id, start, end, previous, self.history_id)
        elif self.history_id is not None:
            library.repo.forget_quote_history(self.history_id)


@dataclass
class AddPersonCorrection(Edit):
    """Add one people correction after the others; undo removes it (redo puts it back, same id)."""

    document_id: int
    correction: PersonCorrection
    label: str = "Correct people"

    def __post_init__(self):
        self.doc_id = self.document_id

    def apply(self, library):
        self.correction = library.repo.add_person_correction(self.doc_id, self.correction)
        return Changes(corrections=True, doc_id=self.doc_id)

    def revert(self, library):
        library.repo.delete_person_correction(self.correction.id)
        return Changes(corrections=True, doc_id=self.doc_id)


@dataclass
class ForgetPersonCorrection(Edit):
    """Take back one stored people correction (CLI `correct DOC undo`); undo stores it again."""

    document_id: int
    correction: PersonCorrection
    label: str = "Forget people correction"

    def __post_init__(self):
        self.doc_id = self.document_id

    def apply(self, library):
        library.repo.delete_person_correction(self.correction.id)
        return Changes(corrections=True, doc_id=self.doc_id)

    def revert(self, library):
        self.correction = library.repo.add_person_correction(self.doc_id, self.correction)
        return Changes(corrections=True, doc_id=self.doc_id)


def _author(library) -> str:
    return library.annotations.author


def quote_edit(library, doc_id: int, start: int, end: int, *, speaker=_UNSET, not_quote: bool | None = None,
               kind=_UNSET, added: bool | None = None, label: str = "Correct quotation") -> SetQuoteCorrection:
    """The edit that changes what the analyst decided about the quotation at [start, end): only the
    given fields change; a correction that ends up deciding nothing is removed."""
    text = library.document(doc_id).text
    if not 0 <= start < end <= len(text):
        raise CorrectionError(f"document {doc_id}: [{start}, {end}) is not a range of its text (0–{len(text)})")
    before = next((c for c in library.repo.quote_corrections(doc_id) if (c.start, c.end) == (start, end)), None)
    after = before or QuoteCorrection(start, end, text[start:end], speaker_set=False)
    if speaker is not _UNSET:
        name = " ".join((speaker or "").split()) or None
        after = replace(after, speaker=name, speaker_set=True)
    if not_quote is not None:
        after = replace(after, not_quote=not_quote)
    if kind is not _UNSET:
        if kind is not None and kind not in KINDS:
            raise CorrectionError(f"the kind of a quotation is one of {', '.join(KINDS)}, not {kind!r}")
        after = replace(after, kind=kind)
    if added is not None:
        after = replace(after, added=added)
    after = replace(after, author=_author(library), updated_at=utc_now())  # fixed now: a redo writes the same row
    if not (after.speaker_set or after.not_quote or after.kind or after.added):
        after = None
    return SetQuoteCorrection(doc_id, before, after, label)


def step_back_quote_edit(library, doc_id: int, current: QuoteCorrection) -> SetQuoteCorrection:
    """The edit that undoes the newest correction of a quotation as stored: back to the decision it
    replaced (or to the detected quotation when none was remembered, as for corrections made before
    the library kept them)."""
    remembered = library.repo.latest_quote_history(doc_id, current.start, current.end)
    if remembered is None:
        return SetQuoteCorrection(doc_id, current, None, "Undo quotation correction")
    row_id, previous = remembered
    return SetQuoteCorrection(doc_id, current, previous, "Undo quotation correction", stepping_back=True,
                              history_id=row_id)


def restore_quote_edit(library, doc_id: int, start: int, end: int) -> SetQuoteCorrection:
    """The edit that brings back a quotation marked "not a quotation"."""
    before = next((c for c in library.repo.quote_corrections(doc_id) if (c.start, c.end) == (start, end)), None)
    if before is None or not before.not_quote:
        raise CorrectionError(f"document {doc_id}: no quotation at [{start}, {end}) is marked not a quotation")
    return quote_edit(library, doc_id, start, end, not_quote=False, label="Restore quotation")


def forget_quote_edit(library, doc_id: int, start: int, end: int) -> SetQuoteCorrection:
    """The edit that drops every decision about the quotation at [start, end): as detected again."""
    before = next((c for c in library.repo.quote_corrections(doc_id) if (c.start, c.end) == (start, end)), None)
    if before is None:
        raise CorrectionError(f"document {doc_id}: the quotation at [{start}, {end}) has no correction")
    return SetQuoteCorrection(doc_id, before, None, "Back to the detected quotation")


def forget_person_edit(library, doc_id: int, correction_id: int) -> ForgetPersonCorrection:
    """The edit that takes back one earlier people correction (however long ago it was made)."""
    found = next((c for c in library.repo.people_corrections(doc_id) if c.id == correction_id), None)
    if found is None:
        raise CorrectionError(f"document {doc_id} has no people correction {correction_id}")
    return ForgetPersonCorrection(doc_id, found, "Take back correction")


def person_edit(library, doc_id: int, action: str, name: str, value: str | None = None, *,
                start: int | None = None, end: int | None = None, known=None) -> AddPersonCorrection:
    """The edit for one people correction; with `known` (the people as the analyst sees them now)
    a name that is not there is refused with a clear message instead of being stored to no effect."""
    name = " ".join((name or "").split())
    value = " ".join(value.split()) if value else None
    text = library.document(doc_id).text
    selected = None
    if action == ADD_PERSON:
        if start is None or end is None or not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise CorrectionError(f"document {doc_id}: select the name to add (a non-empty range of the text)")
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        selected = text[start:end]
        name = name or " ".join(selected.split())
    elif not name:
        raise CorrectionError("name the person to correct")
    if action in (RENAME, MERGE, SPLIT) and not value:
        raise CorrectionError({RENAME: "give the new name", MERGE: "name the person to merge into",
                               SPLIT: "name the alias to split off"}[action])
    if action == NOT_PERSON and value is not None:
        value = value.upper()
        if value not in RELABELS:
            raise CorrectionError(f"a name that is not a person can be relabelled as {', '.join(RELABELS)}, not {value}")
    if action == MERGE and value == name:
        raise CorrectionError("a person cannot be merged with itself")
    if known is not None:
        _check_known(known, action, name, value)
    labels = {RENAME: "Rename person", MERGE: "Merge people", SPLIT: "Split person",
              NOT_PERSON: "Not a person", ADD_PERSON: "Add person"}
    correction = PersonCorrection(action, name, value, start if selected else None, end if selected else None,
                                  selected, _author(library))
    return AddPersonCorrection(doc_id, correction, labels[action])


def _check_known(people, action: str, name: str, value: str | None) -> None:
    """Refuse a correction about someone who is not in the people list (or an alias they lack)."""
    def find(wanted):
        return next((p for p in people if wanted == p.name or wanted in [" ".join(a.split()) for a in p.aliases]), None)

    if action == ADD_PERSON:
        return
    person = find(name)
    if person is None:
        raise CorrectionError(f"there is no person called “{name}” in this document")
    if action == MERGE and find(value) in (None, person):
        raise CorrectionError(f"there is no other person called “{value}” to merge into")
    if action == SPLIT and value not in [" ".join(a.split()) for a in [person.name, *person.aliases]]:
        raise CorrectionError(f"“{value}” is not a name of {person.name} (aliases: {', '.join(person.aliases) or 'none'})")
