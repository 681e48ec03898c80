"""Undoable edits of the analyst's layer. Each edit applies and reverts itself through the
AnnotationStore, so undo and redo go through the database like any other change. The GUI wraps
them in QUndoCommands; the CLI applies them directly."""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from annotext.application.annotation_store import AnnotationStore
from annotext.core.annotations import Annotation, Tag


class Edit(ABC):
    """Base class: `label` for the Edit menu, `apply` and `revert` for redo and undo."""

    label = "Edit"
    doc_id: int | None = None

    @abstractmethod
    def apply(self, store: AnnotationStore) -> None:
        """Make the change (committed when this returns)."""

    @abstractmethod
    def revert(self, store: AnnotationStore) -> None:
        """Undo the change exactly (committed when this returns)."""


@dataclass
class AddAnnotation(Edit):
    """Create a passage (redo re-creates it with the same id)."""

    annotation: Annotation
    label: str = "Add passage"

    def __post_init__(self):
        self.doc_id = self.annotation.doc_id

    def apply(self, store):
        self.annotation = store.store_annotation(self.annotation)

    def revert(self, store):
        store.delete_annotation(self.annotation.id)


@dataclass
class DeleteAnnotation(Edit):
    """Remove a passage with its tags and comment (undo restores it exactly)."""

    annotation: Annotation
    label: str = "Delete passage"

    def __post_init__(self):
        self.doc_id = self.annotation.doc_id

    def apply(self, store):
        store.delete_annotation(self.annotation.id)

    def revert(self, store):
        self.annotation = store.store_annotation(self.annotation)


@dataclass
class ChangeAnnotation(Edit):
    """Change a passage's comment or tags."""

    before: Annotation
    after: Annotation
    label: str = "Change passage"

    def __post_init__(self):
        self.doc_id = self.before.doc_id

    def apply(self, store):
        store.update_annotation(self.after)

    def revert(self, store):
        store.update_annotation(self.before)


@dataclass
class CreateTag(Edit):
    """Add a tag to the codebook."""

    tag: Tag
    label: str = "New tag"

    def apply(self, store):
        self.tag = store.store_tag(self.tag)

    def revert(self, store):
        store.delete_tag(self.tag.id)


@dataclass
class ChangeTag(Edit):
    """Rename, recolour, move (new parent), change shortcut or description."""

    before: Tag
    after: Tag
    label: str = "Change tag"

    def apply(self, store):
        store.update_tag(copy.copy(self.after))

    def revert(self, store):
        store.update_tag(copy.copy(self.before))


@dataclass
class MergeTags(Edit):
    """Fold `source` into `target`: its passages get the target tag, its children move under the target."""

    source: Tag
    target: Tag
    label: str = "Merge tags"
    _moved: list[int] = field(default_factory=list)
    _had_both: list[int] = field(default_factory=list)
    _children: list[Tag] = field(default_factory=list)

    def apply(self, store):
        tagged = store.repo.annotations_with_tag(self.source.id)
        with_target = set(store.repo.annotations_with_tag(self.target.id))
        self._had_both = [a for a in tagged if a in with_target]
        self._moved = [a for a in tagged if a not in with_target]
        self._children = [t for t in store.tags() if t.parent_id == self.source.id]
        with store.repo.db.atomic():
            for child in self._children:
                store.repo.update_tag(_reparented(child, self.target.id))
            store.repo.retag(self._moved + self._had_both, self.source.id, self.target.id)
            store.delete_tag(self.source.id)

    def revert(self, store):
        with store.repo.db.atomic():
            store.store_tag(self.source)
            store.repo.retag(self._moved, self.target.id, self.source.id)
            for annotation_id in self._had_both:
                store.repo.link(annotation_id, self.source.id)
            for child in self._children:
                store.repo.update_tag(child)


@dataclass
class DeleteTag(Edit):
    """Delete a tag; its passages either stay (untagged by it) or are deleted; children move up."""

    tag: Tag
    delete_passages: bool = False
    label: str = "Delete tag"
    _passages: list[Annotation] = field(default_factory=list)
    _children: list[Tag] = field(default_factory=list)

    def apply(self, store):
        ids = store.repo.annotations_with_tag(self.tag.id)
        self._passages = [store.annotation(i) for i in ids]
        self._children = [t for t in store.tags() if t.parent_id == self.tag.id]
        with store.repo.db.atomic():
            for child in self._children:
                store.repo.update_tag(_reparented(child, self.tag.parent_id))
            for passage in self._passages:
                if self.delete_passages:
                    store.delete_annotation(passage.id)
            store.delete_tag(self.tag.id)

    def revert(self, store):
        with store.repo.db.atomic():
            store.store_tag(self.tag)
            for child in self._children:
                store.repo.update_tag(child)
            for passage in self._passages:
                if self.delete_passages:
                    store.store_annotation(passage)
                else:
                    store.repo.link(passage.id, self.tag.id)


def _reparented(tag: Tag, parent_id: int | None) -> Tag:
    moved = copy.copy(tag)
    moved.parent_id = parent_id
    return moved


def toggle_tag(store: AnnotationStore, annotation: Annotation, tag_id: int) -> ChangeAnnotation:
    """The edit that adds `tag_id` to a passage, or removes it if the passage has it."""
    after = copy.deepcopy(annotation)
    after.tag_ids = [t for t in after.tag_ids if t != tag_id] if tag_id in after.tag_ids else [*after.tag_ids, tag_id]
    return ChangeAnnotation(copy.deepcopy(annotation), after, label="Tag passage")


def set_comment(annotation: Annotation, comment: str) -> ChangeAnnotation:
    """The edit that replaces a passage's comment."""
    after = copy.deepcopy(annotation)
    after.comment = comment
    return ChangeAnnotation(copy.deepcopy(annotation), after, label="Comment")
