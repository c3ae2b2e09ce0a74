"""The conversation's three columns (sections, the page, reminders) side by side on a wide
window; on a narrow one, or at a large text size, the section list goes (each page names its
section) and the reminders move under the page. The window never widens itself to fit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

# Characters of the current text size that three columns need side by side: about 18 for
# the sections, 70 for a readable plan and 30 for the reminders.
WIDE_CHARACTERS = 120


class ReflowingColumns(QSplitter):
    reflowed = Signal()  # read `wide` for which

    def __init__(self, left: QWidget, middle: QWidget, right: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.left, self.middle, self.right = left, middle, right
        for widget in (left, middle, right):
            self.addWidget(widget)
            self.setCollapsible(self.count() - 1, False)
        self.wide: bool | None = None
        self._arrange(True)

    def needed_width(self) -> int:
        return WIDE_CHARACTERS * self.fontMetrics().averageCharWidth()

    def _arrange(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        self.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        self.left.setVisible(wide)
        total = max(self.width() if wide else self.height(), 100)
        parts = (1, 4, 2) if wide else (0, 5, 1)  # the page keeps most of the room
        self.setSizes([total * p // sum(parts) for p in parts])
        self.reflowed.emit()

    def fit_last(self, height: int | None) -> None:
        """Under the page (narrow), the last part `height` pixels high, or its usual share
        (None); beside it (wide), nothing changes."""
        if self.wide:
            return
        total = max(self.height(), 100)
        last = total // 6 if height is None else min(height, total // 3)
        self.setSizes([0, total - last, last])

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width() >= self.needed_width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size setting changed
            self._arrange(self.width() >= self.needed_width())
        super().changeEvent(event)
