"""The Practice tab on the real window, by keyboard: a vignette walked as expected gives
"all matched"; a wrong answer shows exactly what the engine finds; the banner is on every
page; nothing is counted; progress keeps no answers; quick exit clears it."""

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.db.user_store import open_user_store
from app.pathways import practice
from app.pathways.practice_text import summary_lines
from app.ui.practice.practice_view import BANNER, summary_html
from app.ui.practice.tab import PRACTICE_TITLE
from app.user_data import UserData
from tests.ui.conftest import TODAY, answer_by_keys, continue_when_safe, press


@pytest.fixture
def user_data(tmp_path, graph):
    data = UserData(open_user_store(tmp_path), graph, lambda: TODAY)
    yield data
    data.store.close()


@pytest.fixture
def window(make_window, user_data):
    window = make_window(user_data=user_data)
    window.tabs.setCurrentWidget(window.practice)
    return window


def vignette(graph, vignette_id):
    return next(v for v in graph.vignettes if v.id == vignette_id)


def banner_shown(view):
    return view.banner.isVisible() and view.banner.text() == BANNER


def start(qtbot, view, vignette_id):
    view.chooser.list.setFocus()
    row = [v.id for v in view.pathway.graph.vignettes].index(vignette_id)
    view.chooser.list.setCurrentRow(row)
    qtbot.keyClick(view.chooser.list, Qt.Key.Key_Return)
    assert view.screens.currentWidget() is view.story and banner_shown(view)
    qtbot.keyClick(view.story.walk, Qt.Key.Key_Return)
    assert view.screens.currentWidget() is view.walk_page


def walk_with(qtbot, view, answers):
    """Every question answered by keyboard; the banner checked on each page."""
    while (question := view.session.question) is not None:
        assert banner_shown(view), question.id
        answer_by_keys(qtbot, view, lambda q: answers.get(q.id))
        if view.pages.currentWidget() is view.emergency:
            assert banner_shown(view)
            continue_when_safe(qtbot, view)
    assert view.pages.currentWidget() is view.plan_view and banner_shown(view)


def finish(qtbot, view):
    qtbot.keyClick(view.plan_view.buttons["new"], Qt.Key.Key_Return)
    assert view.screens.currentWidget() is view.feedback and banner_shown(view)


def test_a_vignette_walked_as_expected_is_all_matched(qtbot, window, graph, user_data):
    assert window.windowTitle() == PRACTICE_TITLE
    view = window.practice
    case = vignette(graph, "claire-he-is-outside")  # danger now: the 999 card on the way
    start(qtbot, view, case.id)
    walk_with(qtbot, view, practice.expected_step(view.pathway, case).answers)
    assert view.plan_view.action_kinds[0] == "emergency_999"  # the real plan
    finish(qtbot, view)
    assert view.feedback.headline.text().startswith("\u2714 All matched")
    assert user_data.practice_done() == {case.id: {"date": "2026-11-21", "matched": True}}
    assert user_data.store.counts() == []  # a practice plan is never counted


def test_a_tier_1_case_walked_with_the_dash_shows_the_engines_differences(
    qtbot, window, graph, user_data, pathway
):
    view = window.practice
    case = vignette(graph, "dudley-tier1-lead")
    given = {
        **case.answers,
        "tier": 2,
        "dash_answers": {f"dash_{n:02}": "no" for n in range(1, 25)},
    }
    start(qtbot, view, case.id)
    walk_with(qtbot, view, given)
    finish(qtbot, view)
    texts = view.feedback.texts()
    feedback = practice.compare(pathway, case, pathway.step(given).answers)
    assert texts[0].startswith("\u2716 Not matched")
    tier = graph.questions["tier"]
    assert any(t.startswith(f"\u2022 {tier.prompt} You answered \u201cTier 2") for t in texts)
    missing = [t for t in texts if t.startswith("\u2022 Missing from your plan: ")]
    assert missing == [f"\u2022 Missing from your plan: {a.title}" for a in feedback.missed]
    added = [t for t in texts if t.startswith("\u2022 In your plan, not expected: ")]
    assert added == [f"\u2022 In your plan, not expected: {a.title}" for a in feedback.added]
    assert feedback.missed and any("Tell your" in t or "lead" in t for t in missing)
    assert user_data.practice_done()[case.id]["matched"] is False
    assert user_data.store.counts() == []
    qtbot.keyClick(view.feedback.again, Qt.Key.Key_Space)  # try again: the walk from the start
    assert view.session.question.id == graph.start and view.session.answers == {}


