"""The plan: risk and red flags, then one card per action in order, then the buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.pathways.plan import Plan
from app.ui.plan.plan_text import action_html, risk_html

EXPORTS_OFF = "Turned off by your organisation's IT policy"


def rich_label(html: str, name: str, selectable: bool = True) -> QLabel:
    """Markup we wrote, with every piece of directory text in it escaped (plan_text)."""
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setAccessibleName(name)
    return label


class CopyAsOurs(QObject):
    """Ctrl+C on plan text goes through the app's own copy (marked to stay out of Windows
    clipboard history, and cleared at quick exit), never straight to the clipboard."""

    def __init__(self, copy) -> None:
        super().__init__()
        self.copy = copy

    def eventFilter(self, watched, event) -> bool:
        is_copy = event.type() == QEvent.Type.KeyPress and event.matches(
            QKeySequence.StandardKey.Copy
        )
        if is_copy and isinstance(watched, QLabel) and watched.hasSelectedText():
            self.copy(watched.selectedText().replace("\u2029", "\n"))
            return True
        return False


class PlanView(QWidget):
    read_back_requested = Signal()
    copy_requested = Signal()
    pdf_requested = Signal()
    new_requested = Signal()

    def __init__(self, allow_exports: bool = True, copy=None) -> None:
        super().__init__()
        self.allow_exports = allow_exports  # IT's policy: no PDF, copy, or selecting text
        self.copy_guard = CopyAsOurs(copy) if copy is not None else None
        layout = QVBoxLayout(self)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName("Plan")
        self.scroll.setWidget(QWidget())
        layout.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        for text, keys, name, signal in (
            ("Read back answers", "Alt+R", "Read back answers", self.read_back_requested),
            ("Copy summary", "Alt+C", "Copy summary for a referral form", self.copy_requested),
            ("Save PDF…", "Alt+P", "Save the plan as PDF", self.pdf_requested),
            ("New conversation", "Alt+N", "Clear and start a new conversation", self.new_requested),
        ):
            button = QPushButton(f"{text}    [{keys}]")
            button.setAccessibleName(name)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal.emit)
            if not allow_exports and signal in (self.copy_requested, self.pdf_requested):
                button.setEnabled(False)
                button.setToolTip(EXPORTS_OFF)
                shortcut.setEnabled(False)
        layout.addLayout(buttons)
        self.action_kinds: list[str] = []

    def show_plan(self, plan: Plan, today: date) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        selectable = self.allow_exports
        risk = risk_html(plan) or "<p>Plan</p>"
        column.addWidget(self._card_label(risk, "Risk and red flags", selectable))
        months = plan.assured_within_months
        for number, action in enumerate(plan.actions, start=1):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(card)
            html = action_html(number, action, today, months)
            inner.addWidget(self._card_label(html, action.title, selectable))
            column.addWidget(card)
        column.addStretch(1)
        self.scroll.setWidget(content)
        self.action_kinds = [a.kind for a in plan.actions]

    def _card_label(self, html: str, name: str, selectable: bool) -> QLabel:
        label = rich_label(html, name, selectable)
        label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # copy by Ctrl+C only
        if self.copy_guard is not None:
            label.installEventFilter(self.copy_guard)
        return label

    def plain_texts(self) -> list[str]:
        """Each card as the text a worker could select and copy from it."""
        document = QTextDocument()
        texts = []
        for label in self.scroll.widget().findChildren(QLabel):
            document.setHtml(label.text())
            texts.append(document.toPlainText())
        return texts

    def holds_case(self) -> bool:
        return bool(self.action_kinds) or bool(self.scroll.widget().findChildren(QLabel))

    def clear(self) -> None:
        self.scroll.setWidget(QWidget())
        self.action_kinds = []
