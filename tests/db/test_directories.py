"""Which directory is used: only the newest verified one; anything altered is not."""

import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from app.__main__ import main
from app.db import signing
from app.db.bundle import COPY_AGAIN, MAGIC, Manifest, publish, read_bundle
from app.db.checks import Refused
from app.db.directories import select_directory
from app.db.install import install_bundle
from app.db.loader import load_graph
from app.db.regular_files import sha256_of
from app.db.trust import load_trusted_keys
from tests.conftest import REPO, shipped_changed

TODAY = date(2026, 11, 21)
SHIPPED = REPO / "resources" / "directory.sqlite"


def bundle(where, key, version, folder="machine", days=180):
    return publish(
        SHIPPED, key.private_path, where.__dict__[f"{folder}_updates"], version, TODAY, days
    )


def write_bundle(path, fields, database):
    path.write_bytes(MAGIC + signing.canonical(fields) + b"\n" + database)


def rezip(path, manifest=None, database=None):
    """Rewrite a bundle with a changed manifest or database (no re-signing)."""
    line, db = path.read_bytes()[len(MAGIC) :].split(b"\n", 1)
    fields = {**json.loads(line), **(manifest or {})}
    write_bundle(path, fields, database if database is not None else db)


def flip(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_shipped_directory_is_used_when_nothing_else_is_there(where):
    choice = select_directory(where, TODAY)
    assert (choice.path, choice.origin, choice.refused) == (where.shipped, "shipped", [])


def database_of(bundle_path):
    """The database bytes inside a bundle (after the header and the manifest line)."""
    return bundle_path.read_bytes()[len(MAGIC) :].split(b"\n", 1)[1]


def test_the_newest_valid_bundle_is_used_as_the_bytes_it_was_checked_as(where, key):
    bundle(where, key, "2026.12.1")
    newest = bundle(where, key, "2026.12.2", folder="user")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.verified) == ("2026.12.2", "user", True)
    assert choice.key_id == key.key_id and choice.path == newest
    assert choice.data == database_of(newest)
    again = select_directory(where, TODAY)  # stable on the next start
    assert (again.path, again.version, again.problems) == (choice.path, "2026.12.2", [])


def test_a_bundle_named_in_capitals_is_used_like_any_other(where, key):
    """IT copied UPDATE.NAVDIR from a Windows share: laptops read only ".navdir" and never
    took it, with nothing said (attack, 2026-12-02)."""
    made = bundle(where, key, "2026.12.2")
    made.rename(made.with_name("UPDATE.NAVDIR"))
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.path.name, choice.refused) == ("2026.12.2", "UPDATE.NAVDIR", [])


def test_an_older_bundle_is_not_used(where, key):
    bundle(where, key, "2026.12.2")
    bundle(where, key, "2026.12.1", folder="user")
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.2" and choice.refused == []
    assert choice.skipped == ["directory-2026.12.1.navdir: not newer than 2026.12.2 in use"]


def test_only_the_two_newest_of_the_workers_bundles_are_kept(where, key):
    for version in ("2026.12.1", "2026.12.2", "2026.12.3"):
        bundle(where, key, version, folder="user")
    select_directory(where, TODAY)
    kept = sorted(p.name for p in where.user_updates.glob("*.navdir"))
    assert kept == ["directory-2026.12.2.navdir", "directory-2026.12.3.navdir"]


def test_unknown_key_bad_signature_and_wrong_hash_are_refused(where, key, tmp_path):
    stranger = signing.generate(tmp_path / "stranger")
    publish(SHIPPED, stranger.private_path, where.machine_updates, "2026.12.3", TODAY)
    # all published, then altered: publish refuses to go on over a newest it cannot read
    path, other, flipped = (bundle(where, key, f"2026.12.{n}") for n in (4, 5, 6))
    rezip(path, manifest={"expires": "2099-01-01"})
    rezip(other, database=SHIPPED.read_bytes() + bytes(4096))  # a page more: another size
    flip(flipped, -100)  # the same size: found by its hash, once it is the one chosen
    (where.machine_updates / "not-a-bundle.navdir").write_bytes(b"PK\x03\x04 nonsense")
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"
    reasons = "\n".join(choice.refused)
    assert "signed with unknown key" in reasons
    # never "add it" alone: after a handover that trusted the old lead's key again
    assert "if it is a former lead's, or not known, remove the file" in reasons
    assert "bad signature" in reasons
    assert "directory-2026.12.5.navdir: wrong size" in reasons
    assert "directory-2026.12.6.navdir: wrong hash" in reasons
    assert "it does not begin as one" in reasons


def test_junk_in_the_share_is_refused_from_its_first_kilobytes(where, key, monkeypatch):
    """200 files of 64 MB junk were each read whole at every start and every check, the
    window (and Quick exit) frozen for half a minute (review 2026-12-01)."""
    import app.db.bundle as bundle_module

    where.machine_updates.mkdir(parents=True, exist_ok=True)
    for n in range(20):
        with (where.machine_updates / f"junk-{n}.navdir").open("wb") as junk:
            junk.truncate(64 * 1024 * 1024)  # sparse: no disk used
    genuine = bundle(where, key, "2026.12.7")
    read = []

    def counted(path, count):
        data, size = real(path, count)
        read.append(len(data))
        return data, size

    real = bundle_module.read_head
    monkeypatch.setattr(bundle_module, "read_head", counted)
    choice = select_directory(where, TODAY)
    assert choice.path == genuine and len(choice.refused) == 20
    assert sum(read) < 8 * 1024 * 1024  # the genuine bundle whole, the junk's heads only


@pytest.mark.parametrize(
    "line",
    [
        {"key_id": []},  # a list where the key's id belongs: once stopped every start
        {"key_id": {"a": 1}},
        {"size": True},
        {"size": "1"},
        {"format": 1.0},
        {"directory_version": 2026},
        {"signature": None},
    ],
)
def test_a_manifest_field_of_the_wrong_type_is_refused_and_never_stops_the_app(
    where, key, tmp_path, line
):
    fields = {
        "format": 1,
        "directory_version": "2026.12.9",
        "schema_revision": "x",
        "created": "2026-11-21",
        "expires": "2030-01-01",
        "sha256": "x",
        "size": 1,
        "key_id": "k",
        "signature": "",
        **line,
    }
    where.machine_updates.mkdir()
    write_bundle(where.machine_updates / "zz.navdir", fields, b"x")
    where.user_updates.mkdir()
    write_bundle(where.user_updates / "installed-zz.navdir", fields, b"x")
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped" and choice.verified
    assert choice.refused == [
        f"zz.navdir: no readable manifest (a field of the wrong type){COPY_AGAIN}"
    ]
    assert choice.set_aside == [
        "installed-zz.navdir was set aside: no readable manifest (a field of the wrong type)"
        + COPY_AGAIN
    ]
    mailed = tmp_path / "update-2026.navdir"
    write_bundle(mailed, fields, b"x")
    outcome = install_bundle(mailed, where, TODAY)
    assert not outcome.installed and "wrong type" in outcome.reason
    assert not list(where.user_updates.glob("*.navdir"))  # not left to be tried at each start


