"""The whole library from the command line: the `corpus` group (people, quotes, tags, passages and the
analyst's corpus merges and splits), the selection options (--from/--to/--source/--attr/--tag) that
`export --corpus` shares, and the corpus report written by `export --corpus`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from annotext.cli.common import fail, open_library
from annotext.core.corpus import CorpusFilter
from annotext.core.terminal_text import for_terminal, json_for_terminal


def safe(text: object) -> str:
    """Untrusted text (names, titles, passages) with control characters escaped; tabs kept."""
    return for_terminal(text, "\t")


def filter_options(command=None, *, tag_flag: str = "--tag"):
    """The selection options every corpus command accepts (`tag_flag` renames --tag where a command
    already uses it for something else)."""
    def decorate(command):
        for option in reversed([
            click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Documents published on or after this date."),
            click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Documents published on or before this date."),
            click.option("--source", help="Documents from this source (outlet)."),
            click.option("--attr", "attrs", multiple=True, metavar="KEY=VALUE",
                         help="Documents with this attribute; repeatable."),
            click.option(tag_flag, "in_tag", help="Documents with at least one passage of this tag."),
        ]):
            command = option(command)
        return command

    return decorate(command) if command is not None else decorate


def make_filter(date_from, date_to, source, attrs, in_tag) -> CorpusFilter:
    """The CorpusFilter of the options (dates checked; BadParameter names the bad one)."""
    from annotext.core.attributes import BadAttribute, normalise_date, parse_assignment

    dates = []
    for name, value in (("--from", date_from), ("--to", date_to)):
        iso = normalise_date(value) if value else None
        if value and iso is None:
            raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=name)
        dates.append(iso)
    pairs = []
    for text in attrs:
        try:
            pairs.append(parse_assignment(text))
        except BadAttribute as error:
            raise click.BadParameter(str(error), param_hint="--attr") from None
    return CorpusFilter(dates[0], dates[1], source or None, tuple(pairs), in_tag or None)


def _output_options(command):
    command = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)
    return click.option("--csv", "as_csv", is_flag=True, help="Print CSV (cells safe from spreadsheet formulas).")(command)


def _emit(rows: list[dict], as_csv: bool, as_json: bool) -> None:
    """Rows as CSV, JSON or tab-separated text (control characters escaped)."""
    from annotext.export.data import csv_cell

    if as_json:
        click.echo(json_for_terminal(json.dumps(rows, ensure_ascii=False, indent=1)))
        return
    if not rows:
        return
    if as_csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        click.echo(for_terminal(buffer.getvalue(), "\t\n"), nl=False)
        return
    click.echo("\t".join(rows[0]))
    for row in rows:
        click.echo(safe("\t".join("" if v is None else f"{v:.1f}" if isinstance(v, float) else str(v)
                                  for v in row.values())))


def _service(ctx):
    """The library of --db and its corpus service, ready to answer."""
    from annotext.application.corpus import CorpusService

    library = open_library(ctx)
    corpus = CorpusService(library)
    corpus.prepare()
    return library, corpus


@click.group()
def corpus():
    """The whole library: who is mentioned, who is quoted, and every passage of a code."""

@corpus.command(name="people")
@filter_options
@click.option("--limit", type=int, help="Only the first N entries.")
@_output_options
@click.pass_context
def corpus_people(ctx, date_from, date_to, source, attrs, in_tag, limit, as_csv, as_json):
    """People (and organisations that speak) across the selection, most quoted first."""
    selection = make_filter(date_from, date_to, source, attrs, in_tag)
    _library, corpus_service = _service(ctx)
    rows = [{"name": p.name, "kind": p.kind, "documents": p.documents, "mentions": p.mentions,
             "quotations": p.quotes, "words_quoted": p.quoted_words, "share_of_voice_pct": round(p.share, 2),
             "first_date": p.first_date, "last_date": p.last_date}
            for p in corpus_service.people(selection, limit)]
    _emit(rows, as_csv, as_json)

@corpus.command(name="quotes")
@click.argument("person")
@filter_options
@_output_options
@click.pass_context
def corpus_quotes(ctx, person, date_from, date_to, source, attrs, in_tag, as_csv, as_json):
    """Every quotation of PERSON (any name of theirs) in the selection, by date."""
    selection = make_filter(date_from, date_to, source, attrs, in_tag)
    _library, corpus_service = _service(ctx)
    entry = corpus_service.find_entry(person)
    if entry is None:
        fail(f"no person or speaker called {safe(person)!r} in the corpus", 2)
    rows = [{"doc_id": q.doc_id, "title": q.title, "date": q.date, "source": q.source, "speaker": q.speaker,
             "start": q.start, "end": q.end, "words": q.words, "quotation": q.content}
            for q in corpus_service.quotes(entry, selection)]
    _emit(rows, as_csv, as_json)

@corpus.command(name="tags")
@filter_options
@click.option("--by", "key", default="source", show_default=True, help="Attribute to count by.")
@_output_options
@click.pass_context
def corpus_tags(ctx, date_from, date_to, source, attrs, in_tag, key, as_csv, as_json):
    """How often each tag is used, by source (or another attribute)."""
    selection = make_filter(date_from, date_to, source, attrs, in_tag)
    _library, corpus_service = _service(ctx)
    table = corpus_service.tags_by(selection, key)
    rows = [{"tag": tag, **{value or "(none)": table.count(tag, value) for value in table.sources},
             "total": sum(table.count(tag, value) for value in table.sources)} for tag in table.tags]
    _emit(rows, as_csv, as_json)

@corpus.command(name="passages")
@click.argument("tag")
@filter_options
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a code report: .html, .docx or .csv by the name.")
@_output_options
@click.pass_context
def corpus_passages(ctx, tag, date_from, date_to, source, attrs, in_tag, report, as_csv, as_json):
    """Every passage coded TAG in the selection (coding retrieval)."""
    selection = make_filter(date_from, date_to, source, attrs, in_tag)
    library, corpus_service = _service(ctx)
    try:
        passages = corpus_service.passages(tag, selection)
    except LookupError as error:
        fail(safe(str(error)), 2)
    if report is not None:
        _write_code_report(library, tag, selection, passages, report)
    rows = [{"doc_id": p.doc_id, "title": p.title, "date": p.date, "source": p.source, "start": p.start,
             "end": p.end, "passage": p.exact, "comment": p.comment, "coder": p.coder, "tags": "; ".join(p.tags)}
            for p in passages]
    _emit(rows, as_csv, as_json)

@corpus.command(name="merge")
@click.argument("name")
@click.argument("into")
@click.pass_context
def corpus_merge(ctx, name, into):
    """Count NAME's corpus entry as INTO's (stored; `annotext corpus edits` lists it, `undo` reverts)."""
    from annotext.application.corpus import merge_people

    library, corpus_service = _service(ctx)
    source, target = corpus_service.find_entry(name), corpus_service.find_entry(into)
    for typed, found in ((name, source), (into, target)):
        if found is None:
            fail(f"no person or speaker called {safe(typed)!r} in the corpus", 2)
    library.apply(merge_people(source, target))
    click.echo(safe(f"{source} now counts as {corpus_service.find_entry(target)}"))

@corpus.command(name="split")
@click.argument("name")
@click.pass_context
def corpus_split(ctx, name):
    """Make the per-document name NAME an entry of its own."""
    from annotext.application.corpus import split_person

    library, corpus_service = _service(ctx)
    if corpus_service.entry_of(name) is None:
        fail(f"no document uses the name {safe(name)!r}", 2)
    library.apply(split_person(name))
    click.echo(safe(f"{name} is now an entry of its own"))

@corpus.command(name="edits")
@click.pass_context
def corpus_edits(ctx):
    """The corpus merges and splits made so far: ID, action, name, target, when."""
    _library, corpus_service = _service(ctx)
    for edit in corpus_service.person_edits():
        click.echo(safe(f"{edit.id}\t{edit.action}\t{edit.name}\t{edit.target or ''}\t{edit.created_at}"))

@corpus.command(name="undo")
@click.argument("edit_id", type=int)
@click.pass_context
def corpus_undo(ctx, edit_id):
    """Revert corpus merge or split EDIT_ID (from `annotext corpus edits`)."""
    from annotext.application.corpus import CorpusPersonChange

    library, corpus_service = _service(ctx)
    edit = next((e for e in corpus_service.person_edits() if e.id == edit_id), None)
    if edit is None:
        fail(f"no corpus edit {edit_id}", 2)
    library.revert(CorpusPersonChange(edit))
    click.echo(f"reverted corpus edit {edit_id}")


def _write_code_report(library, tag: str, selection: CorpusFilter, passages, path: Path) -> None:
    """`corpus passages TAG --report PATH`: the code report, atomically, never onto the library."""
    from datetime import datetime, timezone

    from annotext import __version__
    from annotext.export.corpus_report import code_report, write_corpus_report
    from annotext.storage.errors import LibraryError
    from annotext.storage.library_files import refuse_library_target

    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("html", "docx", "csv"):
        fail(f"{path}: a code report is .html, .docx or .csv", 2)
    try:
        refuse_library_target(path, library.path)
    except LibraryError as error:
        fail(str(error), 2)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        write_corpus_report(code_report(f"Code report: {tag}", selection.describe(), f"Annotext {__version__}, {stamp}",
                                        [(tag, passages)]), fmt, path)
    except OSError as error:
        fail(f"{path}: cannot write ({error.strerror or error})", 1)
    click.echo(f"code report written to {path}", err=True)


def export_corpus(library, fmt: str, output: Path, selection: CorpusFilter, tag_names: list[str] | None) -> None:
    """`annotext export --corpus`: write the corpus report; prints the path."""
    from annotext.application.corpus import CorpusService, build_report
    from annotext.export.corpus_report import REPORT_FORMATS, write_corpus_report

    if fmt not in REPORT_FORMATS:
        fail(f"the corpus report is written as {', '.join(REPORT_FORMATS)}, not {fmt}", 2)
    service = CorpusService(library)
    tags = [t for t in tag_names if t] if tag_names else None
    for name in tags or []:
        if library.annotations.tag_named(name) is None:
            fail(f"no tag named {name!r}", 2)
    report = build_report(service, selection, tags=tags)
    try:
        write_corpus_report(report, fmt, output)
    except OSError as error:
        fail(f"{output}: cannot write ({error.strerror or error})", 1)
    click.echo(str(output))
