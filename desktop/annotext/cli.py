"""The command line (DESIGN §3, a stable contract). Without a sub-command it opens the GUI.

Errors are one line on stderr: exit 2 for bad usage or input, 1 otherwise. Heavy imports (spaCy,
Qt) happen inside the commands that need them, so `annotext list` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from annotext import APP_NAME, __version__
from annotext.importers import ImportFailed
from annotext.storage.errors import LibraryError

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


def _fail(message: str, code: int) -> None:
    click.echo(f"annotext: {message}", err=True)
    sys.exit(code)


def _open_library(ctx):
    from annotext.core.library import Library

    try:
        return Library(ctx.obj["db"])
    except LibraryError as error:
        _fail(str(error), 1)


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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per line for several files).")
@click.pass_context
def analyze(ctx, files, as_json):
    """Entities, people and quotes of FILE(s), without touching the library."""
    from annotext.analysis.analyser import Analyser
    from annotext.analysis.pipeline import ModelUnavailable
    from annotext.importers import import_file

    documents = []
    for path in files:
        try:
            documents.append(import_file(path))
        except ImportFailed as error:
            _fail(str(error), 2)
    try:
        analyser = Analyser.load(ctx.obj["model"])
    except ModelUnavailable as error:
        click.echo(f"annotext: {error}", err=True)
        analyser = Analyser()
    for document in documents:
        result = analyser.analyse(document.text)
        if as_json:
            click.echo(json.dumps(result.to_json(document.text), ensure_ascii=False))
        else:
            _print_summary(document, result)


def _print_summary(document, result) -> None:
    click.echo(f"# {document.title}  [{result.model.label}]")
    click.echo("People:")
    for person in result.people:
        aliases = f" (also {', '.join(person.aliases)})" if person.aliases else ""
        click.echo(f"  {person.name}{aliases}: {person.mentions} mentions, {person.quotes} quotes")
    click.echo("Quotes:")
    for quote in result.quotes:
        click.echo(f"  {quote.attrs.get('speaker') or '?'}: “{quote.attrs.get('content', '')}”")
    labels: dict[str, int] = {}
    for entity in result.entities:
        labels[entity.label] = labels.get(entity.label, 0) + 1
    click.echo("Entities: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))


@main.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def import_(ctx, files):
    """Add FILE(s) to the library; prints ID<TAB>TITLE per file."""
    library = _open_library(ctx)
    failed = False
    for path in files:
        try:
            doc_id = library.import_file(path)
        except ImportFailed as error:
            click.echo(f"annotext: {error}", err=True)
            failed = True
            continue
        except LibraryError as error:
            _fail(str(error), 1)
        click.echo(f"{doc_id}\t{library.document(doc_id).title}")
    if failed:
        sys.exit(2)


@main.command(name="list")
@click.pass_context
def list_(ctx):
    """Documents in the library: ID, title, number of annotations."""
    library = _open_library(ctx)
    for summary in library.documents():
        click.echo(f"{summary.id}\t{summary.title}\t{summary.annotations}")


if __name__ == "__main__":
    main()
