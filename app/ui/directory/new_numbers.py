"""What the worker is told about the directory above the tabs: what IT or they must act on
(directory_updates.worker_notes), and new numbers that have reached the laptop while a case
is open, held for the conversation's end (H67).

`TellsOfNewNumbers` is a part of the main window (as `SharesThePlan` is): it uses the
window's session, directory switch and banner."""

from __future__ import annotations

from app.directory_updates import Loaded
from app.ui.labels import announce


class TellsOfNewNumbers:
    def directory_waiting(self, loaded: Loaded | None) -> None:
        """A newer directory waits for this conversation's end (H67). The old number stood
        on the plan, large, with Copy, and nothing said it had been replaced: it changes
        numbers on the plan, so the worker is told now, new and old (lead walk, 2026-12-07;
        H573)."""
        numbers, others = [], 0
        if loaded is not None and self.switch is not None:
            plan = self.session.plan
            shown = {m.service.id for a in plan.actions for m in a.services} if plan else set()
            numbers, others = self.switch.updates.numbers_waiting(loaded, shown)
        said = ""
        if numbers:
            plural = "s" if others > 1 else ""
            more = f" ({others} other number{plural} in the directory too)" if others else ""
            said = (
                f"New numbers have reached this laptop: {'; '.join(numbers)}{more}. Give the "
                "new number: the plan shows it from your next new conversation."
            )
        if said != self.numbers_waiting:
            self.numbers_waiting = said
            self.say_directory()
            if said:
                announce(self.directory_banner, said)

    def say_directory(self) -> None:
        text = " ".join(filter(None, (self.numbers_waiting, self.directory_notes)))
        self.directory_banner.setText(text)
        self.directory_banner.setVisible(bool(text))
