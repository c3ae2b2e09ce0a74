"""What the worker is told about the directory above the tabs: what IT or they must act on
(directory_updates.worker_notes), and new numbers that have reached the laptop while a case
is open, held for the conversation's end (H67).

`TellsOfNewNumbers` is a part of the main window (as `SharesThePlan` is): it uses the
window's session, directory switch and banner."""

from __future__ import annotations

from app.directory_updates import Loaded
from app.ui.labels import announce
from app.waiting_numbers import services_on

NEW = "New numbers"
USE_THESE = "Use these, not the plan's, until your next new conversation."
WITHDRAWN = "Withdrawn"


class TellsOfNewNumbers:
    def directory_waiting(self, loaded: Loaded | None) -> None:
        """A newer directory waits for this conversation's end (H67). The old number stood
        on the plan, large, with Copy, and nothing said it had been replaced: it changes
        numbers on the plan, so the worker is told now, new and old (lead walk, 2026-12-07;
        H573)."""
        if self.other_tabs.directory is not None:  # the service it shows may change too
            self.other_tabs.directory.show_again()
        plan, in_case = self.session.plan, self.session.holds_case()
        if plan is None and loaded is not None and in_case:
            return  # mid-correction: what was said stands; the plan, drawn again, says anew
        numbers: dict[str, str] = {}
        if loaded is not None and plan is not None and self.switch is not None:
            numbers = self.switch.updates.numbers_waiting(loaded, plan, self.session.answers)
        # said, then gone from what waits: withdrawn by IT, or put back by a later update.
        # Said of the whole banner only when none was left, a number put back went unsaid
        # and the worker gave the new one they had read (verifier, 2026-12-07)
        gone = (set(self.new_numbers) | set(self.withdrawn)) - numbers.keys()
        still = services_on(plan) if plan is not None else gone  # mid-correction: all stand
        self.withdrawn = sorted(gone & still) if in_case else []
        self.new_numbers = numbers
        said = " ".join(filter(None, (new_numbers_words(numbers), self.withdrawn_words())))
        if said != self.new_numbers_said:
            self.new_numbers_said = said
            self.say_directory()
            if said:
                announce(self.directory_banner, said)

    def waiting_for(self, service_id: str) -> str:
        """What the directory waiting for this conversation's end changes of a service the
        Directory tab shows: it showed the replaced number, with Copy, and nothing said so
        (attack, 2026-12-07; H594)."""
        if self.switch is None or self.switch.pending is None:
            return ""
        words = self.switch.updates.waiting_for(self.switch.pending, service_id)
        return f"New from your next new conversation: {words}" if words else ""

    def withdrawn_words(self) -> str:
        if not self.withdrawn:
            return ""
        services = self.switch.updates.current.graph.services  # the plan's own directory
        names = " and ".join(services[sid].name for sid in self.withdrawn)
        them = "it" if len(self.withdrawn) == 1 else "them"
        return f"{WITHDRAWN}: the new numbers said for {names}. Give the plan's for {them}."

    def numbers_since_made(self) -> str:
        return f"{NEW} since this plan was made: {'. '.join(self.new_numbers.values())}."

    def directory_notes_are(self, notes: str) -> None:
        """The notes about the directory in use (at start, and after a switch); new numbers
        said before go with the directory that brought them."""
        self.directory_notes, self.new_numbers_said = notes, ""
        self.new_numbers: dict[str, str] = {}  # service id → its words, said now
        self.withdrawn: list[str] = []  # service ids whose new numbers were said, then withdrawn
        self.say_directory()

    def say_directory(self) -> None:
        text = " ".join(filter(None, (self.new_numbers_said, self.directory_notes)))
        self.directory_banner.setText(text)
        self.directory_banner.setVisible(bool(text))


def new_numbers_words(numbers: dict[str, str]) -> str:
    return f"{NEW}: {'. '.join(numbers.values())}. {USE_THESE}" if numbers else ""
