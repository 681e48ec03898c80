"""WCAG 2 contrast for report highlights: every text colour on every highlight at least 4.5:1 (AA).

Tag colours are whatever the analyst picks (any #rrggbb) and entity colours are displaCy's; neither
is made for text on top. Reports therefore never paint a colour as it is: `highlight_fill` mixes it
with the page (white in light reports, near-black in dark ones) just far enough that all the inks
used on highlights reach the target contrast. Saturated colours are toned down most; the pale
palette colours mostly pass unchanged, so the analyst still recognises each tag.
"""

from __future__ import annotations

from functools import lru_cache

AA_NORMAL_TEXT = 4.5
TARGET = 4.6  # a little above AA so that rounding to whole 0-255 channels never falls below it

LIGHT_PAGE = "#ffffff"
LIGHT_INK = "#1d1d1f"  # body text
LIGHT_QUOTE_INK = "#8e241b"  # quotation text where a format colours it (DOCX)
LIGHT_MARKER_INK = "#333333"  # passage numbers
DARK_PAGE = "#1b1b1d"
DARK_INK = "#ececec"
DARK_QUOTE_INK = "#ffb4a8"
DARK_MARKER_INK = "#e0e0e0"

LIGHT_INKS = (LIGHT_INK, LIGHT_QUOTE_INK, LIGHT_MARKER_INK)
DARK_INKS = (DARK_INK, DARK_QUOTE_INK, DARK_MARKER_INK)


def rgb(colour: str) -> tuple[int, int, int]:
    """#rrggbb as three 0-255 channels."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_colour(channels: tuple[float, float, float]) -> str:
    """Three 0-255 channels (rounded) as #rrggbb."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance (sRGB, 0 = black, 1 = white)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0-1) of the way towards `other`."""
    return hex_colour(tuple(c + (o - c) * amount for c, o in zip(rgb(colour), rgb(other))))


@lru_cache(maxsize=4096)
def highlight_fill(colour: str, dark: bool = False) -> str:
    """The colour a report paints behind text for a highlight of `colour`: the colour itself when
    every ink reaches TARGET on it, else the least mix towards the page that does."""
    page, inks = (DARK_PAGE, DARK_INKS) if dark else (LIGHT_PAGE, LIGHT_INKS)
    colour = colour.lower()
    for step in range(0, 101):
        fill = mix(colour, page, step / 100)
        if all(contrast_ratio(fill, ink) >= TARGET for ink in inks):
            return fill
    return page  # unreachable with these inks: the page itself passes
