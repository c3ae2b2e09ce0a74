"""Desktop start-up in a fixed order: paths, QApplication, directory, main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.main_window import MainWindow

APP_NAME = "Navigator"  # neutral: the title never names abuse


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    from app.db.directories import default_locations, select_directory
    from app.db.loader import DirectoryError, load_valid_graph

    database, refused = args.directory, []
    if database is None:
        choice = select_directory(default_locations())
        database, refused = choice.path, choice.refused
    try:
        if database is None:
            raise DirectoryError("no usable directory database")
        graph = load_valid_graph(database)
    except DirectoryError as error:
        detail = "\n".join([*getattr(error, "problems", []), *refused])
        QMessageBox.critical(None, APP_NAME, f"{error}\n{detail}\n\nIn an emergency call 999.")
        return 1
    window = MainWindow(graph.pathway_version, len(graph.questions))
    window.show()
    return app.exec()
