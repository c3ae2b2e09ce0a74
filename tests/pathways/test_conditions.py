"""The condition interpreter: data in, three-valued truth out, never eval."""

import pytest

from app.pathways.conditions import Context, atoms, compile_condition


def truth(cond, answers, final=False, **extra):
    return compile_condition(cond)(Context(answers, final=final, **extra))


def test_comparisons():
    a = {"tier": 2, "age_group": "adult", "abuse_types": ["domestic_abuse"], "n": 3}
    assert truth({"q": "tier", "eq": 2}, a) is True
    assert truth({"q": "age_group", "in": ["16_17", "adult"]}, a) is True
    assert truth({"q": "abuse_types", "has": "domestic_abuse"}, a) is True
    assert truth({"q": "abuse_types", "has_any": ["x", "sexual_assault_abuse"]}, a) is False
    assert truth({"q": "n", "gte": 3}, a) is True
    assert truth({"q": "n", "lt": 3}, a) is False


def test_true_and_false_never_equal_one_and_zero():
    assert truth({"q": "tier", "eq": True}, {"tier": 1}) is False
    assert truth({"q": "flag", "in": [1]}, {"flag": True}) is False
    assert truth({"q": "flag", "eq": True}, {"flag": True}) is True


def test_unanswered_is_unknown_during_the_walk_and_false_at_the_plan():
    cond = {"q": "interpreter", "eq": True}
    assert truth(cond, {}) is None
    assert truth(cond, {}, final=True) is False
    assert truth({"not": cond}, {}) is None
    assert truth({"not": cond}, {}, final=True) is True


def test_kleene_logic_of_all_and_any():
    known_false, unknown = {"q": "a", "eq": 1}, {"q": "b", "eq": 1}
    answers = {"a": 2}
    assert truth({"all": [known_false, unknown]}, answers) is False
    assert truth({"any": [known_false, unknown]}, answers) is None
    assert truth({"any": [{"q": "a", "eq": 2}, unknown]}, answers) is True
    assert truth({"all": [{"q": "a", "eq": 2}, unknown]}, answers) is None


def test_facts_and_plan_contents_are_unknown_until_known():
    fact = {"fact": "risk.level", "eq": "high"}
    plan = {"plan_has_any": ["marac_referral"]}
    assert truth(fact, {}) is None and truth(plan, {}) is None
    assert truth(fact, {}, facts={"risk.level": "high"}) is True
    assert truth(plan, {}, action_kinds=frozenset({"helpline"})) is False


def test_checklist_items():
    cond = {"q": "dash_answers", "item": "dash_15", "eq": "yes"}
    assert truth(cond, {"dash_answers": {"dash_15": "yes"}}) is True
    assert truth(cond, {"dash_answers": None}) is False  # not completed answers nothing


@pytest.mark.parametrize("bad", [{"q": "x"}, {"q": "x", "near": 1}, {"what": 1}, "tier == 2"])
def test_a_malformed_condition_is_refused(bad):
    with pytest.raises(ValueError):
        compile_condition(bad)


def test_atoms_lists_every_leaf():
    cond = {"all": [{"q": "a", "eq": 1}, {"not": {"any": [{"fact": "f", "eq": "x"}]}}]}
    assert list(atoms(cond)) == [{"q": "a", "eq": 1}, {"fact": "f", "eq": "x"}]
