"""A long document opened for the first time: provisional highlights and panels while it is read,
the final result equal to the all-at-once analysis, the scroll position never moved."""

from __future__ import annotations

from pathlib import Path

from annotext.core.document import Document

ANALYSIS_TIMEOUT = 180_000
QUOTES = Path(__file__).resolve().parents[1] / "data" / "quotes"


def _long_text() -> str:
    return "A Long Report\n" + "\n".join(f.read_text(encoding="utf-8") for f in sorted(QUOTES.glob("*.txt"))[:14])


def test_highlights_arrive_in_batches_and_end_as_the_whole_analysis(qtbot, make_window, analyser):
    window = make_window()
    text = _long_text()
    doc_id = window.library.add_document(Document(title="A Long Report", text=text))
    seen = []
    original = window._show_provisional

    def spy(spans):
        original(spans)
        seen.append((len(spans), len(window.reader.spans()), window.result is None,
                     window.people_panel.topLevelItemCount()))

    window._show_provisional = spy
    bar = window.reader.verticalScrollBar()
    complete = []  # what is on screen when the window says the analysis is applied
    window.analysisApplied.connect(lambda _doc: complete.append(
        (window.reader.highlights_pending(), sum(window.quotes_panel.speakers().values()),
         len(window.quotes_panel.group_ranges("scare")), window.people_panel.person_names())))
    with qtbot.waitSignal(window.analysisApplied, timeout=ANALYSIS_TIMEOUT):
        window.open_document(doc_id)
        qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
        bar.setValue(bar.maximum() // 2)  # the analyst scrolls while it is read
        position = bar.value()
    assert len(seen) >= 3  # quotation marks first, then batches of entities
    assert seen[0][0] > 0 and all(provisional for _n, _shown, provisional, _people in seen)
    assert seen[-1][1] > seen[0][1]  # highlights accumulate before the end
    assert any(people > 0 for *_rest, people in seen)  # the People panel filled in as it went
    assert bar.value() == position
    whole = window.library.corrected(window.current, analyser.analyse(text))
    assert sorted((s.start, s.end, s.label) for s in window.reader.spans()) == \
        sorted((s.start, s.end, s.label) for s in whole.spans())
    assert window.result.to_json(text) == whole.to_json(text)
    pending, speech, scare, names = complete[0]  # applied in stages, but whole when it says so
    assert not pending and speech + scare == len(whole.quotes) and names == [p.name for p in whole.people]
    assert "of" in window.status_label.text() or window.result is not None


def test_eta_appears_after_two_seconds():
    from annotext.gui.eta import Eta

    now = [100.0]
    eta = Eta(clock=lambda: now[0])
    assert eta.describe(5, 100) == "5 of 100"
    now[0] = 104.0
    assert eta.describe(10, 100) == "10 of 100 · about 36 s left"
    now[0] = 400.0
    assert eta.describe(10, 100) == "10 of 100 · about 45 min left"
