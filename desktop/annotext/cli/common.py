"""What every command of the command line shares: one-line failures and the UserError that carries an
AnnotextError to its exit code, printing with control characters escaped, opening the library of --db,
refusing an output path that is the library, the progress bar, and small parsers of option values.

Kept apart so the command modules depend on it and never on each other; it imports nothing of the
annotext.cli package.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from annotext.core.errors import AnnotextError
from annotext.core.terminal_text import for_terminal
from annotext.storage.errors import LibraryError


class UserError(click.ClickException):
    """An AnnotextError as click reports it: `annotext: <the message>` on stderr, its exit code."""

    def __init__(self, error: AnnotextError):
        super().__init__(str(error))
        self.exit_code = error.exit_code

    def show(self, file=None) -> None:
        """One line, control characters escaped like every other line the CLI prints."""
        echo(f"annotext: {self.message}", err=True)


def echo(message: object = "", err: bool = False, nl: bool = True, keep: str = "\t") -> None:
    """Every line the CLI prints goes through here: titles, tags, snippets and file names come from
    untrusted files, so control characters (ESC/OSC sequences) are escaped; tabs separate fields."""
    click.echo(for_terminal(message, keep), err=err, nl=nl)


def fail(message: str, code: int) -> None:
    """End the command with one line on stderr and `code` (2: bad usage or input, 1: anything else)."""
    echo(f"annotext: {message}", err=True)
    sys.exit(code)


def refuse_library_target(ctx, output: Path) -> None:
    """An output file may never be the library, its -wal/-shm or one of its backups."""
    from annotext.storage.library_files import refuse_library_target as refuse

    try:
        refuse(output, ctx.obj["db"])
    except LibraryError as error:
        fail(str(error), 2)


def open_library(ctx, *, write: bool = True):
    """The library of --db; a command that writes refuses a read-only one up front, in one line."""
    from annotext.application.library import Library
    from annotext.storage.database import NEWER

    library = Library(ctx.obj["db"])  # a LibraryError ends the command as one line (UserError)
    if library.read_only == NEWER:
        library.close()
        fail(f"{ctx.obj['db']}: written by a newer version of Annotext; this version leaves it untouched"
              " (update Annotext to use it)", 1)
    if library.read_only:
        library.close()
        if write:
            fail(f"{ctx.obj['db']}: cannot write here: {library.read_only}; nothing was changed", 1)
        echo(f"annotext: note: {ctx.obj['db']} is {library.read_only}; opened read-only", err=True)
        library = Library(ctx.obj["db"])
    return library


def document_or_fail(library, doc_id: int):
    """Document `doc_id`, or the command ends in one line naming the unknown id (exit 2)."""
    try:
        return library.document(doc_id)
    except LookupError as error:
        fail(str(error), 2)


def text_range(text: str, doc: int, start: int | None, end: int | None, exact: str | None,
               occurrence: int | None, option: str, named: str = "") -> tuple[int, int]:
    """The range a command names by --start/--end or by its exact text (OPTION, with --occurrence
    when the text occurs several times); one line and exit 2 when it names none or several.
    `named` prefixes the text in messages ("the quote ")."""
    from annotext.core.annotations import find_quote

    if exact is None:
        if start is None or end is None:
            fail(f"give --start and --end, or {option}", 2)
        return start, end
    if start is not None or end is not None:
        fail(f"give either {option} or --start/--end, not both", 2)
    starts = find_quote(text, exact)
    if not starts:
        fail(f"document {doc}: {named}{exact!r} does not occur in the text", 2)
    if len(starts) > 1 and occurrence is None:
        fail(f"document {doc}: {named}{exact!r} occurs {len(starts)} times; choose one with --occurrence"
             f" 1..{len(starts)}", 2)
    index = (occurrence or 1) - 1
    if not 0 <= index < len(starts):
        fail(f"document {doc}: --occurrence must be between 1 and {len(starts)}", 2)
    return starts[index], starts[index] + len(exact)


class _Silent:
    """The progress bar when nothing may be shown (stderr piped, --quiet): iterates its items, ignores
    updates."""

    def __init__(self, items=()):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def update(self, _steps: int) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


def progress(label: str, quiet: bool = False, *, items=None, length: int | None = None):
    """click's progress bar on stderr when stderr is a terminal; silent when piped or with --quiet (so
    output stays clean). Give `items` to step by iterating over it, or `length` to step by update(n)."""
    if quiet or not sys.stderr.isatty():
        return _Silent(() if items is None else items)
    return click.progressbar(items, length=length, label=label, file=sys.stderr, show_eta=True, show_pos=True)


def split_names(values) -> list[str]:
    """Names given to repeatable comma-separated options: "a,b" is two names, and a comma inside a name
    is written "\\," (so --tags 'Economy\\, trade' selects the tag "Economy, trade")."""
    names = []
    for value in values:
        for part in re.split(r"(?<!\\),", value):
            name = part.replace("\\,", ",").strip()
            if name:
                names.append(name)
    return names


def plain(text: str | None) -> str:
    """A value for one tab-separated field: whitespace (tabs, line breaks) as spaces, other controls escaped."""
    return for_terminal("".join(" " if ch.isspace() else ch for ch in (text or "")))
