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
