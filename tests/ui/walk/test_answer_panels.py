"""Answer controls: push buttons with the given answer marked, named by their answer."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.ui.walk.answer_panels import panel_for


def test_yes_no_are_push_buttons_named_by_their_answer(qtbot, graph):
    panel = panel_for(graph.questions["immediate_danger"], None)
    qtbot.addWidget(panel)
    assert [b.accessibleName() for b in panel.buttons] == ["Yes", "No"]
    assert all(type(b) is QPushButton and not b.isCheckable() for b in panel.buttons)
    assert panel.accessibleName() == graph.questions["immediate_danger"].prompt
    assert panel.accessibleDescription() == graph.questions["immediate_danger"].help
    assert panel.current_button is None


def test_the_answer_given_is_ticked_said_and_kept_by_enter(qtbot, graph):
    panel = panel_for(graph.questions["immediate_danger"], False)
    qtbot.addWidget(panel)
    assert panel.current_button is panel.buttons[1]
    assert panel.buttons[1].text().startswith("\u2713 No")
    assert "Your answer so far" in panel.buttons[1].accessibleDescription()
    assert not panel.buttons[0].text().startswith("\u2713")
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert answered.args == [False]


def test_true_is_not_taken_for_the_first_option(qtbot, graph):
    """A stored True must not tick an option whose value is 1 (tier 1)."""
    panel = panel_for(graph.questions["tier"], True)
    qtbot.addWidget(panel)
    assert panel.current_button is None


def shown_unanswered(qtbot, question):
    """The question's answers on screen, none given yet, and the answers it then emits."""
    panel = panel_for(question, None)
    qtbot.addWidget(panel)
    panel.show()
    emitted = []
    panel.answered.connect(emitted.append)
    return panel, emitted


def test_enter_with_nothing_chosen_says_what_is_needed(qtbot, graph):
    """ "What have they told you about?" with nothing ticked: Enter did nothing and said
    nothing (review 2026-12-01)."""
    panel, emitted = shown_unanswered(qtbot, graph.questions["abuse_types"])
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert emitted == [] and panel.problem.isVisible()
    assert panel.problem.text().startswith("Choose at least one")
    qtbot.keyClicks(panel, "1")
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert emitted == [["domestic_abuse"]]


def test_enter_before_any_answer_says_to_press_the_answers_key(qtbot, graph):
    """ "Who is telling you about this?" opened with the focus ring on its first answer:
    Enter took nothing and said nothing, and the worker thought it stuck (officer walk
    F18). It still takes nothing (a stray Enter never answers), and says what does."""
    panel, emitted = shown_unanswered(qtbot, graph.questions["discloser"])
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert emitted == [] and panel.more.isVisible()
    keys = ", ".join(panel.keys)
    assert panel.more.text() == f"Enter answers nothing yet: press your answer's key ({keys})."
    qtbot.keyClicks(panel, "1")
    assert len(emitted) == 1


def test_a_long_answer_takes_two_lines_not_the_page_width(qtbot, graph):
    """ "Someone else (a carer, landlord, acquaintance or stranger)" ran past the page under a
    scroll bar at a laptop's width (review 2026-12-01)."""
    panel = panel_for(graph.questions["relationship_to_abuser"], None)
    qtbot.addWidget(panel)
    button = next(b for b in panel.buttons if b.accessibleName().startswith("Someone else"))
    words = button.accessibleName() + "    [3]"
    assert button.text().count("\n") == 1 and button.text().replace("\n", " ") == words
    assert button.sizeHint().width() < button.fontMetrics().horizontalAdvance(words)
    # a shorter answer stays on one line, whatever its key adds (walk, 2026-12-03)
    discloser = panel_for(graph.questions["discloser"], None)
    qtbot.addWidget(discloser)
    assert all("\n" not in b.text() for b in discloser.buttons)
    kinds = panel_for(graph.questions["abuse_types"], None)  # tick boxes too (walk F21)
    qtbot.addWidget(kinds)
    assert kinds.boxes["1"].text().count("\n") == 1 and "\n" not in kinds.boxes["2"].text()


def test_a_multiple_choice_that_may_be_none_answers_none_with_0(qtbot, graph):
    """Asked alone (the person causing harm: "Does any of this apply to them?"), 0 did
    nothing and said nothing, where every page of tick boxes takes 0 for none (review)."""
    panel = panel_for(graph.questions["about_abuser"], None)
    qtbot.addWidget(panel)
    panel.show()
    emitted = []
    panel.answered.connect(emitted.append)
    qtbot.keyClicks(panel, "1")
    qtbot.keyClicks(panel, "0")  # with a box ticked: it is unticked, nothing answered yet
    assert emitted == [] and not any(box.isChecked() for box in panel.boxes.values())
    qtbot.keyClicks(panel, "0")
    assert emitted == [[]]
    assert any(b.text().startswith("None of these") for b in panel.findChildren(QPushButton))
    must_choose = panel_for(graph.questions["abuse_types"], None)  # at least one: no "none"
    qtbot.addWidget(must_choose)
    names = [b.text() for b in must_choose.findChildren(QPushButton)]
    assert not any(name.startswith("None of these") for name in names)


