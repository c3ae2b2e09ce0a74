"""What a release of the app's own directory stopped giving, recorded in it from its source."""

import csv
import hashlib
import json
import re
import shutil

import pytest

from app.db.build import build_directory
from app.db.release_record import keep_snapshot, snapshot
from app.db.replaced_numbers import replaced_in
from app.db.source import SourceError
from tests.conftest import REPO

ENTRY = '[[replaced]]\nservice = "hourglass"\nvalue = "0808 808 8141"\nby = "{}"\n'


@pytest.fixture
def sources(tmp_path):
    """A scratch copy of the reviewable source files, and the release built from them."""
    root = tmp_path / "resources"
    for part in ("pathway", "services", "practice"):
        shutil.copytree(REPO / "resources" / part, root / part)
    build_directory(root, tmp_path / "directory.sqlite")
    released(root, tmp_path / "directory.sqlite")
    return root


def released(root, database) -> None:
    """As `directory build` keeps it, having built the release."""
    keep_snapshot(root / "services", database.read_bytes())


def next_release(root, version: str = "2026.12.5", drop: str = "hourglass") -> None:
    """The sources of the next release: its version, and the service `drop` deleted."""
    toml = root / "services" / "directory.toml"
    toml.write_text(re.sub(r'version = "[^"]+"', f'version = "{version}"', toml.read_text()))
    path = root / "services" / "services.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(row for row in rows if row["id"] != drop)


def test_a_release_dropping_a_number_is_refused_until_it_records_it(sources, tmp_path):
    """A release that deleted Hourglass left a lead's older line giving its number at every
    start, read as one the line had added (attack on H454, F6): the build, read against the
    last release built, names the entry to add, and writes nothing until it is there."""
    target = tmp_path / "directory.sqlite"
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    next_release(sources)
    with pytest.raises(SourceError) as refused:
        build_directory(sources, target)
    assert refused.value.problems == [
        "2026.12.5 no longer gives 0808 808 8141 for hourglass, which 2026.11.30 gave: record "
        'it in services/replaced.toml ([[replaced]] service = "hourglass", value = "0808 808 '
        '8141", by = "2026.12.5"), so that a lead\'s line of updates begun before this release '
        "cannot give it again, or give it again in services.csv (hazard log H454)"
    ]
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    with (sources / "services" / "replaced.toml").open("a") as record:
        record.write(ENTRY.format("2026.12.5"))
    build_directory(sources, target)
    assert replaced_in(target.read_bytes()) == {"hourglass": [["0808 808 8141", "2026.12.5"]]}
    released(sources, target)  # read back as written
    kept = json.loads((sources / "services" / "released.json").read_text("utf-8"))
    assert kept == snapshot(target.read_bytes())
    assert kept["record"] == {"hourglass": [["0808 808 8141", "2026.12.5"]]}


@pytest.mark.parametrize("version", ["2026.11.30", "2026.12.5"])
def test_a_drop_is_read_against_the_last_release_whatever_file_is_written(
    sources, tmp_path, version
):
    """Built to another file, or at the same version, a release dropping a number went
    through unrecorded (attack on the N4 fix, A5)."""
    next_release(sources, version=version)
    with pytest.raises(SourceError, match=r"no longer gives 0808 808 8141 for hourglass"):
        build_directory(sources, tmp_path / "elsewhere.sqlite")
    assert not (tmp_path / "elsewhere.sqlite").exists()


def test_an_entry_dated_before_its_release_or_left_out_of_the_next_is_refused(sources, tmp_path):
    """An entry dated with the release that last gave the number protected nothing, and so
    did the next release's file emptied of it: the number came back (attack on the N4
    fix, A3, A4)."""
    target, record = tmp_path / "directory.sqlite", sources / "services" / "replaced.toml"
    next_release(sources)
    record.write_text(ENTRY.format("2026.11.30"))
    with pytest.raises(SourceError) as refused:
        build_directory(sources, target)
    assert '(its entry says by = "2026.11.30": the release that stopped giving it)' in str(
        refused.value
    )
    record.write_text(ENTRY.format("2026.12.5"))
    build_directory(sources, target)
    released(sources, target)
    next_release(sources, version="2026.12.9")
    record.write_text("")  # read as what this release alone stopped giving
    with pytest.raises(SourceError) as refused:
        build_directory(sources, target)
    assert refused.value.problems == [
        "services/replaced.toml no longer records 0808 808 8141 for hourglass (by 2026.12.5), "
        "which 2026.12.5 recorded: keep every entry (the file is what every release stopped "
        "giving, not this one alone), or give it again in services.csv (hazard log H454)"
    ]


def test_a_record_saved_with_a_byte_order_mark_is_read_and_one_not_utf8_named(sources, tmp_path):
    record = sources / "services" / "replaced.toml"
    record.write_bytes(b"\xef\xbb\xbf" + ENTRY.format("2026.11.30").encode())
    build_directory(sources, tmp_path / "other.sqlite")
    assert replaced_in((tmp_path / "other.sqlite").read_bytes())["hourglass"]
    record.write_bytes("# caf\u00e9\n".encode("cp1252"))
    with pytest.raises(SourceError, match=r"replaced.toml: not UTF-8 text: save it as UTF-8"):
        build_directory(sources, tmp_path / "other.sqlite")


def test_a_first_release_builds_and_a_kept_release_that_is_not_one_is_named(sources, tmp_path):
    kept = sources / "services" / "released.json"
    kept.write_text('{"version": "soon"}')
    with pytest.raises(SourceError, match=r"released.json: not what `directory build` wrote"):
        build_directory(sources, tmp_path / "new.sqlite")
    kept.unlink()  # before the first release
    next_release(sources)
    build_directory(sources, tmp_path / "new.sqlite")


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (ENTRY.format("2026.12.6"), 'by = "2026.12.6" is later than this directory\'s version'),
        (ENTRY.format("soon"), 'by = "soon" is not a version such as 2026.11.30'),
        ('[[replaced]]\nservice = "hourglass"\nby = "2026.11.30"\n', 'needs service = "<id>"'),
    ],
)
def test_an_entry_that_is_not_one_is_named_and_nothing_built(sources, tmp_path, entry, problem):
    (sources / "services" / "replaced.toml").write_text(entry)
    with pytest.raises(SourceError) as refused:
        build_directory(sources, tmp_path / "other.sqlite")
    assert refused.value.problems[0].startswith("replaced.toml [[replaced]] entry 1: ")
    assert problem in refused.value.problems[0]
    assert not (tmp_path / "other.sqlite").exists()


def test_the_release_kept_beside_the_sources_is_the_shipped_one():
    """Built elsewhere and copied in, a release was never read against the one before."""
    shipped = (REPO / "resources" / "directory.sqlite").read_bytes()
    kept = (REPO / "resources" / "services" / "released.json").read_text("utf-8")
    assert json.loads(kept) == snapshot(shipped), "run `python -m app directory build`"


def test_the_shipped_release_records_what_its_source_records():
    shipped = (REPO / "resources" / "directory.sqlite").read_bytes()
    source = (REPO / "resources" / "services" / "replaced.toml").read_text()
    recorded = re.findall(r'^service = "([^"]+)"', source, re.MULTILINE)
    assert sorted(replaced_in(shipped)) == sorted(set(recorded))
