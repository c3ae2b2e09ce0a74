"""Derived facts the rules read by name: Dash count, the four MARAC criteria, the SARC window.

Sources: shared spec/pathway-policy.md §3 (national: SafeLives Marac referral criteria and
definition of repeat Marac; 001 §1.2) and R10 (001 SARC definition; NHS SARC guidance).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.pathways.graph import Question, Settings

DASH = "dash_answers"
JUDGEMENT = "professional_judgement_high_risk"
INCIDENTS = "incidents_12_months"
REPEAT_MARAC = "marac_in_last_12_months"
SAA_TIMING = "saa_timing"
RISK_INPUTS = (DASH, JUDGEMENT, INCIDENTS, REPEAT_MARAC)

# Every fact a condition may name, with the values it can take.
FACTS: dict[str, tuple[str, ...]] = {
    "risk.level": ("high", "not_high", "not_assessed", "not_applicable"),
    "sarc.window": ("urgent", "recent", "outside", "unknown", "not_applicable"),
}


@dataclass(frozen=True)
class RiskAssessment:
    level: str
    criteria: tuple[str, ...] = ()
    dash_yes_count: int | None = None

    @property
    def basis(self) -> str:
        """Why the level is what it is, in words a worker can repeat on a form."""
        parts = []
        if self.dash_yes_count is not None:
            parts.append(f"Dash {self.dash_yes_count} of 24")
        labels = {
            "dash_14_plus": "14 or more Dash 'yes' answers",
            "professional_judgement": "professional judgement",
            "escalation": "potential escalation (incidents known to agencies)",
            "repeat_marac": "repeat MARAC (referred in the last 12 months, new incident)",
        }
        parts.extend(labels[c] for c in self.criteria)
        if self.level == "not_assessed":
            parts.append("Dash not completed")
        return "; ".join(parts)


def dash_yes_count(dash: Any) -> int | None:
    """Count of 'yes' answers, or None when Dash was not completed."""
    if not isinstance(dash, dict):
        return None
    return sum(1 for value in dash.values() if value == "yes")


def assess_risk(answers: dict[str, Any], settings: Settings) -> RiskAssessment:
    """Risk for domestic abuse at 16+; not_applicable when the path asked none of its questions."""
    if not any(q in answers for q in RISK_INPUTS):
        return RiskAssessment("not_applicable")
    count = dash_yes_count(answers.get(DASH))
    criteria = []
    if count is not None and count >= settings.dash_high_risk_threshold:
        criteria.append("dash_14_plus")
    if answers.get(JUDGEMENT) is True:
        criteria.append("professional_judgement")
    incidents = answers.get(INCIDENTS)
    if isinstance(incidents, int) and incidents >= settings.escalation_incidents:
        criteria.append("escalation")
    # The disclosure itself is a new incident, so a MARAC referral in the last 12 months
    # makes this a repeat MARAC case (SafeLives definition of repeat Marac).
    if answers.get(REPEAT_MARAC) == "yes":
        criteria.append("repeat_marac")
    if criteria:
        level = "high"
    elif count is not None:
        level = "not_high"
    else:
        level = "not_assessed"
    return RiskAssessment(level, tuple(criteria), count)


def sarc_window(
    timing_question: Question | None, answers: dict[str, Any], settings: Settings
) -> str:
    """Where the timing band falls against the SARC windows (settings, in days).

    A band counts as inside a window when its earliest day is: part of the band being
    inside is reason enough to offer time-limited care.
    """
    if SAA_TIMING not in answers or timing_question is None:
        return "not_applicable"
    option = timing_question.option(answers[SAA_TIMING])
    if option is None or "days_from" not in option.attrs:
        return "unknown"
    first_day = option.attrs["days_from"]
    if first_day <= settings.sarc_urgent_days:
        return "urgent"
    if first_day <= settings.sarc_window_days:
        return "recent"
    return "outside"
