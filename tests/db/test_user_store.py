"""The per-user database: its own Alembic branch, migrations with data kept, the refusal of
a newer file, backups, and the in-memory fallback when the folder cannot be written."""

import hashlib
import os
import sqlite3
import stat

import pytest

from app.db import schema_versions
from app.db.migrate import head_revision
from app.db.user_migrations import downgrade_file, migrate_file
from app.db.user_store import FILE_NAME, USER_VERSION_TABLE, open_user_store, stored_revision
from app.pathways.activity import CountKey

# Data a worker could have at each revision, and how to find it again at head.
WRITTEN_AT = {
    "user_0001": [
        ("INSERT INTO setting VALUES ('tier', '1')", "SELECT value FROM setting WHERE key='tier'"),
        (
            "INSERT INTO app_state VALUES ('active_directory_version', '\"2026.11.1\"')",
            "SELECT value FROM app_state WHERE key='active_directory_version'",
        ),
    ],
    "user_0002": [
        (
            "INSERT INTO activity_count VALUES ('2026-10', 'walsall', 'plans', 'completed', 4)",
            "SELECT count FROM activity_count WHERE month='2026-10'",
        ),
    ],
}
KEY = CountKey("2026-11", "dudley", "action", "marac_referral")


def revisions_in_order():
    graph = schema_versions.revisions("user")
    order, current = [], None
    while (nxt := next((r for r, down in graph.items() if down == current), None)) is not None:
        order.append(nxt)
        current = nxt
    return order


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_user_branch_has_its_own_head_and_version_table():
    assert schema_versions.head("user") == head_revision("user")
    assert revisions_in_order()[-1] == head_revision("user")
    assert USER_VERSION_TABLE != "alembic_version"


@pytest.mark.parametrize("start", revisions_in_order()[:-1])
def test_upgrade_from_every_earlier_revision_keeps_the_data_and_backs_up(tmp_path, start):
    path = tmp_path / FILE_NAME
    migrate_file(path, start)
    order = revisions_in_order()
    written = [w for r in order[: order.index(start) + 1] for w in WRITTEN_AT[r]]
    with sqlite3.connect(path) as db:
        for insert, _ in written:
            db.execute(insert)
    before = sha(path)
    store = open_user_store(tmp_path)
    assert store.persistent and store.notes == []
    for _, select in written:
        assert store.connection.execute(select).fetchone() is not None, select
    backup = tmp_path / f"{FILE_NAME}.before-{head_revision('user')}"
    assert sha(backup) == before  # the file as it was, before any change
    store.close()


def test_down_to_base_and_up_again(tmp_path):
    path = tmp_path / FILE_NAME
    migrate_file(path)
    for step in reversed(revisions_in_order()[:-1]):
        downgrade_file(path, step)
        with sqlite3.connect(path) as db:
            assert db.execute(f"SELECT version_num FROM {USER_VERSION_TABLE}").fetchone()[0] == step
    downgrade_file(path)
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables <= {USER_VERSION_TABLE}
    migrate_file(path)
    store = open_user_store(tmp_path)
    store.change_counts((), (KEY,))
    assert store.counts() == [(*KEY, 1)]
    store.close()


def test_a_newer_database_is_refused_untouched_and_the_app_goes_on_in_memory(tmp_path):
    store = open_user_store(tmp_path)
    store.set_state("newest_directory_used", "2026.12.9")
    store.close()
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE {USER_VERSION_TABLE} SET version_num = 'user_9999'")
    before = sha(path)
    store = open_user_store(tmp_path)
    assert not store.persistent
    assert "newer version of Navigator" in store.notes[0] and "user_9999" in store.notes[0]
    # an older release put back after a newer one: its older numbers are still named
    assert store.state("newest_directory_used") == "2026.12.9"
    store.save_settings({"tier": 1})  # works, in memory
    assert store.settings() == {"tier": 1}
    store.close()
    assert sha(path) == before


