"""Render one page of each report format as the reader sees it, for docs/: the sample article coded
by two people (overlapping passages, a nested tag, a multi-line comment).

Usage: python docs/report_screenshots.py OUT_DIR
Writes OUT_DIR/report-html.png (Chromium, headless), report-pdf.png (page 2 of the PDF) and
report-docx.png (page 2 of the DOCX as LibreOffice prints it); needs chromium, soffice and
pdftoppm on PATH. Never touches the user's library.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TAGS = [("Bilateral ties", "#f9d56e", None), ("Framing", "#8fd3fe", None), ("Conflict", "#f4a7bb", "Framing")]
PASSAGES = [  # (text in the sample article, tags, comment, coder)
    ("Their relationship has been a constant despite a decade", ["Bilateral ties"],
     "Continuity framing.\nCompare with the Kremlin readout.", "Ana Lyst"),
    ("a decade of increasingly difficult relations", ["Conflict"], "Overlaps passage 1.", "Ben Coder"),
    ("Beijing has resisted calls to condemn the invasion", ["Bilateral ties", "Framing"], "", "Ben Coder"),
]


def build_reports(folder: Path) -> dict[str, Path]:
    """A fresh library holding the coded sample; returns {format: report path}."""
    from annotext.analysis.analyser import Analyser
    from annotext.application.edits import AddAnnotation, CreateTag
    from annotext.application.library import Library
    from annotext.export.run import export

    library = Library(folder / "library.sqlite", author="Ana Lyst")
    doc = library.ensure_sample()
    library.analyse(doc, Analyser.load())
    store = library.annotations
    ids: dict[str, int] = {}
    for name, colour, parent in TAGS:
        edit = CreateTag(store.new_tag(name, colour=colour, parent_id=ids.get(parent), description=f"Codes {name.lower()}."))
        library.apply(edit)
        ids[name] = edit.tag.id
    text = library.document(doc).text
    for quote, names, comment, coder in PASSAGES:
        store.author = coder
        start = text.index(quote)
        library.apply(AddAnnotation(store.new_annotation(doc, start, start + len(quote), [ids[n] for n in names], comment)))
    items, tags = library.report_items([doc]), store.tags()
    paths = {fmt: export(items, tags, fmt, folder / f"report.{fmt}") for fmt in ("html", "pdf", "docx")}
    library.close()
    return paths


def page_png(pdf: Path, page: int, out: Path) -> None:
    """One page of a PDF as PNG at screen resolution."""
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(stem)], check=True)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        paths = build_reports(folder)
        subprocess.run([shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--window-size=900,1250", f"--screenshot={out / 'report-html.png'}",
                        paths["html"].as_uri()], check=True, capture_output=True, timeout=120)
        page_png(paths["pdf"], 2, out / "report-pdf.png")
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(paths["docx"])],
                       check=True, capture_output=True, timeout=300)
        page_png(folder / "lo" / "report.pdf", 2, out / "report-docx.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
