"""The worker's settings (no Qt). Values IT fixes by machine policy are listed in `locked`."""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT_SIZES = range(8, 25)


@dataclass(frozen=True)
class UserSettings:
    tier: int = 2
    default_borough: str | None = None
    organisation: str = ""
    text_size: int = 11
    inactivity_minutes: int = 10
    locked: frozenset[str] = field(default_factory=frozenset)
