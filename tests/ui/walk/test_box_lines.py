"""A tick-box page's lines: Page Down never leaves one cut in two at the fold."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from tests.ui.walk.test_page_panel import needs_in_view, usual_text_size  # noqa: F401


def test_page_down_shows_every_box_and_hint_whole_so_enter_answers_at_the_end(qtbot, pathway):
    """At 24 pt, Page Down a view at a time cut boxes at each fold: none was read whole,
    and Enter at the page's end said "There was more below" again and again, the worker
    thinking the page stuck (officer walk F18). Each Page Down now brings the first line
    cut at the fold (a box's words, or the hint under them) to the top."""
    holder, panel = needs_in_view(qtbot, pathway, (500, 140))
    qtbot.wait(20)  # the first view painted, as before any key
    bar, seen, presses = holder.verticalScrollBar(), set(), 0
    lines = [w for w in panel.findChildren(QLabel) if w.objectName() == "Hint" or w in panel.words]
    while presses < 40:
        view = holder.viewport().rect()
        for i, line in enumerate(lines):
            place = line.rect().translated(line.mapTo(holder.viewport(), QPoint(0, 0)))
            if view.contains(place):
                seen.add(i)
        if bar.value() == bar.maximum():
            break
        qtbot.keyClick(panel.focusWidget() or panel, Qt.Key.Key_PageDown)
        qtbot.wait(20)  # painted: read as a worker reads it
        presses += 1
    assert seen == set(range(len(lines))) and len(lines) > len(panel.words)
    answered = []
    panel.answered.connect(answered.append)
    panel.keys_held_until = 0.0
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert not panel.more.text().startswith("There was more below")
    assert panel.more.text().startswith("Nothing is ticked")
