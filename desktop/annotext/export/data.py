"""Data exports: CSV (one row per annotation), W3C Web Annotation JSON, spaCy/Prodigy JSONL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from annotext import __version__
from annotext.core.annotations import Annotation, Tag
from annotext.core.document import Document
from annotext.core.results import AnalysisResult

CSV_COLUMNS = ["document_id", "document_title", "annotation_id", "start", "end", "exact", "tags", "comment",
               "author", "created", "updated"]
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

Item = tuple[Document, AnalysisResult | None, list[Annotation]]


def _tag_names(annotation: Annotation, tags: dict[int, Tag]) -> list[str]:
    return [tags[t].name for t in annotation.tag_ids if t in tags]


def render_csv(items: list[Item], tags: list[Tag]) -> str:
    """One row per annotation; tags joined with "; "."""
    by_id = {t.id: t for t in tags}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for document, _result, passages in items:
        for a in passages:
            writer.writerow([document.id, document.title, a.id, a.start, a.end, a.exact,
                             "; ".join(_tag_names(a, by_id)), a.comment, a.author, a.created_at, a.updated_at])
    return out.getvalue()


def write_csv(items: list[Item], tags: list[Tag], path: Path, excel_bom: bool = False) -> None:
    """CSV in UTF-8 (with a byte-order mark when `excel_bom`, so Excel detects the encoding)."""
    path.write_text(render_csv(items, tags), encoding="utf-8-sig" if excel_bom else "utf-8", newline="")


def document_iri(document: Document) -> str:
    """The target source of a document's annotations: its file URL if it came from a file."""
    if document.source.startswith(("http://", "https://")):
        return document.source
    if document.source.startswith("/"):
        return Path(document.source).as_uri()
    return f"urn:annotext:document:{document.id}"


def w3c_annotations(items: list[Item], tags: list[Tag]) -> dict:
    """A W3C Web Annotation AnnotationCollection with one embedded AnnotationPage."""
    by_id = {t.id: t for t in tags}
    annotations = []
    for document, _result, passages in items:
        for a in passages:
            body = [{"type": "TextualBody", "purpose": "tagging", "value": name} for name in _tag_names(a, by_id)]
            if a.comment:
                body.append({"type": "TextualBody", "purpose": "commenting", "value": a.comment,
                             "format": "text/plain"})
            annotations.append({
                "id": f"urn:annotext:annotation:{document.id}:{a.id}",
                "type": "Annotation",
                "motivation": "commenting" if a.comment else "tagging",
                "created": a.created_at,
                "modified": a.updated_at,
                "creator": {"type": "Person", "name": a.author},
                "body": body,
                "target": {
                    "source": document_iri(document),
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
                        {"type": "TextPositionSelector", "start": a.start, "end": a.end},
                    ],
                },
            })
    return {
        "@context": W3C_CONTEXT,
        "id": "urn:annotext:export",
        "type": "AnnotationCollection",
        "label": f"Annotations exported by Annotext {__version__}",
        "total": len(annotations),
        "first": {"id": "urn:annotext:export:page1", "type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


def write_w3c_json(items: list[Item], tags: list[Tag], path: Path) -> None:
    """W3C Web Annotation JSON (UTF-8, indented)."""
    path.write_text(json.dumps(w3c_annotations(items, tags), ensure_ascii=False, indent=2), encoding="utf-8")


def jsonl_records(items: list[Item], tags: list[Tag]) -> list[dict]:
    """spaCy/Prodigy records: text, meta and spans (entities, QUOTE, and one span per analyst tag)."""
    by_id = {t.id: t for t in tags}
    records = []
    for document, result, passages in items:
        spans = []
        if result is not None:
            spans += [{"start": e.start, "end": e.end, "label": e.label} for e in result.entities]
            spans += [{"start": q.start, "end": q.end, "label": "QUOTE"} for q in result.quotes]
        for a in passages:
            spans += [{"start": a.start, "end": a.end, "label": name} for name in _tag_names(a, by_id)]
        spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
        records.append({"text": document.text, "meta": {"id": document.id, "title": document.title,
                                                          "source": document.source}, "spans": spans})
    return records


def write_jsonl(items: list[Item], tags: list[Tag], path: Path) -> None:
    """One JSON object per line, one line per document."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in jsonl_records(items, tags)),
                    encoding="utf-8")
