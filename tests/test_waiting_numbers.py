"""What a directory waiting for the conversation's end changes on the plan in front of the
worker, in words: the shipped directory against an edited copy of its source, on the plan
the engine makes of a reference case (H573)."""

import pytest

from app.cli.route import answers_for
from app.db.directory_diff import compare
from app.db.loader import load_valid_graph
from app.pathways.engine import Pathway
from app.waiting_numbers import numbers_on_plan
from tests.conftest import change, edited_directory, routed_cases

FRONT_DOOR = "024 7600 1111"


def coventry_children():
    """A reference case with children at home, moved to Coventry: its plan names its MASH."""
    (case,) = (c for c in routed_cases() if c["name"].startswith("adult DA, 15 yes, children"))
    return {**case["scenario"], "borough": "coventry"}


def said(graph, tmp_path, edit) -> dict[str, str]:
    after = load_valid_graph(edited_directory(tmp_path, edit))
    answers = answers_for(Pathway(graph), coventry_children())
    plan = Pathway(graph).step(answers).plan
    then = lambda: Pathway(after).step(answers).plan  # noqa: E731
    return numbers_on_plan(compare(graph, after), plan, after.services, then)


def test_each_number_changed_on_the_plan_is_said_new_and_old_its_service_named_once(
    graph, tmp_path
):
    """An out-of-hours line is given by its own numbers ("a number in its number note
    changed" gave none), and the service is named once (at 24 pt, twice took a line)."""
    mash = graph.services["coventry-mash"]
    night = "out of hours: 024 7600 2222"
    edit = lambda rows: change(rows, "coventry-mash", phone="024 7600 0000", phone_note=night)  # noqa: E731
    assert said(graph, tmp_path, edit) == {
        "coventry-mash": f"{mash.name}: now 024 7600 0000, not {mash.phone}, and out of hours "
        f"now 024 7600 2222, not {mash.phone_note.split(': ')[-1]}"
    }


def test_a_number_changed_for_a_service_not_on_the_plan_is_not_said(graph, tmp_path):
    assert said(graph, tmp_path, lambda rows: change(rows, "walsall-mast", phone=FRONT_DOOR)) == {}


def test_a_closed_service_on_the_plan_is_said_with_the_one_its_plan_gives_instead(graph, tmp_path):
    """ "Closed, do not give its number" alone left a child's referral with nowhere to go until
    the conversation's end (verifier, 2026-12-07): the waiting directory's own plan for the
    same answers says where instead."""

    def moved(rows):
        (mash,) = (row for row in rows if row["id"] == "coventry-mash")
        door = {**mash, "id": "coventry-front-door", "name": "Coventry Children's Front Door"}
        return [*change(rows, "coventry-mash", status="retired"), {**door, "phone": FRONT_DOOR}]

    words = said(graph, tmp_path, moved)
    assert next(iter(words)) == "coventry-mash"  # first: the one not to give at all
    assert words["coventry-mash"] == (
        "Coventry MASH: closed, do not give its number; "
        f"instead Coventry Children's Front Door, {FRONT_DOOR} (out-of-hours number "
        "024 7683 2222)"
    )


CLOSED = {
    "retired": lambda rows: change(rows, "coventry-mash", status="retired"),
    "taken out": lambda rows: [row for row in rows if row["id"] != "coventry-mash"],
}


@pytest.mark.parametrize("closing", CLOSED.values(), ids=CLOSED)
def test_a_closed_service_with_none_confirmed_instead_is_said_with_the_pathways_note(
    graph, tmp_path, closing
):
    """Where the waiting directory has no confirmed front door for the area, its plan's own
    note for that says what to do (actions.toml fallback_note), not the two fallback
    services it lists without it."""
    words = said(graph, tmp_path, closing)
    assert words["coventry-mash"] == (
        "Coventry MASH: closed, do not give its number; instead phone the council's children's "
        "services, or the NSPCC for advice; 101 to the police, 999 in an emergency"
    )


def test_a_closed_service_with_nothing_instead_sends_the_worker_to_their_lead(graph, tmp_path):
    """The court-order card has one service and no note for none: nothing is made up."""
    words = said(graph, tmp_path, lambda rows: change(rows, "ncdv", status="retired"))
    assert words == {
        "ncdv": "National Centre for Domestic Violence (emergency injunctions): closed, do not "
        "give its number; none is listed instead: ask your DA lead"
    }


