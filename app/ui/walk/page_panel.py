"""A page of tick boxes with "None of these": several yes/no questions, and the options of
a multiple choice, asked together (flow.toml [[page]]; the GOV.UK checkboxes pattern with an
exclusive "none").

Keys: 1-9 then A, B… tick or untick a box; 0 answers "none of these" and moves on at once
(with boxes ticked it only unticks them, as GOV.UK's "none" does); Enter goes on with what is
ticked (with nothing ticked it asks for 0, unless the page was answered so before). Neither
answers a page with a box whose words have not been on screen: each press brings the first
of them to the top of the view, so no question is answered "no" unseen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.pathways.conditions import same
from app.ui.case_page import PageOnScreen, unticked
from app.ui.labels import key_label, plain_label, scaled
from app.ui.tick_box import TickBox
from app.ui.walk.box_lines import BoxWords, cut_line_to_top, scroll_area_of
from app.ui.walk.held_keys import CHECK, HELD, STILL_TICKED, HeldKeys
from app.ui.walk.panel_base import (
    ENTER,
    NONE_KEY,
    PRESSED_AGAIN_S,
    SpaceAsksFirst,
    entered,
    ignores_chords,
    typed,
)

LONG_LIST = 6  # options beyond which a multiple choice takes two columns (the needs list)
NOTHING, AGAIN = "Nothing is ticked", "The ticks are off"
UNSEEN, STILL, TICKED = "Not in view", "Still on this page", "Ticked as it came into view"
TAKEN_OFF = "Taken off"  # a second press from habit took a tick off in silence (walk F21)
# words a tick answers
ASKS = (NOTHING, AGAIN, HELD, UNSEEN, STILL, TICKED, TAKEN_OFF, STILL_TICKED, CHECK)
# a key typed as the page opened is held (H231, H244; held_keys); dropped unsaid, "1" for the
# children was lost and the plan had no children's front door (officer walk, 2026-12-03)
# Under a box the Dash already answered: unticking it was taken, and ignored, with no word
# (officer review 2026-12-01). The Dash answer is what counts, and is changed there.
GIVEN_BEFORE = "Yes in the Dash: change the Dash if it is wrong."
# unticked, a box the Dash ticks read "no strangulation" while it still counted (officer
# walk, 2026-12-02): it stays ticked, and its key says why
FROM_DASH = "{} is answered yes in the Dash: change the Dash if it is wrong."


class TickBoxPage(HeldKeys, SpaceAsksFirst, QWidget):
    answered = Signal(object)
    holding_changed = Signal()  # as an AnswerPanel's: ticks are answers only together

    def __init__(self, shown: PageOnScreen, pending: dict[str, Any] | None = None) -> None:
        """`pending`: the ticks of this page drawn before (a text-size change), not yet
        confirmed: they stay ticked."""
        super().__init__()
        self.shown = shown
        # answered before (a correction's way back): Enter keeps even "none of these"
        self.answered_before = all(q.id in shown.answers for q in shown.questions)
        self.setAccessibleName(shown.page.prompt)
        self.setAccessibleDescription(shown.page.help)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.boxes: dict[str, QCheckBox] = {}  # by key
        self.words: list[BoxWords] = []  # each box's words, in the page's order
        self.lines: list[QLabel] = []  # the words and the hints under them, in order
        self.ticks: list[tuple[str, Any, QCheckBox]] = []  # (question, value ticked, box)
        self.from_dash: set[int] = set()  # ids of the boxes a Dash answer already ticks
        asked = {question.id: question for question in shown.questions}
        for member in shown.page.members:
            question = asked.get(member.question)
            if question is None:
                if member.question in shown.given_elsewhere:  # (R40; officer walk, F14)
                    key = key_label(shown.first_key.get(member.question, len(self.boxes)))
                    layout.addLayout(
                        self._box(key, member.label, GIVEN_BEFORE, True, member.question, None)
                    )
                    self.from_dash.add(id(self.ticks[-1][2]))
                    self.ticks[-1][2].setEnabled(False)
                continue
            given = (pending or shown.answers).get(question.id)
            if question.answer_type == "multi":
                # asked in other words for who is telling (whose needs): those words lead
                words = question.prompt if question.id in shown.worded else member.legend
                legend = plain_label(words, "Legend")
                legend.setFont(scaled(legend.font(), 1.0, bold=True))
                layout.addWidget(legend)
                options = QGridLayout()  # a long list of short options: two columns
                columns = 2 if len(question.options) > LONG_LIST else 1
                before = shown.given_before.get(question.id, frozenset())
                for i, option in enumerate(question.options):
                    chosen = given is not None and option.value in given
                    key = key_label(shown.first_key.get(question.id, len(self.boxes)) + i)
                    hint = GIVEN_BEFORE if option.value in before else ""
                    value = option.value
                    # the legend leads the first box's name only: on every box, 30 words
                    # came before each of 15 needs (screen-reader walk, 2026-12-07)
                    legend = words if i == 0 else ""
                    row = self._box(key, option.label, hint, chosen, question.id, value, legend)
                    options.addLayout(row, i // columns, i % columns)
                    if hint:  # ticked by the Dash, not by the worker (H240), and kept so
                        self.from_dash.add(id(self.ticks[-1][2]))
                        self.ticks[-1][2].setEnabled(False)
                layout.addLayout(options)
            else:
                chosen = given is not None and same(given, member.tick)
                label = question.prompt if question.id in shown.worded else member.label
                key = key_label(shown.first_key.get(question.id, len(self.boxes)))
                layout.addLayout(self._box(key, label, question.help, chosen, question.id, None))
        self.none = self._button("None of these    [0]", "None of these")
        self.none.clicked.connect(self.none_apply)
        self.go_on = self._button("Continue    [Enter]", "Continue with what is ticked")
        self.go_on.clicked.connect(self.confirm)
        self.more = plain_label("", "More below")
        self.more.hide()
        self.unseen_key = ""  # a box's key pressed while it was out of view: again changes it
        self.enter_kept_page = False  # an Enter left the page open: the next key asks first
        # boxes' keys pressed as the page opened, or refused (held_keys)
        self.held, self.named, self.refused = [], [], []
        buttons = QHBoxLayout()
        for widget in (self.none, self.go_on):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        # above the buttons, so in view with them: below, it was under the fold (review)
        layout.addWidget(self.more)
        layout.addLayout(buttons)
        # the room left goes below the buttons: between the boxes it stood as empty bands
        # under each hint, with the buttons at the page's foot (officer walk, 2026-12-02)
        layout.addStretch(1)

    def _box(self, key, label, hint, chosen, question, value, legend="") -> QGridLayout:
        """A tick box with its words beside it, wrapped to the page (a check box's own text
        never wraps: at large text it would widen the window), and its hint under them."""
        box = TickBox()
        box.setAccessibleName(f"{legend}: {label}" if legend else label)
        box.setAccessibleDescription(hint)
        box.setChecked(chosen)
        box.toggled.connect(self._toggled)
        box.installEventFilter(self)  # Space on it, typed ahead: see eventFilter
        row = QGridLayout()
        row.addWidget(box, 0, 0, Qt.AlignmentFlag.AlignTop)
        words = BoxWords(f"{label}    [{key}]", box)
        row.addWidget(words, 0, 1, Qt.AlignmentFlag.AlignTop)
        self.lines.append(words)
        if hint:  # the question's help, read under its words (the box's description too)
            self.lines.append(plain_label(hint, "Hint"))
            row.addWidget(self.lines[-1], 1, 1)
        row.setColumnStretch(1, 1)
        row.setRowStretch(2, 1)  # a taller cell beside it leaves room below, not between
        self.boxes[key] = box
        self.words.append(words)
        self.ticks.append((question, value, box))
        return row

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = ignores_chords(QPushButton(text))
        button.setAccessibleName(name)
        button.setMinimumHeight(44)
        button.setAutoDefault(True)  # Enter on the focused button presses it: "none" is none
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def value(self) -> dict[str, Any]:
        """Each question's answer: a yes/no or choice its tick or no-tick answer, a multiple
        choice the options ticked, in their order."""
        answers: dict[str, Any] = {}
        for question in self.shown.questions:
            member = self.shown.member(question.id)
            boxes = [(v, box) for q, v, box in self.ticks if q == question.id]
            if question.answer_type == "multi":
                answers[question.id] = [v for v, box in boxes if box.isChecked()]
            else:
                ticked = boxes[0][1].isChecked()
                answers[question.id] = member.tick if ticked else unticked(member, question)
        return answers

    def pending(self) -> dict[str, Any]:
        return self.value()

    def confirm(self) -> None:
        """Enter, or Continue: on with what is ticked. Nothing ticked is not taken as none
        of these (0 says that): an Enter meant for the Dash's "Done [Enter]", as its last
        item had moved the walk on, answered no children, not pregnant and no care needs
        unseen (officer walk, H231), as GOV.UK asks for "none" to be chosen."""
        self._go_on(empty_is_answer=self.answered_before)

    def _go_on(self, empty_is_answer: bool, key: str = "Enter") -> None:
        if self.keys_held():  # just brought into view: Enter held down flashed boxes past
            return
        if not self._all_read():
            return
        if self.held_stops(key):
            return
        if empty_is_answer or self._ticked_here():
            self.answered.emit(self.value())
            return
        # the Dash's own ticks are not the worker's: with strangulation ticked by item 15,
        # the stray Enter answered no children, not pregnant, no care needs (re-attack, H240)
        besides = " besides what the Dash answered" if self.from_dash else ""
        self.ask(
            f"{NOTHING}{besides}: press 0 for none of these, or tick what applies and press Enter."
        )

    def _ticked_here(self) -> list[QCheckBox]:
        """The boxes the worker ticked (a box the Dash ticks stays ticked, and is not theirs)."""
        boxes = self.boxes.values()
        return [box for box in boxes if box.isChecked() and id(box) not in self.from_dash]

    def none_apply(self) -> None:
        """None of these: with boxes ticked it unticks them and waits (a 0 typed by mistake
        loses nothing unseen); with none ticked it answers every question on the page."""
        if self.keys_held():  # typed ahead: it would untick boxes here unseen
            return
        ticked = self._ticked_here()
        for box in ticked:
            box.setChecked(False)
        if not ticked:
            self._go_on(empty_is_answer=True, key=NONE_KEY)
            return
        # the ticks and their reminders went with no word (officer walk, 2026-12-02)
        # "(1 taken off)" did not say which: a second 0 lost "nearby" unseen (re-walk F21)
        named = "; ".join(self._label_of(box) for box in ticked)
        self.ask(
            f"{AGAIN} (taken off: {named}): press 0 again for none of these, or tick what "
            "applies and press Enter."
        )

    def _all_read(self) -> bool:
        """Whether every box's words have been on screen; if not, the first not yet seen is
        brought to the top of the view (its box takes the focus) and the worker is told why
        nothing was answered yet. At the largest text the first press went to the page's
        end, and boxes in between were answered "no" unseen (officer's walk, 2026-12-02)."""
        for words in self.words:
            words.note_if_read()
        unread = next((words for words in self.words if not words.read), None)
        if unread is None:
            return True
        self._to_top_of_view(unread)
        self._focus(unread.box)
        # a box the Dash answered takes no focus: its words are said with these, or a
        # screen reader's user was told to read what they were never taken to (re-check)
        what = "" if unread.box.isEnabled() else f" ({self._said_in_words(unread.box)})"
        # said after the focus moves: said before, a screen reader cuts it off (re-check)
        self.ask(
            f"There was more below{what}: read it, then press 0 for none of these or Enter to "
            "go on with what is ticked."
        )
        self.enter_kept_page = True  # the worker may think the page went on (H400)
        # keys typed ahead for the next page ("0, 2, 1") ticked boxes here unseen
        # (review 2026-12-01): for a moment, none is taken
        self.hold_keys()
        return False

    def _to_top_of_view(self, widget: QWidget) -> None:
        holder = scroll_area_of(self)
        if holder is None:
            return
        at, view = widget.mapTo(holder.widget(), QPoint(0, 0)), holder.viewport()
        # a little above it, if it still fits whole: 8 px above words as tall as the view
        # left one pixel out, and the page was never answered (re-attack round, 2026-12-02)
        room = view.height() - widget.height()
        holder.verticalScrollBar().setValue(at.y() - max(0, min(8, room)))
        across = holder.horizontalScrollBar()  # the needs' second column, on a narrow window
        if not across.value() <= at.x() <= across.value() + view.width() - widget.width():
            across.setValue(at.x() - max(0, min(8, view.width() - widget.width())))

    def focus_first(self) -> None:
        boxes = self.boxes.values()  # a box the Dash ticked takes no focus: it cannot change
        self._focus(next((box for box in boxes if box.isEnabled()), self.go_on))

    def _toggled(self, _ticked: bool) -> None:
        """A box ticked brings its reminders at once, as an answer given does (policy §5);
        a word asking for a tick or for 0 again has been heard (it stayed: officer walk)."""
        self.holding_changed.emit()
        # a refused key's box ticked another way (Space twice) is taken: "Not ticked … not
        # taken" stood over its tick, and Enter asked about it (verifier, 2026-12-07)
        for key in [k for k in self.refused if self.boxes[k].isChecked()]:
            self.pressed_again(key)
        if not self.still_said() and self.more.text().startswith(ASKS):
            self.more.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space on a focused box, typed ahead in the moment after the Dash moved on, ticked
        it, and a later Enter answered the rest of the page unseen (re-attack round, H244);
        on a box the page focused it asks first (SpaceAsksFirst, H400)."""
        return self.space_filter(watched, event)

    def space_question(self, watched: QObject) -> str:
        key = next(k for k, box in self.boxes.items() if box is watched)
        doing = "take it off" if watched.isChecked() else "tick it"
        return f"Space would {doing}: {self._label_of(watched)}. Press Space again, or {key}."

    def _in_view(self, box: QCheckBox, key: str) -> bool:
        """Whether a box and its words are wholly on screen (or as much of them as the view
        holds), and no Enter just left the page open; or its key was pressed again after it
        was brought into view. A key meant for the next page, typed after an Enter that
        only scrolled, took "Children live in the household" off unseen, and the children's
        front door went from the plan; its words' first line alone on screen counted as in
        view (housing officer's walks, 2026-12-04; H391, H400)."""
        if self.unseen_key == key or not self.isVisible():
            return True
        words = self._words_of(box)
        view = self.visibleRegion().boundingRect().height()
        shown = words.visibleRegion().boundingRect().height() >= min(words.height(), view) > 0
        return shown and not box.visibleRegion().isEmpty() and not self.enter_kept_page

    def _words_of(self, box: QCheckBox) -> BoxWords:
        return next(w for w in self.words if w.box is box)

    def _label_of(self, box: QCheckBox) -> str:
        """A box's words without its key: "Children live in the household"."""
        return self._words_of(box).text().rsplit("    [", 1)[0]

    def _said_in_words(self, box: QCheckBox) -> str:
        """A box's words for a sentence of ours, without their own stop: "…household?."
        was read out (accessibility re-check, 2026-12-07)."""
        return self._label_of(box).rstrip(".?!")

    def _show_unseen(self, key: str) -> None:
        """A box out of view is brought into view. A tick is made at once: it takes nothing
        away, and is seen as its box comes into view; waiting for a second press, 1, 2, 8
        at 24 pt ticked 1 only, and pregnancy went from the plan unsaid (officer walk,
        2026-12-05; H446). A tick taken off, or any key after an Enter that only scrolled
        (meant for the next page), waits for the key again (H391, H400)."""
        box = self.boxes[key]
        self._to_top_of_view(self._words_of(box))
        self._focus(box)
        label = self._label_of(box)
        if not box.isChecked() and not self.enter_kept_page:
            box.setChecked(True)  # before the words: a tick hides words asking for one
            self.ask(f"{TICKED}: {label}. Press {key} again to take it off.")
        else:
            doing = "take it off" if box.isChecked() else "tick it"
            said = STILL if self.enter_kept_page else UNSEEN
            self.ask(f"{said}: {label}. Press {key} again to {doing}.")
            if not box.isChecked():  # a tick refused is asked about at Enter (H572)
                self.refuse(key)
        self.unseen_key, self.enter_kept_page = key, False
        self.hold_keys()  # a second press typed ahead in the same moment is not taken

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageDown and not event.modifiers() and cut_line_to_top(self):
            return
        text = typed(event)
        if event.isAutoRepeat() and (event.key() in ENTER or text == NONE_KEY):
            return  # a key held down is not a worker reading each view (re-attack round)
        if text in self.boxes and self.keys_held():  # typed ahead, before it could be read
            self.say_held(text)
            # and the next typed after it (walk F21: "1" held, "2" ticked), but not a whole
            # second again: pressed every 0.85 s, as asked, a box was never ticked and the
            # same words came back each time (a11y walk, 2026-12-07)
            self.hold_keys_at_least(PRESSED_AGAIN_S)
            return
        if text in self.boxes:
            self.pressed_again(text)
        if text in self.boxes and not self.boxes[text].isEnabled():
            self.ask(FROM_DASH.format(self._label_of(self.boxes[text])))
            # out of view at the largest text, its tick was said but never seen (F14)
            self._to_top_of_view(self._words_of(self.boxes[text]))
        elif text in self.boxes and not self._in_view(self.boxes[text], text):
            self._show_unseen(text)
        elif text in self.boxes:
            self.unseen_key = ""
            box = self.boxes[text]
            box.toggle()
            self._focus(box)
            if not box.isChecked():
                said = self._said_in_words(box)
                self.ask(f"{TAKEN_OFF}: {said}. Press {text} again to tick it.")
        elif text == NONE_KEY:
            self.none_apply()
        elif entered(event):
            self.confirm()
        else:
            super().keyPressEvent(event)
