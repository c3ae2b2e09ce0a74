"""The plan as NHS care cards: the risk in one line, then Now, Today and Offer, each action a
card with the number to ring in large type; then the buttons. Every text is plain text."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.pathways.plan import Plan
from app.pathways.summary import changes_since, grouped, lines_shown_above, red_flags_advice
from app.ui.case_reminders import short_names
from app.ui.expander import Expander
from app.ui.flow_layout import wrapping_row
from app.ui.labels import plain_label, scaled
from app.ui.palettes import GAP, RING
from app.ui.plan.action_card import TIGHT, ActionCard, Copy
from app.ui.viewport import FocusInView

EXPORTS_OFF = "Turned off by your organisation's IT policy"
# Icon and words for each group, never colour alone (GOV.UK warning text, NHS care cards).
GROUP_MARKS = {
    "now": "\u26a0 Now: do this first",
    "today": "\u25d4 Today",
    "offer": "\u25cb Offer: their choice",
}
GROUP_FRAMES = {"now": 3, "today": 2, "offer": 1}  # a heavier border for what cannot wait
# heard in words, without the mark's name ("warning sign"), with the first card of each
# group: tabbing card to card, the group was never heard, so "do this now" sounded as "their
# choice" (accessibility audit, 2026-12-07)
GROUP_SAID = {group: words.split(" ", 1)[1] for group, words in GROUP_MARKS.items()}


class GroupFrame(QFrame):
    """Now, Today or Offer: a heading with its mark, and the group's cards."""

    def __init__(self, group: str) -> None:
        super().__init__()
        self.group = group
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(GROUP_FRAMES[group])
        if group == "now":
            self.setAutoFillBackground(True)
            self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(*(TIGHT,) * 4)
        self.heading = plain_label(GROUP_MARKS[group], "Group")
        self.heading.setAccessibleName(GROUP_SAID[group])
        self.setAccessibleName(GROUP_SAID[group])
        self.heading.setFont(scaled(self.heading.font(), 1.2, bold=True))
        self.layout_.addWidget(self.heading)


