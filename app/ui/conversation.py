"""The Conversation tab: the section list, the summary strip over the page on screen (a
question, the emergency card, the plan or the read-back), and the reminders; laid out by
ReflowingColumns so that it fits the window at every text size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QListView, QStackedWidget, QVBoxLayout, QWidget

from app.ui.models import SectionListModel
from app.ui.plan.plan_view import PlanView
from app.ui.plan.readback_view import ReadBackView
from app.ui.reflow import ReflowingColumns
from app.ui.walk.emergency_page import EmergencyPage
from app.ui.walk.panel_base import typed
from app.ui.walk.question_page import QuestionPage
from app.ui.walk.reminders_panel import RemindersPanel
from app.ui.walk.summary_strip import SummaryStrip


class Conversation(QWidget):
    def __init__(self, allow_exports: bool, copy: Callable[[str], None]) -> None:
        super().__init__()
        self.sections_model = SectionListModel()
        self.sections = QListView()
        self.sections.setModel(self.sections_model)
        self.sections.setAccessibleName("Sections: done, current and to come")
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a section's name wraps in its column (at 16 pt "About the person" was cut off)
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip = SummaryStrip()
        self.pages = QStackedWidget()
        self.question_page = QuestionPage()
        self.emergency = EmergencyPage()
        self.plan_view = PlanView(allow_exports, copy)
        self.readback = ReadBackView()
        for page in (self.question_page, self.emergency, self.plan_view, self.readback):
            self.pages.addWidget(page)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.strip)
        column.addWidget(self.pages, 1)
        self.reminders = RemindersPanel()
        self.columns = ReflowingColumns(self.sections, middle, self.reminders)
        QVBoxLayout(self).addWidget(self.columns)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.columns.reflowed.connect(self._place_reminders)
        self.reminders.room_changed.connect(self._fit_reminders)
        self.pages.currentChanged.connect(self._place_reminders)
        beside = (
            self.reminders.always.button,
            self.reminders.case_view,
            self.reminders.general_view,
        )
        self.answer_keys_from(*self.strip.buttons.values(), *beside)

    def answer_keys_from(self, *controls: QWidget) -> None:
        """Answer keys typed on these controls answer the question on screen (eventFilter)."""
        for control in controls:
            control.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An answer's key pressed with the focus beside the question (on the strip, the
        reminders, the tab bar or Quick exit, reached by Tab or a click) answers it, as its
        buttons say: it did nothing, or searched the reminders list (officer walk,
        2026-12-03). The answers take the focus and the key, so a key held after the Dash is
        held there too."""
        key = typed(event) if event.type() == QEvent.Type.KeyPress else ""
        panel = self.question_page.panel
        shown = self.pages.currentWidget() is self.question_page and self.isVisible()
        asked = shown and panel is not None  # never a question behind the Directory tab
        if not (asked and key.strip() and key.isprintable()):
            return False
        self.question_page.focus_answers()
        focused = QApplication.focusWidget()  # never the strip again: it would come back here
        QApplication.sendEvent(focused if focused and panel.isAncestorOf(focused) else panel, event)
        return True

    @property
    def reminders_in_plan(self) -> bool:
        """On a narrow window the plan carries its reminders at its end, so the first
        action keeps the height; the panel under the page is for the questions."""
        return not self.columns.wide

    def _place_reminders(self, *_) -> None:
        on_plan = self.pages.currentWidget() is self.plan_view
        self.plan_view.set_reminders_inline(self.reminders_in_plan)
        self.reminders.setVisible(not (on_plan and self.reminders_in_plan))
        self.reminders.set_compact(not self.columns.wide)
        self._fit_reminders()

    def _fit_reminders(self) -> None:
        """Under the page, only "Always" folded kept a sixth of a 720-pixel screen, mostly
        blank, from the 999 card's words and the question's answers (review 2026-12-01)."""
        self.columns.fit_last(self.reminders.wanted_height())
