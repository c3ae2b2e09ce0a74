"""IT's update in use, kept in the worker's folder."""

import shutil
from datetime import date

from app.db.bundle import publish
from app.db.directories import select_directory
from app.db.kept_copies import kept_place
from app.db.refusals import KEPT
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"


def test_its_update_in_use_is_kept_and_used_with_its_folder_out_of_reach(where, key):
    publish(SHIPPED, key.private_path, where.machine_updates, "2026.12.6", date(2026, 12, 6))
    assert select_directory(where, date(2026, 12, 6)).origin == "machine"
    (kept,) = where.user_updates.glob(f"{KEPT}*")
    shutil.rmtree(where.machine_updates)  # the share out of reach
    choice = select_directory(where, date(2026, 12, 6))
    assert (choice.version, choice.path) == ("2026.12.6", kept)


def test_the_worker_folders_place_stands_for_a_kept_update(tmp_path):
    share, mine = tmp_path / "share.navdir", tmp_path / "mine.navdir"
    assert kept_place([("machine", share), ("kept", mine)]) == mine
    assert kept_place([("machine", share)]) is None
