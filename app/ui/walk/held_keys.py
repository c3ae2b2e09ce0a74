"""Boxes' keys pressed as a tick-box page opened: held, said until pressed again, and asked
about once before the page is answered (H470).

Said once, the words went with the next box ticked and Enter answered the page: "3" for care
and support needs, pressed 0.9 s after the page opened, took the adult safeguarding referral
from a man's plan with nothing on screen (officer walk F19). Typed ahead faster, "3 B" were
both held, only 3 was named, and a 0 meant for the next page went on (re-walk F19)."""

from __future__ import annotations

HELD = "Not ticked"
OPENED = "pressed as this page opened"
STILL_TICKED, CHECK = "Still ticked", "Check these"


class HeldKeys:
    """Mixed into TickBoxPage, whose boxes, words (`more`) and key hold it uses."""

    held: list[str]  # keys held and not pressed since
    named: list[str]  # the keys the last question named
    refused: list[str]  # of them, keys refused on a page an Enter had kept open (H572)
    asked = ""  # the key (Enter or 0) that asked: pressed again, it goes on without them

    def _pressed(self, keys: list[str]) -> str:
        """When they were pressed, in words: a key refused after an Enter kept the page open
        was not pressed as the page opened."""
        return "pressed and not taken" if set(keys) & set(self.refused) else OPENED

    def held_words(self) -> str:
        keys = self.held
        if len(keys) == 1:
            return (
                f"{HELD}: {keys[0]} was {self._pressed(keys)}. Read it, then press {keys[0]} again."
            )
        return (
            f"{HELD}: {', '.join(keys[:-1])} and {keys[-1]} were {self._pressed(keys)}. "
            "Read them, then press each again."
        )

    def refuse(self, key: str) -> None:
        """A box's key refused on a page an Enter kept open ("Still on this page"): held, and
        asked about at Enter. Boxes not yet seen were then ticked as they came into view,
        Enter went on, and "Children live in the household" was lost with the children's
        front door (officer walk at 24 pt, 2026-12-07; H572)."""
        if key not in self.held:
            self.held.append(key)
            self.refused.append(key)

    def say_held(self, text: str) -> None:
        """A box's key held as the page opened is said, never dropped unsaid (H329)."""
        if text not in self.boxes:
            return
        if self.boxes[text].isEnabled() and text not in self.held:
            self.held.append(text)
        # "There was more below" says it
        if self.held and (not self.more.isVisible() or self.more.text().startswith(HELD)):
            self.more.setText(self.held_words())
            self.more.show()

    def pressed_again(self, text: str) -> None:
        """A box's key taken: no longer held, and what was asked is answered."""
        if text in self.held:
            self.held.remove(text)
        if text in self.refused:
            self.refused.remove(text)
        self.asked = ""

    def still_said(self) -> bool:
        """After a tick: the held keys still said (the tick itself is heard), if any."""
        if self.held:
            self.more.setText(self.held_words())
            self.more.show()
        return bool(self.held)

    def held_stops(self, key: str) -> bool:
        """Whether Enter or 0 (`key`) waits: held keys are asked about once, and then only
        the key that asked goes on without them."""
        if self.held:
            self.named, self.held, self.asked = self.held, [], key
        elif not self.asked or key == self.asked:
            self.asked = ""
            return False
        boxes = "; ".join(f"{self._label_of(self.boxes[k])} [{k}]" for k in self.named)
        ticked = {self.boxes[k].isChecked() for k in self.named}
        each, them = ("each", "them") if self.named[1:] else ("it", "it")
        keys = " or ".join(self.named)
        if ticked == {False}:
            said = (
                f"{HELD}: {boxes}, {self._pressed(self.named)}. Press {keys} to tick {each}, "
                f"or {self.asked} again to go on without {them}."
            )
        else:  # ticked as it came into view, its key pressed again at once: "Not ticked …
            # go on without it" stood over a ticked box (officer's re-walk F21, 2026-12-06)
            state = "ticked" if ticked == {True} else "as they are"
            keys_were = "their keys were" if self.named[1:] else "its key was"
            said = (
                f"{STILL_TICKED if ticked == {True} else CHECK}: {boxes}: {keys_were} pressed "
                f"before it could be read. Press {keys} to change {each}, or {self.asked} "
                f"again to go on with {them} {state}."
            )
        self.ask(said)
        self.hold_keys()  # keys typed ahead for the next page are held here too
        return True
