"""`directory keygen` and `directory publish` as a script would run them."""

from datetime import date, timedelta

from app.__main__ import main
from tests.conftest import REPO


def test_publish_shows_what_it_signed_and_never_signs_unsaved_edits(tmp_path, capsys):
    """A line added to the hidden autosave journal was replayed and signed (a wrong
    National DA Helpline number, marked checked), and publish said only "published"
    (review 2026-12-01)."""
    import shutil

    from app.db import signing
    from app.db.working_copy import WorkingCopy

    folder = tmp_path / "copy"
    shutil.copytree(REPO / "resources" / "services", folder)
    secret = tmp_path / "pass.txt"
    secret.write_text("a long enough passphrase\n")
    lead = signing.generate(tmp_path / "k", "a long enough passphrase")
    publish = ["directory", "publish", "--source", str(folder), "--key", str(lead.private_path)]
    publish += ["--out", str(tmp_path / "out"), "--passphrase-file", str(secret)]
    copy = WorkingCopy.open(folder)
    copy.update("ndah", {"phone": "0808 2000 248"})  # in the journal, not saved
    assert main([*publish, "--version", "2026.12.1"]) == 1
    assert "has unsaved edits" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    copy.save()
    assert main([*publish, "--version", "2026.12.1"]) == 0
    out = capsys.readouterr().out
    assert "→ 2026.12.1: 1 number changed" in out
    assert "number 0808 2000 247 → 0808 2000 248" in out


def test_publishing_a_database_shows_what_it_changes_against_the_one_in_use(
    tmp_path, capsys, coventry_edit, app_home
):
    from datetime import date

    from app.db import signing

    lead = signing.generate(tmp_path / "k")
    publish = ["--directory", str(coventry_edit), "directory", "publish"]
    publish += ["--key", str(lead.private_path), "--out", str(tmp_path / "out")]
    today = date.today()
    version = f"{today.year}.{today.month}.{today.day}"
    assert main([*publish, "--version", version]) == 0
    out = capsys.readouterr().out
    assert f"→ {version}: 1 number changed" in out  # the version signed, not the file's
    assert "changed: Coventry MASH: number 024 7678 8555 → 024 7600 0000" in out


def test_a_bundle_signed_by_a_key_this_computer_does_not_trust_is_said(
    tmp_path, capsys, coventry_edit, app_home
):
    """Signed by a key IT had not trusted yet, it was "published" and never arrived on a
    laptop; the lead was not told (lead review 2026-12-01)."""
    import shutil
    from datetime import date

    from app.db import signing
    from tests.conftest import machine_folder

    lead = signing.generate(tmp_path / "k")
    today = date.today()
    publish = ["--directory", str(coventry_edit), "directory", "publish"]
    publish += ["--key", str(lead.private_path), "--out", str(tmp_path / "out")]
    assert main([*publish, "--version", f"{today.year}.{today.month}.{today.day}"]) == 0
    err = capsys.readouterr().err
    assert f"warning: This computer does not trust the key that signed it ({lead.key_id})" in err
    keys = machine_folder(app_home.env, "config", "keys")
    keys.mkdir(parents=True, exist_ok=True)
    shutil.copy(lead.public_path, keys)  # IT trusts it
    assert main([*publish, "--version", f"{today.year}.{today.month}.{today.day}.1"]) == 0
    assert "does not trust" not in capsys.readouterr().err


def test_publish_lists_no_settings_change_from_this_laptops_policy(
    tmp_path, capsys, coventry_edit, app_home
):
    """IT's thresholds on the lead's laptop were compared with the new directory as signed:
    every publish said "pathway changed: settings / escalation_incidents: 2 → 3", a change
    never made, teaching the lead to skip the lines that matter (review 2026-12-01)."""

    from tests.conftest import machine_folder

    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text('{"escalation_incidents": 2, "sarc_urgent_days": 14}')
    out = published_today(coventry_edit, tmp_path, capsys)
    assert ": 1 number changed" in out
    assert "pathway" not in out and "escalation_incidents" not in out


