"""Drives a Conversation through a CaseSession: the page for the question on screen, the
999 card when an answer calls for it, the plan at the end. Used by the Practice tab; the
main window's walk does the same with its counts and read-back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from app.ui.case import CaseSession
from app.ui.conversation import Conversation
from app.ui.walk.summary_strip import SHOWN


class WalkDriver(QObject):
    plan_shown = Signal()

    def __init__(self, conversation: Conversation, today: Callable[[], date]) -> None:
        super().__init__()
        self.conversation = conversation
        self.today = today
        self.session: CaseSession | None = None
        c = conversation
        c.question_page.answered.connect(self.answer)
        c.question_page.back_requested.connect(self.back)
        c.emergency.continue_requested.connect(self.refresh)
        c.emergency.back_requested.connect(self.correct)
        c.strip.edit_requested.connect(self.correct)

    def start(self, session: CaseSession) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        c, session = self.conversation, self.session
        question = session.question
        if question is not None:
            c.pages.setCurrentWidget(c.question_page)  # first: focus needs it shown
            c.question_page.show_from(session, session.current_answer)
        else:
            c.plan_view.show_plan(session.plan, self.today())
            c.pages.setCurrentWidget(c.plan_view)
            c.plan_view.setFocus()
            self.plan_shown.emit()
        c.reminders.show_reminders(session.reminders, session.holds_case(), question is None)
        c.sections_model.set_items(session.sections())
        c.strip.set_items(session.in_view(tuple(SHOWN)))

    def answer(self, value) -> None:
        question, session = self.session.question, self.session
        if question is None:  # from a page no longer shown (keys queued as the plan came)
            return
        session.answer(value)
        urgent = session.pathway.interruption(question.id, session.full.answers)
        if urgent is None:
            self.refresh()
            return
        c = self.conversation
        c.reminders.show_reminders(session.reminders, session.holds_case())
        months = session.pathway.graph.settings.assured_within_months
        c.emergency.show_action(urgent, self.today(), months, None, question.id)
        c.pages.setCurrentWidget(c.emergency)

    def back(self) -> None:
        if self.session.back():
            self.refresh()

    def correct(self, question_id: str) -> None:
        """Change one answer from the summary strip, then carry on where the walk was."""
        self.session.go_to(question_id)
        self.refresh()

    def forget(self) -> None:
        c = self.conversation
        self.session = None
        c.plan_view.clear()
        c.emergency.forget_case()
        c.strip.forget_case()
        c.readback.forget_case()
        c.reminders.show_reminders((), False)
