"""Merging another analyst's work: from an Annotext library and from a REFI-QDA .qdpx built by
hand from the standard (urn:QDA-XML:project:1.0), not by our own exporter."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from annotext.application.library import Library
from annotext.application.merge import merge_project
from annotext.importers.errors import ImportFailed
from annotext.importers.refi_project import read_project
from annotext.storage.foreign_library import read_library

TEXT = ("Minister Ada Reyes said: \"We will build the bridge.\"\n"
        "The opposition called it \"a folly\" and demanded a vote.\n")

QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Team study" origin="QualCoder 3.5">
  <Users>
    <User guid="11111111-1111-4111-8111-111111111111" name="Bea"/>
    <User guid="22222222-2222-4222-8222-222222222222" name="Cal"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="aaaaaaaa-0000-4000-8000-000000000001" name="Policy" isCodable="true" color="#88CCEE">
        <Code guid="aaaaaaaa-0000-4000-8000-000000000002" name="Infrastructure" isCodable="true" color="#DDCC77"/>
      </Code>
      <Code guid="aaaaaaaa-0000-4000-8000-000000000003" name="Criticism" isCodable="true" color="#CC6677"/>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="bbbbbbbb-0000-4000-8000-000000000001" name="Bridge story" plainTextPath="internal://bbbbbbbb-0000-4000-8000-000000000001.txt">
      <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000001" name="build" startPosition="{s1}" endPosition="{e1}" creatingUser="11111111-1111-4111-8111-111111111111" creationDateTime="2026-03-01T10:00:00Z">
        <Description>Strong commitment</Description>
        <Coding guid="dddddddd-0000-4000-8000-000000000001" creatingUser="11111111-1111-4111-8111-111111111111" creationDateTime="2026-03-01T10:00:00Z">
          <CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000002"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000002" name="folly" startPosition="{s2}" endPosition="{e2}" creatingUser="22222222-2222-4222-8222-222222222222" creationDateTime="2026-03-02T11:00:00Z">
        <Coding guid="dddddddd-0000-4000-8000-000000000002" creatingUser="22222222-2222-4222-8222-222222222222" creationDateTime="2026-03-02T11:00:00Z">
          <CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000003"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="bbbbbbbb-0000-4000-8000-000000000002" name="A scan" path="internal://scan.pdf"/>
  </Sources>
</Project>
"""


def _qdpx(path: Path, text: str = TEXT) -> Path:
    s1 = text.index("We will build")
    s2 = text.index("a folly")
    xml = QDE.format(s1=s1, e1=s1 + len("We will build the bridge."), s2=s2, e2=s2 + len("a folly"))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml)
        archive.writestr("sources/bbbbbbbb-0000-4000-8000-000000000001.txt", text)
    return path


