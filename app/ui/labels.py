"""Labels: answers in words a worker reads back, and the one way to show outside text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.pathways.graph import Question
from app.pathways.risk import dash_yes_count


def answer_label(question: Question, value: Any) -> str:
    kind = question.answer_type
    if kind == "yes_no":
        return "Yes" if value else "No"
    if kind == "choice":
        option = question.option(value)
        return option.label if option else str(value)
    if kind == "multi":
        labels = [o.label for o in question.options if o.value in (value or [])]
        return ", ".join(labels) or "None"
    if kind == "checklist":
        count = dash_yes_count(value)
        return "Not completed" if count is None else f"Completed: {count} of 24 'yes'"
    return str(value)


def key_label(index: int) -> str:
    """The key that picks option number index (0-based): 1-9, then A, B, C…"""
    return str(index + 1) if index < 9 else chr(ord("A") + index - 9)


def plain_label(text: str, name: str) -> QLabel:
    """A label that shows its text as typed, never as markup: for every piece of text that
    comes from the directory, a file or an error (a service name must not become a link)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setText(text)
    return label
