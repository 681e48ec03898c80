"""Every export shows the analysis as the analyst corrected it, and reports say what was corrected."""

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pytest
import xmlschema

from annotext.analysis.tokens import token_bounds
from annotext.application.correction_edits import person_edit, quote_edit
from annotext.application.library import Library
from annotext.application.merge import merge_project
from annotext.export.report import SCARE_GROUP, ReportOptions, build_report
from annotext.export.run import export
from annotext.importers.refi_project import read_project

PROJECT_XSD = xmlschema.XMLSchema(Path(__file__).resolve().parents[1] / "data" / "refi-qda" / "Project.xsd")
Q = "{urn:QDA-XML:project:1.0}"


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
    labelled = {(s["start"], s["end"], s["label"]): s["source"] for s in record["spancat_spans"]}
    text = record["text"]
    prigozhin = text.index("Yevgeny Prigozhin")
    assert labelled[(prigozhin, prigozhin + len("Yevgeny Prigozhin"), "ORG")] == "correction"
    assert (prigozhin, prigozhin + len("Yevgeny Prigozhin"), "PERSON") not in labelled
    assert {(e["start"], e["label"]) for e in record["spans"]} >= {(prigozhin, "ORG")}
    friend = quotes["best friend"]
    assert (friend.start, friend.end, "QUOTE") not in labelled


def test_jsonl_quotations_carry_the_corrected_speaker_and_kind_and_people_their_name(corrected, tmp_path):
    """Speaker corrections, scare quotes and person renames reach the spaCy/Prodigy file: each QUOTE
    has its `speaker` and `kind`, each PERSON entity its canonical `person`, as the analyst left them."""
    library, doc, quotes = corrected
    (record,) = [json.loads(line) for line in write(library, doc, "jsonl", tmp_path).read_text().splitlines()]
    shown = library.stored_result(library.document(doc))
    by_span = {(s["start"], s["end"]): s for s in record["spancat_spans"] if s["label"] == "QUOTE"}
    assert len(by_span) == len(shown.quotes)
    gabuev, partner = quotes["gabuev"], quotes["reliable partner"]
    assert by_span[(gabuev.start, gabuev.end)]["speaker"] == "Xi Jinping"
    assert by_span[(gabuev.start, gabuev.end)]["kind"] == "speech"
    assert by_span[(gabuev.start, gabuev.end)]["source"] == "correction"
    assert by_span[(partner.start, partner.end)]["kind"] == "scare"
    assert by_span[(partner.start, partner.end)]["speaker"] is None
    for quote in shown.quotes:  # every other quotation: the speaker the analyst sees
        if quote.attrs.get("kind") != "scare":
            assert by_span[(quote.start, quote.end)]["speaker"] == (quote.attrs.get("speaker") or None)
    speakers = {s["speaker"] for s in by_span.values()}
    assert "Vladimir Putin" not in speakers and "Xi Jinping" in speakers
    people = [s for s in record["spans"] if s["label"] == "PERSON"]
    assert people and all(s["person"] for s in people)
    putin = [s for s in people if s["person"] == "President V. Putin"]
    assert len(putin) >= 5 and not [s for s in people if s["person"] == "Vladimir Putin"]
    assert {s["person"] for s in people} <= {p.name for p in shown.people}
    assert {json.dumps(s, sort_keys=True) for s in people} <= {json.dumps(s, sort_keys=True)
                                                               for s in record["spancat_spans"]}