def test_publishing_a_database_that_changes_back_a_published_update_is_refused(
    tmp_path, capsys, coventry_edit, app_home
):
    """The shipped database, published above the lead's correction, took it off every
    laptop; its changes were listed only once signed (attack review 2026-12-01)."""
    from datetime import date

    from app.db import signing

    lead = signing.generate(tmp_path / "k")
    out = tmp_path / "out"
    today = date.today()
    version = f"{today.year}.{today.month}.{today.day}"
    publish = ["directory", "publish", "--key", str(lead.private_path), "--out", str(out)]
    assert main(["--directory", str(coventry_edit), *publish, "--version", version]) == 0
    shipped = str(REPO / "resources" / "directory.sqlite")
    capsys.readouterr()
    assert main(["--directory", shipped, *publish, "--version", f"{version}.1"]) == 1
    err = capsys.readouterr().err
    assert f"changes back what {version}, published already" in err
    assert "Coventry MASH: 024 7600 0000 (this database's: 024 7678 8555)" in err
    assert [p.name for p in out.glob("*.navdir")] == [f"directory-{version}.navdir"]


def test_the_check_of_what_a_database_changes_back_needs_no_trust_and_a_whole_copy(
    tmp_path, capsys, coventry_edit, app_home
):
    """Skipped when the newest was signed by a key not trusted yet (in the lead's ledger) or
    cut short in the output folder: the shipped database went out over the correction."""
    from datetime import date

    from app.db import signing

    new, old = signing.generate(tmp_path / "new"), signing.generate(tmp_path / "old")
    today = date.today()
    version = f"{today.year}.{today.month}.{today.day}"
    out = tmp_path / "out"

    def publish(database, key, at, folder=out):
        command = ["--directory", str(database), "directory", "publish", "--key"]
        return main([*command, str(key.private_path), "--out", str(folder), "--version", at])

    assert publish(coventry_edit, new, version, tmp_path / "elsewhere") == 0  # into the ledger
    shipped = REPO / "resources" / "directory.sqlite"
    capsys.readouterr()
    assert publish(shipped, old, f"{version}.1") == 1  # old: the key trusted here, say
    assert "changes back what" in capsys.readouterr().err
    assert publish(coventry_edit, old, f"{version}.2") == 0
    made = out / f"directory-{version}.2.navdir"
    made.write_bytes(made.read_bytes()[:5000])  # cut short
    for ledger in app_home.root.rglob("published"):
        for bundle in ledger.glob("*.navdir"):
            bundle.unlink()  # only the cut copy is left
    capsys.readouterr()
    assert publish(shipped, old, f"{version}.3") == 1
    assert "cannot be read whole" in capsys.readouterr().err


def test_a_database_published_into_its_update_folder_shows_its_changes(
    tmp_path, capsys, coventry_edit, app_home
):
    """Compared with the directory in use once published, the bundle just written into IT's
    folder was the one in use: "V → V: no change to any service" (attack review)."""
    import json
    import shutil
    from datetime import date

    from app.db import signing
    from tests.conftest import machine_folder

    lead = signing.generate(tmp_path / "k")
    keys = machine_folder(app_home.env, "config", "keys")
    keys.mkdir(parents=True, exist_ok=True)
    shutil.copy(lead.public_path, keys)
    share = tmp_path / "share"
    share.mkdir()
    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.write_text(json.dumps({"directory_update_folder": str(share)}))
    today = date.today()
    version = f"{today.year}.{today.month}.{today.day}"
    command = ["--directory", str(coventry_edit), "directory", "publish", "--version", version]
    assert main([*command, "--key", str(lead.private_path), "--out", str(share)]) == 0
    assert f"→ {version}: 1 number changed" in capsys.readouterr().out


