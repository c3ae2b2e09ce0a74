"""What the headless commands print, with control and direction characters written as codes.

They print file names from IT's share and reasons that quote them: a name holding an
escape sequence and a carriage return cleared the refusal's line in IT's terminal and put
"installed: directory 2026.12.9" in its place (attack F20, 2026-12-06; H474). The log and
the self-test wrote such names as codes already; every command's output now does.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from app.event_log import printable


def plain_lines(text: str) -> str:
    """`text` with its line breaks and tabs kept and every other unprintable character
    as a code. Lines already printable (nearly all) are checked at C speed."""
    return "\n".join(
        line if line.isprintable() else "\t".join(map(printable, line.split("\t")))
        for line in text.split("\n")
    )


class CodesForControls:
    """A text stream that writes what it is given through `plain_lines`."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(plain_lines(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


@contextmanager
def controls_as_codes() -> Iterator[None]:
    """sys.stdout and sys.stderr write controls as codes while it lasts; a stream replaced
    meanwhile (a reader that stopped early: devnull) is left as it was put."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = CodesForControls(out), CodesForControls(err)
    try:
        yield
    finally:
        if isinstance(sys.stdout, CodesForControls):
            sys.stdout = out
        if isinstance(sys.stderr, CodesForControls):
            sys.stderr = err
