"""New numbers that reach the laptop mid-conversation are said at once, new and old, while
the plan keeps the directory it was made with until the conversation ends (H67, H573)."""

import shutil
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.db.bundle import publish
from tests.conftest import NEW_NUMBER, change, edited_directory
from tests.ui.conftest import press, press_alt, walk
from tests.ui.directory.test_switching import OLD_NUMBER, coventry_children_case, plan_text

LINE = "0800 802 0301"  # a helpline's, in an update


def mash_only(rows):  # Coventry MASH's number changed (in the second update: a slip put right)
    return change(rows, "coventry-mash", phone=NEW_NUMBER)


def test_a_number_on_the_plan_replaced_mid_conversation_is_said_new_and_old(
    app_window, coventry_edit, qtbot
):
    """The old number stood on the plan, large, with Copy, for the rest of the conversation,
    and nothing said it had been replaced (lead walk, 2026-12-07; H573)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)  # a case has begun
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.directory_banner.isHidden()  # no number of it on screen yet
    walk(qtbot, window, coventry_children_case())
    assert OLD_NUMBER in plan_text(window)  # the plan as it was made
    waiting = window.directory_banner.text()
    assert window.directory_banner.isVisible() and waiting.startswith("New numbers: ")
    assert f"now {NEW_NUMBER}, not {OLD_NUMBER}" in waiting and "next new conversation" in waiting
    window.switch.check()  # still waiting at the next check: said once, not twice
    assert window.directory_banner.text() == waiting
    press_alt(qtbot, window, Qt.Key.Key_A)  # a correction: what was said stands
    window.switch.check()
    assert window.directory_banner.text() == waiting
    window.switch.take(None)  # withdrawn (its key) meanwhile: said so, then too (verifier)
    assert window.switch.pending is None
    withdrawn = f"Withdrawn, do not give: {NEW_NUMBER}, said for Coventry MASH."
    assert window.directory_banner.text() == withdrawn
    window.answer(window.session.answers["borough"])  # back on the plan
    assert window.directory_banner.text() == withdrawn and OLD_NUMBER in plan_text(window)
    window.new_conversation()  # a new case: no more to say
    assert window.directory_banner.isHidden()


def test_a_service_on_the_plan_closed_is_said_and_every_number_on_it_named(
    app_window, tmp_path, qtbot
):
    """A service on the plan that the waiting update closes was said by nothing, its number
    given on; and "and 3 more" left three old numbers on the plan's cards, with Copy
    (verifiers, 2026-12-07): each on the plan is named, a closed one first."""

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    shown = [m.service for a in window.session.plan.actions for m in a.services]
    fixed = {"coventry-mash", "emergency-999", "police-101"}  # by rule, or closed here
    ringing = sorted(
        {s.id for s in shown if s.phone and s.id not in fixed and "111" not in s.phone}
    )[:5]

    def edit(rows):
        rows = change(rows, "coventry-mash", status="retired")
        for at, sid in enumerate(ringing):
            rows = change(rows, sid, phone=f"0800 802 030{at}")
        return rows

    publish(
        edited_directory(tmp_path / "edit", edit),
        lead.private_path,
        where.machine_updates,
        "2026.12.1",
        date.today(),
    )
    window.switch.check()
    waiting = window.directory_banner.text()
    # and what to do instead: its plan's note where no front door is confirmed (verifier)
    assert waiting.startswith(
        "New numbers: Coventry MASH: closed, do not give its number; instead phone the "
        "council's children's services"
    )
    assert len(ringing) == 5 and waiting.count("now 0800 802 030") == 5


def test_a_number_said_then_put_back_by_a_later_update_is_said_withdrawn(
    app_window, tmp_path, qtbot
):
    """A second update put one of two new numbers back: the banner dropped it in silence,
    and the worker gave the new number they had read (verifier, 2026-12-07). The one still
    new stands; the one put back is said withdrawn, by name."""

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    helpline = window.session.plan.action("helpline").services[0].service

    def both(rows):
        return change(change(rows, "coventry-mash", phone=NEW_NUMBER), helpline.id, phone=LINE)

    for version, edit in [("2026.12.1", both), ("2026.12.2", mash_only)]:
        made = edited_directory(tmp_path / version, edit)
        # each published from its own copy, and put in IT's folder (docs/it-admin.md)
        bundle = publish(made, lead.private_path, tmp_path / version, version, date.today())
        where.machine_updates.mkdir(exist_ok=True)
        shutil.copy(bundle, where.machine_updates)
        window.switch.check()
        assert window.switch.pending.version == version
        if version == "2026.12.1":
            assert f"{helpline.name}: now {LINE}" in window.directory_banner.text()
    assert window.directory_banner.text() == (
        f"New numbers: Coventry MASH: now {NEW_NUMBER}, not {OLD_NUMBER}. Use these, not the "
        f"plan's, until your next new conversation. Withdrawn, do not give: {LINE}, said for "
        f"{helpline.name}."
    )
    window.switch.check()  # the next check: still said (not only once)
    assert f"Withdrawn, do not give: {LINE}" in window.directory_banner.text()


def half_written(where) -> None:
    key = next(path for path in where.keys.machine.iterdir() if path.read_bytes())
    whole = key.read_bytes()
    key.write_bytes(whole[: len(whole) // 2])  # IT's tool copying it again, caught midway


def folder_away(where) -> None:
    where.keys.machine.rename(where.keys.machine.with_name("keys-away"))


def put_back(where) -> None:
    away = where.keys.machine.with_name("keys-away")
    if away.exists():
        away.rename(where.keys.machine)


def plan_from_an_update_in_use(app_window, qtbot):
    """2026.12.1 (Coventry MASH's number changed) in use, and a Coventry case's plan."""
    window, where, lead = app_window
    made = edited_directory(where.machine_updates.parent / "edit", mash_only)
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()  # no case: in use at once
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    return window, where


def looked_up_in_the_tab(window, qtbot, words: str, service_id: str):
    """The Directory tab, `words` searched and the service shown."""
    window.tabs.setCurrentIndex(1)
    tab = window.other_tabs.directory
    qtbot.keyClicks(tab.query, words)
    qtbot.waitUntil(lambda: any(hit.id == service_id for hit in tab.model.hits))
    row = next(r for r, hit in enumerate(tab.model.hits) if hit.id == service_id)
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    return tab


def mash_in_the_directory_tab(window, qtbot):
    return looked_up_in_the_tab(window, qtbot, "Coventry MASH", "coventry-mash")


GLITCHES = {"a key file half-written": half_written, "the keys folder copied again": folder_away}


@pytest.mark.parametrize("glitch", GLITCHES.values(), ids=GLITCHES)
def test_a_key_caught_unread_for_a_check_is_not_said_withdrawn(app_window, qtbot, glitch):
    """IT's deployment copying the keys again during one 15-minute check: the new numbers a
    worker had been told to give were said withdrawn, and given again at the next check
    (attack, 2026-12-07; H587). Nothing is said, and what waits is not switched to at the
    case's end until a check confirms it. A key file left holding no key is doubted for
    one check only: it kept a withdrawn key's directory in use (verifier, H595)."""
    window, where, lead = app_window
    (key,) = list(where.keys.machine.iterdir())
    whole = key.read_bytes()
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    made = edited_directory(where.machine_updates.parent / "edit", mash_only)
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    said = window.directory_banner.text()
    assert f"now {NEW_NUMBER}, not {OLD_NUMBER}" in said
    glitch(where)
    window.switch.check()
    assert window.directory_banner.text() == said and not window.switch.confirmed
    window.new_conversation()  # not switched to while in doubt
    assert window.switch.updates.current.version != "2026.12.1"
    walk(qtbot, window, coventry_children_case())
    window.switch.check()  # still so at the next check: withdrawn, and said so
    assert window.switch.pending is None
    assert window.directory_banner.text().startswith("Withdrawn, do not give: ")
    put_back(where)
    key.write_bytes(whole)
    window.switch.check()  # whole again: waiting, and said
    assert window.switch.pending is not None and window.switch.confirmed
    assert f"now {NEW_NUMBER}, not {OLD_NUMBER}" in window.directory_banner.text()


@pytest.mark.parametrize("glitch", GLITCHES.values(), ids=GLITCHES)
def test_older_numbers_found_mid_conversation_are_never_said_as_new(app_window, qtbot, glitch):
    """The update in use, and its key caught unread at a check: the app's own directory was
    found, and "New numbers: Coventry MASH: now <the number the lead corrected>" told the
    worker to give it (attack, 2026-12-07; H587)."""
    window, where = plan_from_an_update_in_use(app_window, qtbot)
    assert NEW_NUMBER in plan_text(window)
    glitch(where)
    window.switch.check()
    assert "New numbers" not in window.directory_banner.text()
    assert OLD_NUMBER not in window.directory_banner.text()


def test_a_service_the_directory_tab_shows_is_said_with_what_the_waiting_update_changes(
    app_window, coventry_edit, qtbot
):
    """No conversation, a search in the Directory tab (which holds the update, as a case
    does): the tab showed Coventry MASH's replaced number, with Copy, and nothing said so;
    so it did mid-case of a service not on the plan (attack, 2026-12-07; H594)."""
    window, where, lead = app_window
    tab = mash_in_the_directory_tab(window, qtbot)
    assert "New numbers" not in tab.details.text()
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.switch.pending is not None  # held: the search may say something of a case
    said = f"New numbers: now {NEW_NUMBER}, not {OLD_NUMBER}."
    assert tab.details.text().startswith(f"\u26a0 {said}\n")
    tab.copy_contact.click()  # "paste it" of the replaced number (verifier)
    assert window.status.text() == f"Copied {OLD_NUMBER} (Coventry MASH). {said}"
    window.new_conversation()  # the search forgotten, the update in use
    assert window.switch.pending is None and "New numbers" not in tab.details.text()


def test_a_new_number_the_directory_tab_said_is_said_withdrawn_with_its_update(
    app_window, coventry_edit, qtbot
):
    """The tab said "New numbers: now 024 7600 0000" of a service looked up; IT withdrew the
    update, and the tab dropped the words unsaid: the worker had read the number, and the
    banner says a withdrawal only of the plan's services (helper-282, 2026-12-07)."""
    window, where, lead = app_window
    tab = mash_in_the_directory_tab(window, qtbot)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert f"now {NEW_NUMBER}" in tab.details.text()
    for key in where.keys.machine.iterdir():
        key.unlink()  # IT withdraws the update
    window.switch.check()
    assert window.switch.pending is None
    assert tab.details.text().startswith(f"\u26a0 Withdrawn, do not give: {NEW_NUMBER}.\n")
    window.new_conversation()  # said for the conversation, as the banner's words are
    tab.show_again()
    assert "Withdrawn" not in tab.details.text()


def test_a_new_number_the_tab_said_is_said_withdrawn_above_after_another_is_looked_up(
    app_window, coventry_edit, qtbot
):
    """Said only with the service looked up again: the worker had gone on to Walsall's, and
    nothing said the number read for Coventry's was withdrawn (seams review, 2026-12-07;
    H626)."""
    window, where, lead = app_window
    tab = mash_in_the_directory_tab(window, qtbot)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert f"now {NEW_NUMBER}" in tab.details.text()
    tab.query.clear()
    looked_up_in_the_tab(window, qtbot, "Walsall", "walsall-mast")
    for key in where.keys.machine.iterdir():
        key.unlink()  # IT withdraws the update
    window.switch.check()
    assert window.directory_banner.text().startswith(
        f"Withdrawn, do not give: {NEW_NUMBER}, said in the Directory tab for Coventry MASH."
    )


def test_a_new_number_the_tab_drew_unseen_is_never_said_withdrawn(app_window, coventry_edit, qtbot):
    """The update came while the worker was on the conversation: the tab drew its news
    behind it, unread, and IT's withdrawal was said above the plan of a number the worker
    never saw ("Withdrawn, do not give: …, said in the Directory tab"), a warning that
    carried nothing (H629). Once the tab is looked at, its news is read."""
    window, where, lead = app_window
    tab = mash_in_the_directory_tab(window, qtbot)
    window.tabs.setCurrentIndex(0)  # back to the conversation
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert not tab.isVisible() and f"now {NEW_NUMBER}" in tab.details.text()
    for key in where.keys.machine.iterdir():
        key.unlink()  # IT withdraws the update
    window.switch.check()
    assert "Withdrawn" not in window.directory_banner.text()
    window.tabs.setCurrentIndex(1)
    assert "Withdrawn" not in tab.details.text()


def test_the_tabs_news_drawn_unseen_is_read_when_the_tab_is_looked_at(
    app_window, coventry_edit, qtbot
):
    window, where, lead = app_window
    tab = mash_in_the_directory_tab(window, qtbot)
    window.tabs.setCurrentIndex(0)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    window.tabs.setCurrentIndex(1)  # the worker looks: now read
    assert f"now {NEW_NUMBER}" in tab.details.text()
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    assert tab.details.text().startswith(f"\u26a0 Withdrawn, do not give: {NEW_NUMBER}.\n")


def test_the_right_number_copied_after_a_withdrawal_is_given_to_paste(
    app_window, coventry_edit, qtbot
):
    """After IT withdrew the update, the tab's Copy of the number it shows (the right one)
    was said "Copied … Withdrawn, do not give: 024 7600 0000." with no "paste it": read
    as if the number copied were the one withdrawn (H629)."""
    window, where, lead = app_window
    tab = mash_in_the_directory_tab(window, qtbot)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    assert "Withdrawn, do not give" in tab.details.text()
    tab.copy_contact.click()
    assert window.status.text() == (
        f"Copied {tab.contact} (Coventry MASH): paste it where you dial or write."
    )


def test_a_plan_made_with_a_directory_withdrawn_since_is_said_to_be_checked(app_window, qtbot):
    """IT withdrew the key of the update in use (deleted, the folder kept): the plan's
    numbers came from a directory no longer trusted, and nothing said so for the rest of
    the case (verifier, 2026-12-07; H596). Never said as new numbers (H587)."""
    window, where = plan_from_an_update_in_use(app_window, qtbot)
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    caution = (
        "Directory 2026.12.1 in use has been withdrawn on this laptop: check each number "
        "with your DA lead before you give it."
    )
    assert window.directory_banner.text().startswith(f"\u26a0 {caution}")
    assert "is now in use" not in window.directory_banner.text()  # read as a contradiction
    assert "New numbers" not in window.directory_banner.text()


def test_a_withdrawal_confirmed_is_never_undone_by_a_glitch_after(app_window, qtbot):
    """The key of the update in use withdrawn, confirmed at a check, then the keys caught
    mid-copy at the next: the next case ran on the withdrawn key's directory (verifier,
    2026-12-07; H597)."""
    window, where = plan_from_an_update_in_use(app_window, qtbot)
    (key,) = list(where.keys.machine.iterdir())
    key.unlink()
    window.switch.check()
    assert window.switch.confirmed and window.switch.updates.goes_back(window.switch.pending)
    folder_away(where)
    window.switch.check()
    window.new_conversation()
    assert window.switch.updates.current.version != "2026.12.1"


def test_a_withdrawn_directory_is_said_on_every_way_out_of_the_plan(app_window, qtbot):
    """With "Directory 2026.12.1 in use has been withdrawn" above the plan, a copy from the
    card, the summary and the Directory tab said nothing of it (verifier, 2026-12-07)."""
    window, where = plan_from_an_update_in_use(app_window, qtbot)
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    caution = "Directory 2026.12.1 in use has been withdrawn on this laptop"
    row = next(r for c in window.plan_view.cards for r in c.rows if r.number.text() == NEW_NUMBER)
    row.copy_button.click()
    assert window.status.text().startswith(f"Copied {NEW_NUMBER} (Coventry MASH). {caution}")
    assert window._summary_now().startswith(caution)
    tab = mash_in_the_directory_tab(window, qtbot)
    assert tab.details.text().startswith(f"\u26a0 {caution}")
    tab.copy_contact.click()  # and a copy from there (verifier)
    assert caution in window.status.text()


def test_a_number_withdrawn_while_the_plan_was_for_another_area_is_said_back_on_it(
    app_window, coventry_edit, qtbot
):
    """Coventry MASH's new number said; corrected to Walsall; the update withdrawn; back to
    Coventry: the number was never said withdrawn (verifier, 2026-12-07)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert f"now {NEW_NUMBER}" in window.directory_banner.text()
    for borough in ("walsall", "coventry"):
        window.session.go_to("borough")
        window.answer(borough)
        if borough == "walsall":
            assert "Coventry MASH" not in window.directory_banner.text()
            (key,) = list(where.keys.machine.iterdir())
            key.unlink()
            window.switch.check()
    assert window.directory_banner.text() == (
        f"Withdrawn, do not give: {NEW_NUMBER}, said for Coventry MASH."
    )


def test_a_summary_copied_goes_from_the_clipboard_when_the_banner_changes_under_it(
    app_window, coventry_edit, qtbot
):
    """Copied with "New numbers since this plan was made: … 024 7600 0000" at its top, the
    summary stayed on the clipboard after that number was withdrawn (verifier)."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    window.copy_summary()
    assert NEW_NUMBER in QGuiApplication.clipboard().text()
    (key,) = list(where.keys.machine.iterdir())
    key.unlink()
    window.switch.check()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text().startswith("What the banner says changed, so the summary")


def test_a_stray_key_file_never_uses_up_the_grace_of_a_key_caught_mid_copy(
    app_window, coventry_edit, qtbot
):
    """A stray empty key file in IT's folder was doubted for good, and the lead's key caught
    mid-copy later was said withdrawn, then new again (verifier, 2026-12-07)."""
    window, where, lead = app_window
    (where.keys.machine / "old-lead.pub").write_bytes(b"")
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    window.switch.check()  # the stray file's doubt spent
    said = window.directory_banner.text()
    assert f"now {NEW_NUMBER}" in said
    half_written(where)
    window.switch.check()
    assert window.directory_banner.text() == said


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Out of hours: 024 7683 9999 (not {old})", "out of hours now 024 7683 9999, not {old}"),
        (
            "Out of hours: {old} replaced by 024 7683 9999",
            "out of hours now 024 7683 9999, not {old}",
        ),
        ("Out of hours line {old} is closed, use 999", "out of hours now no number, not {old}"),
    ],
)
def test_a_night_line_copied_from_the_plan_comes_off_when_a_note_says_not_to_use_it(
    app_window, qtbot, tmp_path, note, said
):
    """The lead kept the replaced night line in the note: "Out of hours: … (not 024 7683
    2222)" was said "out of hours now …" with no "not" (helper-282, 2026-12-07; H614); "…
    2222 replaced by …" was read the wrong way round, and "… is closed" not at all
    (helper-283; H620): the plan card's copy of the old line stayed with "paste it"."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    row = next(r for c in window.plan_view.cards for r in c.rows if hasattr(r, "out_of_hours"))
    old = row.out_of_hours.text()
    row.out_of_hours_copy.click()
    assert QGuiApplication.clipboard().text() == old
    note = note.format(old=old)
    edit = edited_directory(tmp_path, lambda rows: change(rows, "coventry-mash", phone_note=note))
    publish(edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert said.format(old=old) in window.directory_banner.text()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text().startswith("What the banner says changed, so the number")


@pytest.mark.parametrize("copied", ["summary", "number"])
def test_a_copy_made_before_the_banner_changes_comes_off_the_clipboard(
    app_window, coventry_edit, qtbot, copied
):
    """Copied before new numbers arrived (or before the directory in use was withdrawn),
    the old number stayed on the clipboard with "paste it" (verifiers, 2026-12-07; H599)."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    if copied == "summary":
        window.copy_summary()
    else:
        row = next(
            r for c in window.plan_view.cards for r in c.rows if r.number.text() == OLD_NUMBER
        )
        row.copy_button.click()
    assert OLD_NUMBER in QGuiApplication.clipboard().text()
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text().startswith(f"What the banner says changed, so the {copied}")


