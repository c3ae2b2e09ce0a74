"""What is in force: IT's policy read again while the app runs."""

import json

import pytest

from app.in_force import (
    PolicyReadsDifferently,
    locations_again,
    locations_in_force,
    published_here,
    trusted_keys_here,
)
from app.machine import machine_folders
from app.policy import load_policy


def test_a_policy_read_again_gives_its_folders_and_one_half_written_raises(app_home, tmp_path):
    policy_file = machine_folders().config / "policy.json"
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    share = tmp_path / "share"
    policy_file.write_text(json.dumps({"directory_update_folder": str(share)}))
    locate = locations_again(load_policy())
    assert locate().machine_updates == share
    policy_file.write_text('{"directory_update_folder": "')  # caught mid-write by IT's tool
    with pytest.raises(PolicyReadsDifferently):
        locate()
    policy_file.write_text(json.dumps({"directory_update_folder": str(tmp_path / "moved")}))
    assert locate().machine_updates == tmp_path / "moved"


def test_a_policy_file_gone_for_a_moment_withdraws_nothing(app_home, tmp_path):
    """IT's tool deletes the file and writes it anew: a check between the two took its keys
    and update folder as withdrawn until the next check (review 2026-12-01)."""
    policy_file = machine_folders().config / "policy.json"
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    policy_file.write_text(json.dumps({"directory_update_folder": str(tmp_path / "share")}))
    locate = locations_again(load_policy())
    policy_file.unlink()
    with pytest.raises(PolicyReadsDifferently, match="gone since it was read"):
        locate()
    policy_file.write_text(json.dumps({"directory_update_folder": str(tmp_path / "share")}))
    assert locate().machine_updates == tmp_path / "share"


def test_a_value_ignored_is_no_reason_to_keep_the_old_keys(app_home):
    """IT withdrew a key and added a setting this version does not know, in one edit: the
    withdrawal waited until the policy had no new problem."""
    policy_file = machine_folders().config / "policy.json"
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    policy_file.write_text(json.dumps({"trusted_keys": ["AAAA"]}))
    locate = locations_again(load_policy())
    policy_file.write_text(json.dumps({"trusted_keys": [], "a_setting_for_next_year": True}))
    assert locate().keys.policy == ()


def test_a_policy_file_first_deployed_while_the_app_runs_is_then_kept(app_home, tmp_path):
    """No policy at the start, IT's first arrives, then is deleted and written anew: a check
    between the two withdrew its keys and folder (review 2026-12-01)."""
    policy_file = machine_folders().config / "policy.json"
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    locate = locations_again(load_policy())
    policy_file.write_text(json.dumps({"directory_update_folder": str(tmp_path / "share")}))
    assert locate().machine_updates == tmp_path / "share"
    policy_file.unlink()
    with pytest.raises(PolicyReadsDifferently, match="gone since it was read"):
        locate()


