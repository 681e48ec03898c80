"""The one error type importers raise: its message names the file and the problem, nothing more."""

from __future__ import annotations

import os
from pathlib import Path

from annotext.core.errors import InputError


def display_path(path: Path | str) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that are not valid
    UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


class ImportFailed(InputError):
    """A file could not be imported; str(error) is a single line fit for a status bar or stderr."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{display_path(path)}: {problem}")
        self.path = Path(path)
        self.problem = problem
