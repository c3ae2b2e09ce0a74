"""A real main window on the committed directory, with test timings."""

from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from app.db.search import DirectorySearch, searcher
from app.pathways.engine import Pathway
from app.settings import UserSettings
from app.ui import qt_types
from app.ui.labels import key_label
from app.ui.main_window import MainWindow
from app.ui.walk.panel_base import TYPED_AHEAD_S, KeyHold
from tests.conftest import REPO, running

TODAY = date(2026, 11, 21)


def open_search():
    """The shipped directory, opened on the search thread as the app opens it."""
    return searcher(DirectorySearch(REPO / "resources" / "directory.sqlite"))


@pytest.fixture(autouse=True)
def _text_size_restored(qapp):
    """The application's font as each test found it: a text size a settings test chose
    stayed for the tests after it, and the directory tab at 600 px showed two rows, not
    six, failing a test run after it on the same worker only."""
    font = QApplication.font()
    yield
    if QApplication.font() != font:
        QApplication.setFont(font)


@pytest.fixture
def finder():
    searcher = DirectorySearch(REPO / "resources" / "directory.sqlite")
    yield searcher
    searcher.close()


@pytest.fixture
def make_window(qtbot, pathway):
    def make(settings=None, warn_ms=60_000, user_data=None):
        window = MainWindow(
            pathway,
            settings or UserSettings(),
            open_search,
            lambda: TODAY,
            debounce_ms=0,
            warn_ms=warn_ms,
            user_data=user_data,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.ring_focus()  # as a launch does once the first question has painted
        window.other_tabs.build()
        return window

    return make


@pytest.fixture
def app_window(qtbot, it):
    """The window of an app started with IT's folders, the lead's key trusted: its
    directory updates are real (switched to, installed)."""
    where, lead = it
    updates = running(where)
    window = MainWindow(
        Pathway(updates.current.graph),
        UserSettings(tier=2),
        updates.current.open_search,
        lambda: TODAY,
        debounce_ms=0,
        updates=updates,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, where, lead


@pytest.fixture
def window(make_window):
    return make_window()


def focused(window):
    """Where a key goes: the focus, or (when the test window is not active) the page."""
    if not hasattr(window, "pages"):  # a page of the window, given directly
        return QApplication.focusWidget() or window
    page = window.pages.currentWidget()
    fallback = window.question_page.panel if page is window.question_page else page
    widget = QApplication.focusWidget()  # another test window may hold it: never type there
    return widget if widget is not None and widget.window() is window.window() else fallback


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(window), key, modifier)


def press_alt(qtbot, window, key):
    """Alt + an underlined letter (a button's mnemonic): Qt shows the button pressed for
    a moment and clicks it after about 100 ms, so wait that long."""
    press(qtbot, window, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(200)


def after_the_dash(qtbot):
    """Wait as a worker would before the page after the Dash takes keys (hold_keys)."""
    qtbot.wait(int(TYPED_AHEAD_S * 1000) + 50)


def read_for_the_hold(qtbot, window):
    """The worker reads what the page just brought into view while its keys are held
    (hold_keys): the walks end the hold as its second would, and let the waiting events
    run, rather than wait the second out over a hundred times a run. The tests of the hold
    itself wait it out (`after_the_dash`)."""
    page = window.question_page
    for holder in (page, page.panel, window.emergency):
        if isinstance(holder, KeyHold):
            holder.keys_held_until = 0.0
    qtbot.wait(20)


def type_answer(qtbot, window, question, value):
    """Answer the question on screen with the keys a worker would press."""
    kind = question.answer_type
    if kind == "yes_no":
        press(qtbot, window, Qt.Key.Key_Y if value else Qt.Key.Key_N)
    elif kind == "choice":
        index = question.allowed_values.index(value)
        panel = window.question_page.panel
        qtbot.keyClicks(focused(window), key_label(index))
        if window.question_page.panel is panel and panel.more.isVisible():
            # the first press brought answers below the fold into view: read, then again
            read_for_the_hold(qtbot, window)
            qtbot.keyClicks(focused(window), key_label(index))
    elif kind == "multi":  # a box shown ticked (given before, or by an earlier answer) kept
        boxes = window.question_page.panel.boxes
        for i, option in enumerate(question.options):
            if option.value in value and not boxes[key_label(i)].isChecked():
                qtbot.keyClicks(focused(window), key_label(i))
        press(qtbot, window, Qt.Key.Key_Return)
    elif kind == "count":  # read first: keys pressed as it came into view are not taken
        read_for_the_hold(qtbot, window)
        spin = window.question_page.panel.spin
        if spin.wrong is None and spin.value() == value:
            press(qtbot, window, Qt.Key.Key_Return)  # the number given before, kept
            return
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))
        press(qtbot, window, Qt.Key.Key_Return)
    elif kind == "checklist":
        if value is None:
            press(qtbot, window, Qt.Key.Key_S)
            read_for_the_hold(qtbot, window)
            return
        keys = {"yes": Qt.Key.Key_Y, "no": Qt.Key.Key_N, "not_known": Qt.Key.Key_K}
        for item in question.items:
            press(qtbot, window, keys[value[item.id]] if item.id in value else Qt.Key.Key_Down)
        if any(item.id not in value for item in question.items):
            press(qtbot, window, Qt.Key.Key_Return)  # answering the last item moves on
        read_for_the_hold(qtbot, window)