def test_what_the_banner_said_goes_with_the_case(app_window, coventry_edit, qtbot):
    """A number said, the plan corrected away, then withdrawn, then a new conversation: the
    next case was told "Withdrawn, do not give: …", of a conversation it never had
    (verifier, 2026-12-07; H599)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    window.session.go_to("borough")
    window.answer("walsall")
    (key,) = list(where.keys.machine.iterdir())
    key.unlink()
    window.switch.check()
    window.new_conversation()
    assert "what the banner said" not in window.holds_case()
    walk(qtbot, window, coventry_children_case())
    assert "Withdrawn" not in window.directory_banner.text()


def keys_unreadable(monkeypatch) -> None:
    """The trusted keys cannot be read at a check (IT's policy resetting the folder's rights)."""
    import app.db.directories as directories

    def refused(_sources):
        raise PermissionError(13, "Permission denied", "keys")

    monkeypatch.setattr(directories, "load_trusted_keys", refused)


def test_keys_that_cannot_be_read_change_nothing_said_or_waiting(
    app_window, coventry_edit, qtbot, monkeypatch
):
    """Keys unread for two checks were said a withdrawal ("Withdrawn, do not give: …"),
    then "use these" again; and undid a withdrawal confirmed before, the next case planned
    on the withdrawn key's directory (verifiers, 2026-12-07; H600). Nothing was checked:
    what was said and what waits stand, switched to once a check reads the keys (H602),
    said as what cannot be checked now (H610)."""
    from app.ui.directory.new_numbers import UNCHECKED, USE_THESE

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    said = window.directory_banner.text()
    with monkeypatch.context() as unread:
        keys_unreadable(unread)
        for _ in range(3):
            window.switch.check()
            hedged = said.replace(USE_THESE, UNCHECKED)
            assert window.directory_banner.text() == hedged and window.switch.confirmed
    window.switch.check()  # the keys read again
    window.new_conversation()
    assert window.switch.updates.current.version == "2026.12.1"


def test_a_withdrawal_confirmed_stands_while_the_keys_cannot_be_read(
    app_window, qtbot, monkeypatch
):
    window, where = plan_from_an_update_in_use(app_window, qtbot)
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    said = window.directory_banner.text()
    assert said.startswith("\u26a0 Directory 2026.12.1 in use has been withdrawn")
    with monkeypatch.context() as unread:
        keys_unreadable(unread)
        for _ in range(2):
            window.switch.check()
            assert window.directory_banner.text() == said
        window.new_conversation()
    assert window.switch.updates.current.version != "2026.12.1"


def test_a_copy_the_new_words_leave_alone_stays_and_one_from_the_tab_they_name_goes(
    app_window, coventry_edit, qtbot
):
    """ "111" came off the clipboard for a change to the MASH; a Directory-tab copy of the
    MASH's replaced number stayed, with "paste it" (verifier, 2026-12-07; H600)."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    medical = window.plan_view.cards[0].rows[0]
    medical.copy_button.click()
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert QGuiApplication.clipboard().text() == medical.number.text()  # left alone
    tab = mash_in_the_directory_tab(window, qtbot)
    tab.copy_contact.click()
    assert QGuiApplication.clipboard().text() == OLD_NUMBER
    again = edited_directory(
        where.machine_updates.parent / "again",
        lambda rows: change(rows, "coventry-mash", phone="024 7600 0001"),
    )
    out = where.machine_updates.parent / "out"  # the lead's own copy, put in IT's folder
    shutil.copy(
        publish(again, lead.private_path, out, "2026.12.2", date.today()), where.machine_updates
    )
    window.switch.check()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text().startswith("What the banner says changed, so the number")


