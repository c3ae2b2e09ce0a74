"""Tab goes through a page as it stands on screen. What a page makes anew each time it is
shown (a question's answers, the 999 card) joins the window's Tab order at its end, after
every control made with the window: Tab from the last answer went to the tab bar, and Back
and "Continue when safe" came before what stood above them (officer walk, 2026-12-03)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

TAKES_TAB = Qt.FocusPolicy.TabFocus


def place_before(content: QWidget, anchor: QWidget) -> None:
    """The controls of `content` (and it, if it takes the focus) just before `anchor` in
    the Tab order, in their own order, after whatever came before `anchor`."""
    chain, widget = [], anchor.nextInFocusChain()
    while widget is not anchor:
        inside = widget is content or content.isAncestorOf(widget)
        if inside and widget.focusPolicy() & TAKES_TAB:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    before = anchor.previousInFocusChain()
    while not before.focusPolicy() & TAKES_TAB:
        before = before.previousInFocusChain()  # Qt orders only controls that take focus
    for control in (*chain, anchor):
        QWidget.setTabOrder(before, control)
        before = control
