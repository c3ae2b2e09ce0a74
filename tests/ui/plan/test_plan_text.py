"""The PDF's HTML follows the screen: the same groups and numbers, what to say, the number
in large type, a quiet line only on unconfirmed services, the print warning first."""

import re
from datetime import date

import pytest

from app.pathways.summary import grouped, plan_to_text
from app.ui.plan.plan_text import PRINT_WARNING, UNCONFIRMED, UNCONFIRMED_BOTH, plan_document_html
from tests.conftest import routed_cases

TODAY = date(2026, 11, 21)
CASES = routed_cases()


def plan_for(pathway, scenario):
    from app.cli.route import answers_for

    return pathway.step(answers_for(pathway, scenario)).plan


@pytest.mark.parametrize("case", CASES[:12], ids=[c["name"] for c in CASES[:12]])
def test_the_pdf_has_the_screens_groups_in_order_and_each_actions_say(pathway, case):
    plan = plan_for(pathway, case["scenario"])
    html = plan_document_html(plan, TODAY)
    headings = re.findall(r"<h3>(.*?)</h3>", html)
    expected = [heading for _, heading, _ in grouped(plan)]
    assert headings == [*expected, "Remember"]
    titles = re.findall(r"<h4>(\d+)\. ", html)
    assert [int(n) for n in titles] == list(range(1, len(plan.actions) + 1))
    assert html.index(PRINT_WARNING.split(".")[0]) < html.index("<h3>")
    text = plan_to_text(plan, TODAY)  # the copy summary: same headings, same order
    assert [h.upper() for h in expected] == [
        line for line in text.splitlines() if line in {h.upper() for h in expected}
    ]


def test_999_is_never_marked_unconfirmed_and_other_services_quietly_are(pathway):
    scenario = next(c for c in CASES if c["scenario"].get("immediate_danger"))["scenario"]
    plan = plan_for(pathway, scenario)
    html = plan_document_html(plan, TODAY)
    first_action = html.split("<h4>2. ")[0]
    assert "999" in first_action and UNCONFIRMED not in first_action
    assert UNCONFIRMED in html  # the directory has no service confirmed by a person yet
    assert "CHECK BEFORE USE" not in html
    assert "What you can say" in html


def test_the_pdf_gives_a_helplines_lines_open_day_and_night_first(pathway):
    """Coventry's Safe to Talk (weekdays) stood before the 24/7 National Domestic Abuse
    Helpline in the PDF, under "open day and night"; the card and the summary put the 24/7
    line first (seams review, 2026-12-04)."""
    from tests.pathways.test_summary import adult_in_coventry

    plan = plan_for(pathway, adult_in_coventry(dash_answers=None))
    html = plan_document_html(plan, TODAY)
    helpline = html[html.index(plan.action("helpline").title) :]
    assert helpline.index("Open 24/7:") < helpline.index("0808 2000 247")
    # in the card's words: "daytime lines:" left out "(check the hours)" (verifier, 12-07)
    assert helpline.index("0808 2000 247") < helpline.index("Daytime lines (check the hours):")
    assert helpline.index("Daytime lines (check the hours):") < helpline.index("Safe to Talk")


def test_the_pdf_puts_what_to_do_first_when_nothing_can_be_rung(pathway):
    from tests.pathways.test_services import ADULT_ASSAULTED_THIS_WEEK

    html = plan_document_html(plan_for(pathway, ADULT_ASSAULTED_THIS_WEEK), date(2026, 11, 30))
    sarc = html[html.index("offer the SARC now") :]
    assert sarc.index("No SARC number here is confirmed") < sarc.index("<ul>")
    assert "No confirmed contact held" not in html


def test_the_pdf_doubts_only_a_number_or_address_it_shows(pathway, graph):
    from app.pathways.services import ServiceMatch
    from app.ui.plan.plan_text import UNCONFIRMED_ADDRESS, service_html

    none_held = next(s for s in graph.services.values() if not s.phone and not s.email)
    assert "unconfirmed" not in service_html(ServiceMatch(none_held), True)
    emailed = next(s for s in graph.services.values() if s.email and not s.phone)
    assert UNCONFIRMED_ADDRESS in service_html(ServiceMatch(emailed), True)
    assert UNCONFIRMED not in service_html(ServiceMatch(emailed), True)


def left_of(document, first: str, second: str) -> bool:
    """Whether `first` is drawn left of `second` in the laid-out document."""

    def x(text):
        cursor = document.find(text)
        block = cursor.block()
        at = cursor.selectionStart() - block.position()
        line = block.layout().lineForTextPosition(at)
        return line.cursorToX(at)[0]

    return x(first) < x(second)


