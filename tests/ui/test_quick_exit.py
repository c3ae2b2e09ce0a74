"""Quick exit's count of Shift presses, with keys as a keyboard sends them."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from app.ui.quick_exit import QuickExitController

TAB_SCAN_CODE, SHIFT_SCAN_CODE = 23, 50  # X11's, as a real keyboard gives them


def send(widget, kind, key, scan_code, modifiers=Qt.KeyboardModifier.NoModifier):
    QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, scan_code, 0, 0))


def shift_tab(widget):
    """Shift down, Tab down and up (Qt names the press Backtab, the release Tab), Shift up."""
    shift = Qt.KeyboardModifier.ShiftModifier
    send(widget, QEvent.Type.KeyPress, Qt.Key.Key_Shift, SHIFT_SCAN_CODE, shift)
    send(widget, QEvent.Type.KeyPress, Qt.Key.Key_Backtab, TAB_SCAN_CODE, shift)
    send(widget, QEvent.Type.KeyRelease, Qt.Key.Key_Tab, TAB_SCAN_CODE, shift)
    send(widget, QEvent.Type.KeyRelease, Qt.Key.Key_Shift, SHIFT_SCAN_CODE)


def test_shift_tab_again_and_again_is_never_a_quick_exit(qtbot):
    """Shift+Tab four times in a row cleared the case mid-conversation (review 2026-12-01)."""
    field = QLineEdit()
    qtbot.addWidget(field)
    controller = QuickExitController(idle_ms=600_000, parent=field)
    qtbot.waitUntil(lambda: controller.watching)
    exits = []
    controller.exit_requested.connect(lambda: exits.append(True))
    for _ in range(6):
        shift_tab(field)
    assert exits == []
    for _ in range(3):  # and Shift alone, three times, still is one
        send(field, QEvent.Type.KeyPress, Qt.Key.Key_Shift, SHIFT_SCAN_CODE)
        send(field, QEvent.Type.KeyRelease, Qt.Key.Key_Shift, SHIFT_SCAN_CODE)
    qtbot.waitUntil(lambda: exits != [])  # once the third Shift is delivered
    assert exits == [True]


def test_a_laptop_woken_after_the_period_clears_before_any_key_is_taken(qtbot):
    """Qt's timers do not count a laptop's sleep on Linux: a lid closed on a case kept its
    remaining time on waking, and the first key counted as activity, the case still on
    screen (privacy attack, 2026-12-07; H575). Slept past the period (gone on a clock that
    counts sleep), the first key clears and is not typed; so does the next check."""
    from app.ui.quick_exit import asleep_or_awake

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    controller = QuickExitController(idle_ms=600_000, parent=field)
    qtbot.waitUntil(lambda: controller.watching)
    cleared = []
    controller.idle.connect(lambda: cleared.append(True))
    qtbot.keyClicks(field, "a")  # awake, within the period: taken
    assert field.text() == "a" and cleared == []
    controller.deadline = asleep_or_awake() - 1  # slept past it: Qt's timer still running
    qtbot.keyClicks(field, "b")
    assert cleared == [True] and field.text() == "a"
    qtbot.keyClicks(field, "c")  # the period begins again
    assert cleared == [True] and field.text() == "ac"
    controller.deadline = asleep_or_awake() - 1
    controller.awake_check.timeout.emit()  # woken, nothing pressed: cleared within seconds
    assert cleared == [True, True]


def test_a_clock_put_forward_never_clears_and_moving_the_mouse_keeps_the_case(qtbot, monkeypatch):
    """The wall clock put forward (NTP on joining a network) cleared a case typed into every
    second; and the countdown says "move the mouse to keep it", which did not (verifier,
    2026-12-07)."""
    import time

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    controller = QuickExitController(idle_ms=600_000, parent=field)
    qtbot.waitUntil(lambda: controller.watching)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3600)
    assert not controller.overdue()
    counted = []
    controller.countdown.connect(counted.append)
    controller.tick.start()  # the last minute's countdown showing
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(3, 3),
        QPointF(3, 3),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(field, move)
    assert counted[-1] == -1 and not controller.tick.isActive()  # kept
    controller.tick.start()  # and one a system sends where the pointer stands still (a
    QApplication.sendEvent(field, move)  # window shown under it) is no one at the laptop
    assert controller.tick.isActive()


@pytest.mark.parametrize("idle_ms", [600_000, 60_000], ids=["10 minutes", "1 minute"])
def test_the_key_that_keeps_a_case_from_the_countdown_is_not_taken(qtbot, idle_ms):
    """ "Press any key … to keep it": the key kept the case and answered the question too,
    "Item 2: No" over a Yes (screen-reader walk, 2026-12-07; H591). Once the countdown has
    been said, a key keeps the case and nothing more; Shift still counts to a quick exit,
    and with the whole period one minute long, keys typed in its first half are taken."""
    from app.ui.quick_exit import asleep_or_awake

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    controller = QuickExitController(idle_ms=idle_ms, parent=field)
    qtbot.waitUntil(lambda: controller.watching)
    counted = []
    controller.countdown.connect(counted.append)
    controller.tick.start()  # the last minute's countdown showing
    qtbot.keyClicks(field, "a")  # typed at once after the last key: taken
    assert field.text() == "a"
    controller.tick.start()
    controller.active_at = asleep_or_awake() - idle_ms / 1000 + 5  # 5 s before the clear
    qtbot.keyClicks(field, "n")  # not said (no case, the disguise screen): taken (H598)
    assert field.text() == "an"
    controller.tick.start()
    controller.active_at = asleep_or_awake() - idle_ms / 1000 + 5
    controller.warned = True  # said, over a case (the window's show_countdown)
    qtbot.keyClicks(field, "n")
    assert field.text() == "an" and counted[-1] == -1 and not controller.tick.isActive()
    qtbot.keyClicks(field, "b")  # kept: the next key is taken
    assert field.text() == "anb"


def a_page_over_the_countdown(qtbot, back_keys: str):
    """A question's page, its answer with the focus and its "back" shortcut on `back_keys`,
    the countdown said over it 5 s before the clear: the page (kept by the caller: it owns
    the rest), its answer, the controller, and a list that grows as the shortcut acts."""
    from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut

    from app.ui.quick_exit import asleep_or_awake

    page = QWidget()
    field = QPushButton("Yes", page)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()  # shortcuts are for the window with the focus
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    field.setFocus()
    went_back = []
    back = QShortcut(QKeySequence(back_keys), page)
    back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # as the page's is
    back.activated.connect(lambda: went_back.append(True))
    controller = QuickExitController(idle_ms=600_000, parent=page)
    qtbot.waitUntil(lambda: controller.watching)
    controller.tick.start()
    controller.active_at = asleep_or_awake() - 595
    controller.warned = True  # said, over a case (the window's show_countdown)
    return page, field, controller, went_back


def test_a_shortcuts_key_keeps_the_case_from_the_countdown_and_does_nothing_else(qtbot):
    """Backspace (back a question) is a shortcut, fired before any key press is seen: said
    the countdown, it went back a question and kept nothing, and the case was cleared a
    minute after the last key (verifier on a real bus, 2026-12-07; H598)."""
    _page, field, controller, went_back = a_page_over_the_countdown(qtbot, "Backspace")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert went_back == [] and not controller.tick.isActive()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # kept: the shortcut, as ever
    assert went_back == [True]


def test_a_chord_pressed_over_the_countdown_only_keeps_the_case(qtbot):
    """Alt+Left (back a question) over the countdown: the Alt kept the case, and the Left,
    no longer over a countdown, went back a question (verifier on a real bus, 2026-12-07;
    H604). The chord's key only keeps it; once the modifier is released, keys act again."""
    _page, field, controller, went_back = a_page_over_the_countdown(qtbot, "Alt+Left")
    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert went_back == [] and not controller.tick.isActive()
    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # kept: it acts
    assert went_back == [True]