def test_a_key_file_that_cannot_be_read_stops_no_publish(app_home, monkeypatch):
    """It stopped every publish and the maintenance window opening, though editing needs no
    key; for verifying, it is still said (review 2026-12-01). (A folder named .pub is no
    key file, and passed over, H338: this one cannot be read, as for another account.)"""
    from pathlib import Path

    keys = machine_folders().keys
    keys.mkdir(parents=True)
    broken = keys / "broken.pub"
    broken.write_text("{}")
    reading = Path.read_bytes

    def refused(path):
        if path == broken:  # root reads any file: the refusal another account meets
            raise PermissionError(13, "Permission denied", str(path))
        return reading(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(OSError):
        trusted_keys_here()
    assert published_here().keys == ()


def test_what_is_published_here_includes_its_update_folder_or_says_it_cannot_be_read(
    app_home, tmp_path
):
    """A second lead laptop that could not reach IT's share began its copy from the shipped
    directory and published over the first correction (review 2026-12-01)."""
    policy_file = machine_folders().config / "policy.json"
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    share = tmp_path / "share"
    policy_file.write_text(json.dumps({"directory_update_folder": str(share)}))
    assert published_here().unreachable == (
        f"IT's update folder {share} cannot be read from this computer"
    )
    share.mkdir()
    seen = published_here()
    assert seen.unreachable == "" and share in seen.folders
    # the lead's own ledger of what they published, beside their installed updates
    assert seen.ledger == locations_in_force().user_updates.parent / "published"
    policy_file.write_text(json.dumps({"directory_update_folder": str(share)}) + ",")
    assert published_here().unreachable.startswith("IT's policy file cannot be read")  # its
    # folder unknown: a publish then waited for nothing and undid a correction (round-4)


def test_an_unreadable_policy_is_named_as_why_its_keys_updates_are_refused(app_home, tmp_path):
    """A trailing comma dropped the policy and its trusted keys; the update's refusal told IT
    to "add their .pub key", which the policy already trusted (lead review 2026-12-01)."""
    from datetime import date

    from app.db import signing
    from app.db.bundle import publish
    from app.in_force import decide
    from tests.conftest import REPO

    pair = signing.generate(tmp_path / "lead")
    public = json.loads(pair.public_path.read_text())["public_key"]
    share = tmp_path / "share"
    publish(
        REPO / "resources" / "directory.sqlite", pair.private_path, share, "2026.12.3", date.today()
    )
    policy_file = machine_folders().config / "policy.json"
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    policy = {"directory_update_folder": str(share), "trusted_keys": [public]}
    policy_file.write_text(json.dumps(policy))
    assert decide().selection.version == "2026.12.3"
    policy_file.write_text(json.dumps(policy, indent=1)[:-2] + ",\n}")  # a trailing comma
    refused = decide().selection.refused
    assert refused and "IT's policy file cannot be read (above)" in refused[0]
    assert "add their .pub key" not in refused[0]


# an older or newer release's database: its rules name no National Domestic Abuse Helpline
# as a fallback, and it holds none; this release's rules do
WITHOUT_NDAH = (
    "UPDATE action_template SET fallback_service_ids = '[]' "
    "WHERE fallback_service_ids LIKE '%ndah%'",
    *(f"DELETE FROM {table} WHERE service_id = 'ndah'" for table in ("phone", "service_area")),
    "DELETE FROM attribute WHERE link_id = 'ndah'",
    "DELETE FROM service WHERE id = 'ndah'",
)
NO_999 = (  # a condition that can never hold: the 999 card never fires
    'UPDATE outcome_rule SET condition = \'{"all": [{"q": "age_group", "eq": "adult"}, '
    '{"q": "age_group", "eq": "16_17"}]}\' WHERE action_kind = \'emergency_999\''
)


def _signed_with_other_rules(tmp_path, where, lead, *statements):
    """A bundle signed by the lead whose database carries other rules than this release's
    (an older release's, or a file handed to the lead), with one service changed."""
    from datetime import date

    from app.db.bundle import publish
    from tests.conftest import shipped_changed

    database = shipped_changed(
        tmp_path / "other-rules.sqlite",
        "UPDATE content_meta SET value = '2025.9' WHERE key = 'pathway_version'",
        "UPDATE phone SET number = '024 7600 0000' WHERE service_id = 'coventry-mash'",
        *statements,
    )
    publish(database, lead.private_path, where.machine_updates, "2026.12.9", date.today())


def test_an_update_brings_services_and_the_release_keeps_its_rules(it, tmp_path, graph):
    """A lead's routine update made on a laptop a release behind put that release's rules
    back on every laptop, and a signed database whose 999 rule could never hold passed every
    check: the rules are the release's, the services the update's (attack, 2026-12-04; H345)."""
    from app.db.directories import select_directory
    from app.in_force import InForce, graph_in_force
    from app.pathways.engine import Pathway
    from app.policy import MachinePolicy

    where, lead = it
    _signed_with_other_rules(tmp_path, where, lead, NO_999)
    in_force = InForce(select_directory(where), MachinePolicy())
    assert (in_force.selection.origin, in_force.selection.version) == ("machine", "2026.12.9")
    used = graph_in_force(in_force)
    assert used.services["coventry-mash"].phone == "024 7600 0000"
    assert (used.pathway_version, used.directory_version) == (graph.pathway_version, "2026.12.9")
    assert used.rules == graph.rules
    danger = {"tier": 1, "immediate_danger": True}
    assert Pathway(used).interruption("immediate_danger", danger).kind == "emergency_999"


def test_an_update_that_cannot_serve_the_release_rules_is_refused(it, tmp_path):
    """The release's rules name fallback services: an update without one would leave a plan
    with nothing to ring, so the release's own directory stays in use (H345)."""
    from app.db.directories import select_directory

    where, lead = it
    _signed_with_other_rules(tmp_path, where, lead, *WITHOUT_NDAH)
    chosen = select_directory(where)
    assert chosen.origin == "shipped"
    assert any("do not serve this app's pathway" in r for r in chosen.refused)


def test_a_correction_signed_on_a_newer_release_is_used_under_this_ones_rules(it, tmp_path):
    """An update's own rules were still checked, though never used: a correction signed on a
    newer release, whose rules hold a condition this app cannot read, was refused on every
    laptop a release behind until it was upgraded (attack, 2026-12-04; H345)."""
    from app.db.directories import select_directory
    from app.in_force import InForce, graph_in_force
    from app.policy import MachinePolicy
    from tests.conftest import shipped_changed
    from tests.security.attacks import signed_bundle

    where, lead = it
    newer = shipped_changed(
        tmp_path / "newer-release.sqlite",
        "UPDATE content_meta SET value = '2026.12.8' WHERE key = 'directory_version'",
        'UPDATE named_condition SET condition = \'{"q": "abuse_types", "has_none": []}\' '
        "WHERE id = 'sexual_abuse'",
        # a page's member with a field this app's reader does not know
        'UPDATE question_page SET members = \'[{"question": "tier", "shown": 1}]\'',
        "UPDATE phone SET number = '024 7600 0000' WHERE service_id = 'coventry-mash'",
    )
    signed_bundle(newer, lead, where.machine_updates / "directory-2026.12.8.navdir", "2026.12.8")
    in_force = InForce(select_directory(where), MachinePolicy())
    assert (in_force.selection.version, in_force.selection.refused) == ("2026.12.8", [])
    assert graph_in_force(in_force).services["coventry-mash"].phone == "024 7600 0000"


def test_without_the_apps_own_directory_an_updates_rules_never_stand_in(it, tmp_path):
    """With the directory installed with the app refused (altered, or locked for a moment),
    the update's own rules were used: a signed update whose 999 rule could never hold was
    the plan again (re-attack, 2026-12-04; H345). No plan is made from them."""
    from app.db.directories import select_directory
    from app.db.loader import DirectoryError
    from app.in_force import InForce, graph_in_force
    from app.policy import MachinePolicy

    where, lead = it
    _signed_with_other_rules(tmp_path, where, lead, NO_999)
    where.shipped.with_name("directory.sqlite.sha256").write_text("0" * 64)
    in_force = InForce(select_directory(where), MachinePolicy())
    assert in_force.selection.origin == "machine" and in_force.selection.release is None
    with pytest.raises(DirectoryError, match="could not be checked, so the rules"):
        graph_in_force(in_force)


def test_a_kind_this_release_knows_keeps_its_words_whatever_an_update_says(it, tmp_path):
    """Swapped in an update, the labels of the children's and adults' front doors sent the
    Directory tab's filter to the wrong one (re-attack, 2026-12-04; H358). A kind the
    release does not know keeps the update's words."""
    from app.db.directories import select_directory
    from app.in_force import InForce, graph_in_force
    from app.policy import MachinePolicy

    where, lead = it
    _signed_with_other_rules(
        tmp_path,
        where,
        lead,
        "UPDATE taxonomy_term SET name = 'Adult safeguarding' WHERE code = 'mash_children'",
        "INSERT INTO taxonomy_term VALUES ('navigator_service_kind/new_kind', 'new_kind', "
        "'A kind the lead added', '', 'navigator_service_kind')",
    )
    labels = graph_in_force(InForce(select_directory(where), MachinePolicy())).kind_labels
    assert labels["mash_children"] != "Adult safeguarding"
    assert labels["new_kind"] == "A kind the lead added"


def test_an_update_narrowing_a_fallback_to_one_borough_is_refused(it, tmp_path):
    """The National Domestic Abuse Helpline, active and numbered but for Coventry only: a
    Dudley plan's helpline card showed no number at all (re-attack, 2026-12-04; H359)."""
    from app.db.directories import select_directory
    from tests.conftest import shipped_changed
    from tests.security.attacks import signed_bundle

    where, lead = it
    narrowed = shipped_changed(
        tmp_path / "narrowed.sqlite",
        "UPDATE service_area SET name = 'coventry' WHERE service_id = 'ndah'",
        "UPDATE content_meta SET value = '2026.12.9' WHERE key = 'directory_version'",
    )  # signed by a release before this rule, whose publish did not refuse it
    signed_bundle(narrowed, lead, where.machine_updates / "directory-2026.12.9.navdir", "2026.12.9")
    chosen = select_directory(where)
    assert chosen.origin == "shipped"
    assert any("'ndah' must serve the whole region or the country" in r for r in chosen.refused)


@pytest.mark.parametrize(
    "narrowing",
    [
        "UPDATE service SET minimum_age = 25 WHERE id = 'ndah'",
        "UPDATE service SET audience = 'lgbtq' WHERE id = 'ndah'",
    ],
)
def test_an_update_keeping_a_fallback_for_fewer_people_is_refused(it, tmp_path, narrowing):
    """The National Domestic Abuse Helpline from 25, or for LGBTQ+ people only: every
    adult's helpline card had no number (re-attack, 2026-12-04; H370)."""
    from app.db.directories import select_directory
    from tests.conftest import shipped_changed
    from tests.security.attacks import signed_bundle

    where, lead = it
    narrowed = shipped_changed(
        tmp_path / "narrowed.sqlite",
        narrowing,
        "UPDATE content_meta SET value = '2026.12.9' WHERE key = 'directory_version'",
    )
    signed_bundle(narrowed, lead, where.machine_updates / "directory-2026.12.9.navdir", "2026.12.9")
    chosen = select_directory(where)
    assert chosen.origin == "shipped"
    assert any(
        "'ndah' must serve everyone this app's release holds it for" in r for r in chosen.refused
    )


def test_a_group_policy_refresh_read_mid_way_withdraws_nothing(app_home, tmp_path, monkeypatch):
    """IT's keys and folder set by Group Policy: a check landing while a refresh deleted and
    wrote the values anew, or with the key unreadable for a moment, read them as withdrawn,
    and the laptop went back to the old numbers (attack F18b)."""
    import app.policy as policy

    given = {"directory_update_folder": str(tmp_path / "share")}
    now = {"values": given}

    def read_registry():
        if now["values"] is None:  # the key there, unreadable for a moment
            raise policy.RegistryUnread(5, "Access is denied")
        return dict(now["values"])

    monkeypatch.setattr(policy, "read_registry", read_registry)
    locate = locations_again(load_policy())
    assert locate().machine_updates == tmp_path / "share"
    now["values"] = {}  # deleted by the refresh, not yet written again
    with pytest.raises(PolicyReadsDifferently, match="gone from policy registry key"):
        locate()
    now["values"] = None
    with pytest.raises(PolicyReadsDifferently, match="cannot be read whole"):
        locate()
    assert load_policy().unread == [
        r"policy registry key HKLM\SOFTWARE\Policies\Navigator cannot be read whole "
        "(Access is denied)"
    ]
    now["values"] = given
    assert locate().machine_updates == tmp_path / "share"
