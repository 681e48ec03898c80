"""The corpus charts, drawn once with matplotlib for both the GUI (its QtAgg canvas takes the same
Figure) and the reports (SVG, PDF or PNG), so the two never disagree.

matplotlib is imported inside the functions: never at start-up. Figures are built without pyplot
(no global state, safe in a worker thread). Every bar carries its count, organisations are marked
"(org.)" and hatched, and described speakers ("a spokesman") "(unnamed)".
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from annotext.core.corpus import ORGANISATION, OTHER, CorpusPerson, TagBySource, TimePoint
from annotext.core.terminal_text import for_terminal

# The bundle leaves out matplotlib's 3-D toolkit, which no chart uses: no warning about it. (Every
# matplotlib import of the app comes after this module is loaded.)
warnings.filterwarnings("ignore", message="Unable to import Axes3D")

PERSON_COLOUR = "#3b75af"
ORG_COLOUR = "#c26a2e"
OTHER_COLOUR = "#8a8a8a"
MENTION_COLOUR = "#7aa6d6"
QUOTE_COLOUR = "#d1495b"


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours of the figure around the data: light for print, dark for a dark desktop."""

    background: str = "#ffffff"
    text: str = "#1f1f1f"
    grid: str = "#d9d9d9"
    heat: str = "Blues"


