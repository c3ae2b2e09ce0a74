"""The Directory tab: results with their numbers shown whole."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.ui.directory.directory_tab import DirectoryTab
from tests.ui.conftest import cell_margin, open_search


def test_numbers_and_checks_are_never_cut_short(qtbot, pathway):
    """At a laptop's width the Phone column showed "01902 …" and the name column, mostly
    empty, took three quarters of the table."""
    tab = DirectoryTab(open_search, [], pathway.graph.kind_labels, 0)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    with qtbot.waitSignal(tab.searches.answered):
        tab.run_search()  # nothing typed: every service
    qtbot.waitUntil(lambda: tab.model.rowCount() > 20)
    table, cut = tab.table, []
    margins = 2 * cell_margin(table)
    shown = range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1)
    for row in shown:
        for column in (1, 2, 3):
            index = tab.model.index(row, column)
            text = index.data()
            room = table.columnWidth(column) - margins
            if table.fontMetrics().horizontalAdvance(text) > room:
                cut.append(text)
    assert len(shown) > 5 and cut == []
    tab.searches.stop()


def searched(qtbot, pathway, text, copied=None):
    """The tab shown with the results for `text`; numbers copied into `copied`."""
    copy = (
        (print, lambda number, whose, news="": copied.append(number)) if copied is not None else ()
    )
    tab = DirectoryTab(open_search, [], pathway.graph.kind_labels, 0, *copy)
    qtbot.addWidget(tab)
    tab.show()
    tab.query.setText(text)
    with qtbot.waitSignal(tab.searches.answered):
        tab.run_search()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    return tab


def test_a_services_details_say_where_they_come_from_and_what_is_in_doubt(qtbot, pathway):
    """Where a number or the hours came from ("the service's own page, undated") left the
    plan's cards for the service's notes: the details pane shows them."""
    tab = searched(qtbot, pathway, "Children and Young People's Sexual Assault")
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "wm-cyp-sas")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    assert "The directory lead's notes: CONFLICT: 0330 223 0099" in tab.details.text()
    assert "the source's confidence: " in tab.details.text()
    assert "the second is the service's own page's (undated)" in tab.details.text()
    said = tab.details.text()  # unconfirmed, in the plan's calm words, not in capitals
    assert "not confirmed by a person · check it before you give it" in said
    assert "CHECK BEFORE USE" not in said
    tab.searches.stop()


def test_a_service_with_an_email_and_no_number_shows_its_email(qtbot, pathway):
    """The MARAC team showed "no number held" and not the e-mail address the plan gives."""
    tab = searched(qtbot, pathway, "MARAC")
    hits = tab.model.hits
    row, hit = next((r, h) for r, h in enumerate(hits) if h.email and not h.phone)
    assert tab.model.index(row, 1).data() == hit.email
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    assert f"e-mail: {hit.email}" in tab.details.text()
    tab.searches.stop()


def test_the_tab_opens_on_every_service_and_a_search_with_none_says_what_to_widen(qtbot, pathway):
    """It opened on an empty table saying "choose a service"; an IDVA service in Coventry
    said only "No services found." (housing officer's walk, 2026-12-01)."""
    boroughs = [(o.value, o.label) for o in pathway.graph.questions["borough"].options]
    tab = DirectoryTab(open_search, boroughs, pathway.graph.kind_labels, 0)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.searches.answered):
        tab.show()
    assert tab.model.rowCount() == min(50, len(pathway.graph.services))  # the first 50
    assert tab.details.text().startswith("The first 50 found: type a name")
    assert not tab.holds_case()  # the whole list says nothing of the case
    tab.borough.setCurrentIndex(tab.borough.findData("coventry"))
    tab.kind.setCurrentIndex(tab.kind.findData("idva"))
    with qtbot.waitSignal(tab.searches.answered):
        tab.run_search()
    said = tab.details.text()
    assert said.startswith("No services found. Try 'Any area' or 'Any kind'")
    # said at the top of its view, under the results (it stood 160 px below, centred)
    assert tab.details.alignment() & Qt.AlignmentFlag.AlignTop
    assert tab.holds_case()
    tab.clear()
    assert tab.model.rowCount() == 0 and not tab.holds_case()
    tab.searches.stop()


def test_a_services_details_lead_with_the_directory_leads_alert(qtbot, pathway):
    import dataclasses

    tab = searched(qtbot, pathway, "Black Country Women's Aid")
    hits = [dataclasses.replace(h, alert="Reported not answering") for h in tab.model.hits]
    tab.model.set_hits(hits)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    assert tab.details.text().startswith(
        "\u26a0 Alert from the directory lead: Reported not answering\n"
    )
    tab.searches.stop()


