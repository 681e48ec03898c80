"""Finding direct quotations from their marks alone (no model; docs/architecture.md, "Analysis").

Handles straight and curly double quotes, curly single quotes (British style), „German“ and
«guillemet» styles; an apostrophe (it’s, leaders’) is not a closing mark; a wrong-direction closing
mark (“…“) still closes; a quotation left open at the end of a paragraph continues when the next
paragraph opens with a mark of the same family (the newspaper convention for long quotes), unless
that paragraph opens with a transcript speaker label ("WALLACE: …): then a new speaker's turn starts.
A quotation that opens its paragraph and is never closed ends with the paragraph (transcripts and
long quotes whose closing mark the paper left out).
Only outermost quotations are returned; quotes nested inside them stay part of their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotext.core.document import paragraphs

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"
_OPENERS = {"“": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "‘": SINGLE, "‚": SINGLE, "«": GUILLEMET, "»": GUILLEMET,
            '"': DOUBLE, "'": SINGLE}
MARKS = frozenset("“”„‟‘’‚«»\"'")
_LEFT_CONTEXT = set("([{—–-/") | set("“„‟‘‚«»\"'")
_RIGHT_CONTEXT = set(".,;:!?)]}—–-…/") | set("”’»«“\"'")
# "WALLACE:" / "SEN. TIM KAINE:" / "MR. O’BRIEN:" right after the opening mark of a paragraph.
SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.’'-]*[A-Z.](?:[^\S\n][A-Z][A-Z.’'-]*[A-Z.]){0,3}(?=:\s)")


@dataclass
class QuoteMarks:
    """A quotation found in the text: [start, end) includes its marks; `skip` lists the positions of
    continuation marks opening later paragraphs (not part of the content)."""

    start: int
    end: int
    family: str
    skip: list[int] = field(default_factory=list)
    closed: bool = True  # False: no closing mark, the quotation ends with its paragraph

    def content(self, text: str) -> str:
        """The quoted words without the quote marks (paragraph breaks kept)."""
        inner = text[self.start + 1:self.end - (1 if self.closed else 0)]
        if not self.skip:
            return inner
        drop = {p - self.start - 1 for p in self.skip}
        return "".join(ch for i, ch in enumerate(inner) if i not in drop)


@dataclass
class _Open:
    position: int
    family: str
    mark: str
    skip: list[int] = field(default_factory=list)


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """All outermost quotations of `text`, in order (offsets are code points into `text`)."""
    lines = paragraphs(text)
    found: list[QuoteMarks] = []
    carried: _Open | None = None
    for index, (start, end) in enumerate(lines):
        if carried is not None and speaker_label_at(text, _first_mark(text, start, end) + 1):
            _close_unclosed(text, carried, lines[index - 1], found)  # a new turn in a transcript
            carried = None
        stack: list[_Open] = [carried] if carried else []
        carried = None
        position = start
        if stack:  # continuation paragraph: skip its opening mark
            first = _first_mark(text, start, end)
            stack[0].skip.append(first)
            position = first + 1
        while position < end:
            ch = text[position]
            if ch in MARKS:
                _handle(text, position, start, end, ch, stack, found)
            position += 1
        if stack:
            outer = stack[0]
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            if nxt is not None and _opens_with(text, nxt, outer.family):
                carried = outer
            elif len(stack) == 1 and (outer.skip or outer.position == _first_mark(text, start, end)):
                _close_unclosed(text, outer, (start, end), found)
    found.sort(key=lambda q: q.start)
    return [q for q in found if any(ch.isalnum() for ch in q.content(text))]


def speaker_label_at(text: str, position: int) -> re.Match | None:
    """The transcript speaker label ("PENCE:") starting at `position`, if any."""
    match = SPEAKER_LABEL.match(text, position)
    return match if match is not None and any(ch.isalpha() for ch in match.group()) and \
        len(match.group().replace(".", "")) > 1 else None


def _close_unclosed(text: str, opened: _Open, line: tuple[int, int], found: list[QuoteMarks]) -> None:
    end = line[1]
    while end > opened.position and text[end - 1].isspace():
        end -= 1
    found.append(QuoteMarks(opened.position, end, opened.family, list(opened.skip), closed=False))


def _first_mark(text: str, start: int, end: int) -> int:
    position = start
    while position < end and text[position].isspace():
        position += 1
    return position


def _opens_with(text: str, line: tuple[int, int], family: str) -> bool:
    position = _first_mark(text, *line)
    return position < line[1] and _OPENERS.get(text[position]) == family and text[position] not in "”’"


def _handle(text: str, i: int, start: int, end: int, ch: str, stack: list[_Open], found: list[QuoteMarks]) -> None:
    prev = text[i - 1] if i > start else None
    nxt = text[i + 1] if i + 1 < end else None
    left_free = prev is None or prev.isspace() or prev in _LEFT_CONTEXT
    right_free = nxt is None or nxt.isspace() or nxt in _RIGHT_CONTEXT
    in_word = prev is not None and prev.isalnum() and nxt is not None and nxt.isalnum()
    family = _family(ch)
    open_index = _innermost(stack, family)

    if ch in "”»" or (ch == "“" and open_index is not None and right_free and not left_free) or \
            (ch in "\"" and open_index is not None and not (left_free and not right_free)) or \
            (ch == "«" and open_index is not None and stack[open_index].mark == "»" and right_free):
        # closing candidates for double/guillemet families
        if open_index is not None and not (ch == "»" and stack[open_index].mark == "»"):
            _close(stack, open_index, i, found)
            return
        if ch in "”»\"" and left_free and not right_free:
            stack.append(_Open(i, family, ch))
        return
    if ch in "’'" or (ch == "‘" and open_index is not None and right_free and not left_free):
        if open_index is None:
            if ch == "'" and left_free and nxt is not None and nxt.isalpha() and _has_closer(text, i + 1, end, "'"):
                stack.append(_Open(i, SINGLE, ch))
            return
        if in_word or not right_free:
            return
        if prev == "s" and nxt == " " and _lowercase_word_follows(text, i + 1, end) and \
                _closer_before_opener(text, i + 1, end):
            return  # plural possessive (leaders’ ties) inside a single-quoted passage
        _close(stack, open_index, i, found)
        return
    # opening marks
    if ch in "“„‟«" or (ch == '"' and left_free):
        stack.append(_Open(i, family, ch))
    elif ch in "‘‚" and (left_free or prev in _LEFT_CONTEXT) and nxt is not None and not nxt.isspace():
        if not (nxt.isdigit() and ch == "‘" and i + 2 < end and text[i + 2].isdigit()):  # the ‘90s
            stack.append(_Open(i, SINGLE, ch))


def _family(ch: str) -> str:
    if ch in "“”„‟\"":
        return DOUBLE
    if ch in "‘’‚'":
        return SINGLE
    return GUILLEMET


def _innermost(stack: list[_Open], family: str) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].family == family:
            return index
    return None


def _close(stack: list[_Open], index: int, position: int, found: list[QuoteMarks]) -> None:
    opened = stack[index]
    del stack[index:]
    if index == 0:
        found.append(QuoteMarks(opened.position, position + 1, opened.family, list(opened.skip)))


def _has_closer(text: str, start: int, end: int, marks: str) -> bool:
    for position in range(start, end):
        if text[position] in marks:
            nxt = text[position + 1] if position + 1 < end else None
            prev = text[position - 1]
            if not prev.isspace() and (nxt is None or not nxt.isalnum()):
                return True
    return False


def _closer_before_opener(text: str, start: int, end: int) -> bool:
    """A later single closing mark comes before any new single opening mark: then the mark at hand
    is a plural possessive. (Single quotes do not nest in single quotes, so an opener first means
    the mark at hand closed the quotation: "the ‘best of times’ and the ‘worst of times’".)"""
    for position in range(start, end):
        ch = text[position]
        if ch in "‘‚" and (position == 0 or text[position - 1].isspace() or text[position - 1] in _LEFT_CONTEXT):
            return False
        if ch in "’'":
            nxt = text[position + 1] if position + 1 < end else None
            if not text[position - 1].isspace() and (nxt is None or not nxt.isalnum()):
                return True
    return False


def _lowercase_word_follows(text: str, start: int, end: int) -> bool:
    position = start
    while position < end and text[position] == " ":
        position += 1
    return position < end and text[position].islower()
