"""The "Details" control: shown and hidden by keyboard, and what it opens brought into view."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.ui.expander import Expander


def test_what_the_worker_opens_is_scrolled_into_view_and_heard_with_its_button(qtbot):
    """At 24 pt "Why, and sources" opened below the fold, and Tab went on to the next card:
    its words were never on screen by keyboard, nor heard (a11y walk, 2026-12-07)."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.addWidget(QLabel("a card above\n" * 30))
    why = Expander("Why, and sources", "Because it is time-limited. " * 20, "Why")
    column.addWidget(why)
    column.addWidget(QLabel("the next card\n" * 30))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    scroll.resize(400, 200)
    qtbot.addWidget(scroll)
    scroll.show()
    scroll.ensureWidgetVisible(why.button, 0, 0)
    assert why.button.accessibleDescription() == ""
    assert why.button.accessibleName() == "Why, and sources (collapsed)"
    qtbot.keyClick(why.button, Qt.Key.Key_Return)
    assert why.button.accessibleName() == "Why, and sources (expanded)"
    assert why.is_open and why.button.accessibleDescription() == why.body.text()
    viewport = scroll.viewport()

    def body_in_view():  # all of it; taller than the view (a large font), the button at its top
        top = why.body.mapTo(viewport, QPoint(0, 0)).y()
        button = why.button.mapTo(viewport, QPoint(0, 0)).y()
        fits = top >= 0 and top + why.body.height() <= viewport.height()
        return fits or (button == 0 and why.body.height() > viewport.height())

    qtbot.waitUntil(body_in_view)
    qtbot.keyClick(why.button, Qt.Key.Key_Return)
    assert not why.is_open and why.button.accessibleDescription() == ""