def test_a_folder_that_cannot_be_made_falls_back_to_memory(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    store = open_user_store(blocked)
    assert not store.persistent
    assert str(blocked) in store.notes[0]
    assert "only until Navigator closes" in store.notes[-1]


def test_a_file_that_can_be_read_but_not_written_is_read_and_left_as_it_is(tmp_path):
    """Another program holding the file for writing (a sync tool; a read-only profile
    behaves alike): the session began empty, forgetting the worker's settings and the newest
    directory used, and a rolled-back directory's old numbers came back unsaid (attack,
    2026-12-07)."""
    store = open_user_store(tmp_path)
    store.save_settings({"tier": 1, "default_borough": "walsall"})
    store.set_state("newest_directory_used", "2026.12.9")
    store.change_counts((), (KEY,))  # and the counts: "Export counts" wrote none (verifier)
    store.close()
    path = tmp_path / FILE_NAME
    before = sha(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # writing: others may read, none may write
    store = open_user_store(tmp_path, busy_wait_s=0.2)
    assert not store.persistent and "another program is using them" in store.notes[0]
    assert store.settings() == {"tier": 1, "default_borough": "walsall"}
    assert store.state("newest_directory_used") == "2026.12.9"
    assert store.counts() == [(*KEY, 1)]
    store.set_state("newest_directory_used", "2026.12.10")  # in memory only
    store.close()
    other.execute("ROLLBACK")
    other.close()
    assert sha(path) == before


def test_a_file_a_crash_left_mid_write_is_put_right_and_kept(tmp_path):
    """A power cut or a forced shutdown mid-write left a journal a read-only open cannot
    roll back: every start after it began from defaults, for good, and a rolled-back
    directory's old numbers came back unsaid (re-attack, 2026-12-07)."""
    import subprocess
    import sys

    store = open_user_store(tmp_path)
    store.save_settings({"tier": 1})
    store.set_state("newest_directory_used", "2026.12.9")
    store.close()
    crash = (
        "import os, sqlite3, sys; db = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "db.execute('PRAGMA cache_size = 1'); db.execute('BEGIN'); "
        "[db.execute('INSERT INTO app_state VALUES (?, ?)', (f'k{n}', '\"' + 'x' * 900 + '\"')) "
        "for n in range(400)]; os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", crash, str(tmp_path / FILE_NAME)], check=False)
    assert (tmp_path / f"{FILE_NAME}-journal").exists()  # as the crash left it
    store = open_user_store(tmp_path)
    assert store.persistent and store.notes == []
    assert store.settings() == {"tier": 1}
    assert store.state("newest_directory_used") == "2026.12.9" and store.state("k1") is None
    store.close()


def test_a_file_with_a_table_taken_out_is_kept_aside_and_a_new_one_made(tmp_path):
    """Its settings table dropped by hand, every start stopped: "Navigator could not start
    (no such table: setting)" (re-attack, 2026-12-07). A newer release's file is never
    judged by this release's tables: left untouched (verifier)."""
    open_user_store(tmp_path).close()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("DROP TABLE setting")
    store = open_user_store(tmp_path)
    assert store.persistent and "could not be read" in store.notes[0]
    assert store.settings() == {} and list(tmp_path.glob(f"{FILE_NAME}.unreadable-*"))
    store.close()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("ALTER TABLE setting RENAME TO preference")
        db.execute(f"UPDATE {USER_VERSION_TABLE} SET version_num = 'user_9999'")
    store = open_user_store(tmp_path)
    assert not store.persistent and "newer version of Navigator" in store.notes[0]
    store.close()


def test_an_unreadable_file_is_kept_aside_and_a_new_one_made(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"garbage, not SQLite " * 50)
    store = open_user_store(tmp_path)
    assert store.persistent
    kept = list(tmp_path.glob(f"{FILE_NAME}.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"garbage")
    assert "could not be read" in store.notes[0]
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="links and modes as on Linux")
def test_the_store_is_the_accounts_alone_and_never_made_where_a_link_leads(tmp_path):
    """user.sqlite and its folder were readable by every account (a month's counts can
    show one conversation), and a user.sqlite linked to another place had the settings
    and counts made there, unsaid (attack F17)."""
    folder = tmp_path / "Navigator"
    open_user_store(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / FILE_NAME).stat().st_mode) == 0o600
    (folder / FILE_NAME).chmod(0o644)  # as an older version left it
    open_user_store(folder).close()
    assert stat.S_IMODE((folder / FILE_NAME).stat().st_mode) == 0o600
    (folder / FILE_NAME).unlink()
    elsewhere = tmp_path / "x.sqlite"  # not there yet: SQLite would make it
    (folder / FILE_NAME).symlink_to(elsewhere)
    store = open_user_store(folder)
    assert store.persistent and not elsewhere.exists()
    assert "was a link to another place" in store.notes[0]
    assert not (folder / FILE_NAME).is_symlink()
    assert len(list(folder.glob(f"{FILE_NAME}.link-*"))) == 1
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="links and modes as on Linux")
def test_the_backup_before_an_upgrade_is_never_written_through_a_planted_link(tmp_path):
    """The copy kept before an upgrade was made with shutil.copy2, which followed a link
    planted at its name: the worker's settings and counts were written where it led."""
    path = tmp_path / FILE_NAME
    migrate_file(path, revisions_in_order()[0])
    before = sha(path)
    victim = tmp_path / "victim.txt"
    victim.write_text("the worker's own file")
    backup = tmp_path / f"{FILE_NAME}.before-{head_revision('user')}"
    backup.symlink_to(victim)
    store = open_user_store(tmp_path)
    assert store.persistent
    assert victim.read_text() == "the worker's own file"
    assert not backup.is_symlink() and sha(backup) == before
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    store.close()


