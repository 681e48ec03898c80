"""The corpus charts and report carry the numbers of a corpus whose counts are known."""

from __future__ import annotations

import re

import pytest

from annotext.application.corpus import CorpusService, build_report
from annotext.application.correction_edits import quote_edit
from annotext.core.corpus import ORGANISATION
from annotext.export.charts import DARK, share_of_voice_bars, share_of_voice_figure, tag_heatmap_figure, timeline_figure
from annotext.export.corpus_report import people_rows, write_corpus_report
from tests.corpus_articles import build_library, totals


@pytest.fixture(scope="module")
def report_and_items(tmp_path_factory):
    library, items = build_library(tmp_path_factory.mktemp("corpus") / "lib.db", count=30)
    store = library.annotations
    tag = store.store_tag(store.new_tag("Economy <b>&"))
    for item in items[:9]:
        store.store_annotation(store.new_annotation(item.document.id, 0, 12, [tag.id], comment="=HYPERLINK(\"x\") <script>"))
    report = build_report(CorpusService(library), tags=None)
    yield report, items
    library.close()


def test_share_of_voice_bars_are_the_quoted_words(report_and_items):
    report, items = report_and_items
    _speakers, words, *_ = totals(items)
    bars = share_of_voice_bars(report.people, top=5)
    assert [b.words for b in bars] == sorted(words.values(), reverse=True)[:5]
    figure = share_of_voice_figure(report.people, top=50)
    drawn = sorted(round(p.get_width()) for p in figure.axes[0].patches)
    assert drawn == sorted(words.values())
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert all(label.endswith("(org.)") for label in labels if label.startswith("the "))


def test_timeline_and_heatmap_show_the_counts(report_and_items):
    report, items = report_and_items
    speakers, *_ = totals(items)
    figure = timeline_figure(report.timeline, report.unit, DARK)
    heights = [p.get_height() for p in figure.axes[0].patches]
    assert sum(heights) == sum(p.mentions for p in report.timeline) + sum(speakers.values())
    heat = tag_heatmap_figure(report.tags)
    cell_texts = sorted(int(t.get_text()) for t in heat.axes[0].texts)
    assert sum(cell_texts) == 9


def test_html_report_numbers_escaping_and_no_network(report_and_items, tmp_path):
    report, items = report_and_items
    _speakers, words, mentions, documents = totals(items)
    path = write_corpus_report(report, "html", tmp_path / "corpus.html")
    html = path.read_text(encoding="utf-8")
    for person in report.people:
        row = re.search("<tr><td>" + re.escape(person.name.replace("'", "&#39;")) + r".*?</tr>", html, re.S).group(0)
        numbers = [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', row)]
        assert numbers == [documents[person.name], mentions[person.name], person.quotes, words[person.name]]
    assert html.count("<svg") == 3
    assert "<script" not in html and "Economy &lt;b&gt;&amp;" in html
    assert not re.search(r'(src|href)="(https?:|//|data:)', html)
    assert any(p.kind == ORGANISATION for p in report.people) and "organisation</span>" in html


def test_csv_docx_and_pdf_reports(report_and_items, tmp_path, qapp):  # qapp: no bare QGuiApplication
    report, _items = report_and_items
    csv_text = write_corpus_report(report, "csv", tmp_path / "corpus.csv").read_text(encoding="utf-8")
    lines = csv_text.strip().splitlines()
    assert len(lines) == len(report.people) + 1
    assert lines[1].split(",")[:6] == [str(v) for v in list(people_rows(report)[0].values())[:6]]
    from docx import Document

    word = Document(str(write_corpus_report(report, "docx", tmp_path / "corpus.docx")))
    table = word.tables[0]
    assert [c.text for c in table.rows[1].cells][:6] == [str(v) for v in list(people_rows(report)[0].values())[:6]]
    assert len(word.inline_shapes) == 3
    pdf_path = write_corpus_report(report, "pdf", tmp_path / "corpus.pdf")
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    top = report.people[0]
    assert top.name in text and f"{top.quoted_words}" in text
    assert "Share of voice" in text  # the chart's title is vector text, not a picture


def test_hostile_speaker_cannot_become_a_formula(tmp_path):
    library, items = build_library(tmp_path / "lib.db", count=3)
    quote = items[0].result.quotes[0]
    library.apply(quote_edit(library, items[0].document.id, quote.start, quote.end, speaker="=SUM(1+1)"))
    report = build_report(CorpusService(library))
    csv_text = write_corpus_report(report, "csv", tmp_path / "c.csv").read_text(encoding="utf-8")
    assert "\n=SUM" not in csv_text and "'=SUM(1+1)" in csv_text
    library.close()


def test_long_code_reports_say_how_many_passages_they_leave_out(tmp_path):
    library, items = build_library(tmp_path / "lib.db", count=12)
    store = library.annotations
    tag = store.store_tag(store.new_tag("Economy"))
    for item in items:
        store.store_annotation(store.new_annotation(item.document.id, 0, 12, [tag.id]))
    report = build_report(CorpusService(library), passages_per_tag=5)
    html = write_corpus_report(report, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Economy — 12 passage(s)" in html and "7 more not listed" in html
    assert html.count("<blockquote><span class=\"muted\">…") == 5
    library.close()


def test_hostile_names_are_plain_text_in_every_chart():
    from annotext.core.corpus import CorpusPerson, TagBySource, TimePoint
    from annotext.export.charts import render, svg_markup

    names = ["$5 Fund $ Group", r"\frac{a}{b} $x^2$ $\notacommand{$", "<script>alert(1)</script>", "O'Brien & Sons \x1b[31m"]
    people = [CorpusPerson(n, "organisation" if i % 2 else "person", 1, 2, 3, 10 + i, None, None, (n,), 25.0)
              for i, n in enumerate(names)]
    table = TagBySource(names, names, {(names[0], names[1]): 4})
    for figure in (share_of_voice_figure(people), timeline_figure([TimePoint("2024-01-01", 2, 1)], "day"),
                   tag_heatmap_figure(table)):
        assert render(figure, "png")[:4] == b"\x89PNG" and render(figure, "pdf")[:4] == b"%PDF"
        markup = svg_markup(figure)
        assert "<script" not in markup
    labels = [t.get_text() for t in share_of_voice_figure(people).axes[0].get_yticklabels()]
    assert "$5 Fund $ Group" in labels
    assert "O'Brien & Sons \\x1b[31m (org.)" in labels  # the escape character shown, not sent


@pytest.mark.parametrize("fmt", ["html", "docx", "csv"])
def test_writing_reports_each_step_up_to_the_total(report_and_items, tmp_path, fmt):
    from annotext.export.corpus_report import report_steps

    report, _items = report_and_items
    heard = []
    path = write_corpus_report(report, fmt, tmp_path / f"r.{fmt}", progress=lambda done, total: heard.append((done, total)))
    total = report_steps(report, fmt)
    assert path.stat().st_size > 0
    assert [done for done, _ in heard] == list(range(1, total + 1)) and {t for _, t in heard} == {total}
    if fmt == "docx":  # a step per chart, the table, each speaker and each tag, saving, the file
        assert total == 3 + 1 + len(report.quotes) + len(report.passages) + 2


def test_a_progress_that_raises_stops_the_write_and_keeps_the_old_file(report_and_items, tmp_path):
    report, _items = report_and_items
    target = tmp_path / "r.docx"
    target.write_bytes(b"old report")

    def stop(done, _total):
        if done == 2:
            raise KeyboardInterrupt("stop")

    with pytest.raises(KeyboardInterrupt):
        write_corpus_report(report, "docx", target, progress=stop)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]  # no temporary file left behind
