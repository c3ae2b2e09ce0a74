"""How far each pathway setting may move from the national criteria: only towards more
protection (escalation to MARAC, the SARC offer and "check before use" more likely, never
less). A directory's pathway, machine policy and the worker's laptop all keep within them.
"""

from __future__ import annotations

from dataclasses import fields

from app.pathways.graph import Settings

# (lowest, highest, why the range stops where it does) for each setting
SETTING_LIMITS = {
    "dash_high_risk_threshold": (1, 14, "national: SafeLives Marac criteria, 14 'yes'"),
    "escalation_incidents": (1, 3, "national: SafeLives Marac criteria, 3 in 12 months"),
    "escalation_period_months": (12, 24, "national: SafeLives Marac criteria, 12 months"),
    "sarc_urgent_days": (7, 21, "NHS SARC guidance: forensic window usually 7 days"),
    "sarc_window_days": (21, 60, "West Midlands children's SAS, 21 days"),
    "assured_within_months": (1, 12, "a service checked within the last year"),
}


def setting_problems(settings: Settings) -> list[str]:
    """Each setting outside its limits: a directory received with the Dash threshold at 25
    made 15 'yes' answers no high risk (no MARAC, no IDVA) and passed every check
    (review 2026-12-01)."""
    problems = []
    for item in fields(Settings):
        value = getattr(settings, item.name)
        low, high, why = SETTING_LIMITS[item.name]
        # a bool is an int to Python, not a number to the rules: 'true' passed the limits
        # and turned the Dash threshold off (review 2026-12-01)
        number = isinstance(value, int) and not isinstance(value, bool)
        if not (number and low <= value <= high):
            problems.append(f"setting {item.name} = {value!r}: allowed {low} to {high} ({why})")
    return problems