CHANGED = {  # an edit of Coventry's plan's services → what the worker is told of it
    "times in an out-of-hours line are no number (attack, 2026-12-07)": (
        {"phone_note": "out of hours (0800-2000 at weekends): 024 7683 2223"},
        "Coventry MASH: out of hours (0800-2000 at weekends) now 024 7683 2223, not 024 7683 2222",
    ),
    "an e-mail added is no number lost": (
        {"email": "mash@coventry.gov.uk"},
        "Coventry MASH: e-mail now mash@coventry.gov.uk",
    ),
    "how to refer changed: said as now held, its number in its words": (
        {"referral_route": "Phone the duty desk on 024 7683 1111, then the online MARF."},
        "Coventry MASH: how to refer now: Phone the duty desk on 024 7683 1111, then the "
        "online MARF",
    ),
    "an alert that stops its line being rung": (
        {"alert": "Phone line closed until 4 January: refer with the online form only"},
        "Coventry MASH: alert: Phone line closed until 4 January: refer with the online form only",
    ),
    "renamed and renumbered: named as the plan names it": (
        {"name": "Coventry Children's Front Door", "phone": "024 7600 0000"},
        "Coventry MASH: now 024 7600 0000, not 024 7678 8555",
    ),
}


@pytest.mark.parametrize("edited, words", CHANGED.values(), ids=CHANGED)
def test_what_changed_is_said_as_a_worker_gives_it(graph, tmp_path, edited, words):
    """The attack on the update seams (2026-12-07): each read wrongly, or was not said."""
    said_now = said(graph, tmp_path, lambda rows: change(rows, "coventry-mash", **edited))
    assert said_now == {"coventry-mash": words}


def test_a_line_no_longer_open_day_and_night_is_said_with_its_hours(graph, tmp_path):
    """The plan said "Open 24/7" of the National Domestic Abuse Helpline, and the worker told
    the person to ring tonight (attack, 2026-12-07)."""
    hours = {"open_24_7": "", "hours": "Mon-Fri 09:00-17:00"}
    said_now = said(graph, tmp_path, lambda rows: change(rows, "ndah", **hours))
    assert said_now["ndah"] == (
        "National Domestic Abuse Helpline: open Mon-Fri 09:00-17:00, not 24/7"
    )


def test_a_service_put_back_under_another_id_with_its_number_is_not_said_closed(graph, tmp_path):
    """A feed imported again gave Coventry MASH a new id: "closed, do not give its number"
    stopped a worker giving the very number the next plan gives (attack, 2026-12-07)."""

    def rekeyed(rows):
        (mash,) = (row for row in rows if row["id"] == "coventry-mash")
        again = {**mash, "id": "coventry-cfd"}
        return [*change(rows, "coventry-mash", status="retired"), again]

    assert said(graph, tmp_path, rekeyed) == {}


def test_a_service_moved_to_another_area_is_said_no_longer_for_this_case(graph, tmp_path):
    """Safe to Talk moved from Coventry to Solihull: the next plan no longer gives it, and
    nothing said so mid-conversation (attack, 2026-12-07)."""
    moved = said(
        graph, tmp_path, lambda rows: change(rows, "coventry-safe-to-talk", area="solihull")
    )
    assert moved == {
        "coventry-safe-to-talk": "Safe to Talk (Coventry domestic abuse helpline): no longer "
        "for this case (its areas or who it serves changed), do not give its number; instead "
        "National Domestic Abuse Helpline, 0808 2000 247"
    }
    # one whose areas grow still serves this case: nothing to say of that, but its number
    wider = {"area": "coventry;solihull", "phone": "0800 035 5310"}
    grown = said(graph, tmp_path / "wider", lambda r: change(r, "coventry-safe-to-talk", **wider))
    assert grown == {
        "coventry-safe-to-talk": "Safe to Talk (Coventry domestic abuse helpline): now "
        "0800 035 5310, not 0800 035 5309"
    }


