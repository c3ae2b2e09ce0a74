"""A scroll area's viewport size, read without asking for its viewport: PySide wraps that
plain QWidget (made by Qt, not by us) by trying every widget type it knows, which made 67
types (20 ms) on the first paint of the first question. (The types are made later, in steps:
app/ui/qt_types.py.)"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea


def viewport_size(area: QAbstractScrollArea) -> QSize:
    inside = area.contentsRect()
    vertical, horizontal = area.verticalScrollBar(), area.horizontalScrollBar()
    width = inside.width() - (vertical.width() if vertical.isVisible() else 0)
    height = inside.height() - (horizontal.height() if horizontal.isVisible() else 0)
    return QSize(width, height)