def test_nothing_is_switched_to_while_the_keys_cannot_be_read(
    app_window, coventry_edit, qtbot, monkeypatch
):
    """Confirmed, then the keys unreadable and IT withdrawing its key meanwhile: the update
    was switched to at the case's end with no check, its numbers given on (verifier,
    2026-12-07; H602). It waits, still said, until a check can read the keys."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    with monkeypatch.context() as unread:
        keys_unreadable(unread)
        window.switch.check()
        window.new_conversation()
        assert window.switch.updates.current.version != "2026.12.1"
    window.switch.check()  # readable again, the key still trusted: switched to
    assert window.switch.updates.current.version == "2026.12.1"


def test_a_copy_said_with_the_banners_words_is_said_again_when_they_change(
    app_window, coventry_edit, qtbot
):
    """The MASH's number copied ("New numbers: Coventry MASH: now 024 7600 0000 …"), then
    that update withdrawn: the status line still gave 024 7600 0000 as the new number under
    "Withdrawn, do not give: 024 7600 0000" (verifier, 2026-12-07; H602)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    row = next(r for c in window.plan_view.cards for r in c.rows if r.number.text() == OLD_NUMBER)
    row.copy_button.click()
    assert NEW_NUMBER in window.status.text()
    (key,) = list(where.keys.machine.iterdir())
    key.unlink()
    window.switch.check()
    assert NEW_NUMBER not in window.status.text()
    assert window.status.text().endswith("What the banner says changed: read it again.")


