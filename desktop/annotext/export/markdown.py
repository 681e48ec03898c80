"""Markdown report: readable as plain text (passages as block quotes with their tags and comments)."""

from __future__ import annotations

import re
from pathlib import Path

from annotext.core.atomic import atomic_write_text
from annotext.export.report import Chapter, Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!&~])")
# What makes a line start a block: a list bullet or number, a setext underline or rule, a fence.
_BLOCK_START = re.compile(r"^([-+=~]|\d{1,9}(?=[.)]))")


def md_escape(text: str) -> str:
    """Escape Markdown (and inline HTML) syntax so article text is shown, not interpreted."""
    return _SPECIAL.sub(r"\\\1", text)


def md_line(line: str) -> str:
    """One line of text as a Markdown line that cannot start a block of its own: inline syntax
    escaped, leading spaces (indented code) dropped, a leading bullet, number, rule or fence
    escaped."""
    escaped = md_escape(line.lstrip(" \t"))
    match = _BLOCK_START.match(escaped)
    if match:
        end = match.end()
        escaped = (escaped[:end] + "\\" + escaped[end:]) if match.group().isdigit() else "\\" + escaped
    return escaped


def md_quote(text: str, first: str = "") -> list[str]:
    """`text` of any number of lines as one block quote whose lines stay lines (hard breaks) and
    cannot open headings, lists, code blocks or rules; `first` is Markdown put before line one."""
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        body = (first if index == 0 else "") + md_line(line)
        out.append(f"> {body}  " if index < len(lines) - 1 and line.strip() else f"> {body}".rstrip())
    return out


def _cell(text: str) -> str:
    return md_escape(" ".join(str(text).split()))


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    lines = [f"# {md_escape(report.title)}", "", f"_{md_escape(report.byline)}_", ""]
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
        text = md_line("".join(
            "".join(f"[{n}] " for n in s.opens) + s.text for s in paragraph.segments))
        lines += [f"**{text}**" if paragraph.heading else text, ""]
    if chapter.passages:
        lines += ["### Tagged passages", ""]
        for p in chapter.passages:
            tags = ", ".join(md_escape(t) for t in p.tags) or "no tag"
            lines.append(f"**[{p.number}]** _{tags}_ ({md_escape(p.author)}, {p.updated_at[:10]})")
            lines.append("")
            lines += md_quote(p.exact)
            lines.append("")
            if p.comment:
                lines += md_quote(p.comment, first="**Comment:** ")
                lines.append("")
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
    if chapter.corrections:
        lines += ["### Corrected by the analyst", "", "| About | Correction | By | When |", "|---|---|---|---|"]
        lines += [f"| {_cell(c.subject)} | {_cell(c.change)} | {_cell(c.author)} | {_cell(c.when[:16].replace('T', ' '))} |"
                  for c in chapter.corrections]
        lines.append("")
    return lines


def write_markdown(report: Report, path: Path) -> None:
    """Write the Markdown report (UTF-8)."""
    atomic_write_text(path, render_markdown(report))