def test_progress_keeps_which_cases_were_done_and_never_an_answer(qtbot, window, graph, user_data):
    view = window.practice
    case = vignette(graph, "amira-rent-arrears")
    start(qtbot, view, case.id)
    walk_with(qtbot, view, {**case.answers, "children_in_household": False})
    finish(qtbot, view)
    stored = repr(user_data.stored())
    assert "amira-rent-arrears" in stored
    assert "children_in_household" not in stored and "birmingham" not in stored
    qtbot.keyClick(view.feedback.back, Qt.Key.Key_Return)
    assert f"1 of {len(graph.vignettes)} cases" in view.chooser.progress.text()
    assert not view.holds_case()  # back at the list: a directory update may now switch in
    assert view.chooser.list.item(0).text().endswith("\u2714 done")


def test_quick_exit_clears_a_practice_case_like_a_real_one(qtbot, window, graph):
    view = window.practice
    start(qtbot, view, "amira-rent-arrears")
    press(qtbot, view, Qt.Key.Key_N)  # no one in danger now
    assert "practice" in window.holds_case()
    window.quick_exit()
    assert window.holds_case() == []
    assert view.session is None and view.screens.currentWidget() is view.chooser
    assert view.story.story.text() == "" and view.story_again.body.text() == ""
    window.reopen()
    assert window.windowTitle() == "Navigator"


def test_surprise_me_picks_a_case_not_yet_done(qtbot, window, graph, user_data):
    view = window.practice
    user_data.practice_finished(graph.vignettes[0].id, True)
    offered = []
    view.choose = lambda choices: offered.append(choices) or choices[0]
    qtbot.keyClick(view.chooser.surprise, Qt.Key.Key_Space)
    assert graph.vignettes[0] not in offered[0] and len(offered[0]) == len(graph.vignettes) - 1
    assert view.story.title.text() == graph.vignettes[1].title


def test_the_summary_pdf_is_written_where_the_worker_chose(qtbot, window, tmp_path, user_data):
    view = window.practice
    user_data.practice_finished("amira-rent-arrears", True)
    target = tmp_path / "summary.pdf"
    view.summary_path_provider = lambda: str(target)
    qtbot.keyClick(view.chooser.summary, Qt.Key.Key_Space)
    assert target.read_bytes().startswith(b"%PDF")
    assert view.chooser.progress.text().endswith("Summary saved.")


def test_the_summary_names_cases_and_rules_in_escaped_text(pathway):
    lines = summary_lines(pathway, {"amira-rent-arrears": {"date": "2026-11-30", "matched": 1}})
    page = summary_html(lines, TODAY, "Walsall <Housing>")
    assert "<p>Walsall &lt;Housing&gt;</p>" in page and "no real case, no names" in page
    assert f"<p>{html.escape(lines[0])}</p>" in page and "not yet" in page


def test_the_practice_plan_offers_no_export(window):
    buttons = window.practice.plan_view.buttons
    assert buttons["copy"].isHidden() and buttons["pdf"].isHidden()
    assert buttons["read_back"].isHidden()


def test_policy_can_turn_the_practice_tab_off(qtbot, pathway):
    from app.settings import UserSettings
    from app.ui.main_window import MainWindow
    from tests.ui.conftest import open_search

    window = MainWindow(pathway, UserSettings(), open_search, lambda: TODAY, allow_practice=False)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Practice" not in titles and window.practice is None


def test_the_banner_and_headings_follow_the_text_size(qtbot, window):
    view = window.practice
    before = view.banner.font().pointSizeF(), view.chooser.findChild(QLabel).font().pointSizeF()
    window.replace_settings(text_size=24)
    qtbot.waitUntil(lambda: view.banner.font().pointSizeF() > before[0])  # a posted event
    after = view.banner.font().pointSizeF(), view.chooser.findChild(QLabel).font().pointSizeF()
    assert after[0] == pytest.approx(24 * 1.1) and after[1] == pytest.approx(24 * 1.3)
    assert after[0] > before[0] and after[1] > before[1]


def test_a_quick_exit_never_puts_the_focus_on_the_hidden_practice_tab(qtbot, window, graph):
    """On every new conversation and quick exit the hidden Practice tab's "Start the
    conversation for this case" took the focus, and a screen reader said it aloud as the
    worker hid the app (screen-reader walk, 2026-12-07; H592)."""
    from PySide6.QtWidgets import QApplication

    view = window.practice
    start(qtbot, view, "amira-rent-arrears")
    window.tabs.setCurrentIndex(0)  # back to a real conversation
    focused = []

    def took(_old, new):
        focused.append(new)

    QApplication.instance().focusChanged.connect(took)
    window.quick_exit()
    QApplication.instance().focusChanged.disconnect(took)
    assert view.story.walk not in focused
    # nor the first question drawn behind the disguise: its "Yes" was said as it hid
    assert not any(window.question_page.isAncestorOf(w) for w in focused if w is not None)
    # reopened, the focus goes to the first answer, through nothing the last case focused
    QApplication.instance().focusChanged.connect(took)
    focused.clear()
    window.reopen()
    QApplication.instance().focusChanged.disconnect(took)
    assert focused and all(window.question_page.isAncestorOf(w) for w in focused if w), focused