def test_a_number_after_a_right_to_left_name_keeps_its_order_in_the_pdf_and_summary(qapp, graph):
    """An honest service name ending in Urdu made the PDF and the copied summary show
    0121 552 6448 as 6448 552 0121 (review 2026-12-01)."""
    from dataclasses import replace

    from PySide6.QtGui import QTextDocument

    from app.pathways.services import ServiceMatch
    from app.pathways.summary import service_line
    from app.ui.plan.plan_text import service_html

    urdu = "\u0628\u0644\u06cc\u06a9 \u06a9\u0646\u0679\u0631\u06cc"
    lines = []
    for name in (f"Black Country Women's Aid ({urdu})", urdu):  # and a name all in Urdu
        service = replace(graph.services["bcwa"], name=name, phone="0121 552 6448")
        service = replace(service, phone_note="0330 223 0099 if no answer")  # after it too
        lines += [
            (QTextDocument.setHtml, f"<ul>{service_html(ServiceMatch(service), False)}</ul>"),
            (QTextDocument.setPlainText, service_line(ServiceMatch(service), lambda s: False)),
        ]
    for set_text, text in lines:
        document = QTextDocument()
        set_text(document, text)
        document.setTextWidth(2000)
        document.size()  # laid out
        assert left_of(document, "0121", "552") and left_of(document, "552", "6448"), text
        assert left_of(document, "0330", "223") and left_of(document, "223", "0099"), text


def test_the_pdf_says_confirmed_only_of_a_persons_check_it_does_not_doubt(graph):
    """It printed "confirmed 2030-01-01" and a feed's own date beside "unconfirmed: check
    the number" (review 2026-12-01)."""
    import dataclasses

    from app.pathways.services import ServiceMatch
    from app.ui.plan.plan_text import service_html

    ndah = graph.services["ndah"]
    checked = dataclasses.replace(
        ndah, assured_date="2026-11-02", assured_method="phoned", assured_by="DA lead"
    )
    assert "confirmed 2026-11-02" in service_html(ServiceMatch(checked), False)
    for odd in ({"assured_method": ""}, {"assured_date": "24/11/2026"}):
        html = service_html(ServiceMatch(dataclasses.replace(checked, **odd)), True)
        assert "confirmed 2" not in html and UNCONFIRMED in html
    assert "confirmed" not in service_html(ServiceMatch(checked), True).replace("unconfirmed", "")


def test_the_leads_alert_is_printed_in_bold_with_the_number(graph):
    import dataclasses

    from app.pathways.services import ServiceMatch
    from app.ui.plan.plan_text import service_html

    alerted = dataclasses.replace(graph.services["bcwa"], alert="Reported not answering")
    html = service_html(ServiceMatch(alerted), unconfirmed=True)
    alert = "<b>\u26a0 Alert from the directory lead: Reported not answering</b>"
    assert alert in html and html.index(alert) < html.index("0121 552 6448")


def test_the_pdf_points_a_helpline_given_above_to_its_card(pathway):
    """As the card and the summary do (officer walk F8): the Respect Phone Line once."""
    from app.cli.route import answers_for
    from tests.ui.plan.test_plan_view import CASES

    causing_harm = "tenant says he hurts his partner (person causing harm), children at home"
    plan = pathway.step(answers_for(pathway, CASES[causing_harm])).plan
    html = plan_document_html(plan, date.today())
    assert html.count("0808 802 4040") == 1 and html.count(UNCONFIRMED) == 1  # card 3's
    assert html.count(UNCONFIRMED_BOTH) == 1  # the MASH's, with its out-of-hours line (H507)
    assert "<p>The same line as in 3 above: Respect Phoneline" in html


def test_the_pdf_gives_the_referral_forms_lines_and_never_calls_999_a_fallback(pathway):
    """Seams audit (2026-12-07): the copied summary's "For the referral form" lines were in
    no PDF (H510 said "the copy, the PDF and route alike"), and 999 after an adult
    safeguarding card with no number was printed "Fallback:", where the card says "In an
    emergency:"."""
    case = next(c for c in routed_cases() if "care and support" in c["name"])
    html = plan_document_html(plan_for(pathway, case["scenario"]), TODAY)
    assert "For the referral form" in html and "Care and support needs" in html
    assert "In an emergency: <b>Emergency services</b>" in html
    assert "Fallback: <b>Emergency services</b>" not in html


def test_the_pdf_says_each_service_as_its_card_says_it(pathway):
    """ "Fallback: Childline" in the PDF, where the card said nothing before its name, or
    "If that cannot help:" (officer walk, 2026-12-08; H633)."""
    pages = [plan_document_html(plan_for(pathway, c["scenario"]), TODAY) for c in routed_cases()]
    assert not any("Fallback: " in html for html in pages)
    assert any("<li>If that cannot help: <b>" in html for html in pages)
    assert any("<li>If you cannot find " in html for html in pages)
