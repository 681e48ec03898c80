"""Editing document attributes (source, date, author, free keys) as ordinary undoable document edits."""

from __future__ import annotations

import copy

from annotext.application.document_edits import ChangeDocument
from annotext.core.attributes import with_attribute


def set_attributes(library, doc_id: int, values: dict[str, str]) -> ChangeDocument:
    """The edit giving document `doc_id` these attribute values (an empty value removes the key);
    its metadata changes, and the indexed attributes with it, in one transaction."""
    before = library.document(doc_id)
    after = copy.deepcopy(before)
    for key, value in values.items():
        after.metadata = with_attribute(after.metadata, key, value)
    keys = ", ".join(values)
    return ChangeDocument(before, after, label=f"Set {keys}" if len(keys) < 40 else "Set attributes")
