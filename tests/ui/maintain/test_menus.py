"""The lead's window's actions: each in a menu for the keyboard, and in the toolbar."""

from PySide6.QtWidgets import QToolBar


def test_every_action_is_in_a_menu_for_the_keyboard(lead_window):
    bar = lead_window.menuBar()
    menus = {a.text(): [x.text() for x in a.menu().actions()] for a in bar.actions()}
    assert menus == {
        "&Directory": ["&Save", "&Publish…", "Read r&eturns…", "&Close"],
        "&Edit": ["&Undo", "&Redo"],
    }


def test_undo_and_redo_follow_what_the_copy_can_take_back(lead_window):
    (toolbar,) = lead_window.findChildren(QToolBar)
    assert [a.text() for a in toolbar.actions()][:2] == ["&Undo", "&Redo"]
    assert not lead_window.undo_action.isEnabled()
    lead_window.apply("crasac", {"hours": "Mon-Fri"})
    assert lead_window.undo_action.isEnabled() and not lead_window.redo_action.isEnabled()
    lead_window.undo_action.trigger()
    assert lead_window.redo_action.isEnabled()
    assert lead_window.maintenance.copy.service("crasac")["hours"] != "Mon-Fri"
