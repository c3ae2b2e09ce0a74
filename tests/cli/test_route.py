"""`python -m app route` against the contract and every reference scenario."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from app.__main__ import main
from tests.conftest import DATA, FROM_SOURCE, REPO

REFERENCE = json.loads((DATA / "reference.json").read_text(encoding="utf-8"))
REFERENCE_V2 = json.loads((DATA / "reference-v2.json").read_text(encoding="utf-8"))


def route(capsys, scenario, *flags):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scenario.json"
        path.write_text(json.dumps(scenario), encoding="utf-8")
        code = main(["route", "--scenario", str(path), *flags])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "case", REFERENCE + REFERENCE_V2, ids=[c["name"] for c in REFERENCE + REFERENCE_V2]
)
def test_reference_scenario(case, capsys):
    expect = case["expect"]
    code, out, err = route(capsys, case["scenario"], "--json")
    assert code == expect["exit_code"], err
    if code != 0:
        assert expect["error_mentions"] in err
        assert "Traceback" not in err
        return
    plan = json.loads(out)
    kinds = [a["kind"] for a in plan["actions"]]
    reminders = [r["id"] for r in plan["reminders"]]
    if "risk_level" in expect:
        assert plan["risk"]["level"] == expect["risk_level"]
    assert set(expect.get("risk_criteria_include", [])) <= set(plan["risk"]["criteria"])
    assert set(expect.get("actions_include", [])) <= set(kinds)
    assert not set(expect.get("actions_exclude", [])) & set(kinds)
    assert set(expect.get("reminders_include", [])) <= set(reminders)
    assert not set(expect.get("reminders_exclude", [])) & set(reminders)
    if "first_action" in expect:
        assert kinds[0] == expect["first_action"]
    if "last_action" in expect:
        assert kinds[-1] == expect["last_action"]
    if "order" in expect:
        positions = [kinds.index(k) for k in expect["order"]]
        assert positions == sorted(positions)
    by_kind = {a["kind"]: {s["id"] for s in a["services"]} for a in plan["actions"]}
    for kind, rule in expect.get("services", {}).items():
        assert set(rule.get("include", [])) <= by_kind[kind]
        assert not set(rule.get("exclude", [])) & by_kind[kind]
    services = [s for a in plan["actions"] for s in a["services"]]
    if expect.get("only_national_services"):
        assert all(s["area"] == ["national"] for s in services)
    borough = case["scenario"]["borough"]
    for service in services:
        assert {borough, "west_midlands", "national"} & set(service["area"])
    for item in plan["actions"] + plan["reminders"]:
        assert item["sources"]


def test_readable_plan_names_each_action_and_reminder(capsys):
    code, out, _ = route(capsys, REFERENCE[0]["scenario"])
    assert code == 0
    assert "Refer to MARAC" in out and "Black Country Women's Aid" in out
    assert "No child should overhear the disclosure, unless it is the child telling you" in out


BASE = REFERENCE[0]["scenario"]


@pytest.mark.parametrize(
    ("change", "mentions"),
    [
        ({"borough": "london"}, ["borough", '"walsall"']),
        ({"colour": "blue"}, ["colour", "Allowed keys", "immediate_danger"]),
        ({"tier": "2"}, ["tier", "one of 1, 2"]),
        ({"tier": True}, ["tier"]),
        ({"incidents_12_months": -1}, ["incidents_12_months", "whole number"]),
        ({"abuse_types": []}, ["abuse_types", "at least one of"]),
        ({"additional_needs": ["fgm", "fgm"]}, ["additional_needs", "twice"]),
        ({"dash_answers": {"dash_99": "yes"}}, ["dash_answers", "dash_99"]),
        ({"dash_answers": {"dash_01": "maybe"}}, ["dash_answers", "dash_01"]),
        ({"immediate_danger": "no"}, ["immediate_danger", "true or false"]),
    ],
)
def test_bad_input_exits_2_naming_the_key_and_allowed_values(capsys, change, mentions):
    code, out, err = route(capsys, {**BASE, **change}, "--json")
    assert code == 2 and out == ""
    for text in mentions:
        assert text in err
    assert "Traceback" not in err


@pytest.mark.parametrize("missing", ["consent_to_share", "age_group", "incidents_12_months"])
def test_a_question_the_path_needs_but_lacks_is_named(capsys, missing):
    scenario = {k: v for k, v in BASE.items() if k != missing}
    code, _, err = route(capsys, scenario, "--json")
    assert code == 2 and f"missing '{missing}'" in err and "Allowed" in err


@pytest.mark.parametrize(
    ("change", "mentions"),
    [
        ({"discloser": "victim"}, ["discloser", '"person_harmed"', '"person_causing_harm"']),
        ({"safe_tonight": True}, ["safe_tonight", '"not_known"']),
        ({"about_abuser": ["teacher"]}, ["about_abuser", '"works_with_children"']),
        ({"relationship_to_abuser": None}, ["relationship_to_abuser", '"partner_or_ex"']),
        ({"police_aware": "maybe"}, ["police_aware"]),
        ({"strangulation_recent": 1}, ["strangulation_recent"]),
    ],
)
def test_a_bad_value_for_a_new_question_exits_2_naming_it(capsys, change, mentions):
    code, out, err = route(capsys, {**BASE, **change}, "--json")
    assert code == 2 and out == ""
    assert all(text in err for text in mentions), err


@pytest.mark.parametrize("relation", ["partner_or_ex", "family_member"])
def test_other_abuse_alone_by_a_partner_or_relative_is_refused_naming_both(capsys, relation):
    """§2: abuse by a partner, ex-partner or relative is domestic abuse. "Other abuse" by a
    partner judged high risk got Victim Support alone: the relationship is never asked on
    that path, so it was dropped unsaid (routing review, 2026-12-03)."""
    scenario = {**BASE, "abuse_types": ["other_abuse"], "relationship_to_abuser": relation}
    code, out, err = route(capsys, scenario, "--json")
    assert code == 2 and out == ""
    assert f"relationship_to_abuser: {relation}" in err and "add domestic_abuse" in err
    for kinds in (["other_abuse", "domestic_abuse"], ["other_abuse", "sexual_assault_abuse"]):
        given = {**scenario, "abuse_types": kinds, "saa_timing": "over_12_months"}
        assert route(capsys, given, "--json")[0] == 0, kinds


def test_a_version_1_scenario_is_walked_with_the_defaults_of_version_2(capsys, pathway):
    """No new key: the person harmed is telling you, the relationship is not known, they are
    safe tonight, police knowledge not known, no facts about the abuser (§2 defaults)."""
    code, out, _ = route(capsys, BASE, "--json")
    explicit = {
        **BASE,
        "discloser": "person_harmed",
        "relationship_to_abuser": "not_known",
        "about_abuser": [],
        "police_aware": "not_known",
        "safe_tonight": "yes",
    }
    _, out_explicit, _ = route(capsys, explicit, "--json")
    defaulted, given = json.loads(out), json.loads(out_explicit)
    # the same plan; the form's lines say which answers the scenario did not give
    taken = "Not in the scenario (taken as "
    said = [
        [line["answer"] for line in plan.pop("referral_details")] for plan in (defaulted, given)
    ]
    assert [sum(answer.startswith(taken) for answer in answers) for answers in said] == [6, 1]
    plain = [
        [answer[len(taken) : -1] if answer.startswith(taken) else answer for answer in answers]
        for answers in said
    ]
    assert plain[0] == plain[1]
    assert code == 0 and defaulted == given


def test_json_gives_each_action_its_group_and_words_and_each_service_its_trust(capsys):
    code, out, _ = route(capsys, {**BASE, "immediate_danger": True}, "--json")
    assert code == 0
    plan = json.loads(out)
    groups = {action["kind"]: action["group"] for action in plan["actions"]}
    assert groups["emergency_999"] == "now" and groups["marac_referral"] == "today"
    assert groups["helpline"] == "offer"
    assert all(action["say"] for action in plan["actions"])
    services = [s for action in plan["actions"] for s in action["services"]]
    assert all(isinstance(s["check_before_use"], bool) and "confirmed" in s for s in services)
    fixed = [s for s in services if s["phone"] in ("999", "101", "111")]
    assert fixed and not any(s["check_before_use"] for s in fixed)
    details = {d["item"]: d["answer"] for d in plan["referral_details"]}
    assert details["Police already know (add the crime reference in the official form)"]


def test_absent_dash_means_not_completed(capsys):
    scenario = {k: v for k, v in BASE.items() if k != "dash_answers"}
    code, out, _ = route(capsys, scenario, "--json")
    assert code == 0 and json.loads(out)["risk"]["level"] == "not_assessed"


def test_dash_items_not_listed_count_as_not_known_as_in_the_window(capsys):
    """The contract's own example (3 'yes' listed) was "not high, Dash 3 of 24", where the
    window, counting blank items as not known, says not assessed (R38, review 2026-12-01)."""
    dash = {"dash_01": "yes", "dash_02": "yes", "dash_15": "yes"}
    code, out, _ = route(capsys, {**BASE, "dash_answers": dash}, "--json")
    assert code == 0 and json.loads(out)["risk"]["level"] == "not_assessed"
    listed = {f"dash_{n:02}": "no" for n in range(1, 25)} | dash
    code, out, _ = route(capsys, {**BASE, "dash_answers": listed}, "--json")
    assert code == 0 and json.loads(out)["risk"]["level"] == "not_high"


def test_keys_the_path_never_asks_are_ignored(capsys):
    child = {**REFERENCE[6]["scenario"], "care_and_support_needs": True}  # never asked under 18
    code, out, _ = route(capsys, child, "--json")
    assert code == 0
    assert "adult_safeguarding_referral" not in [a["kind"] for a in json.loads(out)["actions"]]


def test_a_dash_the_path_never_asks_ticks_no_need(capsys):
    """A tier-1 scenario's Dash, never asked there, ticked strangulation and suicide among
    the needs: the plan gained the medical check and crisis support, and the referral's
    needs line named them, a plan no window gives (review 2026-12-02)."""
    told = {"dash_05": "yes", "dash_08": "yes", "dash_15": "yes"}  # suicide, stalking, strangled
    dash = {f"dash_{n:02}": "no" for n in range(1, 25)} | told
    tier_1 = {**BASE, "tier": 1, "dash_answers": dash, "additional_needs": []}
    code, out, _ = route(capsys, tier_1, "--json")
    kinds = {action["kind"] for action in json.loads(out)["actions"]}
    assert code == 0 and not kinds & {"urgent_medical_check", "mental_health_crisis"}
    code, out, _ = route(capsys, {**tier_1, "tier": 2}, "--json")  # asked: ticked (R40)
    kinds = {action["kind"] for action in json.loads(out)["actions"]}
    assert code == 0 and {"urgent_medical_check", "mental_health_crisis"} <= kinds


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"walsall"'])
def test_a_scenario_that_is_not_a_json_object_is_refused(tmp_path, capsys, text):
    path = tmp_path / "s.json"
    path.write_text(text)
    assert main(["route", "--scenario", str(path)]) == 2
    assert "error:" in capsys.readouterr().err


def test_a_missing_scenario_file_is_refused(tmp_path, capsys):
    assert main(["route", "--scenario", str(tmp_path / "none.json")]) == 2
    assert "cannot read the scenario" in capsys.readouterr().err


def test_a_scenario_saved_with_a_bom_is_read_and_one_not_in_utf_8_is_named(tmp_path, capsys):
    """Windows PowerShell's UTF-8 begins with a BOM: refused as "Unexpected UTF-8 BOM";
    a Latin-1 file gave Python's codec error (review 2026-12-02)."""
    path = tmp_path / "s.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(BASE).encode())
    assert main(["route", "--scenario", str(path)]) == 0
    capsys.readouterr()
    path.write_bytes(json.dumps({**BASE, "borough": "café"}, ensure_ascii=False).encode("latin-1"))
    assert main(["route", "--scenario", str(path)]) == 2
    err = capsys.readouterr().err
    assert "is not UTF-8 text (byte 0xe9 at" in err and "save it as UTF-8" in err


