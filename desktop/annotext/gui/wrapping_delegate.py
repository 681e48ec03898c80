"""Item-view rows as tall as their text wrapped at the column's width.

QTreeView measures a row once, before its column has its final width, so a long name that fits
neither width nor height is cut with "…" even with word wrap on. This delegate measures the wrapped
text at the column's current width, and the view re-measures whenever a column is resized. Each
text is measured once per width and font: a list refilled every second while a long report is
read, or re-laid out when a scroll bar comes and goes, costs look-ups, not text layouts.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

_TALL = 1 << 20
_KEPT = 4096  # measured sizes remembered (the cache starts afresh beyond this)


class WrappingDelegate(QStyledItemDelegate):
    """Install on a QTreeView with word wrap: rows grow to show every line of their text."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.header().sectionResized.connect(lambda *_: view.scheduleDelayedItemsLayout())
        self._sizes: dict[tuple, QSize] = {}

    def text_width(self, option: QStyleOptionViewItem, column: int) -> int:
        """The width the style gives the text of a cell in `column` (padding and icon taken off)."""
        option.rect = QRect(0, 0, self.view.header().sectionSize(column), _TALL)
        return self.view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self.view).width()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt naming)
        """The usual size, made as tall as the text needs when wrapped at the column's width."""
        column = index.column()
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (column, self.view.header().sectionSize(column), index.data(), font.key(),
               index.data(Qt.ItemDataRole.DecorationRole) is not None)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= _KEPT:
                self._sizes.clear()
            size = self._sizes[key] = self._measure(option, index)
        return QSize(size)

    def _measure(self, option, index) -> QSize:
        base = super().sizeHint(option, index)
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        if not full.text:
            return base
        metrics = full.fontMetrics
        flags = int(Qt.TextFlag.TextWordWrap)
        wrapped = metrics.boundingRect(0, 0, max(1, self.text_width(full, index.column()) - 2), _TALL, flags, full.text)
        unwrapped = metrics.boundingRect(0, 0, _TALL, _TALL, 0, full.text)
        return QSize(base.width(), max(base.height(), base.height() - unwrapped.height() + wrapped.height()))
