"""The analyst's corrections of one document's analysis: `people` and `quotes` (as corrected) and the
`correct DOC …` group (rename, merge, split, not-person, add-person, quote, speaker, not-quote,
restore-quote, scare, speech, list, undo, take-back). Every correction is an edit, so it can be undone.
"""

from __future__ import annotations

import json

import click

from annotext.cli.analyse import corrected_result
from annotext.cli.common import document_or_fail, echo, fail, open_library, plain, text_range
from annotext.core.terminal_text import json_for_terminal


@click.command()
@click.argument("doc", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of lines.")
@click.pass_context
def people(ctx, doc, as_json):
    """People of document DOC as the analyst corrected them: NAME<TAB>MENTIONS<TAB>QUOTES<TAB>WORDS<TAB>ALIASES."""
    library = open_library(ctx)
    document_or_fail(library, doc)
    result = corrected_result(ctx, library, doc)
    if as_json:
        echo(json_for_terminal(json.dumps([p.to_json() for p in result.people], ensure_ascii=False)))
        return
    for person in result.people:
        echo("\t".join([plain(person.name), str(person.mentions), str(person.quotes), str(person.quoted_words),
                              "; ".join(plain(a) for a in person.aliases)]))


@click.command()
@click.argument("doc", type=int)
@click.option("--hidden", is_flag=True, help="Also the quotations marked not a quotation.")
@click.pass_context
def quotes(ctx, doc, hidden):
    """Quotations of DOC: START<TAB>END<TAB>SPEAKER<TAB>KIND<TAB>TEXT (KIND: speech, scare or hidden)."""
    library = open_library(ctx)
    document_or_fail(library, doc)
    result = corrected_result(ctx, library, doc)
    rows = [(q, q.attrs.get("kind") or "speech") for q in result.quotes]
    rows += [(q, "hidden") for q in result.hidden_quotes] if hidden else []
    for quote, kind in sorted(rows, key=lambda row: row[0].start):
        echo("\t".join([str(quote.start), str(quote.end), plain(quote.attrs.get("speaker")) or "-", kind,
                              plain(quote.attrs.get("content", ""))]))


@click.group()
@click.argument("doc", type=int)
@click.pass_context
def correct(ctx, doc):
    """Correct the people and quotations of document DOC (each correction can be undone)."""
    ctx.obj["doc"] = doc


def _correction_context(ctx):
    library = open_library(ctx)
    doc = ctx.obj["doc"]
    document_or_fail(library, doc)
    return library, doc


def _apply_correction(library, build) -> None:
    """Build and apply one correction edit; its description is printed, problems are one line."""
    from annotext.application.correction_edits import AddPersonCorrection

    edit = build()  # a CorrectionError (2) or LibraryError (1) ends the command as one line
    library.apply(edit)
    if isinstance(edit, AddPersonCorrection):
        echo(f"{plain(edit.correction.describe())} (saved)")
    else:
        state = edit.after or edit.before
        verdict = edit.after.describe() if edit.after else "as detected"
        echo(f"quotation {state.start}-{state.end}: {plain(verdict)} (saved)")


def _person_command(ctx, action: str, name: str, value: str | None = None, **where) -> None:
    from annotext.application.correction_edits import person_edit

    library, doc = _correction_context(ctx)
    known = corrected_result(ctx, library, doc).people
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
    start, end = text_range(library.document(doc).text, doc, start, end, text, occurrence, "--text")
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
    start, end = text_range(library.document(doc).text, doc, start, end, text, occurrence, "--text")
    changes = {"speaker": speaker} if speaker else {}
    if scare:
        changes["kind"] = "scare"
    _apply_correction(library, lambda: quote_edit(library, doc, start, end, added=True, not_quote=False,
                                                  label="Mark quotation", **changes))


def _quote_at(ctx, library, doc: int, offset: int, hidden: bool = False):
    """The quotation starting at (or containing) `offset`, among the hidden ones when `hidden`."""
    result = corrected_result(ctx, library, doc)
    quotes = result.hidden_quotes if hidden else result.quotes
    found = next((q for q in quotes if q.start == offset), None) or next((q for q in quotes if q.contains(offset)), None)
    if found is None:
        what = "hidden quotation" if hidden else "quotation"
        fail(f"document {doc}: no {what} at offset {offset} (see `annotext quotes {doc}"
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
        echo(f"{number}\t{when}\t{plain(author)}\t{plain(what)}")


def _corrections_of(library, doc: int) -> list[tuple]:
    """(when, author, description, stored correction) for every correction of DOC, oldest first."""
    rows = [(c.created_at, c.author, c.describe(), c) for c in library.people_corrections(doc)]
    rows += [(c.updated_at, c.author, f"quotation {c.start}-{c.end}: {c.describe()}", c)
             for c in library.quote_corrections(doc)]
    return sorted(rows, key=lambda row: (row[0], getattr(row[3], "id", None) or 0))


def _take_back(ctx, pick, step_back: bool = False) -> None:
    """Forget one stored correction (as an edit, so its row comes back exactly if re-applied); with
    `step_back`, a quotation's correction goes back to the decision it replaced instead."""
    from annotext.application.correction_edits import ForgetPersonCorrection, SetQuoteCorrection, step_back_quote_edit
    from annotext.core.people_corrections import PersonCorrection

    library, doc = _correction_context(ctx)
    rows = _corrections_of(library, doc)
    if not rows:
        fail(f"document {doc} has no corrections to undo", 2)
    _when, _author, what, item = pick(doc, rows)
    if isinstance(item, PersonCorrection):
        edit = ForgetPersonCorrection(doc, item)
    elif step_back:
        edit = step_back_quote_edit(library, doc, item)
    else:
        edit = SetQuoteCorrection(doc, item, None, "Forget quotation correction")
    library.apply(edit)  # a LibraryError ends the command as one line (exit 1)
    now = getattr(edit, "after", None)
    echo(f"undone: {plain(what)}" + (f" (now: {plain(now.describe())})" if now is not None else ""))


@correct.command()
@click.pass_context
def undo(ctx):
    """Undo the most recent correction of DOC: a quotation goes back to the decision it replaced."""
    _take_back(ctx, lambda _doc, rows: rows[-1], step_back=True)


@correct.command(name="take-back")
@click.argument("number", type=int)
@click.pass_context
def take_back(ctx, number):
    """Take back correction NUMBER of `annotext correct DOC list`, however old."""
    def pick(doc, rows):
        if not 1 <= number <= len(rows):
            fail(f"document {doc} has corrections 1..{len(rows)} (see `annotext correct {doc} list`)", 2)
        return rows[number - 1]

    _take_back(ctx, pick)