def test_rollback_journal_and_busy_timeout(tmp_path):
    store = open_user_store(tmp_path)
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    # a write while the app runs waits a moment for another program's lock, not seconds
    assert store.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 250
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]  # no -wal, no -journal


def test_counts_go_up_and_down_and_never_below_one(tmp_path):
    store = open_user_store(tmp_path)
    other = KEY._replace(value="idva_referral")
    store.change_counts((), (KEY, other))
    store.change_counts((), (KEY,))
    assert store.counts() == [(*other, 1), (*KEY, 2)]  # sorted by value
    store.change_counts((KEY, other), ())
    assert store.counts() == [(*KEY, 1)]
    store.change_counts((KEY, KEY._replace(borough="never_counted")), ())
    assert store.counts() == []
    store.close()


def test_a_count_taken_back_leaves_no_trace_in_the_file(tmp_path):
    """A read-back edit takes a conversation's counts back: "lado_referral" stayed in the
    file's free pages, readable, where SQLite is built without secure delete (as on
    Windows: privacy review 2026-12-01)."""
    store = open_user_store(tmp_path)
    assert store.connection.execute("PRAGMA secure_delete").fetchone()[0] == 1
    taken_back = KEY._replace(value="zz_taken_back_action")
    store.change_counts((), (taken_back,))
    store.change_counts((taken_back,), ())
    store.close()
    assert b"zz_taken_back_action" not in (tmp_path / FILE_NAME).read_bytes()


def test_counts_taken_back_by_an_earlier_release_are_cleared_once(tmp_path):
    """Secure delete covers what is taken back from now on; what an earlier release took
    back stayed readable after the upgrade (attack review 2026-12-01)."""
    open_user_store(tmp_path).close()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:  # as an earlier release wrote it
        db.execute("PRAGMA secure_delete = OFF")
        db.execute("INSERT INTO activity_count VALUES ('2026-11', 'dudley', 'action', 'zz_old', 1)")
        db.commit()
        db.execute("DELETE FROM activity_count")
    db.close()
    assert b"zz_old" in (tmp_path / FILE_NAME).read_bytes()
    store = open_user_store(tmp_path)
    store.clear_free_space_once()
    assert b"zz_old" not in (tmp_path / FILE_NAME).read_bytes()
    assert store.state("free_space_cleared") is True
    store.close()


def test_a_new_file_is_made_from_plain_sql_that_equals_the_migrations(tmp_path):
    """No Alembic on the way to the first question; the SQL is what the migrations make."""
    from app.db import schema_versions, user_schema
    from app.db.user_migrations import migrate_memory

    migrated = user_schema.dump(migrate_memory(), schema_versions.head("user"))
    assert user_schema.schema()[1] == migrated  # regenerate resources/schema/user.sql if not
    store = open_user_store(tmp_path)
    made = user_schema.dump(store.connection, schema_versions.head("user"))
    assert made == migrated and store.persistent
    assert stored_revision(tmp_path / FILE_NAME) == schema_versions.head("user")


def test_the_settings_are_read_without_making_upgrading_or_moving_the_file(tmp_path):
    """The lead's window read them by opening the store: a settings file it could not read
    was moved aside and a new one made, unsaid, and an account that never ran the app got
    one (review, 2026-12-06). Read only: any file that cannot be read gives none."""
    from app.db.user_store import saved_settings

    assert saved_settings(tmp_path) == {} and not (tmp_path / FILE_NAME).exists()
    store = open_user_store(tmp_path)
    store.save_settings({"text_size": 24, "colours": "high_contrast"})
    store.close()
    before = hashlib.sha256((tmp_path / FILE_NAME).read_bytes()).hexdigest()
    assert saved_settings(tmp_path) == {"text_size": 24, "colours": "high_contrast"}
    assert hashlib.sha256((tmp_path / FILE_NAME).read_bytes()).hexdigest() == before
    (tmp_path / FILE_NAME).write_bytes(b"not a database at all")
    assert saved_settings(tmp_path) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


def test_a_profile_that_cannot_be_looked_in_gives_no_state_and_no_error(tmp_path):
    """`route` read the newest directory used (H535) with is_file() outside its guard: in a
    profile folder the account cannot search it raised, and no plan was printed (verifier,
    2026-12-07). A name too long for the file system raises as a folder shut to us does."""
    from app.db.user_store import saved_states

    assert saved_states(tmp_path / ("x" * 300)) == {}


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_folder_another_account_made_is_not_used_and_the_worker_is_told(tmp_path):
    theirs = tmp_path / "Navigator"
    theirs.mkdir(mode=0o777)
    os.chown(theirs, 65534, 65534)  # nobody's: they could read the counts and swap settings
    store = open_user_store(theirs)
    assert not store.persistent and not (theirs / FILE_NAME).exists()
    assert "belongs to another account" in store.notes[0] and str(theirs) in store.notes[0]
