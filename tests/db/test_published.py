"""What is already published stops a publish that would undo it: here, a bundle in IT's
folder signed by a key this computer does not trust (a lead before this one)."""

from datetime import date

import pytest

from app.db import signing
from app.db.bundle import publish
from app.db.checks import Refused
from app.db.published import Published
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"
TODAY = date(2026, 12, 1)


def test_a_database_is_not_published_over_a_newer_one_signed_by_a_key_not_trusted_here(
    tmp_path,
):
    share = tmp_path / "share"
    last_lead = signing.generate(tmp_path / "last")
    publish(SHIPPED, last_lead.private_path, share, "2026.12.1", TODAY)
    new_lead = signing.generate(tmp_path / "new")
    trusted_here = tuple(signing.load_public_keys(tmp_path / "new").items())
    with pytest.raises(Refused, match=r"share/directory-2026\.12\.1\.navdir holds directory"):
        publish(
            SHIPPED, new_lead.private_path, tmp_path / "out", "2026.12.2", TODAY,
            published=Published((share,), trusted_here),
        )  # fmt: skip
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    (share / "notes.navdir").write_bytes(b"not a bundle")  # junk claims nothing: no stop
    (share / "directory-2026.12.1.navdir").unlink()
    publish(
        SHIPPED, new_lead.private_path, tmp_path / "out", "2026.12.2", TODAY,
        published=Published((share,), trusted_here),
    )  # fmt: skip
