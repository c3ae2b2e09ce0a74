"""Every reference scenario walked through the real window by keyboard alone."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.cli.route import answers_for
from app.pathways.summary import plan_to_dict
from app.settings import UserSettings
from tests.conftest import DATA
from tests.ui.conftest import (
    TODAY,
    answer_by_keys,
    go_on,
    press,
    press_alt,
    scenario_value,
    tick,
    walk,
)

CASES = [
    case
    for name in ("reference.json", "reference-v2.json")
    for case in json.loads((DATA / name).read_text())
    if case["expect"]["exit_code"] == 0
]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_reference_scenario_by_keyboard_gives_routes_plan(qtbot, make_window, pathway, case):
    scenario = case["scenario"]
    window = make_window()
    window.replace_settings(tier=scenario["tier"])
    walk(qtbot, window, scenario)
    shown = window.session.plan
    assert shown is not None
    route = pathway.step(answers_for(pathway, scenario)).plan
    assert plan_to_dict(shown, TODAY) == plan_to_dict(route, TODAY)
    assert window.plan_view.action_kinds == route.action_kinds
    assert window.reminders.ids() == [r.id for r in route.reminders if not r.general] + [
        r.id for r in route.reminders if r.general
    ]


class CountedKeys:
    """qtbot's key presses, counted: a worker's presses from the first question to the plan."""

    def __init__(self, qtbot):
        self.qtbot, self.presses = qtbot, 0

    def keyClick(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.presses += 1
        self.qtbot.keyClick(widget, key, modifier)

    def keyClicks(self, widget, text):
        self.presses += len(text)
        self.qtbot.keyClicks(widget, text)

    def wait(self, ms):
        self.qtbot.wait(ms)


TARGETED = [c for c in CASES if c["scenario"]["tier"] == 1 or c["scenario"].get("dash_answers")]


@pytest.mark.parametrize("case", TARGETED, ids=[c["name"] for c in TARGETED])
def test_a_case_takes_no_more_key_presses_than_the_target(qtbot, make_window, case):
    """Issue 13: at most 40 presses for a tier-2 case with the Dash, 12 for tier 1, with the
    worker's usual area in Settings (benchmarks/walk_bench.py prints the counts). Tier 1
    takes 13 since H611: the incidents count is given with Enter, 0 too (a 0 that answered
    at once was taken unseen from a key meant for the page before); the press is the
    count's safety, not a target met, and the closing note asks for the target restated."""
    scenario = case["scenario"]
    usual = scenario["borough"] if scenario["borough"] != "outside_west_midlands" else None
    settings = UserSettings(tier=scenario["tier"], default_borough=usual)
    window = make_window(settings)
    window.resize(1366, 768)  # a council laptop: each page's end is on screen at 11 pt
    QGuiApplication.processEvents()
    keys = CountedKeys(qtbot)
    walk(keys, window, scenario)
    assert window.session.plan is not None
    assert keys.presses <= (13 if scenario["tier"] == 1 else 40)


def test_tier_from_settings_is_not_asked_again(qtbot, make_window):
    window = make_window()
    assert window.session.question.id == "immediate_danger"
    press(qtbot, window, Qt.Key.Key_N)
    assert window.session.question.id == "discloser"
    qtbot.keyClicks(window.question_page.panel, "1")  # the person it is happening to
    assert window.session.question.id == "age_group"


def test_back_keeps_answers(qtbot, window):
    press(qtbot, window, Qt.Key.Key_N)  # not in danger
    qtbot.keyClicks(window.question_page.panel, "1")  # the person it is happening to
    qtbot.keyClicks(window.question_page.panel, "2")  # 16 or 17
    assert window.session.question.id == "abuse_types"
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.question.id == "age_group"
    assert window.session.current_answer == "16_17"
    panel = window.question_page.panel
    assert panel.current_button is panel.buttons[1]  # the answer given is marked
    assert panel.current_button.text().startswith("\u2713 16 or 17")
    assert not any(b.isCheckable() for b in panel.buttons)  # push buttons, not check boxes
    press(qtbot, window, Qt.Key.Key_Return)  # keep the answer
    assert window.session.question.id == "abuse_types"


