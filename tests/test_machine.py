"""Whether a file IT places could be another account's doing (POSIX; Windows has the MSI's
ACL): owned by root or this user, and writable by no one else."""

import os

import pytest

from app.machine import others_could_change

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows: the MSI's ACL guards it")


def test_a_file_only_its_owner_may_write_is_its_owners(tmp_path):
    policy = tmp_path / "policy.json"
    policy.write_text("{}")
    policy.chmod(0o644)
    assert others_could_change(policy) == ""
    policy.chmod(0o666)
    assert "can be changed by other accounts (mode 666)" in others_could_change(policy)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_a_file_of_another_account_is_named(tmp_path):
    key = tmp_path / "zz.pub"
    key.write_text("{}")
    os.chown(key, 65534, 65534)  # nobody's
    assert others_could_change(key) == "belongs to another account (user id 65534)"