@pytest.mark.parametrize("created", ["zzzz", "9999", "soon", ""])
def test_a_manifest_whose_signing_day_is_no_day_is_refused(where, created):
    """Compared with today as written, "zzzz" read as signed after every day (H475)."""
    fields = {"format": 1, "directory_version": "2026.12.9", "schema_revision": "x"}
    fields |= {"created": created, "expires": "2030-01-01", "sha256": "x", "size": 1}
    where.machine_updates.mkdir()
    write_bundle(where.machine_updates / "day.navdir", {**fields, "key_id": "k"}, b"x")
    choice = select_directory(where, TODAY)
    assert choice.refused == [
        "day.navdir: no readable manifest (a date or version not written as publish writes it)"
        + COPY_AGAIN
    ]


def test_a_manifest_that_is_not_an_object_is_refused(where):
    where.machine_updates.mkdir()
    (where.machine_updates / "list.navdir").write_bytes(MAGIC + b"[]\nx")
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"
    assert choice.refused == [
        f"list.navdir: no readable manifest (not a set of fields){COPY_AGAIN}"
    ]
    (where.machine_updates / "list.navdir").write_bytes(MAGIC + b"{format: 1}\nx")
    (refused,) = select_directory(where, TODAY).refused
    assert refused.startswith("list.navdir: no readable manifest (its first line is not one")


def forged(where, key, tmp_path, version, change_sql):
    """A properly signed bundle of a database changed by change_sql."""
    db = tmp_path / f"{version}.sqlite"
    shutil.copy(SHIPPED, db)
    with sqlite3.connect(db) as connection:
        connection.executescript(change_sql)
    connection.close()
    kid, private = signing.load_private(key.private_path)
    fields = Manifest(
        1,
        version,
        "directory_0001",
        "2026-11-21",
        "2027-01-01",
        sha256_of(db),
        db.stat().st_size,
        kid,
    ).signed_fields()
    where.machine_updates.mkdir(exist_ok=True)
    target = where.machine_updates / f"directory-{version}.navdir"
    write_bundle(target, {**fields, "signature": signing.sign(fields, private)}, db.read_bytes())
    return target


def test_a_newer_schema_is_refused(where, key, tmp_path):
    sql = (
        "UPDATE alembic_version SET version_num = 'directory_9999';"
        "UPDATE content_meta SET value = '2026.12.6' WHERE key = 'directory_version';"
    )
    forged(where, key, tmp_path, "2026.12.6", sql)
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"
    assert any("newer than this app understands" in r for r in choice.refused)


@pytest.mark.parametrize(
    "table, column, was",
    [
        ("action_template", "say", "call 999 now"),
        ("outcome_rule", "why", "999"),
        ("guidance", "text", "medical check"),
        ("question", "help", "999"),
    ],
)
def test_a_signed_bundles_own_rules_and_words_are_never_used(
    where, key, tmp_path, table, column, was
):
    """A signed bundle without 999's rule, or with another number in the rules' words, was
    refused whole, its corrections with it; with rules that could never hold it passed and
    "Call 999" never showed. Its services are used under the release's rules and words, and
    nothing of its own rules is read (attack, 2026-12-04; H345)."""
    planted = "0121 496 0666"
    sql = (
        "DELETE FROM outcome_rule WHERE id = 'R1';"
        f"UPDATE {table} SET {column} = replace({column}, '{was}', '{planted}') "
        f"WHERE {column} LIKE '%{was}%';"
        "UPDATE content_meta SET value = '2026.12.7' WHERE key = 'directory_version';"
    )
    from tests.security.attacks import signed_bundle

    database = tmp_path / "other-rules.sqlite"
    shutil.copy(SHIPPED, database)
    with sqlite3.connect(database) as connection:
        connection.executescript(sql)
    connection.close()
    signed_bundle(database, key, where.machine_updates / "directory-2026.12.7.navdir", "2026.12.7")
    choice = select_directory(where, TODAY)
    assert (choice.origin, choice.version, choice.refused) == ("machine", "2026.12.7", [])
    used = load_graph(choice.data, choice.release)
    assert "R1" in {rule.id for rule in used.rules}
    assert planted not in repr((used.questions, used.actions, used.rules, used.guidance))


def test_an_expired_bundle_is_used_with_a_warning_and_fails_its_self_test(where, key):
    """ "directory … expired on …" told a worker nothing to do, and IT's self-test passed
    (update attack, 2026-12-07)."""
    bundle(where, key, "2026.12.8", days=-1)
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.8"
    (warning,) = choice.warnings
    assert warning.startswith("directory 2026.12.8 expired on 2026-11-20: numbers may be out")
    (said,) = choice.problems
    assert said.startswith("directory 2026.12.8 in use expired on 2026-11-20")


def test_an_update_signed_after_today_is_used_and_said_to_it_only(where, key):
    """A lead's clock (or this laptop's) a year out: used in silence, and every correction
    numbered from the real date after it was "not newer" (attack F20, 2026-12-06; H475)."""
    bundle(where, key, "2026.12.8")
    assert select_directory(where, TODAY).problems == []
    choice = select_directory(where, date(2025, 11, 21))
    assert choice.version == "2026.12.8" and choice.warnings == []  # the worker: nothing
    assert choice.problems == [
        "directory 2026.12.8 in use: signed on 2026-11-21, after today here (2025-11-21): the "
        "publisher's clock, or this computer's, may be wrong; every later update must have a "
        "version above 2026.12.8"
    ]


def offsets(size, count=40):
    return sorted({int(size * n / count) for n in range(count)} | {size - 1})


def test_every_altered_bundle_is_refused_and_the_previous_stays(where, key):
    bundle(where, key, "2026.12.1")
    good = select_directory(where, TODAY)
    original = bundle(where, key, "2026.12.9")
    pristine = original.read_bytes()
    for offset in offsets(len(pristine)):
        original.write_bytes(pristine)
        flip(original, offset)
        choice = select_directory(where, TODAY)
        assert choice.path == good.path, f"byte {offset} altered and still used"
        assert any("directory-2026.12.9" in r for r in choice.refused), offset


def test_a_workers_altered_bundle_is_set_aside_with_the_reason(where, key):
    bundle(where, key, "2026.12.1")
    mine = bundle(where, key, "2026.12.2", folder="user")
    flip(mine, len(mine.read_bytes()) - 5000)
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.1" and choice.origin == "machine"
    assert choice.set_aside == [
        f"{mine.name} was set aside: wrong hash: the database is not the one that was signed"
        f"{COPY_AGAIN}"
    ]
    assert not mine.exists()
    assert len(list((where.user_updates / "set-aside").glob("*.reason.txt"))) == 1


