"""Machine policy: precedence policy > user > default, safe limits on pathway thresholds,
bad values named, and locked values shown locked."""

import json
from pathlib import Path

import pytest

from app.db.directories import default_locations
from app.db.user_store import open_user_store
from app.event_log import EventLog
from app.policy import check_policy, from_registry, known_key, load_policy
from app.settings import UserSettings
from app.user_data import UserData


@pytest.fixture
def user_data(tmp_path, graph):
    data = UserData(open_user_store(tmp_path / "user"), graph)
    yield data
    data.store.close()


def test_policy_beats_the_user_which_beats_the_default(user_data):
    user_data.save_settings(UserSettings(tier=2, default_borough="dudley", text_size=14))
    settings, problems = user_data.load_settings({"tier": 1, "organisation": "Walsall Council"})
    assert problems == []
    assert settings.tier == 1 and settings.organisation == "Walsall Council"  # policy
    assert settings.default_borough == "dudley" and settings.text_size == 14  # user
    assert settings.inactivity_minutes == UserSettings().inactivity_minutes  # default
    assert settings.locked == {"tier", "organisation"}


def test_values_fixed_by_policy_are_not_saved_as_the_workers_own(user_data):
    settings, _ = user_data.load_settings({"tier": 1})
    user_data.save_settings(settings)
    assert "tier" not in user_data.store.settings()
    assert user_data.load_settings()[0].tier == UserSettings().tier  # policy gone: default


def test_the_registry_beats_the_policy_file(tmp_path):
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(json.dumps({"tier": 2, "inactivity_minutes": 5}))
    policy = load_policy(policy_file, registry=lambda: {"tier": 1})
    assert policy.user == {"tier": 1, "inactivity_minutes": 5} and policy.problems == ()
    # however the file writes the key: "Allow_Exports" read after allow_exports beat it
    # (verifier, 2026-12-07)
    given = {"directory_update_folder": "/srv/old", "Directory-Update-Folder": "/srv/older"}
    policy_file.write_text(json.dumps({**given, "allow_exports": False, "Allow_Exports": True}))
    registry = {"directory_update_folder": "/srv/gpo", "allow_exports": False}
    policy = load_policy(policy_file, registry=lambda: registry)
    assert policy.update_folder == Path("/srv/gpo") and policy.allow_exports is False


def test_thresholds_may_only_move_towards_more_protection():
    policy = check_policy(
        {"escalation_incidents": 2, "sarc_window_days": 28, "sarc_urgent_days": 3}
    )
    assert policy.pathway == {"escalation_incidents": 2, "sarc_window_days": 28}
    (problem,) = policy.problems
    assert (
        "sarc_urgent_days = 3" in problem
        and "7 to 21" in problem
        and "NHS SARC guidance" in problem
    )
    raised = check_policy({"escalation_incidents": 5})
    assert raised.pathway == {} and "SafeLives" in raised.problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "is not valid JSON (Expecting property name enclosed in double quotes"),
        ("[1, 2]", "one JSON object"),
        ('{"colour": "red"}', "known keys: organisation"),
        ('{"tier": 7}', "policy tier = 7 ignored; allowed: 1 or 2"),
    ],
)
def test_bad_policy_is_named_and_ignored(tmp_path, text, expected):
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(text)
    policy = load_policy(policy_file, registry=dict)
    assert any(expected in problem for problem in policy.problems), policy.problems
    assert policy.user == {}


def test_one_bad_value_is_ignored_by_name_and_the_rest_applies(tmp_path):
    """A 5,000-digit number stopped Navigator starting; a relative folder was read from
    wherever the app was started; a key given twice, the last silently won; 0 and 1, as the
    IT guide's table has them, were ignored (reviews 2026-12-01)."""
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(
        '{"inactivity_minutes": ' + "9" * 5000 + ', "tier": 2, "tier": 1, '
        '"directory_update_folder": "updates", "allow_exports": 0, "record_activity": 1}'
    )
    policy = load_policy(policy_file, registry=dict)
    assert policy.user == {"tier": 1, "record_activity": True}
    assert policy.allow_exports is False and policy.update_folder is None
    said = "\n".join(policy.problems)
    assert "policy inactivity_minutes = '99999" in said and "allowed: a whole number" in said
    assert "policy tier is given more than once; the last is used" in said
    assert "policy directory_update_folder = 'updates' ignored; a full folder path" in said


def test_registry_dwords_become_true_or_false_for_the_counts_switch():
    assert from_registry("record_activity", 0, is_dword=True) is False
    assert from_registry("record_activity", 1, is_dword=True) is True
    assert from_registry("tier", 1, is_dword=True) == 1
    assert from_registry("organisation", "Dudley", is_dword=False) == "Dudley"


def test_a_key_written_in_another_case_or_with_hyphens_is_used_and_named():
    """ "Directory_Update_Folder" was ignored as unknown: new laptops never looked in IT's
    folder, and the worker was told nothing (attack, 2026-12-07). Used, and named to IT."""
    policy = check_policy({"Directory_Update_Folder": "/srv/nav", " allow-exports ": False})
    assert policy.update_folder == Path("/srv/nav") and policy.allow_exports is False
    assert "policy 'Directory_Update_Folder' read as directory_update_folder: write it " in (
        " ".join(policy.problems)
    )
    assert known_key("TRUSTED_KEYS", exact_case=True) == "trusted_keys"  # a registry name
    pasted = "directory_\u00adupdate_folder\u200b"  # a soft hyphen, a zero-width space
    assert known_key(pasted) == "directory_update_folder"
    assert known_key("trusted-keys", exact_case=True) is None and known_key("update_folder") is None


