"""The window with a real user database: saved settings, counts once per conversation,
what is stored shown in full, the CSV export, and the banner when nothing can be saved."""

import csv
import json

import pytest

from app.db.user_store import open_user_store
from app.user_data import COUNT_COLUMNS, UserData
from tests.conftest import DATA
from tests.ui.conftest import TODAY, walk

REFERENCE = {c["name"]: c["scenario"] for c in json.loads((DATA / "reference.json").read_text())}
WALSALL = REFERENCE["adult DA, 15 yes, children at home (Walsall)"]
COVENTRY = REFERENCE["adult sexual assault 3 days ago (Coventry)"]


@pytest.fixture
def user_data(tmp_path, graph):
    data = UserData(open_user_store(tmp_path), graph, lambda: TODAY)
    yield data
    data.store.close()


def counted(user_data, measure):
    return {(row[1], row[3]): row[4] for row in user_data.store.counts() if row[2] == measure}


def test_a_completed_plan_is_counted_once_even_when_shown_again(qtbot, make_window, user_data):
    window = make_window(user_data=user_data)
    walk(qtbot, window, WALSALL)
    window.refresh()
    window.reopen()  # back to the start: the plan counts as it was
    assert counted(user_data, "plans") == {("walsall", "completed"): 1}
    assert user_data.store.state("free_space_cleared") is None  # not on the way to a plan
    window.new_conversation()
    assert user_data.store.state("free_space_cleared") is True  # once the first one ended
    walk(qtbot, window, WALSALL)
    assert counted(user_data, "plans") == {("walsall", "completed"): 2}
    assert counted(user_data, "action")[("walsall", "marac_referral")] == 2


def test_a_read_back_edit_swaps_the_conversations_counts(qtbot, make_window, user_data):
    window = make_window(user_data=user_data)
    walk(qtbot, window, WALSALL)
    window.read_back()
    window.edit("borough")
    window.question_page.panel.answered.emit("dudley")
    window.finish_read_back()
    assert counted(user_data, "plans") == {("dudley", "completed"): 1}


def test_unmet_need_is_counted(qtbot, make_window, user_data):
    walk(qtbot, make_window(user_data=user_data), COVENTRY)
    assert counted(user_data, "unmet_need") == {("coventry", "isva_referral"): 1}


def test_turning_counts_off_stops_them_and_is_remembered(qtbot, make_window, user_data, graph):
    window = make_window(user_data=user_data)
    window.settings_tab.record_activity.setChecked(False)
    walk(qtbot, window, WALSALL)
    assert user_data.store.counts() == []
    again = UserData(user_data.store, graph)
    settings, problems = again.load_settings()
    assert settings.record_activity is False and problems == []


def test_settings_are_saved_and_used_next_time(qtbot, make_window, user_data, graph):
    window = make_window(user_data=user_data)
    window.settings_tab.borough.setCurrentIndex(window.settings_tab.borough.findData("walsall"))
    window.settings_tab.tier.setCurrentIndex(0)
    settings, _ = UserData(user_data.store, graph).load_settings()
    assert settings.default_borough == "walsall" and settings.tier == 1
    assert make_window(settings, user_data=user_data).session.answers["tier"] == 1


def test_the_worker_sees_everything_stored_and_exports_the_counts(
    qtbot, make_window, user_data, tmp_path
):
    window = make_window(user_data=user_data)
    window.settings_tab.tier.setCurrentIndex(0)
    walk(qtbot, window, WALSALL)
    window.tabs.setCurrentWidget(window.settings_page)
    panel = window.settings_tab.stored
    shown = [tuple(row) for row in panel.model.rows]
    assert "Count" not in {r[0] for r in shown}  # one case in a month: not in plain view
    assert ("Setting", "Your tier (tier)", 1) in shown
    # every value kept is named in words, as kept in brackets ("schema user_0002" said nothing)
    assert all(r[1].endswith(")") and " (" in r[1] for r in shown), shown
    panel.show_counts_button.click()
    shown = [tuple(row) for row in panel.model.rows]
    assert len(shown) == len(user_data.stored())
    counts = [r for r in shown if r[0] == "Count"]
    assert counts and {r[2] for r in counts} == {"fewer than 3"}  # each is 1: not exact
    window.quick_exit()
    assert not panel.counts_shown and panel.result.text() == ""
    target = tmp_path / "for-the-lead"
    panel.export_path_provider = lambda: str(target)
    panel.export_button.click()
    with (tmp_path / "for-the-lead.csv").open(newline="") as exported:
        rows = list(csv.reader(exported))
    assert rows[0] == list(COUNT_COLUMNS)
    assert rows[1:] == [[str(v) for v in row] for row in user_data.store.counts()]
    assert "Exported" in panel.result.text()


def test_the_banner_says_when_settings_cannot_be_saved(qtbot, make_window, graph, tmp_path):
    blocked = tmp_path / "profile-is-a-file"
    blocked.write_text("")
    data = UserData(open_user_store(blocked), graph, lambda: TODAY)
    window = make_window(user_data=data)
    assert window.storage_banner.isVisible()
    assert "not being saved" in window.storage_banner.text()
    assert "only until Navigator closes" in window.storage_banner.text()
    walk(qtbot, window, WALSALL)  # the app keeps working: the plan is shown
    assert window.session.plan is not None


def test_no_banner_when_settings_are_saved(make_window, user_data):
    assert not make_window(user_data=user_data).storage_banner.isVisible()


def test_tab_leaves_every_table_for_the_next_control(make_window, user_data):
    """Tab once moved from cell to cell, so a keyboard user met the Settings table and
    never reached the buttons after it (Install directory update… among them)."""
    from PySide6.QtWidgets import QTableView

    window = make_window(user_data=user_data)
    names = [t.accessibleName() for t in window.findChildren(QTableView)]
    assert "Everything Navigator keeps on this computer" in names and len(names) >= 3
    assert [
        t.accessibleName() for t in window.findChildren(QTableView) if t.tabKeyNavigation()
    ] == []


def test_a_newer_directory_used_before_is_named_until_one_as_new_is_in_use(user_data, graph):
    """A correction deleted from the profile put the old numbers back unsaid (attack F17):
    the newest directory used here is kept, and named while an older one is in use."""
    from dataclasses import replace

    from app.directory_updates import gone_from_here

    assert user_data.use_directory(replace(graph, directory_version="2026.12.3")) == ""
    assert user_data.use_directory(graph) == "2026.12.3"  # the release, older
    assert user_data.use_directory(graph) == "2026.12.3"  # said until put right
    assert user_data.store.state("active_directory_version") == graph.directory_version
    assert user_data.use_directory(replace(graph, directory_version="2026.12.4")) == ""
    assert user_data.use_directory(replace(graph, directory_version="2026.12.4")) == ""
    user_data.store.set_state("newest_directory_used", "not a version")
    assert user_data.use_directory(graph) == ""
    assert gone_from_here("2026.12.3", "2026.11.30").startswith(
        "Numbers may be out of date: this laptop used directory 2026.12.3, which is no longer"
    )