def test_a_services_details_give_its_hours_how_to_refer_and_website(qtbot, pathway):
    """The pane gave the number alone ("no number held" for Walsall's adult safeguarding),
    with the form to download and the page held (officer walk, 2026-12-02)."""
    tab = searched(qtbot, pathway, "Walsall adult safeguarding")
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "walsall-adult-safeguarding")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    said = tab.details.text()
    assert "\nHow to refer: Download the adult safeguarding concern referral form" in said
    assert "\nWebsite: https://go.walsall.gov.uk/adult_safeguarding" in said
    tab.searches.stop()
    tab = searched(qtbot, pathway, "Men's Advice Line")
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    assert "\nHours: Mon and Wed 9:00-20:00; Tue, Thu and Fri 9:00-17:00" in tab.details.text()
    tab.searches.stop()


def test_a_services_details_give_what_its_card_gives_beside_the_number(qtbot, pathway):
    """Out of hours, "If no answer, try", "press 55" and who a line is for were on the card
    and nowhere in the tab: at 6pm a front door looked up here showed its daytime number
    alone; 999 was "not confirmed by a person" (seams review, 2026-12-04)."""

    def details(words: str, service_id: str) -> str:
        tab = searched(qtbot, pathway, words)
        row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == service_id)
        tab.table.setCurrentIndex(tab.model.index(row, 0))
        said = tab.details.text()
        tab.searches.stop()
        return said

    assert "\nAbout the number: Out of hours: 0300 555 2922" in details("Walsall", "walsall-mast")
    said = details("emergency", "emergency-999")
    assert "then press 55" in said and "checked" not in said
    assert "\nFor: women only" in details("Haven Wolverhampton", "haven-wolverhampton")


def test_the_chosen_services_number_is_copied_by_its_button(qtbot, pathway):
    """Ctrl+C on a result copied its name, the current cell's; there was no button for the
    number (officer walk, 2026-12-03)."""
    copied = []
    tab = searched(qtbot, pathway, "Childline", copied)
    assert not tab.copy_contact.isEnabled()  # none chosen yet
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "childline")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    assert tab.copy_contact.isEnabled() and tab.copy_contact.text() == "Copy number"
    # heard with whose number it is (a11y walk, 2026-12-07)
    phone = pathway.graph.services["childline"].phone
    assert tab.copy_contact.accessibleName() == f"Copy the number for Childline: {phone}"
    tab.copy_contact.click()
    assert copied == [pathway.graph.services["childline"].phone]
    tab.clear()  # quick exit, a new conversation
    assert not tab.copy_contact.isEnabled() and tab.contact == ""
    tab.searches.stop()


def test_the_search_boxs_placeholder_is_whole_at_every_text_size(qtbot, pathway):
    """30 characters wide, it read "Search services: name, kind, a", cut further at larger
    text (officer walk, 2026-12-03)."""
    from PySide6.QtWidgets import QApplication, QStyle

    from app.ui.palettes import use_text_size

    tab = DirectoryTab(open_search, [], pathway.graph.kind_labels, 0)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    box = tab.query
    frame = box.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, box)
    was = QApplication.font().pointSize()
    try:
        for points in (11, 16, 24):
            use_text_size(points)
            words = box.fontMetrics().horizontalAdvance(box.placeholderText())
            # the layout follows the new font once its events are done
            qtbot.waitUntil(lambda w=words: box.width() - 2 * frame - 4 >= w, timeout=2000)
    finally:
        use_text_size(was)
        tab.searches.stop()


def test_down_in_the_search_box_goes_to_the_results(qtbot, pathway):
    """From the search box the results took four Tabs past the filters (officer walk,
    2026-12-05): Down chooses the first, and its details show."""
    from PySide6.QtCore import Qt

    tab = searched(qtbot, pathway, "refuge")
    tab.query.setFocus()
    qtbot.keyClick(tab.query, Qt.Key.Key_Down)
    assert tab.table.hasFocus() and tab.table.currentIndex().row() == 0
    name = tab.model.index(0, 0).data()
    assert tab.details.text().startswith(name)
    tab.searches.stop()


def test_words_no_service_has_all_of_list_those_with_some_and_say_so(qtbot, pathway):
    """ "sandwell child sexual abuse" said "No services found." (officer's walk F21)."""
    tab = searched(qtbot, pathway, "sandwell child sexual abuse")
    count = tab.model.rowCount()
    assert count > 0 and "wm-cyp-sas" in [hit.id for hit in tab.model.hits]
    assert tab.details.text() == (
        f"No service has every word you typed. Found {count} with some of them."
    )
    tab.searches.stop()


