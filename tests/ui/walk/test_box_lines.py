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


def test_words_cut_at_the_fold_by_their_descent_alone_are_read(qtbot, pathway):
    """ "Sex work [I]" 2 px short of whole at 1366×697 was unread: every tier 1 walk took
    a press more to bring it into view (walk_bench, 2026-12-07). Cut by more than its
    descent, or at its top, a box's words are still unread."""
    holder, panel = needs_in_view(qtbot, pathway, (900, 2000))
    words = panel.words[-1]
    bar, view = holder.verticalScrollBar(), holder.viewport()
    bottom = words.mapTo(holder.widget(), QPoint(0, words.height())).y()
    descent = words.fontMetrics().descent()
    for cut, read in ((descent, True), (descent + 2, False)):
        holder.resize(900, bottom - cut + holder.height() - view.height())
        qtbot.waitUntil(lambda cut=cut: view.height() == bottom - cut)
        bar.setValue(0)
        words.read = False
        words.note_if_read()
        assert words.read is read, cut
    holder.resize(900, words.height() + 40 + holder.height() - view.height())
    qtbot.waitUntil(lambda: view.height() == words.height() + 40)
    bar.setValue(words.mapTo(holder.widget(), QPoint(0, 0)).y() + 2)  # its top 2 px above
    words.read = False
    words.note_if_read()
    assert not words.read


def test_a_boxs_words_are_not_read_while_the_words_above_them_still_stand_unwrapped(qtbot, pathway):
    """At 24 pt the judgement's long hint was painted on one line at first; the next box's
    words, on screen then, were noted read, the hint then wrapped and pushed them below the
    fold, and 0 answered "not at MARAC in the last 12 months" unseen (own look, 2026-12-07)."""
    from tests.ui.walk.test_page_panel import page_for, shown_panel

    panel = shown_panel(qtbot, page_for(pathway))
    qtbot.waitExposed(panel)
    hint = next(w for w in panel.findChildren(QLabel) if w.objectName() == "Hint")
    words = panel.words[-1]
    needed = hint.heightForWidth(hint.width())
    hint.setFixedHeight(needed - 4)  # not yet wrapped, as at the first paint
    words.read = False
    qtbot.waitUntil(lambda: hint.height() == needed - 4)
    panel.grab()  # painted
    assert not words.read
    hint.setMinimumHeight(0)
    hint.setMaximumHeight(16777215)
    qtbot.waitUntil(lambda: hint.height() == needed)
    panel.grab()
    assert words.read
