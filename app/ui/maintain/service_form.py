"""One service's every field, checked as the lead types: each field's problems under it, in
words naming what is allowed; nothing is applied to the working copy until "Apply"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.flow_layout import wrapping_row
from app.ui.labels import plain_label

# (field, label, hint); the id is shown, never edited: the pathway and counts use it.
FIELDS = (
    ("name", "Name", ""),
    ("organisation", "Organisation", ""),
    ("kinds", "Kinds", "separated by ;"),
    ("area", "Areas", "borough ids, west_midlands or national, separated by ;"),
    ("phone", "Phone", "999, 101, 111, 116 xxx, 0800/0808, geographic, 03 or mobile"),
    ("phone_note", "Phone note", ""),
    ("hours", "Hours", ""),
    ("open_24_7", "Open 24/7", "yes, or empty"),
    ("email", "E-mail", ""),
    ("website", "Website", "https:// only"),
    ("referral_route", "How to refer", ""),
    ("self_referral", "Self-referral", "yes, or empty"),
    ("min_age", "Lowest age", "0 to 120"),
    ("max_age", "Highest age", "0 to 120"),
    ("audience", "Who it serves", "any, women, men or lgbtq"),
    ("confidence", "Confidence", "high, medium or low"),
    ("source", "Source", ""),
    ("source_seen", "Source seen", "when the source was read"),
    ("alert", "Alert", "shown to workers on the plan"),
    # shown in every worker's Directory tab: "for the lead" read as private (H386)
    ("notes", "Notes", "what is not confirmed: shown to workers in the Directory tab"),
)
LONG = {"notes", "alert", "referral_route"}
LARGE_TEXT_POINTS = 16


NOT_APPLIED = "Changes typed, not applied yet: Apply changes (Alt+A); Save and Publish apply them"


class ServiceForm(QWidget):
    apply_requested = Signal(str, dict)  # service id, the fields that changed
    retire_requested = Signal(str)
    check_requested = Signal(str)
    # typed or no longer (by hand too): an unlisted service kept for what was typed goes
    # once nothing is typed (re-attack, 2026-12-06)
    typed_changed = Signal(bool)

    def __init__(self, problems: Callable[[dict], dict], tidy_phone: Callable[[str], str]):
        super().__init__()
        self.problems_of, self.tidy_phone = problems, tidy_phone
        self.row: dict[str, str] = {}
        self.title = ""
        self.was_typed = False
        column = QVBoxLayout(self)
        self.heading = plain_label("Choose a service to edit it.", "Service being edited")
        column.addWidget(self.heading)
        # problems of what has no field here (the day a person checked it, from Excel as
        # 24/11/2026): the row said "1 problem" and the form showed none (review 2026-12-01)
        self.other_problems = plain_label("", "Problems with the record of a check")
        self.other_problems.hide()
        column.addWidget(self.other_problems)
        self.fields = form = QFormLayout()
        self._wrap_rows()
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.problem_labels: dict[str, QLabel] = {}
        for field, label, hint in FIELDS:
            editor = QPlainTextEdit() if field in LONG else QLineEdit()
            if isinstance(editor, QPlainTextEdit):  # Tab goes on: 24 Tabs went into one box
                editor.setTabChangesFocus(True)  # and the fields after it were out of reach
            editor.setAccessibleName(label)
            # room for a number and its words: narrower, the row wraps, the label above
            editor.setMinimumWidth(editor.fontMetrics().averageCharWidth() * 16)
            if hint:
                editor.setPlaceholderText(hint)
                editor.setAccessibleDescription(hint)
            problem = plain_label("", f"Problems with {label}")
            problem.hide()
            holder = QWidget()
            stack = QVBoxLayout(holder)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(editor)
            stack.addWidget(problem)
            form.addRow(label, holder)
            self.editors[field], self.problem_labels[field] = editor, problem
            editor.textChanged.connect(self.check)
        self.editors["phone"].editingFinished.connect(self._tidy_phone)
        column.addLayout(form)
        # wrapping at large text: in a row, 24 pt buttons made the form wider than its pane,
        # the labels scrolled off to the left, and the new number went into Organisation
        # (the lead's walk, 2026-12-06)
        row = QWidget()
        buttons = wrapping_row(row)
        self.apply_button = QPushButton("&Apply changes")
        self.revert_button = QPushButton("Re&vert")
        self.check_button = QPushButton("&Mark checked…")
        self.retire_button = QPushButton("Re&tire")
        for button in (
            self.apply_button,
            self.revert_button,
            self.check_button,
            self.retire_button,
        ):
            buttons.addWidget(button)
        column.addWidget(row)
        self.apply_button.clicked.connect(self._apply)
        self.revert_button.clicked.connect(lambda: self.show_service(self.row))
        self.check_button.clicked.connect(lambda: self.check_requested.emit(self.row["id"]))
        self.retire_button.clicked.connect(lambda: self.retire_requested.emit(self.row["id"]))
        self.setEnabled(False)

    def _wrap_rows(self) -> None:
        """At a large text size every label above its field, not beside it: a field beside
        a label scrolled sideways, and the lead could not tell which field they were in
        (the lead's walk, 2026-12-06); mixed, each row placed its own way."""
        large = QFontInfo(self.font()).pointSize() >= LARGE_TEXT_POINTS  # a pixel size too
        policy = QFormLayout.RowWrapPolicy
        self.fields.setRowWrapPolicy(policy.WrapAllRows if large else policy.WrapLongRows)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._wrap_rows()
        super().changeEvent(event)

    def show_service(self, row: dict[str, str]) -> None:
        self.row = dict(row)
        self.setEnabled(bool(row))
        state = " (retired)" if row.get("status") == "retired" else ""
        self.title = f"{row.get('name', '')} — id {row.get('id', '')}{state}" if row else ""
        self.heading.setText(self.title or "Choose a service to edit it.")
        self.retire_button.setText("Reins&tate" if state else "Re&tire")
        for field, editor in self.editors.items():
            editor.blockSignals(True)
            _set_text(editor, row.get(field, ""))
            editor.blockSignals(False)
        self.check()

    def values(self) -> dict[str, str]:
        return {**self.row, **{f: _text(e).strip() for f, e in self.editors.items()}}

    def changes(self) -> dict[str, str]:
        return {f: v for f, v in self.values().items() if v != self.row.get(f, "")}

    def typed(self) -> bool:
        """A service is shown and what is typed differs from it: not applied yet."""
        return bool(self.row) and bool(self.changes())

    def check(self) -> dict[str, list[str]]:
        """Show each field's problems under it; the problems of the values on screen."""
        found = self.problems_of(self.values()) if self.row else {}
        for field, label in self.problem_labels.items():
            text = "\n".join(f"⚠ {p}" for p in found.get(field, []))
            label.setText(text)
            label.setVisible(bool(text))
            self.editors[field].setAccessibleDescription(text or _hint(field))
        others = {f: ps for f, ps in found.items() if f not in self.editors}
        again = any(f.startswith("assured_") for f in others)  # the record of a check
        self.other_problems.setText(
            "\n".join(f"⚠ {p}" for ps in others.values() for p in ps)
            + ("\nMark it checked again (Alt+M) to record it as it must be." if again else "")
        )
        self.other_problems.setVisible(bool(others))
        typed = self.typed()
        self.apply_button.setEnabled(typed)
        if self.row:  # in view at the top: the Apply button may be below the window's edge
            self.heading.setText(self.title + (f"\n{NOT_APPLIED}" if typed else ""))
        if typed != self.was_typed:
            self.was_typed = typed
            self.typed_changed.emit(typed)
        return found

    def _tidy_phone(self) -> None:
        editor = self.editors["phone"]
        tidy = self.tidy_phone(editor.text())
        if tidy != editor.text():
            editor.setText(tidy)

    def _apply(self) -> None:
        if self.changes():
            self.apply_requested.emit(self.row["id"], self.changes())


def _text(editor) -> str:
    return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()


def _set_text(editor, text: str) -> None:
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        editor.setText(text)


def _hint(field: str) -> str:
    return next(hint for name, _, hint in FIELDS if name == field)
