"""What a walk returns: the next question, or the plan, and the reminders so far."""

from __future__ import annotations

from typing import Any

from app.pathways.graph import Guidance, Question
from app.pathways.risk import RiskAssessment
from app.pathways.services import ServiceMatch
from app.records import record


@record
class Reason:
    rule_id: str
    why: str


@record
class PlannedAction:
    kind: str
    priority: int
    title: str
    reasons: tuple[Reason, ...]
    sources: tuple[str, ...]
    services: tuple[ServiceMatch, ...] = ()
    no_confirmed_service: bool = False
    fallback_note: str = ""
    group: str = "offer"  # now | today | offer
    say: str = ""  # one or two sentences the worker can say to the person

    @property
    def why(self) -> str:
        return " ".join(reason.why for reason in self.reasons if reason.why)


@record
class Plan:
    pathway_version: str
    directory_version: str
    risk: RiskAssessment
    actions: tuple[PlannedAction, ...]
    reminders: tuple[Guidance, ...]
    red_flags: tuple[Guidance, ...]
    notices: tuple[Guidance, ...]
    assured_within_months: int = 12
    referral_details: tuple[tuple[str, str], ...] = ()  # (label, answer) for the forms

    @property
    def action_kinds(self) -> list[str]:
        return [action.kind for action in self.actions]

    def action(self, kind: str) -> PlannedAction | None:
        return next((a for a in self.actions if a.kind == kind), None)


@record
class Step:
    """One point in the walk: either a question to ask next, or the finished plan."""

    asked: tuple[str, ...]  # question ids on the path so far, in order
    answers: dict[str, Any]  # the answers on the path (answers off the path are ignored)
    reminders: tuple[Guidance, ...]  # the reminders already triggered
    question: Question | None = None
    plan: Plan | None = None
    # the red flags the answers so far raise, shown beside the walk: the worker judges risk
    # with them in view (R41; the question said "shown beside you" of flags not shown)
    red_flags: tuple[Guidance, ...] = ()

    @property
    def done(self) -> bool:
        return self.plan is not None
