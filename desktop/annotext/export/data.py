"""Data exports: CSV (one row per passage, quotation or person mention), W3C Web Annotation JSON,
spaCy/Prodigy JSONL. Each carries the analyst's passages and the automatic layer as corrected."""

from __future__ import annotations

import bisect
import csv
import io
import json
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from annotext import __version__
from annotext.core.annotations import Annotation, Tag
from annotext.core.atomic import atomic_write_text
from annotext.core.document import Document
from annotext.core.results import AnalysisResult
from annotext.export.analysis_layer import (ANALYSER, MENTION, PASSAGE, PERSON_LABEL, QUOTATION, AutoQuote,
                                            Mention, chosen_passages, mentions, quotations)
from annotext.export.report import display_source

CSV_COLUMNS = ["document_id", "document_title", "annotation_id", "start", "end", "exact", "tags", "comment",
               "author", "created", "updated",
               # appended (older readers index the first eleven): the automatic layer, as corrected
               "layer", "speaker", "kind", "corrected_by", "person"]
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
COLLECTION_ID = "urn:annotext:export"
GENERATOR = {"id": "urn:annotext:software:annotext", "type": "Software", "name": f"Annotext {__version__}",
             "nickname": "annotext"}
PAGE_ID = "urn:annotext:export:page1"

Item = tuple[Document, AnalysisResult | None, list[Annotation]]
Tokenizer = Callable[[str], tuple[str, list[tuple[int, int, bool]]]]

# OWASP "CSV Injection": a cell starting with one of these is run as a formula by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _tag_names(annotation: Annotation, tags: dict[int, Tag]) -> list[str]:
    return [tags[t].name for t in annotation.tag_ids if t in tags]


def csv_cell(value: object) -> object:
    """A text cell that a spreadsheet shows as text, never runs as a formula: OWASP's advice,
    a leading apostrophe, which Excel and LibreOffice hide and which is removed to recover the
    original (`value[1:]` when the cell starts with "'" followed by one of = + - @ tab CR)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(items: list[Item], tags: list[Tag], options=None) -> str:
    """Per document, one row per analyst passage (layer "passage"), then per quotation (speaker,
    kind "speech" or "scare") and per person mention (the canonical name), as corrected; what
    `options` leaves out is absent. Tags joined with "; "; text cells neutralised against formulas."""
    by_id = {t.id: t for t in tags}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for document, result, passages in items:
        head = [document.id, document.title]
        rows = [head + [a.id, a.start, a.end, a.exact, "; ".join(_tag_names(a, by_id)), a.comment, a.author,
                        a.created_at, a.updated_at, PASSAGE, "", "", "", ""]
                for a in chosen_passages(passages, options)]
        rows += [head + ["", q.start, q.end, q.exact, "", "", ANALYSER, "", "", QUOTATION, q.speaker or "",
                         q.kind, q.corrected_by, ""] for q in quotations(document, result, options)]
        rows += [head + ["", m.start, m.end, m.exact, "", "", ANALYSER, "", "", MENTION, "", "",
                         m.corrected_by, m.person] for m in mentions(document, result, options)]
        writer.writerows([csv_cell(value) for value in row] for row in rows)
    return out.getvalue()


def write_csv(items: list[Item], tags: list[Tag], path: Path, excel_bom: bool = False, options=None) -> None:
    """CSV in UTF-8 (with a byte-order mark when `excel_bom`, so Excel detects the encoding)."""
    atomic_write_text(path, render_csv(items, tags, options), encoding="utf-8-sig" if excel_bom else "utf-8",
                      newline="")


def is_web_source(source: str) -> bool:
    """Whether a document came from the web (its source is an http(s) URL), not from a local file."""
    return source.startswith(("http://", "https://"))


def document_iri(document: Document) -> str:
    """The target source of a document's annotations: its URL (credentials and fragment removed, as
    reports show it) if it came from the web; otherwise an IRI made from its text alone,
    `urn:annotext:document:<sha256 of the text>`: stable across libraries and machines, and never
    the analyst's folders (a file:// URL would hand them to whoever receives the export)."""
    if is_web_source(document.source):
        return display_source(document.source)
    return f"urn:annotext:document:{document.sha256}"


def w3c_source(document: Document, language: str) -> dict:
    """The document as the `source` of a W3C target: its IRI, type, format and language, its title
    as `label` (rdfs:label) and, for a local file, the file's name alone as `name` (foaf:name): both
    are terms of the Web Annotation JSON-LD context, so a JSON-LD processor keeps them."""
    source = {"id": document_iri(document), "type": "Text", "format": "text/plain", "language": language}
    if document.title:
        source["label"] = document.title
    if document.source and not is_web_source(document.source):
        source["name"] = display_source(document.source)
    return source


