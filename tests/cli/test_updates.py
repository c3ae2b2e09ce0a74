"""`directory verify`, `diff` and `install` as a script would run them."""

from datetime import date, timedelta

from app.__main__ import main
from tests.conftest import REPO


def lead_trusted_here(app_home, tmp_path):
    """A lead's key this machine trusts (its keys folder), and IT's update folder."""
    import shutil

    from app.db import signing
    from tests.conftest import machine_folder

    lead = signing.generate(tmp_path / "k")
    keys = machine_folder(app_home.env, "config", "keys")
    keys.mkdir(parents=True, exist_ok=True)
    shutil.copy(lead.public_path, keys)
    return lead, machine_folder(app_home.env, "data", "directory-updates")


def test_diff_of_two_databases(tmp_path, capsys, coventry_edit):
    shipped = REPO / "resources" / "directory.sqlite"
    assert main(["directory", "diff", str(shipped), str(coventry_edit)]) == 0
    out = capsys.readouterr().out
    assert ": 1 number changed" in out
    assert "changed: Coventry MASH: number 024 7678 8555 → 024 7600 0000" in out
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database")
    assert main(["directory", "diff", str(shipped), str(garbage)]) == 1
    assert "garbage.sqlite" in capsys.readouterr().err
    # a working copy's folder: what is allowed is said (attack review 2026-12-01)
    assert main(["directory", "diff", str(REPO / "resources" / "services"), str(shipped)]) == 1
    assert "(allowed: a directory database, or a .navdir bundle;" in capsys.readouterr().err


