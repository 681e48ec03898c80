"""Light and dark themes. Dark follows the system colour scheme (Qt 6.5+ style hints)."""

from __future__ import annotations

import os

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

THEME_ENV = "ANNOTEXT_THEME"  # "light", "dark" or "contrast" (white on black) to override the system
UI_FONTS = ["Inter", "Cantarell", "Noto Sans", "DejaVu Sans", "sans-serif"]
STYLESHEET = """
QTreeView::item, QListView::item { padding: 4px 2px; }
QListView#library::item { padding: 8px 6px; }
QLabel.panelTitle { font-weight: 600; padding: 8px 10px 4px 10px; }
QTabWidget::pane { border: none; }
QSplitter::handle { background: palette(window); }
"""


def system_prefers_dark(app: QApplication) -> bool:
    """True when the desktop says dark (or ANNOTEXT_THEME=dark)."""
    forced = os.environ.get(THEME_ENV, "").lower()
    if forced in {"light", "dark"}:
        return forced == "dark"
    # The platform's palette is dark when the desktop is (Qt 6.5+ platform themes); reading it avoids
    # importing the `Qt` namespace before the first paint (creating it costs ~16 ms).
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, dark: bool | None = None, contrast: bool | None = None) -> None:
    """Fusion style with a palette tuned for reading; highlight colours stay the same in all. The
    interface font is 10.5 pt, or the desktop's own size when that is larger (large print)."""
    if app.style().name().lower() != "fusion":  # already Fusion on most Linux desktops: skip the rebuild
        app.setStyle("Fusion")
    if contrast is None:
        contrast = os.environ.get(THEME_ENV, "").lower() == "contrast"
    dark = True if contrast else (system_prefers_dark(app) if dark is None else dark)
    size = max(10.5, app.font().pointSizeF())
    palette = QPalette()
    colours = _CONTRAST if contrast else (_DARK if dark else _LIGHT)
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSizeF(size)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    app.setProperty("annotextDark", dark)


_LIGHT = {
    QPalette.ColorRole.Window: "#f3f1ec",
    QPalette.ColorRole.WindowText: "#1f1f1f",
    QPalette.ColorRole.Base: "#fffdf8",
    QPalette.ColorRole.AlternateBase: "#f6f3ec",
    QPalette.ColorRole.Text: "#1c1c1c",
    QPalette.ColorRole.Button: "#ece9e2",
    QPalette.ColorRole.ButtonText: "#1f1f1f",
    QPalette.ColorRole.Highlight: "#2f6fdf",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#fffbe6",
    QPalette.ColorRole.ToolTipText: "#1f1f1f",
    QPalette.ColorRole.Mid: "#9a968e",
    QPalette.ColorRole.PlaceholderText: "#8a867e",
}
_DARK = {
    QPalette.ColorRole.Window: "#23252a",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1b1d21",
    QPalette.ColorRole.AlternateBase: "#24272c",
    QPalette.ColorRole.Text: "#e4e2dd",
    QPalette.ColorRole.Button: "#2e3137",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#4c8dff",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#30333a",
    QPalette.ColorRole.ToolTipText: "#eeeeee",
    QPalette.ColorRole.Mid: "#80848c",
    QPalette.ColorRole.PlaceholderText: "#80848c",
}
_CONTRAST = {  # high contrast: white on black, yellow focus and selection, no mid greys for text
    **_DARK,
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#101010",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#ffff00",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.ToolTipBase: "#000000",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.Mid: "#c0c0c0",
    QPalette.ColorRole.PlaceholderText: "#d0d0d0",
}