def _fingerprint(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


def test_qdpx_from_another_tool_is_read_by_the_standard(tmp_path):
    project, notes = read_project(_qdpx(tmp_path / "team.qdpx"))
    assert [c.path for c in project.codes] == [("Policy",), ("Policy", "Infrastructure"), ("Criticism",)]
    [source] = project.sources
    assert source.text == TEXT
    first, second = source.selections
    assert (first.coder, TEXT[first.start:first.end], first.comment) == ("Bea", "We will build the bridge.",
                                                                        "Strong commitment")
    assert (second.coder, TEXT[second.start:second.end]) == ("Cal", "a folly")
    assert notes == ["PDFSource A scan: not a text source, skipped"]


def test_merging_a_qdpx_adds_documents_codes_and_passages_once(library, tmp_path):
    path = _qdpx(tmp_path / "team.qdpx")
    before = _fingerprint(path)
    project, notes = read_project(path)
    summary = merge_project(library, project, notes)
    assert (summary.documents_added, summary.codes_added, summary.passages_added) == (1, 3, 2)
    assert summary.coders == {"Bea", "Cal"}
    [document] = library.documents()
    passages = library.annotations.annotations(document.id)
    tags = {t.id: t.name for t in library.annotations.tags()}
    assert [(p.exact, p.author, [tags[t] for t in p.tag_ids], p.comment, p.created_at[:10]) for p in passages] == [
        ("We will build the bridge.", "Bea", ["Infrastructure"], "Strong commitment", "2026-03-01"),
        ("a folly", "Cal", ["Criticism"], "", "2026-03-02")]
    parent = next(t for t in library.annotations.tags() if t.name == "Policy")
    assert next(t for t in library.annotations.tags() if t.name == "Infrastructure").parent_id == parent.id
    again = merge_project(library, read_project(path)[0])
    assert (again.documents_matched, again.passages_added, again.codes_added, again.passages_present) == (1, 0, 0, 2)
    assert len(library.annotations.annotations(document.id)) == 2
    assert _fingerprint(path) == before


def test_codebook_clash_is_reported_and_resolved_to_our_tag(library, tmp_path):
    ours = library.annotations.store_tag(library.annotations.new_tag("Criticism", "#123456"))
    summary = merge_project(library, read_project(_qdpx(tmp_path / "team.qdpx"))[0])
    assert summary.codes_added == 2 and summary.codes_matched == 1
    assert len(summary.clashes) == 1 and "Criticism" in summary.clashes[0]
    [document] = library.documents()
    folly = next(p for p in library.annotations.annotations(document.id) if p.exact == "a folly")
    assert folly.tag_ids == [ours.id]
    assert next(t for t in library.annotations.tags() if t.name == "Criticism").guid == ours.guid


def test_edited_version_is_reanchored_and_unplaceable_passages_are_orphans(library, tmp_path):
    edited = TEXT.replace("Minister Ada Reyes said", "On Monday the minister, Ada Reyes, said").replace(
        "called it \"a folly\" and ", "")
    doc_id = library.add_document(__import__("annotext.core.document", fromlist=["Document"]).Document(
        title="Bridge story", text=edited))
    summary = merge_project(library, read_project(_qdpx(tmp_path / "team.qdpx"))[0])
    assert (summary.documents_reanchored, summary.passages_added, summary.orphans) == (1, 1, 1)
    passages = library.annotations.annotations(doc_id)
    placed = [p for p in passages if not p.orphaned]
    assert [edited[p.start:p.end] for p in placed] == ["We will build the bridge."]
    assert [p.exact for p in passages if p.orphaned] == ["a folly"]
    again = merge_project(library, read_project(tmp_path / "team.qdpx")[0])
    assert (again.passages_added, again.orphans) == (0, 0)


def test_merging_another_annotext_library_keeps_coders_and_never_touches_it(library, tmp_path):
    other_path = tmp_path / "other.sqlite"
    other = Library(other_path, author="Dana")
    doc_id = other.add_document(__import__("annotext.core.document", fromlist=["Document"]).Document(
        title="Bridge story", text=TEXT))
    tag = other.annotations.store_tag(other.annotations.new_tag("Policy"))
    child = other.annotations.store_tag(other.annotations.new_tag("Bridges", parent_id=tag.id))
    start = TEXT.index("We will")
    other.annotations.store_annotation(other.annotations.new_annotation(doc_id, start, start + 7, [child.id], "note"))
    other.db.conn.close()  # leaves a WAL beside it, as a running app would
    before = {p.name: _fingerprint(p) for p in tmp_path.iterdir() if p.name.startswith("other")}
    summary = merge_project(library, read_library(other_path))
    assert (summary.documents_added, summary.codes_added, summary.passages_added) == (1, 2, 1)
    [document] = library.documents()
    [passage] = library.annotations.annotations(document.id)
    assert (passage.exact, passage.author, passage.comment) == ("We will", "Dana", "note")
    assert merge_project(library, read_library(other_path)).passages_added == 0
    after = {p.name: _fingerprint(p) for p in tmp_path.iterdir() if p.name.startswith("other")}
    assert after == before


@pytest.mark.parametrize("content, problem", [
    (b"", "the file is empty"),
    (b"PK\x03\x04 broken", "not a readable .qdpx"),
])
def test_bad_qdpx_is_one_clear_line(tmp_path, content, problem):
    path = tmp_path / "bad.qdpx"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=problem):
        read_project(path)


def test_qdpx_without_project_or_with_xxe_is_refused(tmp_path):
    empty = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ImportFailed, match="no project.qde"):
        read_project(empty)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    hostile = tmp_path / "xxe.qdpx"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("project.qde", f"""<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
<TextSource guid="s" name="t"><PlainTextContent>&x;</PlainTextContent></TextSource></Sources></Project>""")
    project, _notes = read_project(hostile)
    assert "TOP SECRET" not in project.sources[0].text


def test_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.qdpx"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_project(fifo)


def test_the_open_library_its_side_files_and_backups_are_never_read_as_the_other_work(library):
    from annotext.application.merge import read_other_work
    from annotext.storage.errors import LibraryTargetError

    backup = library.backup()
    for target in (library.path, library.path.with_name(library.path.name + "-wal"), backup):
        with pytest.raises(LibraryTargetError):
            read_other_work(target, library.path)