def test_what_to_do_is_taken_from_each_shipped_note_for_no_confirmed_service(graph):
    """Each card's note, as the banner says it after "instead": what to do, never what the
    note says of the numbers held."""
    from app.waiting_numbers import what_to_do

    notes = {a.kind: a.fallback_note for a in graph.actions.values() if a.fallback_note}
    said = {kind: what_to_do(note) for kind, note in notes.items()}
    assert said["child_safeguarding_referral"].startswith("phone the council's children's")
    assert said["emergency_999"].startswith("call 999. If it is not safe to speak")
    assert all(not words.startswith(("no ", "No ", "check")) for words in said.values())
    assert all(not words.endswith(".") for words in said.values())
    assert "" in said.values()  # "No number here is confirmed …": nothing to do instead


def test_a_service_taken_off_this_case_is_said_so_whatever_else_changed(graph, tmp_path):
    """Moved to Solihull and renumbered in one update, Safe to Talk was said "now 0800 035
    5310 … use these", and the next plan no longer gives it (verifier, 2026-12-07)."""
    moved = {"area": "solihull", "phone": "0800 035 5310"}
    words = said(graph, tmp_path, lambda rows: change(rows, "coventry-safe-to-talk", **moved))
    assert words["coventry-safe-to-talk"].startswith(
        "Safe to Talk (Coventry domestic abuse helpline): no longer for this case"
    )
    assert "0800 035 5310" not in words["coventry-safe-to-talk"]


def test_a_service_put_back_under_another_id_is_said_with_what_else_changed(graph, tmp_path):
    """Re-keyed with its number, its night line changed: nothing was said, and the worker
    gave the old night line (verifier, 2026-12-07)."""

    def rekeyed(rows):
        (mash,) = (row for row in rows if row["id"] == "coventry-mash")
        again = {**mash, "id": "coventry-cfd", "phone_note": "out of hours: 024 7683 2223"}
        return [*change(rows, "coventry-mash", status="retired"), again]

    assert said(graph, tmp_path, rekeyed) == {
        "coventry-mash": "Coventry MASH: out of hours now 024 7683 2223, not 024 7683 2222"
    }


NAMES = {"mash": "Coventry MASH", "line": "Safe to Talk"}


def test_a_number_said_and_then_not_given_is_said_withdrawn_by_number():
    """A later update putting the MASH's number back and adding an alert said the alert,
    and the number read before simply went (verifier, 2026-12-07; H585)."""
    from app.waiting_numbers import SaidOfWaiting

    said_now = SaidOfWaiting()
    held = {"02476788555"}  # the plan's own number
    said_now.now({"mash": "Coventry MASH: now 024 7600 0000, not 024 7678 8555"}, held, None)
    assert said_now.withdrawn == {}
    said_now.now({"mash": "Coventry MASH: alert: Referrals by phone only"}, held, {"mash"})
    assert said_now.withdrawn_words(NAMES) == (
        "Withdrawn, do not give: 024 7600 0000, said for Coventry MASH."
    )
    said_now.now({"mash": "Coventry MASH: now 024 7600 0001, not 024 7678 8555"}, held, None)
    assert said_now.withdrawn == {"mash": ["024 7600 0000"]}  # another since: still said
    said_now.now({"mash": "Coventry MASH: now 024 7600 0000, not 024 7678 8555"}, held, None)
    assert said_now.withdrawn_words(NAMES) == (
        "Withdrawn, do not give: 024 7600 0001, said for Coventry MASH."
    )
    said_now.now({}, held, set())  # the plan corrected: not on it, nothing said of it
    assert said_now.withdrawn_words(NAMES) == ""


def test_a_closure_said_and_then_put_back_is_said_as_what_was_said():
    from app.waiting_numbers import SaidOfWaiting

    said_now = SaidOfWaiting()
    said_now.now({"line": "Safe to Talk: closed, do not give its number; instead …"}, set(), None)
    said_now.now({}, set(), {"line"})
    assert said_now.withdrawn_words(NAMES) == (
        "Withdrawn: what was said for Safe to Talk; the plan's number stands."
    )


def test_the_plans_own_numbers_are_never_given_new(graph, pathway):
    """Every number the plan's services hold, in any of their words: an old referral line
    said "not 024 …" would else be said withdrawn, as if a new one."""
    from app.waiting_numbers import numbers_given, numbers_held

    plan = pathway.step(answers_for(pathway, coventry_children())).plan
    held = numbers_held(plan)
    words = "Coventry MASH: for referrals now 024 7683 1111, not 024 7678 8555"
    assert numbers_given(words, held) == ["024 7683 1111"]
    assert "02476832222" in held  # its out-of-hours line, in its number note