def test_the_passphrase_prompt_ended_with_ctrl_d_is_said(tmp_path, capsys, monkeypatch):
    """Ctrl-D at the prompt gave "unexpected problem (EOFError)" (the lead's walk, 12-03)."""
    import getpass
    import sys

    def ended(_prompt=""):
        raise EOFError

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", ended)
    assert main(["directory", "keygen", "--out", str(tmp_path / "k")]) == 1
    assert "error: no key made: no passphrase given (the input ended)" in capsys.readouterr().err


def test_a_database_is_published_with_this_releases_rules(tmp_path, capsys, app_home, graph):
    """A database handed to the lead (a colleague's file, an older release's) was signed
    with its own rules: one whose 999 rule could never hold was signed and, on laptops,
    "Call 999" never showed (attack, 2026-12-04). Its services are signed under the rules of
    the release publishing it (H345)."""

    from app.db.bundle import read_bundle_file, whole_bundle
    from app.db.loader import load_graph
    from tests.conftest import shipped_changed
    from tests.test_in_force import NO_999

    database = shipped_changed(
        tmp_path / "handed.sqlite",
        "UPDATE content_meta SET value = '2025.9' WHERE key = 'pathway_version'",
        "UPDATE phone SET number = '024 7600 0000' WHERE service_id = 'coventry-mash'",
        NO_999,
    )
    out = published_today(database, tmp_path, capsys)
    assert ": 1 number changed" in out and "pathway" not in out
    _, signed = whole_bundle(read_bundle_file(next((tmp_path / "o").iterdir())))
    rules = load_graph(signed)
    assert (rules.pathway_version, rules.rules) == (graph.pathway_version, graph.rules)
    assert rules.services["coventry-mash"].phone == "024 7600 0000"


def published_today(database, tmp_path, capsys) -> str:
    """`directory publish` of a database as it is, versioned today and signed with a new
    lead's key into tmp_path/o: what it printed."""
    from datetime import date

    from app.db import signing

    lead = signing.generate(tmp_path / "k")
    today = date.today()
    version = f"{today.year}.{today.month}.{today.day}"
    publish = ["--directory", str(database), "directory", "publish", "--version", version]
    assert main([*publish, "--key", str(lead.private_path), "--out", str(tmp_path / "o")]) == 0
    return capsys.readouterr().out


def saved_copy(folder, service_id: str, changes: dict):
    """A working copy of the shipped services at `folder`, one service's edit saved."""
    import shutil

    from app.db.working_copy import WorkingCopy

    shutil.copytree(REPO / "resources" / "services", folder)
    copy = WorkingCopy.open(folder)
    copy.update(service_id, changes)
    copy.save()
    return copy


