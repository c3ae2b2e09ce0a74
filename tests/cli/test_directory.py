"""`python -m app directory …`: where the new database goes is named before any work."""

import json
import shutil

import pytest

from app.__main__ import main
from tests.conftest import DATA, REPO, feed_line

EXAMPLE = DATA / "oruk-example"


@pytest.mark.parametrize("command", [["build", "--output"], ["import", str(EXAMPLE), "--output"]])
def test_an_output_that_is_a_folder_or_in_no_folder_is_named(tmp_path, capsys, command):
    """They said "cannot use X.4dzdgoab.tmp: Is a directory" and an SQLAlchemy error with
    a link (attack review 2026-12-01)."""
    assert main(["directory", *command, str(tmp_path)]) == 1
    said = capsys.readouterr().err
    assert f"{tmp_path} is a folder: give a file name, e.g. {tmp_path / 'directory.sqlite'}" in said
    assert main(["directory", *command, str(tmp_path / "no" / "d.sqlite")]) == 1
    said = capsys.readouterr().err
    assert f"the folder {tmp_path / 'no'} does not exist" in said
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_like_the_scratch_file_is_left_alone(tmp_path, capsys):
    """`import --output d.sqlite` deleted the lead's own d.sqlite.tmp (attack review)."""
    kept = tmp_path / "d.sqlite.tmp"
    kept.write_text("the lead's")
    output = tmp_path / "d.sqlite"
    assert main(["directory", "import", str(EXAMPLE), "--merge", "--output", str(output)]) == 0
    assert kept.read_text() == "the lead's" and output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.sqlite", "d.sqlite.tmp"]


def test_a_database_written_can_be_read_by_others_as_any_file_the_lead_writes(tmp_path):
    """A scratch file made owner-only put a shipped directory no worker could read."""
    import os

    mask = os.umask(0o022)
    try:
        output = tmp_path / "d.sqlite"
        assert main(["directory", "import", str(EXAMPLE), "--merge", "--output", str(output)]) == 0
        assert output.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(mask)


def test_an_import_says_at_once_what_publish_will_refuse(tmp_path, capsys):
    """A feed's line separator in a phone's note was stored, and the lead learned of it only
    when they came to sign. Said at the import; a feed publish takes is not warned of."""
    import json

    line = feed_line("feed-line", "Feed Line", "0121 555 0100")
    feed, output = tmp_path / "feed.json", tmp_path / "d.sqlite"
    feed.write_text(json.dumps([line]))
    assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
    assert "publish will refuse" not in capsys.readouterr().out
    line["phones"][0]["description"] = "Ask for the duty worker\u2028Mon-Fri"
    feed.write_text(json.dumps([line]))
    assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
    said = capsys.readouterr().out
    assert "note: publish will refuse d.sqlite until this is put right: service feed-line: " in said
    assert "U+2028 (line separator) is not allowed" in said


def test_an_import_says_at_once_what_it_changes_back_of_an_update_published(tmp_path, capsys):
    """Merged into the directory in use, a feed's database still held BCWA's number from
    before the lead's own newer update corrected it (not installed on this laptop yet):
    publish refused it, but only once the lead had given the passphrase. Said at the import,
    with the way out (H417, H418)."""
    import json
    from datetime import date

    from app.db import signing
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "k")
    today = date.today()
    corrected = shipped_changed(
        tmp_path / "corrected.sqlite",
        "UPDATE phone SET number = '0121 555 0199' WHERE service_id = 'bcwa'",
    )
    version = f"{today.year}.{today.month}.{today.day}"
    publish = ["directory", "publish", "--key", str(lead.private_path), "--version", version]
    assert main(["--directory", str(corrected), *publish, "--out", str(tmp_path / "out")]) == 0
    feed, output = tmp_path / "feed.json", tmp_path / "d.sqlite"
    feed.write_text(json.dumps([feed_line("feed-line", "Feed Line", "0121 555 0100")]))
    capsys.readouterr()
    assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
    said = capsys.readouterr().out
    assert "note: publish will refuse d.sqlite until this is put right: this database " in said
    assert f"changes back what {version}, published already" in said
    assert "0121 555 0199" in said and "import the feed into it again" in said
    assert "Feed Line" not in said.split("note: publish will refuse")[1]  # the feed's own
    # as publish itself says, once the passphrase is given
    publish[-1] = f"{version}.2"
    assert main(["--directory", str(output), *publish, "--out", str(tmp_path / "out")]) == 1
    assert f"changes back what {version}, published already" in capsys.readouterr().err


def test_an_import_that_renumbers_a_line_plans_fall_back_on_says_so(tmp_path, capsys):
    """A partner's feed giving the National Domestic Abuse Helpline another number was one
    line among the changes (feed attack, 2026-12-05): it is on many cards."""
    import json

    ndah = feed_line("ndah", "National Domestic Abuse Helpline", "0808 2000 248", "national")
    feed, output = tmp_path / "feed.json", tmp_path / "d.sqlite"
    feed.write_text(json.dumps([ndah]))
    assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
    said = capsys.readouterr().out
    assert "note: the feed changes the number of National Domestic Abuse Helpline" in said
    local = feed_line("feed-line", "Feed Line", "0121 555 0100")
    feed.write_text(json.dumps([local]))
    assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
    assert "note: the feed changes the number" not in capsys.readouterr().out


def test_a_feed_imported_without_merge_is_told_of_merge(tmp_path, capsys):
    """24 lines of "pathway check: … 'ndah' is not in the directory" and no word of --merge
    (feed attack, 2026-12-05)."""
    import json

    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([feed_line("feed-line", "Feed Line", "0121 555 0100")]))
    assert main(["directory", "import", str(feed), "--output", str(tmp_path / "d.sqlite")]) == 1
    assert "note: a feed of some services is added to the directory in use with --merge" in (
        capsys.readouterr().err
    )