EDITS = {  # what a newer directory did to Walsall's children's front door
    "nothing": {},
    "renumbered": {"phone": "01922 650 000"},
    "renumbered, the old number kept in its notes": {
        "phone": "01922 650 000",
        "notes": "Old number 0300 555 2866 closed 1 Dec.",
    },
    "a new out-of-hours line": {"phone_note": "Out of hours: 0300 555 9999"},
    "closed": {"status": "retired"},
    "a new alert": {"alert": "Line closed until 4 January"},
    "renamed": {"name": "Walsall Children's Services front door"},
}


@pytest.mark.parametrize(
    ("edit", "copied", "why"),
    [
        ("nothing", "0300 555 2866", ""),
        ("nothing", "03005552866", ""),  # spaced or not, the same number
        ("renumbered", "0300 555 2866", "no longer gives"),
        ("renumbered, the old number kept in its notes", "0300 555 2866", "no longer gives"),
        ("renumbered", "0300 555 2922", ""),  # its out-of-hours line, copied: unchanged
        ("a new out-of-hours line", "0300 555 2922", "no longer gives"),
        ("a new out-of-hours line", "0300 555 2866", ""),
        ("closed", "0300 555 2866", "closes"),
        ("a new alert", "0300 555 2866", "alert"),
        ("renamed", "0300 555 2866", ""),  # the same service, by its id
    ],
)
def test_a_number_copied_from_the_tab_is_asked_of_its_service_in_a_newer_directory(
    graph, edit, copied, why
):
    """What a newer directory says of a number the Directory tab copied (H605, H610): its
    lines and address only, never its notes; a closed service still loaded closes it."""
    import dataclasses

    from app.waiting_numbers import tab_copy_changed

    before = graph.services["walsall-mast"]
    after = dataclasses.replace(before, **EDITS[edit])
    assert tab_copy_changed(before, after, copied) == why


def test_a_service_a_newer_directory_no_longer_lists_closes_and_short_lines_are_given(graph):
    from app.waiting_numbers import tab_copy_changed

    assert tab_copy_changed(graph.services["walsall-mast"], None, "0300 555 2866") == "closes"
    emergency, nspcc = graph.services["emergency-999"], graph.services["nspcc"]
    assert tab_copy_changed(emergency, emergency, "999") == ""
    assert tab_copy_changed(nspcc, nspcc, nspcc.email.upper()) == ""


def test_a_number_in_its_notes_or_sources_is_never_said_as_a_line(graph, tmp_path):
    """The lead noted the old number: "Coventry MASH: now 024 7600 0000, not 024 7678 8555,
    and in its notes now 024 7678 8555. Use these…" (helper-278, 2026-12-07; H610)."""
    words = said(
        graph,
        tmp_path,
        lambda rows: change(
            rows,
            "coventry-mash",
            phone=FRONT_DOOR,
            notes="Old number 024 7678 8555 closed 1 Dec.",
            source="council page seen 1 Dec 2026; older form gave 024 7678 8500",
        ),
    )
    assert words["coventry-mash"] == f"Coventry MASH: now {FRONT_DOOR}, not 024 7678 8555"


