"""What is in force: IT's policy read again while the app runs."""

import json

import pytest

from app.in_force import PolicyReadsDifferently, locations_again
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
    with pytest.raises(PolicyReadsDifferently, match="gone since the start"):
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