def test_reminders_appear_at_the_step_their_answer_is_given(qtbot, window):
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="perpetrator_nearby")
    ids = lambda: window.reminders.ids()  # noqa: E731
    assert "perpetrator_nearby_plan" not in ids()
    assert "safe_contact_arrangements" in ids()  # domestic abuse was answered already
    tick(qtbot, window, "nearby")  # on the page about the person causing harm
    # at the tick, not at Continue: ticking "an interpreter" said nothing until then, the
    # questions asked through a family member meanwhile (officer walk, H239)
    assert "perpetrator_nearby_plan" in ids()
    tick(qtbot, window, "nearby")  # unticked again: not given
    assert "perpetrator_nearby_plan" not in ids()
    tick(qtbot, window, "nearby")
    go_on(qtbot, window)
    assert "perpetrator_nearby_plan" in ids()


def test_read_back_edits_an_answer_and_recomputes_the_plan(qtbot, window):
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario)
    assert "child_safeguarding_referral" in window.session.plan.action_kinds
    press_alt(qtbot, window.plan_view, Qt.Key.Key_R)
    assert window.pages.currentWidget() is window.readback
    rows = [window.readback.model.rows[i][0].id for i in range(window.readback.model.rowCount())]
    window.readback.table.selectRow(rows.index("children_in_household"))
    qtbot.keyClick(window.readback.table, Qt.Key.Key_Return)
    assert window.session.question.id == "children_in_household"  # on its page
    assert window.question_page.panel.boxes["1"].isChecked()
    tick(qtbot, window, "Children live")  # untick: no children
    go_on(qtbot, window)
    window.finish_read_back()
    assert "child_safeguarding_referral" not in window.session.plan.action_kinds


V2 = {c["name"]: c["scenario"] for c in json.loads((DATA / "reference-v2.json").read_text())}


def test_the_new_questions_are_asked_by_keyboard_read_back_and_copied(qtbot, make_window):
    """Policy version 2 pages: who is telling you, the relationship, the person causing
    harm, the police, tonight; worded for someone worried about another person."""
    scenario = {
        **V2["neighbour worried about a tenant (concerned other), children in the home"],
        "relationship_to_abuser": "partner_or_ex",
        "about_abuser": ["works_with_children"],
        "safe_tonight": "not_known",
    }
    window = make_window()
    prompts = {}
    while window.session.question is not None:
        shown = window.session.page
        for question in shown.questions if shown else (window.session.question,):
            prompts[question.id] = question.prompt
        answer_by_keys(qtbot, window, lambda q: scenario_value(q, scenario))
    assert {"discloser", "relationship_to_abuser", "about_abuser", "safe_tonight"} <= set(prompts)
    assert "the person you are worried about" in prompts["safe_tonight"]
    kinds = window.session.plan.action_kinds
    assert {"concerned_other_advice", "lado_referral", "dvds_option"} <= set(kinds)
    window.read_back()
    rows = {
        q.id: label
        for (q, _), (_, label) in zip(
            window.readback.model.rows, window.readback.model.texts(), strict=True
        )
    }
    assert rows["relationship_to_abuser"] == "A partner or ex-partner"
    assert rows["about_abuser"] == "They work or volunteer with children"
    window.finish_read_back()
    window.copy_summary()
    summary = QGuiApplication.clipboard().text()
    assert "Person causing harm is: A partner or ex-partner" in summary
    assert "or sees other children: They work or volunteer with children" in summary


def test_a_key_pressed_too_many_in_the_dash_never_answers_the_next_page(qtbot, window):
    """The Dash moves on at its last item without Enter: a third "N" too many answered
    the yes/no page after it, a question nobody had read (review 2026-12-01)."""
    from tests.ui.conftest import press

    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    for _ in range(24):
        press(qtbot, window, Qt.Key.Key_N)
    after_dash, panel = window.session.position, window.question_page.panel
    qtbot.keyClicks(panel, "1")  # one too many, at once: the next page's first answer
    assert window.session.position == after_dash
    assert not any(box.isChecked() for box in getattr(panel, "boxes", {}).values())
