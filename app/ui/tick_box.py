"""A tick box whose box is always outlined in the text colour: the style draws an empty box
in a shade of the window colour, which on the high-contrast palette (black) is no box at all."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox

from app.ui.field_style import field_style


class TickBox(QCheckBox):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.setStyle(field_style())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # the box follows the text size

    def paintEvent(self, event) -> None:
        # Made by their first use (a tick box is never on the first question's page): their
        # enums took ~2 ms on the path to it.
        from PySide6.QtGui import QPainter, QPen
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        super().paintEvent(event)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        box = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 2))
        painter.drawRect(box.adjusted(1, 1, -1, -1))
        painter.end()