def test_every_altered_shipped_database_is_refused(where, key):
    in_use = bundle(where, key, "2026.12.1")
    pristine = where.shipped.read_bytes()
    for offset in offsets(len(pristine), 20):
        where.shipped.write_bytes(pristine)
        flip(where.shipped, offset)
        choice = select_directory(where, TODAY)
        assert choice.path == in_use
        assert any("shipped directory" in r and "altered" in r for r in choice.refused)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_an_installed_apps_own_files_another_account_could_change_are_not_used(
    where, key, monkeypatch
):
    """A worker who owned the unpacked install folder put in their own shipped directory
    and its .sha256, or their own publisher key, and the self-test passed (re-attack round,
    2026-12-02). In the installed app they are IT's, or not used and named."""
    from app.db.trust import key_file_problems

    os.chown(where.shipped, 65534, 65534)
    assert select_directory(where, TODAY).origin == "shipped"  # a source checkout's own
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    choice = select_directory(where, TODAY)
    assert choice.path is None
    assert any("belongs to another account" in r and "reinstall" in r for r in choice.refused)
    os.chown(where.shipped, 0, 0)
    assert select_directory(where, TODAY).origin == "shipped"
    made = bundle(where, key, "2026.12.1")
    assert select_directory(where, TODAY).path == made
    (installed,) = where.keys.install.glob("*.pub")
    os.chown(installed, 65534, 65534)
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped" and made in choice.refused_files
    assert any(str(installed) in line for line in key_file_problems(where.keys))


def test_a_lead_key_saved_under_another_ending_is_named_beside_the_refused_update(where, key):
    """Saved as "….pub.txt" the lead's key was never read, and IT was told only "signed with
    unknown key" (update attack, 2026-12-07); a key file so named is said only then."""
    (trusted,) = where.keys.install.glob("*.pub")
    bundle(where, key, "2026.12.1")
    backup = trusted.with_name(trusted.name + ".bak")
    shutil.copy(trusted, backup)
    assert select_directory(where, TODAY).problems == []  # an update in use: no fault
    backup.unlink()
    trusted.rename(trusted.with_name(trusted.name + ".txt"))
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"
    named = f"{trusted.name}.txt holds key {key.key_id}, which signed the update"
    assert any(named in line for line in choice.problems)


def test_nothing_usable_says_so(where):
    where.shipped.write_bytes(b"garbage")
    choice = select_directory(where, TODAY)
    assert choice.path is None and choice.refused


def test_keygen_publish_and_verify_commands(tmp_path, capsys):
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery\n")
    keygen = ["directory", "keygen", "--out", str(tmp_path / "k")]
    assert main([*keygen, "--passphrase-file", str(secret)]) == 0
    private = next((tmp_path / "k").glob("*.private-key"))
    assert oct(private.stat().st_mode & 0o777) == "0o600"
    assert "private_key" not in json.loads(private.read_text())  # only sealed
    out = tmp_path / "out"

    def publish_as(version, passphrase_file=secret, key=private):
        return main(
            ["directory", "publish", "--key", str(key), "--version", version, "--out", str(out)]
            + (["--passphrase-file", str(passphrase_file)] if passphrase_file else [])
        )

    assert publish_as("2026.12.1") == 0
    made = next(out.glob("*.navdir"))
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    shutil.copy(next((tmp_path / "k").glob("*.pub")), trusted)
    capsys.readouterr()
    assert main(["directory", "verify", str(made), "--keys", str(trusted)]) == 0
    assert main(["directory", "verify", str(made)]) == 1
    assert "signed with unknown key" in capsys.readouterr().err
    assert main(["directory", "verify", str(SHIPPED)]) == 0
    assert publish_as("2020.1.1") == 1
    assert "must be higher" in capsys.readouterr().err
    for typo in (
        "20261203",
        "2026.12.1 ",
        "٢٠٢٧.1.1",
        "2031.1.1",
        "2027.12.4",  # a year ahead by a slip: every update after it refused for a year
        "2026.2.30",
        "2026.13.1",
        "2026.12.05",
        "2026.012.5",
        "2026.12.5.01",
    ):
        assert publish_as(typo) == 1, typo  # would rise above every later version
        assert "allowed year.month.day" in capsys.readouterr().err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    assert publish_as("2026.12.2", wrong) == 1
    err = capsys.readouterr().err
    assert "wrong passphrase: nothing was signed. Try again" in err
    assert "make a new key (directory keygen) and ask IT to trust" in err
    assert publish_as("2026.12.2", None) == 1  # no terminal to ask at
    assert "give --passphrase-file" in capsys.readouterr().err
    assert publish_as("2026.12.2", key=tmp_path / "missing.private-key") == 1
    assert "missing.private-key is not a private key" in capsys.readouterr().err
    assert publish_as("2026.12.3", key=made) == 1
    assert "not a private key" in capsys.readouterr().err
    assert [p.name for p in out.glob("*.navdir")] == [made.name]  # nothing else was written
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    assert main([*keygen, "--passphrase-file", str(short)]) == 1
    assert "at least 10 characters" in capsys.readouterr().err


def test_no_private_key_is_committed():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [name for name in tracked if name.endswith(signing.PRIVATE_SUFFIX)]
    for name in tracked:
        path = REPO / name
        if path.is_file() and path.stat().st_size < 1_000_000 and path.suffix != ".sqlite":
            assert '"private_key"' not in path.read_text(errors="ignore") or name.endswith(".py")


def hot_journal(evil: bytes) -> bytes:
    """A SQLite rollback journal that turns any database it is found beside into `evil` at
    its next write (what someone able to write the update share could leave there)."""
    page = struct.unpack(">H", evil[16:18])[0] or 65536
    pages, nonce, sector = len(evil) // page, 0x12345678, 512
    header = bytes.fromhex("d9d505f920a163d7") + struct.pack(
        ">IIIII", pages, nonce, pages, sector, page
    )
    out = bytearray(header.ljust(sector, b"\0"))
    for number in range(1, pages + 1):
        body = evil[(number - 1) * page : number * page]
        check = nonce + sum(body[i] for i in range(page - 200, 0, -200))
        out += struct.pack(">I", number) + body + struct.pack(">I", check & 0xFFFFFFFF)
    return bytes(out)


def test_nothing_left_in_the_output_folder_gets_into_what_is_signed(key, tmp_path):
    """Publishing into a share others can write: a journal or a link left there under a
    name known in advance changes nothing that is signed, and nothing outside it."""
    evil = shipped_changed(
        tmp_path / "evil.sqlite",
        "UPDATE phone SET number = '0808 2000 666' WHERE service_id = 'ndah'",
    )
    share, victim = tmp_path / "share", tmp_path / "lead-file.txt"
    share.mkdir()
    victim.write_text("the lead's own file")
    (share / ".publishing-2026.12.1.sqlite-journal").write_bytes(hot_journal(evil.read_bytes()))
    (share / "directory-2026.12.1.partial").symlink_to(victim)
    made = publish(SHIPPED, key.private_path, share, "2026.12.1", TODAY)
    trusted = signing.load_public_keys(tmp_path / "trusted")
    _, database = read_bundle(made, trusted)
    signed = tmp_path / "signed.sqlite"
    signed.write_bytes(database)
    with sqlite3.connect(signed) as db:
        (phone,) = db.execute("SELECT number FROM phone WHERE service_id = 'ndah'").fetchone()
    db.close()
    assert phone == "0808 2000 247"
    assert victim.read_text() == "the lead's own file"
    assert oct(made.stat().st_mode & 0o777) == oct(0o644)


