"""The item models and the delegate that sizes each reminder to its wrapped text."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from app.ui.models import ReminderListModel
from app.ui.walk.reminders_panel import reminder_list


def test_a_new_reminder_is_measured_in_its_bold_font(qtbot, graph):
    """Measured in the view's font, a new (bold) reminder's last line and its sources were
    cut: "…tell them why.…" (officer review 2026-12-01)."""
    model = ReminderListModel()
    view = reminder_list(model, "Reminders for this case")
    qtbot.addWidget(view)
    view.resize(370, 700)
    view.show()
    qtbot.waitExposed(view)
    model.set_items([item for item in graph.guidance if item.id == "decision_respected"])
    index = model.index(0)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith("New: ")
    bold = QFont(view.font())
    bold.setBold(True)
    width = view.viewport().width() - 16
    text = index.data(Qt.ItemDataRole.DisplayRole)
    needed = QFontMetrics(bold).boundingRect(
        QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
    )
    assert view.visualRect(index).height() >= needed.height()
