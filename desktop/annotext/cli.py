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


def _refuse_library_target(ctx, output: Path) -> None:
    """An output file may never be the library, its -wal/-shm or one of its backups."""
    from annotext.storage.library_files import refuse_library_target

    try:
        refuse_library_target(output, ctx.obj["db"])
    except LibraryError as error:
        _fail(str(error), 2)


def _open_library(ctx, *, write: bool = True):
    """The library of --db; a command that writes refuses a read-only one up front, in one line."""
    from annotext.application.library import Library
    from annotext.storage.database import NEWER

    try:
        library = Library(ctx.obj["db"])
    except LibraryError as error:
        _fail(str(error), 1)
    if library.read_only == NEWER:
        library.db.conn.close()
        _fail(f"{ctx.obj['db']}: written by a newer version of Annotext; this version leaves it untouched"
              " (update Annotext to use it)", 1)
    if library.read_only:
        library.db.conn.close()
        if write:
            _fail(f"{ctx.obj['db']}: cannot write here: {library.read_only}; nothing was changed", 1)
        click.echo(f"annotext: note: {ctx.obj['db']} is {library.read_only}; opened read-only", err=True)
        library = Library(ctx.obj["db"])
    return library


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
    from annotext.importers import ImportFailed, import_file

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
    from annotext.importers import ImportFailed

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
    library = _open_library(ctx, write=False)
    for summary in library.documents():
        click.echo(f"{summary.id}\t{summary.title}\t{summary.annotations}")


def _document_or_fail(library, doc_id: int):
    try:
        return library.document(doc_id)
    except LookupError as error:
        _fail(str(error), 2)


@main.command()
@click.argument("doc", type=int)
@click.option("--start", type=int, help="Start offset (code points).")
@click.option("--end", type=int, help="End offset (code points, exclusive).")
@click.option("--quote", "quote", help="Exact text of the passage instead of offsets.")
@click.option("--occurrence", type=int, help="Which match of --quote (1 = first) when it occurs several times.")
@click.option("--tag", "tags", multiple=True, help="Tag name (created if new); repeat for several.")
@click.option("--comment", default="", help="Comment on the passage (at most 20,000 characters).")
@click.pass_context
def annotate(ctx, doc, start, end, quote, occurrence, tags, comment):
    """Tag and/or comment a passage of document DOC; prints ID<TAB>START<TAB>END<TAB>TEXT."""
    from annotext.core.annotations import AnnotationError, find_quote
    from annotext.application.edits import AddAnnotation, CreateTag

    library = _open_library(ctx)
    document = _document_or_fail(library, doc)
    if quote is not None:
        if start is not None or end is not None:
            _fail("give either --quote or --start/--end, not both", 2)
        starts = find_quote(document.text, quote)
        if not starts:
            _fail(f"document {doc}: the quote {quote!r} does not occur in the text", 2)
        if len(starts) > 1 and occurrence is None:
            _fail(f"document {doc}: the quote {quote!r} occurs {len(starts)} times; choose one with --occurrence 1..{len(starts)}", 2)
        index = (occurrence or 1) - 1
        if not 0 <= index < len(starts):
            _fail(f"document {doc}: --occurrence must be between 1 and {len(starts)}", 2)
        start, end = starts[index], starts[index] + len(quote)
    elif start is None or end is None:
        _fail("give --start and --end, or --quote", 2)
    store = library.annotations
    try:
        tag_ids = []
        for name in tags:
            tag = store.tag_named(name)
            if tag is None:
                edit = CreateTag(store.new_tag(name))
                library.apply(edit)
                tag = edit.tag
            tag_ids.append(tag.id)
        edit = AddAnnotation(store.new_annotation(doc, start, end, tag_ids, comment))
        library.apply(edit)
    except AnnotationError as error:
        _fail(f"document {doc}: {error}", 2)
    except LibraryError as error:
        _fail(str(error), 1)
    click.echo(f"{edit.annotation.id}\t{start}\t{end}\t{edit.annotation.exact}")


@main.command()
@click.pass_context
def tags(ctx):
    """The codebook: ID, name, colour, parent, shortcut, number of passages."""
    library = _open_library(ctx, write=False)
    store = library.annotations
    counts = store.tag_counts()
    names = {t.id: t.name for t in store.tags()}
    for tag in store.tags():
        click.echo("\t".join([str(tag.id), tag.name, tag.colour, names.get(tag.parent_id, ""),
                              str(tag.shortcut or ""), str(counts.get(tag.id, 0))]))


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, help="Most results to print.")
@click.pass_context
def search(ctx, query, limit):
    """Search the text of all documents and all comments; prints DOC<TAB>KIND<TAB>TITLE<TAB>SNIPPET."""
    library = _open_library(ctx, write=False)
    hits = library.search(" ".join(query), limit)
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        click.echo(f"{hit.doc_id}\t{hit.kind}\t{hit.title}\t{snippet}")
    if not hits:
        click.echo("annotext: no matches", err=True)