def _csv_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_rows_carry_the_corrected_quotations_and_people(corrected, tmp_path):
    library, doc, quotes = corrected
    path = write(library, doc, "csv", tmp_path)
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:11] == ["document_id", "document_title", "annotation_id", "start", "end", "exact", "tags",
                           "comment", "author", "created", "updated"]  # older readers keep working
    rows = _csv_rows(path)
    layers = {}
    for row in rows:
        layers.setdefault(row["layer"], []).append(row)
    assert len(layers["passage"]) == 3 and all(r["annotation_id"] for r in layers["passage"])
    spoken = {(int(r["start"]), int(r["end"])): r for r in layers["quotation"]}
    gabuev, friend, partner = quotes["gabuev"], quotes["best friend"], quotes["reliable partner"]
    assert spoken[(gabuev.start, gabuev.end)]["speaker"] == "Xi Jinping"
    assert spoken[(gabuev.start, gabuev.end)]["corrected_by"] == "Ana Lyst"
    assert (friend.start, friend.end) not in spoken  # "not a quotation"
    scare = spoken[(partner.start, partner.end)]
    assert (scare["kind"], scare["speaker"], scare["corrected_by"]) == ("scare", "", "Ana Lyst")
    untouched = [r for r in layers["quotation"] if not r["corrected_by"]]
    assert untouched and all(r["author"] == "Annotext analyser" for r in untouched)
    assert len(layers["quotation"]) == len(library.stored_result(library.document(doc)).quotes)
    people = [r["person"] for r in layers["person mention"]]
    assert people.count("President V. Putin") == 13
    assert "Vladimir Putin" not in people and "Yevgeny Prigozhin" not in people
    putin = {r["corrected_by"] for r in layers["person mention"] if r["person"] == "President V. Putin"}
    assert putin == {"Ana Lyst"}
    text = library.document(doc).text
    assert all(text[int(r["start"]):int(r["end"])] == r["exact"] for r in rows if not r["exact"].startswith("'"))


def test_csv_follows_the_export_options(corrected, tmp_path):
    library, doc, _quotes = corrected
    items, tags = library.report_items([doc]), library.annotations.tags()
    no_quotes = export(items, tags, "csv", tmp_path / "q.csv", ReportOptions(quotes=False))
    assert {r["layer"] for r in _csv_rows(no_quotes)} == {"passage", "person mention"}
    no_people = export(items, tags, "csv", tmp_path / "p.csv", ReportOptions(people=False))
    assert {r["layer"] for r in _csv_rows(no_people)} == {"passage", "quotation"}
    no_entities = export(items, tags, "csv", tmp_path / "e.csv", ReportOptions(entity_labels=set(), quotes=False))
    assert {r["layer"] for r in _csv_rows(no_entities)} == {"passage"}
    only_orgs = export(items, tags, "csv", tmp_path / "o.csv", ReportOptions(entity_labels={"ORG"}))
    assert "person mention" not in {r["layer"] for r in _csv_rows(only_orgs)}


def test_w3c_annotations_carry_the_corrected_speakers_and_people(corrected, tmp_path):
    library, doc, quotes = corrected
    items = json.loads(write(library, doc, "json", tmp_path).read_text(encoding="utf-8"))["first"]["items"]
    assert len(items) == json.loads((tmp_path / "out.json").read_text())["total"]

    def span(annotation):
        position = annotation["target"]["selector"][1]
        return position["start"], position["end"]

    quoted = {span(a): a for a in items if a["id"].startswith("urn:annotext:quotation:")}
    gabuev, friend, partner = quotes["gabuev"], quotes["best friend"], quotes["reliable partner"]
    changed = quoted[(gabuev.start, gabuev.end)]
    assert changed["motivation"] == "identifying"
    assert [(b["purpose"], b["value"]) for b in changed["body"]] == [("classifying", "quotation"),
                                                                     ("identifying", "Xi Jinping")]
    assert (changed["creator"]["type"], changed["creator"]["name"]) == ("Person", "Ana Lyst")
    assert changed["target"]["selector"][0]["exact"] == library.document(doc).text[gabuev.start:gabuev.end]
    assert (friend.start, friend.end) not in quoted
    scare = quoted[(partner.start, partner.end)]
    assert scare["motivation"] == "classifying"
    assert [(b["purpose"], b["value"]) for b in scare["body"]] == [("classifying", "scare quote")]
    machine = [a for a in quoted.values() if a["creator"]["type"] == "Software"]
    assert machine and all(a["creator"]["name"] == "Annotext analyser" for a in machine)
    named = [a["body"][0]["value"] for a in items if a["id"].startswith("urn:annotext:mention:")]
    assert named.count("President V. Putin") == 13 and "Vladimir Putin" not in named
    assert "Yevgeny Prigozhin" not in named
    assert sum(a["id"].startswith("urn:annotext:annotation:") for a in items) == 3


