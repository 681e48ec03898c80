"""Markdown report: readable as plain text (passages as block quotes with their tags and comments)."""

from __future__ import annotations

import re
from pathlib import Path

from annotext.export.report import Chapter, Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md_escape(text: str) -> str:
    """Escape Markdown (and inline HTML) syntax so article text is shown, not interpreted."""
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str) -> str:
    return md_escape(" ".join(str(text).split()))


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    lines = [f"# {md_escape(report.title)}", "", f"_Annotated report · {report.created_at} · {report.generator}_", ""]
    for number, chapter in enumerate(report.chapters, start=1):
        if len(report.chapters) > 1:
            lines += [f"## {number}. {md_escape(chapter.title)}", ""]
        lines += _chapter(chapter)
    if report.codebook:
        lines += ["## Codebook", "", "| Tag | Key | Description |", "|---|---|---|"]
        for entry in report.codebook:
            indent = "— " * entry.depth
            lines.append(f"| {indent}{_cell(entry.name)} | {entry.shortcut or ''} | {_cell(entry.description)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _chapter(chapter: Chapter) -> list[str]:
    lines = [f"Source: {md_escape(chapter.source or '—')} · language model: {md_escape(chapter.model)}", ""]
    for paragraph in chapter.paragraphs:
        if paragraph.heading and not any(s.passages for s in paragraph.segments):
            continue  # the title is already the heading
        text = "".join(
            "".join(f"[{n}]" for n in s.opens) + md_escape(s.text) for s in paragraph.segments)
        lines += [f"**{text}**" if paragraph.heading else text, ""]
    if chapter.passages:
        lines += ["### Tagged passages", ""]
        for p in chapter.passages:
            tags = ", ".join(md_escape(t) for t in p.tags) or "no tag"
            lines.append(f"**[{p.number}]** _{tags}_ ({md_escape(p.author)}, {p.updated_at[:10]})")
            lines.append("")
            lines += [f"> {md_escape(line)}" for line in p.exact.split("\n")]
            lines.append("")
            if p.comment:
                lines += [f"Comment: {md_escape(p.comment)}", ""]
    if chapter.tag_summary:
        lines += ["### Tags", "", "| Tag | Passages | Numbers |", "|---|---:|---|"]
        lines += [f"| {_cell(t.name)} | {t.count} | {', '.join(map(str, t.passages))} |" for t in chapter.tag_summary]
        lines.append("")
    if chapter.people:
        lines += ["### People", "", "| Person | Also called | Mentions | Quotes | Words quoted |", "|---|---|---:|---:|---:|"]
        lines += [f"| {_cell(p.name)} | {_cell(', '.join(p.aliases))} | {p.mentions} | {p.quotes} | {p.quoted_words} |"
                  for p in chapter.people]
        lines.append("")
    if chapter.quote_groups:
        lines += ["### Quotations by speaker", ""]
        for group in chapter.quote_groups:
            lines += [f"**{md_escape(group.speaker)}** ({len(group.quotes)}, {group.words} words)", ""]
            for quote in group.quotes:
                cue = f" — _{md_escape(quote['cue'])}_" if quote["cue"] else ""
                lines += [f"> “{md_escape(' '.join(quote['text'].split()))}”{cue}", ""]
    return lines


def write_markdown(report: Report, path: Path) -> None:
    """Write the Markdown report (UTF-8)."""
    path.write_text(render_markdown(report), encoding="utf-8")