NOTES = {  # a number's note, before and after, as leads write them (helper-280; H612)
    "(24 hours) put after the line": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 2922 (24 hours)",
        "",
    ),
    "- 365 days a year put after the line": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 2922 - 365 days a year",
        "",
    ),
    "the old day number noted": (
        "out of hours: 024 7683 2222",
        "out of hours: 024 7683 2222. Old number 024 7678 8555 closed 1 Dec.",
        "",
    ),
    "a line changed, its hours after it": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 9999 (24 hours)",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "calls diverted": (
        "Out of hours: 0300 555 2922",
        "Calls are diverted from 0300 555 2922 to 0300 555 9999",
        "other line now 0300 555 9999, not 0300 555 2922",
    ),
    # read as the card reads the note, each line by its own words (helper-282; H614)
    "the replaced line noted (not …)": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 9999 (not 0300 555 2922)",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "the replaced line noted (do not use …)": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 9999 (do not use 0300 555 2922)",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "a second line added, named by its own words": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 2922; Rough sleeping (weekdays): 0121 303 2296",
        "Rough sleeping (weekdays) now 0121 303 2296",
    ),
    "both lines changed": (
        "Out of hours: 0300 555 2922; Samaritans: 116 123",
        "Out of hours: 0300 555 9999; Samaritans: 116 000",
        "out of hours now 0300 555 9999, not 0300 555 2922, and Samaritans now 116 000, not "
        "116 123",
    ),
    "the line written +44": ("Out of hours: 0300 555 2922", "Out of hours: +44 300 555 2922", ""),
    "a 116 line changed": (
        "Out of hours: 116 123 (24 hours)",
        "Out of hours: 116 000 (24 hours)",
        "out of hours now 116 000, not 116 123",
    ),
    "the office said closed before its line": (
        "Out of hours: 0300 555 2922",
        "Office closed at weekends, out of hours: 0300 555 2922",
        "",
    ),
    # the words after a number, and "replaced by" read the right way (helper-283; H620)
    "replaced by the new line": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 2922 replaced by 0300 555 9999",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "the old line said old after it": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 9999 (new), 0300 555 2922 (old)",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "the line said closed after it": (
        "Out of hours: 0300 555 2922",
        "Out of hours line 0300 555 2922 is closed, use 999",
        "out of hours now no number, not 0300 555 2922",
    ),
    "the lines swapped": (
        "Out of hours: 0300 555 2922; rough sleeping: 0121 303 2296",
        "Rough sleeping: 0300 555 2922; out of hours: 0121 303 2296",
        "out of hours now 0121 303 2296, not 0300 555 2922, and Rough sleeping now 0300 555 "
        "2922, not 0121 303 2296",
    ),
    "a line not yet live, with its date": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 9999 from 1 Jan (0300 555 2922 until then)",
        "out of hours now 0300 555 9999 from 1 Jan",
    ),
    "Childline with its hours": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 2922; Childline: 0800 1111 (24 hours)",
        "Childline now 0800 1111",
    ),
    # a label reworded is the same line; a new line beside an old one noted (helper-286)
    "the night line's label reworded": (
        "Out of hours: 0300 555 2922",
        "Emergency Duty Team: 0300 555 2922",
        "",
    ),
    "the night line moved to office hours": (
        "Out of hours: 0300 555 2922",
        "Daytime overflow (office hours only): 0300 555 2922",
        "out of hours now no number, not 0300 555 2922",
    ),
    "a new line, the old one noted after it in its own sentence": (
        "Out of hours: 0300 555 2922",
        "Out of hours: 0300 555 9999; 0300 555 2922 (old)",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "a dated line come into force": (
        "Out of hours: 0300 555 9999 from 1 Jan (0300 555 2922 until then)",
        "Out of hours: 0300 555 9999",
        "out of hours now 0300 555 9999, not 0300 555 2922",
    ),
    "the line written 0044": ("Out of hours: 0300 555 2922", "Out of hours: 0044 300 555 2922", ""),
    # said with the old line and its date; run together by an arrow (H628)
    "a line replaced from a date": (
        "Out of hours: 0300 555 2222",
        "Out of hours: 0300 555 2222 until 31 Dec then 0300 555 9999",
        "out of hours now 0300 555 2222 until 31 Dec and 0300 555 9999 after 31 Dec",
    ),
    "a line replaced, run together by an arrow": (
        "Out of hours: 0300 555 2222",
        "Out of hours: 0300 555 2222->0300 555 9999",
        "out of hours now 0300 555 9999, not 0300 555 2222",
    ),
    "the line taken out": (
        "Out of hours: 0300 555 2922",
        "",
        "out of hours now no number, not 0300 555 2922",
    ),
}


@pytest.mark.parametrize("note", NOTES)
def test_a_numbers_note_is_read_as_the_card_gives_its_line(note):
    """ "0300 555 2922 (24" was read as a new number: an unchanged line said changed, then
    "Withdrawn, do not give"; a number noted as old was said "out of hours now …", the closed
    number (helper-280, 2026-12-07; H612)."""
    from app.db.directory_diff import Change
    from app.waiting_numbers import change_words

    old, new, said = NOTES[note]
    assert change_words(Change("walsall-mast", "Walsall", "phone_note", old, new)) == said


