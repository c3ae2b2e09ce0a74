"""`python -m app` without arguments reads the window's options only, to the same answer."""

import argparse
import gc

import pytest

from app.__main__ import desktop_parser, main, parser
from app.ui import gui_collector


def test_a_launch_without_arguments_reads_what_the_full_parser_reads():
    assert desktop_parser().parse_args([]) == parser().parse_args([])
    assert parser().parse_args([]) == argparse.Namespace(
        directory=None, self_test=False, canary=None, command=None
    )


def test_the_full_parser_keeps_the_window_options_and_the_commands():
    args = parser().parse_args(["--self-test", "--canary", "x", "route", "--scenario", "-"])
    assert (args.self_test, args.canary, args.command, args.scenario) == (True, "x", "route", "-")
    assert parser().parse_args(["practice"]).command == "practice"


def test_a_launch_without_arguments_does_not_build_the_commands(monkeypatch):
    import app.__main__ as entry

    def full_parser():
        raise AssertionError("the headless commands' parsers were built for a plain launch")

    launched = []
    monkeypatch.setattr(entry, "parser", full_parser)
    monkeypatch.setattr(entry, "dispatch", lambda args: launched.append(args) or 0)  # no window
    assert entry.main([]) == 0 and launched[0].command is None


@pytest.fixture
def launch_undone(monkeypatch):
    """What a launch holds is let go after the test (the app's first question takes it
    over, and would freeze every later test's objects)."""
    monkeypatch.setattr(gui_collector, "_launching", [])
    automatic = gc.isenabled()
    yield
    if automatic:
        gc.enable()


@pytest.mark.parametrize(("argv", "held"), [([], True), (["--self-test"], False)])
def test_the_collector_is_held_while_the_window_starts_not_for_the_self_test(
    monkeypatch, launch_undone, argv, held
):
    import app.ui.application as application

    seen = []
    monkeypatch.setattr(
        application, "run_app", lambda args: seen.append(gui_collector.launch_held()) or 0
    )
    assert main(argv) == 0
    assert seen == [held]


def test_the_window_writes_no_core_file_if_it_crashes(monkeypatch, launch_undone):
    """A core file would hold the conversation on screen (privacy review 2026-12-01)."""
    import resource

    import app.ui.application as application

    monkeypatch.setattr(application, "run_app", lambda args: 0)
    before = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (before[1], before[1]))
    assert main([]) == 0
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


BAD_INPUT = [  # (arguments, what the message must say); review 2026-12-01
    (["--directory", "{empty}", "route", "--scenario", "{scenario}"], "the file is empty"),
    (["directory", "diff", "{empty}", "{shipped}"], "the file is empty"),
    (["directory", "verify", "{folder}"], "a folder, not a file"),
    (["directory", "import", "{folder}", "--output", "{out}"], "no services found"),
    (["directory", "import", "{list}", "--output", "{out}"], "no services found"),
    (["directory", "import", "{bad}", "--output", "{out}"], "not Open Referral UK services"),
    (["directory", "keygen", "--out", "{empty}"], "is a file: --out is a folder"),
    (["directory", "keygen", "--out", "{keys}", "--passphrase-file", "{empty}"], "is empty"),
    (["directory", "export", "{folder}/tables.txt"], "allowed a folder for CSV tables"),
    # a mistyped --keys said "signed with unknown key" of the publisher's own bundle (12-02)
    (["directory", "verify", "{shipped}", "--keys", "{keys}"], "no such folder: give the"),
    (["directory", "verify", "{shipped}", "--keys", "{folder}"], "holds no .pub key file"),
    (["directory", "verify", "{shipped}", "--keys", "{scenario}"], "a file: give the folder"),
    (["directory", "diff", "{shipped}", "{shipped}", "--keys", "{empty}"], "a file: give the"),
]


@pytest.mark.parametrize(("arguments", "said"), BAD_INPUT, ids=lambda v: str(v)[:40])
def test_bad_input_is_named_never_an_unexpected_problem(tmp_path, capsys, arguments, said):
    import json

    from tests.conftest import DATA, REPO

    files = {
        "empty": tmp_path / "empty.sqlite",
        "folder": tmp_path / "folder",
        "list": tmp_path / "list.json",
        "bad": tmp_path / "bad.json",
        "out": tmp_path / "out.sqlite",
        "keys": tmp_path / "keys",
        "scenario": tmp_path / "case.json",
        "shipped": REPO / "resources" / "directory.sqlite",
    }
    files["empty"].write_bytes(b"")
    files["folder"].mkdir()
    files["list"].write_text("[]")
    files["bad"].write_text('[{"id": "x", "name": "X", "organization": "a string"}]')
    case = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    files["scenario"].write_text(json.dumps(case))
    argv = [a.format(**{k: str(v) for k, v in files.items()}) for a in arguments]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert said in err and "unexpected" not in err, err


def test_ctrl_c_in_a_command_is_said_never_a_traceback(monkeypatch, capsys):
    """Ctrl+C during a long command (a build, an import) printed a traceback."""
    import app.__main__ as entry

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "dispatch", interrupted)
    assert main(["directory", "report"]) == 130
    assert capsys.readouterr().err == "stopped: Ctrl+C was pressed\n"
