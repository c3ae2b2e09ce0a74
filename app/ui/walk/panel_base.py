"""What every answer panel shares: its signal, its question, what it holds not yet
confirmed, and the big push buttons answers are given with."""

from __future__ import annotations

import time
from functools import cache
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from app.pathways.graph import Question
from app.ui.labels import announce, scaled

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NONE_KEY = "0"  # "none of these", wherever nothing ticked is an answer
TYPED_AHEAD_S = 1.0  # after the rest of a page is brought into view, answer keys wait this long
PRESSED_AGAIN_S = 0.5  # after a held press, before the next is taken
SHORTCUT_HELD = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.MetaModifier
)


def typed(event: QKeyEvent) -> str:
    """The answer key pressed (upper case), or '' with Alt, Ctrl or Meta held: those keys
    are the window's shortcuts. Alt+C on a tick page, meant to copy, ticked "LGBTQ+ [C]"
    unseen and the plan gained a card (officer walk, 2026-12-02)."""
    return "" if event.modifiers() & SHORTCUT_HELD else event.text().upper()


def entered(event: QKeyEvent) -> bool:
    """Enter alone: Ctrl+Enter and Alt+Enter kept an answer as Enter does (re-attack round)."""
    return event.key() in ENTER and not event.modifiers() & SHORTCUT_HELD


class IgnoresChords(QObject):
    """On an answer's button, Enter or Space with Alt, Ctrl or Meta held presses nothing: a
    focused "None of these" took Ctrl+Enter, and "Yes" (someone in danger now) Ctrl+Space,
    as a plain key (second re-attack round, 2026-12-02)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        pressed = event.key() in (*ENTER, Qt.Key.Key_Space)
        return pressed and bool(event.modifiers() & SHORTCUT_HELD)


@cache
def _chords() -> IgnoresChords:
    return IgnoresChords()  # one for every button, made with the first


def ignores_chords(button: QPushButton) -> QPushButton:
    button.installEventFilter(_chords())
    return button


CURRENT = "\u2713 "  # marks the answer already given, in words for a screen reader too


LONG = 40  # characters past which an answer's words (not its key) take two lines


def two_lines(text: str) -> str:
    """A long answer on two lines, broken at the space nearest its middle: a push button's
    words never wrap, and "Someone else (a carer, landlord, acquaintance or stranger)" ran
    past the page under a scroll bar at a laptop's width (review 2026-12-01)."""
    if len(text) <= LONG or " " not in text.strip():
        return text
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " " and 0 < i < len(text) - 1]
    at = min(spaces, key=lambda i: abs(i - middle))
    return text[:at].rstrip() + "\n" + text[at:].lstrip()


def big_button(name: str, key: str, current: bool = False) -> QPushButton:
    """An answer: a push button (one press answers, it is not a check box), sized to its
    words; the answer already given is marked with a tick and said to be the current one.
    Its words are measured without the key: "Someone worried about another person    [2]"
    took two lines beside answers on one (walk, 2026-12-03)."""
    text = f"{two_lines(name)}    [{key}]"
    button = ignores_chords(QPushButton((CURRENT if current else "") + text))
    button.setAccessibleName(name)
    if current:
        button.setAccessibleDescription("Your answer so far: Enter keeps it")
    button.setMinimumHeight(44)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    button.setFont(scaled(button.font(), 1.2, bold=current))
    return button


class KeyHold:
    """Answer keys typed ahead wait a moment: a key meant for what came before (the Dash,
    which moves on at its last item without Enter; a page's end just brought into view) is
    not taken here unread (reviews 2026-12-01)."""

    keys_held_until = 0.0

    def hold_keys(self, seconds: float = TYPED_AHEAD_S) -> None:
        self.keys_held_until = time.monotonic() + seconds

    def keys_held(self) -> bool:
        return time.monotonic() < self.keys_held_until

    def hold_keys_at_least(self, seconds: float) -> None:
        """Held no shorter than now, and `seconds` more at least."""
        self.keys_held_until = max(self.keys_held_until, time.monotonic() + seconds)


class SpaceAsksFirst(KeyHold):
    """Space on an answer or a box the page focused (as it opened, or after a key) is taken
    only pressed again, a moment later: a stray Space answered "Yes, somewhere safe
    tonight" (the housing card went), ticked tier 1's "high risk" and took "Children live in
    the household" off (housing officer's walks, 2026-12-04; H396, H400). What the worker
    moved to (Tab, a click) takes Space at once, as a control does. The panel names what
    Space would do (space_question) in its `more` words, and installs itself as its
    controls' event filter."""

    app_focused: QObject | None = None  # focused by the page, not by the worker
    space_asked: QObject | None = None  # Space asked about: pressed again, it is taken
    space_passing: QObject | None = None  # the control whose Space press went through

    def space_question(self, watched: QObject) -> str:
        raise NotImplementedError

    def ask(self, text: str) -> None:
        """Words waiting for a key, shown in `more` and heard: a key taken in silence is
        lost (a screen reader's user heard nothing of the first Space: re-walk, H400)."""
        self.more.setText(text)
        self.more.show()
        announce(self.more, text)

    def _focus(self, widget: QWidget) -> None:
        """The focus put on a control by the page, not by the worker: Space there asks."""
        widget.setFocus()
        self.app_focused = widget

    def space_filter(self, watched: QObject, event: QEvent) -> bool:
        """Whether the event is held back from the control (an event filter's answer)."""
        kinds = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
        if event.type() not in kinds or event.key() != Qt.Key.Key_Space:
            return False
        if event.type() == QEvent.Type.KeyPress and self.keys_held():
            return True
        if event.type() == QEvent.Type.KeyRelease:  # the press's own, asked about or let by
            return watched is not self.space_passing
        if watched is not self.app_focused or self.space_asked is watched:
            self.space_asked, self.space_passing = None, watched
            return False
        self.space_passing = None
        if not event.isAutoRepeat():
            self.ask(self.space_question(watched))
            self.space_asked = watched
            self.hold_keys()
        return True


class AnswerPanel(QWidget):
    answered = Signal(object)
    # what it holds changed, not yet an answer (a Dash item): reminders may follow it
    holding_changed = Signal()

    def __init__(self, question: Question, current: Any) -> None:
        super().__init__()
        self.question = question
        self.current = current
        self.setAccessibleName(question.prompt)  # the answers are read with their question
        self.setAccessibleDescription(question.help)

    def pending(self) -> Any:
        """What the panel holds that is not an answer yet (ticks, Dash items, a number
        typed): a page drawn again at a new text size starts from it, never loses it."""
        return self.current

    def cursor(self) -> Any:
        """Where the worker is within the panel (the Dash's item), kept with `pending`."""
        return None

    def restore(self, cursor: Any) -> None:
        """Back where `cursor` says, on the panel drawn anew."""

    def given_as_none(self) -> str:
        """The question was answered with no answer (the Dash "not completed"): a panel
        whose Enter would otherwise give an answer keeps that one instead, and says so (the
        page shows it where it stays on screen)."""
        return ""

    def in_view(self, focused: QWidget) -> QWidget:
        """What the page keeps on screen while `focused` has the keyboard focus."""
        return focused

    def fit(self, height: int) -> None:
        """The page's view is `height` pixels high (a panel may shape itself to it)."""

    def focus_first(self) -> None:
        controls = [
            w for w in self.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        (controls[0] if controls else self).setFocus()