def test_the_directory_tabs_other_line_copied_is_said_replaced(app_window, qtbot, tmp_path):
    """ "Copy the out-of-hours number" in the Directory tab said "paste it" of the night line
    the banner and the tab both said was replaced (verifier, 2026-12-07; H602)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    night = "out of hours: 024 7683 2223"
    made = edited_directory(
        tmp_path / "night", lambda r: change(r, "coventry-mash", phone_note=night)
    )
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    tab = mash_in_the_directory_tab(window, qtbot)
    tab.copy_other.click()
    assert window.status.text().startswith("Copied 024 7683 2222 (Coventry MASH, out-of-hours")
    assert "now 024 7683 2223, not 024 7683 2222" in window.status.text()


def walsall_front_door_copied(window, qtbot) -> str:
    """Walsall's children's front door looked up in the Directory tab, its number copied."""
    from PySide6.QtGui import QGuiApplication

    looked_up_in_the_tab(window, qtbot, "Walsall children", "walsall-mast").copy_contact.click()
    return QGuiApplication.clipboard().text()


def walsall_moved(rows):  # Walsall's children's front door renumbered
    return change(rows, "walsall-mast", phone="01922 650 000")


def test_a_tab_copy_a_newer_directory_no_longer_gives_comes_off_the_clipboard(
    app_window, qtbot, tmp_path
):
    """A number copied in the Directory tab, of a service on no plan, stayed on the
    clipboard with "paste it" when an update replaced it: the banner names only the plan's
    services (H605). A copy the update leaves alone stays."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    old = walsall_front_door_copied(window, qtbot)
    assert old and window.status.text().startswith(f"Copied {old}")
    made = edited_directory(tmp_path / "mash", mash_only)
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert QGuiApplication.clipboard().text() == old  # left alone: Walsall's is unchanged
    again = edited_directory(tmp_path / "both", lambda rows: mash_only(walsall_moved(rows)))
    out = tmp_path / "out"  # the lead's own copy, put in IT's folder
    shutil.copy(
        publish(again, lead.private_path, out, "2026.12.2", date.today()), where.machine_updates
    )
    window.switch.check()
    assert window.switch.pending is not None  # waiting: the banner names only the plan's
    assert "Walsall" not in window.directory_banner.text()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text() == (
        f"Directory 2026.12.2 no longer gives {old} for Walsall children's front door (MASH), "
        "so it is off the clipboard: look the service up again in the Directory tab."
    )