def model_language(result: AnalysisResult | None, default: str = "en") -> str:
    """The BCP 47 language of a text as far as Annotext knows it: the prefix of the spaCy model
    that analysed it (en_core_web_sm → en); English, the language of the models it ships for,
    otherwise."""
    name = result.model.name if result is not None else ""
    prefix = name.split("_", 1)[0]
    return prefix if "_" in name and prefix.isalpha() and 2 <= len(prefix) <= 3 else default


def creator_iri(name: str) -> str:
    """A stable IRI for an annotator: the same name always gives the same id in every export."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'annotext:user:' + name)}"


def w3c_annotations(items: list[Item], tags: list[Tag], options=None, now: str | None = None) -> dict:
    """A W3C Web Annotation AnnotationCollection with one embedded AnnotationPage, including the
    model's "should" properties: last, partOf, language and format of bodies and targets, the
    creator (with an id) and creation time of each body, the generating software.

    The analyst's passages are "tagging"/"commenting" annotations; the automatic layer follows as
    corrected: each quotation an "identifying" annotation whose "identifying" body names the speaker
    (a "classifying" body says quotation or scare quote), each person mention an "identifying"
    annotation naming the canonical person. Their creator is the Annotext software, or the analyst
    who corrected them; their `created` is the export time `now` (analyses keep no timestamp)."""
    by_id = {t.id: t for t in tags}
    now = now or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    annotations = []
    for document, result, passages in items:
        language = model_language(result)
        source = w3c_source(document, language)
        for a in chosen_passages(passages, options):
            author = a.author or "analyst"
            creator = {"id": creator_iri(author), "type": "Person", "name": author}
            common = {"format": "text/plain", "language": language, "creator": creator, "created": a.created_at}
            body = [{"type": "TextualBody", "purpose": "tagging", "value": name, **common}
                    for name in _tag_names(a, by_id)]
            if a.comment:
                body.append({"type": "TextualBody", "purpose": "commenting", "value": a.comment, **common})
            annotations.append({
                "id": f"urn:annotext:annotation:{document.id}:{a.id}",
                "type": "Annotation",
                "motivation": "commenting" if a.comment else "tagging",
                "created": a.created_at,
                "modified": a.updated_at,
                "creator": creator,
                "generator": GENERATOR,
                "body": body,
                "target": _target(source, a.exact, a.start, a.end, a.prefix, a.suffix),
            })
        text = document.text
        for q in quotations(document, result, options):
            creator = _automatic_creator(q.corrected_by)
            common = {"format": "text/plain", "language": language, "creator": creator, "created": now}
            body = [{"type": "TextualBody", "purpose": "classifying",
                     "value": "scare quote" if q.kind == "scare" else "quotation", **common}]
            if q.speaker:
                body.append({"type": "TextualBody", "purpose": "identifying", "value": q.speaker, **common})
            annotations.append(_automatic(f"urn:annotext:quotation:{document.id}:{q.start}-{q.end}", creator, now,
                                          body, _target(source, q.exact, q.start, q.end, *_context(text, q))))
        for m in mentions(document, result, options):
            creator = _automatic_creator(m.corrected_by)
            body = [{"type": "TextualBody", "purpose": "identifying", "value": m.person, "format": "text/plain",
                     "language": language, "creator": creator, "created": now}]
            annotations.append(_automatic(f"urn:annotext:mention:{document.id}:{m.start}-{m.end}", creator, now,
                                          body, _target(source, m.exact, m.start, m.end, *_context(text, m))))
    return {
        "@context": W3C_CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": f"Annotations exported by Annotext {__version__}",
        "total": len(annotations),
        "first": {"id": PAGE_ID, "type": "AnnotationPage", "partOf": COLLECTION_ID, "startIndex": 0,
                  "items": annotations},
        "last": PAGE_ID,
    }


CONTEXT_CHARS = 32  # prefix and suffix of a TextQuoteSelector: enough to tell repeated words apart


def _context(text: str, span: AutoQuote | Mention) -> tuple[str, str]:
    return text[max(0, span.start - CONTEXT_CHARS):span.start], text[span.end:span.end + CONTEXT_CHARS]


def _target(source: dict, exact: str, start: int, end: int, prefix: str, suffix: str) -> dict:
    return {"type": "SpecificResource", "source": source, "selector": [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]}


def _automatic_creator(corrected_by: str) -> dict:
    """The analyser (a Software agent) for what the model found; the analyst for what they corrected."""
    if corrected_by:
        return {"id": creator_iri(corrected_by), "type": "Person", "name": corrected_by}
    return {"id": "urn:annotext:software:analyser", "type": "Software", "name": ANALYSER}


def _automatic(iri: str, creator: dict, now: str, body: list[dict], target: dict) -> dict:
    """An annotation of the automatic layer: "identifying" when a body names someone, else (a scare
    quote, a quotation without a speaker) "classifying"."""
    identifies = any(b["purpose"] == "identifying" for b in body)
    return {"id": iri, "type": "Annotation", "motivation": "identifying" if identifies else "classifying",
            "created": now, "creator": creator, "generator": GENERATOR, "body": body, "target": target}


def write_w3c_json(items: list[Item], tags: list[Tag], path: Path, options=None) -> None:
    """W3C Web Annotation JSON (UTF-8, indented)."""
    atomic_write_text(path, json.dumps(w3c_annotations(items, tags, options), ensure_ascii=False, indent=2))


def _snap(start: int, end: int, starts: list[int], ends: list[int]) -> tuple[int, int] | None:
    """The smallest run of whole tokens covering [start, end) (token indices, end exclusive)."""
    first = bisect.bisect_right(ends, start)  # first token ending after `start`
    last = bisect.bisect_left(starts, end)  # tokens before this one start before `end`
    return (first, last) if first < last else None


def jsonl_records(items: list[Item], tags: list[Tag], tokenize: Tokenizer) -> list[dict]:
    """spaCy/Prodigy records, one per document, in Prodigy's documented task format: `text` (as the
    model read it: the document with mistyped apostrophes corrected, same length, so every offset
    also fits the original, which `meta.normalised` flags), `tokens` (the model's tokens), `spans`
    (the entities alone, never overlapping: what `ner.manual`, `ner.correct` and `data-to-spacy --ner`
    read), `spancat_spans` (every span, overlapping allowed: entities, QUOTE and one per analyst tag:
    the `spans` of a `spans.manual`/spancat task, under a key of its own because both formats call
    it `spans`) and `meta`.

    The analysis is carried as the analyst corrected it: a PERSON entity has the canonical `person`
    (renames and merges applied), a QUOTE its `speaker` (None for a scare quote or an unattributed
    quotation) and `kind` ("speech" or "scare"); Prodigy and spaCy ignore keys they do not know.
    Every span lies on token boundaries: entities already do; quotations and passages an analyst
    drew through the middle of a word are widened to the whole tokens."""
    by_id = {t.id: t for t in tags}
    records = []
    for document, result, passages in items:
        text, bounds = tokenize(document.text)
        tokens = [{"text": text[s:e], "start": s, "end": e, "id": i, "ws": ws}
                  for i, (s, e, ws) in enumerate(bounds)]
        starts, ends = [s for s, _e, _w in bounds], [e for _s, e, _w in bounds]

        def span(start: int, end: int, label: str, source: str, extra: dict) -> dict | None:
            snapped = _snap(start, end, starts, ends)
            if snapped is None:
                return None
            first, last = snapped
            return {"start": starts[first], "end": ends[last - 1], "token_start": first,
                    "token_end": last - 1, "label": label, "source": source, **extra}

        raw = []
        if result is not None:
            raw += [(e.start, e.end, e.label, _source(e), _entity_extra(e)) for e in result.entities]
            raw += [(q.start, q.end, "QUOTE", _source(q), {"speaker": shown.speaker, "kind": shown.kind})
                    for q, shown in zip(result.quotes, quotations(document, result), strict=True)]
        for a in passages:
            if not a.orphaned:
                raw += [(a.start, a.end, name, "analyst", {}) for name in _tag_names(a, by_id)]
        spans = [s for s in (span(*r) for r in raw) if s is not None]
        spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
        spans = [s for i, s in enumerate(spans) if i == 0 or s != spans[i - 1]]
        records.append({"text": text, "tokens": tokens,
                        "spans": _non_overlapping([s for s in spans if s["source"] in ("model", "correction")
                                                   and s["label"] != "QUOTE"]),
                        "spancat_spans": spans,
                        "meta": {"id": document.id, "title": document.title,
                                 "source": display_source(document.source), "normalised": text != document.text}})
    return records


def _entity_extra(entity) -> dict:
    """A PERSON entity's canonical person as corrected (renamed, merged); nothing for other labels."""
    person = entity.attrs.get("person")
    return {"person": person} if entity.label == PERSON_LABEL and person else {}


def _source(span) -> str:
    """"model", or "correction" for an entity or quotation the analyst corrected or added."""
    return "correction" if span.attrs.get("corrected") else "model"


def _non_overlapping(spans: list[dict]) -> list[dict]:
    """Entities for ner: longest first where two overlap, as spaCy's filter_spans does."""
    chosen: list[dict] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s["end"] - s["start"]), s["start"])):
        cover = set(range(s["token_start"], s["token_end"] + 1))
        if not cover & taken:
            chosen.append(s)
            taken |= cover
    return sorted(chosen, key=lambda s: s["start"])


def write_jsonl(items: list[Item], tags: list[Tag], path: Path, tokenize: Tokenizer) -> None:
    """One JSON object per line, one line per document."""
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                    for r in jsonl_records(items, tags, tokenize)))
