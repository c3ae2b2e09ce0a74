"""The Practice tab in the main window, where machine policy allows it, with its own
window title so a practice case is never mistaken for a real one."""

from __future__ import annotations

from app.ui.practice.practice_view import PracticeView

PRACTICE_TITLE = "Navigator \u2014 Practice"


def practice_view(window) -> PracticeView:
    """The Practice tab's page for `window` (where policy allows it), which retitles the
    window while it is the tab on screen."""
    view = PracticeView(
        window.pathway.graph,
        window.today,
        window.user_data,
        window.allow_exports,
        window.settings.organisation,
    )

    def retitle(_index: int) -> None:
        if window.screens.currentWidget() is window.work:  # not over the neutral screen
            on_practice = window.tabs.currentWidget() is view
            window.setWindowTitle(PRACTICE_TITLE if on_practice else window.title)

    window.tabs.currentChanged.connect(retitle)
    return view
