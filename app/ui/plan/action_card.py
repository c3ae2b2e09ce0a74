"""One action of the plan as an NHS-style care card: the instruction, each service's name and
number in large type (with a copy button), what to say, and Why and sources folded away.

Every text here comes from the directory or the pathway: all of it is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.pathways.bidi import isolated
from app.pathways.out_of_hours import line_said, out_of_hours
from app.pathways.phone_numbers import fixed_number
from app.pathways.plan import PlannedAction
from app.pathways.services import ServiceMatch, check_before_use, confirmed_on
from app.pathways.summary import (
    LINE_HEADINGS,
    REFER,
    alert_words,
    note_leads,
    service_notes,
    services_as_given,
)
from app.ui.expander import Expander
from app.ui.labels import plain_label, scaled

# margins inside the plan and its frames: the style's 9 to 11 pixels, at every level, kept the
# first number below the fold at the largest text on a 1366x768 laptop (officer walk, 12-02);
# still room for the focus ring (RING + GAP) round a card's buttons
TIGHT = 6
UNCONFIRMED = "Unconfirmed: check the number before you give it."
UNCONFIRMED_ADDRESS = "Unconfirmed: check the address before you use it."
# under an out-of-hours line, "check the number" read as about that line alone (re-walk,
# 2026-12-07): a person's check confirms the number and its note together
UNCONFIRMED_BOTH = "Unconfirmed: check both numbers before you give them."
# a card whose action is answering a question the walk passed: a button opens it. "Complete
# the Dash" had no way in; the worker, the interpreter now ready, pressed Alt+R and Down
# eleven times (officer walk F20, 2026-12-06)
OPENS = {"dash_assessment": ("dash_answers", "Answer the Das&h now")}
Copy = Callable[..., None]  # (text, whose=...): MainWindow.copy_contact, from the plan
MONTHS = "January February March April May June July August September October November December"


def trust_line(match: ServiceMatch, today: date, months: int, both: bool = False) -> str:
    """Calm, and only where it carries information: nothing for 999, 101 and 111. `both`:
    the card gives the number's out-of-hours line (or the one to try next) too."""
    service = match.service
    if fixed_number(service.phone):
        return ""  # set nationally: a date on them says nothing
    if alert := alert_words(service):  # the lead's own words: why, and what to do instead
        return f"\u26a0 {alert}"
    if not service.phone and not service.email:
        return ""  # its line says "No number held here"; a card may have no note to point to
    if check_before_use(service, today, months):
        return (UNCONFIRMED_BOTH if both else UNCONFIRMED) if service.phone else UNCONFIRMED_ADDRESS
    assured = confirmed_on(service, today)
    if assured is not None:
        return f"Confirmed {MONTHS.split()[assured.month - 1]} {assured.year}."
    return ""


def copy_button(label: str, name: str, copy: Copy, text: str, whose: str) -> QPushButton:
    """A button copying `text`, named for a screen reader by what it copies; the status line
    says `whose` it is: "Copied 024 7683 2222:" named no service, with a card of three
    above it (officer's walk, 2026-12-07; H500)."""
    button = QPushButton(label)
    button.setAutoDefault(True)  # Enter copies, as Space does
    button.setAccessibleName(name)
    button.clicked.connect(lambda: copy(text, whose=whose))
    return button


