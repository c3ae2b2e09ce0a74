"""What the worker is told about the directory above the tabs: what IT or they must act on
(directory_updates.worker_notes), and new numbers that have reached the laptop while a case
is open, held for the conversation's end (H67).

`TellsOfNewNumbers` is a part of the main window (as `SharesThePlan` is): it uses the
window's session, directory switch and banner."""

from __future__ import annotations

from app.directory_updates import Loaded
from app.ui.labels import announce
from app.waiting_numbers import (
    SaidOfWaiting,
    digits,
    numbers_given,
    numbers_held,
    numbers_held_by,
    services_on,
)

NEW = "New numbers"
NOT_GIVEN = "do not give its number"  # a service closed, or off this case (waiting_numbers)
OTHER_LINES = ("out-of-hours number", "number to try next")  # out_of_hours.line_said's
USE_THESE = "Use these, not the plan's, until your next new conversation."
# an update that cannot be checked now: its key may have been withdrawn since it was read,
# and "use these" was said of it at every case (helper-274, 2026-12-07; H609)
UNCHECKED = (
    "This laptop cannot check them now (its directory keys cannot be read): ask your DA "
    "lead which to give, and tell IT today."
)
# the update in use withdrawn (its key, its file) while this plan is on screen: its numbers
# were said as "new" of the older directory's (H587), then nothing (verifier, 2026-12-07)
GONE_BACK = (
    "Directory {} in use has been withdrawn on this laptop: check each number with "
    "your DA lead before you give it."
)


