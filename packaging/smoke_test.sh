#!/usr/bin/env bash
# Smoke test of a built bundle in a clean environment (env -i: no virtualenv, no PYTHONPATH).
# Checks: version, analysis of the sample with the bundled model, an HTML import, a PDF export, the corpus
# report (HTML, PDF, DOCX with charts), a screenshot.
set -euo pipefail
bundle=${1:-dist/annotext/annotext}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { env -i HOME="$work" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$bundle" "$@"; }
run --version | grep -q "Annotext" || { echo "FAIL: --version"; exit 1; }
out=$(run analyze "$root/resources/xi-putin-summit.txt" --json)
echo "$out" | grep -q '"speaker": "Joe Webster"' || { echo "FAIL: analysis without the model?"; exit 1; }
echo "$out" | grep -q '"en_core_web_sm' || { echo "FAIL: no model recorded"; exit 1; }
cat > "$work/page.html" <<'HTML'
<html><head><title>Harbour reopens</title></head><body><nav>Home | News</nav><article><h1>Harbour reopens</h1>
<p>The harbour reopened on Monday after a storm closed it for a week, the port authority said.</p>
<p>“We are back to normal,” said the harbour master, Ines Duarte, as the first ferries left.</p></article>
<footer>Copyright</footer></body></html>
HTML
run --db "$work/lib.sqlite" import "$work/page.html" | grep -q "Harbour reopens" || { echo "FAIL: html import"; exit 1; }
run --db "$work/lib.sqlite" export 1 --format pdf -o "$work/r.pdf" >/dev/null
head -c 4 "$work/r.pdf" | grep -q "%PDF" || { echo "FAIL: pdf export"; exit 1; }
run --db "$work/lib.sqlite" analyze-all --quiet 2>/dev/null
for format in html pdf docx; do  # the corpus report: matplotlib's Agg, SVG and PDF backends in the bundle
  run --db "$work/lib.sqlite" export --corpus --format "$format" -o "$work/corpus.$format" >/dev/null
  [ -s "$work/corpus.$format" ] || { echo "FAIL: corpus report ($format)"; exit 1; }
done
grep -q "Ines Duarte" "$work/corpus.html" && grep -q "<svg" "$work/corpus.html" || { echo "FAIL: corpus report content"; exit 1; }
run --db "$work/shot.sqlite" --screenshot "$work/shot.png" 2>/dev/null
[ -s "$work/shot.png" ] || { echo "FAIL: screenshot"; exit 1; }
echo "bundle smoke test passed: $(du -sh "$(dirname "$bundle")" | cut -f1) on disk"
