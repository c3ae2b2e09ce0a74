"""A scroll area's viewport size, read without asking for its viewport: PySide wraps that
plain QWidget (made by Qt, not by us) by trying every widget type it knows, which made 67
types (20 ms) on the first paint of the first question. (The types are made later, in steps:
app/ui/qt_types.py.)"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget


def viewport_size(area: QAbstractScrollArea) -> QSize:
    inside = area.contentsRect()
    vertical, horizontal = area.verticalScrollBar(), area.horizontalScrollBar()
    width = inside.width() - (vertical.width() if vertical.isVisible() else 0)
    height = inside.height() - (horizontal.height() if horizontal.isVisible() else 0)
    return QSize(width, height)


def keep_in_view(area: QScrollArea, focused: QWidget | None) -> None:
    """The control given the focus in `area` scrolled into view, however the focus came: Qt
    does it only for Tab from inside the area, and Shift+Tab from the buttons under the plan
    or the 999 card left the focus on a control out of view (Xvfb walk, 2026-12-04)."""
    if focused is not None and area.widget() is not None and area.widget().isAncestorOf(focused):
        area.ensureWidgetVisible(focused, 8, 8)
