"""`python -m app directory check-service …` and `python -m app maintain [FOLDER]`: the
lead's tools from a terminal or a script (the window does the same through app.db)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.db.edit_journal import unsaved_journals
from app.db.working_copy import CHECK_METHODS, WorkingCopy, WorkingCopyError


def check_service(
    service_id: str, folder: Path, method: str, by: str, on: str | None, page: str
) -> int:
    """Mark one service checked in a working copy and save it; exit 0, or 1 with why."""
    from app.pathways.services import typed_day

    day = typed_day(on) if on else date.today()  # as the window's dialog reads it
    if day is None:
        print(
            f"error: --date {on!r}: allowed day/month/year (24/11/2026) or YYYY-MM-DD",
            file=sys.stderr,
        )
        return 1
    if unsaved_edits(folder, "changed", "run check-service again"):
        return 1
    try:
        copy = WorkingCopy.open(folder)
        copy.mark_checked(service_id, method, by, day, page)
        copy.save()
    except WorkingCopyError as error:
        print(f"error: nothing changed: {error}", file=sys.stderr)
        return 1
    what = {"web": f"public page {page} seen"}.get(method, f"confirmed ({method}) by {by}")
    print(f"{service_id}: {what} on {day.isoformat()}; saved in {folder}")
    return 0


def unsaved_edits(folder: Path, nothing: str, then: str) -> bool:
    """True, having said so, when the working copy holds edits no one has saved (or seen):
    never changed or signed under them."""
    if not unsaved_journals(folder):
        return False
    print(
        f"error: nothing {nothing}: {folder} has unsaved edits (from the maintenance window, "
        f"or a session that ended without saving): open it with `python -m app maintain "
        f"{folder}`, review and save them, then {then}",
        file=sys.stderr,
    )
    return True


def open_maintenance(folder: Path | None):
    """The maintenance window on `folder` (a new folder starts from the directory in use),
    or a message saying why not. Needs a QApplication."""
    from app.db.loader import DirectoryError
    from app.db.maintenance_session import Maintenance
    from app.in_force import decide, graph_as_signed, published_here
    from app.ui.maintain.maintenance_window import MaintenanceWindow

    folder = folder or default_folder()
    if folder.exists() and not folder.is_dir():  # it said "[Errno 17] File exists" (review)
        return f"{folder} is a file: give a folder (a new one starts a working copy)"
    in_force = decide()
    try:
        graph = graph_as_signed(in_force)  # the lead maintains what is signed
        maintenance = Maintenance.open(
            folder,
            graph,
            in_force.database,
            lambda: published_here(in_force.policy),  # read again when publishing
            in_force.selection.release,
            in_force.selection.path if in_force.selection.manifest is not None else None,
        )
        return MaintenanceWindow(maintenance)  # marks itself open: a folder it cannot write
    except (DirectoryError, WorkingCopyError, OSError, ValueError) as error:
        return f"the directory cannot be maintained here: {error}"


def run(folder: Path | None) -> int:
    """`python -m app maintain [FOLDER]`: the window, until it is closed."""
    from PySide6.QtWidgets import QApplication

    interrupt = Interrupt()  # before anything: Ctrl-C while it opened crashed it (F-a)
    app = QApplication.instance() or QApplication(sys.argv)
    use_saved_look()  # opened alone, not from the app, which applied them already
    window = open_maintenance(folder)
    if isinstance(window, str):
        print(f"error: {window}", file=sys.stderr)
        return 1
    window.resize(1280, 760)
    window.show()
    if interrupt.closes(window):
        return 0
    return app.exec()


def use_saved_look() -> None:
    """The text size and colours saved in the app on this account (IT's policy sets
    neither), as the app applies them: opened from a terminal, the window came up in Qt's
    own 9 points and the system's colours, and a lead who reads at 24 points in high
    contrast could not use it (lead walk, 2026-12-06). Only read: only the app writes its
    settings file."""
    from app.db.user_store import saved_settings
    from app.settings import settings_from
    from app.ui.palettes import use_scheme, use_text_size

    settings, _ = settings_from(saved_settings())  # a value not allowed: the default
    use_text_size(settings.text_size)
    use_scheme(settings.colours)


class Interrupt:
    """Ctrl-C in the terminal the lead started the window from closes it as its close
    button would: unsaved edits are asked about, never lost. Qt's event loop held the
    interrupt, and the window could only be killed, its "open" marker left on the working
    copy; one typed while it opened stopped it with a crash (the lead's walk, F-a,
    2026-12-04). Python runs a signal's handler only between its own steps, so a timer
    gives it steps while the window waits."""

    def __init__(self) -> None:
        import signal

        self.window = None
        self.typed = False
        signal.signal(signal.SIGINT, self._typed)

    def _typed(self, *_) -> None:
        from PySide6.QtWidgets import QApplication

        self.typed = True
        if self.window is not None and QApplication.activeModalWidget() is None:
            self.window.close()  # while a dialog asks, that dialog answers

    def closes(self, window) -> bool:
        """Watch the window shown; True if Ctrl-C came while it opened (closed now)."""
        from PySide6.QtCore import QTimer

        self.window = window
        if self.typed:
            return window.close()
        steps = QTimer(window, interval=200)
        steps.timeout.connect(lambda: None)
        steps.start()
        return False


def default_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "Navigator directory"


__all__ = ["CHECK_METHODS", "check_service", "default_folder", "open_maintenance", "run"]
