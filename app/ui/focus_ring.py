"""A focus indicator the worker can always see (GOV.UK's: 3 pixels, high contrast): a
QFocusFrame that follows keyboard focus round the window and draws a 3-pixel ring in the
palette's highlight with a 1-pixel inner line in its text colour, so it stands out on
light, dark and high-contrast palettes alike.

Made once the first question has painted (MainWindow.ring_focus): defining a proxy style makes
QStyle's Python type, eleven enums (~6 ms) the first question does not need."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QProxyStyle, QStyle, QWidget

from app.ui.palettes import GAP, RING


class FocusRingStyle(QProxyStyle):
    def pixelMetric(self, metric, option=None, widget=None) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return RING + GAP
        return super().pixelMetric(metric, option, widget)

    def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:
        # drawn over the scroll area's content or the window, not inside the control's own
        # parent: inside an expander the ring round "Why, and sources" was cut to one pixel
        # above, below and left (look on Xvfb, 2026-12-02)
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, returnData)

    def drawControl(self, element, option, painter, widget=None) -> None:
        if element != QStyle.ControlElement.CE_FocusFrame:
            super().drawControl(element, option, painter, widget)
            return
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        outer = QRectF(option.rect).adjusted(RING / 2, RING / 2, -RING / 2, -RING / 2)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), RING))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(outer)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
        painter.drawRect(QRectF(option.rect).adjusted(RING, RING, -RING - 1, -RING - 1))
        painter.restore()


class FocusRing(QObject):
    """One per window: moves a QFocusFrame to whichever of its controls has keyboard focus.
    The frame lives beside the control it rings, so it goes when a plan is redrawn; a new
    one is made when needed."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.owner = window
        self.style = FocusRingStyle()  # the frame's only: the app's own style is untouched
        self.frame: QFocusFrame | None = None
        QApplication.instance().focusChanged.connect(self._follow)
        self._frame()  # rings the control that has focus already (made after the first paint)

    def widget(self) -> QWidget | None:
        return self._frame().widget()

    def isVisible(self) -> bool:
        return self._frame().isVisible()

    def _frame(self) -> QFocusFrame:
        if self.frame is None or not shiboken6.isValid(self.frame):
            self.frame = QFocusFrame(self.owner)
            self.frame.setObjectName("focus_ring")
            self.frame.setStyle(self.style)
            self._ring(QApplication.focusWidget())
        return self.frame

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.owner):  # focus cleared as the window is destroyed
            return
        self._frame()
        self._ring(new)

    def _ring(self, new: QWidget | None) -> None:
        if new is not None and new.window() is self.owner and new is not self.owner:
            self.frame.setWidget(new)
            if new.isVisible() and not self.frame.isVisible():
                # QFocusFrame hid itself moving to some controls (a plan card scrolled to
                # its top at 24 pt) and never showed again: no ring at all
                self.frame.show()
                self.frame.raise_()
        elif new is None or new.window() is self.owner:
            self.frame.setWidget(None)