def _qde(path):
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde")


def test_qdpx_codes_quotations_by_corrected_speaker_and_stays_valid(corrected, tmp_path):
    library, doc, quotes = corrected
    path = write(library, doc, "qdpx", tmp_path)
    PROJECT_XSD.validate(io.BytesIO(_qde(path)))
    root = ET.fromstring(_qde(path))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    trees = {c.get("name"): {child.get("guid"): child.get("name") for child in c.findall(f"{Q}Code")}
             for c in root.find(f"{Q}CodeBook/{Q}Codes").findall(f"{Q}Code")}
    assert {"Speakers (Annotext)", "People (Annotext)", "Bilateral ties"} <= set(trees)
    speakers, people = trees["Speakers (Annotext)"], trees["People (Annotext)"]
    assert "Xi Jinping" in speakers.values() and "Scare quotes (not speech)" in speakers.values()
    assert "President V. Putin" in people.values()
    assert not {"Vladimir Putin", "Yevgeny Prigozhin"} & set(people.values())
    coded = {}
    for selection in root.iter(f"{Q}PlainTextSelection"):
        for coding in selection.findall(f"{Q}Coding"):
            code = coding.find(f"{Q}CodeRef").get("targetGUID")
            coded.setdefault((int(selection.get("startPosition")), int(selection.get("endPosition"))), []).append(
                (speakers.get(code) or people.get(code), users[coding.get("creatingUser")]))
    gabuev, friend, partner = quotes["gabuev"], quotes["best friend"], quotes["reliable partner"]
    assert coded[(gabuev.start, gabuev.end)] == [("Xi Jinping", "Ana Lyst")]
    assert coded[(partner.start, partner.end)] == [("Scare quotes (not speech)", "Ana Lyst")]
    assert (friend.start, friend.end) not in coded
    assert sum(1 for codes in coded.values() for name, _user in codes if name == "President V. Putin") == 13
    assert "Annotext analyser" in users.values()


def test_qdpx_without_the_automatic_layer_and_its_merge(corrected, hostile, tmp_path):
    """`--no-quotes --no-people` leaves the automatic codes out; a merge of a full export brings back
    the analyst's passages only, never the analysis as passages."""
    library, doc, _quotes = corrected
    items, tags = library.report_items([doc]), library.annotations.tags()
    bare = export(items, tags, "qdpx", tmp_path / "bare.qdpx", ReportOptions(quotes=False, people=False))
    PROJECT_XSD.validate(io.BytesIO(_qde(bare)))
    assert b"(Annotext)" not in _qde(bare) and _qde(bare).count(b"<PlainTextSelection") == 3
    project, notes = read_project(write(library, doc, "qdpx", tmp_path))
    assert {c.name for c in project.codes} == {"Bilateral ties", hostile["tag"]}
    assert [len(s.selections) for s in project.sources] == [3]
    assert any("not merged as passages" in note for note in notes)
    other = Library(tmp_path / "other.sqlite", author="Bo Coder")
    try:
        merge_project(other, project, notes)
        (merged,) = [d.id for d in other.documents()]
        assert len(other.annotations.annotations(merged)) == 3
    finally:
        other.close()


def test_a_hostile_typed_speaker_stays_text_in_csv_and_xml(corrected, tmp_path):
    """A speaker typed by the analyst is data: never a formula in CSV, never a control char in XML."""
    library, doc, quotes = corrected
    gabuev = quotes["gabuev"]
    library.apply(quote_edit(library, doc, gabuev.start, gabuev.end, speaker='=HYPERLINK("http://x")\x01'))
    (row,) = [r for r in _csv_rows(write(library, doc, "csv", tmp_path)) if int(r["start"]) == gabuev.start
              and r["layer"] == "quotation"]
    assert row["speaker"] == "'" + '=HYPERLINK("http://x")\x01'
    project = _qde(write(library, doc, "qdpx", tmp_path))
    PROJECT_XSD.validate(io.BytesIO(project))
    assert b'name="=HYPERLINK(&quot;http://x&quot;)"' in project and b"\x01" not in project