class TellsOfNewNumbers:
    def directory_waiting(self, loaded: Loaded | None) -> None:
        """A newer directory waits for this conversation's end (H67). The old number stood
        on the plan, large, with Copy, and nothing said it had been replaced: it changes
        numbers on the plan, so the worker is told now, new and old (lead walk, 2026-12-07;
        H573)."""
        if self.other_tabs.directory is not None:  # the service it shows may change too
            self.other_tabs.directory.show_again()
        self._tell_of_waiting(loaded)
        quoted = f". {NEW}: " in self.status.text() and self.clipboard.tab_service
        if loaded is None and quoted:  # what a tab's copy was said with went with it (H613)
            self.copy_said_again("What the Directory tab said of it has changed")
        # after the banner, which says a copy of the plan's services in its own words (H605)
        if loaded is not None and self.switch and not self.switch.updates.goes_back(loaded):
            self.withdraw_tab_copy_gone(loaded)

    def _tell_of_waiting(self, loaded: Loaded | None) -> None:
        plan, in_case = self.session.plan, self.session.holds_case()
        updates = self.switch.updates if self.switch is not None else None
        going_back = loaded is not None and updates is not None and updates.goes_back(loaded)
        if plan is None and loaded is not None and in_case and not going_back:
            return  # mid-correction: what was said stands; the plan, drawn again, says anew
        numbers: dict[str, str] = {}
        self.caution = ""
        if going_back:  # older numbers are never said as new (H587); with no plan on screen
            # too: "now in use" stood over a Directory-tab copy with "paste it" (H609)
            self.caution = GONE_BACK.format(updates.current.version)
        elif loaded is not None and plan is not None and updates is not None:
            numbers = updates.numbers_waiting(loaded, plan, self.session.answers)
        held = numbers_held(plan) if plan is not None else set()
        still = services_on(plan) if plan is not None else None
        self.said_of_waiting.now(numbers, held, still)
        services = self.switch.updates.current.graph.services if self.switch else {}
        withdrawn = self.said_of_waiting.withdrawn_words(
            {sid: services[sid].name for sid in self.said_of_waiting.withdrawn}
        )
        caution = f"\u26a0 {self.caution}" if self.caution else ""
        checked = not self._unchecked()
        tab = "" if going_back else self._withdrawn_from_the_tab(still)
        words = (caution, new_numbers_words(numbers, checked), withdrawn, tab)
        said = " ".join(filter(None, words))
        if said != self.new_numbers_said:
            self.new_numbers_said = said
            self.say_directory()
            if said:
                announce(self.directory_banner, said)
            self.withdraw_copies_the_banner_changes()

    @property
    def new_numbers(self) -> dict[str, str]:
        """Service id → what the banner says of it now."""
        return self.said_of_waiting.words

    def said_of(self, whose: str, number: str) -> str:
        """What the banner says of `number`, copied from the plan's service `whose` ("name",
        or "name, out-of-hours number"): the caution, and that service's words where they
        are of that line (a night line copied was said with its day line's change, and a
        name beginning another's matched it: verifier, 2026-12-07)."""
        services = self.switch.updates.current.graph.services if self.switch else {}
        said = [self.caution] if self.caution else []
        for sid, words in self.new_numbers.items():
            name = services[sid].name
            if whose == name or (
                whose in (f"{name}, {line}" for line in OTHER_LINES) and of_the_line(words, number)
            ):
                said.append(f"{NEW}: {words}.{self._unchecked()}")
        return " ".join(said)

    def _unchecked(self) -> str:
        """Said after new numbers everywhere they are, while they cannot be checked: the
        banner hedged, and the summary, a card's Copy and the Directory tab gave them as
        new (helper-278, 2026-12-07; H610)."""
        unread = self.switch is not None and self.switch.updates.keys_unread
        return f" {UNCHECKED}" if unread else ""

    def said_above(self) -> str:
        """What the banner says of the plan now, for the summary a form is given."""
        values = ". ".join(self.new_numbers.values())
        numbers = f"{NEW} since this plan was made: {values}.{self._unchecked()}"
        return " ".join(filter(None, (self.caution, numbers if self.new_numbers else "")))

    def waiting_for(self, service_id: str, seen: bool = True) -> tuple[str, str]:
        """What the Directory tab says of a service it shows: the new numbers it said this
        conversation that are withdrawn since, and what the directory waiting for this
        conversation's end changes of it: it showed the replaced number, with Copy, and
        nothing said so (attack, 2026-12-07; H594). `seen`: the tab on screen; drawn
        behind the plan, a number never read was said withdrawn above it (H629)."""
        if self.switch is None:
            return "", ""
        pending = self.switch.pending
        if pending is not None and self.switch.updates.goes_back(pending):
            return "", GONE_BACK.format(self.switch.updates.current.version)
        words = self._waiting_words(service_id)
        # as the banner says it: "from your next new conversation" read as not yet (own look)
        news = f"{NEW}: {words}.{self._unchecked()}" if words else ""
        lost = self._lost_in_tab(service_id, words, tell=seen)
        return (f"Withdrawn, do not give: {' and '.join(lost)}." if lost else ""), news

    def _waiting_words(self, service_id: str) -> str:
        """What the directory waiting says of a service, in words ("" when none waits)."""
        pending = self.switch.pending
        return self.switch.updates.waiting_for(pending, service_id) if pending else ""

    def _lost_in_tab(self, service_id: str, words: str, tell: bool = False) -> list[str]:
        """The new numbers the tab said of a service this conversation (`tell`: it says
        `words` now) that the directory waiting no longer gives (withdrawn by IT, or
        replaced): the banner said so only of the plan's services, and the tab dropped its
        news unsaid (helper-282, 2026-12-07)."""
        service = self.switch.updates.current.graph.services.get(service_id)
        held = numbers_held_by([service]) if service is not None else set()
        given = numbers_given(words, held)
        told = self.told_in_tab.setdefault(service_id, [])
        if tell:
            told += [n for n in given if digits(n) not in {digits(t) for t in told}]
        now = {digits(n) for n in given}
        return [n for n in told if digits(n) not in now]

    def _withdrawn_from_the_tab(self, plan_services: set[str] | None) -> str:
        """Above the plan too: said only with the service looked up again, a worker who had
        gone on to another was told nothing (seams review, 2026-12-07; H626)."""
        if self.switch is None:
            return ""
        services, said = self.switch.updates.current.graph.services, []
        for sid in [s for s in self.told_in_tab if s not in (plan_services or set())]:
            if lost := self._lost_in_tab(sid, self._waiting_words(sid)):
                name = services[sid].name if sid in services else sid
                said.append(f"{' and '.join(lost)}, said in the Directory tab for {name}")
        return f"Withdrawn, do not give: {'; '.join(said)}." if said else ""

    def said_this_case(self) -> bool:
        said = self.said_of_waiting
        return bool(said.given or said.withdrawn or self.caution)

    def forget_said_this_case(self) -> None:
        """Kept past a new conversation, a number withdrawn was said to the next case, which
        had been told nothing (verifier, 2026-12-07): part of the case, it goes with it."""
        self.said_of_waiting, self.caution, self.new_numbers_said = SaidOfWaiting(), "", ""
        self.told_in_tab = {}
        self.say_directory()

    def directory_notes_are(self, notes: str, news: str = "") -> None:
        """The notes about the directory in use (at start, and after a switch: `news`, that
        it is now in use); new numbers said before go with the directory that brought them."""
        self.directory_notes, self.directory_news = notes, news
        self.new_numbers_said, self.caution = "", ""
        self.said_of_waiting = SaidOfWaiting()
        self.told_in_tab: dict[str, list[str]] = {}  # service id → new numbers it said
        self.say_directory()

    def say_directory(self) -> None:
        # "…has been withdrawn on this laptop" beside "is now in use" read as a contradiction
        news = "" if self.caution else self.directory_news
        text = " ".join(filter(None, (self.new_numbers_said, news, self.directory_notes)))
        self.directory_banner.setText(text)
        self.directory_banner.setVisible(bool(text))


def new_numbers_words(numbers: dict[str, str], checked: bool = True) -> str:
    return (
        f"{NEW}: {'. '.join(numbers.values())}. {USE_THESE if checked else UNCHECKED}"
        if numbers
        else ""
    )


def of_the_line(words: str, number: str) -> bool:
    """Whether what is said of a service concerns one of its lines, `number`: replaced, the
    service closed, or an alert (lines closed). The Directory tab's out-of-hours copy of a
    closed service said "paste it" (helper-274, 2026-12-07; H609)."""
    return f"not {number}" in words or NOT_GIVEN in words or "alert: " in words
