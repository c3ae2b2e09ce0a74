"""The line under the tabs: what was just done (a number copied, a PDF saved, the time left
before the window clears), and otherwise the versions of the pathway and directory in use."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class StatusLine(QLabel):
    """Made by labels.plain_label, as every label of text from elsewhere (never markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.versions = ""
        self.roomy = True

    def show_versions(self, pathway_version: str, directory_version: str) -> None:
        self.versions = f"Pathway {pathway_version} · directory {directory_version}"
        self.setText(self.versions)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()
        if text and text != self.versions and self.isVisible():
            # what was just done is heard: "Copy number" pressed was silent to a screen
            # reader, the number copied (or "Nothing copied") only shown
            from app.ui.labels import announce

            announce(self, text)

    def use_room(self, roomy: bool) -> None:
        """Where the reminders stand under the page (a narrow window, a large text size),
        the versions alone are not shown, so the page has their line: at 24 pt on a
        1366x768 laptop a tick page showed two boxes of six (officer walk, 2026-12-06).
        What was just done is always shown; the versions stay in Settings."""
        self.roomy = roomy
        self._fit()

    def _fit(self) -> None:
        if self.parentWidget() is not None:  # unplaced, shown would make it a window
            self.setVisible(self.roomy or self.text() != self.versions)