def test_speaker_codes_keep_their_guids_and_a_renamed_guid_is_still_recognised(corrected, tmp_path):
    """Code GUIDs come from the speaker's name, so every export lines up; a program that re-exports
    the project with GUIDs of its own still has its automatic trees recognised by their names."""
    from annotext.core.refi_qda import AUTOMATIC_ROOTS, SPEAKERS_ROOT, automatic_code_guid

    library, doc, _quotes = corrected
    first, second = (_qde(write(library, doc, "qdpx", tmp_path / name)) for name in ("one", "two"))

    def guids(xml):
        return {(parent.get("name"), code.get("name")): code.get("guid")
                for parent in ET.fromstring(xml).iter(f"{Q}Code") for code in parent.findall(f"{Q}Code")}

    assert guids(first) == guids(second)
    assert guids(first)[(SPEAKERS_ROOT, "Xi Jinping")] == automatic_code_guid(SPEAKERS_ROOT, "Xi Jinping")
    renamed = first
    for number, guid in enumerate(automatic_code_guid(root) for root in AUTOMATIC_ROOTS):
        assert guid.encode() in renamed
        renamed = renamed.replace(guid.encode(), b"00000000-0000-4000-8000-%012d" % number)
    path = tmp_path / "reexported.qdpx"
    with zipfile.ZipFile(path, "w") as archive, zipfile.ZipFile(tmp_path / "one" / "out.qdpx") as original:
        for member in original.namelist():
            archive.writestr(member, renamed if member == "project.qde" else original.read(member))
    project, notes = read_project(path)
    assert len(project.sources[0].selections) == 3 and any("not merged" in note for note in notes)
    assert not any("Annotext" in " ".join(code.path) for code in project.codes)


def test_cli_export_flags_choose_the_layers_of_the_data_formats(corrected, tmp_path):
    """`annotext export --no-quotes`/`--no-people` reach CSV, JSON and .qdpx as they reach reports."""
    from click.testing import CliRunner

    from annotext.cli import main

    library, doc, _quotes = corrected
    runner = CliRunner()

    def run(fmt, *flags):
        out = tmp_path / f"{fmt}{''.join(flags)}.{fmt}"
        result = runner.invoke(main, ["--db", str(library.path), "export", str(doc), "--format", fmt, "-o", str(out),
                                      *flags])
        assert result.exit_code == 0, result.output
        return out

    assert {r["layer"] for r in _csv_rows(run("csv", "--no-quotes"))} == {"passage", "person mention"}
    assert {r["layer"] for r in _csv_rows(run("csv", "--no-entities"))} == {"passage", "quotation"}
    ids = [a["id"] for a in json.loads(run("json", "--no-people").read_text(encoding="utf-8"))["first"]["items"]]
    assert any(":quotation:" in i for i in ids) and not any(":mention:" in i for i in ids)
    project = _qde(run("qdpx", "--no-quotes", "--no-people"))
    assert b"(Annotext)" not in project and project.count(b"<PlainTextSelection") == 3


def test_the_byline_names_the_analysts_who_only_corrected(annotated_library):
    """A report listing corrections never says "annotated by nobody yet": the byline's annotators are
    the coders of passages and the authors of corrections."""
    library, doc = annotated_library
    for annotation in library.annotations.annotations(doc):
        library.annotations.delete_annotation(annotation.id)
    assert build_report(library.report_items([doc]), library.annotations.tags()).annotators == []
    shown = library.stored_result(library.document(doc))
    library.annotations.author = "Cora Rector"
    library.apply(person_edit(library, doc, "rename", "Vladimir Putin", "V. Putin", known=shown.people))
    report = build_report(library.report_items([doc]), library.annotations.tags())
    assert [c.author for c in report.chapters[0].corrections] == ["Cora Rector"]
    assert report.annotators == ["Cora Rector"] and "annotated by Cora Rector" in report.byline
    assert "nobody" not in report.byline
