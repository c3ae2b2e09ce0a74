"""What the worker is told about the directory above the tabs: what IT or they must act on
(directory_updates.worker_notes), and new numbers that have reached the laptop while a case
is open, held for the conversation's end (H67).

`TellsOfNewNumbers` is a part of the main window (as `SharesThePlan` is): it uses the
window's session, directory switch and banner."""

from __future__ import annotations

from app.directory_updates import Loaded
from app.ui.labels import announce

NEW = "New numbers"
USE_THESE = "Use these, not the plan's, until your next new conversation."
WITHDRAWN = "The new numbers said here were withdrawn: give the numbers the plan shows."


class TellsOfNewNumbers:
    def directory_waiting(self, loaded: Loaded | None) -> None:
        """A newer directory waits for this conversation's end (H67). The old number stood
        on the plan, large, with Copy, and nothing said it had been replaced: it changes
        numbers on the plan, so the worker is told now, new and old (lead walk, 2026-12-07;
        H573)."""
        plan, numbers = self.session.plan, []
        if plan is None and loaded is not None and self.session.holds_case():
            return  # mid-correction: what was said stands; the plan, drawn again, says anew
        if loaded is not None and self.switch is not None:
            shown = {m.service.id for a in plan.actions for m in a.services} if plan else set()
            numbers = self.switch.updates.numbers_waiting(loaded, shown)
        said = f"{NEW}: {'; '.join(numbers)}. {USE_THESE}" if numbers else ""
        if loaded is None and self.new_numbers_said and self.session.holds_case():
            said = WITHDRAWN  # said, then withdrawn by IT: the plan's stand (verifier)
        if said != self.new_numbers_said:
            self.new_numbers_said = said
            self.say_directory()
            if said:
                announce(self.directory_banner, said)

    def directory_notes_are(self, notes: str) -> None:
        """The notes about the directory in use (at start, and after a switch); new numbers
        said before go with the directory that brought them."""
        self.directory_notes, self.new_numbers_said = notes, ""
        self.say_directory()

    def say_directory(self) -> None:
        text = " ".join(filter(None, (self.new_numbers_said, self.directory_notes)))
        self.directory_banner.setText(text)
        self.directory_banner.setVisible(bool(text))
