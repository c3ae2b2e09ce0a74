"""The safe-response reminders beside the walk and the plan: the ones this case triggered
first, under "For this case", each new one marked "New:" and announced to a screen reader;
the ones for every conversation under "Always", folded once the conversation is under way."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QListView, QVBoxLayout, QWidget

from app.pathways.graph import Guidance
from app.ui.case_reminders import IN_ONE
from app.ui.copy_as_ours import CopiesThroughTheApp
from app.ui.expander import Expander
from app.ui.labels import announce, plain_label, scaled
from app.ui.models import ReminderListModel, WrappingDelegate

NONE_YET = "Nothing yet: reminders for this case appear here as you answer."
NONE = "None for this case: the ones for every conversation are below."


class ReminderList(CopiesThroughTheApp, QListView):
    """A list of reminders, copied as the app copies (H574)."""


def reminder_list(model: ReminderListModel, name: str) -> QListView:
    view = ReminderList()
    view.setModel(model)
    view.setWordWrap(True)
    view.setSpacing(6)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when resized
    view.setItemDelegate(WrappingDelegate(view))
    view.setAlternatingRowColors(True)  # palette colours: high contrast holds
    view.setAccessibleName(name)
    return view


class RemindersPanel(QWidget):
    room_changed = Signal()  # compact and empty, or not: the page may take the room

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label("For this case", "Reminders heading")
        self.heading.setFont(scaled(self.heading.font(), 1.1, bold=True))
        self.none_yet = plain_label(NONE_YET, "No reminders yet")
        self.case_model = ReminderListModel()
        self.case_view = reminder_list(self.case_model, "Reminders for this case")
        self.general_model = ReminderListModel(marks_new=False)
        self.general_view = reminder_list(self.general_model, "Reminders for every conversation")
        self.always = Expander("Always", self.general_view, "Always", shown=True)
        self.folded_once = False
        self.general_seen: set[str] = set()  # the "Always" ones already in the list
        self.general_unread: set[str] = set()  # come since, with "Always" folded
        self.compact = False  # under the page: it gives up the room it does not need
        self.top = QHBoxLayout()  # the heading, and "Always" folded beside it under the page
        self.top.addWidget(self.heading)
        self.top.addStretch(1)
        layout.addLayout(self.top)
        layout.addWidget(self.none_yet)
        layout.addWidget(self.case_view, 3)
        layout.addWidget(self.always, 2)
        # with nothing for this case and "Always" folded, the room is left below them: the
        # heading and "Nothing yet" were spread down the column (review 2026-12-01)
        layout.addStretch(0)
        self.always.button.clicked.connect(self._always_toggled)  # after it opens or folds
        self.announced: list[str] = []  # what was last said to a screen reader, for tests
        self.flags_said: set[str] = set()  # the red flags heard so far in this conversation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size setting changed
            self.heading.setFont(scaled(self.font(), 1.1, bold=True))
        super().changeEvent(event)

    def show_reminders(
        self, reminders: tuple[Guidance, ...], started: bool, planned: bool = False
    ) -> None:
        """`started`: the conversation is under way (fold "Always" the first time);
        `planned`: its plan is shown (none will come now: "Nothing yet" said they would)."""
        case = [r for r in reminders if not r.general]
        general = [r for r in reminders if r.general]
        if not started:  # a new conversation: every reminder is news again
            self.announced.clear()  # what the last case's were: none of this one's
            self.flags_said = set()
            self.case_model.forget_seen()
            self.general_seen = {r.id for r in general}
            self.general_unread = set()
        # one for every conversation that an answer brings (believe them, a worker of the
        # same gender: told by the person harmed) came into the folded list unseen (review
        # 2026-12-01): the button says so, and a screen reader is told
        arrived = [r for r in general if r.id not in self.general_seen]
        self.general_seen = {r.id for r in general}  # one gone and back is new again
        if started and not self.always.is_open:  # new until the worker opens the list
            self.general_unread |= {r.id for r in arrived}
        self.general_unread &= {r.id for r in general}
        self.case_model.set_items(case)
        self.general_model.set_items(general)
        self.none_yet.setText(NONE if planned else NONE_YET)
        self.case_view.setVisible(bool(case))
        self._show_heading()
        self._title_always()
        if not started:  # a new conversation: shown in full once
            self.folded_once = False
            self.always.set_open(True)
        elif not self.folded_once:  # then folded, for the worker to open
            self.folded_once = True
            self.always.set_open(False)
        self._place_always()
        self._leave_room()
        self.room_changed.emit()
        self._bring_new_into_view()
        # the red flags read every time: one taken off and given again came back as a
        # reminder seen before, and was silent (accessibility re-check, 2026-12-07)
        flags = [r for r in case if r.id.startswith(IN_ONE)]
        if not flags:
            self.flags_said.clear()  # none now: each given again is news
        fresh = [self._flags_news(r) for r in flags]
        fresh += [r.text for r in case if r.id in self.case_model.new_ids and r not in flags]
        fresh += [r.text for r in arrived] if started else []
        if fresh := [words for words in fresh if words]:
            # each a sentence: "…or suffocation Non-fatal strangulation is…" ran on (H593)
            self.announce("New reminder: " + " ".join(sentence(words) for words in fresh))

    def _title_always(self) -> None:
        count = self.general_model.rowCount()
        unread = f", {len(self.general_unread)} new" if self.general_unread else ""
        self.always.set_title(f"Always ({count}{unread})" if count else "Always")

    def _always_toggled(self) -> None:
        if self.always.is_open:  # read: no longer new
            self.general_unread.clear()
            self._title_always()
        self._place_always()
        self._leave_room()
        self.room_changed.emit()
        self.always.button.setFocus()  # moved between rows: the worker's place kept

    def _place_always(self) -> None:
        """Under the page, "Always" folded stands on the heading's line: on its own line at
        24 pt on a 1366x768 laptop it left the question 217 pixels, less than its words
        above the first answer (officer walk, 2026-12-03)."""
        beside = self.compact and not self.always.is_open and self.heading.isVisibleTo(self)
        if beside == (self.top.indexOf(self.always) >= 0):
            return
        if beside:  # Tab reaches it where it is seen: before the list
            self.top.insertWidget(1, self.always)
            QWidget.setTabOrder(self.always.button, self.case_view)
        else:
            self.layout().insertWidget(self.layout().indexOf(self.case_view) + 1, self.always, 2)
            QWidget.setTabOrder(self.case_view, self.always.button)

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self._show_heading()
        self._place_always()

    def _show_heading(self) -> None:
        """Under the page (a narrow window, the largest text) with nothing for this case,
        only "Always" is shown: "For this case" and "Nothing yet" took a fifth of a 720-pixel
        screen from the question's answers (review 2026-12-01)."""
        nothing = not self.case_model.items
        self.heading.setVisible(not (self.compact and nothing))
        self.none_yet.setVisible(nothing and not self.compact)

    @property
    def needs_little(self) -> bool:
        """Only "Always", folded: the page below the strip may have the rest."""
        return self.compact and not self.case_model.items and not self.always.is_open

    def wanted_height(self) -> int | None:
        """Under the page, the height it asks for (None: its usual share). Reminders for
        this case need two lines of the list at least: at the largest text one line showed,
        and a new reminder arrived out of sight (officer review 2026-12-01)."""
        if self.needs_little:
            return self.sizeHint().height()
        if not (self.compact and self.case_model.items):
            return None
        view, line = self.case_view, self.case_view.fontMetrics().lineSpacing()
        # an item's text starts a quarter line down (WrappingDelegate): 2 lines whole, not
        # 1.5 (officer review 2026-12-01)
        list_lines = view.spacing() + (9 * line) // 4 + 2 * view.frameWidth() + 2  # rounding
        if self.top.indexOf(self.always) >= 0:  # "Always" on the heading's line
            top = max(self.heading.sizeHint().height(), self.always.sizeHint().height())
            return top + list_lines + max(self.layout().spacing(), 0)
        gaps = 2 * max(self.layout().spacing(), 0)  # heading, list, "Always"
        return (
            self.heading.sizeHint().height() + list_lines + self.always.sizeHint().height() + gaps
        )

    def _bring_new_into_view(self) -> None:
        """The list from its start, the red flags first; but a reminder new to this case
        that would then be out of sight, at the top. Risk is judged with the red flags in
        view (R41): the Dash's strangulation reminder, scrolled to the top, left them above
        the list when the judgement was asked (officer walk, 2026-12-02)."""
        model, view = self.case_model, self.case_view
        view.scrollToTop()
        row = next((n for n, r in enumerate(model.items) if r.id in model.new_ids), None)
        if row is None:
            return
        if view.visualRect(model.index(row)).bottom() > view.viewport().height():
            view.scrollTo(model.index(row), QListView.ScrollHint.PositionAtTop)

    def _leave_room(self) -> None:
        """The last stretch takes the room only when nothing above may grow into it."""
        layout = self.layout()
        empty = not self.case_view.isVisibleTo(self) and not self.always.is_open
        layout.setStretch(layout.count() - 1, 1 if empty else 0)

    def _flags_news(self, reminder: Guidance) -> str:
        """Of the red flags (one item, made new by each flag added), the flags not heard yet.
        Each red-flag "yes" in the Dash said every flag so far, over the next item's words
        (accessibility audit, 2026-12-07)."""
        ids, texts = reminder.id.removeprefix(IN_ONE).split("+"), reminder.text.split("; ")
        self.flags_said &= set(ids)  # one taken off and given again is news again
        if len(ids) != len(texts):  # a flag's words with "; " of their own: all of them
            self.flags_said |= set(ids)
            return reminder.text
        new = [text for flag, text in zip(ids, texts, strict=True) if flag not in self.flags_said]
        self.flags_said |= set(ids)
        return "Red flag: " + "; ".join(new) if new else ""

    def announce(self, text: str) -> None:
        self.announced.append(text)
        announce(self.case_view, text, first=True)  # before the next question or item

    def ids(self) -> list[str]:
        return [r.id for r in (*self.case_model.items, *self.general_model.items)]


def sentence(words: str) -> str:
    return words if words.endswith((".", "?", "!", ":")) else f"{words}."
