"""The main window (bare for now: the walk, plan and quick exit come with the desktop app)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self, pathway_version: str, question_count: int) -> None:
        super().__init__()
        self.setWindowTitle("Navigator")
        status = QLabel(f"Pathway {pathway_version} loaded: {question_count} questions.")
        status.setAccessibleName("Pathway status")
        status.setMargin(24)
        self.setCentralWidget(status)
        self.resize(900, 640)