def test_an_update_that_cannot_be_checked_is_never_said_use_these(
    app_window, coventry_edit, qtbot, monkeypatch
):
    """Keys unread for good, and the update's key withdrawn meanwhile: the next case was
    told "Use these, not the plan's, until your next new conversation" of its numbers, at
    every case, never used (helper-274, 2026-12-07; H609)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert "Use these" in window.directory_banner.text()
    keys_unreadable(monkeypatch)
    for key in where.keys.machine.iterdir():
        key.unlink()  # IT withdraws the lead's key while the folder cannot be read
    window.switch.check()
    window.new_conversation()
    walk(qtbot, window, coventry_children_case())
    banner = window.directory_banner.text()
    assert window.switch.updates.current.version != "2026.12.1"
    assert "Use these" not in banner
    assert (
        "This laptop cannot check them now (its directory keys cannot be read): ask your "
        "DA lead which to give, and tell IT today." in banner
    )


def test_the_tabs_other_line_of_a_closed_service_is_said_closed(app_window, qtbot, tmp_path):
    """ "Copy the out-of-hours number" of a service an update closes said "paste it"
    (helper-274, 2026-12-07; H609)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    made = edited_directory(
        tmp_path / "closed", lambda r: change(r, "coventry-mash", status="retired")
    )
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    tab = mash_in_the_directory_tab(window, qtbot)
    tab.copy_other.click()
    assert "paste it" not in window.status.text()
    assert "closed, do not give its number" in window.status.text()


