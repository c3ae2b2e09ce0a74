"""A working copy's hidden marks: the databases it holds, by content."""

import hashlib
from pathlib import Path
from types import SimpleNamespace

from app.db.copy_marks import (
    BEGUN_MARK,
    PUBLISHED_MARK,
    held_bundle,
    held_by,
    keeping_note,
    mark_begun,
    published_by,
)


def test_a_copy_begun_again_holds_its_new_start_alone(tmp_path):
    """A folder begun again kept the last copy's publishing mark, which vouched for an
    update the new copy never held (re-attack round, H249)."""
    copy = SimpleNamespace(folder=tmp_path)
    (tmp_path / PUBLISHED_MARK).write_text("a" * 64, "ascii")
    mark_begun(tmp_path, b"the directory in use")
    assert held_by(copy) == [hashlib.sha256(b"the directory in use").hexdigest()]
    assert published_by(copy) == ""


def test_every_database_a_mark_names_is_read_however_it_was_written(tmp_path):
    """A mark from before H243 has no newline between its hashes; the last one signed,
    recorded apart, is held too, once."""
    copy = SimpleNamespace(folder=tmp_path)
    (tmp_path / BEGUN_MARK).write_text("a" * 64 + "b" * 64, "ascii")
    (tmp_path / PUBLISHED_MARK).write_text("b" * 64 + "\n", "ascii")
    assert held_by(copy) == ["a" * 64, "b" * 64]
    (tmp_path / PUBLISHED_MARK).write_text("c" * 64, "ascii")
    assert held_by(copy) == ["a" * 64, "b" * 64, "c" * 64]
    (tmp_path / BEGUN_MARK).unlink()
    assert held_by(copy) == ["c" * 64]


def test_an_update_that_cannot_be_kept_whole_is_not_kept_at_all(tmp_path, monkeypatch):
    """Copied in place on a full disk, half a bundle stood for the update signed (third
    look at H454, R5): the copy keeps none, and its line is read from what is in sight.
    The disk fills as the copy is written (no full disk can be made here)."""
    import errno

    from app.db import copy_marks

    (tmp_path / "update.navdir").write_bytes(b"a signed update")
    mark_begun(tmp_path, b"the directory in use", tmp_path / "update.navdir")
    assert held_bundle(tmp_path)[0].read_bytes() == b"a signed update"

    def disk_full(source, target):
        Path(target).write_bytes(Path(source).read_bytes()[:5])
        raise OSError(errno.ENOSPC, "No space left on device")

    assert keeping_note(tmp_path, tmp_path / "update.navdir") == ""
    monkeypatch.setattr(copy_marks.shutil, "copyfile", disk_full)
    copy_marks._keep_held(tmp_path, tmp_path / "update.navdir")
    assert held_bundle(tmp_path) == []
    assert "could not keep a copy" in keeping_note(tmp_path, tmp_path / "update.navdir")
    assert sorted(p.name for p in tmp_path.iterdir()) == [BEGUN_MARK, "update.navdir"]
