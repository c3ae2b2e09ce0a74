"""One question a page: section, prompt, help, the answer panel and Back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.pathways.graph import Question
from app.ui.labels import plain_label
from app.ui.walk.answer_panels import AnswerPanel, panel_for


class QuestionPage(QWidget):
    answered = Signal(object)
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.section = plain_label("", "Section")
        self.prompt = plain_label("", "Question")
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.prompt.setFont(font)
        self.help = plain_label("", "Help")
        self.holder = QScrollArea()
        self.holder.setWidgetResizable(True)
        self.holder.setFrameShape(QScrollArea.Shape.NoFrame)
        self.holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the answers take focus, not it
        self.back = QPushButton("Back    [Alt+←]")
        self.back.setAccessibleName("Back to the previous question")
        self.back.clicked.connect(self.back_requested.emit)
        for keys in ("Alt+Left", "Backspace"):  # a text field keeps Backspace for itself
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.back_requested.emit)
        for widget in (self.section, self.prompt, self.help):
            layout.addWidget(widget)
        layout.addWidget(self.holder, 1)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        self.panel: AnswerPanel | None = None
        self.question: Question | None = None

    def show_question(self, question: Question, current: Any, number: int) -> None:
        self.section.setText(f"{question.section} · question {number}")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.prompt.setFont(font)  # follows the text-size setting
        self.prompt.setText(question.prompt)
        self.help.setText(question.help)
        self.help.setVisible(bool(question.help))
        self.setAccessibleName(question.prompt)  # the page is read as its question
        self.setAccessibleDescription(question.help)
        self.panel = panel_for(question, current)
        self.panel.answered.connect(self.answered.emit)
        self.holder.setWidget(self.panel)
        self.question = question
        self.panel.focus_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.panel is not None and event.text():
            self.panel.keyPressEvent(event)  # a shortcut pressed while Back has the focus
        else:
            super().keyPressEvent(event)
