"""A "Details" control (GOV.UK details, NHS expander): a button that shows or hides what is
under it, by keyboard too, and says whether it is shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.ui.labels import plain_label


class EnterToolButton(QToolButton):
    """Enter on it presses it, as Space does (a tool button takes only Space)."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
        else:
            super().keyPressEvent(event)


class Expander(QWidget):
    def __init__(self, title: str, body: QWidget | str, role: str, shown: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = title
        # A push button, not a checkable one: a screen reader would call that a check box.
        # Its name says whether what it opens is shown.
        self.button = EnterToolButton()
        self.shown = shown
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setText(title)
        self.body = plain_label(body, role) if isinstance(body, str) else body
        self.button.clicked.connect(self._pressed)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body, 1)
        self.set_open(shown)

    @property
    def is_open(self) -> bool:
        return self.shown

    def set_open(self, shown: bool) -> None:
        self.shown = shown
        self._show(shown)

    def _pressed(self) -> None:
        """Opened by the worker: what it opens is scrolled into view (at 24 pt "Why, and
        sources" opened below the fold, and Tab went on to the next card: its words were
        never on screen, by keyboard; a11y walk, 2026-12-07)."""
        self.set_open(not self.shown)
        scroll = self.parent()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parent()
        if self.shown and scroll is not None:
            QTimer.singleShot(0, self, lambda: self._into_view(scroll))

    def _into_view(self, scroll: QScrollArea) -> None:
        """Down to the words' end, never past the button's top: Qt's ensureWidgetVisible
        centred words taller than the view, their start and the button above it."""
        content, bar = scroll.widget(), scroll.verticalScrollBar()
        top = self.button.mapTo(content, QPoint(0, 0)).y()
        bottom = self.body.mapTo(content, QPoint(0, self.body.height())).y()
        wanted = min(top, bottom - scroll.viewport().height())
        if wanted > bar.value():
            bar.setValue(wanted)

    def set_title(self, title: str) -> None:
        self.title = title
        self.button.setText(title)
        self._show(self.is_open)

    def _show(self, shown: bool) -> None:
        self.body.setVisible(shown)
        # folded, it takes no more room than its button: the reminders' "Always", folded,
        # kept its share of the column empty while "For this case" scrolled (review)
        grows = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, grows)
        self.button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        # "expanded", "collapsed": a screen reader's words for this; "(hidden)" was heard as
        # the button itself hidden, on every page change (a11y walk on AT-SPI, 2026-12-07)
        self.button.setAccessibleName(f"{self.title} ({'expanded' if shown else 'collapsed'})")
        # heard with the button, shown: the words themselves are no control to Tab to
        words = self.body.text() if shown and isinstance(self.body, QLabel) else ""
        self.button.setAccessibleDescription(words)
