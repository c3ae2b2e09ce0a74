"""Scroll areas: the viewport's size, and the control with the focus kept in view.

The size is read without asking for the viewport: PySide wraps that plain QWidget (made by
Qt, not by us) by trying every widget type it knows, which made 67 types (20 ms) on the
first paint of the first question. (The types are made later, in steps: app/ui/qt_types.py.)"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget


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
    inside = area.widget()
    if focused is not None and inside is not None and inside.isAncestorOf(focused):
        # once the layouts waiting have run (a new text size: the places measured before
        # were stale), and after Qt's own scroll on a Tab from inside the area
        QTimer.singleShot(0, area, lambda: _scroll_to(area, focused))


def _scroll_to(area: QScrollArea, focused: QWidget) -> None:
    inside = area.widget()
    kept = shiboken6.isValid(focused) and focused.window().focusWidget() is focused
    if not (kept and inside is not None and inside.isAncestorOf(focused)):
        return  # the focus moved on, or the page went, meanwhile
    area.ensureWidgetVisible(focused, 8, 8)
    if focused.height() + 16 > viewport_size(area).height():
        # taller than the view: its top, where its words start (Qt centres it, and a card's
        # instruction stood above the view)
        area.verticalScrollBar().setValue(focused.mapTo(inside, QPoint(0, 0)).y() - 8)


class FocusInView(QObject):
    """Keeps `area` scrolled to the control given the focus inside it (keep_in_view); made
    its child, so it goes with it."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        QApplication.instance().focusChanged.connect(self._follow)
        # and when what is above it grows: typing into the lead's Phone field added a line
        # above it, and at 24 pt the field went below the view, still focused (walk, H456)
        area.verticalScrollBar().rangeChanged.connect(
            lambda *_: keep_in_view(area, QApplication.focusWidget())
        )

    def _follow(self, _old, new) -> None:
        keep_in_view(self.area, new)


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area that follows its width and keeps the focus in view."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    # its controls take the focus, never the area: a Tab stop with no name, where a screen
    # reader said nothing (the lead's walk, 2026-12-06)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    FocusInView(area)
    return area
