"""Returns read together, for the lead (issue 14 §4): where plans fell back first (the
unmet need a commissioner asks about), then every borough and action; what could not be
read is named. Exported as CSV (formula-safe) or as a PDF with a plain bar chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
)

from app.returns import TOTAL_COLUMNS, Returns, write_totals_csv
from app.ui.file_dialog import ask_save_path
from app.ui.labels import plain_label
from app.ui.models import HeaderedTableModel, table_view

CHART_BARS = 12  # the largest; the table has every row


class TotalsModel(HeaderedTableModel):
    HEADERS = TOTAL_COLUMNS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return str(self.rows[index.row()][index.column()])


class ReturnsView(QDialog):
    @classmethod
    def read(cls, parent, paths: list, today: date, names: dict[str, str]) -> ReturnsView:
        """The returns in `paths` read together, shown."""
        from app.returns import read_returns

        view = cls(parent, read_returns([Path(p) for p in paths]), today, names)
        view.open()
        return view

    def __init__(
        self, parent, returns: Returns, today: date, names: dict[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.returns, self.today = returns, today
        self.names = names or {}  # ids (boroughs, actions) -> the words a reader knows
        self.setWindowTitle("Returns read together")
        self.path_provider = self._ask_path  # tests answer without a dialog
        column = QVBoxLayout(self)
        column.addWidget(plain_label(self._summary(), "What was read"))
        fell = returns.fallbacks()
        lines = [f"• {self._name(b)}: {self._name(a)}, {n} plan(s)" for b, a, n in fell]
        column.addWidget(
            plain_label(
                "Where plans fell back (no confirmed local service held):\n"
                + ("\n".join(lines) if lines else "nowhere"),
                "Where plans fell back",
            )
        )
        self.model = TotalsModel()
        self.model.set_rows(
            [(self._name(b), self._name(a), n, f) for b, a, n, f in returns.table()]
        )
        table = table_view(self.model, "Plans by borough and action", stretch=None)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        column.addWidget(table, 1)
        buttons = QHBoxLayout()
        self.csv_button = QPushButton("Export &CSV…")
        self.pdf_button = QPushButton("Export &PDF…")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.result = plain_label("", "Export result")
        column.addWidget(self.result)
        self.resize(900, 600)

    def _name(self, code: str) -> str:
        return self.names.get(code, code)

    def _summary(self) -> str:
        r = self.returns
        lines = [
            f"Read {len(r.files)} file(s): {', '.join(r.files) or 'none'}.",
            f"They cover {r.period}: {r.plans} plan(s) completed.",
        ]
        lines += [f"Skipped {line}" for line in r.skipped]
        lines += [f"Row skipped: {line}" for line in r.notes[:20]]
        return "\n".join(lines)

    def export(self, kind: str) -> None:
        path = self.path_provider(kind)
        if not path:
            return
        try:
            if kind == "csv":
                write_totals_csv(self.returns, Path(path))
            else:
                write_chart_pdf(self.returns, Path(path), self.today)
        except OSError as error:
            self.result.setText(f"Not written: {path}: {error.strerror or error}")
            return
        self.result.setText(f"Written: {path}")

    def _ask_path(self, kind: str) -> str | None:
        name = f"returns-{self.today.isoformat()}.{kind}"
        return ask_save_path(self, "Export the returns", name, f"{kind.upper()} (*.{kind})")


def write_chart_pdf(returns: Returns, target: Path, today: date) -> None:
    """A4: title, where plans fell back as bars, then the totals table as text."""
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("Navigator returns")
    painter = QPainter(writer)
    try:
        page = QRectF(painter.viewport())
        line = painter.fontMetrics().height() * 1.4
        y = line
        painter.drawText(
            0, int(y), f"Returns read together, {today.isoformat()}: {', '.join(returns.files)}"
        )
        y += line * 2
        painter.drawText(0, int(y), "Where plans fell back (no confirmed local service held)")
        y += line
        bars = returns.fallbacks()[:CHART_BARS]
        widest = max((n for *_, n in bars), default=1)
        width = page.width() * 0.45  # of the labels, and of the longest bar
        for borough, action, n in bars:
            painter.drawText(QRectF(0, y, width, line), f"{borough}: {action}")
            bar = QRectF(width, y + line * 0.15, width * n / widest, line * 0.7)
            painter.fillRect(bar, painter.pen().color())  # the text's own ink: prints anywhere
            painter.drawText(QRectF(bar.right() + 8, y, 200, line), str(n))  # figure too
            y += line
        y += line
        painter.drawText(0, int(y), " | ".join(TOTAL_COLUMNS))
        for row in returns.table():
            y += line
            if y > page.height() - line:
                writer.newPage()
                y = line
            painter.drawText(0, int(y), " | ".join(str(c) for c in row))
    finally:
        painter.end()
