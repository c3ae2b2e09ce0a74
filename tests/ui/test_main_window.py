"""The desktop window opens (bare until the desktop app issue), with a neutral title."""

from app.ui.main_window import MainWindow


def test_main_window_shows_the_loaded_pathway(qtbot, graph):
    window = MainWindow(graph.pathway_version, len(graph.questions))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Navigator"
    assert graph.pathway_version in window.centralWidget().text()
