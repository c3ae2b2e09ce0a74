"""Reading a directory database into the graph the engine walks."""

import shutil
import sqlite3

import pytest

from app.db.loader import load_graph
from app.db.search import DirectorySearch
from tests.conftest import REPO


def shipped_copy(tmp_path):
    """A copy of the shipped directory database, for a test to change as a signed one might."""
    database = tmp_path / "d.sqlite"
    shutil.copy(REPO / "resources" / "directory.sqlite", database)
    return database


def search_hit(database, text, service_id):
    """The Directory tab's result for a service as a worker's search finds it, or None."""
    finder = DirectorySearch(database)
    try:
        return next((hit for hit in finder.search(text) if hit.id == service_id), None)
    finally:
        finder.close()


@pytest.mark.parametrize("kind", ["Fax ", "fax number", "TTY", "Fax line", "Telefax\u00a0"])
def test_a_fax_is_never_the_number_to_ring_whoever_wrote_the_database(tmp_path, kind):
    """A fax row put first in a database published by hand was shown on every laptop as
    the children's front door's number (attack review 2026-12-01)."""
    database = shipped_copy(tmp_path)
    before = load_graph(database).services["sandwell-mash"].phone
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO phone (id, service_id, number, type, description, ordinal) "
            "VALUES ('fax', 'sandwell-mash', '0121 569 9999', ?, '', 0)",
            (kind,),
        )
    db.close()
    assert load_graph(database).services["sandwell-mash"].phone == before != "0121 569 9999"
    # the Directory tab shows the number the plan shows, and its index holds no fax
    assert search_hit(database, "sandwell children", "sandwell-mash").phone == before
    assert search_hit(database, "0121 569 9999", "sandwell-mash") is None


def test_a_type_no_rule_knows_is_still_rung_on_a_laptop(tmp_path):
    """An update imported before phone types were asked about keeps its numbers: only a
    type naming a fax, text, pager, video or textphone line is left out (attack review
    2026-12-01); the lead's side asks about any other word."""
    database = shipped_copy(tmp_path)
    with sqlite3.connect(database) as db:
        db.execute("UPDATE phone SET type = 'Main line\u00a0' WHERE service_id = 'ndah'")
    db.close()
    assert load_graph(database).services["ndah"].phone == "0808 2000 247"
    hit = search_hit(database, "national domestic abuse", "ndah")
    assert hit.phone == "0808 2000 247"  # the Directory tab as the plan


@pytest.mark.parametrize("written", ["+44 (0)121 569 3100", "+44 121 5693100", "(0121) 569-3100"])
def test_a_number_signed_in_another_form_is_shown_as_it_is_dialled_here(tmp_path, written):
    """ "+44 (0)121 …" in an update signed by hand was shown and copied so on every laptop,
    and dialled so it rings no one (attack round, 2026-12-06; H493)."""
    database = shipped_copy(tmp_path)
    with sqlite3.connect(database) as db:
        db.execute("UPDATE phone SET number = ? WHERE service_id = 'sandwell-mash'", (written,))
    db.close()
    assert load_graph(database).services["sandwell-mash"].phone == "0121 569 3100"
    assert search_hit(database, "sandwell children", "sandwell-mash").phone == "0121 569 3100"


def test_odd_spaces_and_line_breaks_are_plain_whatever_was_signed(tmp_path):
    """A name of "Emergency" and 150 line separators put 999 below the screen; a name and
    notes joined by no-break spaces (as pasted from Word) widened the window past Quick
    exit; paragraph separators in the hours added pages to the PDF (attack round,
    2026-12-02). Laptops read them as plain spaces, and a note's lines without empty ones."""
    from app.pathways.summary import alert_words

    database = shipped_copy(tmp_path)
    joined = "\u00a0".join(["Black", "Country", "Women's", "Aid"])
    with sqlite3.connect(database) as db:
        db.execute(
            "UPDATE service SET name = ? WHERE id = 'emergency-999'",
            ("Emergency" + "\u2028" * 150 + "services",),
        )
        db.execute(
            "UPDATE service SET name = ?, notes = ?, application_process = ?, alert = ? "
            "WHERE id = 'bcwa'",
            (
                joined,
                "One\u2028\u2028\u2029two\u00a0words",
                "Ring\u2029\u2029first",
                "Not\u2028answering",
            ),
        )
        db.execute(
            "UPDATE schedule SET description = ? WHERE service_id = 'bcwa'", ("9\u2029to\u20295",)
        )
    db.close()
    services = load_graph(database).services
    assert services["emergency-999"].name == "Emergency services"
    bcwa = services["bcwa"]
    assert bcwa.name == "Black Country Women's Aid" and "\u2029" not in bcwa.hours
    assert (bcwa.notes, bcwa.referral_route) == ("One\ntwo words", "Ring\nfirst")
    assert alert_words(bcwa).endswith("Not answering")
    hit = search_hit(database, "black country", "bcwa")
    assert (hit.name, hit.notes) == ("Black Country Women's Aid", "One\ntwo words")