@main.command(name="export")
@click.argument("docs", nargs=-1, type=int)
@click.option("--all", "all_docs", is_flag=True, help="Every document of the library.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["html", "pdf", "docx", "md", "csv", "json", "jsonl", "qdpx"]))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--labels", help="Entity labels to include, comma-separated (default: all).")
@click.option("--no-entities", is_flag=True, help="Leave entities out of reports.")
@click.option("--no-quotes", is_flag=True, help="Leave quotations out of reports.")
@click.option("--no-passages", is_flag=True, help="Leave tagged passages out of reports.")
@click.option("--tags", "tag_names", help="Only passages with one of these tags, comma-separated.")
@click.option("--no-comments", is_flag=True, help="Leave comments out of reports.")
@click.option("--no-people", is_flag=True, help="Leave the people table out of reports.")
@click.option("--no-codebook", is_flag=True, help="Leave the codebook out of reports.")
@click.option("--excel", is_flag=True, help="CSV: start with a byte-order mark so Excel reads UTF-8.")
@click.pass_context
def export_(ctx, docs, all_docs, fmt, output, labels, no_entities, no_quotes, no_passages, tag_names,
            no_comments, no_people, no_codebook, excel):
    """Export documents DOC... (or --all) as a report or as data."""
    from annotext.analysis.tokens import token_bounds
    from annotext.export.report import ReportOptions
    from annotext.export.run import ExportError, export

    _refuse_library_target(ctx, output)
    library = _open_library(ctx, write=False)
    ids = [d.id for d in reversed(library.documents())] if all_docs else list(docs)
    if not ids:
        _fail("name at least one document id, or use --all", 2)
    for doc_id in ids:
        _document_or_fail(library, doc_id)
    store = library.annotations
    tag_ids = None
    if tag_names:
        tag_ids = set()
        for name in tag_names.split(","):
            tag = store.tag_named(name)
            if tag is None:
                _fail(f"there is no tag named {name.strip()!r}", 2)
            tag_ids.add(tag.id)
    entity_labels = set() if no_entities else ({x.strip().upper() for x in labels.split(",")} if labels else None)
    options = ReportOptions(entity_labels=entity_labels, quotes=not no_quotes, passages=not no_passages,
                            tag_ids=tag_ids, comments=not no_comments, people=not no_people,
                            codebook=not no_codebook)
    _analyse_missing(ctx, library, ids)
    try:
        export(library.report_items(ids), store.tags(), fmt, output, options, excel_bom=excel,
               tokenize=token_bounds)
    except ExportError as error:
        _fail(str(error), 1)
    click.echo(str(output))


def _analyse_missing(ctx, library, ids: list[int]) -> None:
    """Documents never analysed are analysed once (and stored); analysed ones never touch spaCy."""
    missing = [i for i in ids if library.stored_result(library.document(i)) is None]
    if not missing:
        return
    from annotext.analysis.analyser import Analyser
    from annotext.analysis.pipeline import ModelUnavailable

    click.echo(f"annotext: analysing {len(missing)} document(s) not analysed yet", err=True)
    try:
        analyser = Analyser.load(ctx.obj["model"])
    except ModelUnavailable as error:
        click.echo(f"annotext: {error}", err=True)
        analyser = Analyser()
    for doc_id in missing:
        library.analyse(doc_id, analyser)


@main.command()
@click.pass_context
def backup(ctx):
    """Make a consistent backup of the library now; prints its path."""
    library = _open_library(ctx)
    path = library.backup()
    library.db.conn.close()
    click.echo(str(path))


@main.command()
@click.argument("which", required=False)
@click.pass_context
def restore(ctx, which):
    """List backups (no argument), or restore one: a number from the list or a path."""
    from annotext.storage.backups import list_backups
    from annotext.storage.restore import restore_backup

    db = Path(ctx.obj["db"])
    backups = list_backups(db)
    if which is None:
        if not backups:
            click.echo(f"annotext: no backups of {db} yet", err=True)
        for number, item in enumerate(backups, start=1):
            click.echo(f"{number}\t{item.label}")
        for item in list_backups(db, include_unusable=True):
            if not item.usable:
                click.echo(f"-\t{item.label}")
        return
    if which.isdigit():
        index = int(which) - 1
        if not 0 <= index < len(backups):
            _fail(f"there is no backup number {which} (see `annotext restore`)", 2)
        chosen = backups[index].path
    else:
        chosen = Path(which)
        if not chosen.is_file():
            _fail(f"{chosen}: no such backup file", 2)
    try:
        kept = restore_backup(db, chosen)
    except LibraryError as error:
        _fail(str(error), 1)
    if kept is None:
        click.echo(f"restored {chosen} as {db} (there was no library there)")
    else:
        click.echo(f"restored {chosen} into {db} (the previous state is kept in {kept})")


@main.group()
def codebook():
    """Exchange the codebook with other QDA tools (REFI-QDA .qdc)."""


