"""Text of (X)HTML by its block elements, one line each: linear in the size of the markup, used for
e-book chapters and for web pages too large for article extraction."""

from __future__ import annotations

from annotext.importers.limits import TextBudget

BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "figcaption",
                    "td", "th"})
NOT_TEXT = frozenset({"script", "style", "noscript", "template"})  # never reader-visible text


def block_lines(tree, budget: TextBudget, drop: frozenset[str] = NOT_TEXT) -> list[str]:
    """The outermost block elements' text, one line each, after removing the elements in `drop`
    (their text, not the text that follows them)."""
    for element in [e for e in tree.iter() if isinstance(e.tag, str) and local_name(e.tag) in drop
                    and e.getparent() is not None]:
        element.drop_tree()
    lines = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if local_name(element.tag) in BLOCKS and not any(
                isinstance(a.tag, str) and local_name(a.tag) in BLOCKS for a in element.iterancestors()):
            text = " ".join(element.text_content().split())
            if text:
                lines.append(budget.take(text))
    return lines


def local_name(tag: str) -> str:
    """"p" for "p", "P" and "{http://www.w3.org/1999/xhtml}p"."""
    return tag.split("}")[-1].lower()