def test_a_folder_no_system_can_name_is_ignored_by_name():
    """A NUL or a lone surrogate in the update folder stopped every start with "could not
    start (ValueError: embedded null byte)", the page telling IT to reinstall (attack)."""
    for value in ("/srv/nav\x00", "/srv/nav\ud800"):
        policy = check_policy({"directory_update_folder": value})
        assert policy.update_folder is None
        assert policy.problems[0].endswith("ignored; a full folder path")


def test_the_update_folder_from_policy_is_the_machine_folder(tmp_path):
    policy = check_policy({"directory_update_folder": str(tmp_path / "updates")})
    assert default_locations(policy.update_folder).machine_updates == tmp_path / "updates"


def test_the_window_shows_policy_values_locked_and_uses_its_thresholds(
    qtbot, app_home, monkeypatch, tmp_path
):
    from app.ui.application import open_window

    site = tmp_path / "machine"
    site.mkdir()
    (site / "policy.json").write_text(
        json.dumps({"tier": 1, "inactivity_minutes": 5, "escalation_incidents": 2, "x": 1})
    )
    monkeypatch.setenv("NAVIGATOR_MACHINE_FOLDER", str(site))
    log = EventLog(tmp_path / "log")
    window = open_window(None, log)
    qtbot.addWidget(window)
    tab = window.settings_tab
    assert not tab.tier.isEnabled() and not tab.inactivity.isEnabled()
    assert tab.borough.isEnabled() and tab.organisation.isEnabled()
    assert tab.tier.currentData() == 1 and window.guard.idle_ms == 5 * 60_000
    assert window.session.settings.escalation_incidents == 2
    assert window.session.answers["tier"] == 1
    assert any("policy x = 1 ignored" in note for note in window.start_notes)
    assert "policy x = 1 ignored" in log.path.read_text(encoding="utf-8")


def test_trusted_keys_and_the_exports_switch_are_read_and_checked(tmp_path):
    from app.db import signing

    pair = signing.generate(tmp_path / "k")
    public = json.loads(pair.public_path.read_text())["public_key"]
    policy = check_policy({"trusted_keys": [public, "not a key"], "allow_exports": False})
    assert policy.trusted_keys == (public,) and policy.allow_exports is False
    (problem,) = policy.problems
    assert "'not a key'" in problem and "base64 public keys" in problem
    (problem,) = check_policy({"trusted_keys": "abc"}).problems  # one key, not in a list
    assert problem.startswith("policy trusted_keys: 'abc' ignored")
    assert check_policy({"trusted_keys": public}).trusted_keys == (public,)
    assert check_policy({"allow_exports": "no"}).allow_exports is True
    assert "true or false" in check_policy({"allow_exports": "no"}).problems[0]
    assert from_registry("allow_exports", 0, is_dword=True) is False


def test_directory_maintenance_is_off_unless_it_turns_it_on():
    assert check_policy({}).allow_directory_maintenance is False
    assert check_policy({"allow_directory_maintenance": True}).allow_directory_maintenance
    wrong = check_policy({"allow_directory_maintenance": "yes"})
    assert wrong.allow_directory_maintenance is False
    assert "domestic abuse lead's laptop" in wrong.problems[0]
    assert from_registry("allow_directory_maintenance", 1, is_dword=True) is True


def test_practice_is_on_unless_it_turns_it_off():
    assert check_policy({}).allow_practice is True
    assert check_policy({"allow_practice": False}).allow_practice is False
    wrong = check_policy({"allow_practice": "off"})
    assert wrong.allow_practice is True
    assert "the Practice tab" in wrong.problems[0]
    assert from_registry("allow_practice", 0, is_dword=True) is False


def test_a_policy_file_any_user_may_write_decides_no_trusted_key_or_update_folder(tmp_path):
    """A policy.json writable by every account let a worker's colleague add their own key
    and update folder: their directory was used, and the self-test passed (IT review
    2026-12-01). Those two are ignored, and said; the rest (what IT locks down) applies."""
    import os

    if os.name == "nt":
        pytest.skip("Windows: the MSI's ACL guards the folder")
    from app.db import signing

    pair = signing.generate(tmp_path / "k")
    public = json.loads(pair.public_path.read_text())["public_key"]
    policy = tmp_path / "policy.json"
    values = {"trusted_keys": [public], "directory_update_folder": str(tmp_path), "tier": 1}
    policy.write_text(json.dumps(values))
    policy.chmod(0o666)
    loaded = load_policy(policy, registry=dict)
    assert loaded.trusted_keys == () and loaded.update_folder is None
    assert loaded.user == {"tier": 1}
    assert "directory_update_folder and trusted_keys are ignored" in loaded.problems[0]
    # nor written in another case, now read as the key it means (review, 2026-12-07)
    policy.write_text(json.dumps({"Trusted_Keys": [public], "Directory-Update-Folder": "/t"}))
    loaded = load_policy(policy, registry=dict)
    assert loaded.trusted_keys == () and loaded.update_folder is None
    policy.chmod(0o644)
    assert load_policy(policy, registry=dict).trusted_keys == (public,)