def test_an_answer_key_pressed_with_alt_or_ctrl_answers_nothing(qtbot, graph):
    """Alt and Ctrl keys are the window's shortcuts: Alt+Y must not answer "yes, someone
    is in danger now" (Alt+C on a tick page ticked a box: officer walk, 2026-12-02)."""
    emitted = []
    for question, given in (("immediate_danger", False), ("about_abuser", None)):
        panel = panel_for(graph.questions[question], given)  # Enter alone would keep "No"
        qtbot.addWidget(panel)
        panel.show()
        panel.answered.connect(emitted.append)
        for key in ("y", "n", "1", "0", Qt.Key.Key_Return):
            for modifier in (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier):
                qtbot.keyClick(panel, key, modifier)
        assert not any(box.isChecked() for box in getattr(panel, "boxes", {}).values())
    assert emitted == []


def test_a_focused_answer_button_ignores_enter_or_space_with_ctrl_or_alt(qtbot, graph):
    """A focused "Yes" (someone in danger now) took Ctrl+Space, and "None of these"
    Ctrl+Enter, as a plain key (second re-attack round, 2026-12-02)."""
    emitted = []
    for question in ("immediate_danger", "about_abuser"):
        panel = panel_for(graph.questions[question], None)
        qtbot.addWidget(panel)
        panel.show()
        panel.answered.connect(emitted.append)
        buttons = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
        assert buttons
        for button in buttons:
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
                for modifier in (
                    Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ControlModifier,
                ):
                    qtbot.keyClick(button, key, modifier)
    assert emitted == []
    qtbot.keyClick(buttons[-1], Qt.Key.Key_Space)  # the key alone still presses it
    assert emitted


def test_y_and_n_answer_a_choice_whose_answers_are_yes_and_no(qtbot, graph):
    """Learnt on the first question, Y did nothing on "somewhere safe tonight", whose Yes
    is [1] (officer walk, 2026-12-03); on a choice of other answers Y is nothing."""
    for question, key, value in (("safe_tonight", "n", "no"), ("consent_to_share", "y", "yes")):
        panel = panel_for(graph.questions[question], None)
        qtbot.addWidget(panel)
        panel.show()
        with qtbot.waitSignal(panel.answered) as answered:
            qtbot.keyClicks(panel, key)
        assert answered.args == [value], question
    borough = panel_for(graph.questions["borough"], None)
    qtbot.addWidget(borough)
    with qtbot.assertNotEmitted(borough.answered):
        qtbot.keyClicks(borough, "y")


def safe_tonight_opened(qtbot, graph):
    """ "Somewhere safe tonight?" as a page opens it, focused on its first answer."""
    panel = panel_for(graph.questions["safe_tonight"], None)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    emitted = []
    panel.answered.connect(emitted.append)
    panel.focus_first()
    return panel, emitted


def test_space_on_the_answer_the_page_opened_on_asks_before_it_answers(qtbot, graph):
    """A stray Space answered "Yes, somewhere safe tonight" (the housing card went) and
    "Yes, high risk" (a MARAC referral came): the page opens focused on its first answer
    (housing officer's walk, 2026-12-04; H396)."""
    panel, emitted = safe_tonight_opened(qtbot, graph)
    first = panel.buttons[0]
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert emitted == [] and panel.more.isVisible()
    assert panel.more.text().startswith(f"Space would answer {panel.labels['1']}")
    qtbot.keyClick(first, Qt.Key.Key_Space)  # again at once: a stray double, not taken (H400)
    assert emitted == []
    panel.keys_held_until = 0.0  # a moment later: meant
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert emitted == [panel.keys["1"]]


def test_space_on_an_answer_the_worker_moved_to_answers_at_once(qtbot, graph):
    panel, emitted = safe_tonight_opened(qtbot, graph)
    panel.buttons[1].setFocus(Qt.FocusReason.TabFocusReason)  # Tab, as the worker would
    qtbot.keyClick(panel.buttons[1], Qt.Key.Key_Space)
    assert emitted == [panel.keys["2"]]


def test_answer_keys_typed_ahead_one_after_another_are_all_held(qtbot, graph):
    """A key held keeps the hold on for the next typed after it: past the first moment a
    second key, meant for the next question, was taken here (officer's walk F21)."""
    import time

    panel, answers = shown_unanswered(qtbot, graph.questions["borough"])
    panel.hold_keys(0.05)
    qtbot.keyClicks(panel, "1")
    time.sleep(0.1)
    qtbot.keyClicks(panel, "2")
    assert answers == [] and panel.more.text().startswith("Not taken: 2 was pressed")
    panel.keys_held_until = 0.0  # read, then pressed: taken
    qtbot.keyClicks(panel, "2")
    assert len(answers) == 1


def test_a_key_not_taken_is_heard_as_well_as_shown(qtbot, graph, monkeypatch):
    """At 24 pt the first answer key on a page was taken in silence: the words asking for it
    again were shown, never said, and a screen reader's user pressed again at a guess
    (accessibility audit, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.panel_base.announce", lambda _widget, text: heard.append(text))
    from PySide6.QtWidgets import QScrollArea

    panel, answers = shown_unanswered(qtbot, graph.questions["borough"])
    holder = QScrollArea()  # as the page holds it, its later answers below the fold
    holder.setWidgetResizable(True)
    holder.setWidget(panel)
    qtbot.addWidget(holder)
    holder.resize(600, 120)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.keyClicks(panel, "2")
    assert answers == [] and heard[-1].startswith("There were more answers below")
    assert heard[-1] == panel.more.text()
    panel.keys_held_until = 0.0  # a moment later: another answer's key, asked again, said
    qtbot.keyClicks(panel, "3")
    assert heard[-1].startswith("There were more answers below") and "3 again" in heard[-1]
    panel.hold_keys(0.05)
    qtbot.keyClicks(panel, "3")
    assert heard[-1].startswith("Not taken: 3 was pressed")
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert heard[-1].startswith("Enter answers nothing yet")
