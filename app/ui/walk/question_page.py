"""One question a page (or the questions asked together as one page of tick boxes):
section, prompt, help, the answer panel and Back."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.pathways.graph import Question
from app.ui.case import CaseSession
from app.ui.case_page import PageOnScreen
from app.ui.case_reminders import names_in_one
from app.ui.labels import announce, heading_font, plain_label
from app.ui.tab_order import place_before
from app.ui.viewport import viewport_size
from app.ui.walk.answer_panels import AnswerPanel, ButtonsPanel, panel_for
from app.ui.walk.dash_panel import ChecklistPanel
from app.ui.walk.page_panel import TickBoxPage
from app.ui.walk.panel_base import TYPED_AHEAD_S, KeyHold, ignores_chords, typed


class QuestionPage(KeyHold, QWidget):
    answered = Signal(object)
    back_requested = Signal()
    holding_changed = Signal()  # the panel holds other answers not yet given (Dash items)

    def __init__(self) -> None:
        super().__init__()
        page = QVBoxLayout(self)
        self.holder = QScrollArea()  # the help and the answers scroll (the question: see below)
        self.holder.setWidgetResizable(True)
        self.holder.setFrameShape(QScrollArea.Shape.NoFrame)
        self.holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the answers take focus, not it
        inside = QWidget()
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(0, 0, 0, 0)
        self.section = plain_label("", "Section")
        self.prompt = plain_label("", "Question")
        self.prompt.setFont(heading_font(self.prompt.font()))
        self.help = plain_label("", "Help")
        self.red_flags = plain_label("", "Red flags")  # R41: see _name_red_flags
        self.red_flags.hide()
        self.answers = QVBoxLayout()
        self.back = ignores_chords(QPushButton("Back    [Alt+←]"))  # Ctrl+Enter: not Back
        self.back.setAccessibleName("Back to the previous question")
        self.back.setAutoDefault(True)  # Enter on Back goes back (it was passed on to answer)
        self.back.clicked.connect(self.go_back)
        for keys in ("Alt+Left", "Backspace"):  # a text field and the Dash keep Backspace
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.go_back)
        self.losing = plain_label("", "Back would lose answers")  # said before they are lost
        self.losing.hide()
        # what the panel says of the answer given before, beside Back: at the largest text
        # a note inside the page scrolled away above the Dash table it spoke of
        self.note = plain_label("", "The answer given before")
        self.note.hide()
        self.initial = None  # what the page held when shown: more since is not yet confirmed
        for widget in (self.section, self.prompt, self.help, self.red_flags):
            layout.addWidget(widget)
        layout.addLayout(self.answers, 1)
        self.holder.setWidget(inside)
        page.addWidget(self.holder, 1)
        # what the page says to the worker, beside Back, not under it: at 24 pt a tick page's
        # "There was more below" and Back under it left one box in view on a 1366x768
        # laptop, and "none of these" took seven presses (officer walk, 2026-12-06)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        said = QVBoxLayout()
        self.words = QVBoxLayout()  # a tick page's words for the worker (see _show)
        said.addLayout(self.words)
        said.addWidget(self.note)
        said.addWidget(self.losing)
        bottom.addLayout(said, 1)
        page.addLayout(bottom)
        self.panel: AnswerPanel | TickBoxPage | None = None
        self.question: Question | None = None
        self.opened_on: QWidget | None = None  # the control a page opened with focused
        self.last_on: QWidget | None = None  # the answers' control last focused (focus_answers)
        QApplication.instance().focusChanged.connect(self._keep_in_view)
        # wrapped words settle their height after the page is shown: follow the focus then
        self.holder.verticalScrollBar().rangeChanged.connect(
            lambda *_: self._scroll_to(QApplication.focusWidget())
        )

    def hold_keys(self, seconds: float = TYPED_AHEAD_S) -> None:
        """This page's keys held, and its panel's: a tick box takes Space itself, which only
        the panel's hold stops (a Space typed ahead after the Dash ticked the first box,
        and a later Enter answered the page unseen: re-attack round, H248)."""
        super().hold_keys(seconds)
        if isinstance(self.panel, KeyHold):
            self.panel.hold_keys(seconds)

    def eventFilter(self, watched, event) -> bool:
        """Keys reaching the panel while held (hold_keys) are not taken: after the Dash, a
        third "N" too many answered a yes/no question nobody had read (review 2026-12-01)."""
        held = event.type() == QEvent.Type.KeyPress and self.keys_held()
        if held and watched is self.panel and isinstance(self.panel, TickBoxPage):
            self.panel.say_held(typed(event))  # said, not dropped unsaid (H329)
        return held and watched is self.panel

    def _keep_in_view(self, _old, new) -> None:
        """The control with the keyboard focus is always on screen: at the largest text the
        Dash table, or a tick box pressed by its key, can be below the fold."""
        if new is not None and self.holder.widget().isAncestorOf(new):
            QTimer.singleShot(0, self, lambda: self._scroll_to(new))  # none once it has gone
        if new is not None and self.panel is not None and self.panel.isAncestorOf(new):
            self.last_on = new

    def focus_answers(self, reason: Qt.FocusReason = Qt.FocusReason.TabFocusReason) -> None:
        """The focus back on the answers, where it last was: the panel's first control is the
        Dash's first item not answered, and a key meant for the item the worker had gone back
        up to would have answered that one instead."""
        last = self.last_on
        kept = last is not None and shiboken6.isValid(last) and self.panel.isAncestorOf(last)
        if kept and last.isVisible() and last.isEnabled():
            last.setFocus(reason)  # as Tab would, by default: a number selected whole
        else:
            self.panel.focus_first()

    def _scroll_to(self, widget: QWidget) -> None:
        """Its top in view, and all of it if it fits (Qt's ensureWidgetVisible aims at a
        table's current cell, which is not placed yet when the page is new); the panel says
        what else stays in view with it (the Dash's keys with its table)."""
        content = self.holder.widget()
        if widget is None or not shiboken6.isValid(widget):  # a page replaced meanwhile
            return
        if not (content.isAncestorOf(widget) and widget.hasFocus()):
            return
        bar, height = self.holder.verticalScrollBar(), viewport_size(self.holder).height()
        if isinstance(self.panel, AnswerPanel) and self.panel.isAncestorOf(widget):
            self.panel.fit(height - 24)
            widget = self.panel.in_view(widget)
        top = widget.mapTo(content, QPoint(0, 0)).y() - 8
        bottom = top + widget.height() + 16
        # a page opens with its question in view while half its first answer shows: the
        # whole answer in view put the question's first line above the view at 24 pt on a
        # 1366x768 laptop (officer walk, 2026-12-03); its first key brings the rest
        opening = widget is self.opened_on and isinstance(self.panel, ButtonsPanel)
        if opening and top + 8 + widget.height() // 2 <= height:
            bar.setValue(0)
        elif bottom > bar.value() + height:
            bar.setValue(min(top, bottom - height))
        elif top < bar.value():
            bar.setValue(top)

    def show_from(self, session: CaseSession, current: Any, again: bool = False) -> None:
        """The session's question, or the page of tick boxes it is asked on. `again`: the
        same page drawn anew (a text-size change), with what it held not yet confirmed."""
        shown = session.page
        held = cursor = None
        if again and self._same_as_shown(session):
            held = self.panel.pending()
            cursor = None if shown else self.panel.cursor()  # a question's panel (the Dash)
        initial = self.initial
        if shown is None:
            self.show_question(session.question, current if held is None else held, session.number)
            self.panel.restore(cursor)
            if current is None and session.question.id in session.answers:
                self.note.setText(self.panel.given_as_none())
                self.note.setVisible(bool(self.note.text()))
                if self.note.text():
                    announce(self.note, self.note.text())
        else:
            self.show_page(shown, session.number, held)
        # an answer given, changed: not "question 3", as if the walk began again (officer
        # walk); one not yet given keeps its number, though the walk goes on from a change
        on_screen = shown.questions if shown else (session.question,)
        if session.correcting and any(q.id in session.answers for q in on_screen):
            self.section.setText(
                f"{on_screen[0].section} · changing an answer: the others are kept"
            )
        self._name_red_flags(session)
        if held is not None:  # drawn anew: what is unconfirmed is measured as before
            self.initial = initial

    def _name_red_flags(self, session: CaseSession) -> None:
        """A question (or a page of them) whose words ask the worker to think about the red
        flags names them under its words (R41: risk is judged with them in view). At the
        largest text the reminders under the page showed two lines of them (re-attack walk)."""
        shown = session.page.questions if session.page else (session.question,)
        asked = any("red flags" in (q.help or "").casefold() for q in shown if q is not None)
        names = names_in_one(session.reminders) if asked else ""
        self.red_flags.setText(f"Red flags: {names}." if names else "")
        self.red_flags.setVisible(bool(names))

    def go_back(self) -> None:
        if self.may_leave("Back leaves", "Press Back again to go back anyway"):
            self.back_requested.emit()
        elif self.back.hasFocus():
            # clicked: the focus stayed on Back, and the Enter meant for Continue went back,
            # the count typed lost (helper-284, 2026-12-07; H621); the answers as they were
            self.focus_answers(Qt.FocusReason.OtherFocusReason)

    def may_leave(self, leaving: str, again: str) -> bool:
        """Whether the page may be left now. The first time it holds answers the worker has
        not confirmed (a Dash half given, boxes ticked), no: it says first, once, that they
        would be left behind (leaving never keeps them), and how to leave anyway."""
        unconfirmed = self.panel is not None and self.panel.pending() != self.initial
        if not (unconfirmed and self.losing.isHidden()):
            return True
        text = f"{leaving} the answers given on this page behind. {again}; to keep them, go on"
        self.losing.setText(text + " with Done or Continue first.")
        self.losing.show()
        announce(self.losing, text)
        return False

    def _hold_question(self, above: bool) -> None:
        """The question above what scrolls, always in view: at 24 pt, changing an answer
        low on its page (Walsall, 6th) scrolled the question away, and the worker saw
        answers to nothing (officer walk F6, 2026-12-05). Not for the Dash, whose table
        takes what the view leaves beside its keys: under a held question, at 1280x720, the
        item being read and its keys no longer fitted."""
        inside = self.holder.widget().layout()
        target = self.layout() if above else inside
        for index, label in enumerate((self.section, self.prompt)):
            if label.parentWidget().layout() is not target:
                label.parentWidget().layout().removeWidget(label)
                target.insertWidget(index, label)
        # first among their new parent's children, as on screen: moved, they came last, and
        # a screen reader reading the page from the top heard the hint and the answers before
        # the question (accessibility audit, 2026-12-07). Side by side with the others, so
        # lowering them hides nothing.
        for label in (self.prompt, self.section):
            label.lower()

    def _same_as_shown(self, session: CaseSession) -> bool:
        """Whether the session is on the page on screen, in the same form (a question alone,
        or a page of the same questions): only then may what it holds be handed on."""
        if self.panel is None or self.question.id != session.question.id:
            return False
        if session.page is None:
            return not isinstance(self.panel, TickBoxPage)
        shown = [q.id for q in session.page.questions]
        return isinstance(self.panel, TickBoxPage) and shown == [
            q.id for q in self.panel.shown.questions
        ]

    def show_question(self, question: Question, current: Any, number: int) -> None:
        self._show(question, question.prompt, question.help, panel_for(question, current), number)

    def show_page(self, shown: PageOnScreen, number: int, held: dict | None = None) -> None:
        page = shown.page
        self._show(shown.questions[0], page.prompt, page.help, TickBoxPage(shown, held), number)

    def _show(self, question: Question, prompt: str, help: str, panel, number: int) -> None:
        self.section.setText(f"{question.section} · question {number}")
        # the setting's size now, before the page has heard of it
        self.prompt.setFont(heading_font(QApplication.font()))
        self.prompt.setText(prompt)
        self.help.setText(help)
        self.help.setVisible(bool(help))
        self.setAccessibleName(prompt)  # the page is read as its question
        self.setAccessibleDescription(help)
        if self.panel is not None:
            self.answers.removeWidget(self.panel)
            self.panel.hide()
            if isinstance(self.panel, TickBoxPage):  # its words, kept beside Back
                self.panel.more.setParent(None)
                self.panel.more.deleteLater()
            self.panel.setParent(None)  # out of the window at once: what it held is gone
            self.panel.deleteLater()
        self.panel = panel
        self._hold_question(above=not isinstance(panel, ChecklistPanel))
        self.initial = panel.pending()
        self.losing.hide()
        self.note.hide()
        if isinstance(panel, TickBoxPage):
            # what a tick page asks for ("press 0…", "more below") beside Back, outside what
            # scrolls: at 24 pt it was below the fold, and 0 was pressed three times with no
            # word why (officer walks, 2026-12-02)
            self.words.addWidget(panel.more)
        self.panel.answered.connect(self.answered.emit)
        self.panel.holding_changed.connect(self.holding_changed.emit)
        self.panel.installEventFilter(self)  # keys typed ahead onto it: see hold_keys
        self.keys_held_until = 0.0  # a hold is for the page shown when it was asked
        self.answers.addWidget(self.panel)
        place_before(self.panel, self.back)  # Tab: the answers, then Back (tab_order.py)
        self.holder.verticalScrollBar().setValue(0)
        self.question = question
        self.panel.focus_first()
        self.opened_on = QApplication.focusWidget()
        self._keep_in_view(None, QApplication.focusWidget())  # shown again: no focus change

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.panel is not None and event.text():
            self.panel.keyPressEvent(event)  # a shortcut pressed while Back has the focus
        else:
            super().keyPressEvent(event)
