"""The working copy: edits as readable diffs, undo and redo, retire not delete, checks that
clear "check before use" only when a person confirmed, and nothing lost in a crash."""

import csv
import shutil
from datetime import date, timedelta

import pytest

from app.db.edit_journal import unsaved_journals
from app.db.working_copy import AUTOSAVE, WorkingCopy, WorkingCopyError
from tests.conftest import REPO


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(REPO / "resources" / "services", tmp_path / "copy")
    return tmp_path / "copy"


def test_an_edit_saves_as_a_one_line_diff(folder):
    before = (folder / "services.csv").read_text().splitlines()
    copy = WorkingCopy.open(folder)
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    copy.save()
    after = (folder / "services.csv").read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and "024 7600 0000" in changed[0][1]
    assert not unsaved_journals(folder)


def test_undo_and_redo_walk_the_edits(folder):
    copy = WorkingCopy.open(folder)
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    copy.update("coventry-mash", {"hours": "Mon-Fri 9-5"})
    assert copy.undo() and copy.service("coventry-mash")["hours"] == ""
    assert copy.undo() and copy.service("coventry-mash")["phone"] == "024 7678 8555"
    assert not copy.undo()
    assert copy.redo() and copy.service("coventry-mash")["phone"] == "024 7600 0000"
    copy.add({**copy.service("coventry-mash"), "id": "coventry-new", "name": "New"})
    assert not copy.redo()  # a new edit ends the redo history


def test_retired_not_deleted_and_fallbacks_never_retired(folder):
    copy = WorkingCopy.open(folder, protected=frozenset({"ndah"}))
    copy.retire("crasac")
    assert copy.service("crasac")["status"] == "retired"
    with pytest.raises(WorkingCopyError, match="a pathway fallback names it"):
        copy.retire("ndah")
    with pytest.raises(WorkingCopyError, match="already used"):
        copy.add({"id": "crasac", "name": "Again"})
    with pytest.raises(WorkingCopyError, match="lower-case letters"):
        copy.add({"id": "Bad Id", "name": "x"})
    with pytest.raises(WorkingCopyError, match="never changes"):
        copy.update("crasac", {"id": "crasac-2"})


def test_marking_checked_records_who_how_and_when(folder):
    copy = WorkingCopy.open(folder)
    day = date.today() - timedelta(days=2)
    copy.mark_checked("coventry-mash", "phoned", "DA co-ordinator", day)
    row = copy.service("coventry-mash")
    assert (row["assured_date"], row["assured_method"], row["assured_by"]) == (
        day.isoformat(),
        "phoned",
        "DA co-ordinator",
    )
    copy.mark_checked("crasac", "web", "DA co-ordinator", day, "https://crasac.org.uk/contact")
    row = copy.service("crasac")
    assert row["assured_date"] == "" and row["source"] == "https://crasac.org.uk/contact"
    assert row["source_seen"] == day.isoformat()
    for args, message in [
        (("guessed", "lead", day), "one of phoned, provider, web"),
        (("phoned", " ", day), "a role is enough"),
        # and the day this computer takes as today: a lead's clock behind (verifier, 12-07)
        (("phoned", "lead", date.today() + timedelta(days=1)), "in the future; today on this"),
        (("web", "lead", day, "http://x"), "https://"),
        # written raw into the services.csv the lead opens in Excel (attack review)
        (("phoned", "=HYPERLINK(1)", day), "not starting with = @ \\+ -"),
    ]:
        with pytest.raises(WorkingCopyError, match=message):
            copy.mark_checked("coventry-mash", *args)


def test_a_number_that_cannot_be_rung_cannot_be_confirmed(folder):
    """check-service "confirmed" 3005552867 (Excel's lost 0), then publish refused the
    number (the lead's walk, 2026-12-06). A person cannot have rung it as written."""
    copy = WorkingCopy.open(folder)
    copy.update("walsall-mast", {"phone": "3005552867"})
    with pytest.raises(WorkingCopyError, match=r"walsall-mast: '3005552867' is not a UK phone"):
        copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())
    assert copy.service("walsall-mast")["assured_date"] != date.today().isoformat()
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())


