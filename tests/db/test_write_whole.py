"""A bundle is written whole or not at all, never over another of its name."""

import pytest

from app.db.checks import Refused
from app.db.write_whole import write_new


def test_a_bundle_is_written_whole_and_never_over_another_of_its_name(tmp_path):
    target = tmp_path / "directory-2026.12.6.navdir"
    write_new(target, b"the lead's bundle")
    assert target.read_bytes() == b"the lead's bundle"
    with pytest.raises(Refused, match="written by someone else a moment ago"):
        write_new(target, b"a second lead's, the same second")
    assert target.read_bytes() == b"the lead's bundle"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no partial file left


def test_a_folder_that_cannot_be_written_is_said_as_what_to_do(tmp_path):
    with pytest.raises(Refused, match=r"could not be written to .*nowhere.*choose a folder"):
        write_new(tmp_path / "nowhere" / "directory-2026.12.6.navdir", b"x" * 2048)