def test_a_directory_withdrawn_with_no_plan_on_screen_is_said_and_its_copy_goes(app_window, qtbot):
    """A case begun, no plan yet, a number copied in the Directory tab; the key of the
    update in use withdrawn: "Directory 2026.12.1 is now in use" stood above the tab's
    "withdrawn" caution, the copy with "paste it" (helper-274, 2026-12-07; H609)."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    made = edited_directory(where.machine_updates.parent / "edit", mash_only)
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()  # no case: in use at once
    press(qtbot, window, Qt.Key.Key_N)
    tab = mash_in_the_directory_tab(window, qtbot)
    tab.copy_contact.click()
    assert QGuiApplication.clipboard().text() == NEW_NUMBER
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    banner = window.directory_banner.text()
    assert "2026.12.1 in use has been withdrawn" in banner and "now in use" not in banner
    assert QGuiApplication.clipboard().text() == ""


def test_a_workers_install_is_used_though_the_keys_were_unread_at_the_last_check(
    app_window, coventry_edit, qtbot, monkeypatch, tmp_path
):
    """The install read the keys; a check's "keys unread" up to 15 minutes old held it
    back, after "Installed directory 2026.12.1." (helper-274, 2026-12-07; H609)."""
    window, where, lead = app_window
    where.machine_updates.mkdir(parents=True, exist_ok=True)
    (where.machine_updates / "half-copied.navdir").write_bytes(b"x")  # keys read for it
    with monkeypatch.context() as unread:
        keys_unreadable(unread)
        window.switch.check()
        assert window.switch.updates.keys_unread
    bundle = publish(coventry_edit, lead.private_path, tmp_path / "mine", "2026.12.1", date.today())
    updates = window.switch.updates
    loaded, reason = updates.install(bundle, updates.preview(bundle))
    assert loaded is not None, reason
    window.switch.offer(loaded)  # as the Settings tab's install does
    assert updates.current.version == "2026.12.1" and window.switch.pending is None


TAB_COPY_EDITS = {  # (the edit to Walsall's children's front door, what is said)
    "closed": (
        {"status": "retired"},
        "Directory 2026.12.1 closes Walsall children's front door (MASH), so 0300 555 2866 is "
        "off the clipboard: look the service up again in the Directory tab.",
    ),
    "renumbered, the old number in its notes": (
        {"phone": "01922 650 000", "notes": "Old number 0300 555 2866 closed 1 Dec."},
        "Directory 2026.12.1 no longer gives 0300 555 2866 for Walsall children's front door "
        "(MASH), so it is off the clipboard: look the service up again in the Directory tab.",
    ),
    "a new alert": (
        {"alert": "Line closed until 4 January: ring 01922 650 000"},
        "Directory 2026.12.1 has a new alert for Walsall children's front door (MASH), so "
        "0300 555 2866 is off the clipboard: look the service up again in the Directory tab.",
    ),
}


@pytest.mark.parametrize("edit", TAB_COPY_EDITS)
def test_a_tab_copy_an_update_closes_or_alerts_or_notes_the_old_number_of_comes_off(
    app_window, qtbot, tmp_path, edit
):
    """A closed service is still loaded, and one whose notes keep the old number was
    "still given": the copy stayed with "paste it" beside the tab's "do not give"
    (helper-278, 2026-12-07; H610). A new alert is said as a change is."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    assert walsall_front_door_copied(window, qtbot) == "0300 555 2866"
    values, said = TAB_COPY_EDITS[edit]
    made = edited_directory(tmp_path / "edit", lambda rows: change(rows, "walsall-mast", **values))
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text() == said


