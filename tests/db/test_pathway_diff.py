"""What changed in the pathway between two directories: every item named, with its new
words and every other value changed, old and new."""

import json

from app.db.directory_diff import compare
from app.db.loader import load_graph, load_valid_graph
from app.pathways.validate import validate
from tests.conftest import shipped_changed


def graph_rule(graph, action_kind, rule_id):
    (rule,) = (r for r in graph.rules if r.action_kind == action_kind and r.id == rule_id)
    return rule


def test_a_change_to_the_pathways_words_is_shown_even_with_its_version_unchanged(graph, tmp_path):
    """A card's words changed in a database handed to the lead: "no change to any service"
    would have let it be signed unseen."""
    copy = shipped_changed(
        tmp_path / "colleague.sqlite",
        "UPDATE action_template SET say = replace(say, 'call 999', 'call 998') "
        "WHERE kind = 'urgent_medical_check'",
        "UPDATE guidance SET text = 'Meet them together.' WHERE id = 'no_joint_meetings'",
    )
    diff = compare(graph, load_valid_graph(copy))
    assert not diff.empty
    assert diff.summary() == (
        f"the pathway's rules or words changed (2 items) with its version "
        f"{graph.pathway_version} unchanged"
    )
    said = graph.actions["urgent_medical_check"].say
    meet = next(g.text for g in graph.guidance if g.id == "no_joint_meetings")
    card = said.replace("call 999", "call 998")
    assert diff.lines()[1:] == [  # and its words, old and new: a number in words shows there
        f'pathway changed: card urgent_medical_check\n    say: "{said}" → "{card}"',
        "pathway changed: guidance reminder no_joint_meetings\n"
        f'    text: "{meet}" → "Meet them together."',
    ]


def test_a_value_that_reads_like_words_is_shown_old_and_new(graph, tmp_path):
    """ "under_16" taken out of the condition under_18 (a value not read as an id) showed
    as "condition under_18" alone, and a child under 16 lost the front-door referral."""
    copy = shipped_changed(
        tmp_path / "colleague.sqlite",
        "UPDATE named_condition SET condition = replace(condition, '\"under_16\"', '\"16_17\"') "
        "WHERE id = 'under_18'",
    )
    (item,) = compare(graph, load_valid_graph(copy)).pathway_items
    assert item.startswith("condition under_18\n    ")
    assert '"under_16" → "16_17"' in item


def test_a_rule_whose_id_another_action_shares_is_named_by_both(graph, tmp_path):
    """R6 is MARAC's and the IDVA's: a changed IDVA R6 (dropping the IDVA at tier 2) showed
    as no change at all."""
    copy = shipped_changed(
        tmp_path / "signed-by-mistake.sqlite",
        'UPDATE outcome_rule SET condition = \'{"q": "tier", "eq": 1}\' '
        "WHERE action_kind = 'idva_referral' AND id = 'R6'",
    )
    diff = compare(graph, load_valid_graph(copy))
    assert diff.pathway_items == (
        "rule idva_referral R6\n    when: "
        f"{json.dumps(graph_rule(graph, 'idva_referral', 'R6').when, sort_keys=True)}"
        ' → {"eq": 1, "q": "tier"}',
    )


def test_a_setting_changed_is_shown_with_its_values_and_refused_beyond_its_limits(graph, tmp_path):
    """A received directory set the Dash threshold to 25 and the check months to 600: the
    diff said only "settings", every check passed, and 15 'yes' answers were no longer high
    risk (no MARAC, no IDVA) (review 2026-12-01)."""
    copy = shipped_changed(
        tmp_path / "colleague.sqlite",
        "UPDATE setting SET value = '25' WHERE key = 'dash_high_risk_threshold'",
        "UPDATE setting SET value = '600' WHERE key = 'assured_within_months'",
    )
    changed = load_graph(copy)
    assert compare(graph, changed).pathway_items == (
        "settings\n    dash_high_risk_threshold: 14 → 25\n    assured_within_months: 12 → 600",
    )
    assert validate(changed) == [
        "setting dash_high_risk_threshold = 25: allowed 1 to 14 "
        "(national: SafeLives Marac criteria, 14 'yes')",
        "setting assured_within_months = 600: allowed 1 to 12 "
        "(a service checked within the last year)",
    ]


def test_rules_moved_are_shown_in_their_new_order(graph, tmp_path):
    """The first rule that holds gives a card its title and group: the urgent SARC's rule
    moved after the offer's (with changes that read as defaults) put a sexual assault of
    this week under "Offer", and the diff showed no move (review 2026-12-01)."""
    copy = shipped_changed(
        tmp_path / "colleague.sqlite",
        "UPDATE outcome_rule SET ordinal = 1 - ordinal WHERE action_kind = 'sarc_referral'",
    )
    assert compare(graph, load_valid_graph(copy)).pathway_items == (
        "the order of the rules: now sarc_referral R10, sarc_referral R10-urgent "
        "(was sarc_referral R10-urgent, sarc_referral R10)",
    )
