"""The error every export raises for the analyst: one line naming the file and the problem."""

from annotext.core.errors import AnnotextError


class ExportError(AnnotextError):
    """An export that could not be written; the message names the file and the problem."""
