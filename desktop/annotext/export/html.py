"""HTML report: one self-contained file (inline CSS, no scripts, no network references), printable,
light or dark following the reader's system setting.

Rendered by jinja2 with autoescaping on, so article text, tag names and comments are always text.
Every colour painted behind text goes through core.contrast.highlight_fill (WCAG AA for all inks).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from annotext.core import contrast
from annotext.core.atomic import atomic_write_text
from annotext.core.palette import average_colour, colour_for
from annotext.export.report import Chapter, Report, Segment, breakable_pieces

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=False,
    lstrip_blocks=False,
)
INKS = SimpleNamespace(light=contrast.LIGHT_INK, dark=contrast.DARK_INK, marker=contrast.LIGHT_MARKER_INK,
                       dark_marker=contrast.DARK_MARKER_INK, dark_page=contrast.DARK_PAGE, bar="#8e241b")


def segment_colour(chapter: Chapter, segment: Segment, blend_passages: bool) -> str | None:
    """The highlight colour behind a segment: its entity's, else (where a format cannot draw
    stripes) the blend of every passage covering it, so an overlap shows as a colour of its own."""
    if segment.entity:
        return colour_for(segment.entity)
    if blend_passages and segment.passages:
        return average_colour([chapter.passage(n).colour for n in segment.passages])
    return None


def report_colours(report: Report, blend_passages: bool) -> list[str]:
    """Every colour the report paints behind text (entities, tags, passage blends)."""
    colours = set()
    for chapter in report.chapters:
        colours.update(colour for _label, _name, colour, _count in chapter.entity_legend)
        colours.update(row.colour for row in chapter.tag_summary)
        for paragraph in chapter.paragraphs:
            for segment in paragraph.segments:
                colour = segment_colour(chapter, segment, blend_passages)
                if colour:
                    colours.add(colour)
    return sorted(colours)


def column_widths(header: list[str], rows: list[list[object]]) -> list[int]:
    """Column widths in percent, by content: each column gets room in proportion to its longest
    entry (header included), capped so one long comment cannot squeeze every other column."""
    def length(value: object) -> int:
        text = Markup(value).striptags() if isinstance(value, Markup) else str(value)
        return max((len(line) for line in text.split("\n")), default=0)

    weights = []
    for column, title in enumerate(header):
        longest = max([length(title)] + [length(row[column]) for row in rows if column < len(row)])
        weights.append(min(max(longest, len(title) + 3, 6), 48))
    total = sum(weights) or 1
    widths = [max(6, round(100 * w / total)) for w in weights]
    widths[widths.index(max(widths))] += 100 - sum(widths)
    return widths


def render_html(report: Report, for_qt: bool = False) -> str:
    """The report as an HTML string; `for_qt` uses only what Qt's rich-text engine understands (PDF)."""
    separator = Markup("&#8203;") if for_qt else Markup("<wbr>")

    def breakable(text: str) -> Markup:
        return separator.join(escape(piece) for piece in breakable_pieces(text or ""))

    def multiline(text: str) -> Markup:
        """Text whose line breaks stay line breaks (comments, descriptions, passages)."""
        return Markup("<br>").join(breakable(line) for line in (text or "").split("\n"))

    def indent(depth: int) -> Markup:
        """The codebook's nesting: an indent and a hook per level below the top."""
        return Markup("&nbsp;" * 4 * depth + "↳&nbsp;") if depth else Markup("")

    fills = {colour: SimpleNamespace(light=contrast.highlight_fill(colour),
                                     dark=contrast.highlight_fill(colour, dark=True))
             for colour in report_colours(report, blend_passages=for_qt)}
    return ENVIRONMENT.get_template("report.html.j2").render(
        report=report, for_qt=for_qt, fills=fills, ink=INKS, comment_text=breakable, multiline=multiline,
        indent=indent, column_widths=column_widths,
        segment_fill=lambda chapter, segment: segment_colour(chapter, segment, for_qt))


def write_html(report: Report, path: Path) -> None:
    """Write the HTML report (UTF-8), atomically."""
    atomic_write_text(path, render_html(report))
