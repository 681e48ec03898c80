"""The structure kept from import belongs to one text: a replaced text brings its own, never the old
one's ranges over new words, and undo puts the old one back."""

import docx

from annotext.application.document_edits import ReplaceText
from annotext.core.blocks import Block, blocks_of
from annotext.importers import import_file


def _docx(path, paragraphs):
    word = docx.Document()
    for text, style in paragraphs:
        word.add_paragraph(text, style=style)
    word.save(path)
    return path


def _shown(library, doc_id):
    document = library.document(doc_id)
    return [(b.kind, document.text[b.start:b.end]) for b in blocks_of(document.metadata, document.text)]


def test_replaced_text_brings_its_structure_and_undo_restores_the_old(library, tmp_path):
    first = _docx(tmp_path / "v1.docx", [("Report", None), ("Background", "Heading 2"), ("One point", "List Bullet")])
    doc_id = library.import_file(first)
    library.repo.update_document_info(doc_id, "Report", "", {**library.document(doc_id).metadata, "author": "Kim"})
    assert _shown(library, doc_id) == [("h2", "Background"), ("li", "One point")]
    second = import_file(_docx(tmp_path / "v2.docx", [("Report", None), ("A longer introduction first.", None),
                                                      ("Said plainly.", "Quote")]))
    edit = ReplaceText(doc_id, second.text, new_blocks=blocks_of(second.metadata, second.text))
    library.apply(edit)
    assert _shown(library, doc_id) == [("blockquote", "Said plainly.")]
    assert library.document(doc_id).metadata["author"] == "Kim"  # the rest of the metadata stays
    plain = ReplaceText(doc_id, "Report\nNo structure at all.\n")
    library.apply(plain)
    assert "blocks" not in library.document(doc_id).metadata
    library.revert(plain)
    assert _shown(library, doc_id) == [("blockquote", "Said plainly.")]
    library.revert(edit)
    assert _shown(library, doc_id) == [("h2", "Background"), ("li", "One point")]


def test_newer_version_from_the_same_place_replaces_the_structure(library, tmp_path):
    path = _docx(tmp_path / "notes.docx", [("Notes", None), ("Old heading", "Heading 1")])
    doc_id = library.import_file(path)
    _docx(path, [("Notes", None), ("Intro line", None), ("New heading", "Heading 3")])
    assert library.import_file(path) == doc_id
    assert _shown(library, doc_id) == [("h3", "New heading")]
    document = library.document(doc_id)
    assert blocks_of(document.metadata, document.text) == [Block(17, 28, "h3")]