URL = "https://ring\u2013 0121 \u2013 496 \u2013 0000.example"  # Word's dashes (re-attack)


def test_999_101_and_111_give_no_other_number_whatever_was_signed(tmp_path):
    """A signed "Do not ring 999: ring 0121 496 0000" in 999's note, hours, notes or name
    was shown, printed, pasted and read out beside 999 (H208): laptops leave those words out,
    on the plan and in the Directory tab; on any other service they are said."""
    from datetime import date

    from app.cli.route import answers_for
    from app.pathways.engine import Pathway
    from app.pathways.summary import plan_to_text
    from tests.conftest import routed_cases

    database = shipped_copy(tmp_path)
    other = "Do not ring 999 today: ring 0121 496 0000 instead"
    with sqlite3.connect(database) as db:
        for sid in ("emergency-999", "bcwa"):
            db.execute(
                "UPDATE service SET name = ?, notes = ?, application_process = ?, email = ?, "
                "url = ? WHERE id = ?",
                (f"{other} ({sid})", other, other, "ring.0121-496-0000@x.org", URL, sid),
            )
            db.execute(
                "UPDATE phone SET description = ?, type = ? WHERE service_id = ?",
                (other, "Out of hours 0121 626 5000", sid),
            )
            db.execute("UPDATE service SET source = ? WHERE id = ?", (other, sid))
            db.execute("UPDATE schedule SET description = ? WHERE service_id = ?", (other, sid))
    db.close()
    graph = load_graph(database)
    emergency = graph.services["emergency-999"]
    assert emergency.name == "Emergency services" and emergency.phone == "999"
    said = (emergency.phone_note, emergency.hours, emergency.notes, emergency.referral_route)
    assert said == ("", "", "", "") and (emergency.email, emergency.website) == ("", "")
    assert (emergency.phone_type, emergency.source) == ("", "")  # re-attack: both were shown
    bcwa = graph.services["bcwa"]
    assert (bcwa.phone_note, bcwa.hours, bcwa.notes) == (other, other, other)
    (case,) = [c for c in routed_cases() if c["name"] == "immediate danger comes first"]
    with sqlite3.connect(database) as db:  # written as a spreadsheet may (attack, H230)
        db.execute("UPDATE phone SET number = '(111)' WHERE service_id = 'nhs-111'")
        db.execute("UPDATE phone SET description = ? WHERE service_id = 'nhs-111'", (other,))
        db.execute("UPDATE service SET notes = ? WHERE id = 'nhs-111'", (other,))
    db.close()
    graph = load_graph(database)
    assert (graph.services["nhs-111"].phone, graph.services["nhs-111"].phone_note) == ("111", "")
    pathway = Pathway(graph)
    plan = pathway.step(answers_for(pathway, case["scenario"])).plan
    assert plan.actions[0].services[0].service.phone == "999"
    (line,) = [x for x in plan_to_text(plan, date(2026, 12, 2)).splitlines() if "Tel 999" in x]
    assert line.strip() == "- Tel 999 — Emergency services"
    hit = search_hit(database, "999", "emergency-999")
    assert (hit.name, hit.notes) == ("Emergency services", "")
    hit = search_hit(database, "NHS 111", "nhs-111")
    assert (hit.phone, hit.notes) == ("111", "")


def test_a_line_with_other_hours_beside_a_round_the_clock_row_is_not_open_24_7(tmp_path):
    """H405: a feed's extra every-day 00:00-23:59 row beside the line's own Mon-Fri hours
    made a daytime line "24/7", first under "24/7 lines" on every Coventry plan."""
    database = shipped_copy(tmp_path)
    assert not load_graph(database).services["coventry-safe-to-talk"].open_24_7
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO schedule (id, service_id, description, byday, opens_at, closes_at) "
            "VALUES ('all', 'coventry-safe-to-talk', '', 'MO,TU,WE,TH,FR,SA,SU', '00:00', "
            "'23:59')"
        )
        db.execute(
            "UPDATE schedule SET byday = 'MO,TU,WE,TH,FR', opens_at = '08:30', closes_at = "
            "'20:30', description = '' WHERE service_id = 'coventry-safe-to-talk' AND id != 'all'"
        )
    db.close()
    assert not load_graph(database).services["coventry-safe-to-talk"].open_24_7
    with sqlite3.connect(database) as db:  # the round-the-clock row alone: open 24/7
        db.execute(
            "DELETE FROM schedule WHERE service_id = 'coventry-safe-to-talk' AND id != 'all'"
        )
    db.close()
    assert load_graph(database).services["coventry-safe-to-talk"].open_24_7
