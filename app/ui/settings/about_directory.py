"""Settings → About this directory: which directory is in use, who published it, which
publishers this computer trusts, updates refused; and "Install directory update…", which
shows what would change before anything is switched (issue 14 §2-3). The checks and the
install read files on a thread of their own: on the window's thread, a share or a profile
that hung froze the window, quick exit with it (attack F19), as the 15-minute check did.

Read when the panel is first shown, not at start: the trusted keys need the signature
library, which the path to the first question never loads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout

from app.directory_updates import BUNDLE_SUFFIX, DirectoryUpdates
from app.ui.file_dialog import ask_open_path
from app.ui.gui_thread import in_background
from app.ui.labels import ask_yes_no, plain_label


class AboutDirectoryPanel(QGroupBox):
    installed = Signal(object)  # the Loaded directory the worker chose to install
    # the directory in hand changed while an install read: what it chose may be older than
    # what came meanwhile, so the window's check chooses again (re-attack F19)
    look_again = Signal()

    def __init__(self, updates: DirectoryUpdates, maintain=None) -> None:
        """`maintain`: opens the lead's maintenance window (only where IT's policy allows
        it); returns None, or why it cannot open."""
        super().__init__("About this directory")
        self.updates = updates
        self.path_provider = self._ask_path  # tests answer these two without a dialog
        self.confirm = self._ask_confirm
        self.doing = ""  # "checking" or "installing" while its thread reads
        self.attempt = 0  # each choice of a file; a check's result for an earlier one is dropped
        # what is in use (and waiting) now: the window's switch says (DirectorySwitch.in_hand)
        self.in_hand: Callable[[], object] = lambda: updates.current.in_force.selection.sha256
        layout = QVBoxLayout(self)
        self.facts = plain_label("", "The directory in use")
        self.keys = plain_label("", "Publishers this computer trusts")
        self.refused = plain_label("", "Directory updates refused")
        self.install_button = QPushButton("&Install directory update…")
        self.install_button.setAutoDefault(True)  # Enter presses it, as Space
        self.install_button.setAccessibleName("Install a directory update from a file")
        self.install_button.clicked.connect(self.install)
        self.result = plain_label("", "Directory update result")
        for widget in (self.facts, self.keys, self.refused, self.install_button, self.result):
            layout.addWidget(widget)
        self.maintain = maintain
        if maintain is not None:
            self.maintain_button = QPushButton("&Maintain the directory…")
            self.maintain_button.setAutoDefault(True)  # Enter presses it, as Space
            self.maintain_button.setAccessibleName("Open the directory maintenance window")
            self.maintain_button.clicked.connect(self._maintain)
            layout.addWidget(self.maintain_button)

    def showEvent(self, event) -> None:
        self.refresh()  # each time: a key IT withdrew, an update refused since, shows
        super().showEvent(event)

    def refresh(self) -> None:
        about = self.updates.about()
        self.facts.setText(
            f"Directory {about.version}, {about.origin}.\n"
            f"Published: {about.published}.\nExpires: {about.expires}."
        )
        keys = [f"• {kid}: {origin} ({where})" for kid, origin, where in about.trusted]
        self.keys.setText(
            "Publishers trusted on this computer (set by IT):\n" + "\n".join(keys)
            if keys
            else "No publisher keys are trusted on this computer: IT adds them (see the IT guide)."
        )
        self.refused.setText(
            f"Updates not used (directory {about.version} stays in use; tell IT, who can "
            "check the file and the keys):\n" + "\n".join(f"• {r}" for r in about.refused)
        )
        self.refused.setVisible(bool(about.refused))

    @property
    def busy(self) -> bool:
        return bool(self.doing)

    def install(self) -> None:
        if self.doing == "installing":  # (one checking on a share that hung is passed over)
            self.result.setText(f"Still installing {self.path.name}: wait for it to finish.")
            return
        chosen = self.path_provider()
        if not chosen:
            return
        path, updates = Path(chosen), self.updates
        self.attempt += 1
        self.path, self.began = path, self.in_hand()
        self._working("checking", f"Checking {path.name}…")
        self._in_thread(lambda: updates.preview(path), self._previewed, "directory-preview")

    def _in_thread(self, work, then, name: str) -> None:
        attempt = self.attempt

        def tagged():
            try:
                return attempt, work()
            except Exception as error:  # said, then raised on the window's thread
                return attempt, error

        in_background(tagged, then, name)

    def _working(self, doing: str, said: str) -> None:
        self.doing = doing
        self.result.setText(said)

    def _done(self, said: str) -> None:
        self.doing = ""
        self.result.setText(said)

    def _taken(self, outcome):
        """What the thread found, for the file chosen last (None for an earlier one); an
        error is said, then raised as any error on the window's thread."""
        attempt, found = outcome
        if attempt != self.attempt:
            return None
        if isinstance(found, Exception):
            could_not = "checked" if self.doing == "checking" else "installed"
            self._done(
                f"Not installed: {self.path.name}: it could not be {could_not} "
                f"({type(found).__name__}): tell IT."
            )
            raise found
        return found

    def _previewed(self, outcome) -> None:
        path, preview = self.path, self._taken(outcome)
        if preview is None:
            return
        if preview.reason:
            self._done(f"Not installed: {path.name}: {preview.reason}.")
            return
        if not self.isVisible():  # left while it was checked (quick exit): never asked there
            self._done(f"Not installed: {path.name}: you left before being asked; choose it again.")
            return
        rules = [line for line in preview.diff.lines() if line.startswith("pathway")]
        more = f"\n…and {len(rules) - 8} more" if len(rules) > 8 else ""
        named = "\n" + "\n".join(rules[:8]) + more if rules else ""  # the rules' words: named
        question = (
            f"Directory {preview.version} from {path.name}: {preview.diff.summary()}.{named}\n\n"
            "Install it? It is used from your next new conversation."
        )
        if not self.confirm(question):
            self._done("Not installed: nothing was changed.")
            return
        updates = self.updates
        self._working("installing", f"Installing {path.name}…")
        self._in_thread(lambda: updates.install(path, preview), self._installed, "install")

    def _installed(self, outcome) -> None:
        if (found := self._taken(outcome)) is None:
            return
        loaded, reason = found
        if loaded is None:
            self._done(f"Not installed: {self.path.name}: {reason}.")
        elif self.in_hand() != self.began:
            # a check switched (or found one waiting) meanwhile: offered, this older one
            # put its numbers back over the newer (re-attack F19)
            self._done(
                f"Installed {self.path.name}; another directory came meanwhile: the newer of "
                "the two is used, from your next new conversation."
            )
            self.look_again.emit()
        else:
            self._done(f"Installed directory {loaded.version}.")
            self.installed.emit(loaded)

    def _maintain(self) -> None:
        problem = self.maintain()
        self.result.setText(f"The maintenance window cannot open: {problem}" if problem else "")

    def _ask_path(self) -> str | None:
        return ask_open_path(
            self, "Install directory update", f"Directory update (*{BUNDLE_SUFFIX})"
        )

    def _ask_confirm(self, question: str) -> bool:
        # Enter installs, as before: the worker chose the file and reads what it changes
        return ask_yes_no(self, "Install directory update", question, yes_by_default=True)
