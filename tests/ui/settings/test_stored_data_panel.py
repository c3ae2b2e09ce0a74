"""What Navigator keeps, shown in Settings: each kind and value whole, at every text size."""

from app.db.user_store import open_user_store
from app.ui.settings.stored_data_panel import StoredDataPanel
from app.user_data import UserData
from tests.ui.conftest import TODAY, cell_margin


def test_the_kind_and_value_columns_show_their_words_whole_at_24_points(qtbot, tmp_path, graph):
    """At 24 pt the kind column read "Set…" and the value "sys…" (review 2026-12-01)."""
    data = UserData(open_user_store(tmp_path), graph, lambda: TODAY)
    panel = StoredDataPanel(data)
    qtbot.addWidget(panel)
    font = panel.font()
    font.setPointSize(24)
    panel.setFont(font)
    panel.resize(1300, 700)
    panel.show()
    panel.refresh()
    table, model = panel.table, panel.model
    assert model.rowCount() > 0
    # each row as tall as its text: a fixed height cut descenders and hid an underscore
    assert all(table.rowHeight(r) > table.fontMetrics().height() for r in range(model.rowCount()))
    for row in range(model.rowCount()):
        for column in (0, 2):
            text = model.index(row, column).data() or ""
            room = table.columnWidth(column) - 2 * cell_margin(table)
            assert table.fontMetrics().horizontalAdvance(text) <= room, text
    data.store.close()


def test_a_yes_or_no_kept_reads_yes_or_no():
    """ "Earlier counts wiped from the file's free space: True" read as code (officer walk,
    2026-12-07)."""
    from app.ui.settings.stored_data_panel import on_screen

    rows = [("App", "free_space_cleared", True), ("Setting", "record_activity", False)]
    rows.append(("Setting", "default_borough", None))  # "None": ask each time
    assert [value for _, _, value in on_screen(rows)] == ["Yes", "No", "Not set"]
    assert on_screen([("Setting", "text_size", 11)])[0][2] == 11
