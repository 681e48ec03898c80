"""The command line, a stable contract (docs/architecture.md, "Command line").
Without a sub-command it opens the GUI.

Errors are one line on stderr: exit 2 for bad usage or input, 1 otherwise. Heavy imports (spaCy,
Qt) happen inside the commands that need them, so `annotext list` stays instant.

This module holds the `main` group (the GUI-or-command dispatch, the global options, the one place
errors become exit codes) and registers the commands, one module per concept beside it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from annotext import APP_NAME, __version__
from annotext.cli import analyse, annotate, backups, corpus, corrections, documents, export, team
from annotext.cli.common import UserError
from annotext.core.errors import AnnotextError

_VALUE_OPTIONS = {"--db", "--model", "--screenshot"}


class _GuiOrCommand(click.Group):
    """`annotext [FILE]` opens the GUI, `annotext COMMAND …` runs a command: a bare positional that
    is not a command name is the file to open."""

    def parse_args(self, ctx, args):
        args = list(args)
        index = 0
        while index < len(args):
            arg = args[index]
            if arg == "--":
                break
            if arg in _VALUE_OPTIONS:
                index += 2
                continue
            if arg.startswith("-"):
                index += 1
                continue
            if arg not in self.commands:
                ctx.meta["annotext.file"] = args.pop(index)
            break
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """The one place where errors meant for the analyst become exit codes: an AnnotextError met
        anywhere in a command (bad input: 2; the library or the system, e.g. busy, read-only, full
        disk, damaged: 1) ends as one line naming it, never as "internal error"."""
        try:
            return super().invoke(ctx)
        except AnnotextError as error:
            raise UserError(error) from error
        except sqlite3.Error as error:
            from annotext.storage.integrity import failure

            raise UserError(failure(error, (ctx.obj or {}).get("db", "the library"))) from error


@click.group(cls=_GuiOrCommand, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Library file (default: per-user data dir; env ANNOTEXT_DB).")
@click.option("--model", default=None, help="spaCy model name or path (env ANNOTEXT_MODEL).")
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Render the main window once analysis has finished, save this PNG, exit.")
@click.version_option(__version__, prog_name=APP_NAME)
@click.pass_context
def main(ctx, db, model, screenshot):
    """Annotext: read articles with entities and quotations highlighted; tag, comment, export.

    Run without a command to open the app (with FILE, that file is imported and shown).
    """
    from annotext.core.paths import default_library_path

    ctx.ensure_object(dict)
    ctx.obj["db"] = db or default_library_path()
    ctx.obj["model"] = model
    if ctx.invoked_subcommand is None:
        from annotext.app import run_gui

        file = ctx.meta.get("annotext.file")
        sys.exit(run_gui(db=ctx.obj["db"], file=Path(file) if file else None,
                         model=model, screenshot=screenshot))


_COMMANDS = [
    analyse.analyze, analyse.cluster_analyze, analyse.analyze_all,
    documents.import_, documents.list_, documents.search, documents.attr,
    annotate.annotate, annotate.tags, annotate.codebook,
    export.export_,
    corrections.people, corrections.quotes, corrections.correct,
    team.merge, team.agreement,
    corpus.corpus,
    backups.backup, backups.restore,
]
for _command in _COMMANDS:
    main.add_command(_command)
