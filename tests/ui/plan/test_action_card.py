"""One action card: instruction, the number large with a copy button, what to say, trust."""

import dataclasses
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.cli.route import answers_for
from app.pathways.plan import PlannedAction
from app.pathways.services import ServiceMatch
from app.ui.plan.action_card import UNCONFIRMED, ActionCard, trust_line
from tests.ui.conftest import TODAY, windows_shown


def action_with(graph, *service_ids, kind="helpline"):
    template = graph.actions[kind]
    return PlannedAction(
        kind=kind,
        priority=template.priority,
        title=template.title,
        reasons=(),
        sources=("001 §5.5",),
        services=tuple(ServiceMatch(graph.services[s]) for s in service_ids),
        group=template.group,
        say=template.say,
    )


def test_999_101_and_111_are_never_flagged(graph):
    for service_id in ("emergency-999", "police-101", "nhs-111", "nhs-111-mh"):
        service = dataclasses.replace(graph.services[service_id], assured_date="2020-01-01")
        assert trust_line(ServiceMatch(service), TODAY, 12) == ""


def test_a_service_confirmed_within_the_window_says_when(graph):
    service = dataclasses.replace(
        graph.services["rape-crisis-247"],
        assured_date="2026-09-14",
        assured_method="phoned",
        assured_by="DA lead",
        confidence="high",
    )
    assert trust_line(ServiceMatch(service), TODAY, 12) == "Confirmed September 2026."
    stale = dataclasses.replace(service, assured_date="2024-01-02")
    assert trust_line(ServiceMatch(stale), TODAY, 12) == UNCONFIRMED
    nobody = dataclasses.replace(service, assured_method="")  # a feed's own date (H56)
    assert trust_line(ServiceMatch(nobody), TODAY, 12) == UNCONFIRMED


def test_the_unconfirmed_line_is_quiet(graph):
    low = next(s for s in graph.services.values() if s.confidence == "low" and s.phone)
    line = trust_line(ServiceMatch(low), date(2026, 11, 21), 12)
    assert line == UNCONFIRMED and not line.isupper() and "\u26a0" not in line


def test_the_number_is_large_copyable_and_in_the_cards_name(qtbot, graph):
    copied = []
    card = ActionCard(
        3,
        action_with(graph, "nhs-111"),
        TODAY,
        12,
        lambda text, whose: copied.append((text, whose)),
    )
    qtbot.addWidget(card)
    row = card.rows[0]
    assert row.number.text() == "111"
    assert row.number.font().pointSizeF() >= card.title.font().pointSizeF()
    row.copy_button.click()
    assert copied == [("111", "NHS 111")]  # whose, for the status line (H500)
    assert card.accessibleName() == f"3. {card.title.text()[3:]}: NHS 111, 111"
    assert card.say.text().startswith("What you can say: \u201c")
    assert card.accessibleDescription().endswith(card.say.text())


def test_a_screen_reader_hears_every_service_and_line_the_card_shows(qtbot, graph):
    """Tabbing through the plan, the card spoke its first service only: the helpline's
    number under "No number held here", the trust lines and the note of what to do were
    never heard (officer walk, 2026-12-02)."""
    action = action_with(
        graph, "walsall-adult-safeguarding", "ndah", kind="adult_safeguarding_referral"
    )
    card = ActionCard(1, action, TODAY, 12)
    qtbot.addWidget(card)
    assert "Walsall adult safeguarding, no number held here" in card.accessibleName()
    said = card.accessibleDescription()
    assert said.startswith("Website: https://go.walsall.gov.uk/adult_safeguarding. How to refer: ")
    ndah = graph.services["ndah"]
    assert f"{ndah.name}, {ndah.phone}. {ndah.phone_note}; 24/7, free" in said
    assert card.rows[1].trust.text() in said and said.endswith(card.say.text())
    assert "Why" not in said and ".." not in said and ".;" not in said


