"""The plan as a PDF (QTextDocument + QPdfWriter): the worker's explicit export."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from app.pathways.plan import Plan
from app.private_files import replace_own
from app.ui.plan.plan_text import plan_document_html


def write_plan_pdf(plan: Plan, path: str, today: date, organisation: str = "") -> None:
    """Raises OSError naming why the file could not be written. Qt writing to the path
    itself failed silently (a folder it may not write: nothing saved, "PDF saved" shown), so
    the PDF is made in memory and written by Python, whose errors say what went wrong; to a
    file beside it first, so a failed write (a full disk) never spoils a PDF saved before."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle("Plan")  # the file's own title never names abuse
    document = QTextDocument()
    document.setHtml(plan_document_html(plan, today, organisation))
    document.print_(writer)
    del writer  # finishes the PDF in the buffer
    buffer.close()
    replace_whole(Path(path), data.data())


def replace_whole(target: Path, data: bytes) -> None:
    """`data` into `target` all at once: written to a new file of its own beside it, then
    moved over it. Through a link, the file linked to; a file there before keeps its
    permissions (a plan kept owner-only stays so); a new one is the user's alone."""
    real = Path(os.path.realpath(target))  # through links; a loop of links is no error here
    if real.exists() and not real.is_file():  # a folder, a device, a pipe: never replaced
        raise OSError(errno.EINVAL, "not a file a PDF can be saved as", str(target))
    kept = stat.S_IMODE(real.stat().st_mode) if real.exists() else None
    replace_own(real, data)  # new, it is the user's alone
    if kept is not None:
        os.chmod(real, kept)
