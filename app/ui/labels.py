"""Labels: the keys that pick answers, and the one way to show outside text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

_QUEUED: list[tuple[bool, QWidget, str]] = []  # (not first, from, words), said as one


def announce(widget: QWidget, text: str, first: bool = False) -> None:
    """Say `text` to a screen reader (an accessible announcement from `widget`) as the event
    loop next turns, with whatever else the same key made said, as one: said apart, a screen
    reader that speaks each at once cut off the Dash's next item with the reminder its
    answer raised, and the worker answered an item never heard (screen-reader walk,
    2026-12-07; H593). `first`: said before the rest (a reminder, before the next item)."""
    if not _QUEUED:
        QTimer.singleShot(0, _say_queued)
    _QUEUED.append((not first, widget, text))


def _say_queued() -> None:
    """Imported here: QAccessible's enums (~2 ms) need not delay the first question. The
    class is Qt 6.8's, which pyproject.toml requires; the self-test's walk announces."""
    import shiboken6
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    queued = sorted(_QUEUED, key=lambda said: said[0])
    forget_said()
    alive = [(widget, text) for _, widget, text in queued if shiboken6.isValid(widget)]
    if alive:
        words = " ".join(dict.fromkeys(text for _, text in alive))
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(alive[0][0], words))


def forget_said() -> None:
    """Nothing still to be said: a quick exit's clear, or a copy's words said as it hid."""
    _QUEUED.clear()


def key_label(index: int) -> str:
    """The key that picks option number index (0-based): 1-9, then A, B, C…"""
    return str(index + 1) if index < 9 else chr(ord("A") + index - 9)


def plain_label(text: str, role: str, kind: type[QLabel] = QLabel) -> QLabel:
    """A label that shows its text as typed, never as markup: for every piece of text that
    comes from the directory, a file or an error (a service name must not become a link).

    A screen reader reads its text: `role` names it for tests and logs only, never as its
    accessible name (a generic word such as "Question" would hide the question itself)."""
    label = kind()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName(role)
    label.setText(text)
    return label


def ask_yes_no(parent: QWidget, title: str, text: str, yes_by_default: bool = False) -> bool:
    """Yes only when chosen, the question shown as typed: it names files, whose names are
    anyone's words. "<b>Opening hours only; no number changes. Install it?<!--.navdir" was
    read as markup, and the preview's "1 number changed" hidden in a comment (attack F20,
    2026-12-06; H473). QMessageBox's own question() reads text that looks like markup so."""
    from PySide6.QtWidgets import QMessageBox  # its Qt types made only when asked

    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons.Yes | buttons.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(buttons.Yes if yes_by_default else buttons.No)
    return box.exec() == buttons.Yes


HEADING_MOST = 6.0  # points a question's heading stands above its words, at most


def heading_font(font: QFont) -> QFont:
    """A question's heading: half as large again as the words under it, but at most six
    points larger. At 24 pt a 36-point question took two lines, and on a 1366x768 laptop
    the page opened with its first line above the view (officer walk, 2026-12-03)."""
    size = max(font.pointSizeF(), 1.0)
    return scaled(font, min(1.5, (size + HEADING_MOST) / size), bold=True)


def scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    """A font `factor` times the size of `font` (which follows the text-size setting)."""
    bigger = QFont(font)
    bigger.setPointSizeF(max(font.pointSizeF(), 1.0) * factor)
    bigger.setBold(bold)
    return bigger