def test_an_e_mail_only_service_is_not_called_a_number(qtbot, graph):
    emailed = next(s for s in graph.services.values() if s.email and not s.phone)
    copied = []
    card = ActionCard(
        2,
        action_with(graph, emailed.id),
        TODAY,
        12,
        lambda text, whose: copied.append((text, whose)),
    )
    qtbot.addWidget(card)
    row = card.rows[0]
    assert row.number.text() == emailed.email
    assert row.copy_button.text() == "Copy e-mail"
    assert "number" not in row.copy_button.accessibleName() + row.trust.text()
    row.copy_button.click()
    assert copied == [(emailed.email, emailed.name)]


def test_a_card_with_the_longest_e_mail_fits_the_plans_column_beside_the_reminders(qtbot, graph):
    """At 16 pt the MARAC referral's e-mail address, bold, with its copy button beside it,
    made the card 715 pixels wide in a 730-pixel column: the plan scrolled sideways and its
    first number went under the scroll bar (officer walk, 2026-12-02)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    before = QApplication.font()
    QApplication.setFont(QFont(before.family(), 16))
    try:
        longest = max(
            (s for s in graph.services.values() if s.email and not s.phone),
            key=lambda s: len(s.email),
        )
        card = ActionCard(2, action_with(graph, longest.id), TODAY, 12, lambda text, whose: None)
        qtbot.addWidget(card)
        assert card.minimumSizeHint().width() <= 620, longest.email
    finally:
        QApplication.setFont(before)


def test_no_line_of_a_card_is_shown_as_a_window_of_its_own(qtbot, graph):
    """Its hours and trust lines were shown before they were in the card: reaching the plan
    left the Navigator window without the keyboard focus (seen under X)."""
    noted = next(s for s in graph.services.values() if s.hours and s.phone and s.confidence)
    with windows_shown() as shown:
        card = ActionCard(1, action_with(graph, noted.id), TODAY, 12, lambda text, whose: None)
        qtbot.addWidget(card)
    assert card.rows[0].notes.text() and card.rows[0].trust.text()
    assert shown == []


def test_a_service_with_nothing_to_ring_gives_way_to_what_to_do(qtbot, pathway):
    """The adult SARC has no number held: the card led with "No number held" in large
    bold type, and the way to find a SARC came after every fallback."""
    scenario = {
        **{"tier": 2, "immediate_danger": False, "age_group": "adult", "borough": "walsall"},
        **{"abuse_types": ["sexual_assault_abuse"], "saa_timing": "within_7_days"},
        **{"discloser": "person_harmed", "perpetrator_nearby": False, "police_aware": "no"},
        **{"relationship_to_abuser": "other", "about_abuser": [], "additional_needs": []},
        **{"children_in_household": False, "pregnant_or_recent_birth": False},
        **{"care_and_support_needs": False, "consent_to_share": "yes"},
    }
    plan = pathway.step(answers_for(pathway, scenario)).plan
    card = ActionCard(1, plan.action("sarc_referral"), TODAY, 12, lambda text, whose: None)
    qtbot.addWidget(card)
    layout = card.layout()
    assert layout.indexOf(card.fallback) == 1  # straight under the instruction
    assert card.fallback.text().startswith("No SARC number here is confirmed by a person")
    first = card.rows[0]
    assert first.number.text() == "No number held here" and not first.number.font().bold()
    assert not hasattr(first, "copy_button")
    names = [row.name.text() for row in card.rows]
    assert names[0] == first.name.text() and not names[0].startswith("If that")
    assert names[-1] == "In an emergency: Emergency services"
    # nothing above it can be rung: "If that cannot help" read as if there were (review),
    # and "Instead" as if the SARC's own number were not to be looked for (H226)
    assert names[1:-1] == [
        "If you cannot find Horizon SARC (adult): NHS 111",
        "If that cannot help: Police non-emergency",
    ]


def test_a_fallback_standing_first_is_not_told_as_instead_of_nothing(qtbot, graph):
    action = action_with(graph, "rape-crisis-247", "nhs-111", kind="isva_referral")
    fallbacks = tuple(dataclasses.replace(m, fallback=True) for m in action.services)
    card = ActionCard(2, dataclasses.replace(action, services=fallbacks), TODAY, 12)
    qtbot.addWidget(card)
    assert [row.name.text() for row in card.rows] == [
        "24/7 Rape and Sexual Abuse Support Line",
        "If that cannot help: NHS 111",  # after the first, one to try instead
    ]


def test_one_to_try_instead_is_one_line_and_smaller_than_the_first(qtbot, graph):
    """111, 101 and 999 to try instead, each a name line above a large number, filled the
    first screen under a child's SARC, the same-day referral below it (review 2026-12-01)."""
    action = action_with(
        graph, "wm-cyp-sas", "nhs-111", "police-101", "emergency-999", kind="sarc_referral"
    )
    first, *instead = action.services
    services = (first, *(dataclasses.replace(m, fallback=True) for m in instead))
    card = ActionCard(1, dataclasses.replace(action, services=services), TODAY, 12)
    qtbot.addWidget(card)
    card.resize(700, 900)
    card.show()
    qtbot.waitExposed(card)
    main, *others = card.rows
    assert main.name.geometry().bottom() < main.number.geometry().top()  # its own line
    assert [row.name.text().split(":")[0] for row in others] == [
        "If that cannot help",
        "If that cannot help",
        "In an emergency",  # 999 is for danger, never an alternative to the SARC
    ]
    for row in others:
        assert abs(row.name.geometry().center().y() - row.number.geometry().center().y()) < 10
        assert row.number.font().pointSizeF() < main.number.font().pointSizeF()