@codebook.command(name="export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def codebook_export(ctx, path):
    """Write the codebook to PATH (.qdc)."""
    from annotext.core.refi_qda import CodebookError

    _refuse_library_target(ctx.parent, path)
    library = _open_library(ctx.parent, write=False)
    try:
        count = library.export_codebook(path)
    except CodebookError as error:
        _fail(f"{path}: {error}", 1)
    except OSError as error:
        _fail(f"{path}: cannot write ({error.strerror or error})", 1)
    click.echo(f"{count} codes written to {path}")


@codebook.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def codebook_import(ctx, path):
    """Merge the codes of PATH (.qdc) into the codebook."""
    from annotext.core.annotations import AnnotationError
    from annotext.core.refi_qda import CodebookError

    library = _open_library(ctx.parent)
    try:
        added, updated = library.import_codebook(path)
    except (CodebookError, AnnotationError) as error:
        _fail(str(error), 2)
    click.echo(f"{added} codes added, {updated} updated")



@main.command()
@click.argument("other", type=click.Path(path_type=Path))
@click.pass_context
def merge(ctx, other):
    """Merge another analyst's work: an Annotext library file or a REFI-QDA .qdpx project."""
    from annotext.application.merge import merge_project
    from annotext.importers.errors import ImportFailed

    _refuse_library_target(ctx, other)
    try:
        if other.suffix.lower() == ".qdpx":
            from annotext.importers.refi_project import read_project

            project, notes = read_project(other)
        else:
            from annotext.storage.foreign_library import read_library

            project, notes = read_library(other), []
    except (ImportFailed, LibraryError) as error:
        _fail(str(error), 2)
    library = _open_library(ctx)
    summary = merge_project(library, project, notes)
    for line in summary.lines():
        click.echo(_safe(line))


def _safe(text: str) -> str:
    """Control characters (ESC sequences included) shown as escapes, never sent to the terminal raw."""
    return "".join(ch if ch.isprintable() or ch == "\t" else repr(ch)[1:-1] for ch in text)


@main.command()
@click.option("--coders", required=True, help="Two or more coder names, comma-separated.")
@click.option("--docs", "doc_ids", help="Document ids, comma-separated (default: every document they coded).")
@click.option("--tags", "tag_names", help="Tags, comma-separated (default: every tag they used).")
@click.option("--overlap", default=50, show_default=True, type=click.IntRange(1, 100),
              help="Segment view: % of a passage another coder's passage must cover to match it.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the HTML agreement report (method, documents, disagreements) to this file.")
@click.pass_context
def agreement(ctx, coders, doc_ids, tag_names, overlap, as_csv, as_json, html_path):
    """Inter-coder agreement per tag and overall: percent, Cohen's kappa, Krippendorff's alpha (on characters)."""
    from annotext.application.agreement_service import run_agreement
    from annotext.export.agreement_report import agreement_csv, agreement_html

    names = [c.strip() for c in coders.split(",") if c.strip()]
    try:
        ids = [int(d) for d in doc_ids.split(",") if d.strip()] if doc_ids else None
    except ValueError:
        _fail(f"--docs takes document ids, not {doc_ids!r}", 2)
    if html_path is not None:
        _refuse_library_target(ctx, html_path)
    library = _open_library(ctx)
    try:
        run = run_agreement(library, names, ids, [t.strip() for t in tag_names.split(",")] if tag_names else None,
                            overlap / 100)
    except ValueError as error:
        _fail(str(error), 2)
    if html_path is not None:
        from annotext.core.atomic import atomic_write_text

        texts = {doc_id: library.document(doc_id).text for doc_id, _title in run.documents}
        try:
            atomic_write_text(html_path, agreement_html(run, texts))
        except OSError as error:
            _fail(f"{html_path}: cannot write ({error.strerror or error})", 1)
    if as_csv:
        click.echo(agreement_csv(run), nl=False)
    elif as_json:
        click.echo(json.dumps({
            "unit": "character", "coders": run.coders, "segment_overlap": run.segment_threshold,
            "documents": [{"id": d, "title": t} for d, t in run.documents],
            "tags": [{"tag": r.tag, "units": r.units, "coded": r.coded, "percent_agreement": r.percent,
                      "cohens_kappa": r.kappa, "krippendorffs_alpha": r.alpha,
                      "segments": {c: {"matched": m, "total": n} for c, (m, n) in r.segments.items()}}
                     for r in run.results],
            "disagreements": [{"doc_id": d.doc_id, "start": d.start, "end": d.end, "tag": d.tag,
                               "coded_by": list(d.coded_by), "not_coded_by": list(d.not_coded_by)}
                              for d in run.disagreements]}, ensure_ascii=False))
    else:
        click.echo(_safe(f"{len(run.documents)} documents, coders {', '.join(run.coders)}; unit: character"))
        for r in run.results:
            kappa = "—" if r.kappa is None else f"{r.kappa:.3f}"
            alpha = "—" if r.alpha is None else f"{r.alpha:.3f}"
            percent = "—" if r.percent is None else f"{r.percent * 100:.1f}%"
            click.echo(_safe(f"{r.tag}\t{percent}\tkappa {kappa}\talpha {alpha}"))
        click.echo(f"{len(run.disagreements)} disagreements")
