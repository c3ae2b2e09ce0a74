"""Shown instead of the main window when no usable directory can be opened: what went
wrong, what IT should do, and the last-resort numbers, so the worker is never left with
nothing."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.last_resort import LAST_RESORT

FOR_IT = (
    "For IT: reinstall Navigator, or place a signed directory update (.navdir) in the "
    "machine-wide update folder, then run <code>Navigator --self-test</code>. "
    "The reasons are also in the log: {log}"
)


class StartProblemScreen(QWidget):
    def __init__(self, reasons: list[str], log_path: str) -> None:
        super().__init__()
        self.setWindowTitle("Navigator")
        self.setAccessibleName("Navigator cannot start")
        self.resize(760, 560)
        numbers = "".join(
            f"<li><b>{escape(c.name)}: {escape(c.phone)}</b>. {escape(c.note)}</li>"
            for c in LAST_RESORT
        )
        problems = "".join(f"<li>{escape(reason)}</li>" for reason in reasons)
        text = (
            "<h2>Navigator cannot open its service directory</h2>"
            "<p>It cannot show a plan until this is fixed. Until then:</p>"
            f"<ul>{numbers}</ul>"
            "<p>Follow your organisation's safeguarding procedure and tell your DA lead.</p>"
            f"<h3>What went wrong</h3><ul>{problems}</ul>"
            f"<p>{FOR_IT.format(log=escape(log_path))}</p>"
        )
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("What went wrong and who to call")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.message)
        QVBoxLayout(self).addWidget(scroll)
