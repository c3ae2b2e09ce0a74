"""Practice feedback and the practice summary in words (no Qt): what the feedback page
shows and what the summary PDF prints."""

from __future__ import annotations

from app.pathways.answers import answer_label
from app.pathways.engine import Pathway
from app.pathways.graph import Question, Vignette
from app.pathways.practice import POLICY_RULES, Change, Feedback, coverage
from app.records import record


@record
class Section:
    title: str
    lines: tuple[str, ...]


def headline(feedback: Feedback) -> str:
    if feedback.all_matched:
        return "\u2714 All matched: your answers give the expected plan."
    count = len(feedback.differences)  # questions asked in one walk only follow from these
    missed = len(feedback.missed)
    parts = [f"{count} answer{'s' if count != 1 else ''} differed" if count else ""]
    if missed:
        parts.append(f"your plan missed {missed} action{'s' if missed != 1 else ''}")
    return "\u2716 Not matched: " + ("; ".join(p for p in parts if p) or "the plans differ") + "."


def feedback_sections(pathway: Pathway, vignette: Vignette, feedback: Feedback) -> list[Section]:
    """The differences, then what they changed, then the learning points."""
    sections = []
    if feedback.differences:
        lines = []
        for d in feedback.differences:
            yours, expected = d.given_words, answer_label(d.question, d.expected)
            lines.append(
                f"{d.question.prompt} You answered \u201c{yours}\u201d; expected "
                f"\u201c{expected}\u201d. {effect_words(pathway, d.effect)}"
            )
            lines += dash_lines(d.question, d.given, d.expected)
        sections.append(Section("Answers that differ", tuple(lines)))
    if feedback.only_yours:
        lines = tuple(q.prompt for q in feedback.only_yours)
        sections.append(Section("Asked in your walk only (because of an earlier answer)", lines))
    if feedback.only_expected:
        lines = tuple(q.prompt for q in feedback.only_expected)
        sections.append(Section("Not asked in your walk (because of an earlier answer)", lines))
    plan_lines = [f"Missing from your plan: {a.title}" for a in feedback.missed]
    plan_lines += [f"In your plan, not expected: {a.title}" for a in feedback.added]
    plan_lines += [f"Reminder missed: {r.text}" for r in feedback.reminders_missed]
    if feedback.risk:
        yours, expected = (level.replace("_", " ") for level in feedback.risk)
        plan_lines.append(f"Risk: yours {yours}; expected {expected}")
    if plan_lines:
        sections.append(Section("Your plan against the expected plan", tuple(plan_lines)))
    points = tuple(f"{p.text} [{'; '.join(p.sources)}]" for p in vignette.points)
    sections.append(Section("Learning points", points))
    return sections


def dash_lines(question: Question, given, expected) -> list[str]:
    """Each Dash item answered otherwise, numbered as on the checklist: the count alone
    would not say which."""
    if not (isinstance(given, dict) and isinstance(expected, dict)):
        return []
    words = {o.value: o.label for o in question.item_options}
    return [
        f"Dash item {number} ({item.text}): you answered "
        f"\u201c{words.get(given.get(item.id), '-')}\u201d; expected "
        f"\u201c{words.get(expected.get(item.id), '-')}\u201d"
        for number, item in enumerate(question.items, 1)
        if given.get(item.id) != expected.get(item.id)
    ]


def effect_words(pathway: Pathway, effect: Change | None) -> str:
    if effect is None:
        return "What this changes depends on answers neither walk gave."
    if effect.empty:
        return "On its own this changes nothing in the plan."
    actions, reminders = pathway.graph.actions, {g.id: g for g in pathway.graph.guidance}
    parts = []
    if effect.gained:
        parts.append("adds " + "; ".join(actions[k].title for k in effect.gained))
    if effect.lost:
        parts.append("loses " + "; ".join(actions[k].title for k in effect.lost))
    if effect.reminders_missed:
        names = "; ".join(reminders[r].text for r in effect.reminders_missed)
        parts.append("misses the reminder: " + names)
    return "On its own, this answer " + ", and ".join(parts).rstrip(".") + "."


def summary_lines(pathway: Pathway, done: dict[str, dict]) -> list[str]:
    """A champion's practice on this laptop, for their manager: no names, no answers."""
    vignettes = pathway.graph.vignettes
    finished = tuple(v for v in vignettes if v.id in done)
    cover = coverage(pathway, finished)
    lines = [
        f"Vignettes done: {len(finished)} of {len(vignettes)}",
        f"Pathway rules practised: {len(cover.rules)} of {len(cover.all_rules)}",
        f"Policy rules taught: {len(cover.taught & set(POLICY_RULES))} of {len(POLICY_RULES)}",
        "",
    ]
    for v in vignettes:
        record = done.get(v.id)
        if record:
            matched = "all matched" if record.get("matched") else "practised, not all matched"
            lines.append(f"\u2714 {v.title} (tier {v.tier}): {matched}, {record.get('date', '')}")
        else:
            lines.append(f"\u2610 {v.title} (tier {v.tier}): not yet")
    return lines
