"""A whole-number box that keeps what was typed and says what is wrong with it: the walk's
counts and the Settings tab's numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QSpinBox


@dataclass(frozen=True)
class Typed:
    """What a box holds that is not a number (empty, "2-3"), carried to the box drawn anew
    at another text size: shown and refused again, never a number."""

    text: str


class NoMiddleClickPaste(QLineEdit):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("qt_spinbox_lineedit")  # as Qt names its own: a part of the box

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.MiddleButton:
            super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.MiddleButton:
            super().mouseReleaseEvent(event)


class NumberBox(QSpinBox):
    """A number box that knows when what it shows is not a number. Qt puts the last number
    back on Enter, or when the box loses the focus or is shown: 4 typed and deleted was
    answered 4 incidents, a high risk the worker never gave (H69). And Qt dropped what it
    could not read as it was typed: "2-3" became 23, "1.5" 15 (review 2026-12-01). Now
    every key typed stays on screen, and text that is not one whole number in range
    (empty, "+" alone, "2-3", "1 or 2") is `wrong`; typing a number or stepping with the
    arrows gives a number the worker sees."""

    def __init__(self) -> None:
        super().__init__()
        self.setLineEdit(NoMiddleClickPaste())  # first: the box's signals are its
        # Tab or a click only: scrolled under the pointer, Qt's wheel focus took the focus
        # to another box, and keys meant for the first went into it (verifier, H612)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.wrong: str | None = None
        self.typed_here = False  # typed in: coming back to it keeps the cursor
        self.lineEdit().textEdited.connect(self._edited)
        # Neither its menu (its "Step up"/"Step down" made 119 of 120 by keys, unsaid) nor a
        # middle click (X11 pastes whatever was last selected: 2 became 21, given) makes a
        # number: typed, or pasted with Ctrl+V, it is seen and held as typing is (re-attack,
        # 2026-12-07; H624)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.lineEdit().setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def validate(self, text: str, position: int) -> object:
        state, _, _ = super().validate(text, position)  # and as typed: no space dropped
        if state == QValidator.State.Invalid:  # kept to be seen and refused, never dropped
            state = QValidator.State.Intermediate
        return state, text, position

    def _edited(self, text: str) -> None:
        self.typed_here = True
        typed = text.removesuffix(self.suffix()).strip()  # "30 minutes": the number is 30
        digits = typed.removeprefix("+")
        number = digits.isascii() and digits.isdigit()
        self.wrong = None if number and self.minimum() <= int(digits) <= self.maximum() else typed

    def stepBy(self, steps: int) -> None:
        self.wrong = None  # a number the worker can see, chosen with the arrows or wheel
        super().stepBy(steps)

    def show_wrong(self, text: str) -> None:
        self.wrong = text
        self.lineEdit().setText(text + self.suffix())

    def refusal(self) -> str:
        """What is wrong with what was typed, and what is allowed ("" when nothing is)."""
        if self.wrong is None:
            return ""
        return refusal(self.wrong.strip(), self.maximum(), self.minimum())

    def _keep_wrong(self) -> None:
        if self.wrong is not None:  # Qt has put the last number back: what was typed again
            self.lineEdit().setText(self.wrong + self.suffix())

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._keep_wrong()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._keep_wrong()

    def wheelEvent(self, event) -> None:
        # scrolling the page over the box never changes the number, focused or not: the
        # count's box always has the focus, and three notches over it, re-reading the
        # question at 24 pt, made a count of 2 that Enter took (verifier, 2026-12-07; H611)
        event.ignore()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # given: no longer being typed, so selected whole when come back to ("7",
            # Enter, away and back, "5" made 57 minutes: seams review, 2026-12-07; H626)
            self.typed_here = False
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        """The number selected whole, to be typed over (drawn anew after a text-size change,
        the cursor stood before "3", and "5" made 53: H611), except where the worker was
        typing it and comes back as they left it: "1" typed, a look at another window (H612)
        or at the Directory tab (Ctrl+Tab away and back: third look, 2026-12-07; H615), and
        "2" made 2, not 12. Come to by Tab or a shortcut, it is selected still, as a box is;
        a click puts the cursor where it points."""
        super().focusInEvent(event)
        chosen = (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        placed = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason)
        if event.reason() in chosen or not (self.typed_here or event.reason() in placed):
            self.selectAll()


def refusal(shown: str, top: int, bottom: int = 0) -> str:
    """What is wrong with what was typed, and what is allowed (one line at 24 pt when
    nothing was typed)."""
    allowed = f"Type a whole number from {bottom:,} to {top:,}"
    # a comma only as thousands are written ("1,000"): "1,2" is one or two, never 12; a
    # leading "+" is allowed, as the box takes "+5"
    grouped = re.fullmatch(r"[-+]?[0-9]{1,3}(,[0-9]{3})+|-?[0-9]+", shown, re.ASCII)
    digits = shown.replace(",", "").lstrip("+-")
    number = grouped is not None
    if not any(c.isdigit() for c in shown):
        return f"{allowed}."
    if number and (shown.startswith("-") or int(digits) < bottom):
        return f"“{shown}” is less than {bottom:,}. {allowed}."
    if number and int(digits) > top:
        return f"“{shown}” is more than {top:,}. {allowed}."
    if number:  # "1,000": the box reads digits only
        return f"“{shown}”: type the digits only, without commas ({digits})."
    return f"“{shown}” is not one number. {allowed}, digits only."
