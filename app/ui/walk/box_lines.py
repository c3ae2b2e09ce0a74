"""A tick-box page's lines as the worker reads them: each box's words, noted once they have
been on screen whole, and Page Down that never cuts a line in two at the fold."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QWidget


class BoxWords(QLabel):
    """A tick box's words: clicking them ticks the box, as a label does on the web."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setBuddy(box)
        self.box = box
        self.read = False  # has been on screen whole (or as much of it as the view holds)

    def mousePressEvent(self, event) -> None:
        self.box.toggle()
        self.box.setFocus()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)  # painted when scrolled into view, however it was scrolled
        # at its own height: on the page's first paint, before its layout settled, all the
        # words stood squashed (14 px of 18) on screen, were noted read, and 0 answered the
        # page with its last boxes below the fold (housing officer's walk, 2026-12-02). A
        # key's check (TickBoxPage._all_read) reads them as they stand then. So too the
        # page's other words above them: painted while a long hint still stood on one line,
        # the next box's words were noted read, then pushed below the fold as it wrapped, and
        # 0 answered "not at MARAC in the last 12 months" unseen at 24 pt (own look, 12-07)
        if all(_wrapped(label) for label in (self, *self.parentWidget().findChildren(QLabel))):
            self.note_if_read()

    def note_if_read(self) -> None:
        page = self.parentWidget()
        seen = self.visibleRegion().boundingRect()
        whole = min(self.height(), page.visibleRegion().boundingRect().height())
        # below the fold by no more than its last line's descent, its words are all on
        # screen: "Sex work [I]", 2 px short, cost every tier 1 walk a press at 1366×697
        # (walk_bench, 2026-12-07); cut at the top, a capital's top is cut, so not there
        slack = self.fontMetrics().descent() if seen.height() and seen.top() == 0 else 0
        self.read = self.read or (self.isVisible() and seen.height() + slack >= whole > 0)


def _wrapped(label: QLabel) -> bool:
    """Whether a label stands at its full height (its words wrapped as they will stay)."""
    if not (label.wordWrap() and label.isVisible()):
        return True
    return label.height() >= label.heightForWidth(label.width())


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, QScrollArea):
        holder = holder.parentWidget()
    return holder


def cut_line_to_top(page) -> bool:
    """Page Down: the first of the page's `lines` cut at the fold (a box's words, or the hint
    under them) brought to the top. A view at a time left boxes cut in two at each fold,
    never read whole, and Enter at the page's end said "There was more below" again and
    again (officer walk F18, 24 pt). False when that would not move the view on (a line
    taller than it): Page Down then pages as usual."""
    holder = scroll_area_of(page)
    if holder is None:
        return False
    bar, height = holder.verticalScrollBar(), holder.viewport().height()
    for line in page.lines:  # a hint too: "If so, do not alert them…" was cut in two
        top = line.mapTo(holder.widget(), QPoint(0, 0)).y()
        if top + line.height() > bar.value() + height:  # cut at the fold, or below it
            target = top - max(0, min(8, height - line.height()))
            if target <= bar.value():
                return False
            bar.setValue(target)
            return True
    bar.setValue(bar.maximum())  # the last box's words in view: on to the buttons
    return True
