"""Undoable edits: the one path by which the analyst changes a library.

Every edit has the same signature: `apply(library)` and `revert(library)` make or undo the change
through the application layer (committed when they return) and return the `Changes` they made, so
each view refreshes only what it shows. The GUI wraps edits in QUndoCommands; the CLI applies them
through `Library.apply`. This module holds the edits of passages and of the codebook; edits of
documents and of quote corrections live in annotext.application.document_edits.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from annotext.application.changes import Changes
from annotext.core.annotations import Annotation, Tag


class Edit(ABC):
    """Base class: `label` for the Edit menu, `apply` and `revert` for redo and undo.

    `doc_id` is the document the edit changes (None: the codebook, or a document that no longer
    exists after the edit); undoing an edit of another document opens it first (see
    docs/architecture.md, "Edits and undo")."""

    label = "Edit"
    doc_id: int | None = None

    @abstractmethod
    def apply(self, library) -> Changes:
        """Make the change through `library` (an annotext.application.library.Library; committed
        when this returns); says what changed."""

    @abstractmethod
    def revert(self, library) -> Changes:
        """Undo the change exactly (committed when this returns); says what changed."""


class BeforeAfter(Edit):
    """An edit from one state of something to another: apply writes `after`, revert writes `before`
    back (with `undoing` True, so timestamps can be restored rather than renewed)."""

    before: object
    after: object

    def apply(self, library) -> Changes:
        return self.write(library, self.after, self.before, undoing=False)

    def revert(self, library) -> Changes:
        return self.write(library, self.before, self.after, undoing=True)

    @abstractmethod
    def write(self, library, state, replaced, undoing: bool) -> Changes:
        """Make `state` the stored one in place of `replaced`; says what changed."""


def _passage(annotation: Annotation) -> Changes:
    """One passage of one document changed: the library list (titles, dates, sources) is untouched,
    and the document's views update that passage alone."""
    return Changes(passages=True, doc_id=annotation.doc_id, passage_ids=frozenset({annotation.id}))


_CODEBOOK = Changes(codebook=True)
_CODEBOOK_AND_PASSAGES = Changes(codebook=True, passages=True, documents=True)


@dataclass
class AddAnnotation(Edit):
    """Create a passage (redo re-creates it with the same id)."""

    annotation: Annotation
    label: str = "Add passage"

    def __post_init__(self):
        self.doc_id = self.annotation.doc_id

    def apply(self, library):
        self.annotation = library.annotations.store_annotation(self.annotation)
        return _passage(self.annotation)

    def revert(self, library):
        library.annotations.delete_annotation(self.annotation.id)
        return _passage(self.annotation)


@dataclass
class DeleteAnnotation(Edit):
    """Remove a passage with its tags and comment (undo restores it exactly)."""

    annotation: Annotation
    label: str = "Delete passage"

    def __post_init__(self):
        self.doc_id = self.annotation.doc_id

    def apply(self, library):
        library.annotations.delete_annotation(self.annotation.id)
        return _passage(self.annotation)

    def revert(self, library):
        self.annotation = library.annotations.store_annotation(self.annotation)
        return _passage(self.annotation)


@dataclass
class ChangeAnnotation(BeforeAfter):
    """Change a passage's comment or tags."""

    before: Annotation
    after: Annotation
    label: str = "Change passage"

    def __post_init__(self):
        self.doc_id = self.before.doc_id

    def write(self, library, state, replaced, undoing):
        library.annotations.update_annotation(copy.deepcopy(state), keep_time=undoing)
        return _passage(state)


@dataclass
class CreateTag(Edit):
    """Add a tag to the codebook."""

    tag: Tag
    label: str = "New tag"

    def apply(self, library):
        self.tag = library.annotations.store_tag(self.tag)
        return _CODEBOOK

    def revert(self, library):
        library.annotations.delete_tag(self.tag.id)
        return _CODEBOOK


@dataclass
class ChangeTag(BeforeAfter):
    """Rename, recolour, move (new parent), change shortcut or description."""

    before: Tag
    after: Tag
    label: str = "Change tag"

    def write(self, library, state, replaced, undoing):
        library.annotations.update_tag(copy.copy(state))
        return _CODEBOOK_AND_PASSAGES  # passages show their tags' colours and names


@dataclass
class MergeTags(Edit):
    """Fold `source` into `target`: its passages get the target tag, its children move under the target."""

    source: Tag
    target: Tag
    label: str = "Merge tags"
    _tag_lists: dict[int, list[int]] = field(default_factory=dict)
    _children: list[Tag] = field(default_factory=list)

    def apply(self, library):
        store = library.annotations
        tagged = store.repo.annotations_with_tag(self.source.id)
        self._tag_lists = {a: store.annotation(a).tag_ids for a in tagged}
        self._children = [t for t in store.tags() if t.parent_id == self.source.id]
        with library.db.atomic():
            for child in self._children:
                store.repo.update_tag(_reparented(child, self.target.id))
            store.repo.retag(tagged, self.source.id, self.target.id)
            store.delete_tag(self.source.id)
        return _CODEBOOK_AND_PASSAGES

    def revert(self, library):
        store = library.annotations
        with library.db.atomic():
            store.store_tag(self.source)
            store.repo.set_links(self._tag_lists)  # each passage's tags back in their order
            for child in self._children:
                store.repo.update_tag(child)
        return _CODEBOOK_AND_PASSAGES


@dataclass
class DeleteTag(Edit):
    """Delete a tag; its passages either stay (untagged by it) or are deleted; children move up."""

    tag: Tag
    delete_passages: bool = False
    label: str = "Delete tag"
    _passages: list[Annotation] = field(default_factory=list)
    _children: list[Tag] = field(default_factory=list)

    def apply(self, library):
        store = library.annotations
        ids = store.repo.annotations_with_tag(self.tag.id)
        self._passages = [store.annotation(i) for i in ids]
        self._children = [t for t in store.tags() if t.parent_id == self.tag.id]
        with library.db.atomic():
            for child in self._children:
                store.repo.update_tag(_reparented(child, self.tag.parent_id))
            for passage in self._passages:
                if self.delete_passages:
                    store.delete_annotation(passage.id)
            store.delete_tag(self.tag.id)
        return _CODEBOOK_AND_PASSAGES

    def revert(self, library):
        store = library.annotations
        with library.db.atomic():
            store.store_tag(self.tag)
            for child in self._children:
                store.repo.update_tag(child)
            for passage in self._passages:
                if self.delete_passages:
                    store.store_annotation(passage)
            if not self.delete_passages:
                store.repo.set_links({p.id: p.tag_ids for p in self._passages})
        return _CODEBOOK_AND_PASSAGES


def _reparented(tag: Tag, parent_id: int | None) -> Tag:
    moved = copy.copy(tag)
    moved.parent_id = parent_id
    return moved


def toggle_tag(annotation: Annotation, tag_id: int) -> ChangeAnnotation:
    """The edit that adds `tag_id` to a passage, or removes it if the passage has it."""
    after = copy.deepcopy(annotation)
    after.tag_ids = [t for t in after.tag_ids if t != tag_id] if tag_id in after.tag_ids else [*after.tag_ids, tag_id]
    return ChangeAnnotation(copy.deepcopy(annotation), after, label="Tag passage")


def set_comment(annotation: Annotation, comment: str) -> ChangeAnnotation:
    """The edit that replaces a passage's comment."""
    after = copy.deepcopy(annotation)
    after.comment = comment
    return ChangeAnnotation(copy.deepcopy(annotation), after, label="Comment")