def test_a_number_spaced_another_way_keeps_its_check(folder):
    """ "02476788555", tidied to "024 7678 8555" in the window, cleared the person's check
    with nothing said (attack review 2026-12-01); a changed note clears it (it holds
    numbers)."""
    copy = WorkingCopy.open(folder)
    day = date.today() - timedelta(days=1)
    copy.update("coventry-mash", {"phone": "02476788555"})
    copy.mark_checked("coventry-mash", "phoned", "DA lead", day)
    copy.update("coventry-mash", {"phone": "024 7678 8555"})
    assert copy.service("coventry-mash")["assured_date"] == day.isoformat()
    copy.update("coventry-mash", {"phone_note": "Out of hours: 024 7683 9999"})
    assert copy.service("coventry-mash")["assured_date"] == ""
    copy.mark_checked("coventry-mash", "phoned", "DA lead", day)
    copy.update("coventry-mash", {"phone_note": "Out of hours: 02476839999"})  # the note's too
    assert copy.service("coventry-mash")["assured_date"] == day.isoformat()


def test_what_is_not_a_working_copy_is_named(tmp_path):
    with pytest.raises(WorkingCopyError, match="not a directory working copy"):
        WorkingCopy.open(tmp_path)


def test_a_line_made_open_24_7_is_unconfirmed_again(folder):
    """H405: a person's check of a daytime line does not confirm anyone answers at night."""
    copy = WorkingCopy.open(folder)
    day = date.today() - timedelta(days=1)
    copy.mark_checked("coventry-safe-to-talk", "phoned", "DA lead", day)
    copy.update("coventry-safe-to-talk", {"hours": "Mon-Fri 8:30-20:30"})
    assert copy.service("coventry-safe-to-talk")["assured_date"] == day.isoformat()
    copy.update("coventry-safe-to-talk", {"open_24_7": "yes", "hours": "24/7"})
    assert copy.service("coventry-safe-to-talk")["assured_date"] == ""


def test_a_copy_saved_by_excel_keeps_its_checks(folder):
    """Opened and saved in Excel, days checked read 24/11/2026 and "phoned " kept its
    space: every check was refused at publish; plain "CSV" was a codec error with no
    advice (lead review 2026-12-01)."""
    table = folder / "services.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    (row,) = (r for r in records if r["id"] == "ndah")
    row.update(assured_date="24/11/2026", assured_method="phoned ", assured_by="DA lead")
    row["name"] += "  "
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    copy = WorkingCopy.open(folder)
    assert (copy.service("ndah")["assured_date"], copy.service("ndah")["assured_method"]) == (
        "2026-11-24",
        "phoned",
    )
    assert copy.service("ndah")["name"] == "National Domestic Abuse Helpline"
    table.write_bytes(table.read_text(encoding="utf-8").replace("-", "\u2013").encode("cp1252"))
    with pytest.raises(WorkingCopyError) as refused:
        WorkingCopy.open(folder)
    # the file and its line named (it said "a file" and a byte offset: the lead's walk, 12-07)
    line = next(n for n, text in enumerate(table.read_bytes().splitlines(), 1) if b"\x96" in text)
    assert f"{table} is not UTF-8 text (line {line}: " in str(refused.value)
    assert 'save it as "CSV UTF-8 (Comma delimited)"' in str(refused.value)


def test_a_save_never_overwrites_a_change_made_on_disk_meanwhile(folder):
    window = WorkingCopy.open(folder)
    window.update("bcwa", {"hours": "Mon-Fri"})
    other = WorkingCopy.open(folder)  # e.g. check-service, with the window still open
    other.mark_checked("galop", "phoned", "DA lead", date.today())
    other.save()
    with pytest.raises(WorkingCopyError, match="was changed since this copy was opened"):
        window.save()
    reopened = WorkingCopy.open(folder)  # the window's edits, applied on top
    assert reopened.service("bcwa")["hours"] == "Mon-Fri"
    assert reopened.service("galop")["assured_method"] == "phoned"


def test_a_number_in_a_hand_edited_autosave_is_read_as_text(folder):
    (folder / AUTOSAVE).write_text('{"rows": [{"id": "bcwa", "phone": 5}], "removed": []}\n')
    assert WorkingCopy.open(folder).service("bcwa")["phone"] == "5"


