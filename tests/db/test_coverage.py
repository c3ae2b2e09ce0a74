"""The coverage grid against a fixture with known counts: which cells, how many, best
confidence, when last checked; retired services and wide areas counted as a plan would."""

from datetime import date

from app.db.coverage import COLUMNS, Cell, coverage

BOROUGHS = ["coventry", "walsall"]
IDVA = [name for name, _ in COLUMNS].index("IDVA")
HOUSING = [name for name, _ in COLUMNS].index("Housing or refuge")


def row(sid, kinds, area, confidence="medium", assured="", status="active"):
    return {
        "id": sid,
        "kinds": kinds,
        "area": area,
        "confidence": confidence,
        "assured_date": assured,
        "status": status,
        "min_age": "0",
        "max_age": "120",
        "audience": "any",
    }


ROWS = [
    row("a", "idva", "coventry", "low"),
    row("b", "idva;da_service", "coventry", "high", "2026-09-02"),
    row("c", "idva", "coventry", "high", "2026-11-01", status="retired"),
    row("d", "refuge", "west_midlands", "medium"),
    row("e", "housing", "walsall", "low", "2025-01-10"),
    row("f", "helpline_da", "national", "high"),  # a kind the grid does not show
]


def test_known_counts():
    cells = coverage(ROWS, BOROUGHS)
    assert cells["coventry", IDVA] == Cell(2, "high", "2026-09-02")
    assert ("walsall", IDVA) not in cells
    assert cells["coventry", HOUSING] == Cell(1, "medium", "")
    assert cells["walsall", HOUSING] == Cell(2, "medium", "2025-01-10")
    assert len(cells) == 4  # coventry: IDVA, DA service, housing; walsall: housing


def test_cells_are_words_and_signs():
    today = date(2026, 11, 30)
    cells = coverage(ROWS, BOROUGHS)
    assert cells["coventry", IDVA].text(today) == "✔ 2 services, best high; checked 2 months ago"
    assert cells["coventry", HOUSING].text(today) == (
        "⚠ 1 service, best medium; never checked by a person"
    )
    assert Cell().text(today) == "✖ none held"


def test_the_running_tally_agrees_with_a_fresh_count_after_edits_and_undo(graph, tmp_path):
    """The grid's running totals, after edits, an add and undos, are what counting every
    row again gives."""
    import shutil

    from app.db.maintenance_session import Maintenance
    from tests.conftest import REPO

    shutil.copytree(REPO / "resources" / "services", tmp_path / "copy")
    m = Maintenance.open(tmp_path / "copy", graph, REPO / "resources" / "directory.sqlite")
    today = date(2026, 11, 30)
    m.coverage(today)
    copy = m.copy
    copy.mark_checked("coventry-mash", "phoned", "lead", today)
    copy.update("crasac", {"kinds": "idva", "confidence": "high"})
    copy.add({**copy.service("coventry-mash"), "id": "walsall-new", "area": "walsall"})
    m.coverage(today)
    copy.undo()  # the added service goes again
    copy.retire("bcwa")
    shown = m.coverage(today)
    boroughs = [b for b, _ in m.boroughs]
    fresh = coverage(copy.rows, boroughs)
    assert shown == {
        key: (fresh.get(key, Cell()).short(today), fresh.get(key, Cell()).text(today))
        for key in shown
    }
    assert shown["coventry", IDVA][1] == "⚠ 1 service, best high; never checked by a person"
    assert shown["coventry", 0][1] == "✔ 1 service, best high; checked this month"


def test_a_day_checked_written_otherwise_is_never_checked_and_the_grid_still_opens():
    """ "24/11/2026", as Excel writes it, stopped the lead's maintenance window opening on
    the copy that held it, so they could not correct it (review 2026-12-01)."""
    cells = coverage([row("a", "idva", "coventry", "high", "24/11/2026")], BOROUGHS)
    assert cells["coventry", IDVA] == Cell(1, "high", "")
    assert cells["coventry", IDVA].short(date(2026, 11, 30)) == "⚠ 1 · high · never checked"


def test_a_check_a_week_ago_is_not_a_month_ago():
    """24 November read "1 month ago" on 1 December (lead review 2026-12-01)."""
    cells = coverage([row("a", "idva", "coventry", "high", "2026-11-24")], BOROUGHS)
    assert cells["coventry", IDVA].short(date(2026, 12, 1)).endswith("this month")
    assert cells["coventry", IDVA].short(date(2027, 1, 23)).endswith("1 month ago")
    assert cells["coventry", IDVA].short(date(2027, 1, 24)).endswith("2 months ago")


def test_what_retiring_a_service_leaves_with_none_is_named():
    """Retiring Solihull's only children's front door said nothing of it (the lead's
    walk, 2026-12-02)."""
    from app.db.coverage import left_without

    assert left_without(ROWS, "e", BOROUGHS) == []  # the regional refuge still covers it
    assert left_without(ROWS, "a", BOROUGHS) == []  # b is still an IDVA in Coventry
    only = [row("g", "mash_children", "walsall"), *ROWS]
    assert left_without(only, "g", BOROUGHS) == [("Children's front door", "walsall")]
    # an edit that takes it out of the column, or out of the borough, leaves the same
    idva = row("g", "idva", "walsall")
    assert left_without(only, "g", BOROUGHS, becomes=idva) == [("Children's front door", "walsall")]
    moved = row("g", "mash_children", "walsall;dudley")
    assert left_without(only, "g", BOROUGHS, becomes=moved) == []  # still covers it


def test_a_front_door_covers_an_area_only_as_the_plans_card_takes_it(graph):
    """Coventry's front door given a highest age of 5, or "men" only, was signed: no
    child there was given its number (re-attack, 2026-12-07; H511). Other kinds may serve
    some people only."""
    from app.db.coverage import STATUTORY_DOORS, left_without

    door = row("g", "mash_children", "walsall")
    only = [door, *ROWS]
    for edit in ({"max_age": "5"}, {"max_age": "15"}, {"min_age": "16"}, {"audience": "men"}):
        left = left_without(only, "g", BOROUGHS, becomes=door | edit)
        assert left == [("Children's front door", "walsall")], edit
    adults = row("h", "mash_adults", "walsall") | {"min_age": "18"}
    left = left_without([adults], "h", BOROUGHS, becomes=adults | {"min_age": "65"})
    assert left == [("Adult safeguarding", "walsall")]
    women = row("i", "idva", "walsall") | {"audience": "women", "min_age": "16"}
    assert coverage([women], BOROUGHS)  # an IDVA for women counts in its column
    # the ages each card takes its services at, as the shipped rules give them
    cards = {"Children's front door": "child_safeguarding_referral"}
    cards["Adult safeguarding"] = "adult_safeguarding_referral"
    for column, ages in STATUTORY_DOORS.items():
        assert graph.actions[cards[column]].service_ages == ages
