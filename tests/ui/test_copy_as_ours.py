"""The search field's own menu copies through the app's copy, and never fails the worker."""

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.copy_as_ours import CopyAsOurs


def field_with_menu(qtbot, copied):
    guard = CopyAsOurs(copied.append)
    field = QLineEdit("fgm walsall")
    qtbot.addWidget(field)
    guard.guard(field)
    field.show()
    field.selectAll()
    return guard, field


def open_menu_then(qtbot, field, act) -> None:
    def when_open() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, when_open)
            return
        act(menu)

    QTimer.singleShot(10, when_open)
    field.customContextMenuRequested.emit(field.rect().center())


def test_the_menus_copy_goes_through_the_apps_copy_and_the_menu_goes(qtbot):
    copied = []
    _guard, field = field_with_menu(qtbot, copied)
    menus = []

    def copy(menu) -> None:
        menus.append(menu)
        next(a for a in menu.actions() if a.objectName() == "edit-copy").trigger()
        menu.close()

    open_menu_then(qtbot, field, copy)
    assert copied == ["fgm walsall"]
    qtbot.waitUntil(lambda: not shiboken6.isValid(menus[0]))  # not kept, one per right-click


def test_a_menu_deleted_while_open_raises_nothing(qtbot):
    """Deleted while it was open (its field rebuilt meanwhile), the menu's own clean-up after
    it raised: "Internal C++ object (QMenu) already deleted" (full run, 2026-12-04)."""
    copied = []
    _guard, field = field_with_menu(qtbot, copied)
    open_menu_then(qtbot, field, lambda menu: menu.deleteLater())  # pytest-qt fails on a raise
    assert copied == []
