"""The `annotext` command's entry point. A plain GUI launch goes straight to the app without
importing click or the command modules, so the window paints sooner; everything else is click's."""

from __future__ import annotations

import sys
from pathlib import Path


def gui_arguments(argv: list[str]) -> dict | None:
    """The options of a plain GUI launch (`annotext [--db P] [--model M] [--screenshot F] [FILE]`), or
    None when click must parse (a sub-command, --help, --version, anything unusual). Lets the app
    start without importing click and the command modules: the first paint comes sooner.

    FILE is taken here only when it looks like a path (it has a suffix or a folder in it): command
    names are plain words (tests/test_docs.py), so no list of them is kept here, and a bare word,
    a command or a file without a suffix, is left to click (annotext.cli decides which it is)."""
    options: dict = {"db": None, "model": None, "screenshot": None, "file": None}
    names = {"--db": "db", "--model": "model", "--screenshot": "screenshot"}
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in names and index + 1 < len(argv):
            options[names[arg]] = argv[index + 1]
            index += 2
        elif arg.startswith("-") or options["file"] is not None or not _looks_like_a_path(arg):
            return None
        else:
            options["file"] = arg
            index += 1
    return options


def _looks_like_a_path(arg: str) -> bool:
    path = Path(arg)
    return bool(path.suffix) or len(path.parts) > 1


def run() -> None:
    """Console entry point: unexpected errors become one line (ANNOTEXT_DEBUG=1 shows the traceback)."""
    import os

    try:
        fast = gui_arguments(sys.argv[1:])
        if fast is not None:
            from annotext.app import run_gui
            from annotext.core.paths import default_library_path

            sys.exit(run_gui(db=Path(fast["db"]) if fast["db"] else default_library_path(),
                             file=Path(fast["file"]) if fast["file"] else None, model=fast["model"],
                             screenshot=Path(fast["screenshot"]) if fast["screenshot"] else None))
        from annotext.cli import main

        main()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last line of defence: never a traceback for the analyst
        if os.environ.get("ANNOTEXT_DEBUG"):
            raise
        from annotext.core.terminal_text import for_terminal

        print(f"annotext: internal error: {error.__class__.__name__}: {for_terminal(error)} "
              "(run with ANNOTEXT_DEBUG=1 for details)", file=sys.stderr)
        sys.exit(1)


