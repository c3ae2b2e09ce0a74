"""The plan's PDF: written whole, or an OSError naming why not (never a silent nothing)."""

import json
from datetime import date

import pytest

from app.cli.route import answers_for
from app.ui.plan.pdf import write_plan_pdf
from tests.conftest import DATA


@pytest.fixture
def plan(pathway):
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    return pathway.step(answers_for(pathway, scenario)).plan


def test_the_pdf_is_written_whole(qtbot, plan, tmp_path):
    target = tmp_path / "plan.pdf"
    write_plan_pdf(plan, str(target), date(2026, 11, 30))
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_a_folder_that_cannot_be_written_raises_and_leaves_nothing(qtbot, plan, tmp_path):
    """Qt writing to the path itself failed silently, and "PDF saved" was shown."""
    target = tmp_path / "gone" / "plan.pdf"  # e.g. a network folder no longer there
    with pytest.raises(OSError):
        write_plan_pdf(plan, str(target), date(2026, 11, 30))
    assert not target.exists()


def test_a_failed_write_leaves_the_pdf_saved_before_whole(qtbot, plan, tmp_path):
    """Writing straight over it emptied it first: a full disk lost the earlier PDF too."""
    target = tmp_path / "plan.pdf"
    write_plan_pdf(plan, str(target), date(2026, 11, 30))
    before = target.read_bytes()
    (tmp_path / "plan.pdf.part").mkdir()  # the write fails (as on a full disk)
    with pytest.raises(OSError):
        write_plan_pdf(plan, str(target), date(2026, 12, 1))
    assert target.read_bytes() == before
