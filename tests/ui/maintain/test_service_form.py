"""One service's fields in the lead's window, at every text size and by keyboard alone."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit


def test_at_a_large_text_size_every_label_is_above_its_field_and_nothing_scrolls_sideways(
    lead_window, qtbot
):
    """At 24 pt the form scrolled sideways, its labels off the left edge, and the lead typed
    the new number into Organisation (the lead's walk, 2026-12-06)."""
    form = lead_window.form
    lead_window.select("solihull-mash")
    assert form.fields.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapLongRows
    big = QFont(lead_window.font())
    big.setPointSize(24)
    lead_window.setFont(big)
    qtbot.waitUntil(lambda: form.fields.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows)
    pane = form.parentWidget().parentWidget()  # the scroll area's view
    qtbot.waitUntil(lambda: form.width() <= pane.width())
    field = form.editors["phone"].parentWidget()
    label = form.fields.labelForField(field)
    qtbot.waitUntil(lambda: label.geometry().bottom() <= field.geometry().top())


def test_tab_goes_on_from_a_box_of_several_lines(lead_window, qtbot):
    """Tab typed tabs into How to refer, Alert and Notes: 24 went into one, and the fields
    after them could be reached only from below (the lead's walk, 2026-12-06)."""
    lead_window.select("crasac")
    boxes = [e for e in lead_window.form.editors.values() if isinstance(e, QPlainTextEdit)]
    assert boxes and all(box.tabChangesFocus() for box in boxes)
    route = lead_window.form.editors["referral_route"]
    before = route.toPlainText()
    route.setFocus()
    qtbot.keyClick(route, Qt.Key.Key_Tab)
    assert route.toPlainText() == before
