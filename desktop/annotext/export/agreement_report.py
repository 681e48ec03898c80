"""The coder agreement report (HTML and CSV): per tag and overall, with the unit, the formulas and
the documents stated, and the disagreements to review. Text is escaped (jinja2 autoescape) and CSV
cells cannot become formulas."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

METHOD = [
    "Unit: one character of a document. For each tag, a coder codes a character when one of the"
    " coder's passages with that tag covers it (overlapping passages of one coder count once).",
    "Percent agreement: the share of characters two coders code alike, averaged over every pair of coders.",
    "Cohen's kappa (two coders): (p_o - p_e) / (1 - p_e), where p_o is the observed agreement and"
    " p_e = p_A·p_B + (1 - p_A)(1 - p_B) the agreement expected from each coder's share of coded characters.",
    "Krippendorff's alpha (nominal, two or more coders): 1 - D_o / D_e from the coincidence matrix of"
    " the coders' values per character (computed by the krippendorff package).",
    "Overall pools the (character, tag) units of every tag. Kappa and alpha are undefined (shown as —)"
    " when there is no variation, e.g. when nobody coded the tag.",
]

def _number(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def agreement_csv(run) -> str:
    """One row per tag and "overall": units, coded characters per coder, the three measures, segments.
    Cells go through the data exports' formula guard (export.data.csv_cell)."""
    from annotext.export.data import csv_cell

    def measure(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    coders = run.coders
    header = (["tag", "units"] + [f"coded by {c}" for c in coders]
              + ["percent_agreement", "cohens_kappa", "krippendorffs_alpha"]
              + [f"segments matched {c}" for c in coders])
    writer.writerow([csv_cell(cell) for cell in header])
    for r in run.results:
        row = ([r.tag, r.units] + [r.coded[c] for c in coders] + [measure(r.percent), measure(r.kappa), measure(r.alpha)]
               + [f"{r.segments[c][0]}/{r.segments[c][1]}" for c in coders])
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()


def agreement_html(run, texts: dict[int, str], context: int = 40) -> str:
    """A self-contained HTML page (no scripts, no network) stating method, documents and results."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("annotext.export", "templates"),
                              autoescape=select_autoescape(["html", "j2"]))
    titles = dict(run.documents)
    rows = []
    for d in run.disagreements[:2000]:
        text = texts.get(d.doc_id, "")
        versions = run.versions(d)
        rows.append({"document": titles.get(d.doc_id, str(d.doc_id)), "doc_id": d.doc_id, "start": d.start,
                     "end": d.end, "tag": d.tag, "coded_by": ", ".join(d.coded_by),
                     "not_coded_by": ", ".join(d.not_coded_by),
                     "before": text[max(0, d.start - context):d.start], "passage": text[d.start:d.end],
                     "after": text[d.end:d.end + context],
                     "versions": [" … ".join(text[a:b] for a, b in versions.get(coder, [])) for coder in run.coders]})
    return environment.get_template("agreement.html.j2").render(
        run=run, method=METHOD, number=_number, disagreements=rows, hidden=max(0, len(run.disagreements) - 2000),
        created=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
