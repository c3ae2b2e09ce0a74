"""The app's own directory is used only as installed, its .sha256 beside it."""

import os
import sys
import threading

import pytest

from app.db.checks import Refused
from app.db.shipped_check import check_shipped


def record_of(where):
    return where.shipped.with_name(where.shipped.name + ".sha256")


def test_the_directory_as_installed_passes(where):
    assert check_shipped(where.shipped, where.shipped.read_bytes()) is None


def test_a_directory_altered_by_one_byte_is_refused(where):
    data = bytearray(where.shipped.read_bytes())
    data[len(data) // 2] ^= 1
    with pytest.raises(Refused, match="altered since it was installed"):
        check_shipped(where.shipped, bytes(data))


@pytest.mark.parametrize("text", [b"", b"\xff\xfe", b"   \n"])
def test_a_record_that_says_nothing_is_refused_in_words(where, text):
    record_of(where).write_bytes(text)
    with pytest.raises(Refused, match=r"has no readable \.sha256 beside it"):
        check_shipped(where.shipped, where.shipped.read_bytes())


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.skipif(os.name == "nt", reason="Windows: the MSI's ACL guards the folder")
def test_a_record_gone_is_refused_in_words(where, monkeypatch, frozen):
    """Quarantined by a virus scanner, the .sha256 beside the installed app's directory gave
    "FileNotFoundError" at start, and "Something unexpected went wrong" at every check
    (attack, 2026-12-05; H445)."""
    monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    record_of(where).unlink()
    with pytest.raises(Refused) as refused:
        check_shipped(where.shipped, where.shipped.read_bytes())
    assert str(refused.value) == f"{where.shipped} has no readable .sha256 beside it"


def test_a_record_unreadable_for_a_moment_is_read_once_more(where):
    """Its .sha256 beside it, locked for a moment at start as the directory may be, gave a
    whole session on last-resort numbers (re-attack, 2026-12-04; H364). Here the name is
    there and reads nothing until its file is written a moment later."""
    record = record_of(where)
    text = record.read_bytes()
    later = record.with_name("written-later.sha256")
    record.unlink()
    record.symlink_to(later)
    timer = threading.Timer(0.05, later.write_bytes, [text])
    timer.start()
    try:
        assert check_shipped(where.shipped, where.shipped.read_bytes()) is None
    finally:
        timer.join()
