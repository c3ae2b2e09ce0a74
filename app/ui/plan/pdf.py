"""The plan as a PDF (QTextDocument + QPdfWriter): the worker's explicit export."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from app.pathways.plan import Plan
from app.ui.plan.plan_text import plan_document_html


def write_plan_pdf(plan: Plan, path: str, today: date, organisation: str = "") -> None:
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle("Plan")  # the file's own title never names abuse
    document = QTextDocument()
    document.setHtml(plan_document_html(plan, today, organisation))
    document.print_(writer)
