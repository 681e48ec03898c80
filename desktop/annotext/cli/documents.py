"""The documents of the library from the command line: `import` (files, folders, stored analyses),
`list`, `search` and `attr` (a document's source, date and other attributes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotext.cli.common import echo, fail, open_library, progress
from annotext.core.terminal_text import for_terminal
from annotext.storage.errors import LibraryError


@click.command(name="import")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--with-analysis", "analyses", type=click.Path(dir_okay=False, path_type=Path),
              help="Also store the analyses in this JSONL file (from `analyze --json` or `cluster-analyze`).")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_context
def import_(ctx, files, analyses, quiet):
    """Add FILE(s) and every supported file under FOLDER(s) to the library; prints ID<TAB>TITLE per file."""
    from annotext.application.bulk import files_in
    from annotext.importers import ImportFailed
    from annotext.importers.errors import display_path

    if not files and analyses is None:
        fail("give FILE(s) to import, or --with-analysis RESULTS.jsonl", 2)
    library = open_library(ctx)
    if analyses is not None:
        _import_analyses(library, analyses)
    failed = False
    with progress("Importing", quiet, items=files_in(list(files))) as paths:
        for path in paths:
            try:
                doc_id = library.import_file(path)
            except ImportFailed as error:
                echo(f"annotext: {error}", err=True)
                failed = True
                continue
            except LibraryError as error:  # a full disk or a lock: this file is not stored, the next may be
                echo(f"annotext: {display_path(path)}: not imported: {error}", err=True)
                failed = True
                continue
            echo(f"{doc_id}\t{library.document(doc_id).title}")
    if failed:
        sys.exit(2)


def _import_analyses(library, path: Path) -> None:
    from annotext.application.batch_analysis import import_analyses

    if not path.resolve().is_file():  # a FIFO or a device would block or never end
        fail(f"{path}: {'not a regular file' if path.exists() else 'no such file'}", 2)
    try:
        with path.open("rb") as handle:
            lines = (raw.decode("utf-8", errors="replace") for raw in handle)
            summary = import_analyses(library, lines, str(path))
    except OSError as error:
        fail(f"{path}: cannot be read ({error.strerror or error})", 2)
    for line in summary.refused:
        echo(f"annotext: {line}", err=True)
    echo(f"{summary.stored} analyses stored ({summary.documents_added} new documents),"
               f" {len(summary.refused)} refused", err=True)
    if summary.refused:
        sys.exit(2)


@click.command(name="list")
@click.pass_context
def list_(ctx):
    """Documents in the library: ID, title, number of annotations."""
    library = open_library(ctx, write=False)
    for summary in library.documents():
        echo(f"{summary.id}\t{summary.title}\t{summary.annotations}")


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, help="Most results to print.")
@click.pass_context
def search(ctx, query, limit):
    """Search the text of all documents and all comments; prints DOC<TAB>KIND<TAB>TITLE<TAB>SNIPPET."""
    library = open_library(ctx, write=False)
    hits = library.search(" ".join(query), limit)
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        echo(f"{hit.doc_id}\t{hit.kind}\t{hit.title}\t{snippet}")
    if not hits:
        echo("annotext: no matches", err=True)


@click.command(name="attr")
@click.argument("doc", type=int)
@click.argument("assignments", nargs=-1)
@click.pass_context
def attr(ctx, doc, assignments):
    """Show a document's attributes, or set them: KEY=VALUE … (source, date, author or any key;
    an empty value removes it). Undoable in the GUI's history like any document change."""
    from annotext.application.document_attributes import set_attributes
    from annotext.core.attributes import BadAttribute, parse_assignment

    library = open_library(ctx)
    try:
        library.document(doc)
    except LookupError as error:
        fail(str(error), 2)
    if assignments:
        try:
            pairs = [parse_assignment(text) for text in assignments]
        except BadAttribute as error:
            fail(for_terminal(str(error), "\t"), 2)
        library.apply(set_attributes(library, doc, dict(pairs)))
    from annotext.application.corpus import CorpusService

    for key, value in CorpusService(library).document_attributes(doc).items():
        click.echo(for_terminal(f"{key}\t{value}", "\t"))