class ServiceRow(QWidget):
    """A service: its name, then its number large enough to read across a desk."""

    def __init__(
        self,
        match: ServiceMatch,
        today: date,
        months: int,
        copy: Copy | None,
        selectable: bool,
        instead: str = "",
    ) -> None:
        """`instead`: the words before its name (summary.services_as_given): "If that cannot
        help: ", "If you cannot find <the first service>: " or "In an emergency: "; a fallback
        standing first is named as it is."""
        super().__init__()
        service = match.service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.name = plain_label(instead + service.name, "Service")
        self.name.setFont(scaled(self.name.font(), 1.0, bold=True))
        contact = service.phone or service.email
        self.reachable = bool(contact)
        self.number = plain_label(contact or "No number held here", f"Number for {service.name}")
        # A number large enough to read across a desk; an email address cannot wrap, so
        # less; no number is not news to shout (the card's note says what to do instead).
        # One to try instead is smaller, on its name's line: three of them (111, 101, 999)
        # filled the first screen under a child's SARC, the same-day referral below it
        size = 1.6 if service.phone and not instead else 1.2 if service.phone else 1.0
        # an e-mail address, which cannot wrap, in plain weight: bold, with its copy button
        # beside it, it made a card wider than the plan's column beside the reminders, and
        # the plan scrolled sideways, its first number under the scroll bar (officer walk)
        self.number.setFont(scaled(self.number.font(), size, bold=bool(service.phone)))
        self.number.setWordWrap(False)  # short: wrapped, "No number held here" broke in two
        if selectable:
            self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line, under = QHBoxLayout(), QHBoxLayout()
        if instead:  # the name takes the room it needs, wrapping only when it must
            line.addWidget(self.name, 1)
        line.addWidget(self.number)
        if copy is not None and (service.phone or service.email):
            what = "number" if service.phone else "e-mail address"  # never "number" for e-mail
            self.copy_button = copy_button(
                f"Copy {what.split()[0]}",
                f"Copy the {what} for {service.name}",
                copy,
                contact,
                service.name,
            )
            (line if service.phone else under).addWidget(self.copy_button)  # e-mail: under it
            under.addStretch(1)
        if not instead:
            line.addStretch(1)
            layout.addWidget(self.name)
        alert = alert_words(service)
        shut = out_of_hours(service.phone_note) if service.phone else None
        trust = trust_line(match, today, months, both=bool(shut))
        self.trust = plain_label(trust, "How sure we are")
        if alert:  # before the number: read out or copied before the alert was seen (H188)
            self.trust.setFont(scaled(self.trust.font(), 1.0, bold=True))  # words and an icon
            layout.addWidget(self.trust)
        layout.addLayout(line)
        layout.addLayout(under)
        said = service_notes(service, shut[3] if shut else None)
        # how to refer on its own line, after the out-of-hours line: run on after "in an
        # emergency 999", it read as the when-shut advice, and pushed the night line down
        # (verifier, 2026-12-07; H622)
        refer = "\n".join(n for n in said if n.startswith(REFER))
        notes = "; ".join(n for n in said if not n.startswith(REFER))
        self.notes = plain_label(notes, "Hours and notes")
        layout.addWidget(self.notes)  # in the card before shown: never a window of its own
        self.notes.setVisible(bool(notes))
        self.spoken_after = [notes] if notes else []  # then what the card shows under it
        if shut:
            self._out_of_hours(layout, service.name, shut, copy, selectable)
        self.refer = plain_label(refer, "How to refer")
        layout.addWidget(self.refer)
        self.refer.setVisible(bool(refer))
        self.spoken_after += [refer] if refer else []
        if not alert:
            layout.addWidget(self.trust)
        self.trust.setVisible(bool(self.trust.text()))
        # a screen reader hears the alert before the number, as the card shows it
        self.spoken = (f"{alert}. " if alert else "") + (
            f"{service.name}, {contact or 'no number held here'}"
        )
        if self.trust.text() and not alert:
            self.spoken_after.append(self.trust.text())

    def _out_of_hours(self, layout, name, shut, copy, selectable) -> None:
        """The number's out-of-hours line (or the one to try if there is no answer), under its
        hours, large enough to read and with a copy button of its own: what the worker rings
        when the office is shut."""
        words, number, after, _ = shut
        said = f"{words}{'' if ':' in words else ':'}"
        line = QHBoxLayout()
        line.addWidget(plain_label(isolated(said), said))
        self.out_of_hours = plain_label(number, f"{said} number for {name}")
        self.out_of_hours.setFont(scaled(self.out_of_hours.font(), 1.2, bold=True))
        self.out_of_hours.setWordWrap(False)
        if selectable:
            self.out_of_hours.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.addWidget(self.out_of_hours)
        if copy is not None:
            self.out_of_hours_copy = copy_button(
                "Copy number",
                f"Copy the number for {name} ({words.lower()})",
                copy,
                number,
                f"{name}, {line_said(words)}",
            )
            line.addWidget(self.out_of_hours_copy)
        line.addStretch(1)
        layout.addLayout(line)
        self.spoken_after.append(f"{said} {number}")
        if after:
            layout.addWidget(plain_label(isolated(after), "After hours"))
            self.spoken_after.append(after)


