"""A published bundle written whole or not at all, never over another of its name."""

from __future__ import annotations

import os
from pathlib import Path

from app.db.checks import Refused


def write_new(target: Path, data: bytes) -> None:
    """Whole or not at all, through a file of a name no one could have prepared (a link
    left under a known name would have had the bundle written wherever it points), and
    never over a file of that name: two leads publishing one version in the same second
    were both told "published", and one's correction was gone (attack review 2026-12-01)."""
    import tempfile

    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=".publishing-", suffix=".partial")
    except OSError as error:
        raise _not_written(target, data, error) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(name, 0o644)  # the laptops read it
        _put_in_place(Path(name), target)
    except FileExistsError:
        raise Refused(
            f"{target.name} was written by someone else a moment ago: nothing of yours was "
            "published. Publish again: it is checked against the one now there, and says what "
            "to do"
        ) from None
    except OSError as error:
        raise _not_written(target, data, error) from None
    finally:
        Path(name).unlink(missing_ok=True)


def _not_written(target: Path, data: bytes, error: OSError) -> Refused:
    """A full or read-only folder, said as what to do: "[Errno 30] … .publishing-….partial"
    named a file the lead never made (lead's attack, 2026-12-02)."""
    return Refused(
        f"the update could not be written to {target.parent} ({error.strerror or error}): "
        f"nothing was published; choose a folder you can write to, with {len(data) // 1024 + 1} "
        "KB free"
    )


def _put_in_place(partial: Path, target: Path) -> None:
    """A hard link fails if the name exists (FileExistsError); where the file system has
    none (FAT, some shares), an exclusive create stands in, copied whole before the rename."""
    try:
        os.link(partial, target)
        return
    except FileExistsError:
        raise
    except OSError:  # no hard links here
        pass
    with open(target, "xb"):  # claims the name, or FileExistsError
        pass
    os.replace(partial, target)  # whole; the claim just made is what it replaces
