"""The one error type importers raise: its message names the file and the problem, nothing more."""

from pathlib import Path


class ImportFailed(Exception):
    """A file could not be imported; str(error) is a single line fit for a status bar or stderr."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem
