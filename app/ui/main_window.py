"""The main window: the conversation (walk, plan, read-back), directory and settings tabs,
an always-visible quick exit, and a neutral screen to vanish to; what leaves it from a plan
(copies, the PDF) is `SharesThePlan`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.directory_updates import DirectoryUpdates, Loaded, worker_notes
from app.pathways.engine import Pathway
from app.settings import UserSettings
from app.ui import gui_collector
from app.ui.case import CaseSession
from app.ui.case_holders import ForgetsTheCase, neutral_screen
from app.ui.clipboard_guard import ClipboardGuard
from app.ui.conversation import Conversation
from app.ui.directory.new_numbers import TellsOfNewNumbers
from app.ui.directory.switching import DirectorySwitch
from app.ui.labels import ask_yes_no, plain_label
from app.ui.other_tabs import OtherTabs
from app.ui.palettes import use_scheme, use_text_size
from app.ui.plan_exports import SharesThePlan
from app.ui.quick_exit import QuickExitController
from app.ui.status_line import StatusLine
from app.ui.walk.summary_strip import SHOWN
from app.user_data import UserData

if TYPE_CHECKING:  # a type only: the search thread's module (~3 ms) waits for its tab
    from app.ui.directory.search_worker import SearchOpener

TITLE = "Navigator"  # never names abuse


def _prefill(settings: UserSettings) -> dict:
    """Answers the worker's settings give: their tier, and their usual area if set (shown
    in the summary strip from the first page, to change in one press)."""
    prefill = {"tier": settings.tier}
    if settings.default_borough:
        prefill["borough"] = settings.default_borough
    return prefill


class MainWindow(QMainWindow, ForgetsTheCase, SharesThePlan, TellsOfNewNumbers):
    def __init__(
        self,
        pathway: Pathway,
        settings: UserSettings,
        open_search: SearchOpener,
        today: Callable[[], date] = date.today,
        debounce_ms: int = 120,
        warn_ms: int = 60_000,
        user_data: UserData | None = None,
        directory_notes: list[str] = (),
        allow_exports: bool = True,
        updates: DirectoryUpdates | None = None,
        maintain=None,
        allow_practice: bool = True,
    ) -> None:
        super().__init__()
        self.allow_exports = allow_exports
        self.allow_practice = allow_practice
        self.title = TITLE
        self.setWindowTitle(TITLE)
        self.today = today
        self.settings = settings
        self.user_data = user_data  # None: nothing is kept (tests of the walk alone)
        self.pathway = pathway
        self.session = CaseSession(pathway, pathway.graph.settings, _prefill(settings))
        self.clipboard = ClipboardGuard(self.case_texts)
        self.active_file_dialog = None
        self.pdf_path_provider: Callable[[], str | None] = self._ask_pdf_path
        self.confirm_new = partial(ask_yes_no, self, "New conversation")  # tests answer it
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self.work = QWidget()
        self.neutral = neutral_screen(self.reopen)
        self.screens.addWidget(self.work)
        self.screens.addWidget(self.neutral)
        column = QVBoxLayout(self.work)
        self.banner = QLabel()
        self.banner.setAccessibleName("Inactivity warning")
        self.banner.setWordWrap(True)
        self.banner.hide()
        column.addWidget(self.banner)
        self.storage_banner = plain_label("", "About your settings file")
        column.addWidget(self.storage_banner)
        self.directory_banner = plain_label("", "About the directory")
        column.addWidget(self.directory_banner)  # in the window before shown (not a window)
        self.directory_notes_are(" ".join(directory_notes))
        self.show_storage_notes()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sections of the app")
        self.tabs.setCornerWidget(self._quick_exit_button())  # pinned, on every tab and size
        self.tabs.addTab(self._conversation(), "Conversation")
        self.switch = None  # no updates (tests of the walk alone): the directory never changes
        if updates is not None:
            self.switch = DirectorySwitch(
                updates,
                lambda: bool(self.holds_case()),
                self.use_directory,
                self,
                waiting=self.directory_waiting,
            )
        self.other_tabs = OtherTabs(self, open_search, debounce_ms, updates, maintain)
        self.settings_page = self.other_tabs.settings_page
        column.addWidget(self.tabs, 1)
        self.conversation.answer_keys_from(self.tabs.tabBar(), self.exit_button)
        self.status = plain_label("", "Status", StatusLine)
        self._show_versions()
        column.addWidget(self.status)
        columns = self.conversation.columns
        columns.reflowed.connect(lambda: self.status.use_room(bool(columns.wide)))
        self.guard = QuickExitController(settings.inactivity_minutes * 60_000, warn_ms, self)
        self.guard.exit_requested.connect(self.quick_exit)
        self.guard.idle.connect(self.clear_for_inactivity)
        self.guard.countdown.connect(self.show_countdown)
        self.resize(1100, 720)
        use_text_size(settings.text_size)
        use_scheme(settings.colours)
        self.focus_ring = None  # ring_focus, once the first question has painted
        self.refresh()

    def ring_focus(self) -> None:
        if self.focus_ring is None:
            from app.ui.focus_ring import FocusRing  # its style's Qt types: off the launch path

            self.focus_ring = FocusRing(self)

    def _quick_exit_button(self) -> QPushButton:
        self.exit_button = QPushButton("Quick exit  (Shift ×3)")
        self.exit_button.setAccessibleName("Quick exit: clear everything and hide")
        # as tall as the tabs beside it, no taller: 40 px ran 10 px over the top of every
        # page, over the Settings scroll bar's arrow (officer walk, 2026-12-02)
        self.exit_button.setAutoDefault(True)  # Enter on it, as Space
        self.exit_button.clicked.connect(self.quick_exit)
        return self.exit_button

    def _conversation(self) -> QWidget:
        self.copy_from_plan = partial(self.copy_contact, from_plan=True)
        self.conversation = Conversation(self.allow_exports, self.copy_from_plan)
        c = self.conversation
        self.sections_model, self.strip, self.pages = c.sections_model, c.strip, c.pages
        self.question_page, self.emergency = c.question_page, c.emergency
        self.plan_view, self.readback, self.reminders = c.plan_view, c.readback, c.reminders
        self.strip.edit_requested.connect(self.correct)
        self.emergency.continue_requested.connect(self.refresh)
        self.emergency.back_requested.connect(self.correct)
        self.question_page.answered.connect(self.answer)
        self.question_page.holding_changed.connect(self.show_reminders)
        self.question_page.back_requested.connect(self.back)
        self.plan_view.read_back_requested.connect(self.read_back)
        self.plan_view.copy_requested.connect(self.copy_summary)
        self.plan_view.pdf_requested.connect(self.save_pdf)
        self.plan_view.new_requested.connect(self.new_conversation)
        self.plan_view.reopen_requested.connect(self.correct)
        self.readback.edit_requested.connect(self.edit)
        self.readback.done_requested.connect(self.finish_read_back)
        self.read_back_from: tuple[int, int] | str | None = None  # PlanView.place_of_focus
        return c

    # The walk
    def refresh(self, again: bool = False) -> None:
        """The page for where the session is; `again`: the same page drawn anew, keeping
        what it held (QuestionPage.show_from)."""
        question = self.session.question
        if question is not None:
            current = self.session.current_answer
            if current is None and question.id == "borough":
                current = self.settings.default_borough
            self.pages.setCurrentWidget(self.question_page)  # first: focus needs it shown
            self.question_page.show_from(self.session, current, again)
        else:
            self.plan_view.show_plan(self.session.plan, self.today())
            self.pages.setCurrentWidget(self.plan_view)
            self.plan_view.setFocus()
            if self.user_data is not None:
                self.user_data.plan_shown(self.session.full)
                self.show_storage_notes()
            # it came while the walk went on; or what was said of one since withdrawn is
            # said of this plan too (a correction away and back: verifier, 2026-12-07)
            said = self.switch is not None and self.said_of_waiting.given
            if self.switch is not None and (self.switch.pending is not None or said):
                self.directory_waiting(self.switch.pending)
        if self.new_numbers_said and not self.session.holds_case():  # a new case: said no more
            self.directory_waiting(None)
        self.show_reminders()
        self.sections_model.set_items(self.session.sections())
        self.strip.fixed = frozenset(SHOWN) & self.settings.locked  # the tier, if IT sets it
        self.strip.set_items(self.session.in_view(tuple(SHOWN)))

    def answer(self, value) -> None:
        question = self.session.question
        if question is None:  # from a page no longer shown (keys queued as the plan came)
            return
        self.session.answer(value)
        # "Summary copied: paste it into the form" stood after a correction changed the plan,
        # inviting the old summary into a referral form (review 2026-12-01)
        self._reset_status()
        self.withdraw_stale_copies()
        urgent = self.pathway.interruption(question.id, self.session.full.answers)
        if urgent is None:
            self.refresh()
            if question.answer_type == "checklist":  # it moves on at its last item, unasked
                self.question_page.hold_keys()  # the page now shown, only
            return
        months = self.pathway.graph.settings.assured_within_months
        self.emergency.show_action(urgent, self.today(), months, self.copy_from_plan, question.id)
        self.pages.setCurrentWidget(self.emergency)
        self.show_reminders()  # after the 999 card: nothing may stand before it

    def show_reminders(self) -> None:
        """The reminders for the answers so far, and for what the page holds (Dash items)."""
        session, panel = self.session, self.question_page.panel
        held = panel.pending() if session.question is not None and panel is not None else None
        self.reminders.show_reminders(
            session.reminders_holding(held), session.holds_case(), planned=session.question is None
        )

    def correct(self, question_id: str) -> None:
        """Change one answer (from the summary strip), then carry on where the walk was."""
        if question_id in self.settings.locked:  # the tier, when IT's policy sets it
            self.status.setText("Your tier is set by your organisation's IT policy.")
            return
        on_a_page = self.pages.currentWidget() is self.question_page
        if on_a_page and not self.question_page.may_leave(
            "Changing an answer leaves", "Press (change) again to go anyway"
        ):
            return
        self.session.go_to(question_id)
        self.refresh()

    def back(self) -> None:
        if self.session.back():
            self.refresh()

    def read_back(self) -> None:
        on_plan = self.pages.currentWidget() is self.plan_view
        self.read_back_from = self.plan_view.place_of_focus() if on_plan else None
        self.readback.show_answers(self.session.answered())
        self.pages.setCurrentWidget(self.readback)

    def edit(self, question_id: str) -> None:
        self.correct(question_id)

    def finish_read_back(self) -> None:
        self.session.finish()
        self.refresh()
        self.plan_view.focus_place(self.read_back_from)

    def _show_versions(self) -> None:
        graph = self.pathway.graph
        self.status.show_versions(graph.pathway_version, graph.directory_version)

    def use_directory(self, loaded: Loaded, change: str) -> None:
        """Switch to a newer directory (only ever between conversations: DirectorySwitch)."""
        # the focus stays on the tab the worker is in: it went to a hidden page's button, and a
        # Space in the Directory tab answered "in danger now" (re-attack round, 2026-12-02)
        elsewhere = self.tabs.currentIndex() != 0
        focus = QApplication.focusWidget() if elsewhere else None
        with gui_collector.refrozen():  # the launch's directory, frozen at start, may go
            self.pathway = Pathway(loaded.graph)
            self.session = CaseSession(self.pathway, loaded.graph.settings, _prefill(self.settings))
            self.other_tabs.use_directory(loaded.open_search, loaded.graph)
            if self.practice is not None:
                self.practice.use_graph(loaded.graph)
            if self.user_data is not None:
                self.user_data.use_directory(loaded.graph)
        self._show_versions()
        news = f"Directory {loaded.version} is now in use ({change})."
        self.directory_notes_are(" ".join(worker_notes(loaded.in_force)), news)
        self.settings_tab.about.refresh()
        self.refresh()
        if elsewhere:
            (focus or self.tabs.currentWidget()).setFocus()

    @property
    def directory(self):
        return self.other_tabs.build().directory

    @property
    def practice(self):
        return self.other_tabs.build().practice

    @property
    def settings_tab(self):
        return self.other_tabs.build().settings_tab

    def closeEvent(self, event) -> None:
        if (directory := self.other_tabs.directory) is not None:  # closing builds no tab
            directory.searches.stop()  # the search thread ends with the window
        super().closeEvent(event)

    def reopen(self) -> None:
        """The first question drawn, then shown: shown first, the focus passed through what
        the last conversation had focused ("Read back answers", the Directory search) on
        its way to "Yes" (verifier on a real bus, 2026-12-07)."""
        self.setWindowTitle(TITLE)
        self.tabs.setCurrentIndex(0)
        self.refresh()
        self.screens.setCurrentWidget(self.work)

    def show_countdown(self, seconds: int) -> None:
        if seconds < 0:
            self.banner.hide()
            return
        self.banner.setText(
            f"No activity: this conversation will be cleared in {seconds} s. "
            "Press any key or move the mouse to keep it."
        )
        # only over a case on the work screen, and not again on each key when the whole
        # period is the last minute (inactivity set to 1 minute)
        first = self.banner.isHidden() and self.guard.idle_ms > self.guard.warn_ms
        # over a case only: the key that keeps it is then not taken (H591, H598)
        self.guard.warned = self.screens.currentWidget() is self.work and bool(self.holds_case())
        if self.guard.warned and (first or seconds in (30, 10)):
            # heard, not only shown: a screen reader's user lost the case unwarned
            from app.ui.labels import announce

            announce(self.banner, self.banner.text())
        self.banner.show()

    # Settings
    def show_storage_notes(self) -> None:
        data = self.user_data
        notes = data.notes if data is not None else []
        lead = "" if data is None or data.saving else "Your settings are not being saved. "
        self.storage_banner.setText(lead + " ".join(notes))
        self.storage_banner.setVisible(bool(notes))

    def apply_settings(self, settings: UserSettings) -> None:
        self.settings = settings
        if self.user_data is not None:
            self.user_data.save_settings(settings)
            self.show_storage_notes()
        fresh = not self.session.holds_case()
        self.session.prefill = _prefill(settings)
        if fresh:  # nothing asked yet: start with the new settings
            self.session.clear()
        use_text_size(settings.text_size)
        use_scheme(settings.colours)
        self.guard.set_idle_ms(settings.inactivity_minutes * 60_000)
        if self.screens.currentWidget() is self.work:
            self.redraw()

    def redraw(self) -> None:
        """The page on screen drawn again at the new text size, never moved on: the 999 card
        stays until the worker says it is safe, the read-back stays open."""
        page = self.pages.currentWidget()
        focused = QApplication.focusWidget()  # e.g. the text-size box the worker is using
        if page is self.emergency and self.emergency.shown is not None:
            self.emergency.show_action(*self.emergency.shown)
        elif page is self.readback:
            self.read_back()
        else:
            self.refresh(again=True)
        if focused is not None and shiboken6.isValid(focused) and focused.isVisible():
            focused.setFocus()  # redrawing a page never moves the worker's keyboard focus

    def replace_settings(self, **changes) -> None:
        """Settings changed from outside the Settings tab: the tab shows them too, or the
        next edit there would put its stale values back."""
        self.apply_settings(dataclasses.replace(self.settings, **changes))
        self.settings_tab.show_settings(self.settings)