def test_a_tab_copy_of_a_renamed_service_stays(app_window, qtbot, tmp_path):
    """Matched by name, a service renamed was said to give its number no longer, at every
    check (helper-278, 2026-12-07; H610)."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    copied = walsall_front_door_copied(window, qtbot)
    made = edited_directory(
        tmp_path / "renamed",
        lambda rows: change(rows, "walsall-mast", name="Walsall Children's Services front door"),
    )
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert QGuiApplication.clipboard().text() == copied


def test_numbers_that_cannot_be_checked_are_hedged_wherever_they_are_said(
    app_window, coventry_edit, qtbot, monkeypatch
):
    """Keys unreadable, the update's key withdrawn meanwhile: at that very check the banner
    kept "Use these" for the rest of the case; and the copied summary, a card's Copy and
    the Directory tab gave the numbers as new (helper-278, 2026-12-07; H610)."""
    from PySide6.QtGui import QGuiApplication

    from app.ui.directory.new_numbers import UNCHECKED

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    keys_unreadable(monkeypatch)
    for key in where.keys.machine.iterdir():
        key.unlink()
    window.switch.check()
    assert "Use these" not in window.directory_banner.text()
    assert UNCHECKED in window.directory_banner.text()
    window.copy_summary()
    head = QGuiApplication.clipboard().text().split(UNCHECKED)[0]
    assert "New numbers since this plan was made: Coventry MASH" in head
    mash = next(r for c in window.plan_view.cards for r in c.rows if r.number.text() == OLD_NUMBER)
    mash.copy_button.click()
    assert window.status.text().endswith(UNCHECKED)
    tab = mash_in_the_directory_tab(window, qtbot)
    assert UNCHECKED in tab.details.text()


def test_a_tab_copy_made_while_an_update_waits_is_told_once_and_kept(app_window, qtbot, tmp_path):
    """Copied after the tab said the waiting update's alert, the copy came off again at
    every check, 15 minutes apart (helper-280, 2026-12-07; H613)."""
    from PySide6.QtGui import QGuiApplication

    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    alert = "Day line down until 4 January: ring the out-of-hours line 0300 555 2922"
    made = edited_directory(tmp_path / "alert", lambda r: change(r, "walsall-mast", alert=alert))
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    copied = walsall_front_door_copied(window, qtbot)
    assert alert in window.status.text()  # told at the copy
    window.switch.check()
    assert QGuiApplication.clipboard().text() == copied


def test_a_tab_copys_news_is_said_again_when_its_update_is_withdrawn(app_window, qtbot, tmp_path):
    """ "Copied 0300 555 2866 (…). New numbers: now 01922 650 000, not 0300 555 2866." stood
    after IT withdrew the update that said it (helper-280, 2026-12-07; H613)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    made = edited_directory(tmp_path / "walsall", walsall_moved)
    publish(made, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    copied = walsall_front_door_copied(window, qtbot)
    assert "New numbers: now 01922 650 000" in window.status.text()
    for key in where.keys.machine.iterdir():
        key.unlink()  # IT withdraws the update
    window.switch.check()
    # the banner now says the number the tab gave withdrawn (H626), and the copy is re-said
    assert window.status.text() == (
        f"Copied {copied} (Walsall children's front door (MASH)). What the banner says "
        "changed: read it again."
    )
    assert "Withdrawn, do not give: 01922 650 000" in window.directory_banner.text()