def test_two_publishes_of_one_version_at_once_never_overwrite_each_other(key, tmp_path):
    """Both leads were told "published", and one's correction was gone (attack review)."""
    out = tmp_path / "out"
    others = []

    def the_other_lead_first():  # signed, about to be written: the other lead's lands first
        others.append(publish(SHIPPED, key.private_path, out, "2026.12.2", TODAY))

    with pytest.raises(Refused, match="written by someone else a moment ago"):
        publish(
            SHIPPED, key.private_path, out, "2026.12.2", TODAY, before_writing=the_other_lead_first
        )
    assert [p.name for p in out.iterdir()] == ["directory-2026.12.2.navdir"]
    assert read_bundle(others[0], signing.load_public_keys(tmp_path / "keys"))


def test_a_folder_that_cannot_be_written_is_said_as_what_to_do(key, tmp_path):
    """A full or read-only folder gave "[Errno 30] … .publishing-….partial", a file the
    lead never made (lead's attack, 2026-12-02). Here the folder becomes a file just before
    the bundle is written: a real failure, as a full disk's is."""
    out = tmp_path / "out"

    def folder_gone():
        out.rmdir()
        out.write_text("not a folder")

    with pytest.raises(Refused, match=r"could not be written to .*out \(.*\): nothing was "):
        publish(SHIPPED, key.private_path, out, "2026.12.2", TODAY, before_writing=folder_gone)


def test_a_version_already_published_in_a_folder_is_not_written_again(where, key, tmp_path):
    publish(SHIPPED, key.private_path, tmp_path / "out", "2026.12.1", TODAY)
    with pytest.raises(Refused, match="exists already"):
        publish(SHIPPED, key.private_path, tmp_path / "out", "2026.12.1", TODAY)
    # renamed, or a lower version: laptops holding it would never take the new one, and
    # two contents of one version were published (review 2026-12-01)
    (tmp_path / "out" / "directory-2026.12.1.navdir").rename(tmp_path / "out" / "it.navdir")
    # a file claiming a higher version, not signed by this lead (anyone who can write the
    # update share can leave one), blocks nothing (review 2026-12-01)
    line = (tmp_path / "out" / "it.navdir").read_bytes()[len(MAGIC) :].split(b"\n", 1)[0]
    claim = {**json.loads(line), "directory_version": "9999.1.1"}
    write_bundle(tmp_path / "out" / "zz.navdir", claim, b"junk")
    for version in ("2026.12.1", "2026.11.30.9"):
        with pytest.raises(
            Refused, match=r"higher than 2026\.12\.1, published already .*it\.navdir"
        ):
            publish(SHIPPED, key.private_path, tmp_path / "out", version, TODAY)
    assert publish(SHIPPED, key.private_path, tmp_path / "out", "2026.12.2", TODAY).exists()


def test_copies_of_a_bundle_are_read_once_and_the_original_is_used(where, key):
    """Copies of one bundle in the share were each held whole in memory at every start."""
    made = bundle(where, key, "2026.12.1")
    for n in range(5):
        shutil.copy(made, where.machine_updates / f"copy-{n}.navdir")
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.1" and choice.origin == "machine"
    assert sum("not newer than 2026.12.1 in use" in s for s in choice.skipped) == 5


def test_a_copy_stands_in_when_its_original_fails_between_readings(where, key, monkeypatch):
    """IT's share dropped between the first reading of its bundle and the second: the copy
    kept in the worker's folder was skipped as a copy, and the laptop fell back."""
    import app.db.directories as directories

    made = bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)  # keeps a copy in the worker's folder
    real, reads = directories.read_bundle, []

    def share_drops(path, keys):
        reads.append(path)
        if path == made:  # read whole once its manifest was read: the share gone meanwhile
            raise Refused("cannot read it (Host is down)")
        return real(path, keys)

    monkeypatch.setattr(directories, "read_bundle", share_drops)
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.1", "kept")


def test_a_bundle_changed_between_its_reading_and_its_use_is_refused(where, key, monkeypatch):
    """The bundle used is read and checked whole again when it is tried: one swapped for
    another after the first reading is not used in its place."""
    import app.db.directories as directories

    older = bundle(where, key, "2026.12.1")  # published in order: a folder refuses an older
    newer = bundle(where, key, "2026.12.2")
    reads = []
    real = directories.read_bundle

    def swapping(path, keys):
        reads.append(path)
        if len(reads) == 1:  # the newest read whole, its manifest read before: swapped
            newer.write_bytes(older.read_bytes())
        return real(path, keys)

    monkeypatch.setattr(directories, "read_bundle", swapping)
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.1"
    assert any("changed while it was being checked" in r for r in choice.refused)


def test_copies_named_kept_in_its_share_never_push_out_the_workers_own(where, key, tmp_path):
    """Someone able to write IT's share put two copies of the worker's installed update
    there, named kept-*: they counted as the worker's and the update was deleted."""
    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.5", TODAY)
    assert install_bundle(made, where, TODAY).installed
    where.machine_updates.mkdir()
    for name in ("kept-a.navdir", "kept-b.navdir"):
        shutil.copy(made, where.machine_updates / name)
    select_directory(where, TODAY)
    assert [p.name for p in where.user_updates.glob("installed-*.navdir")]
    shutil.rmtree(where.machine_updates)
    assert select_directory(where, TODAY).version == "2026.12.5"


def test_an_update_folder_named_by_policy_that_cannot_be_reached_is_said_for_it(where):
    """A typing mistake in the policy's folder, or a share offline, was silent: IT's rollout
    never arrived and nothing said why (review 2026-12-01). Said in About and the log; the
    worker is not told at every start of a laptop away from the network."""
    from dataclasses import replace

    from app.directory_updates import worker_notes
    from app.in_force import InForce
    from app.policy import MachinePolicy

    choice = select_directory(replace(where, machine_updates_named=True), TODAY)
    assert choice.origin == "shipped"
    assert choice.problems == [
        f"IT's update folder ({where.machine_updates}), named by IT's policy, cannot be reached "
        "(missing, offline or not a folder): no update from it was checked"
    ]
    assert worker_notes(InForce(choice, MachinePolicy())) == []
    assert select_directory(where, TODAY).problems == []  # the machine's own: none yet is usual


