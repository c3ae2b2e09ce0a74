"""The journal of unsaved edits: each window's lines are its own to save or discard."""

import shutil

import pytest

from app.db.edit_journal import AUTOSAVE
from app.db.working_copy import WorkingCopy, WorkingCopyError
from tests.conftest import REPO


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(REPO / "resources" / "services", tmp_path / "copy")
    return tmp_path / "copy"


def test_a_second_windows_edits_are_kept_when_the_first_saves(folder):
    """Two windows on one copy: the first's save deleted the journal, the second's edit
    with it, while the second was told "your edits are kept" (the lead's and IT's walk,
    2026-12-02)."""
    first, second = WorkingCopy.open(folder), WorkingCopy.open(folder)
    first.update("bcwa", {"hours": "9:00-17:00"})
    second.update("bswa", {"hours": "10:00-16:00"})
    first.save()
    with pytest.raises(WorkingCopyError, match="Your edits are kept"):
        second.save()
    assert second.unsaved and not first.unsaved  # the second window stays open on them
    again = WorkingCopy.open(folder)
    assert again.recovered
    assert again.service("bcwa")["hours"] == "9:00-17:00"  # saved by the first
    assert again.service("bswa")["hours"] == "10:00-16:00"  # brought back over it
    again.save()
    assert not (folder / AUTOSAVE).exists()  # brought back, then saved: its lines went


def test_discarding_in_one_window_leaves_the_others_edits(folder):
    first, second = WorkingCopy.open(folder), WorkingCopy.open(folder)
    first.update("bcwa", {"hours": "9:00-17:00"})
    second.update("bswa", {"hours": "10:00-16:00"})
    first.discard()
    again = WorkingCopy.open(folder)
    assert again.service("bswa")["hours"] == "10:00-16:00"
    assert again.service("bcwa")["hours"] != "9:00-17:00"


def test_a_line_written_before_lines_named_their_window_is_brought_back(folder):
    """A journal left by a crash of the app before this change still replays."""
    copy = WorkingCopy.open(folder)
    row = {**copy.service("bcwa"), "hours": "24/7"}
    import json

    (folder / AUTOSAVE).write_text("\n" + json.dumps({"rows": [row], "removed": []}) + "\n")
    again = WorkingCopy.open(folder)
    assert again.recovered and again.unsaved and again.service("bcwa")["hours"] == "24/7"
    again.discard()
    assert not (folder / AUTOSAVE).exists()


def test_unsaved_edits_survive_a_crash(folder):
    copy = WorkingCopy.open(folder)
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    copy.add({**copy.service("coventry-mash"), "id": "coventry-new", "name": "New"})
    copy.update("crasac", {"hours": "Mon-Fri"})
    copy.undo()  # the hours edit taken back
    copy.undo()  # and the added service
    copy.redo()  # the service again
    expected = [dict(r) for r in copy.rows]
    del copy  # the process dies here: never saved
    again = WorkingCopy.open(folder)
    assert again.recovered and again.rows == expected
    assert again.service("crasac")["hours"] == ""
    with (folder / AUTOSAVE).open("a") as journal:
        journal.write('{"rows": [{"id": "crasac", "ho')  # the crash cut the last line short
    after_crash = WorkingCopy.open(folder)
    assert after_crash.rows == expected and after_crash.unreadable_edits == 1
    after_crash.update("crasac", {"phone_note": "after the crash"})  # not swallowed
    assert WorkingCopy.open(folder).service("crasac")["phone_note"] == "after the crash"
    again = WorkingCopy.open(folder)
    again.save()
    assert not (folder / AUTOSAVE).exists() and not WorkingCopy.open(folder).recovered


def test_a_journal_cut_inside_a_character_keeps_the_edits_before_it(folder):
    """A crash inside a multi-byte character lost every unsaved edit, silently."""
    copy = WorkingCopy.open(folder)
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    with (folder / AUTOSAVE).open("ab") as journal:
        journal.write('\n{"rows": [{"id": "bcwa", "name": "caf\u00e9'.encode()[:-1])
    again = WorkingCopy.open(folder)
    assert again.recovered and again.row_of("coventry-mash")["phone"] == "024 7600 0000"
    assert again.unreadable_edits == 1
