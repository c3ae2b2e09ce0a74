"""Keyboard focus is always visible: a 3-pixel ring in the palette's highlight round the
control that has focus, on questions, the plan and settings, in every colour scheme."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.ui.focus_ring import GAP, RING
from tests.conftest import DATA
from tests.ui.conftest import walk

SCENARIO = json.loads((DATA / "reference.json").read_text())[0]["scenario"]


def ring_left_of(window, widget):
    """The colours just left of the control, in the window as drawn: the inner line next
    to the control, then the ring's three pixels."""
    image = window.grab().toImage()
    left = widget.mapTo(window, QPoint(0, widget.height() // 2))
    inner = image.pixelColor(left.x() - 1, left.y()).name()
    return inner, {image.pixelColor(left.x() - 2 - i, left.y()).name() for i in range(RING)}


def controls(window):
    yield "answer button", window.question_page.panel.buttons[0], None
    yield "quick exit", window.exit_button, None
    yield "colours", window.settings_tab.colours, window.settings_page
    window.tabs.setCurrentWidget(window.conversation)
    window.question_page.panel.buttons[0].setFocus()
    walk(window.qtbot, window, SCENARIO)
    yield "copy number", window.plan_view.cards[1].rows[0].copy_button, None


@pytest.mark.parametrize("scheme", ["light", "dark", "high_contrast"])
def test_the_focused_control_has_a_3_pixel_ring_in_the_highlight(qtbot, make_window, scheme):
    window = make_window()
    window.qtbot = qtbot
    window.replace_settings(colours=scheme)
    palette = QApplication.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    for name, widget, tab in controls(window):
        window.tabs.setCurrentWidget(tab or window.conversation)
        if tab is None and name == "copy number":
            window.plan_view.scroll.ensureWidgetVisible(widget)
        window.activateWindow()  # the offscreen platform forgets it now and then
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert window.focus_ring.widget() is widget and window.focus_ring.isVisible(), name
        if name != "quick exit":  # pinned to the window's edge: the ring runs off it there
            assert ring_left_of(window, widget) == (text, {highlight}), (name, scheme)
    window.replace_settings(colours="system")


def ringed_on_the_plan(qtbot, window, button):
    """The window as drawn with `button` of its plan focused and ringed; the highlight, and
    the point at the middle of the button's top edge."""
    if window.plan_view.scroll.widget().isAncestorOf(button):
        window.plan_view.scroll.ensureWidgetVisible(button, 50, 50)
    window.activateWindow()  # the offscreen platform forgets it now and then
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert window.focus_ring.widget() is button
    highlight = QApplication.palette().color(QPalette.ColorRole.Highlight).name()
    return window.grab().toImage(), highlight, button.mapTo(window, QPoint(button.width() // 2, 0))


def test_the_ring_is_whole_round_the_plans_buttons(qtbot, window):
    """The ring is drawn inside the button row: with no room round the row it was cut off
    above and below (seen at the largest text size)."""
    walk(qtbot, window, SCENARIO)
    button = window.plan_view.buttons["new"]
    image, highlight, middle = ringed_on_the_plan(qtbot, window, button)
    above = image.pixelColor(middle.x(), middle.y() - 2 - GAP).name()
    below = image.pixelColor(middle.x(), middle.y() + button.height() + 1 + GAP).name()
    assert above == below == highlight


def test_the_ring_is_whole_round_a_cards_why_and_sources(qtbot, window):
    """A "Details" button fills its expander's height: the ring, drawn inside the expander,
    was one pixel thin above, below and left of "Why, and sources" and "Red flags in full"
    (look on Xvfb, 2026-12-02). It is drawn over the plan instead."""
    walk(qtbot, window, SCENARIO)
    button = window.plan_view.cards[0].why.button
    image, highlight, middle = ringed_on_the_plan(qtbot, window, button)
    above = {image.pixelColor(middle.x(), middle.y() - 2 - i).name() for i in range(RING)}
    below = image.pixelColor(middle.x(), middle.y() + button.height() + 1 + GAP).name()
    assert above == {highlight} and below == highlight
    assert ring_left_of(window, button)[1] == {highlight}


def test_the_ring_follows_the_tab_key_and_never_sits_on_a_hidden_control(qtbot, window):
    seen = set()
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        ringed = window.focus_ring.widget()
        assert ringed is QApplication.focusWidget() and ringed.isVisible()
        seen.add(ringed)
    assert len(seen) > 2


def test_the_ring_shows_on_every_plan_control_tabbed_to_at_the_largest_text(qtbot, window):
    """At 24 pt in high contrast the second card, and its "Why, and sources", took the focus
    with no ring at all: the frame hid itself as it moved and was never shown again (a11y
    walk on Xvfb, 2026-12-07)."""
    window.replace_settings(text_size=24, colours="high_contrast")
    window.resize(1366, 697)
    walk(qtbot, window, SCENARIO)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.plan_view.setFocus()
    unringed = []
    for _ in range(14):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        qtbot.wait(20)
        focus = QApplication.focusWidget()
        if not window.plan_view.isAncestorOf(focus):
            break
        if not (window.focus_ring.widget() is focus and window.focus_ring.isVisible()):
            unringed.append(focus.accessibleName())
    window.replace_settings(text_size=11, colours="system")
    assert unringed == []