def test_standard_input_closed_is_named(capsys, monkeypatch):
    """Started with standard input closed: "unexpected problem (AttributeError)", exit 1
    (re-attack round, 2026-12-02)."""
    monkeypatch.setattr("sys.stdin", None)
    assert main(["route", "--scenario", "-"]) == 2
    assert "no standard input" in capsys.readouterr().err


def test_route_runs_as_a_module_reading_standard_input():
    result = subprocess.run(
        [*FROM_SOURCE, "route", "--json", "--scenario", "-"],
        input=json.dumps(BASE),
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["pathway_version"] and plan["directory_version"]
    assert plan["risk"] == plan["risk"] | {"level": "high", "dash_yes_count": 15}


def test_route_says_in_its_output_when_the_directory_is_unverified(tmp_path, capsys):
    """A planted copy given with --directory came out as any plan, its numbers marked
    confirmed; only standard error said "not verified", which a script drops (F17)."""
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(BASE))
    assert main(["route", "--scenario", str(scenario), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["directory_verified"] is True
    copy = tmp_path / "directory.sqlite"
    copy.write_bytes((REPO / "resources" / "directory.sqlite").read_bytes())
    given = ["--directory", str(copy), "route", "--scenario", str(scenario)]
    assert main([*given, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["directory_verified"] is False
    assert main(given) == 0
    assert capsys.readouterr().out.startswith("UNVERIFIED DIRECTORY (--directory)")


def test_route_refuses_a_database_that_is_not_one(tmp_path, capsys):
    fake = tmp_path / "directory.sqlite"
    fake.write_bytes(b"not a database at all" * 100)
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(BASE))
    code = main(["--directory", str(fake), "route", "--scenario", str(scenario)])
    assert code == 1
    assert "not a readable directory database" in capsys.readouterr().err


@pytest.mark.parametrize(
    "case", REFERENCE + REFERENCE_V2, ids=[c["name"] for c in REFERENCE + REFERENCE_V2]
)
def test_json_numbers_each_action_as_the_worker_sees_it(case, capsys):
    """The list keeps the policy's order; each action's number is the one on screen, in the
    copy summary and in the PDF: Now, then Today, then Offer, counted down the page."""
    if case["expect"]["exit_code"] != 0:
        return
    _, out, _ = route(capsys, case["scenario"], "--json")
    actions = json.loads(out)["actions"]
    order = {"now": 0, "today": 1, "offer": 2}
    shown = sorted(actions, key=lambda a: (order[a["group"]], actions.index(a)))
    assert [a["number"] for a in shown] == list(range(1, len(actions) + 1))
    _, text, _ = route(capsys, case["scenario"])
    for action in actions:
        assert f"{action['number']}. {action['title']}" in text


def test_the_form_lines_read_the_scenarios_answers_never_a_default_as_fact(capsys):
    """Headless, "police_aware": "not_known" read "Not ticked" (a tick box the window shows,
    none here), and a version-1 scenario lacking safe_tonight read "Somewhere safe tonight:
    Yes", an answer nobody gave (policy audit, 2026-12-07)."""
    (scenario,) = [c["scenario"] for c in REFERENCE if c["name"].startswith("adult DA, 15 yes")]
    assert "safe_tonight" not in scenario and "police_aware" not in scenario
    _, out, _ = route(capsys, scenario, "--json")
    lines = {line["item"]: line["answer"] for line in json.loads(out)["referral_details"]}
    assert lines["Somewhere safe tonight"] == "Not in the scenario (taken as Yes)"
    given = {**scenario, "police_aware": "not_known", "safe_tonight": "no", "about_abuser": []}
    _, out, _ = route(capsys, given)
    assert "Police already know (add the crime reference in the official form): Not known" in out
    assert "Somewhere safe tonight: No: they cannot go home safely" in out
    assert "works with children or adults at risk, or sees other children: None\n" in out


def test_route_says_what_the_window_says_of_a_directory_older_than_one_used_here(capsys):
    """A laptop whose window used directory 2099.1.1, gone from it: the window says
    "Numbers may be out of date"; `route` printed the older numbers unsaid (attack,
    2026-12-07). Said on standard error, and the profile only read: no file made."""
    from app.db.user_store import FILE_NAME, open_user_store
    from app.paths import user_data_folder
    from app.user_data import NEWEST_USED

    code, _, err = route(capsys, BASE)
    assert code == 0 and "out of date" not in err
    assert not (user_data_folder() / FILE_NAME).exists()  # route made no profile
    store = open_user_store()
    store.set_state(NEWEST_USED, "2099.1.1")
    store.close()
    code, out, err = route(capsys, BASE, "--json")
    assert code == 0 and json.loads(out)["actions"]
    assert "warning: Numbers may be out of date: this laptop used directory 2099.1.1" in err