def test_copies_of_a_genuine_manifest_on_junk_are_not_each_read_whole(where, key, monkeypatch):
    """The signed first line copied onto junk of the signed size, named to sort first: each
    copy was read whole and hashed, freezing the window for seconds (review 2026-12-01)."""
    import app.db.directories as directories

    made = bundle(where, key, "2026.12.8")
    data = made.read_bytes()
    line_end = data.index(b"\n", len(MAGIC)) + 1
    for n in range(30):
        junk = bytearray(data)
        junk[line_end:] = bytes(len(data) - line_end)  # the signed size, other bytes
        (where.machine_updates / f"a-{n:03}.navdir").write_bytes(bytes(junk))
    read, real = [], directories.read_bundle
    monkeypatch.setattr(directories, "read_bundle", lambda p, k: read.append(p) or real(p, k))
    choice = select_directory(where, TODAY)
    assert choice.path == made and read == [made]  # the publisher's name first
    made.unlink()
    read.clear()
    choice = select_directory(where, TODAY)
    assert len(read) <= directories.TRIES_IN_SHARE + 2  # then the kept copy, not all 30
    assert choice.version == "2026.12.8" and choice.origin == "kept"


def test_the_publishers_name_in_capitals_is_read_before_part_copies(where, key):
    """DIRECTORY-2026.12.8.NAVDIR beside three part copies of it named to sort first: the
    update never arrived, "not read: copies before it failed" (attack, 2026-12-02)."""
    made = bundle(where, key, "2026.12.8")
    data = made.read_bytes()
    line_end = data.index(b"\n", len(MAGIC)) + 1
    for n in range(3):
        part = data[:line_end] + bytes(len(data) - line_end)
        (where.machine_updates / f"A-part-copy-{n}.navdir").write_bytes(part)
    made = made.rename(made.with_name(made.name.upper()))
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.path) == ("2026.12.8", "machine", made)
    # and its exact name before its other cases (a case-sensitive share: re-attack round)
    made = made.rename(made.with_name(made.name.lower()))
    variants = (
        "DIRECTORY-2026.12.8.NAVDIR",
        "Directory-2026.12.8.navdir",
        "DIRECTORY-2026.12.8.navdir",
    )
    for n, name in enumerate(variants):
        (where.machine_updates / f"A-part-copy-{n}.navdir").rename(where.machine_updates / name)
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.path) == ("2026.12.8", "machine", made)


def test_a_kept_copy_no_longer_in_its_share_is_said_to_be_so(where, key, monkeypatch):
    """IT removed the update from its folder, or it was never IT's (a lead's draft put in
    the worker's folder as a kept copy): the self-test named it "IT's update folder"
    (attack, 2026-12-02). It stays in use: an update put back older never takes the laptop
    back; a newer one replaces it."""
    import app.db.directories as directories
    from app.db.checks import Unreadable
    from app.in_force import InForce
    from app.policy import MachinePolicy

    made = bundle(where, key, "2026.12.2")
    assert select_directory(where, TODAY).origin == "machine"
    real = directories.read_signed_manifest

    def locked(path, keys):
        if path == made:
            raise Unreadable("cannot read it")
        return real(path, keys)

    # IT's file locked for a moment: it may be there, or not (a draft put here as a kept
    # copy was called IT's while a junk file in the share was refused: attack, 2026-12-02)
    with monkeypatch.context() as patch:
        patch.setattr(directories, "read_signed_manifest", locked)
        assert select_directory(where, TODAY).origin == "kept_unconfirmed"
    made.unlink()
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.2", "kept_removed")
    said = InForce(choice, MachinePolicy()).describe()
    assert "a copy kept on this computer of an update no longer in IT's update folder" in said
    # and IT is told, and the self-test fails: a laptop set up now got an older update left
    # there, with the number this one corrected (the lead's and IT's walk, 2026-12-07; H577)
    (behind,) = [p for p in choice.problems if "no longer holds directory 2026.12.2" in p]
    assert "a laptop set up now gets an older directory" in behind
    junk = where.machine_updates / "old-copy.navdir"
    junk.write_bytes(b"junk")  # refused: whether IT's folder holds it is not known
    assert select_directory(where, TODAY).origin == "kept_unconfirmed"
    junk.unlink()
    shutil.rmtree(where.machine_updates)  # out of reach: nothing can be said of it
    said = InForce(select_directory(where, TODAY), MachinePolicy()).describe()
    assert "IT's update folder, out of reach or not read whole, could not confirm" in said


def test_a_workers_bundle_refused_only_for_now_is_kept_and_used_again(where, key, tmp_path):
    """The trusted keys gone for one check (a policy file being rewritten), or the file
    locked for a moment: the worker's bundle was set aside, and the laptop stayed on the
    older shipped directory for good (review 2026-12-01)."""
    published = bundle(where, key, "2026.12.2", folder="user")
    mine = published.rename(published.with_name("installed-0123456789abcdef.navdir"))
    trusted = tmp_path / "trusted"
    (public,) = trusted.iterdir()
    moved = tmp_path / public.name
    public.rename(moved)  # no key trusted, for one check
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped" and choice.set_aside == []
    assert any("signed with unknown key" in reason for reason in choice.refused)
    moved.rename(public)
    choice = select_directory(where, TODAY)
    assert mine.exists() and choice.version == "2026.12.2" and choice.origin == "user"


def test_a_copy_signed_by_a_key_no_longer_trusted_goes_once_a_newer_one_is_in_use(
    where, key, tmp_path
):
    """IT replaced the lead's key: the old key's kept copy stayed in every worker's profile
    and failed the self-test at every run, naming no path (lead review 2026-12-01)."""
    old = bundle(where, key, "2026.12.2")
    assert select_directory(where, TODAY).origin == "machine"  # a copy kept in the profile
    (kept,) = where.user_updates.glob("kept-*.navdir")
    new = signing.generate(tmp_path / "new")
    for public in (tmp_path / "trusted").iterdir():
        public.unlink()
    shutil.copy(new.public_path, tmp_path / "trusted")
    old.unlink()
    made = publish(SHIPPED, new.private_path, where.machine_updates, "2026.12.1", TODAY)
    choice = select_directory(where, TODAY)  # only an older one yet: the copy may be wanted
    assert kept.exists() and choice.path == made and len(choice.refused) == 1
    newer = publish(SHIPPED, new.private_path, where.machine_updates, "2026.12.3", TODAY)
    choice = select_directory(where, TODAY)
    assert choice.path == newer and choice.problems == [] and not kept.exists()


def test_files_planted_in_the_workers_folder_are_not_kept_to_be_read_at_every_check(
    where, key, tmp_path
):
    """Kept while refused only for now, 50,000 files signed by an unknown key were read at
    every 15-minute check, freezing the window (review 2026-12-01): only a few bundles of a
    name this app writes are kept."""
    stranger = signing.generate(tmp_path / "stranger")
    made = publish(SHIPPED, stranger.private_path, tmp_path / "out", "2026.12.9", TODAY)
    where.user_updates.mkdir(parents=True, exist_ok=True)
    for n in range(6):
        shutil.copy(made, where.user_updates / f"planted-{n}.navdir")
        shutil.copy(made, where.user_updates / f"installed-{n:016}.navdir")
    choice = select_directory(where, TODAY)
    left = sorted(p.name for p in where.user_updates.glob("*.navdir"))
    assert len(left) == 4 and all(name.startswith("installed-") for name in left)
    assert len(choice.set_aside) == 8