def test_a_changed_number_is_no_longer_confirmed(folder):
    copy = WorkingCopy.open(folder)
    copy.mark_checked("coventry-mash", "phoned", "DA lead", date.today())
    copy.update("coventry-mash", {"hours": "Mon-Fri"})  # not the number: still confirmed
    assert copy.service("coventry-mash")["assured_method"] == "phoned"
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    row = copy.service("coventry-mash")
    assert (row["assured_date"], row["assured_method"], row["assured_by"]) == ("", "", "")


def test_a_retired_service_can_be_reinstated(folder):
    copy = WorkingCopy.open(folder)
    copy.retire("crasac")
    with pytest.raises(WorkingCopyError, match="already retired"):
        copy.retire("crasac")
    copy.reinstate("crasac")
    assert copy.service("crasac")["status"] == "active"
    with pytest.raises(WorkingCopyError, match="is not retired"):
        copy.reinstate("crasac")


def test_a_kinds_table_edited_into_something_else_is_named(folder):
    """`kinds = "x"` gave "unexpected problem (ValueError)" from publish and check-service
    (review 2026-12-01)."""
    meta = folder / "directory.toml"
    meta.write_text(meta.read_text().replace("[kinds]", 'kinds = "x"\n[old_kinds]'))
    with pytest.raises(WorkingCopyError, match=r"\[kinds\] must be a table"):
        WorkingCopy.open(folder)


def test_a_services_csv_saved_by_excel_keeps_its_ids(folder):
    """Excel's "CSV UTF-8" starts with a BOM: read into the first header, every id was lost
    on the next save (review 2026-12-01)."""
    csv_file = folder / "services.csv"
    csv_file.write_bytes(b"\xef\xbb\xbf" + csv_file.read_bytes())
    copy = WorkingCopy.open(folder)
    assert copy.rows[0]["id"] == "emergency-999"
    copy.update("bcwa", {"hours": "Mon-Fri"})
    copy.save()
    assert WorkingCopy.open(folder).row_of("bcwa")["hours"] == "Mon-Fri"


def test_a_version_line_save_cannot_rewrite_is_named(folder):
    """`version="…"` (or a comment after it) was never rewritten by save: a correction
    published next got a lower version, and no laptop took it (review 2026-12-01)."""
    meta = folder / "directory.toml"
    meta.write_text(meta.read_text().replace('version = "', 'version="'))
    with pytest.raises(WorkingCopyError, match="its version must be on a line of its own"):
        WorkingCopy.open(folder)


def test_a_version_line_with_a_comment_or_a_bom_opens_and_keeps_them(folder):
    """Trailing spaces or a comment after the version, or Notepad's "UTF-8 with BOM", were
    refused with a message that read like the line already there (review 2026-12-01)."""
    meta = folder / "directory.toml"
    text = meta.read_text().replace('version = "2026.11.30"', 'version = "2026.11.30"  # 30 Nov')
    meta.write_bytes(b"\xef\xbb\xbf" + text.encode())
    copy = WorkingCopy.open(folder)
    copy.save("2026.12.1")
    assert 'version = "2026.12.1"  # 30 Nov' in meta.read_text(encoding="utf-8-sig")


def test_an_edit_that_cannot_be_kept_changes_nothing(folder):
    """On a full disk the edit was made while "Not changed" was said, nothing asked on
    closing, and a later save wrote it (lead's attack, 2026-12-02). Here the journal's place
    is taken by a folder: a real write that fails, as a full disk's does."""
    copy = WorkingCopy.open(folder)
    copy.journal.path.mkdir()
    with pytest.raises(WorkingCopyError, match=r"could not be kept in .*nothing was changed"):
        copy.update("coventry-mash", {"phone": "024 7600 0001"})
    assert copy.service("coventry-mash")["phone"] == "024 7678 8555"
    assert not copy.unsaved and not copy.undo_stack and not copy.log
    copy.journal.path.rmdir()
    copy.update("coventry-mash", {"phone": "024 7600 0001"})
    copy.journal.path.unlink()
    copy.journal.path.mkdir()
    with pytest.raises(WorkingCopyError):
        copy.undo()
    assert copy.service("coventry-mash")["phone"] == "024 7600 0001" and copy.undo_stack
