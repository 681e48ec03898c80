"""Builds long test texts from the articles shipped with the tests (no download, deterministic)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "tests" / "data" / "quotes").glob("*.txt")) + [ROOT / "resources" / "xi-putin-summit.txt"]


def long_text(words: int) -> str:
    """Article paragraphs repeated in a fixed order until the text has about `words` words."""
    paragraphs = []
    for path in SOURCES:
        paragraphs.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    out, count, index = [], 0, 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n".join(out) + "\n"


# The corpus view benchmark ----------------------------------------------------------------------
# Usage: corpus.py [DOCS] [PASSAGES]. 10,000 generated analysed articles (tests/corpus_articles.py:
# 2-3 speakers each from a pool of 1,000 people, organisation statements, 3 sources, 120 days),
# stored through Library.store_analysis as the app does (setup, not measured), then:
#  - the corpus view opening: the people table (SQL aggregate) and the share-of-voice chart drawn
#    (matplotlib Agg; the GUI's QtAgg canvas draws the same Figure), target <= 1 s;
#  - one person's quotation list (the most quoted person), target <= 200 ms;
#  - coding retrieval of a tag with PASSAGES passages, target <= 300 ms.
# Each is the median of 5 runs; the first-open cost of rebuilding the cross-document grouping after
# new analyses is reported separately.


def corpus_view(count: int = 10_000, passages: int = 5_000) -> int:
    """Run the corpus benchmark and print the figures; returns 0 when every target is met."""
    import statistics
    import sys
    import tempfile
    import time

    sys.path.insert(0, str(ROOT))
    from annotext.application.corpus import CorpusService
    from annotext.application.library import Library
    from annotext.export.charts import share_of_voice_figure
    from tests.corpus_articles import article, people_pool
    import random

    def median_ms(action, runs: int = 5) -> tuple[float, object]:
        times, value = [], None
        for _ in range(runs):
            began = time.perf_counter()
            value = action()
            times.append((time.perf_counter() - began) * 1000)
        return statistics.median(times), value

    rng = random.Random(17)
    pool = people_pool(1000)
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "corpus.sqlite", author="bench")
        began = time.perf_counter()
        doc_ids = []
        for start in range(0, count, 500):
            with library.db.atomic():
                for index in range(start, min(count, start + 500)):
                    item = article(index, rng, pool=pool)
                    doc_id = library.add_document(item.document)
                    library.store_analysis(doc_id, item.result)
                    doc_ids.append(doc_id)
        store = library.annotations
        tag = store.store_tag(store.new_tag("Economy"))
        with library.db.atomic():
            for index in range(passages):
                store.store_annotation(store.new_annotation(doc_ids[index % len(doc_ids)], 0, 12, [tag.id],
                                                            comment=f"passage {index}"))
        setup = time.perf_counter() - began
        service = CorpusService(library)
        began = time.perf_counter()
        service.prepare()
        first_grouping = (time.perf_counter() - began) * 1000

        def open_view():
            import matplotlib

            matplotlib.use("Agg")
            service.prepare()
            people = service.people()
            figure = share_of_voice_figure(people)
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(figure).draw()
            return people

        open_ms, people = median_ms(open_view)
        gui_first_ms, gui_ms, gui_quotes_ms = _gui_open_ms(library)
        table_ms, _ = median_ms(lambda: service.people())
        top = people[0]
        quotes_ms, quotes = median_ms(lambda: service.quotes(top.name))
        coding_ms, found = median_ms(lambda: service.passages("Economy"))
        library.close()
    print(f"corpus: {count:,} analysed documents, {len(people):,} corpus entries, setup {setup:.1f} s")
    print(f"  first grouping of names after the analyses: {first_grouping:.0f} ms")
    print(f"  view opens (people table + share-of-voice chart drawn): {open_ms:.0f} ms (table alone {table_ms:.0f} ms)"
          "  target <= 1000 ms")
    print(f"  the GUI's corpus view (offscreen), opened until table filled and chart painted: {gui_ms:.0f} ms"
          f" (first opening in a session, importing matplotlib: {gui_first_ms:.0f} ms)  target <= 1000 ms")
    print(f"  quotations of {top.name} ({len(quotes):,}): {quotes_ms:.0f} ms, listed in the GUI {gui_quotes_ms:.0f} ms"
          "  target <= 200 ms")
    print(f"  coding retrieval, {len(found):,} passages: {coding_ms:.0f} ms  target <= 300 ms")
    return 0 if max(open_ms, gui_ms) <= 1000 and max(quotes_ms, gui_quotes_ms) <= 200 and coding_ms <= 300 else 1


def _gui_open_ms(library) -> tuple[float, float, float]:
    """The corpus view widget itself: refresh (summaries checked, people table filled, share-of-voice
    chart drawn on the QtAgg canvas) until Qt has processed its events. Returns (the first opening,
    which imports matplotlib's Qt backend; the median of the next 3; the most quoted entry's
    quotations listed in the view, median of 3)."""
    import os
    import statistics
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from annotext.gui.corpus_view import CorpusView

    times, listing = [], []
    for _ in range(4):
        view = CorpusView(library, lambda edit: library.apply(edit) or True)
        view.resize(1366, 700)
        began = time.perf_counter()
        view.show()
        view.refresh()
        app.processEvents()
        times.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        view.show_quotes(view.people[0].name)
        app.processEvents()
        listing.append((time.perf_counter() - began) * 1000)
        view.close()
        view.deleteLater()
        app.processEvents()
    return times[0], statistics.median(times[1:]), statistics.median(listing[1:])


if __name__ == "__main__":
    import sys

    raise SystemExit(corpus_view(*(int(a) for a in sys.argv[1:3])))