UNPRIVILEGED_SELECTION = """
import sys
from pathlib import Path
from app.db.directories import Locations, select_directory
from app.db.trust import KeySources
root = Path(sys.argv[1])
where = Locations(root / "install" / "directory.sqlite", KeySources(root / "trusted"),
                  root / "machine", root / "user")
choice = select_directory(where)
print(choice.origin)
print("\\n".join(choice.refused))
"""


def select_as_a_worker(root):
    """select_directory run by an account that may not read what root locked away (as
    root, the test's own account, every file reads)."""
    command = [sys.executable, "-c", UNPRIVILEGED_SELECTION, str(root)]
    if os.geteuid() == 0:
        drop = ["--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"]
        command = ["setpriv", *drop, "--bounding-set=-all", *command]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True, cwd="/")
    return out.stdout


@pytest.mark.skipif(not shutil.which("setpriv"), reason="setpriv (util-linux) is not installed")
def test_an_update_folder_or_keys_a_worker_cannot_read_are_named(key):
    """IT's update folder, or its keys, readable by administrators only: no update came,
    and the self-test said nothing, or "signed with unknown key" of IT's own publisher
    (review 2026-12-01)."""
    root = Path(tempfile.mkdtemp())
    root.chmod(0o755)
    (root / "install").mkdir()
    shutil.copy(SHIPPED, root / "install")
    shutil.copy(SHIPPED.with_name("directory.sqlite.sha256"), root / "install")
    shutil.copytree(key.private_path.parent.parent / "trusted", root / "trusted")
    publish(SHIPPED, key.private_path, root / "machine", "2026.12.1", TODAY)
    for folder in (root / "install", root / "trusted", root / "machine"):
        folder.chmod(0o755)
        for file in folder.iterdir():
            file.chmod(0o644)
    assert select_as_a_worker(root).startswith("machine")  # readable: the update is used
    # one link in the share to where a worker may not look hid the whole share: the update
    # with it (IT review 2026-12-01); now that one entry alone is refused, by name
    (root / "locked").mkdir(mode=0o700)
    (root / "machine" / "zz.navdir").symlink_to(root / "locked" / "x.navdir")
    said = select_as_a_worker(root)
    assert said.startswith("machine") and "zz.navdir" in said
    (root / "machine" / "zz.navdir").unlink()
    (root / "machine").chmod(0o700)
    said = select_as_a_worker(root)
    assert said.startswith("shipped") and "cannot be read: Permission denied" in said
    (root / "machine").chmod(0o755)
    next((root / "trusted").iterdir()).chmod(0o600)  # one key file
    said = select_as_a_worker(root)
    unreadable = next((root / "trusted").iterdir())
    assert f"the trusted keys cannot be read ({unreadable}): Permission denied" in said
    assert "unknown key" not in said
    shutil.rmtree(root)


def test_a_file_named_like_the_set_aside_folder_keeps_nothing_in_place(where, key):
    """A file called "set-aside" made every move fail: 200,000 planted files were read at
    every check, 6 s each on the window's thread (review 2026-12-01)."""
    where.user_updates.mkdir(parents=True)
    (where.user_updates / "set-aside").write_text("in the way")
    for n in range(5):
        (where.user_updates / f"junk-{n}.navdir").write_bytes(b"not a bundle")
    choice = select_directory(where, TODAY)
    assert len(choice.set_aside) == 5
    assert list(where.user_updates.glob("*.navdir")) == []
    assert (where.user_updates / "set-aside").is_dir()


def test_planted_installed_files_never_push_out_its_kept_copy(where, key, tmp_path):
    """Four planted "installed-" bundles of an unknown key took every place kept for now,
    and IT's kept copy was set aside at the next check without the keys (review)."""
    stranger = signing.generate(tmp_path / "stranger")
    made = publish(SHIPPED, stranger.private_path, tmp_path / "out", "2026.12.9", TODAY)
    bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)  # IT's bundle in use: a copy kept in the worker's folder
    (kept,) = where.user_updates.glob("kept-*")
    for n in range(4):
        shutil.copy(made, where.user_updates / f"installed-{n:016}.navdir")
    (public,) = (tmp_path / "trusted").iterdir()
    public.rename(tmp_path / public.name)  # the keys gone for one check
    select_directory(where, TODAY)
    assert kept.exists()


def test_an_update_signed_before_the_stricter_number_rules_is_kept_its_number_flagged(
    where, key, tmp_path, monkeypatch
):
    """A number a digit short, in an update signed before 02/011x/01x1 numbers needed 11
    digits: the laptop set the update aside for good and went back to an older directory,
    losing the lead's other corrections (attack review 2026-12-01). It is kept; the number
    is shown "check it"; a new publish refuses it."""
    import app.db.checks as checks_module
    from app.db.loader import load_graph
    from app.pathways.services import check_before_use

    database = tmp_path / "old-rules.sqlite"
    shutil.copy(SHIPPED, database)
    with sqlite3.connect(database) as db:
        db.execute("UPDATE phone SET number = '0121 552 644' WHERE service_id = 'bcwa'")
        db.execute(
            "UPDATE service SET assured_date = '2026-11-20', assured_method = 'phoned', "
            "assured_by = 'DA lead', confidence = 'high' WHERE id = 'bcwa'"
        )
    db.close()
    with pytest.raises(Refused, match=r"bcwa: number: '0121 552 644' has too few or too many"):
        publish(database, key.private_path, where.machine_updates, "2026.12.1", TODAY)
    older_rules = lambda source, every_rule: None  # noqa: E731
    monkeypatch.setattr(checks_module, "check_numbers", older_rules)  # as before them
    publish(database, key.private_path, where.machine_updates, "2026.12.1", TODAY)
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.refused) == ("2026.12.1", [])
    service = load_graph(choice.data).services["bcwa"]
    assert service.phone == "0121 552 644"
    assert check_before_use(service, TODAY, 12)  # confirmed, and still "check it"
    assert not service.has_confirmed_contact  # so the plan offers the fallbacks too


@pytest.mark.skipif(os.name == "nt", reason="Windows: the MSI's ACL guards the folder")
def test_a_machine_key_file_any_user_may_write_is_never_trusted(where, tmp_path):
    """A key file in the machine keys folder writable by every account (or another's)
    signed a colleague's directory into use, and the self-test passed (IT review)."""
    import dataclasses

    planted = signing.generate(tmp_path / "planted")
    machine_keys = tmp_path / "machine-keys"
    machine_keys.mkdir()
    shutil.copy(planted.public_path, machine_keys)
    (machine_keys / planted.public_path.name).chmod(0o666)
    where = dataclasses.replace(where, keys=dataclasses.replace(where.keys, machine=machine_keys))
    publish(SHIPPED, planted.private_path, where.machine_updates, "2026.12.1", TODAY)
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"
    assert any(
        "can be changed by other accounts (mode 666): not trusted" in r for r in choice.refused
    )
    (machine_keys / planted.public_path.name).chmod(0o644)  # IT's own, as IT left it
    assert select_directory(where, TODAY).origin == "machine"


