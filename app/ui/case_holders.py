"""Everything a window forgets on quick exit, and the neutral screen it leaves behind.

`ForgetsTheCase` is the main window's clearing: a new conversation, inactivity and quick
exit, and the one list of every place that can hold something of a case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.pathways.summary import plan_to_text
from app.records import record
from app.ui.labels import forget_said

SUMMARY_NOT_PASTED = (
    "The summary you copied is still on the clipboard: a new conversation takes it off, "
    "with everything of this one.\n\nStart a new conversation now?"
)
NEUTRAL_TITLE = "Notes"  # the neutral screen's window title: nothing of the app's purpose


@record
class CaseHolder:
    name: str
    holds: Callable[[], bool]
    forget: Callable[[], None]


def open_dialogs() -> bool:
    return any(_dialogs())


def _dialogs():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            yield widget


def close_dialogs() -> None:
    for dialog in list(_dialogs()):
        dialog.reject()


def neutral_screen(reopen: Callable[[], None]) -> QWidget:
    """Where quick exit leaves the window: a blank notes page, nothing of the app's purpose."""
    page = QWidget()
    layout = QVBoxLayout(page)
    title = QLabel("<h2>Notes</h2><p>No notes.</p>")
    title.setAccessibleName("Notes")
    button = QPushButton("&Open")
    button.setAutoDefault(True)  # Enter on it opens, as Space does
    button.setAccessibleName("Open")
    button.clicked.connect(reopen)
    layout.addWidget(title)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addStretch(1)
    return page


class ForgetsTheCase:
    """Mixed into MainWindow, whose widgets, session and status line it reads."""

    def new_conversation(self) -> None:
        """A fresh start; asked first only while the summary copied from this plan is on the
        clipboard, which the start takes off with the rest of the case: a worker who copied
        it for the form and pressed Alt+N found it gone (officer walk F20, 2026-12-06)."""
        if self.clipboard.holds_summary() and not self.confirm_new(SUMMARY_NOT_PASTED):
            if self.clipboard.holds_summary():  # not a quick exit meanwhile, which cleared all
                self.status.setText("Nothing was cleared: paste the summary into the form first.")
            return
        self._forget()
        self.refresh()

    def case_holders(self) -> list[CaseHolder]:
        """Everything that can hold something of the case, in one place: forgetting the
        case empties each, and a test checks each is empty after a quick exit."""
        return [  # the clipboard first: it is checked against what the others show
            CaseHolder("clipboard", self.clipboard.holds_case, self.clipboard.forget_case),
            CaseHolder("answers", self.session.holds_case, self.session.clear),
            CaseHolder("remembered services", self.pathway.holds_case, self.pathway.forget_case),
            CaseHolder("plan", self.plan_view.holds_case, self.plan_view.clear),
            CaseHolder("emergency card", self.emergency.holds_case, self.emergency.forget_case),
            CaseHolder("answers in view", self.strip.holds_case, self.strip.forget_case),
            CaseHolder("read-back", self.readback.holds_case, self.readback.forget_case),
            *self.other_tabs.holders(),
            CaseHolder("status line", self._status_changed, self._reset_status),
            CaseHolder("what the banner said", self.said_this_case, self.forget_said_this_case),
            CaseHolder("open dialogs", open_dialogs, close_dialogs),
        ]

    def case_texts(self) -> list[str]:
        """What the window shows about the case, as plain text."""
        texts = list(self.plan_view.plain_texts())
        if self.session.plan is not None:
            texts.append(plan_to_text(self.session.plan, self.today()))
        texts += [label for _, label in self.readback.model.texts()]
        return texts

    def _status_changed(self) -> bool:
        return self.status.text() != self.status.versions

    def _reset_status(self) -> None:
        self.status.setText(self.status.versions)

    def _forget(self) -> None:
        """Drop the case from memory and from every widget that showed any of it."""
        for holder in self.case_holders():
            holder.forget()
        forget_said()  # "Copied 0300 …" said as the app hid, from a key pressed before
        if self.user_data is not None:
            self.user_data.conversation_ended()
        if self.switch is not None:
            self.switch.apply_if_idle()  # a newer directory waits for this moment

    def quick_exit(self) -> None:
        """Within 100 ms, no confirmation: clear, show the neutral screen, minimise."""
        self.clear_for_inactivity()
        self.showMinimized()

    def clear_for_inactivity(self) -> None:
        """Clear the case and leave only the neutral screen: shown first, so the first
        question drawn behind it never takes the focus ("Yes", inside "Is anyone in danger
        right now", said by a screen reader as the app hid: verifier, 2026-12-07)."""
        self.screens.setCurrentWidget(self.neutral)
        self.work.setEnabled(False)  # takes no focus while drawn again behind it
        self._forget()
        self.refresh()
        self.work.setEnabled(True)
        self.banner.hide()
        self.banner.setText("")
        self.setWindowTitle(NEUTRAL_TITLE)

    def holds_case(self) -> list[str]:
        """The names of the places still holding something of a case (empty after a clear)."""
        return [holder.name for holder in self.case_holders() if holder.holds()]
