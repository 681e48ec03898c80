"""What attributing a quotation finds: a plain record shared by the attribution modules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Attribution:
    """A resolved speaker: canonical name (or phrase), where it was found, the cue, whether a person,
    and how it was found (`via`: lead, trail, according, colon, dash, governing, inherited)."""

    speaker: str | None = None
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    is_person: bool = False
    via: str | None = None