def test_an_update_folder_any_user_can_change_is_named_for_it(where, key):
    """With IT's update folder open to every user the self-test passed; a key file open to
    them is named (the lead's and IT's walk, 2026-12-02): any user could remove an update
    before a laptop took it."""
    import os

    where.machine_updates.mkdir()
    os.chmod(where.machine_updates, 0o777)
    said = [p for p in select_directory(where, TODAY).problems if "any user could" in p]
    assert said and "can be changed by other accounts (mode 777)" in said[0]
    os.chmod(where.machine_updates, 0o755)
    assert not any("any user could" in p for p in select_directory(where, TODAY).problems)
    # an update in it any user could overwrite (with an older one): named too (re-attack)
    made = publish(SHIPPED, key.private_path, where.machine_updates, "2026.12.3", TODAY)
    os.chmod(made, 0o666)
    said = [p for p in select_directory(where, TODAY).problems if "any user could" in p]
    assert said and said[0].startswith(f"{made} can be changed by other accounts (mode 666)")
    # a link in it to a file in a folder any user can write: the file could be swapped
    # for an older update, and the self-test passed (attack, 2026-12-02)
    elsewhere = where.machine_updates.parent / "anyone"
    elsewhere.mkdir(mode=0o777)
    os.chmod(elsewhere, 0o777)
    os.chmod(made, 0o644)
    os.symlink(made.rename(elsewhere / made.name), where.machine_updates / made.name)
    said = [p for p in select_directory(where, TODAY).problems if "any user could" in p]
    assert said and f"is a link into a folder ({elsewhere}) that can be changed" in said[0]
    # through a second link kept in that folder, to a file in one of IT's (re-attack round)
    store = where.machine_updates.parent / "store"
    store.mkdir()
    (elsewhere / made.name).rename(store / made.name)
    os.symlink(store / made.name, elsewhere / "current.navdir")
    (where.machine_updates / made.name).unlink()
    os.symlink(elsewhere / "current.navdir", where.machine_updates / made.name)
    said = [p for p in select_directory(where, TODAY).problems if "any user could" in p]
    assert said and f"is reached through a folder ({elsewhere}) that can be changed" in said[0]


CORRECTED = "UPDATE phone SET number = '0121 788 4333' WHERE service_id = 'solihull-mash'"
HOURS = "UPDATE schedule SET description = 'Mon-Fri 9:00-17:00' WHERE service_id = 'bswa'"


def stale_pair(where, key, tmp_path):
    """IT's 2026.12.5 (Solihull's front door corrected) and a second lead's 2026.12.6, made
    without it (only Birmingham and Solihull Women's Aid's hours changed): the latter's file."""
    first = shipped_changed(tmp_path / "first.sqlite", CORRECTED)
    publish(first, key.private_path, where.machine_updates, "2026.12.5", TODAY)
    second = shipped_changed(tmp_path / "second.sqlite", HOURS)
    return publish(second, key.private_path, tmp_path / "lead-b", "2026.12.6", TODAY)


@pytest.mark.parametrize("name", ["installed-0000000000000000.navdir", "kept-1.navdir", "b.navdir"])
def test_a_workers_copy_changing_back_an_older_update_here_is_set_aside(
    where, key, tmp_path, name, monkeypatch
):
    """The second lead's 2026.12.6, made without 2026.12.5, put the front door's old number
    back. `directory install` refused it, but the same file copied into the worker's folder
    was used at the next start, unsaid (attack, 2026-12-05; H444)."""
    from app.db import stale_update

    made = stale_pair(where, key, tmp_path)
    where.user_updates.mkdir()
    copies = [where.user_updates / f"{n or ''}{name}" for n in range(3)]
    for copy in copies:  # copies of one bundle are read against the others once (re-attack)
        shutil.copy(made, copy)
    from app.db import directories

    reads, whole = [], []
    monkeypatch.setattr(stale_update, "changed_back", lambda *a: reads.append(a) or "undone")
    read_whole = directories._read_whole
    monkeypatch.setattr(
        directories, "_read_whole", lambda p, *a: whole.append(p) or read_whole(p, *a)
    )
    select_directory(where, TODAY)
    assert len(reads) == 1  # and the other copies not read whole: 100 took 20 s
    assert len([p for p in whole if p.parent == where.user_updates]) == 1
    monkeypatch.undo()
    shutil.rmtree(where.user_updates / "set-aside")
    for copy in copies:
        shutil.copy(made, copy)
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.5", "machine")
    undoes = (
        "was set aside: it changes back corrections already made on this computer, so it is "
        "not used (IT: the reason is beside the file in set-aside)"
    )
    assert sorted(choice.set_aside) == sorted(f"{copy.name} {undoes}" for copy in copies)
    reason = next((where.user_updates / "set-aside").glob(f"{name}.*.reason.txt"))
    assert "0121 788 4333 (2026.12.6's: 0121 788 4300)" in reason.read_text()
    # IT's share out of reach: the worker's copy is still not used; one named as a kept
    # copy of IT's may be IT's own (IT's update verify flagged, set aside, went on and off
    # with the network: re-attack, 2026-12-05), and is read again once the share is back
    shutil.copy(made, where.user_updates / name)
    shutil.move(where.machine_updates, tmp_path / "offline")
    kept = where.user_updates / f"kept-{choice.sha256[:16]}.navdir"  # IT's, kept before
    choice = select_directory(where, TODAY)
    if name.startswith("kept-"):
        assert (choice.version, choice.origin) == ("2026.12.6", "kept_unconfirmed")
        shutil.move(tmp_path / "offline", where.machine_updates)
        choice = select_directory(where, TODAY)
        kept = where.machine_updates / "directory-2026.12.5.navdir"
    assert (choice.path, choice.version, choice.set_aside) == (
        kept,
        "2026.12.5",
        [f"{name} {undoes}"],
    )


def test_two_stale_updates_copied_in_together_are_both_set_aside(where, key, tmp_path):
    """A second lead published 2026.12.6, then 2026.12.7 from the same working copy, both
    without IT's 2026.12.5: copied in together, 2026.12.7 was read against 2026.12.6, which
    it was made from, alone, and used (re-attack on H444, 2026-12-05; H449)."""
    import hashlib

    made = stale_pair(where, key, tmp_path)
    second = read_bundle(made, load_trusted_keys(where.keys)[0])[1]
    began = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    held = f"{began} {hashlib.sha256(second).hexdigest()}"
    third = shipped_changed(tmp_path / "third.sqlite", HOURS.replace("17:00", "17:30"))
    later = publish(third, key.private_path, tmp_path / "lead-b7", "2026.12.7", TODAY,
                    begun_from="2026.11.30", begun_sha256=held)  # fmt: skip
    where.user_updates.mkdir()
    shutil.copy(made, where.user_updates / "b6.navdir")
    shutil.copy(later, where.user_updates / "b7.navdir")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.5", "machine")
    assert sorted(said.split()[0] for said in choice.set_aside) == ["b6.navdir", "b7.navdir"]
    (reason,) = (where.user_updates / "set-aside").glob("b7.navdir.*.reason.txt")
    assert reason.read_text().startswith(
        "it was made from 2026.12.6, an update IT's folder does not hold, and the update "
        "2026.12.6 changes back what the older update 2026.12.5"
    )


