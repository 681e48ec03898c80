"""Every export shows the analysis as the analyst corrected it, and reports say what was corrected."""

import json
import zipfile

import docx
import pytest

from annotext.analysis.tokens import token_bounds
from annotext.application.correction_edits import person_edit, quote_edit
from annotext.export.report import SCARE_GROUP, build_report
from annotext.export.run import export


@pytest.fixture
def corrected(annotated_library):
    """The annotated sample with one correction of each main kind."""
    library, doc = annotated_library
    shown = library.stored_result(library.document(doc))
    known = shown.people
    quotes = {q.attrs["content"]: q for q in shown.quotes}
    quotes["gabuev"] = next(q for q in shown.quotes if q.attrs["content"].startswith("We might see"))
    for edit in [
        person_edit(library, doc, "rename", "Vladimir Putin", "President V. Putin", known=known),
        person_edit(library, doc, "not_person", "Yevgeny Prigozhin", "ORG", known=known),
        quote_edit(library, doc, quotes["gabuev"].start, quotes["gabuev"].end, speaker="Xi Jinping"),
        quote_edit(library, doc, quotes["best friend"].start, quotes["best friend"].end, not_quote=True),
        quote_edit(library, doc, quotes["reliable partner"].start, quotes["reliable partner"].end, kind="scare"),
    ]:
        library.apply(edit)
    return library, doc, quotes


def write(library, doc, fmt, tmp_path):
    return export(library.report_items([doc]), library.annotations.tags(), fmt, tmp_path / f"out.{fmt}",
                  tokenize=token_bounds)


def test_the_report_model_follows_the_corrections_and_lists_them(corrected):
    library, doc, quotes_ = corrected
    chapter = build_report(library.report_items([doc]), library.annotations.tags()).chapters[0]
    names = {p.name: p for p in chapter.people}
    assert "Vladimir Putin" not in names and names["President V. Putin"].mentions == 13
    assert "Yevgeny Prigozhin" not in names
    groups = {g.speaker: [q["text"] for q in g.quotes] for g in chapter.quote_groups}
    assert quotes_["gabuev"].attrs["content"] in groups["Xi Jinping"]
    assert all("best friend" not in texts for texts in groups.values())
    assert "reliable partner" in groups[SCARE_GROUP] and chapter.quote_groups[-1].speaker == SCARE_GROUP
    persons = {s.person for p in chapter.paragraphs for s in p.segments if s.person}
    assert "President V. Putin" in persons and "Vladimir Putin" not in persons
    report = build_report(library.report_items([doc]), library.annotations.tags())
    assert SCARE_GROUP not in [share.speaker for share in report.summary.speakers]
    assert [(c.subject, c.author) for c in chapter.corrections][:2] == [("Vladimir Putin", "Ana Lyst"),
                                                                         ("Yevgeny Prigozhin", "Ana Lyst")]
    assert len(chapter.corrections) == 5


def test_html_markdown_and_docx_show_the_corrected_people_and_who_corrected(corrected, tmp_path):
    library, doc, _quotes = corrected
    html = write(library, doc, "html", tmp_path).read_text(encoding="utf-8")
    markdown = write(library, doc, "md", tmp_path).read_text(encoding="utf-8")
    word = docx.Document(str(write(library, doc, "docx", tmp_path)))
    word_text = "\n".join([p.text for p in word.paragraphs]
                          + [c.text for t in word.tables for r in t.rows for c in r.cells])
    for text in (html, markdown, word_text):
        assert "Corrected by the analyst" in text and "Ana Lyst" in text
        assert "President V. Putin" in text and "renamed to" in text
        assert "speaker set to Xi Jinping" in text and "not a quotation" in text
    assert "quote by President V. Putin" not in html  # his only quotation is a scare quote now: not his voice
    assert 'title="Yevgeny Prigozhin"' not in html  # no longer a person


def test_jsonl_has_the_corrected_entities_and_quotations(corrected, tmp_path):
    library, doc, quotes = corrected
    (record,) = [json.loads(line) for line in write(library, doc, "jsonl", tmp_path).read_text().splitlines()]
    labelled = {(s["start"], s["end"], s["label"]): s["source"] for s in record["spans"]}
    text = record["text"]
    prigozhin = text.index("Yevgeny Prigozhin")
    assert labelled[(prigozhin, prigozhin + len("Yevgeny Prigozhin"), "ORG")] == "correction"
    assert (prigozhin, prigozhin + len("Yevgeny Prigozhin"), "PERSON") not in labelled
    assert {(e["start"], e["label"]) for e in record["ents"]} >= {(prigozhin, "ORG")}
    friend = quotes["best friend"]
    assert (friend.start, friend.end, "QUOTE") not in labelled


def test_data_exports_without_analysis_are_unchanged_by_corrections(annotated_library, tmp_path):
    """CSV, W3C JSON and .qdpx carry the analyst's passages only: corrections of the analysis must
    neither add nor drop anything there (checked against an export made before any correction)."""
    library, doc = annotated_library
    before = {fmt: write(library, doc, fmt, tmp_path / "before") for fmt in ("csv", "json", "qdpx")}
    shown = library.stored_result(library.document(doc))
    library.apply(person_edit(library, doc, "rename", "Vladimir Putin", "V. P.", known=shown.people))
    after = {fmt: write(library, doc, fmt, tmp_path / "after") for fmt in ("csv", "json", "qdpx")}
    assert before["csv"].read_text() == after["csv"].read_text()
    strip = lambda data: [a | {"created": None} for a in data["first"]["items"]]  # noqa: E731
    assert strip(json.loads(before["json"].read_text())) == strip(json.loads(after["json"].read_text()))
    with zipfile.ZipFile(before["qdpx"]) as one, zipfile.ZipFile(after["qdpx"]) as two:
        assert sorted(one.namelist()) == sorted(two.namelist())