def type_page(qtbot, window, shown, answers):
    """Tick the boxes that give these answers ({question id: answer}) and go on: 0 alone
    when none is ticked but the Dash's own. An answer no tick gives (police_aware "no") is
    left unticked; a box shown ticked because an earlier answer gives it (R40, a Dash "yes")
    is left ticked, as a worker would: the plan is the same."""
    QApplication.processEvents()  # the page is shown, as it is before a worker can press
    panel = window.question_page.panel
    keys = {id(box): key for key, box in panel.boxes.items()}
    wanted = []
    for question_id, value, box in panel.ticks:
        if question_id in shown.given_elsewhere:  # not asked: shown ticked, never changed
            continue
        member, answer = shown.member(question_id), answers[question_id]
        if value is not None:  # an option of a multiple choice
            given = box.isChecked() and question_id not in window.session.answers
            wanted.append((box, value in (answer or []) or given))
        else:
            wanted.append((box, answer == member.tick and type(answer) is type(member.tick)))
    for box, ticked in wanted:
        if box.isChecked() != ticked:
            qtbot.keyClicks(focused(window), keys[id(box)])
    # a box the Dash ticked is not the worker's: with only those, 0 (H240)
    go_on(qtbot, window, any(ticked for box, ticked in wanted if id(box) not in panel.from_dash))


def go_on(qtbot, window, ticked=True):
    """Leave a page of tick boxes: Enter with boxes ticked, else 0; pressed again while a
    press only brought more of the page into view, as a worker would."""
    panel = window.question_page.panel
    for _ in range(len(panel.boxes) + 1):
        QApplication.processEvents()  # the page laid out as it is now, as a worker sees it
        if panel.keys_held():  # read before the next press (qtbot may count keys only)
            read_for_the_hold(qtbot, window)
        if ticked:
            press(qtbot, window, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(focused(window), "0")
        if window.question_page.panel is not panel or not panel.more.isVisible():
            return


def tick(qtbot, window, words):
    """On a page of tick boxes, press the key of the box whose label has these words."""
    QApplication.processEvents()  # the page is shown, as it is before a worker can press
    panel = window.question_page.panel
    key = next(k for k, box in panel.boxes.items() if words in box.accessibleName())
    qtbot.keyClicks(focused(window), key)


def answer_by_keys(qtbot, window, answer_of) -> list[str]:
    """Answer the question on screen, or the page of questions asked together, by keyboard:
    `answer_of(question)` gives each answer. Returns the question ids answered."""
    shown = window.session.page
    if shown is None:
        question = window.session.question
        type_answer(qtbot, window, question, answer_of(question))
        return [question.id]
    type_page(qtbot, window, shown, {q.id: answer_of(q) for q in shown.questions})
    return [q.id for q in shown.questions]


def scenario_value(question, scenario):
    """The scenario's answer, or the one `route` takes for a key it lacks (policy v2 §2)."""
    if question.id in scenario:
        return scenario[question.id]
    return question.default.value if question.default is not None else None


def walk(qtbot, window, scenario, stop_before=None):
    """Answer every question the walk asks, by keyboard; returns the questions asked."""
    asked = []
    while (question := window.session.question) is not None:
        shown = window.session.page
        if stop_before in ([q.id for q in shown.questions] if shown else [question.id]):
            break
        before = window.session.position
        asked += answer_by_keys(qtbot, window, lambda q: scenario_value(q, scenario))
        assert window.session.position > before, f"{question.id} was not answered by keyboard"
        if window.pages.currentWidget() is window.emergency:
            continue_when_safe(qtbot, window)
    return asked


def continue_when_safe(qtbot, window):
    """Enter on the 999 card once it has been read (its hold ended, as read_for_the_hold)."""
    read_for_the_hold(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Return)


@contextmanager
def windows_shown():
    """The kinds of widget shown as windows of their own meanwhile. A label shown before
    it is put in a layout is, for a moment, a window: on a desktop it takes the keyboard
    focus from the Navigator window and gives it to nothing when it is put in its place."""
    qt_types.make_all_now()  # an app-wide Python filter only once every type is made (H57)
    shown: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
                shown.append(type(watched).__name__)
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        yield shown
    finally:
        QApplication.instance().removeEventFilter(watch)


def cell_margin(view) -> int:
    """What Qt keeps clear at each side of a table cell's text before it cuts it with "…"."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def wait_in_view(qtbot, widget) -> None:
    """Until all of `widget` is on screen (the scroll that brings it follows the layouts
    waiting to run), or fail after two seconds."""
    qtbot.waitUntil(lambda: widget.visibleRegion().boundingRect().height() == widget.height())