def test_how_to_refer_changed_in_words_alone_is_said():
    """ "E-mail is no longer accepted: use the portal" went unsaid, and the MARAC card's
    e-mail was copied with "paste it" (helper-283, 2026-12-07; H620); a number in the route
    replaced by another is said by its numbers, the right way round."""
    from app.db.directory_diff import Change
    from app.waiting_numbers import change_words

    def said(old, new):
        return change_words(Change("wmp-marac", "MARAC", "referral_route", old, new))

    emailed = "Send the MARAC referral form by secure email."
    portal = "E-mail is no longer accepted: use the MARAC referral portal."
    assert said(emailed, portal) == f"how to refer now: {portal.rstrip('.')}"
    assert said(emailed, "Send the MARAC  referral form by secure email") == ""
    replaced = "Line 024 7678 1111 replaced by 024 7678 2222; then the online MARF."
    assert said("Online MARF.", replaced) == f"how to refer now: {replaced.rstrip('.')}"
    # "Do not phone … any more" was said "for referrals now 0300 555 2866" (helper-286)
    stopped = "Do not phone 0300 555 2866 any more: use the portal."
    assert said("Phone 0300 555 2866, then the MARF.", stopped).endswith("use the portal")
    assert (
        said("Phone, then the MARF within 24 hours.", "Phone; then the MARF within 24 hours") == ""
    )


def test_one_sentence_of_a_long_route_changed_is_said_alone():
    """A long route said whole for one sentence changed stood six lines above the plan at
    24 pt (helper-289, 2026-12-07; H634); the number a sentence no longer gives is never
    taken as a new one to give."""
    from app.db.directory_diff import Change
    from app.waiting_numbers import change_words, numbers_given

    def said(old, new):
        return change_words(Change("wmp-marac", "MARAC", "referral_route", old, new))

    route = "Phone 0300 555 2866 first. Then the online MARF within 24 hours. Ask for the duty."
    assert said(route, route.replace("the online MARF", "the MARF portal")) == (
        "how to refer now: Then the MARF portal within 24 hours (the rest as before); "
        "no longer: Then the online MARF within 24 hours"
    )
    assert said(route, "Phone 0300 555 2866 first. Ask for the duty.") == (
        "how to refer no longer says: Then the online MARF within 24 hours"
    )
    assert said(route, route.replace("first. Then", "first; then")) == ""
    renumbered = said(route, route.replace("2866", "9999"))
    assert numbers_given(renumbered, set()) == ["0300 555 9999"]


def test_a_tab_copy_of_a_line_with_its_hours_after_it_is_still_given(graph):
    import dataclasses

    from app.waiting_numbers import tab_copy_changed

    before = graph.services["walsall-mast"]
    hours = dataclasses.replace(before, phone_note="Out of hours: 0300 555 2922 (24 hours)")
    assert tab_copy_changed(before, hours, "0300 555 2922") == ""
    noted = dataclasses.replace(
        before,
        phone="01922 650 000",
        phone_note="Out of hours: 0300 555 2922. Old number 0300 555 2866 closed 1 Dec.",
    )
    assert tab_copy_changed(before, noted, "0300 555 2866") == "no longer gives"


@pytest.mark.parametrize(
    ("note", "copied", "why"),
    [
        ("Out of hours: 0300 555 9999 (not 0300 555 2922)", "0300 555 2922", "no longer gives"),
        ("Office closed at weekends, out of hours: 0300 555 2922", "0300 555 2922", ""),
        ("Out of hours: +44 300 555 2922", "0300 555 2922", ""),
        ("Out of hours: 116 123 (24 hours)", "116 123", ""),
        ("If no answer, try Childline 0800 1111 (24 hours)", "0800 1111", ""),
    ],
)
def test_a_tab_copy_of_a_notes_line_is_asked_of_the_line_its_card_gives(graph, note, copied, why):
    """The note read otherwise than the card reads it: "(not 0300 555 2922)" kept a replaced
    line given, with "paste it"; a right line after "closed", written +44, or a 116 or
    Childline number was said no longer given (helper-282, 2026-12-07; H614)."""
    import dataclasses

    from app.waiting_numbers import tab_copy_changed

    before = graph.services["walsall-mast"]
    after = dataclasses.replace(before, phone_note=note)
    assert tab_copy_changed(before, after, copied) == why
