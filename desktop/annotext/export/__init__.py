"""Exports: one report model (report.py) rendered to HTML, PDF, DOCX and Markdown, plus data
exports (CSV, W3C Web Annotation JSON, spaCy/Prodigy JSONL, REFI-QDA .qdpx). No Qt here except
in pdf.py, which uses QtGui's text layout without widgets. The formats are listed once, in registry.py."""
