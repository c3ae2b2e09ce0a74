"""A tick box is visible unticked in every palette: on high contrast (black) the style's own
box, a shade of the window colour, was not drawn at all."""

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from app.ui.palettes import palette_for
from app.ui.tick_box import TickBox


@pytest.mark.parametrize("scheme", ["light", "dark", "high_contrast"])
def test_an_unticked_box_has_an_edge_in_the_text_colour(qtbot, scheme):
    box = TickBox("Needs an interpreter")
    box.setPalette(palette_for(scheme))
    qtbot.addWidget(box)
    box.show()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    edge = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    text = box.palette().color(QPalette.ColorRole.WindowText).name()
    middle = edge.center().y()
    assert image.pixelColor(edge.left() + 1, middle).name() == text


def test_the_box_grows_with_the_text(qtbot):
    """At 24 pt the style's 13-pixel box was a speck beside the words (review 2026-12-01)."""
    box = TickBox("Needs an interpreter")
    qtbot.addWidget(box)
    font = box.font()
    font.setPointSize(24)
    box.setFont(font)
    box.show()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    edge = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert edge.height() >= 0.7 * box.fontMetrics().height() > 20
