"""Tab goes through a page as it stands on screen. What a page makes anew each time it is
shown (a question's answers, the 999 card) joins the window's Tab order at its end, after
every control made with the window: Tab from the last answer went to the tab bar, and Back
and "Continue when safe" came before what stood above them (officer walk, 2026-12-03)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

TAKES_TAB = Qt.FocusPolicy.TabFocus


def place_before(content: QWidget, anchor: QWidget) -> None:
    """The controls of `content` (and it, if it takes the focus) just before `anchor` in
    the Tab order, in their own order, after whatever came before `anchor`: put after
    `anchor`, then `anchor` after them. Looking back from `anchor` for the control before it
    passed a scroll area's own parts, and PySide's first wrap of one (a class Qt keeps
    private) cost 11 ms of the first question's launch (2026-12-05)."""
    chain = _own_run(content) or _gathered(content, anchor)
    if not chain:
        return
    for before, control in pairwise((anchor, *chain)):
        QWidget.setTabOrder(before, control)
    QWidget.setTabOrder(chain[-1], anchor)


def _own_run(content: QWidget) -> list[QWidget]:
    """Its controls as one run from `content` itself, as Qt chains a page made apart and
    then put in the window; [] when they are not (a page placed before). Of the widgets
    outside it, only the one after the run is handed to PySide (see `place_before`)."""
    chain, widget = [], content
    while True:
        if widget.focusPolicy() & TAKES_TAB:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is content or not content.isAncestorOf(widget):
            break
    controls = [w for w in content.findChildren(QWidget) if w.focusPolicy() & TAKES_TAB]
    every = len(controls) + bool(content.focusPolicy() & TAKES_TAB)
    return chain if len(chain) == every else []


def _gathered(content: QWidget, anchor: QWidget) -> list[QWidget]:
    """Its controls in the window's Tab order, the whole chain walked."""
    chain, widget = [], anchor.nextInFocusChain()
    while widget is not anchor:
        inside = widget is content or content.isAncestorOf(widget)
        if inside and widget.focusPolicy() & TAKES_TAB:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain
