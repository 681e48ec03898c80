"""Coding from the command line: `annotate` (tag and comment a passage), `tags` (the codebook as a
table) and `codebook export|import` (the codebook exchanged with other QDA tools as REFI-QDA .qdc).
"""

from __future__ import annotations

from pathlib import Path

import click

from annotext.cli.common import document_or_fail, echo, fail, open_library, refuse_library_target, text_range
from annotext.storage.errors import LibraryError


@click.command()
@click.argument("doc", type=int)
@click.option("--start", type=int, help="Start offset (code points).")
@click.option("--end", type=int, help="End offset (code points, exclusive).")
@click.option("--quote", "quote", help="Exact text of the passage instead of offsets.")
@click.option("--occurrence", type=click.IntRange(min=1),
              help="Which match of --quote (1 = first) when it occurs several times.")
@click.option("--tag", "tags", multiple=True, help="Tag name (created if new); repeat for several.")
@click.option("--comment", default="", help="Comment on the passage (at most 20,000 characters).")
@click.pass_context
def annotate(ctx, doc, start, end, quote, occurrence, tags, comment):
    """Tag and/or comment a passage of document DOC; prints ID<TAB>START<TAB>END<TAB>TEXT."""
    from annotext.core.annotations import AnnotationError
    from annotext.application.edits import AddAnnotation, CreateTag

    library = open_library(ctx)
    document = document_or_fail(library, doc)
    start, end = text_range(document.text, doc, start, end, quote, occurrence, "--quote", named="the quote ")
    store = library.annotations
    created = []
    try:
        store.new_annotation(doc, start, end, [], comment)  # range and comment refused before anything is written
        new_names = list(dict.fromkeys(n for n in tags if store.tag_named(n) is None))
        new_tags = [store.new_tag(name) for name in new_names]  # names refused before anything is written
        for tag in new_tags:
            edit = CreateTag(tag)
            library.apply(edit)
            created.append(edit)
        tag_ids = [store.tag_named(name).id for name in tags]
        edit = AddAnnotation(store.new_annotation(doc, start, end, tag_ids, comment))
        library.apply(edit)
    except (AnnotationError, LibraryError) as error:
        for done in reversed(created):  # the passage was not saved: neither are the tags made for it
            try:
                library.revert(done)
            except LibraryError:
                pass
        if isinstance(error, AnnotationError):
            fail(f"document {doc}: {error}", 2)
        fail(str(error), 1)
    echo(f"{edit.annotation.id}\t{start}\t{end}\t{edit.annotation.exact}")


@click.command()
@click.pass_context
def tags(ctx):
    """The codebook: ID, name, colour, parent, shortcut, number of passages."""
    library = open_library(ctx, write=False)
    store = library.annotations
    counts = store.tag_counts()
    names = {t.id: t.name for t in store.tags()}
    for tag in store.tags():
        echo("\t".join([str(tag.id), tag.name, tag.colour, names.get(tag.parent_id, ""),
                              str(tag.shortcut or ""), str(counts.get(tag.id, 0))]))


@click.group()
def codebook():
    """Exchange the codebook with other QDA tools (REFI-QDA .qdc)."""


@codebook.command(name="export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def codebook_export(ctx, path):
    """Write the codebook to PATH (.qdc)."""
    from annotext.core.refi_qda import CodebookError

    refuse_library_target(ctx.parent, path)
    library = open_library(ctx.parent, write=False)
    try:
        count = library.export_codebook(path)
    except CodebookError as error:
        fail(f"{path}: {error}", 1)
    except OSError as error:
        fail(f"{path}: cannot write ({error.strerror or error})", 1)
    echo(f"{count} codes written to {path}")


@codebook.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def codebook_import(ctx, path):
    """Merge the codes of PATH (.qdc) into the codebook."""
    library = open_library(ctx.parent)
    added, updated = library.import_codebook(path)  # CodebookError/AnnotationError: exit 2
    echo(f"{added} codes added, {updated} updated")