def test_open_24_7_is_said_only_to_set_lines_apart_from_daytime_ones(qtbot, graph):
    """Above a line whose hours already say "24/7", "Open 24/7" was a heading telling the
    worker nothing (officer walk, 2026-12-05); beside a daytime line it sets them apart."""
    shut = dataclasses.replace(graph.services["ndah"], hours="Mon-Fri 9am-5pm")
    both = action_with(graph, "ndah", "samaritans")
    beside_daytime = dataclasses.replace(both, services=(both.services[1], ServiceMatch(shut)))
    labels = []
    for action in (both, beside_daytime):
        card = ActionCard(1, action, TODAY, 12)
        qtbot.addWidget(card)
        labels.append([label.text() for label in card.findChildren(QLabel)])
    alone, beside = labels
    assert "Open 24/7" not in alone and "Daytime lines (check the hours)" not in alone
    assert "Open 24/7" in beside and "Daytime lines (check the hours)" in beside


def test_999_on_a_card_that_is_not_the_call_to_999_says_it_is_for_an_emergency(qtbot, graph):
    """On a worried person's "Advice for you" card 999 stood first and bare, beside "do not
    confront the person causing harm" (officer review 2026-12-01)."""
    advice = ActionCard(
        1, action_with(graph, "emergency-999", kind="concerned_other_advice"), TODAY, 12
    )
    call = ActionCard(1, action_with(graph, "emergency-999", kind="emergency_999"), TODAY, 12)
    qtbot.addWidget(advice)
    qtbot.addWidget(call)
    assert advice.rows[0].name.text() == "In an emergency: Emergency services"
    assert call.rows[0].name.text() == "Emergency services"  # the card itself says "Call 999"


def test_the_leads_alert_replaces_confirmed_in_words_and_an_icon(qtbot, graph):
    """A checked service the lead alerted ("Reported not answering: use the NDAH instead")
    showed "Confirmed November 2026" and no word of the alert (attack round, 2026-12-01)."""
    service = dataclasses.replace(
        graph.services["bcwa"],
        assured_date="2026-11-20",
        assured_method="phoned",
        confidence="high",
        alert="Reported not answering since 28 Nov: use the NDAH instead",
    )
    said = "\u26a0 Alert from the directory lead: Reported not answering since 28 Nov"
    assert trust_line(ServiceMatch(service), TODAY, 12).startswith(said)
    action = dataclasses.replace(action_with(graph, "bcwa"), services=(ServiceMatch(service),))
    card = ActionCard(1, action, TODAY, 12)
    qtbot.addWidget(card)
    row = card.rows[0]
    assert row.trust.text().startswith(said) and row.trust.font().bold()
    shown = [row.layout().itemAt(i).widget() for i in range(row.layout().count())]
    assert shown.index(row.trust) < shown.index(None)  # above the number's line (a layout)
    assert row.spoken.startswith(said[2:])  # a screen reader hears it before the number


