"""Article text, titles and names shown in widgets are plain text, never Qt rich text."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """A tooltip string that Qt will not interpret as markup, whatever `text` contains."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