def test_an_out_of_hours_line_is_copied_by_its_own_button(qtbot, pathway):
    """At six in the evening Dudley's out-of-hours line stood only in the details, which
    cannot be selected, and Copy number took the daytime line (housing officer's walk,
    2026-12-07): the line the card gives its own button has one here too."""
    copied = []
    tab = searched(qtbot, pathway, "dudley children", copied)
    assert tab.copy_other.isHidden()  # none chosen yet
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "dudley-front-door")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    assert tab.copy_other.isVisible() and tab.copy_other.text() == "Copy the out-of-hours number"
    assert "0300 555 8574" in tab.copy_other.accessibleName()
    tab.copy_other.setFocus()
    qtbot.keyClick(tab.copy_other, Qt.Key.Key_Return)
    assert copied == ["0300 555 8574"]
    tab.copy_contact.click()
    assert copied[-1] == pathway.graph.services["dudley-front-door"].phone
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "wm-cyp-sas")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    assert tab.copy_other.text() == "Copy the number to try next"  # "If no answer, try"
    childline = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "childline")
    tab.table.setCurrentIndex(tab.model.index(childline, 0))
    assert tab.copy_other.isHidden() and tab.other == ""
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    tab.clear()  # quick exit, a new conversation
    assert tab.copy_other.isHidden() and tab.other == ""
    # nothing of the service looked up is left to a screen reader, hidden controls too: the
    # other line's button kept its name after a quick exit (screen-reader walk; H592)
    looked_up = pathway.graph.services["wm-cyp-sas"]
    for widget in [tab, *tab.findChildren(QWidget)]:
        said = (widget.accessibleName(), widget.accessibleDescription(), widget.toolTip())
        assert not any(looked_up.name in words or looked_up.phone in words for words in said)
    tab.searches.stop()


def test_ctrl_f_goes_back_to_the_search_box_with_its_words_chosen(qtbot, pathway):
    """After copying a number it took five Shift+Tabs to search again; Ctrl+F did nothing
    (housing officer's walk, 2026-12-07)."""
    tab = searched(qtbot, pathway, "refuge")
    qtbot.keyClick(tab.query, Qt.Key.Key_Down)
    assert tab.table.hasFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.query.hasFocus() and tab.query.selectedText() == "refuge"
    tab.searches.stop()


def test_a_number_in_a_lines_type_is_never_offered_as_its_second_line(qtbot, pathway, tmp_path):
    """A type "Out of hours 0300 555 2929" (signed before the rule, H497): the tab offered
    it with "Copy the out-of-hours number", the plan's card, reading the note alone, did not
    (re-attack, 2026-12-07). The type is still said, with the note."""
    from app.db.search import DirectorySearch, searcher
    from tests.conftest import shipped_changed

    database = shipped_changed(
        tmp_path / "typed.sqlite",
        "UPDATE phone SET type = 'Out of hours 0300 555 2929', description = '' "
        "WHERE service_id = 'walsall-mast'",
    )
    tab = DirectoryTab(
        lambda: searcher(DirectorySearch(database)), [], pathway.graph.kind_labels, 0
    )
    qtbot.addWidget(tab)
    tab.show()
    tab.query.setText("walsall children")
    with qtbot.waitSignal(tab.searches.answered):
        tab.run_search()
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == "walsall-mast")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    assert tab.other == "" and tab.copy_other.isHidden()
    assert "About the number: Out of hours 0300 555 2929" in tab.details.text()
    tab.searches.stop()


def test_what_a_search_found_is_heard_and_what_each_filter_filters(qtbot, pathway, monkeypatch):
    """Found or not was only in the table, and the filters were heard as "Any area", "Any
    kind" (accessibility audit on the bus, 2026-12-07)."""
    heard = []
    monkeypatch.setattr(
        "app.ui.directory.directory_tab.announce", lambda _widget, text: heard.append(text)
    )
    boroughs = [(o.value, o.label) for o in pathway.graph.questions["borough"].options]
    tab = DirectoryTab(open_search, boroughs, pathway.graph.kind_labels, 0)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.searches.answered):
        tab.show()
    qtbot.waitUntil(lambda: heard == [tab.details.text()])
    for typed in ("wo", "women"):  # typed with a pause: said once, when the results stand
        tab.query.setText(typed)
        with qtbot.waitSignal(tab.searches.answered):
            tab.run_search()
    qtbot.waitUntil(lambda: len(heard) == 2)
    assert heard[-1] == tab.details.text() and heard[-1].endswith("found.")
    qtbot.wait(800)
    assert len(heard) == 2
    assert tab.borough.accessibleDescription() == "Filter by area"
    assert tab.kind.accessibleDescription() == "Filter by kind of service"
    tab.searches.stop()
