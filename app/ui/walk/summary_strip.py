"""Danger now (when it is), who is telling you, the person's age, the area and the worker's
tier, always in view (from the first answer to the plan), each a button that opens its
question: the worker corrects one without going back page by page, and sees at once an area or
a tier from their settings."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.pathways.answers import answer_label
from app.pathways.graph import Question
from app.ui.flow_layout import wrapping_row

FROM_SETTINGS = {"borough": " (your usual area)"}
# The answers kept in view, with a short heading each: the ones that choose the numbers, and
# the tier, which decides the worker's own duties (a fresh install's tier 2 was seen only in
# Settings: a tier-1 volunteer was told to refer to MARAC themselves, review 2026-12-01)
SHOWN = {"immediate_danger": "Danger now", "discloser": "Told by", "age_group": "Age"}
SHOWN |= {"borough": "Area", "tier": "You"}
# Danger now only when it is: after "Continue when safe" no page said 999 was still to be
# called (officer walk, 2026-12-05; H447); "No" would take a line at 24 pt and say nothing
ONLY_WHEN = {"immediate_danger": True}
AFTER = {"immediate_danger": ": call 999"}
# Said short in the strip, whole to a screen reader: a fourth item took a line at 24 pt that
# the Dash's keys needed on 1280x720
SHORT = {"tier"}
# Alt and the underlined letter changes one from anywhere in the walk or the plan: reaching
# the strip took several Shift+Tabs (review 2026-12-01)
KEYS = {"discloser": "&Told by", "age_group": "A&ge", "borough": "&Area", "tier": "&You"}
KEYS["immediate_danger"] = "&Danger now"


class StripButton(QPushButton):
    """Flat, as tall as its words and the room round them: the style's button height made each
    of the strip's rows 46 pixels at the largest text, and with the strip in two rows the
    plan's first number fell below the fold on a 1366x768 laptop (officer walk, 2026-12-02)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), self.fontMetrics().height() + 2))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class SummaryStrip(QWidget):
    edit_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        row = wrapping_row(self)  # reflows at large text sizes
        row.addWidget(QLabel("So far:"))
        self.buttons: dict[str, QPushButton] = {}
        self.fixed: frozenset[str] = frozenset()  # set by IT's policy: shown, said, not changed
        for question_id in SHOWN:
            button = StripButton()
            button.setFlat(True)
            button.setAutoDefault(True)  # Enter on it changes the answer (it did nothing)
            button.clicked.connect(lambda _=False, q=question_id: self.edit_requested.emit(q))
            row.addWidget(button)
            self.buttons[question_id] = button
        self.setAccessibleName("Answers so far: change one")
        self.set_items([])

    def set_items(self, items: list[tuple[Question, object, bool]]) -> None:
        """(question, answer, from settings) for each answer to keep in view."""
        given = {
            question.id: (question, value, ours)
            for question, value, ours in items
            if ONLY_WHEN.get(question.id, value) == value
        }
        self.from_case = any(not ours for _, _, ours in given.values())
        for question_id, button in self.buttons.items():
            if question_id not in given:
                button.setText("")
                button.setAccessibleName("")  # "Area: Walsall" stayed, hidden (seams review)
                button.hide()
                continue
            question, value, ours = given[question_id]
            words = answer_label(question, value) + AFTER.get(question_id, "")
            words += FROM_SETTINGS.get(question_id, "") if ours else ""
            short = words.split(" (")[0] if question_id in SHORT else words  # "Tier 2"
            shown = short.replace("&", "&&")  # "&" in an answer is a letter, not a key
            fixed = question_id in self.fixed
            change = "  (set by your organisation)" if fixed else "  (change)"
            button.setText(f"{KEYS[question_id]}: {shown}{change}")
            how = "Set by your organisation" if fixed else "Change it"
            # still a button: in the Tab order and read out; pressed, it says who sets it (a
            # disabled one was faint grey and skipped by Tab and Alt+Y: review 2026-12-01)
            button.setAccessibleName(f"{SHOWN[question_id]}: {words}. {how}")
            button.show()
        self.setVisible(bool(items))

    def holds_case(self) -> bool:
        return self.from_case

    def forget_case(self) -> None:
        self.set_items([])

    def texts(self) -> list[str]:
        """As read: without the keys' marks."""
        return [
            button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            for button in self.buttons.values()
            if button.text()
        ]
