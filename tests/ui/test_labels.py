"""Labels and what is said to a screen reader: what one key makes said is said as one."""

import shiboken6
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from app.ui.labels import announce, forget_said


def heard_on_the_bus(monkeypatch) -> list[tuple[object, str]]:
    """What reaches the platform's accessibility bridge: (from, words) for each announcement."""
    heard = []

    def bridge(event):
        heard.append((event.object(), event.message()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", bridge)
    return heard


def test_what_one_key_makes_said_is_said_as_one_a_reminder_first(qtbot, monkeypatch):
    """Said apart, a screen reader that speaks each at once cut off the Dash's next item with
    the reminder its answer raised: "Item 9 of 24: Are you pregnant…" was never heard
    (screen-reader walk, 2026-12-07; H593)."""
    heard = heard_on_the_bus(monkeypatch)
    table, reminders = QLabel(), QLabel()
    qtbot.addWidget(table)
    qtbot.addWidget(reminders)
    announce(table, "Item 8: Yes. Item 9 of 24: Are you pregnant?")
    announce(reminders, "New reminder: Red flag: Stalking", first=True)
    announce(table, "Item 8: Yes. Item 9 of 24: Are you pregnant?")  # said once
    assert heard == []  # as the event loop turns
    qtbot.waitUntil(lambda: heard != [])
    assert heard == [
        (reminders, "New reminder: Red flag: Stalking Item 8: Yes. Item 9 of 24: Are you pregnant?")
    ]
    announce(table, "Item 9: No.")  # the next key: said on its own
    qtbot.waitUntil(lambda: len(heard) == 2)
    assert heard[1] == (table, "Item 9: No.")


def test_words_from_a_control_gone_or_forgotten_are_never_said(qtbot, monkeypatch):
    """A quick exit's clear forgets what was still to be said: "Copied 0300 …" was said as
    the app hid."""
    heard = heard_on_the_bus(monkeypatch)
    gone, status = QLabel(), QLabel()
    qtbot.addWidget(status)
    announce(gone, "Copied 0300 555 2866")
    shiboken6.delete(gone)  # a page drawn again
    announce(status, "Summary copied")
    qtbot.waitUntil(lambda: heard != [])
    assert heard == [(status, "Summary copied")]
    announce(status, "Copied 0121 569 2355")
    forget_said()
    qtbot.wait(50)
    assert len(heard) == 1
