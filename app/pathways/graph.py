"""The pathway graph as plain objects: questions, flow, outcome rules, guidance, services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.pathways.phone_numbers import fixed_number, refused_number, type_problem
from app.records import record

PLAN_NODE = "plan"
NOT_KNOWN = "not_known"  # a checklist item not asked, or left blank

Condition = dict[str, Any]


@record
class AnswerOption:
    value: Any
    label: str
    # Matching facts some options carry: age_from/age_to, region, days_from/days_to.
    attrs: dict[str, Any] = field(default_factory=dict)


@record
class ChecklistItem:
    id: str
    text: str
    red_flag: bool = False


@record
class Default:
    """The answer a scenario written before a question existed is taken to give."""

    value: Any


@record
class Wording:
    """Other words for a question or an action when a condition holds (who is telling
    you, or the consent given), so the worker can read them aloud as they stand."""

    when: Condition
    prompt: str = ""  # a question's prompt, or an action's title
    help: str = ""  # a question's help, or what to say for an action
    # a question's: an answer given in other words is not this one's, nor this one's
    # theirs (consent given by a friend is not the person's), so it is asked again
    asked_again: bool = False
    # an action's group in these words: a child's SARC, "I cannot keep what you told me
    # secret", stood under "Offer (their choice)" (policy review 2026-12-02); a rule's
    # group (an urgent SARC is "now") still comes first
    group: str = ""


@record
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
    wordings: tuple[Wording, ...] = ()
    summary_label: str = ""  # its answer goes in the summary for a referral form, so labelled
    interrupt: str = ""  # an action kind shown at once, before the walk goes on, if it applies

    def option(self, value: Any) -> AnswerOption | None:
        for opt in self.options:
            if opt.value == value and type(opt.value) is type(value):
                return opt
        return None

    def checklist_completed(self, given: dict[str, Any]) -> dict[str, Any]:
        """Every item of a checklist, one left blank counted as not known (R38): in the
        window and in `route` alike (`route` counted an item not listed as "no", and a
        Dash of 3 'yes' and 21 unlisted was "not high", review 2026-12-01)."""
        return {item.id: given.get(item.id, NOT_KNOWN) for item in self.items}

    @property
    def allowed_values(self) -> list[Any]:
        if self.answer_type == "yes_no":
            return [True, False]
        return [opt.value for opt in self.options]


@record
class Edge:
    source: str
    target: str
    when: Condition | None = None  # None: always taken
    why: str = ""


@record
class OutcomeRule:
    id: str
    action_kind: str
    why: str
    sources: tuple[str, ...]
    when: Condition
    title: str | None = None
    service_kinds: tuple[str, ...] = ()
    group: str | None = None  # overrides the action's group (an urgent SARC is "now")
    service_ages: tuple[int, int] | None = None  # overrides the action's


@record
class ActionTemplate:
    kind: str
    priority: int
    title: str
    service_kinds: tuple[str, ...] = ()
    service_ages: tuple[int, int] | None = None
    fallback_service_ids: tuple[str, ...] = ()
    fallback_from_actions: tuple[str, ...] = ()
    fallback_note: str = ""
    group: str = "offer"  # now | today | offer
    say: str = ""  # what the worker can say to the person
    wordings: tuple[Wording, ...] = ()
    fallback_kinds: tuple[str, ...] = ()  # services of these kinds when none is confirmed


@record
class Guidance:
    id: str
    category: str  # reminder | red_flag | notice
    text: str
    sources: tuple[str, ...]
    when: Condition
    general: bool = False  # a reminder for every conversation, not triggered by this case


@record
class FactCase:
    value: str
    when: Condition
    basis: str = ""  # words for the risk basis; {fact} fills in a fact's value


@record
class Fact:
    """A fact derived from the answers, named so conditions can read it.

    kind "count": how many items of a checklist have one of `values` (None when the
    checklist was not completed); kind "holds": the ids of the cases whose condition
    holds (a list); kind "first": the value of the first case whose condition holds.
    """

    id: str
    kind: str
    cases: tuple[FactCase, ...] = ()
    question: str = ""
    values: tuple[str, ...] = ()

    @property
    def possible_values(self) -> tuple[str, ...]:
        return tuple(case.value for case in self.cases)


@record
class RiskFacts:
    """Which facts make up the risk assessment in the plan (contract: level, criteria, count)."""

    level: str
    criteria: str
    count: str
    count_text: str = ""  # "Dash {dash.yes} of 24", shown when the count is known


@record
class AudienceRule:
    id: str
    when: Condition


@record
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
    phone_type: str = ""  # the shown line's type, as the directory holds it ("Out of hours")
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
    assured_method: str = ""  # phoned | provider (in writing) | "" (not recorded)
    assured_by: str = ""  # the checker's role
    status: str = "active"
    alert: str = ""

    @property
    def has_confirmed_contact(self) -> bool:
        """A phone or email we hold with more than low confidence. A number the lead's
        rules refuse (in an update signed before them) is no contact: the plan adds the
        fallbacks (attack review 2026-12-01)."""
        if self.confidence == "low" or refused_number(self.phone):
            return False
        if lead_cautions(self.alert, self.phone_type, self.phone):  # the fallbacks too
            return False
        return bool(self.phone or self.email)


def lead_alert(alert: str | None, phone: str) -> str:
    """The lead's alert as every surface gives it, or "". None on 999, 101 or 111: a signed
    update's "Do not call 999: use 0121 … instead" was printed, pasted and read out, and
    made 999 "not confirmed" (attack rounds, 2026-12-02); the pathway says when to ring
    them (H198, H204)."""
    return "" if fixed_number(phone) else " ".join((alert or "").split())


def lead_cautions(alert: str | None, phone_type: str | None, phone: str) -> bool:
    """The lead's alert on a service ("not answering"), or its line's type refused by
    today's rules ("Fascimile", "Main/Fax", signed before them): a number to check, never
    confirmed, in the plan and the Directory tab alike (H188, H191); never 999, 101, 111."""
    return bool(lead_alert(alert, phone)) or bool(
        type_problem(phone_type) and not fixed_number(phone)
    )


@record
class Settings:
    """The numbers rules compare with; their values come from pathway.toml (and policy)."""

    dash_high_risk_threshold: int
    escalation_incidents: int
    escalation_period_months: int
    sarc_urgent_days: int
    sarc_window_days: int
    assured_within_months: int  # a service checked longer ago says "check before use"


@record
class PageMember:
    """A question on a "Does any of this apply?" page: a yes/no or choice question is one
    tick box (`label`; ticked gives `tick`, unticked `untick`); a multiple-choice question
    brings its options under `legend`. `given_when`: a tick box the walk does not ask when
    the answers before already give it (a Dash "yes", R40), shown ticked by them."""

    question: str
    label: str = ""
    legend: str = ""
    tick: Any = True
    untick: Any = False
    given_when: Any = None


@record
class QuestionPage:
    """Questions asked one after another, shown together as one page of tick boxes with
    "None of these" (flow.toml [[page]]). Each is still its own question in the walk."""

    id: str
    prompt: str
    help: str
    members: tuple[PageMember, ...]

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(m.question for m in self.members)


@record
class LearningPoint:
    """What a practice vignette teaches, with its source, and what its expected plan must
    show for the point to hold (`practice --check`): "action:marac_referral",
    "no_action:idva_referral", "reminder:ask_safe_tonight", "risk:high", "rule:R6",
    "asked:dash_answers", "not_asked:dash_answers"."""

    text: str
    sources: tuple[str, ...]
    rules: tuple[str, ...]  # the policy rules it teaches (R1-R43)
    shows: tuple[str, ...]


@record
class Vignette:
    """A practice case: what the worker hears, the tier it is written for, the answers a
    careful worker gives (in the `route` scenario format) and the learning points."""

    id: str
    title: str
    tier: int
    story: str
    answers: dict[str, Any]
    points: tuple[LearningPoint, ...]


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
    settings: Settings
    kind_labels: dict[str, str] = field(default_factory=dict)  # service kind vocabulary
    named: dict[str, Condition] = field(default_factory=dict)  # conditions rules share
    facts: list[Fact] = field(default_factory=list)  # in the order they are derived
    risk: RiskFacts | None = None
    vignettes: tuple[Vignette, ...] = ()  # practice cases, built and shipped with the rules
    pages: tuple[QuestionPage, ...] = ()  # questions the window shows together

    def ask_order(self) -> dict[str, int]:
        """Each question's place in the order of asking (the flow from the start, first
        reached first): not the order the questions are defined in."""
        order: dict[str, int] = {}
        waiting = [self.start]
        while waiting:
            node = waiting.pop(0)
            if node in order or node not in self.questions:
                continue
            order[node] = len(order)
            waiting += [edge.target for edge in self.edges.get(node, [])]
        return order

    def page_of(self, question_id: str) -> QuestionPage | None:
        return next((p for p in self.pages if question_id in p.questions), None)

    def nodes(self) -> set[str]:
        return set(self.questions) | {PLAN_NODE}

    def by_category(self, category: str) -> list[Guidance]:
        return [g for g in self.guidance if g.category == category]
