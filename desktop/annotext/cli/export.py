"""`annotext export`: documents as a report or as data in any registered format, or the corpus report
(delegated to annotext.cli.corpus, whose selection options it shares).
"""

from __future__ import annotations

from pathlib import Path

import click

from annotext.cli.analyse import analyse_missing
from annotext.cli.common import (document_or_fail, echo, fail, open_library, progress, refuse_library_target,
                                 split_names)
from annotext.cli.corpus import export_corpus, filter_options, make_filter
from annotext.export.registry import FORMATS as EXPORT_FORMATS


@click.command(name="export")
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
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@filter_options(tag_flag="--in-tag")
@click.pass_context
def export_(ctx, docs, all_docs, fmt, output, labels, no_entities, no_quotes, no_passages, tag_names, exact_tags,
            no_comments, no_people, no_codebook, excel, corpus, quiet, date_from, date_to, source, attrs, in_tag):
    """Export documents DOC... (or --all) as a report or as data, or the --corpus report."""
    if corpus:
        refuse_library_target(ctx, output)
        selection = make_filter(date_from, date_to, source, attrs, in_tag)
        wanted = split_names(tag_names) + [name.strip() for name in exact_tags]
        export_corpus(open_library(ctx), fmt, output, selection, wanted or None)
        return
    from annotext.analysis.tokens import token_bounds
    from annotext.export.report import ReportOptions
    from annotext.export.run import export

    refuse_library_target(ctx, output)
    library = open_library(ctx, write=False)
    if all_docs and docs:
        fail("give document ids or --all, not both", 2)
    ids = [d.id for d in reversed(library.documents())] if all_docs else list(docs)
    if not ids:
        fail(f"{ctx.obj['db']}: the library has no documents to export (import some first)" if all_docs
              else "name at least one document id, or use --all", 2)
    for doc_id in ids:
        document_or_fail(library, doc_id)
    store = library.annotations
    tag_ids = None
    wanted = split_names(tag_names) + [name.strip() for name in exact_tags]
    if wanted:
        tag_ids = set()
        for name in wanted:
            tag = store.tag_named(name)
            if tag is None:
                fail(f"there is no tag named {name!r}", 2)
            tag_ids.add(tag.id)
    entity_labels = set() if no_entities else ({x.strip().upper() for x in labels.split(",")} if labels else None)
    options = ReportOptions(entity_labels=entity_labels, quotes=not no_quotes, passages=not no_passages,
                            tag_ids=tag_ids, comments=not no_comments, people=not no_people,
                            codebook=not no_codebook)
    analyse_missing(ctx, library, ids, quiet)
    # one step per document read with its corrected analysis, and a last one for writing the file
    with progress("Exporting", quiet or len(ids) < 2, length=len(ids) + 1) as bar:
        items = []
        for doc_id in ids:
            items += library.report_items([doc_id])
            bar.update(1)
        export(items, store.tags(), fmt, output, options, excel_bom=excel, tokenize=token_bounds)
        bar.update(1)
    echo(str(output))
