"""Large answer controls, one panel per answer type, each usable by keyboard alone.

Keys: Y/N for yes or no; 1-9 then A, B… for a choice; the same keys toggle a multiple
choice; Enter confirms (or keeps the answer already given). On the Dash checklist, Y, N or K
(not known) answers the highlighted item and moves on; S leaves Dash not completed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout

from app.pathways.conditions import same
from app.pathways.graph import Question
from app.ui.labels import key_label, plain_label
from app.ui.tick_box import TickBox
from app.ui.walk.panel_base import (
    NONE_KEY,
    AnswerPanel,
    SpaceAsksFirst,
    big_button,
    entered,
    ignores_chords,
    two_lines,
    typed,
)

SPACE_ASKS = "Space would answer"


class ButtonsPanel(SpaceAsksFirst, AnswerPanel):
    """Yes/no and single choice: one press answers."""

    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        listed = question.answer_type == "choice"
        layout = QVBoxLayout(self) if listed else QHBoxLayout(self)
        # a list's answers each to the left, its words the page's width: the whole list
        # aligned left wrapped "There were more answers below" to a guessed width the page
        # gave too little height, and at 24 pt they ran over the answers, the third losing
        # its second line and its key (officer walk, 2026-12-02); yes and no share a row
        if not listed:
            layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.keys: dict[str, Any] = {}
        self.labels: dict[str, str] = {}
        # after a key refused as answers were unseen, an answer's key is taken only pressed
        # twice in a row: the next question's key, typed ahead, chose Birmingham here for a
        # Coventry case, at 1 s and again at 3 s (officer's walk, re-attack, 2026-12-02)
        self.refused_key = ""
        if question.answer_type == "yes_no":
            choices = [("Y", True, "Yes"), ("N", False, "No")]
        else:
            choices = [(key_label(i), o.value, o.label) for i, o in enumerate(question.options)]
        # Y and N too where a choice's answers are yes and no: learnt on the first question,
        # Y did nothing on "somewhere safe tonight" (officer walk, 2026-12-03)
        self.aliases = {str(v)[0].upper(): key for key, v, _ in choices if v in ("yes", "no")}
        self.buttons = []
        self.current_button: QPushButton | None = None
        align = Qt.AlignmentFlag.AlignLeft if listed else Qt.AlignmentFlag(0)  # 0: the row's
        for key, value, label in choices:
            chosen = current is not None and same(current, value)
            button = big_button(label, key, chosen)
            button.clicked.connect(lambda _=False, v=value: self._clicked(v))
            layout.addWidget(button, 0, align)
            self.buttons.append(button)
            self.keys[key] = value
            self.labels[key] = label
            if chosen:
                self.current_button = button
        self.more = plain_label("", "More answers below")
        self.more.hide()
        for button in self.buttons:
            button.installEventFilter(self)
        layout.addWidget(self.more)
        if listed:
            layout.addStretch(1)  # the answers at the top
        self.seen_all = not listed  # yes and no share one row

    def focus_first(self) -> None:
        self._focus(self.current_button or self.buttons[0])

    def _focus(self, button: QPushButton) -> None:
        """The focus put on an answer by the page, not by the worker: Space there asks
        first, unless it is the answer given before (Space keeps it, as Enter does)."""
        button.setFocus()
        self.app_focused = None if button is self.current_button else button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched is not self.space_asked:
            if self.more.text().startswith(SPACE_ASKS):
                self.more.hide()  # the worker moved on: the question is no longer theirs
            return False
        return self.space_filter(watched, event)

    def space_question(self, watched: QObject) -> str:
        key = next(k for k, b in zip(self.keys, self.buttons, strict=True) if b is watched)
        return f"{SPACE_ASKS} {self.labels[key]}: press Space again, or {key}."

    def in_view(self, focused):
        return self.more if self.more.isVisible() else focused

    def _all_seen(self, key: str) -> bool:
        """Whether every answer has been on screen; if not, the rest is brought into view
        and the key is not taken: at the largest text, "No: they cannot go home safely" and
        "Not known" were below the fold and 1 answered "Yes" unseen (review 2026-12-01).
        The focus goes to the answer whose key was pressed (the page follows it down to the
        words under the answers, in_view): on the last, Space answered "Under 16" after 1
        was pressed for "18 or over" (officer walk, 2026-12-03)."""
        last = self.buttons[-1]
        shown = last.visibleRegion().boundingRect().height() >= last.height()
        self.seen_all = self.seen_all or shown or not self.isVisible()
        if self.seen_all:
            return True
        self.seen_all = True
        self._focus(self.buttons[list(self.keys).index(key)])
        self._ask_again(key)  # after the focus moves: before, a screen reader cuts it off
        self.hold_keys()
        return False

    def _ask_again(self, key: str) -> None:
        self.refused_key = key
        # "press the answer's key twice" read, after one press, as two more (re-attack);
        # heard too: at the largest text a screen reader's user heard the key taken in
        # silence, and pressed again (accessibility audit, 2026-12-07)
        self.ask(
            f"There were more answers below: read them, then press your answer's key ({key} "
            f"again for {self.labels[key]}; another answer's key twice)."
        )

    def _say_held(self, key: str) -> None:
        """A key pressed in the moment the answers came into view is not taken, and says so:
        dropped unsaid, a second 6 for Walsall left the area unanswered while the worker went
        on, and the "1 1" typed for the next question chose Birmingham (helper's walk, H332)."""
        again = self.refused_key or key
        self.ask(
            f"Not taken: {key} was pressed as the answers came into view. Read them, then "
            f"press your answer's key ({again} again for {self.labels[again]}; another "
            "answer's key twice)."
        )

    def _clicked(self, value: Any) -> None:
        if not self.keys_held():  # Space on the button focused as the page moved: held too
            self.answered.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = typed(event)
        text = self.aliases.get(text, text) if text not in self.keys else text
        if text in self.keys:
            if self.keys_held():
                self._say_held(text)
                self.hold_keys()  # and the next typed after it (officer's walk F21)
                return
            if not self._all_seen(text):
                return
            if self.refused_key and text != self.refused_key:
                self._ask_again(text)  # the worker reads which answer it would be
                return
            self.answered.emit(self.keys[text])
        elif entered(event) and self.current is not None:
            self.answered.emit(self.current)
        elif entered(event):  # silent, with the first answer's focus ring read as "Enter
            # takes it" (officer walk F18): never answered unseen, but said
            keys = ", ".join(self.keys)
            self.ask(f"Enter answers nothing yet: press your answer's key ({keys}).")
        else:
            super().keyPressEvent(event)


class MultiPanel(AnswerPanel):
    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        chosen = set(current or [])
        for i, option in enumerate(question.options):
            # a tick box's words never wrap: "Domestic abuse (a partner, …)" ran past a
            # 1366-px page at 16 pt under a scroll bar (walk F21's words)
            box = TickBox(f"{two_lines(option.label)}    [{key_label(i)}]")
            box.setAccessibleName(option.label)
            box.setChecked(option.value in chosen)
            layout.addWidget(box)
            self.boxes[key_label(i)] = box
        done = ignores_chords(QPushButton("Continue    [Enter]"))
        done.setAccessibleName("Continue")
        done.setMinimumHeight(44)
        done.clicked.connect(self.confirm)
        row = QHBoxLayout()
        if question.min_choices == 0:  # as on a page of tick boxes: 0 did nothing here
            none = ignores_chords(QPushButton(f"None of these    [{NONE_KEY}]"))
            none.setAccessibleName("None of these")
            none.setMinimumHeight(44)
            none.clicked.connect(self.none_apply)
            row.addWidget(none)
        row.addWidget(done)
        row.addStretch(1)
        layout.addLayout(row)
        # Enter with nothing ticked did nothing and said nothing (review 2026-12-01)
        self.problem = plain_label("", "Problem with the answer")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def in_view(self, focused):
        return self if self.problem.isVisible() else focused

    def value(self) -> list[Any]:
        boxes = list(self.boxes.values())
        return [
            o.value for o, box in zip(self.question.options, boxes, strict=True) if box.isChecked()
        ]

    def pending(self) -> list[Any]:
        return self.value()

    def confirm(self) -> None:
        least = self.question.min_choices
        if len(self.value()) >= least:
            self.answered.emit(self.value())
            return
        what = "one" if least == 1 else f"{least}"
        self.problem.setText(f"Choose at least {what}: press its key (1, 2…), then Enter.")
        self.problem.show()

    def none_apply(self) -> None:
        """None of these: with boxes ticked it unticks them and waits (a 0 typed by mistake
        loses nothing unseen), as GOV.UK's "none" does; with none ticked it answers."""
        ticked = [box for box in self.boxes.values() if box.isChecked()]
        for box in ticked:
            box.setChecked(False)
        if not ticked:
            self.answered.emit([])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = typed(event)
        if text in self.boxes:
            self.boxes[text].toggle()
            # focused, so brought into view: at the largest text 2 ticked "Sexual assault
            # or abuse" below the fold, unseen, and 2 again took it off (officer walk, 12-02)
            self.boxes[text].setFocus()
        elif text == NONE_KEY and self.question.min_choices == 0:
            self.none_apply()
        elif entered(event):
            self.confirm()
        else:
            super().keyPressEvent(event)


PANELS = {"yes_no": ButtonsPanel, "choice": ButtonsPanel, "multi": MultiPanel}


def panel_for(question: Question, current: Any) -> AnswerPanel:
    # The count and Dash panels are imported when first asked for: their Qt classes (a spin
    # box's, a table view's) are made as their modules load, and the first question needs
    # neither (~4 ms before it). Plain imports, which PyInstaller follows into the bundle.
    kind = question.answer_type
    if kind == "count":
        from app.ui.walk.count_panel import CountPanel

        return CountPanel(question, current)
    if kind == "checklist":
        from app.ui.walk.dash_panel import ChecklistPanel

        return ChecklistPanel(question, current)
    return PANELS[kind](question, current)
