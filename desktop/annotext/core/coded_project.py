"""Another analyst's work, read from a file but not yet merged: the plain form that both readers
produce (another Annotext library, or a REFI-QDA .qdpx project from QualCoder, NVivo, MAXQDA or
ATLAS.ti) and that the merge consumes. See docs/team.md."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class CodeRecord:
    """A code (tag) of the other codebook; `path` is the names from the root down to this code."""

    guid: str
    name: str
    path: tuple[str, ...]
    colour: str | None = None
    description: str = ""
    parent_guid: str | None = None


@dataclass(slots=True)
class SelectionRecord:
    """A coded passage: code-point offsets into its source's text, the coder's name and the codes."""

    start: int
    end: int
    coder: str
    created_at: str = ""
    updated_at: str = ""
    comment: str = ""
    code_guids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SourceRecord:
    """A document of the other project, with its passages."""

    name: str
    text: str
    source: str = ""
    metadata: dict = field(default_factory=dict)
    selections: list[SelectionRecord] = field(default_factory=list)


@dataclass(slots=True)
class CodedProject:
    """Everything a merge needs from the other file; `origin` names the file for messages."""

    origin: str
    codes: list[CodeRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