def test_a_working_copys_changes_are_checked_and_listed_with_nothing_signed(
    tmp_path, capsys, app_home
):
    """A trial publish to a scratch folder stayed in the lead's ledger, and every later
    publish from their working copy was refused as older (the lead's walk, 2026-12-04)."""
    import shutil

    from app.db import signing

    folder = tmp_path / "copy"
    copy = saved_copy(folder, "ndah", {"phone": "0808 2000 248"})
    check = ["directory", "publish", "--source", str(folder), "--version", "2026.12.1"]
    assert main([*check, "--check", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert f"checked: {folder} would publish as 2026.12.1; nothing signed or written" in out
    assert "number 0808 2000 247 → 0808 2000 248" in out
    assert not (tmp_path / "out").exists() and not list(app_home.root.rglob("*.navdir"))
    ahead = date.today() + timedelta(days=7)  # said, as the window says it (F14)
    week = f"{ahead.year}.{ahead.month}.{ahead.day}"
    assert main([*check[:-1], week, "--check", "--out", str(tmp_path / "out")]) == 0
    assert f"note: {week} is dated {ahead.day} {ahead:%B}, 7 days ahead" in capsys.readouterr().out
    copy.update("ndah", {"phone": "0808 2000 24"})  # a digit short: said, as publish says it
    copy.save()
    assert main([*check, "--check"]) == 1
    assert "ndah" in capsys.readouterr().err
    copy.update("ndah", {"phone": "0808 2000 248"})
    copy.save()
    lead = signing.generate(tmp_path / "k", "a long enough passphrase")
    secret = tmp_path / "pass.txt"
    secret.write_text("a long enough passphrase\n")
    signed = [*check, "--key", str(lead.private_path), "--passphrase-file", str(secret)]
    assert main([*signed, "--out", str(tmp_path / "out")]) == 0  # the check blocked nothing
    assert "number 0808 2000 247 → 0808 2000 248" in capsys.readouterr().out
    # a copy begun before that publish: the check says what the publish would (lead's walk)
    older = tmp_path / "older"
    shutil.copytree(REPO / "resources" / "services", older)
    later = ["directory", "publish", "--source", str(older), "--version", "2026.12.2", "--check"]
    assert main([*later, "--out", str(tmp_path / "out")]) == 1
    said = capsys.readouterr().err
    assert "older than 2026.12.1 published already" in said
    # signed with a key this computer does not trust, it cannot be installed here: the way
    # on is to publish again from its own copy (the lead's walk, 2026-12-07)
    assert "signed with a key this computer does not trust" in said
    # trusted here: what to do when its changes are unwanted (a bundle never sent: attack F16)
    from tests.conftest import machine_folder

    keys = machine_folder(app_home.env, "config", "keys")
    keys.mkdir(parents=True, exist_ok=True)
    shutil.copy(lead.public_path, keys)
    assert main([*later, "--out", str(tmp_path / "out")]) == 1
    said = capsys.readouterr().err
    assert "If you do not want its changes" in said and "corrected only by a higher" in said


def test_publish_says_what_it_lacks(tmp_path, capsys, app_home):
    shipped = str(REPO / "resources" / "directory.sqlite")
    assert main(["--directory", shipped, "directory", "publish", "--version", "2026.12.1"]) == 2
    assert "--key KEY is needed to sign (or --check" in capsys.readouterr().err
    assert main(["directory", "publish", "--version", "2026.12.1", "--check"]) == 2
    assert "--check looks at a working copy: give --source FOLDER" in capsys.readouterr().err
    new = tmp_path / "new"
    assert (
        main(["directory", "publish", "--source", str(new), "--version", "2026.12.1", "--check"])
        == 1
    )
    assert f"begin one with `python -m app maintain {new}`" in capsys.readouterr().err


def at_a_terminal(args: list[str], typed: list[str], cwd) -> str:
    """What a lead at a real terminal (a pseudo-terminal) sees, typing each line of `typed`
    when asked for one."""
    import os
    import pty
    import select
    import sys

    pid, terminal = pty.fork()
    if pid == 0:  # the app, its terminal the pseudo-terminal
        os.chdir(cwd)
        os.execv(sys.executable, [sys.executable, "-m", "app", *args])
    seen, left = b"", list(typed)
    while True:
        ready, _, _ = select.select([terminal], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the app has ended
            break
        if not chunk:
            break
        seen += chunk
        if left and seen.rstrip().endswith(b":"):
            os.write(terminal, left.pop(0).encode() + b"\n")
    os.waitpid(pid, 0)
    return seen.decode(errors="replace")


def test_a_short_passphrase_is_refused_before_it_is_asked_again(tmp_path):
    """keygen asked for a short passphrase twice, then refused it (the lead's walk)."""
    said = at_a_terminal(["directory", "keygen", "--out", str(tmp_path / "k")], ["short"], REPO)
    assert "Passphrase for the key:" in said and "again" not in said
    assert "no key made: the passphrase must have at least 10 characters" in said
    assert not (tmp_path / "k").exists()


def test_an_update_the_copy_could_not_keep_is_said_by_the_script(tmp_path, capsys, monkeypatch):
    """Unsaid on a full disk, a later link published on a laptop without the update lost
    the line (H454, N5). The disk fills as the kept copy is written."""
    import errno
    import shutil

    from app.db import copy_marks, signing

    def disk_full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    folder = tmp_path / "copy"
    shutil.copytree(REPO / "resources" / "services", folder)
    secret = tmp_path / "pass.txt"
    secret.write_text("a long enough passphrase\n")
    lead = signing.generate(tmp_path / "k", "a long enough passphrase")
    assert main(["directory", "check-service", "coventry-mash", "--source", str(folder),
                 "--method", "phoned", "--by", "DA lead"]) == 0  # fmt: skip
    monkeypatch.setattr(copy_marks.shutil, "copyfile", disk_full)
    publish = ["directory", "publish", "--source", str(folder), "--key", str(lead.private_path)]
    out = ["--out", str(tmp_path / "out"), "--passphrase-file", str(secret)]
    assert main([*publish, "--version", "2026.12.1", *out]) == 0
    said = capsys.readouterr().err
    assert "warning: This working copy could not keep a copy of the update it signed" in said


def test_an_update_leaving_a_council_without_its_front_door_is_never_signed(
    tmp_path, capsys, app_home
):
    """Coventry's rows deleted in Excel were signed, sent, and taken by every laptop, whose
    self-test passed (IT attack, 2026-12-07; H508): both ways of publishing refuse it."""
    from app.db import signing
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "k")
    signed_by = ["--key", str(lead.private_path), "--out", str(tmp_path / "out")]
    folder = tmp_path / "copy"
    saved_copy(folder, "coventry-mash", {"status": "retired"})
    publish = ["directory", "publish", "--source", str(folder), "--version", "2026.12.1"]
    assert main([*publish, *signed_by]) == 1
    said = capsys.readouterr().err
    assert "nothing published: this update leaves a council with no service" in said
    assert "(Coventry: children's front door)" in said
    database = shipped_changed(
        tmp_path / "lost.sqlite",
        "UPDATE service SET status = 'retired' WHERE id = 'walsall-adult-safeguarding'",
    )
    as_it_is = ["--directory", str(database), "directory", "publish", "--version", "2026.12.1"]
    assert main([*as_it_is, *signed_by]) == 1
    assert "(Walsall: adult safeguarding)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_workbook_beside_the_csv_is_named_and_nothing_is_published(tmp_path, capsys, app_home):
    """Excel's Save left services.xlsx beside services.csv, holding the lead's correction;
    the publish read services.csv alone, signed "no change to any service", and the MASH's
    new number never reached a laptop (the lead's walk, 2026-12-07). A check recorded
    afterwards saved services.csv anew, and a refusal by time fell silent (re-walk)."""
    folder = tmp_path / "copy"
    saved_copy(folder, "ndah", {"phone": "0808 2000 248"})
    (folder / "Services.XLSX").write_bytes(b"PK\x03\x04 a workbook")
    (folder / "~$services.xlsx").write_bytes(b"Excel's own, while it is open")
    check = ["directory", "publish", "--source", str(folder), "--version", "2026.12.1", "--check"]
    assert main(check) == 1
    said = capsys.readouterr().err
    assert f"Services.XLSX is in {folder}: Navigator reads only services.csv" in said
    assert 'Save As "CSV UTF-8 (Comma delimited)" named services.csv' in said
    assert "~$" not in said
    recorded = ["directory", "check-service", "ndah", "--source", str(folder)]
    assert main([*recorded, "--method", "phoned", "--by", "DA lead"]) == 0  # saves the CSV
    assert main(check) == 1  # still named
    (folder / "Services.XLSX").rename(tmp_path / "Services.XLSX")  # moved out
    (folder / "MASH numbers.xlsx").write_bytes(b"PK\x03\x04 the lead's own notes")
    assert main(check) == 0
