import sys

from app.__main__ import main
from app.cli.terminal import controls_as_codes, plain_lines


def test_a_file_name_cannot_rewrite_what_it_tells_it_in_the_terminal(tmp_path, capsys, app_home):
    """A name clearing the line and saying "installed" in place of the refusal (H474)."""
    junk = tmp_path / "a\x1b[2K\rinstalled: directory 2026.12.9 (3 numbers changed)\u202e.navdir"
    junk.write_bytes(b"not an update")
    for command in ("install", "verify"):
        assert main(["directory", command, str(junk)]) == 1
        said = capsys.readouterr().err
        assert "\x1b" not in said and "\r" not in said and "\u202e" not in said
        assert "refused: a\\x1b[2K\\x0dinstalled: directory 2026.12.9" in said
        assert said.endswith("\n") and "\\x0a" not in said  # its own line breaks kept


def test_the_self_tests_words_on_a_named_directory_are_coded_too(tmp_path, capsys, app_home):
    """`--self-test --directory <name>` wrote the name's escape sequence raw (re-attack F20)."""
    named = tmp_path / "x\x1b[2K\rinstalled: directory 2026.12.9"
    assert main(["--self-test", "--directory", str(named)]) == 1
    said = capsys.readouterr().err
    assert "\x1b" not in said and "\r" not in said
    assert "x\\x1b[2K\\x0dinstalled" in said


def test_line_breaks_and_tabs_are_kept_and_the_streams_put_back():
    assert plain_lines("2 problems:\n  - a\tb\x07\n") == "2 problems:\n  - a\tb\\x07\n"
    out, err = sys.stdout, sys.stderr
    with controls_as_codes():
        assert sys.stdout is not out
    assert (sys.stdout, sys.stderr) == (out, err)