class ActionCard(QFrame):
    """One action: the instruction, the services, what to say, and why (folded)."""

    def __init__(
        self,
        number: int | None,
        action: PlannedAction,
        today: date,
        months: int,
        copy: Copy | None = None,
        selectable: bool = True,
        above: str = "",
        reopen: Callable[[str], None] | None = None,
    ) -> None:
        """`above`: the words sending the worker to a card above that gives this helpline's
        lines (app.pathways.summary.lines_shown_above), shown in place of them. `reopen`:
        opens a question of the walk again (OPENS), where the card's action is to answer it."""
        super().__init__()
        self.kind = action.kind
        self.setFrameShape(QFrame.Shape.NoFrame)  # its edge: paintEvent
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reads the card whole
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(TIGHT,) * 4)
        prefix = f"{number}. " if number is not None else ""
        self.title = plain_label(prefix + action.title, "Action")
        self.title.setFont(scaled(self.title.font(), 1.2, bold=True))
        layout.addWidget(self.title)
        self.rows: list[ServiceRow] = []
        if above:
            self.above = plain_label(above, "The same line as above")
            layout.addWidget(self.above)
        else:
            for label, rows in services_as_given(action):
                if label:
                    heading = LINE_HEADINGS[label]
                    layout.addWidget(plain_label(heading, heading))
                for instead, match in rows:
                    self.rows.append(ServiceRow(match, today, months, copy, selectable, instead))
                    layout.addWidget(self.rows[-1])
        if action.no_confirmed_service and action.fallback_note and not above:
            self.fallback = plain_label(action.fallback_note, "If no service is confirmed")
            layout.insertWidget(1 if note_leads(action) else layout.count(), self.fallback)
        if action.say:
            self.say = plain_label(f"What you can say: \u201c{action.say}\u201d", "What to say")
            layout.addWidget(self.say)
        if reopen is not None and action.kind in OPENS:
            question_id, label = OPENS[action.kind]
            self.opens = QPushButton(label)
            self.opens.setAutoDefault(True)  # Enter on it opens, as Space does
            self.opens.clicked.connect(lambda: reopen(question_id))
            layout.addWidget(self.opens, 0, Qt.AlignmentFlag.AlignLeft)
        why = f"{action.why}\nSources: {'; '.join(action.sources)}"
        self.why = Expander("Why, and sources", why, "Why and sources")
        layout.addWidget(self.why)
        first = f": {self.rows[0].spoken}" if self.rows else f": {above}" if above else ""
        self.setAccessibleName(f"{prefix}{action.title}{first}")
        self.setAccessibleDescription(self._spoken_after_name())

    def _spoken_after_name(self) -> str:
        """All the card shows after its name, in its order, but Why (a button of its own):
        tabbing through the plan, a screen reader heard the first service alone, and never
        the helpline's number under "No number held here", the trust lines or the note of
        what to do (officer walk, 2026-12-02)."""
        said = []
        for at in range(self.layout().count()):
            widget = self.layout().itemAt(at).widget()
            if isinstance(widget, ServiceRow):
                said += ([] if widget is self.rows[0] else [widget.spoken]) + widget.spoken_after
            elif isinstance(widget, QLabel) and widget is not self.title:
                said.append(widget.text())
        # a sentence each: ". " after one that ends a sentence read "it.. What" (re-attack)
        return " ".join(s if s.endswith((".", "?", "!", "\u201d")) else f"{s}." for s in said)

    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel)]

    def keyPressEvent(self, event) -> None:
        """Ctrl+C on the card copies its first number (or e-mail), as its button does: it
        copied nothing and said nothing (officer's walk, 2026-12-07; H503). On a copy button
        with the focus, that button's: on the out-of-hours line's it gave the daytime line
        (re-walk, 2026-12-07)."""
        from PySide6.QtGui import QKeySequence

        if not (event.matches(QKeySequence.StandardKey.Copy) and self.copy_number()):
            super().keyPressEvent(event)

    def copy_number(self) -> bool:
        """The focused copy button's number, else the card's first; False with none to copy
        (exports not allowed: no buttons)."""
        named = ("copy_button", "out_of_hours_copy")
        buttons = [getattr(r, name) for r in self.rows for name in named if hasattr(r, name)]
        focused = QApplication.focusWidget()
        button = focused if focused in buttons else next(iter(buttons), None)
        if button is not None:
            button.click()
        return button is not None

    def paintEvent(self, event) -> None:
        """Its edge in the palette's mid colour: the style's panel edge is the window colour
        darkened, black on black in high contrast, where every card ran into the next
        inside its group (look on Xvfb, 2026-12-02)."""
        from PySide6.QtGui import QPainter, QPalette  # the first card paints after launch

        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
