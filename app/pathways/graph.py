"""The pathway graph as plain objects: questions, flow, outcome rules, guidance, services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PLAN_NODE = "plan"

Condition = dict[str, Any]


@dataclass(frozen=True)
class AnswerOption:
    value: Any
    label: str
    # Matching facts some options carry: age_from/age_to, region, days_from/days_to.
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    red_flag: bool = False


@dataclass(frozen=True)
class Default:
    """The answer a scenario written before a question existed is taken to give."""

    value: Any


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    prompt: str
    help: str
    answer_type: str  # yes_no | choice | multi | count | checklist
    options: tuple[AnswerOption, ...] = ()
    items: tuple[ChecklistItem, ...] = ()
    item_options: tuple[AnswerOption, ...] = ()
    skippable: bool = False  # absent or None means "not completed"
    min_choices: int = 0
    sources: tuple[str, ...] = ()
    default: Default | None = None  # for `route` only: the window always asks

    def option(self, value: Any) -> AnswerOption | None:
        for opt in self.options:
            if opt.value == value and type(opt.value) is type(value):
                return opt
        return None

    @property
    def allowed_values(self) -> list[Any]:
        if self.answer_type == "yes_no":
            return [True, False]
        return [opt.value for opt in self.options]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    when: Condition | None = None  # None: always taken
    why: str = ""


@dataclass(frozen=True)
class OutcomeRule:
    id: str
    action_kind: str
    why: str
    sources: tuple[str, ...]
    when: Condition
    title: str | None = None
    service_kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionTemplate:
    kind: str
    priority: int
    title: str
    service_kinds: tuple[str, ...] = ()
    service_ages: tuple[int, int] | None = None
    fallback_service_ids: tuple[str, ...] = ()
    fallback_from_actions: tuple[str, ...] = ()
    fallback_note: str = ""


@dataclass(frozen=True)
class Guidance:
    id: str
    category: str  # reminder | red_flag | notice
    text: str
    sources: tuple[str, ...]
    when: Condition


@dataclass(frozen=True)
class AudienceRule:
    id: str
    when: Condition


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    organisation: str
    kinds: tuple[str, ...]
    areas: tuple[str, ...]  # borough ids, "west_midlands" or "national"
    min_age: int
    max_age: int
    audience: str
    phone: str = ""
    phone_note: str = ""
    hours: str = ""
    open_24_7: bool = False
    email: str = ""
    website: str = ""
    referral_route: str = ""
    source: str = ""
    source_date: str = ""
    confidence: str = "low"
    notes: str = ""
    assured_date: str = ""  # ISO date a person last checked it; empty when never
    status: str = "active"
    alert: str = ""

    @property
    def has_confirmed_contact(self) -> bool:
        """A phone or email we hold with more than low confidence."""
        return bool(self.phone or self.email) and self.confidence != "low"


@dataclass(frozen=True)
class Settings:
    dash_high_risk_threshold: int = 14
    escalation_incidents: int = 3
    escalation_period_months: int = 12
    sarc_urgent_days: int = 7
    sarc_window_days: int = 21
    assured_within_months: int = 12  # a service checked longer ago says "check before use"


@dataclass
class Graph:
    pathway_version: str
    directory_version: str
    start: str
    questions: dict[str, Question]
    edges: dict[str, list[Edge]]  # by source node, in the order they are tried
    actions: dict[str, ActionTemplate]
    rules: list[OutcomeRule]
    guidance: list[Guidance]
    audiences: list[AudienceRule]
    services: dict[str, Service]
    settings: Settings = field(default_factory=Settings)
    kind_labels: dict[str, str] = field(default_factory=dict)  # service kind vocabulary

    def nodes(self) -> set[str]:
        return set(self.questions) | {PLAN_NODE}

    def by_category(self, category: str) -> list[Guidance]:
        return [g for g in self.guidance if g.category == category]