def test_an_import_names_a_24_7_lines_description_that_says_when_no_one_answers(tmp_path, capsys):
    """ "Answerphone overnight and at weekends" in a round-the-clock line's description,
    which no card shows: the line stood first under 24/7 lines, unsaid (feed attack)."""
    import json

    line = feed_line("feed-line", "Feed Line", "0121 555 0100")
    every_day = {"byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00", "closes_at": "23:59"}
    line["schedules"] = [{"id": "s", "description": "", **every_day}]
    feed, output = tmp_path / "feed.json", tmp_path / "d.sqlite"
    for description, said in (("Answerphone overnight", True), ("A line for women", False)):
        line["description"] = description
        feed.write_text(json.dumps([line]))
        assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
        out = capsys.readouterr().out
        assert ("note: service feed-line is open 24/7, but its description says" in out) is said


def test_an_import_names_eligibility_words_no_worker_sees(tmp_path, capsys):
    """ "Women only; does not take referrals for men" with audience any: kept, shown to no
    one, and the line offered to a man, with no word at import (feed attack, 2026-12-05)."""
    import json

    line = feed_line("feed-line", "Feed Line", "0121 555 0100")
    line["eligibility_description"] = "Women only; does not take referrals for men"
    feed, output = tmp_path / "feed.json", tmp_path / "d.sqlite"
    feed.write_text(json.dumps([line]))
    assert main(["directory", "import", str(feed), "--merge", "--output", str(output)]) == 0
    said = capsys.readouterr().out
    assert "note: service feed-line: its eligibility words 'Women only; does not take" in said
    assert "who it is for is its audience (any, women, men, lgbtq)" in said


def test_building_the_apps_own_directory_keeps_the_release_and_needs_the_last(
    tmp_path, capsys, monkeypatch
):
    """Its kept release deleted, the build was read against nothing and kept the new one as
    the first: a number dropped unrecorded went out (re-attack on the N4 fix, R2)."""
    import app.cli.directory as cli
    from app.db.release_record import snapshot

    sources, shipped = tmp_path / "resources", tmp_path / "directory.sqlite"
    shutil.copytree(REPO / "resources", sources, ignore=shutil.ignore_patterns("*.sqlite*"))
    monkeypatch.setattr(cli, "shipped_directory", lambda: shipped)
    assert main(["directory", "build", "--source", str(sources)]) == 0
    kept = sources / "services" / "released.json"
    assert f"kept {kept}: the release the next build is read against" in capsys.readouterr().out
    assert json.loads(kept.read_text("utf-8")) == snapshot(shipped.read_bytes())
    released = kept.read_text("utf-8")
    kept.unlink()
    assert main(["directory", "build", "--source", str(sources)]) == 1
    assert f"nothing built: {kept} is missing: restore it from version control" in (
        capsys.readouterr().err
    )
    # an older one restored, or one emptied, read the build against the wrong release (R6)
    kept.write_text(released.replace('"version": "2026.11.30"', '"version": "2026.11.29"'))
    assert main(["directory", "build", "--source", str(sources)]) == 1
    assert f"nothing built: {kept} is not {shipped} (version 2026.11.30), the release built " in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("typed", ["20261130", "2099.1.1"])
def test_the_apps_own_directory_is_versioned_by_its_day(tmp_path, capsys, monkeypatch, typed):
    """A release built as "20261130" (or a year ahead) stood above every update a lead could
    publish: laptops skipped each one, and every publish was refused (update attack, 12-07)."""
    import app.cli.directory as cli

    sources, shipped = tmp_path / "resources", tmp_path / "directory.sqlite"
    shutil.copytree(REPO / "resources", sources, ignore=shutil.ignore_patterns("*.sqlite*"))
    monkeypatch.setattr(cli, "shipped_directory", lambda: shipped)
    toml = sources / "services" / "directory.toml"
    toml.write_text(toml.read_text("utf-8").replace('"2026.11.30"', f'"{typed}"'), "utf-8")
    assert main(["directory", "build", "--source", str(sources)]) == 1
    said = capsys.readouterr().err
    assert f"nothing built: services/directory.toml: version '{typed}': allowed year.month.day" in (
        said
    )
    assert not shipped.exists()


def test_a_search_no_service_has_every_word_of_says_so_above_those_with_some(capsys):
    assert main(["directory", "search", "football coach"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == "No service has every word: these have some of them."
    assert len(said) == 6 and all("LADO" in line for line in said[1:])
    assert main(["directory", "search", "coach", "--json"]) == 0
    assert {hit["matched_some"] for hit in json.loads(capsys.readouterr().out)} == {False}


def test_an_imports_notes_give_a_line_a_table_for_the_fields_it_keeps_nothing_of(tmp_path, capsys):
    """Open Referral's example gave some 60 lines of "not mapped: … field …", a line a field,
    and hid among them the services assumed low confidence (the lead's walk, 2026-12-07)."""
    output = tmp_path / "d.sqlite"
    assert main(["directory", "import", str(EXAMPLE), "--merge", "--output", str(output)]) == 0
    said = capsys.readouterr().out.splitlines()
    fields = [line for line in said if line.startswith("note: not mapped: services.csv field")]
    assert len(fields) == 1 and "fields accreditations, alternate_name," in fields[0]
    files = [line for line in said if line.startswith("note: not imported")]
    assert "accessibility.csv, contacts.csv," in files[0]
    assert any("confidence: missing, 'low' assumed" in line for line in said)
    assert len(said) < 40
