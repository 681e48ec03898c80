"""PDF reports (.pdf) via pypdfium2: lines joined into paragraphs across line wraps, hyphenation at
line ends undone where safe (a lower-case word continues on the next line). A short paragraph set
clearly larger than the body text is kept as a heading (core/blocks.py); a PDF has no other
structure to read."""

from __future__ import annotations

import re
from pathlib import Path
from statistics import median

from annotext.core.blocks import Block, heading_kind, line_blocks, with_blocks
from annotext.core.document import Document
from annotext.importers.errors import ImportFailed
from annotext.importers.limits import MAX_DOCUMENT_FILE_BYTES, TextBudget
from annotext.importers.source_file import open_regular, source_of

_SENTENCE_END = re.compile(r"[.!?:;”\"’)]$")
_HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])-$")


def import_pdf(path: Path) -> Document:
    """Extract the text layer of a PDF; a scanned PDF without one is refused with a clear reason."""
    import pypdfium2 as pdfium

    with open_regular(path, MAX_DOCUMENT_FILE_BYTES) as stream:
        try:
            pdf = pdfium.PdfDocument(stream)
        except pdfium.PdfiumError as error:
            raise ImportFailed(path, f"not a readable PDF ({error})") from None
        try:
            budget = TextBudget(path)
            lines: list[_Line] = []
            for index in range(len(pdf)):
                lines.extend(_page_lines(pdf[index].get_textpage(), index, budget))
            metadata = {k.lower(): v for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
        except pdfium.PdfiumError as error:
            raise ImportFailed(path, f"the PDF is damaged ({error})") from None
        finally:
            pdf.close()
    texts, sizes = _with_paragraph_gaps(lines)
    paragraphs, paragraph_sizes = join_paragraphs(texts, sizes)
    text = "\n".join(paragraphs) + "\n"
    if len(text.strip()) < 20:
        raise ImportFailed(path, "the PDF has no text layer (a scan?); run it through OCR first")
    title = metadata.get("title") or text.split("\n", 1)[0][:200]
    extra = {k: metadata[k] for k in ("author", "creationdate", "subject") if k in metadata}
    return Document(title=title.strip() or path.stem, text=text, source=source_of(path),
                    metadata=with_blocks(extra, _headings(paragraphs, paragraph_sizes)))


class _Line:
    """One visual line of a page: its characters and vertical extent (PDF units, y grows upwards)."""

    __slots__ = ("chars", "text", "top", "bottom", "page", "size")

    def __init__(self, page: int, top: float, bottom: float, size: float = 0.0):
        self.chars: list[str] = []  # joined once at the end: adding to a string is quadratic on a long line
        self.text, self.top, self.bottom, self.page = "", top, bottom, page
        self.size = size  # height of its first character's font box: the type size, whatever the glyph


def _page_lines(textpage, page: int, budget: TextBudget) -> list[_Line]:
    """Group the page's characters into visual lines by their boxes (robust to how the PDF was made).
    The page's characters count against the text limit before they are read."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    budget.take_count(count)
    chars = textpage.get_text_range(0, count)
    lines: list[_Line] = []
    current: _Line | None = None
    for index in range(min(count, len(chars))):
        ch = chars[index]
        if ch in "\r\n":
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        if top - bottom <= 0:  # generated space without a box
            if current is not None and ch == " ":
                current.chars.append(" ")
            continue
        middle = (top + bottom) / 2
        if current is None or not (current.bottom - 1 <= middle <= current.top + 1):
            loose = textpage.get_charbox(index, loose=True)
            current = _Line(page, top, bottom, loose[3] - loose[1])
            lines.append(current)
        current.chars.append(ch)
        current.top, current.bottom = max(current.top, top), min(current.bottom, bottom)
    for line in lines:
        line.text = " ".join("".join(line.chars).split())
        line.chars = []
    return [line for line in lines if line.text]


def _with_paragraph_gaps(lines: list[_Line]) -> tuple[list[str], list[float]]:
    """Insert a blank line where the space above a line is clearly larger than the usual line gap;
    with each line its type size (0 for the blank ones)."""
    gaps = [previous.bottom - line.top for previous, line in zip(lines, lines[1:]) if previous.page == line.page]
    usual = sorted(gaps)[len(gaps) // 4] if gaps else 0  # a low quantile: most gaps are line wraps
    out: list[str] = []
    sizes: list[float] = []
    for index, line in enumerate(lines):
        if index and lines[index - 1].page == line.page:
            gap = lines[index - 1].bottom - line.top
            if gap > usual * 1.6 + 2:
                out.append("")
                sizes.append(0.0)
        elif index and _SENTENCE_END.search(lines[index - 1].text):
            out.append("")  # a new page after a finished sentence: most likely a new paragraph
            sizes.append(0.0)
        out.append(line.text)
        sizes.append(line.size)
    return out, sizes


def join_paragraphs(lines: list[str], sizes: list[float]) -> tuple[list[str], list[float]]:
    """Rebuild paragraphs from visual lines: a blank line, or a short line ending a sentence, ends a
    paragraph; other line breaks are wraps. "inter-\\nnational" becomes "international". Each
    paragraph comes with the smallest type size of its lines."""
    lengths = [len(line) for line in lines if line]
    typical = median(lengths) if lengths else 0
    paragraphs: list[str] = []
    paragraph_sizes: list[float] = []
    parts: list[str] = []  # the paragraph so far, joined when it ends (joining line by line is quadratic)
    smallest = float("inf")
    for index, line in enumerate(lines):
        if not line:
            if parts:
                paragraphs.append("".join(parts))
                paragraph_sizes.append(smallest)
                parts, smallest = [], float("inf")
            continue
        smallest = min(smallest, sizes[index])
        if parts:
            if _HYPHENATED.search(_ending(parts)) and line[:1].islower():
                parts[-1] = parts[-1][:-1]
                parts.append(line)
            else:
                parts.append(" " + line)
        else:
            parts.append(line)
        short = len(line) < 0.75 * typical
        if short and _SENTENCE_END.search(line) or (short and index + 1 < len(lines) and lines[index + 1][:1].isupper()
                                                     and len(line) < 0.5 * typical):
            paragraphs.append("".join(parts))
            paragraph_sizes.append(smallest)
            parts, smallest = [], float("inf")
    if parts:
        paragraphs.append("".join(parts))
        paragraph_sizes.append(smallest)
    return paragraphs, paragraph_sizes


# A heading: at most this long, set at least 1.15x (h3), 1.3x (h2) or 1.6x (h1) the body text's size.
HEADING_MAX_CHARS = 150
_HEADING_RATIOS = ((1.6, 1), (1.3, 2), (1.15, 3))


def _headings(paragraphs: list[str], sizes: list[float]) -> list[Block]:
    """Short paragraphs set clearly larger than the body text (the size half the text is set in)."""
    weighted = sorted((size, len(text)) for text, size in zip(paragraphs, sizes) if size > 0)
    total = sum(length for _size, length in weighted)
    body, seen = 0.0, 0
    for size, length in weighted:
        seen += length
        if seen * 2 >= total:
            body = size
            break
    kinds: list[str | None] = []
    for text, size in zip(paragraphs, sizes):
        ratio = size / body if body > 0 else 0
        level = next((level for minimum, level in _HEADING_RATIOS if ratio >= minimum), None)
        kinds.append(heading_kind(level) if level and len(text) <= HEADING_MAX_CHARS else None)
    return line_blocks(paragraphs, kinds)


def _ending(parts: list[str]) -> str:
    """The last two characters of the paragraph being built (all a hyphen check needs)."""
    tail = parts[-1]
    if len(tail) < 2 and len(parts) > 1:
        tail = parts[-2][-2:] + tail
    return tail[-2:]
