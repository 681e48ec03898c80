"""One corpus chart in the GUI: matplotlib's QtAgg canvas showing a Figure from
annotext.export.charts, the renderer the reports use, so screen and report never disagree.

matplotlib is imported only when a chart is first drawn (the corpus view is opened by the analyst,
long after the first paint).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from annotext.gui.safe_text import show_message


class ChartPanel(QWidget):
    """A scrollable chart with a one-line note under it and a "Save chart…" button (SVG/PNG/PDF)."""

    def __init__(self, note: str = "", parent=None):
        super().__init__(parent)
        self._figure = None
        self._canvas = None
        self._make: Callable | None = None
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setTextFormat(self.note.textFormat().PlainText)
        save = QPushButton("Save chart…")
        save.clicked.connect(self.save)
        self.bottom = bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)

    @property
    def figure(self):
        """The Figure shown (None before the first draw)."""
        return self._figure

    def show_figure(self, make: Callable[[float], object]) -> None:
        """Draw `make(width_in_inches)` (a matplotlib Figure) in the panel."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self._make = make
        self._width = self._available_width()
        self._figure = make(self._width / 100)
        canvas = FigureCanvasQTAgg(self._figure)
        height_px = int(self._figure.get_size_inches()[1] * self._figure.dpi)
        canvas.setFixedSize(self._width, height_px)  # margins are laid out for this width
        self.scroll.setWidget(canvas)
        self._canvas = canvas  # drawn once, when Qt first paints it

    def _available_width(self) -> int:
        bar = self.scroll.verticalScrollBar().sizeHint().width()  # tall charts scroll: leave its room
        return max(480, self.scroll.width() - bar - 6)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Lay the chart out again for a new width (labels keep their room), once resizing pauses."""
        super().resizeEvent(event)
        if self._make is not None and abs(self._available_width() - self._width) > 24:
            from PySide6.QtCore import QTimer

            if not hasattr(self, "_relayout"):
                self._relayout = QTimer(self, singleShot=True, interval=150)
                self._relayout.timeout.connect(lambda: self._make and self.show_figure(self._make))
            self._relayout.start()

    def save(self, path: str | None = None) -> bool:
        """Write the chart as SVG, PNG or PDF (by the name's suffix), atomically."""
        if self._figure is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save chart", "chart.svg", "SVG (*.svg);;PNG (*.png);;PDF (*.pdf)")
            if not path:
                return False
        from pathlib import Path

        from annotext.core.atomic import atomic_write_bytes
        from annotext.export.charts import render

        fmt = Path(path).suffix.lower().lstrip(".") or "svg"
        if fmt not in {"svg", "png", "pdf"}:
            fmt, path = "svg", f"{path}.svg"
        try:
            atomic_write_bytes(path, render(self._figure, fmt))
        except OSError as error:
            show_message(self, "Save chart", f"{path}: cannot write ({error.strerror or error})")
            return False
        return True