class PlanView(QWidget):
    read_back_requested = Signal()
    copy_requested = Signal()
    pdf_requested = Signal()
    new_requested = Signal()
    reopen_requested = Signal(str)  # a question of the walk, from a card (action_card.OPENS)

    def __init__(self, allow_exports: bool = True, copy: Copy | None = None):
        super().__init__()
        self.allow_exports = allow_exports  # IT's policy: no PDF, copy, or selecting text
        self.copy = copy if allow_exports else None
        self.copy_guard = None  # made with the first plan: off the path to the first question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(RING + GAP,) * 4)  # room for the focus ring, no more
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName("Plan")
        self.scroll.setWidget(QWidget())
        # focus given to the plan goes to what scrolls it: the plan view itself took it,
        # unnamed, with no ring, and PageDown did nothing until Tab (officer review)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.scroll)
        FocusInView(self.scroll)  # Shift+Tab from Read back left the focus out of view
        self.copied: QLabel | None = None  # the number Ctrl+C on the plan itself copied
        self.scroll.verticalScrollBar().rangeChanged.connect(self._copied_in_view)
        # the worker read on (keys, wheel, the bar): the number is theirs to leave behind
        self.scroll.verticalScrollBar().actionTriggered.connect(self._read_on)
        layout.addWidget(self.scroll, 1)
        bar = QWidget()
        buttons = wrapping_row(bar)  # wraps at large text sizes, never widens the window
        self.buttons: dict[str, QPushButton] = {}  # practice hides some and renames one
        # Alt + the underlined letter presses each (a mnemonic: short labels reflow better)
        for key, text, name, signal in (
            ("read_back", "&Read back answers", "Read back answers", self.read_back_requested),
            ("copy", "&Copy summary", "Copy summary for a referral form", self.copy_requested),
            ("pdf", "Save &PDF…", "Save the plan as PDF", self.pdf_requested),
            ("new", "&New conversation", "Clear and start a new conversation", self.new_requested),
        ):
            button = self.buttons[key] = QPushButton(text)
            button.setAutoDefault(True)  # Enter on it presses it, as Space does (it did nothing)
            button.setAccessibleName(name)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
            if not allow_exports and signal in (self.copy_requested, self.pdf_requested):
                button.setEnabled(False)
                button.setToolTip(EXPORTS_OFF)
        layout.addWidget(bar)
        self.action_kinds: list[str] = []
        self.cards: list[ActionCard] = []
        self.reminders_inline = False
        self.shown: tuple[Plan, date] | None = None
        self.updated = ""  # what a correction changed since the plan before

    def set_reminders_inline(self, inline: bool) -> None:
        """Reminders at the plan's end (a narrow window), or beside it in their panel."""
        if inline != self.reminders_inline:
            self.reminders_inline = inline
            if self.shown is not None:
                self.show_plan(*self.shown)

    def show_plan(self, plan: Plan, today: date) -> None:
        before = self.shown[0] if self.shown is not None else None
        if before is not plan:  # (drawn again, at another text size: still said)
            self.updated = changes_since(before, plan) if before is not None else ""
        self.shown, self.copied = (plan, today), None
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(*(TIGHT,) * 4)
        column.setSpacing(RING + GAP)
        if self.updated:  # first, heard first, and bold: plain, it was read past (re-walk)
            updated = plain_label(self.updated, "Plan updated")
            updated.setFont(scaled(updated.font(), 1.0, bold=True))
            column.addWidget(updated)
        self.risk, self.flags = self._risk_header(plan, column)
        # before the cards, as in the summary: below them, "outside the West Midlands" came
        # after cards saying no local number was confirmed (officer review 2026-12-01)
        for notice in plan.notices:
            column.addWidget(plain_label(f"Note: {notice.text}", "Note"))
        # heard on the plan's first stop: tabbing from it went to the first card, and the
        # risk, the red flags and the notes were never heard (officer walk, 2026-12-02)
        heading = [column.itemAt(at).widget() for at in range(column.count())]
        said = [w.text() for w in heading if isinstance(w, QLabel)]
        self.scroll.setAccessibleDescription(". ".join(said))
        months = plan.assured_within_months
        self.cards = []
        self.groups = []
        above = lines_shown_above(plan)
        for group_id, _, actions in grouped(plan):
            group = GroupFrame(group_id)
            self.groups.append(group)
            for number, action in actions:
                card = ActionCard(
                    number,
                    action,
                    today,
                    months,
                    self.copy,
                    self.allow_exports,
                    above.get(id(action), ""),
                    self.reopen_requested.emit,
                )
                if group.layout_.count() == 1:  # the heading alone: its group's first card
                    card.setAccessibleName(f"{GROUP_SAID[group_id]}. {card.accessibleName()}")
                group.layout_.addWidget(card)
                self.cards.append(card)
            column.addWidget(group)
        if self.reminders_inline:
            self._reminders(plan, column)
        column.addStretch(1)
        self.scroll.setWidget(content)
        self._guard_copies(content)
        self._tab_in_reading_order(content)
        self.action_kinds = [a.kind for a in plan.actions]

    def _tab_in_reading_order(self, content: QWidget) -> None:
        """Tab goes from the plan through its cards in reading order, then to its buttons:
        the cards, made after every other control, came last (after the reminders)."""
        tab = Qt.FocusPolicy.TabFocus
        inside = [w for w in content.findChildren(QWidget) if w.focusPolicy() & tab]
        chain = [self.scroll, *inside, *self.buttons.values()]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _reminders(self, plan: Plan, column: QVBoxLayout) -> None:
        heading = plain_label("Remember, for this case", "Reminders heading")
        heading.setFont(scaled(heading.font(), 1.2, bold=True))
        column.addWidget(heading)
        for reminder in (r for r in plan.reminders if not r.general):
            column.addWidget(plain_label(f"\u2022 {reminder.text}", "Reminder"))
        general = [r for r in plan.reminders if r.general]
        always = "\n".join(f"\u2022 {r.text}" for r in general)
        column.addWidget(Expander(f"Always ({len(general)})", always, "Always"))

    def _risk_header(self, plan: Plan, column: QVBoxLayout):
        risk = None
        if plan.risk.level != "not_applicable":
            level = plan.risk.level.replace("_", " ").upper()
            basis = f": {plan.risk.basis}" if plan.risk.basis else ""
            risk = plain_label(f"Risk: {level}{basis}", "Risk")
            risk.setFont(scaled(risk.font(), 1.1, bold=True))
            column.addWidget(risk)
        flags = None
        if plan.red_flags:  # one short line; each in full, with its sources, folded
            names = short_names([f.id for f in plan.red_flags])
            full = "\n".join(f"{f.text} [{'; '.join(f.sources)}]" for f in plan.red_flags)
            advice = red_flags_advice(plan)
            line = f"Red flags: {names}." + (f" {advice.capitalize()}." if advice else "")
            column.addWidget(plain_label(line, "Red flags"))
            flags = Expander("Red flags in full, with sources", full, "Red flags in full")
            column.addWidget(flags)
        return risk, flags

    def _copy_guard(self):
        if self.copy_guard is None:
            from app.ui.copy_as_ours import CopyAsOurs

            self.copy_guard = CopyAsOurs(self.copy)
        return self.copy_guard

    def _guard_copies(self, content: QWidget) -> None:
        for label in content.findChildren(QLabel):
            label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # copy: Ctrl+C only
            if self.allow_exports:
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if self.copy is not None:
                    label.installEventFilter(self._copy_guard())
            else:
                label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def keyPressEvent(self, event) -> None:
        """Ctrl+C on the plan itself (as it opens, before Tab reaches a card) copies the first
        card's first number, as Ctrl+C on that card does: it copied nothing and said nothing
        (officer walk, 2026-12-07)."""
        from PySide6.QtGui import QKeySequence

        first = next((card for card in self.cards if card.rows), None)
        if event.matches(QKeySequence.StandardKey.Copy) and first is not None:
            # kept before the copy: "Copied …" shown shrinks the plan at once, as it is said
            self.copied = first.rows[0].number
            if first.copy_number():
                return
            self.copied = None
        super().keyPressEvent(event)

    def _read_on(self, *_) -> None:
        """The worker read on (keys, wheel, the bar): the number is theirs to leave behind; a
        banner minutes later took them back to it from step 3 (verifier, 2026-12-07)."""
        self.copied = None

    def _copied_in_view(self, *_) -> None:
        """The number Ctrl+C on the plan copied stays in view while the focus stays on the
        plan: the status line saying "Copied …" took two lines at 24 pt, and the number the
        worker was about to read out went under the fold (look on Xvfb, 2026-12-07)."""
        if self.copied is not None and QApplication.focusWidget() is self.scroll:
            self.scroll.ensureWidgetVisible(self.copied, 8, 8)
        # once, for the line saying so: a banner later took a worker who had scrolled on to
        # step 3 back to the number (verifier, 2026-12-07)
        self.copied = None

    def place_of_focus(self) -> tuple[int, int] | str | None:
        """Where the focus is, to come back to once the plan is drawn again: a card and which
        of its controls, or a button's key. Esc from the read-back put the worker at the
        plan's top, far from the card they had left (a11y walk, 2026-12-07)."""
        focused = QApplication.focusWidget()
        key = next((k for k, button in self.buttons.items() if button is focused), None)
        if key is not None:
            return key
        for at, card in enumerate(self.cards):
            if focused in (controls := _controls(card)):
                return at, controls.index(focused)
        return None

    def focus_place(self, place: tuple[int, int] | str | None) -> None:
        """The focus back where place_of_focus found it, if the plan still has it."""
        if isinstance(place, str) and place in self.buttons:
            self.buttons[place].setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(place, tuple) and place[0] < len(self.cards):
            controls = _controls(self.cards[place[0]])
            if place[1] < len(controls):
                controls[place[1]].setFocus(Qt.FocusReason.TabFocusReason)  # scrolled into view

    def plain_texts(self) -> list[str]:
        """Everything shown, as the text a worker could select and copy from it."""
        return [label.text() for label in self.scroll.widget().findChildren(QLabel)]

    def holds_case(self) -> bool:
        return bool(self.action_kinds) or bool(self.scroll.widget().findChildren(QLabel))

    def clear(self) -> None:
        self.shown, self.updated, self.copied = None, "", None
        # the risk and red flags a screen reader is told of go with the cards (they stayed
        # after a quick exit: seams review, 2026-12-04)
        self.scroll.setAccessibleDescription("")
        self.scroll.setWidget(QWidget())
        self.action_kinds = []
        self.cards = []


def _controls(card: ActionCard) -> list[QWidget]:
    """A card and its buttons, in one order: a place on the plan by index."""
    return [card, *card.findChildren(QAbstractButton)]
