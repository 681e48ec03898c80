"""One corpus entry per person: "Putin" in one article, "Vladimir Putin" in another and "President
Putin" in a third are the same entry.

Each document already names each person by a canonical name (honorifics dropped) and lists the
other forms it used. Across documents, names are grouped when
- one document uses a name as another form of its canonical name (a shared alias), or
- a one-word name is the surname (last word) or first word of exactly one longer name in the corpus.
Ambiguous short names ("Smith" with both "John Smith" and "Jane Smith") stay entries of their own.
The entry is called by its most complete, most used name. The analyst's merges and splits are
applied last, in the order made.
"""

from __future__ import annotations

from dataclasses import dataclass

MERGE = "merge"
SPLIT = "split"


@dataclass(frozen=True, slots=True)
class CorpusPersonEdit:
    """An analyst's decision: merge `name`'s entry into `target`'s, or split `name` into an entry of its own."""

    action: str
    name: str
    target: str | None = None
    id: int | None = None
    created_at: str = ""


def _fold(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).casefold()


def _words(name: str) -> list[str]:
    return [w.strip(".,") for w in _fold(name).split() if w.strip(".,")]


class _Groups:
    def __init__(self, names):
        self.parent = {name: name for name in names}

    def find(self, name: str) -> str:
        root = name
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[name] != root:
            self.parent[name], name = root, self.parent[name]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def group_names(names: dict[str, tuple[list[str], int]], edits: list[CorpusPersonEdit] = ()) -> dict[str, str]:
    """Map every canonical name to its corpus entry's name.

    `names` maps each per-document canonical name to (the other forms documents used for it, its
    total mentions); only person names belong here (organisations are grouped by name alone).
    """
    groups = _Groups(names)
    folded: dict[str, list[str]] = {}
    for name in names:
        folded.setdefault(_fold(name), []).append(name)
    for same in folded.values():  # "Vladimir Putin" and "vladimir putin"
        for other in same[1:]:
            groups.union(same[0], other)
    owners: dict[str, set[str]] = {}  # folded alias -> the folded names that used it
    for name, (aliases, _mentions) in names.items():
        for alias in aliases:
            owners.setdefault(_fold(alias), set()).add(_fold(name))
    for name, (aliases, _mentions) in names.items():  # a form one document used is another's name
        for alias in aliases:
            key = _fold(alias)
            ambiguous = len(_words(alias)) == 1 and len(owners[key]) > 1  # "Smith" of two Smiths
            for other in folded.get(key, ()):
                if other != name and not ambiguous:
                    groups.union(name, other)
    by_word: dict[str, set[str]] = {}
    for name in names:
        words = _words(name)
        if len(words) >= 2:
            by_word.setdefault(words[-1], set()).add(name)
            by_word.setdefault(words[0], set()).add(name)
    for name in names:
        words = _words(name)
        if len(words) != 1:
            continue
        longer = {groups.find(n) for n in by_word.get(words[0], ())}
        if len(longer) == 1:
            groups.union(next(iter(longer)), name)
    members: dict[str, list[str]] = {}
    for name in names:
        members.setdefault(groups.find(name), []).append(name)
    entry_of = {}
    for group in members.values():
        label = max(group, key=lambda n: (len(_words(n)), names[n][1], n))
        for name in group:
            entry_of[name] = label
    return apply_edits(entry_of, edits)


def apply_edits(entry_of: dict[str, str], edits: list[CorpusPersonEdit]) -> dict[str, str]:
    """The analyst's merges and splits, in order, on top of the automatic grouping."""
    entry_of = dict(entry_of)
    for edit in edits:
        if edit.name not in entry_of:
            continue
        if edit.action == MERGE and edit.target:
            target_entry = entry_of.get(edit.target, edit.target)
            source_entry = entry_of[edit.name]
            for name, entry in entry_of.items():
                if entry == source_entry:
                    entry_of[name] = target_entry
        elif edit.action == SPLIT:
            old = entry_of[edit.name]
            entry_of[edit.name] = edit.name
            if old == edit.name:  # the entry was called by the split name: the rest needs another label
                rest = [n for n, e in entry_of.items() if e == old and n != edit.name]
                if rest:
                    label = max(rest, key=lambda n: (len(_words(n)), n))
                    for name in rest:
                        entry_of[name] = label
    return entry_of
