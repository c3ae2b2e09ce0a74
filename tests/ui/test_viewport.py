"""A scroll area keeps the control given the focus in view, however the focus came."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.ui.viewport import scrolling
from tests.ui.conftest import wait_in_view


def page_of_buttons(qtbot, tall_at: int | None = None):
    inside = QWidget()
    column = QVBoxLayout(inside)
    buttons = [QPushButton(f"button {i}") for i in range(30)]
    for button in buttons:
        column.addWidget(button)
    if tall_at is not None:
        buttons[tall_at].setMinimumHeight(600)  # taller than the view
    window = QWidget()
    qtbot.addWidget(window)
    outside = QPushButton("outside")
    layout = QVBoxLayout(window)
    layout.addWidget(scrolling(inside))
    layout.addWidget(outside)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, buttons, outside  # the window kept: collected, its buttons went too


def test_the_last_control_reached_from_outside_is_brought_into_view(qtbot):
    _window, buttons, outside = page_of_buttons(qtbot)
    outside.setFocus()
    qtbot.keyClick(outside, Qt.Key.Key_Backtab)  # into the area, at its last control
    assert buttons[-1].hasFocus()
    wait_in_view(qtbot, buttons[-1])


def test_a_control_taller_than_the_view_shows_its_top(qtbot):
    _window, buttons, _ = page_of_buttons(qtbot, tall_at=20)
    buttons[20].setFocus(Qt.FocusReason.TabFocusReason)

    def its_top_shown() -> bool:
        shown = buttons[20].visibleRegion().boundingRect()
        return shown.top() == 0 and shown.height() > 0

    qtbot.waitUntil(its_top_shown)


def test_the_control_with_the_focus_stays_in_view_as_what_is_above_it_grows(qtbot):
    """Typing into the lead's Phone field added a line above it ("Changes typed, not
    applied yet"), and at 24 pt the field went below the view, still focused (keyboard
    walk, 2026-12-06)."""
    _window, buttons, _ = page_of_buttons(qtbot)
    buttons[12].setFocus(Qt.FocusReason.TabFocusReason)
    wait_in_view(qtbot, buttons[12])
    qtbot.wait(50)
    buttons[0].setText("\n".join(["a heading grown by a line"] * 8))  # above it: it moves down
    buttons[0].setMinimumHeight(buttons[0].sizeHint().height())
    qtbot.wait(50)
    wait_in_view(qtbot, buttons[12])
