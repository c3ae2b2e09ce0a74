"""Reading a `route` scenario: limits, one schema made from the questions, and fuzzing."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import route
from app.cli.scenario import MAX_DEPTH, SHOWN, ScenarioError, nesting, parse, schema_for

BASE = {
    "tier": 2,
    "immediate_danger": False,
    "age_group": "adult",
    "abuse_types": ["domestic_abuse"],
    "borough": "walsall",
    "perpetrator_nearby": False,
    "dash_answers": {"dash_01": "yes"},
    "professional_judgement_high_risk": False,
    "incidents_12_months": 0,
    "marac_in_last_12_months": "no",
    "children_in_household": True,
    "pregnant_or_recent_birth": False,
    "care_and_support_needs": False,
    "additional_needs": [],
    "consent_to_share": "yes",
}


def refused(text: str) -> str:
    try:
        parse(text)
    except ScenarioError as error:
        return "\n".join(error.problems)
    raise AssertionError("accepted")


def test_nesting_is_counted_outside_strings():
    assert nesting('{"a": "[[[[{{{{", "b": [[1]]}') == 3
    assert "nests 100000 levels" in refused("[" * 100_000 + "]" * 100_000)
    assert nesting("[" * MAX_DEPTH + "]" * MAX_DEPTH) == MAX_DEPTH


def test_duplicate_keys_long_numbers_and_decimals_are_refused():
    assert "given twice" in refused('{"tier": 1, "tier": 2}')
    too_long = refused('{"incidents_12_months": ' + "9" * 5000 + "}")
    assert too_long.startswith("incidents_12_months: a number of 5000 digits")
    # each names its key (review 2026-12-02)
    assert refused('{"incidents_12_months": 3.0}').startswith(
        "incidents_12_months: 3.0 is not a whole number"
    )
    assert refused('{"dash_answers": {"dash_01": NaN}}').startswith("dash_01: NaN is not")
    assert "count" not in refused('{"tier": 2.0}')  # not a count (routing review, 12-03)
    assert refused('{"additional_needs": [1.5]}').startswith("additional_needs: 1.5 is not")


def test_a_value_quoted_back_never_turns_the_terminals_line_round():
    """A right-to-left override in a value was echoed as it is (review 2026-12-02)."""
    from app.cli.scenario import quote

    assert quote("a\u202eb") == '"a\\u202eb"'


def test_a_huge_value_is_refused_before_parsing_and_never_quoted_whole():
    problem = refused(json.dumps({"borough": "x" * 2_000_000}))
    assert "at most 1,000,000" in problem and len(problem) < 200


def test_a_file_too_large_is_never_given_the_size_of_the_part_read(tmp_path):
    """A 50 MB scenario was said to be "4,000,004 characters": the part read (F17)."""
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({"borough": "x" * 5_000_000}))
    with pytest.raises(ScenarioError) as error:
        route.read_scenario(str(huge))
    assert error.value.problems == [
        "the scenario is longer than allowed: at most 1,000,000 characters"
    ]


def test_the_schema_holds_exactly_the_questions_and_their_answers(graph):
    schema = schema_for(graph.questions)
    assert set(schema["properties"]) == set(graph.questions)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["tier"] == {"enum": [1, 2]}


def run_route(pathway, tmp_path, text: str) -> tuple[int, str]:
    path = tmp_path / "scenario.json"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = route.run(pathway, str(path), as_json=True)
    return code, err.getvalue()


def test_bad_values_are_quoted_short(pathway, tmp_path):
    code, err = run_route(pathway, tmp_path, json.dumps({**BASE, "borough": "b" * 5000}))
    assert code == 2 and "borough" in err and "b" * (SHOWN + 1) not in err
    code, err = run_route(pathway, tmp_path, json.dumps({**BASE, "dash_answers": [1, 2]}))
    assert code == 2 and "dash_answers" in err
    code, err = run_route(pathway, tmp_path, json.dumps({**BASE, "tier": True}))
    assert code == 2 and "one of 1, 2" in err  # true is not 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def scenarios(graph):
    """Mostly-right scenarios: real keys, real or wrong values, some keys left out."""

    def answers(question):
        good = st.sampled_from(question.allowed_values or [True, False, None, {}])
        return good | JSON

    keys = st.lists(st.sampled_from(list(graph.questions)), unique=True)
    return keys.flatmap(
        lambda chosen: st.fixed_dictionaries({key: answers(graph.questions[key]) for key in chosen})
    ).map(lambda partial: {**BASE, **partial})


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(data=st.data())
def test_every_generated_scenario_exits_0_or_2(pathway, tmp_path_factory, data):
    value = data.draw(JSON | scenarios(pathway.graph))
    code, _ = run_route(pathway, tmp_path_factory.mktemp("fuzz"), json.dumps(value))
    assert code in (0, 2)


@FUZZ
@given(text=st.text(max_size=200))
def test_any_text_at_all_exits_0_or_2(pathway, tmp_path_factory, text):
    code, _ = run_route(pathway, tmp_path_factory.mktemp("fuzz"), text)
    assert code in (0, 2)