def test_words_in_urdu_never_reorder_the_hours_or_number_beside_them(qtbot, graph):
    """Each field passed the lead's checks alone; joined on the card's line, an Urdu note
    showed the hours after it as "Mon to Fri 17:00 - 9:00" (attack round, 2026-12-02)."""
    from PySide6.QtGui import QTextLayout

    service = dataclasses.replace(
        graph.services["bcwa"], phone_note="اردو بولنے والے", hours="9:00 - 17:00 Mon to Fri"
    )
    action = dataclasses.replace(action_with(graph, "bcwa"), services=(ServiceMatch(service),))
    card = ActionCard(1, action, TODAY, 12, None)
    qtbot.addWidget(card)
    text = card.rows[0].notes.text()
    layout = QTextLayout(text, card.rows[0].notes.font())
    layout.beginLayout()
    layout.createLine().setLineWidth(5000)
    layout.endLayout()
    x = {word: layout.lineAt(0).cursorToX(text.index(word))[0] for word in ("9:00", "17:00", "Mon")}
    assert x["9:00"] < x["17:00"] < x["Mon"]


def test_a_service_with_no_number_shows_how_to_refer_on_its_card(qtbot, graph):
    """ "No number held here", with the form and page held and shown nowhere (officer walk,
    2026-12-02); how to refer on its own line (H622)."""
    card = ActionCard(
        1,
        action_with(graph, "walsall-adult-safeguarding", kind="adult_safeguarding_referral"),
        TODAY,
        12,
    )
    qtbot.addWidget(card)
    notes, refer = card.rows[0].notes, card.rows[0].refer
    assert refer.isVisibleTo(card) and refer.text().startswith(
        "How to refer: Download the adult safeguarding"
    )
    assert "Website: https://go.walsall.gov.uk/adult_safeguarding" in notes.text()


