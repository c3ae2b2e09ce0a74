"""Controls made after the window take their place in the Tab order as they stand."""

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.ui.tab_order import place_before


def tab_order(window: QWidget, start: QWidget) -> list[str]:
    names, widget = [start.text()], start.nextInFocusChain()
    while widget is not start:
        if isinstance(widget, QPushButton):
            names.append(widget.text())
        widget = widget.nextInFocusChain()
    return names


def page_with_content_made_later(qtbot, names=("one", "two")):
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    top, back, end = QPushButton("top"), QPushButton("back"), QPushButton("end")
    for button in (top, back, end):
        column.addWidget(button)
    content = QWidget()  # made after the page: at the end of the Tab order
    QVBoxLayout(content).addWidget(QPushButton(names[0]))
    content.layout().addWidget(QPushButton(names[1]))
    column.insertWidget(1, content)
    return window, top, back, content


def test_content_made_later_comes_before_its_anchor(qtbot):
    window, top, back, content = page_with_content_made_later(qtbot)
    assert tab_order(window, top) == ["top", "back", "end", "one", "two"]
    place_before(content, back)
    assert tab_order(window, top) == ["top", "one", "two", "back", "end"]


def test_content_drawn_again_takes_the_place_of_the_last(qtbot):
    window, top, back, content = page_with_content_made_later(qtbot)
    place_before(content, back)
    content.setParent(None)
    again = QWidget()
    QVBoxLayout(again).addWidget(QPushButton("three"))
    window.layout().insertWidget(1, again)
    place_before(again, back)
    assert tab_order(window, top) == ["top", "three", "back", "end"]


def test_content_placed_twice_keeps_its_place(qtbot):
    window, top, back, content = page_with_content_made_later(qtbot)
    place_before(content, back)
    place_before(content, back)
    assert tab_order(window, top) == ["top", "one", "two", "back", "end"]