LIGHT = Theme()
DARK = Theme("#1f2124", "#e8e8e8", "#44474c", "cividis")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of the share-of-voice chart: what it says and how long it is."""

    label: str
    words: int
    quotes: int
    share: float
    kind: str


def share_of_voice_bars(people: list[CorpusPerson], top: int = 15) -> list[Bar]:
    """The top `top` speakers by words quoted, as the chart draws them (largest first)."""
    speakers = sorted((p for p in people if p.quoted_words), key=lambda p: (-p.quoted_words, p.name))[:top]
    suffix = {ORGANISATION: " (org.)", OTHER: " (unnamed)"}
    return [Bar(shown(p.name) + suffix.get(p.kind, ""), p.quoted_words, p.quotes, p.share, p.kind) for p in speakers]


def shown(text: str) -> str:
    """A name, tag or source as a chart shows it: control characters and bidirectional overrides as
    visible escapes (they could hide or reorder a label), everything else as written."""
    return for_terminal(text)


def _figure(width: float, height: float, theme: Theme):
    import matplotlib
    from matplotlib.figure import Figure

    # Names and tags are text, never TeX: "$5 Fund $" must not be parsed as mathematics.
    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["text.usetex"] = False

    # Margins are set from the labels (_fit), not by a layout engine: drawing stays fast with many bars.
    return Figure(figsize=(width, height), dpi=100, facecolor=theme.background)


def _fit(figure, labels: list[str], bottom: float = 0.5, top: float = 0.35, right: float = 0.15) -> None:
    """Room on the left for the longest label (inches, 9-point text), and the given other margins."""
    width, height = figure.get_size_inches()
    left = min(width * 0.5, 0.3 + 0.078 * max((len(label) for label in labels), default=2))
    figure.subplots_adjust(left=left / width, right=1 - right / width, bottom=min(0.45, bottom / height),
                           top=1 - top / height)


def _style(axes, theme: Theme) -> None:
    axes.set_facecolor(theme.background)
    for spine in axes.spines.values():
        spine.set_color(theme.grid)
    axes.tick_params(colors=theme.text, labelsize=9)
    axes.title.set_color(theme.text)
    axes.xaxis.label.set_color(theme.text)
    axes.yaxis.label.set_color(theme.text)


def share_of_voice_figure(people: list[CorpusPerson], top: int = 15, theme: Theme = LIGHT, width: float = 7.0):
    """Horizontal bars: words quoted per speaker, labelled with quotations, words and share."""
    bars = share_of_voice_bars(people, top)
    figure = _figure(width, max(2.4, 0.38 * len(bars) + 1.4), theme)
    axes = figure.add_subplot()
    _style(axes, theme)
    total = sum(p.quoted_words for p in people)
    # On the figure, not the axes: the axes start after the longest name, and a title there was cut off on the right.
    figure.text(0.015, 0.985, f"Share of voice: words quoted\ntop {len(bars)} of "
                f"{sum(1 for p in people if p.quoted_words)} speakers · {total:,} words in all",
                fontsize=10, ha="left", va="top", color=theme.text)
    if not bars:
        axes.text(0.5, 0.5, "No attributed quotations in this selection", ha="center", va="center",
                  color=theme.text, transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    positions = list(range(len(bars)))[::-1]
    colours = [ORG_COLOUR if b.kind == ORGANISATION else OTHER_COLOUR if b.kind == OTHER else PERSON_COLOUR
               for b in bars]
    drawn = axes.barh(positions, [b.words for b in bars], color=colours,
                      hatch=[("//" if b.kind == ORGANISATION else "") for b in bars], edgecolor=theme.background)
    axes.set_yticks(positions, [b.label for b in bars])
    axes.bar_label(drawn, labels=[f"{b.words:,} words · {b.quotes} quot. · {b.share:.1f}%" for b in bars],
                   padding=3, fontsize=8, color=theme.text)
    _fit(figure, [b.label for b in bars], bottom=0.5, top=0.55)
    box = figure.subplotpars
    plot_px = (box.right - box.left) * figure.get_size_inches()[0] * figure.dpi
    longest = max(len(f"{b.words:,} words · {b.quotes} quot. · {b.share:.1f}%") for b in bars)
    axes.set_xlim(0, max(b.words for b in bars) * (1 + max(0.2, 5.6 * longest / max(plot_px - 6 * longest, 80))))
    axes.set_xlabel("words quoted", fontsize=9)
    axes.grid(axis="x", color=theme.grid, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


def timeline_figure(points: list[TimePoint], unit: str, theme: Theme = LIGHT, width: float = 7.0, title: str = ""):
    """Mentions and quotations per period, side by side, with the counts on the bars when they fit."""
    figure = _figure(width, 3.0, theme)
    axes = figure.add_subplot()
    _style(axes, theme)
    axes.set_title(title or f"Mentions and quotations by {unit}", fontsize=10, loc="left", color=theme.text)
    if not points:
        axes.text(0.5, 0.5, "No dated documents in this selection", ha="center", va="center",
                  color=theme.text, transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    xs = range(len(points))
    mentions = axes.bar([x - 0.2 for x in xs], [p.mentions for p in points], width=0.4, color=MENTION_COLOUR,
                        label=f"mentions ({sum(p.mentions for p in points):,})")
    quotes = axes.bar([x + 0.2 for x in xs], [p.quotes for p in points], width=0.4, color=QUOTE_COLOUR,
                      label=f"quotations ({sum(p.quotes for p in points):,})")
    if len(points) <= 16:
        for container in (mentions, quotes):
            axes.bar_label(container, fontsize=7, color=theme.text, padding=1)
    step = max(1, len(points) // 12)
    axes.set_xticks(list(xs)[::step], [p.period for p in points][::step], rotation=30, ha="right")
    _fit(figure, [f"{max(max(p.mentions, p.quotes) for p in points):,}"], bottom=0.85)
    axes.set_ylim(0, max(max(p.mentions, p.quotes) for p in points) * 1.3 or 1)  # room for the legend
    axes.legend(fontsize=8, frameon=False, labelcolor=theme.text, loc="upper right", ncols=2)
    axes.grid(axis="y", color=theme.grid, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


def tag_heatmap_figure(table: TagBySource, theme: Theme = LIGHT, width: float = 7.0, by: str = "source"):
    """Passages per tag (rows) and source (columns), every cell labelled with its count."""
    tags, sources = table.tags[:25], table.sources[:12]
    figure = _figure(width, max(2.2, 0.34 * len(tags) + 1.6), theme)
    axes = figure.add_subplot()
    _style(axes, theme)
    cut = [f"{len(tags)} of {len(table.tags)} tags"] if len(table.tags) > len(tags) else []
    cut += [f"{len(sources)} of {len(table.sources)} values"] if len(table.sources) > len(sources) else []
    axes.set_title(f"Tagged passages by {shown(by)}" + (f" (the most used: {', '.join(cut)})" if cut else ""),
                   fontsize=10, loc="left", color=theme.text)
    if not tags:
        axes.text(0.5, 0.5, "No tagged passages in this selection", ha="center", va="center",
                  color=theme.text, transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    grid = [[table.count(t, s) for s in sources] for t in tags]
    peak = max(max(row) for row in grid) or 1
    # Vector cells (pcolormesh), not an embedded image: reports stay vector and need no data: URLs.
    axes.pcolormesh(grid, cmap=theme.heat, vmin=0, vmax=peak, edgecolors=theme.background, linewidth=1)
    axes.set_xticks([c + 0.5 for c in range(len(sources))], [shown(s) if s else "(none)" for s in sources],
                    rotation=30, ha="right")
    axes.set_yticks([r + 0.5 for r in range(len(tags))], [shown(t) for t in tags])
    axes.invert_yaxis()
    _fit(figure, tags, bottom=0.25 + 0.055 * max((len(s or "(none)") for s in sources), default=6))
    for row, values in enumerate(grid):
        for column, value in enumerate(values):
            axes.text(column + 0.5, row + 0.5, str(value), ha="center", va="center", fontsize=8,
                      color=_cell_text(value / peak, theme))
    return figure


def _cell_text(level: float, theme: Theme) -> str:
    """Black or white, whichever reads on the heat colour (Blues darkens, cividis brightens)."""
    dark_cell = level >= 0.6 if theme.heat == "Blues" else level < 0.6
    return "#ffffff" if dark_cell else "#000000"


def render(figure, fmt: str, svg_text: bool = False) -> bytes:
    """The figure as SVG, PDF or PNG bytes. SVG text is drawn as paths (looks the same anywhere)
    unless `svg_text`, for renderers that do not follow glyph references (Qt's SVG)."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none" if svg_text else "path", "svg.hashsalt": "annotext", "pdf.fonttype": 42}):
        if fmt == "svg":
            from matplotlib.backends.backend_svg import FigureCanvasSVG as Canvas
        elif fmt == "pdf":
            from matplotlib.backends.backend_pdf import FigureCanvasPdf as Canvas
        else:
            from matplotlib.backends.backend_agg import FigureCanvasAgg as Canvas
        Canvas(figure)
        figure.savefig(buffer, format=fmt, dpi=150 if fmt == "png" else 100, facecolor=figure.get_facecolor(),
                       metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def svg_markup(figure) -> str:
    """Inline SVG for an HTML report (the XML declaration and DOCTYPE dropped)."""
    text = render(figure, "svg").decode("utf-8")
    return text[text.index("<svg"):]