def test_verify_refuses_an_update_made_without_the_one_on_this_computer(tmp_path, capsys, app_home):
    """IT's verify said "ok" to a second lead's update, made from the app's own directory,
    which put Solihull's old front-door number back on every laptop (the lead's and IT's
    walk, 2026-12-02); and then to the self-test, which fails on it too."""
    import shutil

    from app.db.bundle import publish
    from tests.conftest import run_app, shipped_changed
    from tests.db.test_stale_update import CORRECTED, HOURS

    lead, share = lead_trusted_here(app_home, tmp_path)
    today = date.today()
    first = shipped_changed(tmp_path / "first.sqlite", *CORRECTED)
    publish(first, lead.private_path, share, f"{today.year}.{today.month}.{today.day}", today)
    stale = shipped_changed(tmp_path / "stale.sqlite", HOURS)
    made = f"{today.year}.{today.month}.{today.day}.1"
    bundle = publish(stale, lead.private_path, tmp_path / "lead-b", made, today)
    assert main(["directory", "verify", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert f"refused: {bundle.name}: the update {made} changes back what the older" in err
    assert "0121 788 4333" in err and "makes those changes again" in err
    # and a person installing it by hand is refused as verify refuses (feed attack, 12-05)
    assert main(["directory", "install", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert f"refused: {bundle.name}: the update {made} changes back what the older" in err
    shutil.copy(bundle, share)  # copied in all the same
    result = run_app("--self-test", env=app_home.env)
    assert result.returncode == 1 and "self-test passed" not in result.stdout
    assert f"self-test failed: the update {made} changes back" in result.stderr


def test_verify_notes_an_update_no_newer_than_the_apps_own_directory(tmp_path, capsys, app_home):
    """A bundle at or below the directory this app version holds passed as "ok"; laptops
    with this app keep their own and never use it (attack round, 2026-12-02)."""

    from app.db import signing
    from app.db.bundle import publish
    from app.db.checks import check_database
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "k")
    own, _ = check_database(REPO / "resources" / "directory.sqlite", validate_graph=False)
    older = "UPDATE content_meta SET value = '2026.1.1' WHERE key = 'directory_version'"
    database = shipped_changed(tmp_path / "older.sqlite", older)  # a lead on an older app
    bundle = publish(database, lead.private_path, tmp_path, "2026.1.2", date.today())
    assert main(["directory", "verify", str(bundle), "--keys", str(lead.public_path.parent)]) == 0
    out = capsys.readouterr().out
    assert f"note: this app's own directory {own} is as new or newer" in out
    assert "never use this update" in out


def test_verify_of_a_working_copys_sheet_says_to_publish_it(tmp_path, capsys, app_home):
    """services.csv sent to IT as it was: "not a readable directory database" said nothing
    of publishing it (the lead's walk, 2026-12-03)."""
    sheet = tmp_path / "services.csv"
    sheet.write_bytes((REPO / "resources" / "services" / "services.csv").read_bytes())
    assert main(["directory", "verify", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "refused: services.csv: a working copy's file, not an update" in err
    assert "sends IT the .navdir file" in err


def test_verify_notes_an_update_signed_on_a_day_after_today(tmp_path, capsys, app_home):
    """A lead's clock a year ahead signed 2027.12.2: verify said "ok", and every later update
    must be numbered above it (attack, 2026-12-02)."""

    from app.db import signing
    from app.db.bundle import publish

    lead = signing.generate(tmp_path / "k")
    ahead = date.today() + timedelta(days=365)
    shipped = REPO / "resources" / "directory.sqlite"
    bundle = publish(shipped, lead.private_path, tmp_path, f"{ahead.year}.12.2", ahead)
    assert main(["directory", "verify", str(bundle), "--keys", str(lead.public_path.parent)]) == 0
    out = capsys.readouterr().out
    assert f"note: signed on {ahead.isoformat()}, after today here" in out
    assert f"every later update must have a version above {ahead.year}.12.2" in out
    day = date.today()
    today = publish(
        shipped, lead.private_path, tmp_path / "t", f"{day.year}.{day.month}.{day.day}", day
    )
    assert main(["directory", "verify", str(today), "--keys", str(lead.public_path.parent)]) == 0
    assert "after today here" not in capsys.readouterr().out


def test_verify_refuses_an_update_this_releases_laptops_refuse(tmp_path, capsys, app_home):
    """Its services lack a service this release's rules name: laptops refuse it, and verify,
    which IT runs before copying it to the share, said "ok" (attack, 2026-12-04; H345)."""
    from app.db import signing
    from tests.conftest import shipped_changed
    from tests.security.attacks import signed_bundle
    from tests.test_in_force import WITHOUT_NDAH

    lead = signing.generate(tmp_path / "k")
    without_ndah = shipped_changed(
        tmp_path / "older-release.sqlite",
        *WITHOUT_NDAH,
        "UPDATE content_meta SET value = '2026.12.8' WHERE key = 'directory_version'",
    )
    bundle = signed_bundle(without_ndah, lead, tmp_path / "directory-2026.12.8.navdir", "2026.12.8")
    assert main(["directory", "verify", str(bundle), "--keys", str(lead.public_path.parent)]) == 1
    assert "do not serve this app's pathway: action" in capsys.readouterr().err


def test_diff_reads_each_directory_under_this_releases_rules(tmp_path, capsys, app_home):
    """Two bundles from two releases listed their rules' differences as changes, though
    laptops read only their services (H345): the lead read "pathway changed" for nothing."""
    from tests.conftest import shipped_changed
    from tests.test_in_force import NO_999

    shipped = REPO / "resources" / "directory.sqlite"
    other_rules = shipped_changed(
        tmp_path / "other-release.sqlite",
        NO_999,
        "UPDATE phone SET number = '024 7600 0000' WHERE service_id = 'coventry-mash'",
    )
    assert main(["directory", "diff", str(shipped), str(other_rules)]) == 0
    out = capsys.readouterr().out
    assert "changed: Coventry MASH: number 024 7678 8555 → 024 7600 0000" in out
    assert "pathway" not in out


def test_verify_lists_what_the_update_changes_against_the_directory_in_use(
    tmp_path, capsys, app_home
):
    """IT's verify said "ok" alone: what the update changes took `directory diff` with the
    right old file, which IT's guide never asked for (the lead's walk, 2026-12-06)."""

    from app.db import signing
    from app.db.bundle import publish
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "k")
    day = date.today()
    corrected = shipped_changed(
        tmp_path / "c.sqlite",
        "UPDATE phone SET number = '0121 788 4333' WHERE service_id = 'solihull-mash'",
    )
    version = f"{day.year}.{day.month}.{day.day}"
    bundle = publish(corrected, lead.private_path, tmp_path, version, day)
    assert main(["directory", "verify", str(bundle), "--keys", str(lead.public_path.parent)]) == 0
    out = capsys.readouterr().out
    assert ": 1 number changed" in out and "0121 788 4333" in out


def test_verify_refuses_an_update_older_than_one_in_use_here(tmp_path, capsys, app_home):
    """Two leads each published from the same update; the second's 2026.12.6.3 reached
    IT's folder first, and verify said "ok" to 2026.12.6.2 with Dudley's new number listed,
    which no laptop would ever use (attack F18)."""
    from app.db.bundle import publish
    from tests.conftest import shipped_changed

    lead, share = lead_trusted_here(app_home, tmp_path)
    day = date.today()
    base = f"{day.year}.{day.month}.{day.day}"
    first = shipped_changed(
        tmp_path / "a.sqlite",
        "UPDATE phone SET number = '0121 788 4333' WHERE service_id = 'solihull-mash'",
    )
    in_share = publish(first, lead.private_path, share, f"{base}.3", day)
    other = shipped_changed(
        tmp_path / "b.sqlite",
        "UPDATE phone SET number = '024 7678 8556' WHERE service_id = 'coventry-mash'",
    )
    late = publish(other, lead.private_path, tmp_path / "lead-b", f"{base}.2", day)
    assert main(["directory", "verify", str(late)]) == 1
    err = capsys.readouterr().err
    assert f"refused: {late.name}: not newer than {base}.3 in use here (IT's update folder)" in err
    assert f"the lead publishes a version above {base}.3, from a working copy begun from it" in err
    assert main(["directory", "verify", str(in_share)]) == 0  # the one in use: ok again
    assert "ok: bundle" in capsys.readouterr().out


def test_install_names_a_folder_given_as_dot(capsys, app_home, monkeypatch):
    """`directory install .` said "refused: : not a directory bundle" (attack, 12-07)."""
    monkeypatch.chdir(app_home.root)
    assert main(["directory", "install", "."]) == 1
    assert "refused: .: not a directory bundle" in capsys.readouterr().err
