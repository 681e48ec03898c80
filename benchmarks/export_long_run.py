"""PDF, DOCX and HTML export of one unbroken "word" of 100,000, 300,000 and 1,000,000 characters plus
a comment at the 20,000-character limit: time per character should stay roughly constant (issue
15.9: a 1 MB word took 142 s and a 10 MB comment did not finish in 300 s before runs were wrapped)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (100_000, 300_000, 1_000_000)


def main() -> None:
    from annotext.application.edits import AddAnnotation
    from annotext.application.library import Library
    from annotext.core.annotations import MAX_COMMENT_CHARS
    from annotext.core.document import Document
    from annotext.export.run import export

    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.sqlite", author="Bench")
        print(f"{'characters':>12} {'format':>6} {'seconds':>8} {'µs/char':>8}")
        for size in SIZES:
            doc = library.add_document(Document(title=f"Word {size}", text=f"Word {size}\nStart {'x' * size} end.\n"))
            library.apply(AddAnnotation(library.annotations.new_annotation(doc, 0, 4, [], "y" * MAX_COMMENT_CHARS)))
            for fmt in ("html", "docx", "pdf"):
                start = time.perf_counter()
                export(library.report_items([doc]), [], fmt, Path(folder) / f"out.{fmt}")
                seconds = time.perf_counter() - start
                print(f"{size:>12,} {fmt:>6} {seconds:>8.2f} {seconds / size * 1e6:>8.2f}")
        library.close()


if __name__ == "__main__":
    main()