def test_the_leads_own_chain_is_used_after_its_first_link_goes(where, key, tmp_path):
    """The lead's laptop: IT's 2026.12.5 held a slip; the lead installed 2026.12.6 (the slip
    put right, begun from 2026.12.5), then 2026.12.7 and 2026.12.8, each begun from the one
    before. The worker's folder keeps two, so 2026.12.6 goes: 2026.12.7 is not read as a
    change back of 2026.12.5's slip (third look at H448, 2026-12-05)."""
    import hashlib

    slip = "UPDATE phone SET number = '0121 788 4399' WHERE service_id = 'solihull-mash'"
    publish(shipped_changed(tmp_path / "slip.sqlite", slip), key.private_path,
            where.machine_updates, "2026.12.5", TODAY)  # fmt: skip
    keys = load_trusted_keys(where.keys)[0]
    before = select_directory(where, TODAY).data
    for n, version in enumerate(("2026.12.6", "2026.12.7", "2026.12.8")):
        edits = [HOURS.replace("17:00", f"17:{n}0")]  # the slip put right: the app's own number
        database = shipped_changed(tmp_path / f"{version}.sqlite", *edits)
        began = ("2026.12.5", "2026.12.6", "2026.12.7")[n]
        held = hashlib.sha256(before).hexdigest()
        made = publish(database, key.private_path, tmp_path / version, version, TODAY,
                       begun_from=began, begun_sha256=held)  # fmt: skip
        assert install_bundle(made, where, TODAY).version == version
        before = read_bundle(made, keys)[1]
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.set_aside) == ("2026.12.8", "user", [])
    assert len(list(where.user_updates.glob("installed-*.navdir"))) == 2  # 2026.12.6 went


def test_a_kept_copy_of_its_update_stays_in_use_away_from_its_folder(where, key, tmp_path):
    """IT placed 2026.12.6 although verify said it changes back 2026.12.5: online it was
    used, offline its kept copy was set aside and 2026.12.5 used, and back again, with a
    copy in set-aside at every turn (re-attack on H444, 2026-12-05)."""
    made = stale_pair(where, key, tmp_path)
    assert select_directory(where, TODAY).version == "2026.12.5"  # a copy of it kept here
    shutil.copy(made, where.machine_updates)
    online = select_directory(where, TODAY)
    assert (online.version, online.origin) == ("2026.12.6", "machine")
    shutil.move(where.machine_updates, tmp_path / "offline")
    offline = select_directory(where, TODAY)
    assert (offline.version, offline.origin, offline.set_aside) == (
        "2026.12.6",
        "kept_unconfirmed",
        [],
    )


def test_a_workers_copy_made_from_the_update_here_is_used(where, key, tmp_path):
    """The lead's own laptop: 2026.12.6 begun from IT's 2026.12.5, installed before IT
    places it, is used; what it changes of 2026.12.5 is its own edit."""
    import hashlib

    first = shipped_changed(tmp_path / "first.sqlite", "UPDATE phone SET number = "
                            "'0121 788 4333' WHERE service_id = 'solihull-mash'")  # fmt: skip
    publish(first, key.private_path, where.machine_updates, "2026.12.5", TODAY)
    began = hashlib.sha256(select_directory(where, TODAY).data).hexdigest()
    made = publish(SHIPPED, key.private_path, tmp_path / "lead", "2026.12.6", TODAY,
                   begun_from="2026.12.5", begun_sha256=began)  # fmt: skip
    assert install_bundle(made, where).version == "2026.12.6"
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.set_aside) == ("2026.12.6", "user", [])


def test_an_older_update_this_app_cannot_read_never_stops_a_start(where, key, tmp_path):
    """A signed 2026.12.6 of an older schema (a lead on an old release) beside a worker's
    2026.12.7: reading it against 2026.12.7 raised IndexError at every start and every
    15-minute check (third look at H444, 2026-12-05; H448)."""
    import hashlib

    from app.db.bundle import FORMAT, bundle_bytes
    from app.db.migrate import head_revision

    stale_pair(where, key, tmp_path)
    hours = shipped_changed(tmp_path / "hours.sqlite", HOURS)
    made = publish(hours, key.private_path, tmp_path / "lead-b7", "2026.12.7", TODAY)
    older = shipped_changed(
        tmp_path / "old-schema.sqlite",
        "UPDATE content_meta SET value = '2026.12.6' WHERE key = 'directory_version'",
        "ALTER TABLE service DROP COLUMN assured_by",
    ).read_bytes()
    key_id, private = signing.load_private(key.private_path)
    digest = hashlib.sha256(older).hexdigest()
    dates = ("2026-12-05", "2027-06-01")
    manifest = Manifest(FORMAT, "2026.12.6", head_revision(), *dates, digest, len(older), key_id)
    fields = manifest.signed_fields()
    signed = Manifest(**fields, signature=signing.sign(fields, private))
    where.user_updates.mkdir()
    (where.user_updates / "old.navdir").write_bytes(bundle_bytes(signed, older))
    shutil.copy(made, where.user_updates / "b.navdir")
    choice = select_directory(where, TODAY)  # no exception
    assert (choice.version, choice.origin) == ("2026.12.5", "machine")


def test_a_chain_longer_than_a_laptop_keeps_is_not_used(where, key, tmp_path):
    """Seven stale updates from one working copy, copied in together, passed: the five links
    read never reached the first, the one that changes back 2026.12.5's correction (fourth
    look at H449, 2026-12-05)."""
    import hashlib

    stale_pair(where, key, tmp_path)
    keys = load_trusted_keys(where.keys)[0]
    held = [hashlib.sha256(SHIPPED.read_bytes()).hexdigest()]
    where.user_updates.mkdir()
    for n in range(7):
        version = f"2026.12.{6 + n}"
        database = shipped_changed(
            tmp_path / f"{version}.sqlite", HOURS.replace("17:00", f"1{n}:30")
        )
        made = publish(database, key.private_path, tmp_path / version, version, TODAY,
                       begun_from="2026.11.30", begun_sha256=" ".join(held))  # fmt: skip
        held.append(hashlib.sha256(read_bundle(made, keys)[1]).hexdigest())
        shutil.copy(made, where.user_updates / f"w{n}.navdir")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.5", "machine")
    assert len(choice.set_aside) == 7
