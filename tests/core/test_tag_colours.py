"""Automatic tag colours stay distinguishable from entity highlights, from each other and from the page.

Measured with CIEDE2000 (coloraide, an independent implementation): a difference of ~2 is just
noticeable; 12 is "clearly another colour" even for the small areas of a highlighted word.
"""

import itertools

import pytest
from coloraide import Color

from annotext.application.annotation_store import AnnotationStore
from annotext.core.annotations import TAG_PALETTE, next_colour
from annotext.core.palette import DEFAULT_COLOUR, LABEL_COLOURS
from annotext.gui.annotation_controller import COMMENT_ONLY_COLOUR
from annotext.gui.theme import _DARK, _LIGHT

MIN_DELTA_E = 12
TEXT_ON_HIGHLIGHT = "#111111"


def delta_e(a: str, b: str) -> float:
    return Color(a).delta_e(Color(b), method="2000")


def backgrounds() -> list[str]:
    from PySide6.QtGui import QPalette

    return [theme[QPalette.ColorRole.Base] for theme in (_LIGHT, _DARK)]


@pytest.mark.parametrize("tag_colour", TAG_PALETTE)
def test_each_tag_colour_is_far_from_every_entity_colour(tag_colour):
    for label, entity in LABEL_COLOURS.items():
        assert delta_e(tag_colour, entity) >= MIN_DELTA_E, (tag_colour, label, entity)
    for other in (DEFAULT_COLOUR, COMMENT_ONLY_COLOUR, *backgrounds()):
        assert delta_e(tag_colour, other) >= MIN_DELTA_E, (tag_colour, other)


def test_tag_colours_are_far_from_each_other():
    closest = min(itertools.combinations(TAG_PALETTE, 2), key=lambda pair: delta_e(*pair))
    assert delta_e(*closest) >= MIN_DELTA_E, closest


def test_text_stays_legible_on_every_tag_colour():
    """The reader draws near-black text on passages in both themes (WCAG contrast ratio)."""
    text = Color(TEXT_ON_HIGHLIGHT).luminance()
    for colour in TAG_PALETTE:
        assert (Color(colour).luminance() + 0.05) / (text + 0.05) >= 7, colour


def test_new_tags_take_the_palette_in_order(tmp_path):
    from annotext.application.library import Library

    library = Library(tmp_path / "lib.sqlite")
    store: AnnotationStore = library.annotations
    from annotext.application.edits import CreateTag

    colours = []
    for index in range(4):
        tag = store.new_tag(f"tag {index}")
        library.apply(CreateTag(tag))
        colours.append(tag.colour)
    library.close()
    assert colours == TAG_PALETTE[:4]
    assert next_colour(TAG_PALETTE) == TAG_PALETTE[0]  # cycles once every colour is taken
