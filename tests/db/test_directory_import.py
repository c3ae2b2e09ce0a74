"""Merging a feed into the directory: a feed's rows replace only their own."""

import json

import pytest

from app.db.transfer import ImportRefused, import_directory, read_directory
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"
KIND = {
    "id": "navigator_service_kind/da_service",
    "code": "da_service",
    "name": "Specialist domestic abuse service",
    "taxonomy": "navigator_service_kind",
}


def feed(tmp_path, **ids):
    """A new Wolverhampton line whose rows take the ids given (as our export numbers them)."""
    service = {
        "id": "feed-adult-line",
        "name": "Wolverhampton Adult Wellbeing Line",
        "status": "active",
        "minimum_age": "18",
        "maximum_age": "120",
        "confidence": "medium",
        "source": "partner feed",
        "phones": [
            {"id": ids.get("phone", "feed/phone/1"), "number": "01902 555 100", "type": "voice"}
        ],
        "service_areas": [{"id": ids.get("area", "feed/area/1"), "name": "wolverhampton"}],
        "attributes": [{"id": ids.get("kind", "feed/kind/1"), "taxonomy_term": KIND}],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([service]), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "ids, said",
    [
        (  # the worst: Wolverhampton's front door lost its kind, so every child's card
            {"kind": "wolverhampton-mash/kind/mash_children"},
            "attributes.csv wolverhampton-mash/kind/mash_children: id: in the directory this "
            "id is Wolverhampton MASH (wolverhampton-mash)'s, and the feed gives it to "
            "feed-adult-line: give the feed's row an id of its own",
        ),
        ({"phone": "birmingham-cass/phone/1"}, "(birmingham-cass)'s"),
    ],
)
def test_a_feed_row_with_another_services_id_is_refused_and_nothing_changes(tmp_path, ids, said):
    """H404: merged by id, the shipped row was dropped though the feed never named it."""
    output = tmp_path / "out.sqlite"
    with pytest.raises(ImportRefused) as refused:
        import_directory(feed(tmp_path, **ids), SHIPPED, output, merge_into_base=True)
    assert any(said in problem for problem in refused.value.problems)
    assert not output.exists()


def test_a_feed_with_ids_of_its_own_is_merged_beside_every_shipped_row(tmp_path):
    output = tmp_path / "out.sqlite"
    import_directory(feed(tmp_path), SHIPPED, output, merge_into_base=True)
    merged, shipped = read_directory(output), read_directory(SHIPPED)
    for table in ("phone", "attribute", "service_area"):
        assert {r["id"] for r in shipped[table]} < {r["id"] for r in merged[table]}
