"""Text bound for XML: one sanitiser shared by every XML writer (DOCX, .qdc, .qdpx).

XML 1.0 cannot hold C0 control characters other than tab, newline and carriage return, lone
surrogates, or U+FFFE/U+FFFF. Such characters reach Annotext from imported files (a speaker name
with U+0001 in a .txt) and would make Word refuse the file or make a .qdc unreadable, even by
Annotext itself. They are dropped: they carry no visible text, so nothing a reader sees is lost.
"""

from __future__ import annotations

import re

# Everything XML 1.0 (§2.2 Char) does not allow, plus the discouraged C1 controls (§2.2 note),
# which Word also rejects in some places.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """`text` as a string that any XML 1.0 writer accepts (invalid characters removed)."""
    return _NOT_XML.sub("", "" if text is None else str(text))


def sanitise_tree(root) -> None:
    """Clean the text, tails and attribute values of an ElementTree in place, just before it is
    serialised, so no field of a .qdc or .qdpx can be forgotten."""
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
        if element.tail:
            element.tail = xml_safe(element.tail)
        for key, value in element.attrib.items():
            element.attrib[key] = xml_safe(value)
