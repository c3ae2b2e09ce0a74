"""The plan's PDF: written whole, or an OSError naming why not (never a silent nothing)."""

import json
import os
import stat
import subprocess
import sys
from datetime import date

import pytest

from app.cli.route import answers_for
from app.ui.plan.pdf import replace_whole, write_plan_pdf
from tests.conftest import DATA, REPO


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


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from app.ui.plan.pdf import replace_whole
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # as a disk with 4 KB left
try:
    replace_whole(Path(sys.argv[1]), b"%PDF new plan" * 1000)
except OSError as error:
    print("refused:", error.strerror)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="a file-size limit needs POSIX")
def test_a_failed_write_leaves_the_pdf_saved_before_whole(tmp_path):
    """Writing straight over it emptied it first: a full disk lost the earlier PDF too."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF the plan saved before")
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("refused: File too large")
    assert target.read_bytes() == b"%PDF the plan saved before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]  # nothing left over


def test_saving_over_a_pdf_keeps_its_permissions_links_and_neighbours(tmp_path):
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"old")
    kept.chmod(0o600)  # the worker keeps it owner-only
    link = tmp_path / "plan.pdf"
    link.symlink_to(kept)
    mine = tmp_path / "plan.pdf.part"
    mine.write_bytes(b"the user's own file")
    replace_whole(link, b"%PDF new")
    assert link.is_symlink() and kept.read_bytes() == b"%PDF new"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert mine.read_bytes() == b"the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf", "plan.pdf", "plan.pdf.part"]


def test_a_loop_of_links_is_saved_over_and_a_pipe_refused_in_words(tmp_path):
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    replace_whole(tmp_path / "a.pdf", b"%PDF")  # a RuntimeError reached the worker as a crash
    assert (tmp_path / "a.pdf").read_bytes() == b"%PDF"
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.pdf"
        os.mkfifo(pipe)
        with pytest.raises(OSError, match="not a file a PDF can be saved as"):
            replace_whole(pipe, b"%PDF")
        assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert not list(tmp_path.glob(".navigator-*"))
