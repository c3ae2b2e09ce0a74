"""Who told you, age, area and the worker's tier in view, each changed in one press."""

from PySide6.QtCore import Qt

from app.settings import UserSettings
from tests.ui.conftest import continue_when_safe, press, press_alt


def test_the_usual_area_is_filled_in_shown_and_not_asked(qtbot, make_window):
    window = make_window(UserSettings(default_borough="walsall"))
    assert window.strip.texts() == [
        "Area: Walsall (your usual area)  (change)",
        "You: Tier 2  (change)",
    ]
    assert not window.strip.holds_case()  # a setting, nothing of the case
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.question_page.panel, "1")  # the person it is happening to
    assert "borough" not in window.session.path[: window.session.position]
    assert window.strip.texts()[0] == "Told by: The person it is happening to  (change)"


def test_changing_the_area_asks_it_then_returns_where_the_walk_was(qtbot, make_window):
    window = make_window(UserSettings(default_borough="walsall"))
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.question_page.panel, "1")
    qtbot.keyClicks(window.question_page.panel, "1")  # adult
    where = window.session.question.id
    window.strip.buttons["borough"].click()
    assert window.session.question.id == "borough"
    coventry = window.session.question.allowed_values.index("coventry")
    window.question_page.panel.buttons[coventry].click()
    assert window.session.question.id == where
    assert window.session.answers["borough"] == "coventry"
    assert "Area: Coventry  (change)" in window.strip.texts()
    assert window.strip.holds_case()


def test_questions_are_numbered_as_the_worker_counts_them(qtbot, window):
    """The tier comes from settings: the third page is question 3, not 4."""
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.question_page.panel, "1")
    assert window.session.question.id == "age_group"
    assert window.question_page.section.text().endswith("question 3")


def test_an_answer_is_changed_with_enter_on_it_or_its_alt_key_from_the_plan(qtbot, window):
    """Enter on a focused "(change)" did nothing on the plan, and reaching the strip took
    several Shift+Tabs (review 2026-12-01)."""
    import json

    from tests.conftest import DATA
    from tests.ui.conftest import walk

    walk(qtbot, window, json.loads((DATA / "reference.json").read_text())[0]["scenario"])
    assert window.session.question is None  # on the plan
    age = window.strip.buttons["age_group"]
    age.setFocus()
    qtbot.keyClick(age, Qt.Key.Key_Return)
    assert window.session.question.id == "age_group"
    window.answer(window.session.answers["age_group"])  # kept: back to the plan
    assert window.session.question is None
    press_alt(qtbot, window, Qt.Key.Key_A)
    assert window.session.question.id == "borough"
    # said where the question number was: "question 4" read as the walk begun again, the
    # later sections "to do" (officer walk, 2026-12-05)
    said = window.question_page.section.text()
    assert said.endswith("changing an answer: the others are kept"), said
    assert "to do" not in [section.state for section in window.sections_model.items]


def test_a_question_not_yet_answered_after_a_change_is_numbered_not_said_to_be_a_change(
    qtbot, window
):
    """After the tier was changed from the strip, every later page said "changing an
    answer: the others are kept", questions asked for the first time included: the worker
    thought they were going over answers already given (officer walk, 2026-12-06)."""
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.question_page.panel, "1")  # the person it is happening to
    press_alt(qtbot, window, Qt.Key.Key_Y)
    assert window.session.question.id == "tier"
    assert window.question_page.section.text().endswith("changing an answer: the others are kept")
    qtbot.keyClicks(window.question_page.panel, "1")  # tier 1
    assert window.session.question.id == "age_group"
    assert window.question_page.section.text().endswith("question 3")
    qtbot.keyClicks(window.question_page.panel, "1")  # adult
    assert "changing" not in window.question_page.section.text()


def test_a_change_that_needs_a_new_question_asks_it_then_returns_to_the_plan(qtbot, window):
    """Age changed from under 16 to 16-17 asks who the person causing harm is, then walked
    back through the area, the timing, the household and consent, each already answered
    (review 2026-12-01)."""
    scenario = {
        "tier": 2,
        "immediate_danger": False,
        "discloser": "person_harmed",
        "age_group": "under_16",
        "abuse_types": ["sexual_assault_abuse"],
        "borough": "sandwell",
        "saa_timing": "unknown",
        "consent_to_share": "no",
        "relationship_to_abuser": "other",
    }
    from tests.ui.conftest import scenario_value, walk

    walk(qtbot, window, scenario)
    assert window.session.question is None
    window.correct("age_group")
    window.answer("16_17")
    asked = []
    while window.session.question is not None and len(asked) < 10:
        asked.append(window.session.question.id)
        window.answer(window.session.value_on_screen(lambda q: scenario_value(q, scenario)))
    assert window.session.question is None and asked  # the new ones asked, then the plan
    assert not set(asked) & {"borough", "saa_timing", "consent_to_share"}, asked


def test_the_tier_is_in_view_from_the_first_question_and_changed_in_one_press(qtbot, make_window):
    """A fresh install's tier 2 was seen only in Settings: a tier-1 volunteer was told to
    refer to MARAC themselves and never to tell their safeguarding lead (review 2026-12-01)."""
    window = make_window(UserSettings(tier=2))
    assert window.strip.isVisibleTo(window)
    assert window.strip.texts() == ["You: Tier 2  (change)"]
    tier = window.strip.buttons["tier"]
    assert tier.shortcut().toString() == "Alt+Y"  # as Alt+T, Alt+G, Alt+A: anywhere
    tier.click()
    assert window.session.question.id == "tier"
    qtbot.keyClicks(window.question_page.panel, "1")
    assert window.session.answers["tier"] == 1
    assert window.session.question.id == "immediate_danger"  # back where the walk was
    assert window.strip.texts() == ["You: Tier 1  (change)"]


def test_a_tier_set_by_it_is_shown_and_never_changed_from_the_walk(qtbot, make_window):
    window = make_window(UserSettings(tier=1, locked=frozenset({"tier"})))
    assert window.strip.texts() == ["You: Tier 1  (set by your organisation)"]
    tier = window.strip.buttons["tier"]
    assert tier.isEnabled() and tier.focusPolicy() != Qt.FocusPolicy.NoFocus  # read, reached
    tier.click()  # as Alt+Y, or the read-back's change
    assert window.session.question.id == "immediate_danger"
    assert "set by your organisation's IT policy" in window.status.text()


def test_danger_now_stays_in_view_after_continue_when_safe(qtbot, window):
    """After "Continue when safe" no page said 999 was still to be called (officer walk,
    2026-12-05; H447). "No" takes no room."""
    press(qtbot, window, Qt.Key.Key_Y)
    continue_when_safe(qtbot, window)
    qtbot.keyClicks(window.question_page.panel, "1")  # the person it is happening to
    assert window.strip.texts()[0] == "Danger now: Yes: call 999  (change)"
    assert window.strip.buttons["immediate_danger"].accessibleName() == (
        "Danger now: Yes: call 999. Change it"
    )
    press_alt(qtbot, window, Qt.Key.Key_D)
    assert window.session.question.id == "immediate_danger"
    press(qtbot, window, Qt.Key.Key_N)  # the danger has passed
    assert not any(text.startswith("Danger now") for text in window.strip.texts())
    assert window.strip.texts()[0].startswith("Told by: ")
