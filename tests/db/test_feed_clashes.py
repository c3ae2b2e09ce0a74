"""A feed's rows that would change what the feed does not give are refused, named."""

import json

import pytest

from app.db.loader import load_graph
from app.db.transfer import ImportRefused, export_directory, import_directory
from tests.conftest import DA_KIND as KIND
from tests.conftest import REPO, partner_feed

SHIPPED = REPO / "resources" / "directory.sqlite"


@pytest.mark.parametrize(
    "ids, said",
    [
        (  # the worst: Wolverhampton's front door lost its kind, so every child's card
            {"kind": "wolverhampton-mash/kind/mash_children"},
            "feed.json: attribute 'wolverhampton-mash/kind/mash_children' of service "
            "'feed-adult-line': id: in the directory this id is Wolverhampton MASH "
            "(wolverhampton-mash)'s, and the feed gives it to feed-adult-line: give the feed's "
            "row an id of its own",
        ),
        ({"phone": "birmingham-cass/phone/1"}, "(birmingham-cass)'s"),
    ],
)
def test_a_feed_row_with_another_services_id_is_refused_and_nothing_changes(tmp_path, ids, said):
    """H404: merged by id, the shipped row was dropped though the feed never named it."""
    output = tmp_path / "out.sqlite"
    with pytest.raises(ImportRefused) as refused:
        import_directory(partner_feed(tmp_path, **ids), SHIPPED, output, merge_into_base=True)
    assert any(said in problem for problem in refused.value.problems)
    assert not output.exists()


@pytest.mark.parametrize("merge_into_base", [True, False])
@pytest.mark.parametrize("changed", [{"taxonomy": ""}, {"code": "domestic_abuse"}])
def test_a_feed_term_with_the_id_of_a_kind_but_not_its_code_is_named(
    tmp_path, changed, merge_into_base
):
    """It replaced the kind, and the refusal said only "pathway check: action
    specialist_da_service: unknown service kind 'da_service'": nothing of the feed's."""
    path = partner_feed(tmp_path)
    service = json.loads(path.read_text(encoding="utf-8"))
    service[0]["attributes"][0]["taxonomy_term"] = KIND | changed
    path.write_text(json.dumps(service), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_directory(path, SHIPPED, tmp_path / "out.sqlite", merge_into_base)
    said = "feed.json: taxonomy term 'navigator_service_kind/da_service': code "
    assert [p for p in refused.value.problems if p.startswith(said)] == refused.value.problems
    assert "this id is the app's service kind 'da_service'" in refused.value.problems[0]


def test_a_feed_organisation_with_another_ones_id_is_refused_unless_it_gives_its_services(
    tmp_path,
):
    """H422: a partner's new line named BCWA's organisation id with its own name, and every
    BCWA card took the partner's name. A feed giving BCWA's own services may rename it."""
    path = partner_feed(tmp_path)
    service = json.loads(path.read_text(encoding="utf-8"))
    bcwa_org = {"id": "org-black-country-women-s-aid", "name": "Dudley Women Support CIC"}
    service[0]["organization"] = bcwa_org
    path.write_text(json.dumps(service), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_directory(path, SHIPPED, tmp_path / "out.sqlite", merge_into_base=True)
    assert refused.value.problems == [
        "feed.json: organization 'org-black-country-women-s-aid': id: in the directory this id "
        "is the organisation \"Black Country Women's Aid\" of Black Country Women's Aid (bcwa), "
        "which the feed does not give, and the feed writes it otherwise ('Dudley Women Support "
        "CIC'): give the feed's organisation an id of its own"
    ]
    exported = tmp_path / "directory.json"
    export_directory(SHIPPED, exported)
    bcwa = next(s for s in json.loads(exported.read_text()) if s["id"] == "bcwa")
    bcwa["organization"]["name"] = "Black Country Women's Aid CIO"  # renamed, by its own feed
    service[0]["organization"] = bcwa["organization"]
    path.write_text(json.dumps([bcwa, service[0]]), encoding="utf-8")
    output = tmp_path / "out.sqlite"
    import_directory(path, SHIPPED, output, merge_into_base=True)
    assert load_graph(output).services["bcwa"].organisation == "Black Country Women's Aid CIO"
