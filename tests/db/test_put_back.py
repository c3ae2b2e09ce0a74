"""A working copy that puts back what the update it began from changed is refused."""

from datetime import date, timedelta

import pytest

from app.db import signing
from app.db.bundle import read_bundle
from app.db.checks import Refused
from app.db.loader import load_valid_graph
from app.db.maintenance import open_copy, publish_copy, start_copy
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"
PASSPHRASE = "a long enough passphrase"
DAY = date.today()


@pytest.fixture
def lead(tmp_path):
    return signing.generate(tmp_path / "lead", PASSPHRASE)


def published(copy, words, lead, tmp_path, version, in_use, database):
    bundle, _ = publish_copy(copy, words, in_use, database, lead.private_path, PASSPHRASE,
                             tmp_path / "out", version, release=SHIPPED)  # fmt: skip
    data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))[1]
    return load_valid_graph(data), data  # installed on the lead's laptop


def test_a_sheet_saved_back_over_the_copy_never_puts_old_numbers_back(graph, lead, tmp_path):
    """A lead saved an older services.csv (their "master" spreadsheet) over a copy begun
    from their own 2026.12.13 and made one edit: every number 2026.12.13 had replaced went
    back on every laptop, the old front door number shown "confirmed", and publish, verify
    and the self-test said nothing (the lead's walk, 2026-12-06)."""
    folder = tmp_path / "copy"
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", DAY - timedelta(days=14))
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    master = (folder / "services.csv").read_bytes()  # the sheet as it was then
    copy.update("walsall-mast", {"phone": "0300 555 2868"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", DAY - timedelta(days=7))
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.13", in_use, data)
    (folder / "services.csv").write_bytes(master)
    copy, words = open_copy(folder, graph)
    copy.update("dudley-spoc", {"phone": "01384 455412"})  # the edit the lead meant
    copy.save()
    with pytest.raises(Refused) as said:
        published(copy, words, lead, tmp_path, "2026.12.20", in_use, data)
    assert str(said.value).startswith(
        "this working copy puts back what 2026.12.13, the update it began from, changed: "
    )
    assert "0300 555 2868" in str(said.value) and "check-service" in str(said.value)
    # a slip in 2026.12.13 put right: a person's check of the number since says so
    copy.mark_checked("walsall-mast", "phoned", "DA lead", DAY)
    in_use, _ = published(copy, words, lead, tmp_path, "2026.12.20", in_use, data)
    assert in_use.services["walsall-mast"].phone == "0300 555 2867"
    assert in_use.services["dudley-spoc"].phone == "01384 455412"


def test_a_slip_put_right_and_rung_the_same_day_is_published(graph, lead, tmp_path):
    """A number mistyped in the day's update, typed back and rung the same day, was refused
    until the next day, the typo on laptops meanwhile (re-attack on H451, 2026-12-06)."""
    folder = tmp_path / "copy"
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", DAY - timedelta(days=7))
    first = f"{DAY.year}.{DAY.month}.{DAY.day}"
    in_use, data = published(copy, words, lead, tmp_path, first, graph, SHIPPED)
    copy.update("walsall-mast", {"phone": "0300 555 2876"})  # the slip: its check goes
    in_use, data = published(copy, words, lead, tmp_path, f"{first}.1", in_use, data)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    with pytest.raises(Refused, match="puts back what"):
        published(copy, words, lead, tmp_path, f"{first}.2", in_use, data)
    copy.mark_checked("walsall-mast", "phoned", "DA lead", DAY)  # rung today
    in_use, _ = published(copy, words, lead, tmp_path, f"{first}.2", in_use, data)
    assert in_use.services["walsall-mast"].phone == "0300 555 2867"
