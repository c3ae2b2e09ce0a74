"""The Practice tab's own pages: the list of vignettes, the vignette itself, the feedback.
Every text from a vignette is plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.pathways.graph import Vignette
from app.pathways.practice_text import Section
from app.ui.flow_layout import wrapping_row
from app.ui.labels import plain_label, scaled

SCALE = "practice_scale"  # a label's size relative to the text-size setting


def heading(text: str, role: str, factor: float = 1.3):
    """A bold label `factor` times the text size, kept so when the size setting changes."""
    label = plain_label(text, role)
    label.setProperty(SCALE, factor)
    label.setFont(scaled(label.font(), factor, bold=True))
    return label


def rescale(widget: QWidget) -> None:
    """Headings set to a size follow a new text size (an explicit font stops inheriting)."""
    for label in widget.findChildren(QLabel):
        factor = label.property(SCALE)
        if factor:
            label.setFont(scaled(widget.font(), factor, bold=True))


def button_row(parent_layout: QVBoxLayout, *buttons: tuple[str, str]) -> list[QPushButton]:
    """(text, accessible name) buttons on a row that wraps at large text sizes."""
    bar = QWidget()
    row = wrapping_row(bar)
    made = []
    for text, name in buttons:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        row.addWidget(button)
        made.append(button)
    parent_layout.addWidget(bar)
    return made


class ChooserPage(QWidget):
    start_requested = Signal(str)  # a vignette id
    surprise_requested = Signal()
    summary_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.addWidget(heading("Practise a disclosure", "Practice heading"))
        column.addWidget(
            plain_label(
                "Choose a case, read it, and walk it as you would with the person in front "
                "of you. The plan is the real plan for your answers; then you see what "
                "differed from a careful worker's answers, and why.",
                "Practice introduction",
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Practice cases: done or to do")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._start_selected)
        column.addWidget(self.list, 1)
        self.progress = plain_label("", "Practice progress")
        column.addWidget(self.progress)
        self.start, self.surprise, self.summary = button_row(
            column,
            ("&Start this case", "Start the chosen practice case"),
            ("Surprise &me", "Start a case chosen at random, one not yet done if any"),
            ("Save practice &summary as PDF…", "Save a practice summary for your manager"),
        )
        self.start.clicked.connect(self._start_selected)
        self.surprise.clicked.connect(self.surprise_requested.emit)
        self.summary.clicked.connect(self.summary_requested.emit)

    def show_vignettes(self, vignettes: tuple[Vignette, ...], done: dict, progress: str) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for v in vignettes:
            state = "\u2714 done" if v.id in done else "to do"
            item = QListWidgetItem(f"{v.title} \u2014 tier {v.tier} \u2014 {state}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.list.addItem(item)
        self.list.setCurrentRow(max(current, 0))
        self.progress.setText(progress)
        self.start.setEnabled(bool(vignettes))
        self.surprise.setEnabled(bool(vignettes))

    def _start_selected(self, *_) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.start_requested.emit(item.data(Qt.ItemDataRole.UserRole))


class StoryPage(QWidget):
    """The vignette as the worker hears it, before the walk (and to read again in it)."""

    walk_requested = Signal()
    list_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        self.title = heading("", "Vignette title")
        self.tier = plain_label("", "Vignette tier")
        self.story = plain_label("", "Vignette")
        self.story.setAlignment(Qt.AlignmentFlag.AlignTop)
        story = QScrollArea()  # scrolls at the largest text size, never clipped
        story.setAccessibleName("The case to practise")  # it takes the focus: named, as all
        story.setWidgetResizable(True)
        story.setFrameShape(QScrollArea.Shape.NoFrame)
        story.setWidget(self.story)
        column.addWidget(self.title)
        column.addWidget(self.tier)
        column.addWidget(story, 1)
        self.walk, self.back = button_row(
            column,
            ("&Start the conversation", "Start the conversation for this case"),
            ("&Back to the cases", "Back to the list of practice cases"),
        )
        self.walk.clicked.connect(self.walk_requested.emit)
        self.back.clicked.connect(self.list_requested.emit)

    def show_vignette(self, vignette: Vignette | None) -> None:
        """The case, or (None) nothing: quick exit leaves no trace of what was practised."""
        tier = f"Written for workers trained at tier {vignette.tier}." if vignette else ""
        self.title.setText(vignette.title if vignette else "")
        self.tier.setText(tier)
        self.story.setText(vignette.story if vignette else "")
        # the focus is its opener's to give (open_vignette): given here, a quick exit put
        # it on this hidden tab's "Start the conversation", said aloud as the app hid (H592)


class FeedbackPage(QWidget):
    again_requested = Signal()
    list_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        self.headline = heading("", "Feedback headline", 1.2)
        column.addWidget(self.headline)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName("Feedback")
        self.scroll.setWidget(QWidget())
        column.addWidget(self.scroll, 1)
        self.again, self.back = button_row(
            column,
            ("&Try again", "Try this case again"),
            ("&Back to the cases", "Back to the list of practice cases"),
        )
        self.again.clicked.connect(self.again_requested.emit)
        self.back.clicked.connect(self.list_requested.emit)

    def show_feedback(self, headline: str, sections: list[Section]) -> None:
        self.headline.setText(headline)
        content = QWidget()
        column = QVBoxLayout(content)
        for section in sections:
            column.addWidget(heading(section.title, "Feedback section", 1.1))
            for line in section.lines:
                column.addWidget(plain_label(f"\u2022 {line}", "Feedback line"))
        column.addStretch(1)
        self.scroll.setWidget(content)
        self.again.setFocus()

    def texts(self) -> list[str]:
        return [self.headline.text()] + [
            label.text() for label in self.scroll.widget().findChildren(type(self.headline))
        ]

    def clear(self) -> None:
        self.headline.setText("")
        self.scroll.setWidget(QWidget())