def test_a_cards_edge_shows_in_every_palette(qtbot, graph):
    """In high contrast the style drew a card's edge in the window colour darkened, black on
    black, and every card ran into the next inside its group (look on Xvfb, 2026-12-02)."""
    from PySide6.QtGui import QPalette

    from app.ui.palettes import palette_for

    for scheme in ("light", "dark", "high_contrast"):
        palette = palette_for(scheme)
        card = ActionCard(1, action_with(graph, "ndah"), TODAY, 12)
        card.setPalette(palette)
        card.setAutoFillBackground(True)  # as it stands on its group's background
        qtbot.addWidget(card)
        card.resize(600, card.sizeHint().height())
        image = card.grab().toImage()
        edge = image.pixelColor(0, image.height() // 2)
        inside = image.pixelColor(3, image.height() // 2)
        assert edge == palette.color(QPalette.ColorRole.Mid) and edge != inside, scheme


def test_the_out_of_hours_number_stands_under_the_hours_with_a_copy_button(qtbot, graph):
    """The front door's out-of-hours number, what a worker rings at six on a Friday, was
    in the note's small type (officer walk, 2026-12-02)."""
    copied = []
    action = action_with(graph, "dudley-front-door", kind="child_safeguarding_referral")
    card = ActionCard(1, action, TODAY, 12, lambda text, whose: copied.append((text, whose)))
    qtbot.addWidget(card)
    row = card.rows[0]
    assert row.out_of_hours.text() == "0300 555 8574"
    assert row.out_of_hours.font().bold()
    assert row.out_of_hours.font().pointSizeF() > row.notes.font().pointSizeF()
    assert row.notes.text() == "option 3; Mon-Fri 9:00-17:00"  # said once, not in the note too
    row.out_of_hours_copy.click()
    assert copied == [
        ("0300 555 8574", "Dudley Multi Agency Safeguarding front door, out-of-hours number")
    ]
    # under the out-of-hours line, "check the number" read as about it alone (re-walk)
    assert row.trust.text() == "Unconfirmed: check both numbers before you give them."
    assert "Out of hours: 0300 555 8574" in card.accessibleDescription()
    shown = [w for w in (row.number, row.notes, row.out_of_hours, row.trust) if w.text()]
    assert sorted(shown, key=lambda w: w.mapTo(card, w.rect().topLeft()).y()) == shown


def test_the_line_to_try_if_there_is_no_answer_has_its_copy_button(qtbot, graph):
    """A child's urgent SARC: "If no answer, try 0330 223 0099" stood in the note's small
    type with no copy button (helper's walk, 2026-12-03; H334)."""
    copied = []
    action = action_with(graph, "wm-cyp-sas", kind="sarc_referral")
    card = ActionCard(1, action, TODAY, 12, lambda text, whose: copied.append((text, whose)))
    qtbot.addWidget(card)
    row = card.rows[0]
    assert row.out_of_hours.text() == "0330 223 0099"
    assert row.out_of_hours.font().bold()
    assert "0330" not in row.notes.text()  # said once
    row.out_of_hours_copy.click()
    assert copied == [
        (
            "0330 223 0099",
            "West Midlands Children and Young People's Sexual Assault Service, number to try next",
        )
    ]
    assert row.out_of_hours_copy.accessibleName() == (
        "Copy the number for West Midlands Children and Young People's Sexual Assault"
        " Service (if no answer, try)"
    )
    assert "If no answer, try: 0330 223 0099" in card.accessibleDescription()


def test_a_note_with_no_out_of_hours_number_is_left_as_it_is(qtbot, graph):
    for service_id in ("dudley-housing", "solihull-housing", "ndah"):
        card = ActionCard(1, action_with(graph, service_id), TODAY, 12)
        qtbot.addWidget(card)
        assert not hasattr(card.rows[0], "out_of_hours"), service_id


def test_ctrl_c_on_a_card_copies_its_first_number_as_its_button_does(qtbot, graph):
    """Ctrl+C on a card with the focus copied nothing and said nothing (officer's walk,
    2026-12-07; H503)."""
    copied = []
    action = action_with(graph, "dudley-front-door", kind="child_safeguarding_referral")
    card = ActionCard(1, action, TODAY, 12, lambda text, whose: copied.append((text, whose)))
    qtbot.addWidget(card)
    qtbot.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert copied == [("0300 555 0050", "Dudley Multi Agency Safeguarding front door")]
    # on the out-of-hours line's Copy button: that line, never the daytime one (re-walk)
    card.show()
    qtbot.waitExposed(card)
    card.activateWindow()
    button = card.rows[0].out_of_hours_copy
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert copied[-1] == (
        "0300 555 8574",
        "Dudley Multi Agency Safeguarding front door, out-of-hours number",
    )
    nothing = ActionCard(1, action, TODAY, 12)  # no copy (exports not allowed): no button
    qtbot.addWidget(nothing)
    qtbot.keyClick(nothing, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def test_a_front_door_with_no_out_of_hours_line_says_what_to_do_when_it_is_shut(qtbot, graph):
    """Sandwell's children's front door, "phone now" for a 12-year-old abused this week,
    held no hours and no out-of-hours line: at 7 pm the card said nothing of what to do
    (officer's walk, 2026-12-07). Walsall's, with its out-of-hours line, needs no such line."""
    from app.pathways.when_shut import NO_LINE_WHEN_SHUT

    kind = next(k for k, t in graph.actions.items() if "mash_children" in t.service_kinds)
    for service, said in (("sandwell-mash", True), ("walsall-mast", False)):
        card = ActionCard(1, action_with(graph, service, kind=kind), TODAY, 12, None)
        qtbot.addWidget(card)
        assert (NO_LINE_WHEN_SHUT in card.rows[0].notes.text()) is said, service
