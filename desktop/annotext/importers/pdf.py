"""PDF reports (.pdf) via pypdfium2: lines joined into paragraphs across line wraps, hyphenation at
line ends undone where safe (a lower-case word continues on the next line)."""

from __future__ import annotations

import re
from pathlib import Path
from statistics import median

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
    text = join_lines(_with_paragraph_gaps(lines))
    if len(text.strip()) < 20:
        raise ImportFailed(path, "the PDF has no text layer (a scan?); run it through OCR first")
    title = metadata.get("title") or text.split("\n", 1)[0][:200]
    extra = {k: metadata[k] for k in ("author", "creationdate", "subject") if k in metadata}
    return Document(title=title.strip() or path.stem, text=text, source=source_of(path), metadata=extra)


class _Line:
    """One visual line of a page: its characters and vertical extent (PDF units, y grows upwards)."""

    __slots__ = ("chars", "text", "top", "bottom", "page")

    def __init__(self, page: int, top: float, bottom: float):
        self.chars: list[str] = []  # joined once at the end: adding to a string is quadratic on a long line
        self.text, self.top, self.bottom, self.page = "", top, bottom, page


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
            current = _Line(page, top, bottom)
            lines.append(current)
        current.chars.append(ch)
        current.top, current.bottom = max(current.top, top), min(current.bottom, bottom)
    for line in lines:
        line.text = " ".join("".join(line.chars).split())
        line.chars = []
    return [line for line in lines if line.text]


def _with_paragraph_gaps(lines: list[_Line]) -> list[str]:
    """Insert a blank line where the space above a line is clearly larger than the usual line gap."""
    gaps = [previous.bottom - line.top for previous, line in zip(lines, lines[1:]) if previous.page == line.page]
    usual = sorted(gaps)[len(gaps) // 4] if gaps else 0  # a low quantile: most gaps are line wraps
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and lines[index - 1].page == line.page:
            gap = lines[index - 1].bottom - line.top
            if gap > usual * 1.6 + 2:
                out.append("")
        elif index and _SENTENCE_END.search(lines[index - 1].text):
            out.append("")  # a new page after a finished sentence: most likely a new paragraph
        out.append(line.text)
    return out


def join_lines(lines: list[str]) -> str:
    """Rebuild paragraphs from visual lines: a blank line, or a short line ending a sentence, ends a
    paragraph; other line breaks are wraps. "inter-\\nnational" becomes "international"."""
    lengths = [len(line) for line in lines if line]
    typical = median(lengths) if lengths else 0
    paragraphs: list[str] = []
    parts: list[str] = []  # the paragraph so far, joined when it ends (joining line by line is quadratic)
    for index, line in enumerate(lines):
        if not line:
            if parts:
                paragraphs.append("".join(parts))
                parts = []
            continue
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
            parts = []
    if parts:
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs) + "\n"


def _ending(parts: list[str]) -> str:
    """The last two characters of the paragraph being built (all a hyphen check needs)."""
    tail = parts[-1]
    if len(tail) < 2 and len(parts) > 1:
        tail = parts[-2][-2:] + tail
    return tail[-2:]
