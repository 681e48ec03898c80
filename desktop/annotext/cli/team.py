"""Working with other analysts: `merge` (another Annotext library or a REFI-QDA .qdpx project into this
one) and `agreement` (inter-coder agreement between coders of this library, with its HTML report).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotext.cli.common import echo, fail, open_library, refuse_library_target, split_names
from annotext.core.terminal_text import json_for_terminal
from annotext.storage.errors import LibraryError


@click.command()
@click.argument("other", type=click.Path(path_type=Path))
@click.pass_context
def merge(ctx, other):
    """Merge another analyst's work: an Annotext library file or a REFI-QDA .qdpx project."""
    from annotext.application.merge import merge_project, read_other_work
    from annotext.importers.errors import ImportFailed

    try:
        project, notes = read_other_work(other, ctx.obj["db"])
    except (ImportFailed, LibraryError) as error:
        fail(str(error), 2)
    library = open_library(ctx)
    summary = merge_project(library, project, notes)
    for line in summary.lines():
        echo(line)


@click.command()
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
        fail(f"--docs takes document ids, not {doc_ids!r}", 2)
    if html_path is not None:
        refuse_library_target(ctx, html_path)
    library = open_library(ctx)
    try:
        run = run_agreement(library, names, ids, split_names(tag_names) or None,
                            overlap / 100)
    except ValueError as error:
        fail(str(error), 2)
    if html_path is not None:
        from annotext.core.atomic import atomic_write_text

        texts = {doc_id: library.document(doc_id).text for doc_id, _title in run.documents}
        try:
            atomic_write_text(html_path, agreement_html(run, texts))
        except OSError as error:
            fail(f"{html_path}: cannot write ({error.strerror or error})", 1)
    if as_csv:
        echo(agreement_csv(run), nl=False, keep="\t\r\n")
    elif as_json:
        echo(json_for_terminal(json.dumps({
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
        echo(f"{len(run.documents)} documents, coders {', '.join(run.coders)}; unit: character")
        for r in run.results:
            kappa = "—" if r.kappa is None else f"{r.kappa:.3f}"
            alpha = "—" if r.alpha is None else f"{r.alpha:.3f}"
            percent = "—" if r.percent is None else f"{r.percent * 100:.1f}%"
            echo(f"{r.tag}\t{percent}\tkappa {kappa}\talpha {alpha}")
        echo(f"{len(run.disagreements)} disagreements")
