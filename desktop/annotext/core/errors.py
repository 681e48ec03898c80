"""The base of every error the analyst should see: its message is one clear line, fit for a status
bar, a message box or stderr as is. The CLI maps these to exit codes in one place (cli.py), and the
GUI shows them instead of a traceback; anything else is a bug."""

from __future__ import annotations


class AnnotextError(Exception):
    """An error with a message for the analyst. `exit_code`: 2 for bad input or usage (the analyst
    can fix the command or the file), 1 when the library or the system is the problem."""

    exit_code = 1


class InputError(AnnotextError):
    """Bad input the analyst can correct (a file, a range, a name)."""

    exit_code = 2
