"""Colours and names of entity labels: displaCy's palette, so analysts who know spaCy feel at home."""

from __future__ import annotations

# displaCy's default entity colours (spacy/displacy/render.py).
LABEL_COLOURS = {
    "ORG": "#7aecec",
    "PRODUCT": "#bfeeb7",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "EVENT": "#ffeb80",
    "LAW": "#ff8197",
    "LANGUAGE": "#ff8197",
    "WORK_OF_ART": "#f0d0ff",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "MONEY": "#e4e7d2",
    "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2",
    "CARDINAL": "#e4e7d2",
    "PERCENT": "#e4e7d2",
}
DEFAULT_COLOUR = "#dddddd"
LABEL_COLOURS["QUOTE"] = "#f6c9c2"  # the legend chip of quotations (the text itself is underlined)

LABEL_NAMES = {
    "QUOTE": "Quotations",
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities",
    "LOC": "Places",
    "NORP": "Groups, nationalities",
    "FAC": "Buildings, facilities",
    "EVENT": "Events",
    "LAW": "Laws",
    "LANGUAGE": "Languages",
    "WORK_OF_ART": "Titles of works",
    "PRODUCT": "Products",
    "DATE": "Dates",
    "TIME": "Times",
    "MONEY": "Money",
    "QUANTITY": "Quantities",
    "ORDINAL": "Ordinals",
    "CARDINAL": "Numbers",
    "PERCENT": "Percentages",
}

# Legend order: what analysts care about first.
LABEL_ORDER = ["QUOTE", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART",
               "PRODUCT", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"]

QUOTE_COLOUR = "#c0392b"
QUOTE_COLOUR_DARK = "#ff8a7a"


def colour_for(label: str) -> str:
    """Background colour of an entity label."""
    return LABEL_COLOURS.get(label, DEFAULT_COLOUR)


def label_sort_key(label: str) -> tuple[int, str]:
    """Sort labels in legend order, unknown labels last and alphabetically."""
    return (LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER), label)


def average_colour(colours: list[str], default: str = "#d9d9d9") -> str:
    """The mean of #rrggbb colours: how a passage with several tags is coloured everywhere."""
    if not colours:
        return default
    channels = [[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in colours]
    return "#" + "".join(f"{sum(ch[i] for ch in channels) // len(channels):02x}" for i in range(3))
