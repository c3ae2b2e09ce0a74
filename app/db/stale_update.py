"""What a newer update changes back of an older one it was made without: for IT.

Two leads, or one lead on two laptops: the second working copy began from the app's own
directory, not from the first lead's update 2026.12.2, and its update 2026.12.5 put the
old number back on every laptop; publish, IT's `directory verify` and the self-test said
nothing (the lead's and IT's walk, 2026-12-02). Both updates are read against the app's own
directory, the one they began from: a service the older update changed that the newer
holds as that directory does is changed back, unless the newer holds newer evidence (a
person's check after it, app.db.overtaken). An update made from the older one (its working
copy held that very database, as the update records: `databases_held`) keeps its changes
and is never named: what it changes of the older one is its own edit.

Read when IT asks (`directory verify`, the self-test), never at a worker's start: it reads
two updates whole.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date
from hashlib import sha256
from pathlib import Path

from app.db.bundle import SUFFIX, claimed_manifest, read_bundle, read_signed_manifest
from app.db.checks import Refused, check_database, version_key
from app.db.directories import TRIES_IN_SHARE, Locations, Selection
from app.db.overtaken import changes_undone, contacts, named
from app.db.publish_versions import version_above
from app.db.regular_files import read_regular_file
from app.db.shipped_check import MAX_SHIPPED_BYTES
from app.db.stale_line import line_begun_before_the_release, line_held
from app.db.trust import load_trusted_keys
from app.db.update_folders import bundle_files
from app.db.used_here import used_here


def older_update(
    where: Locations, keys: dict, below: str, other_than: bytes = b""
) -> tuple[str, Path, bytes] | None:
    """The newest update signed by `keys`, whole, of version `below` with other contents
    than `other_than` (two leads publishing the same day sign one version: the second,
    copied over the first, replaced it on every laptop, re-attack round 2026-12-02) or
    below it, in IT's folder and this user's (the copies kept of IT's among them):
    (version, file, database)."""
    found = []
    for folder in (where.machine_updates, where.user_updates):
        with contextlib.suppress(OSError):  # a folder out of reach: said at every start
            found += bundle_files(folder, worker_own=folder == where.user_updates)
    claimed = [(claimed_manifest(path), path) for path in found]
    below_key = version_key(below)
    versions = [
        (
            version_key(m.directory_version),
            path.name == f"directory-{m.directory_version}{SUFFIX}",
            m.directory_version,
            path,
        )
        for m, path in claimed
        if m is not None and _version_at_most(m.directory_version, below_key)
    ]
    # each read whole only once its head's signature holds, and one database once: 20,000
    # copies of a manifest in IT's folder were each read whole, and the self-test took a
    # minute (attack, H337); the publisher's own name first, as at a start
    tries: dict[str, int] = {}  # a database: whole reads made of it (read once is enough)
    for *_, version, path in sorted(versions, reverse=True):
        # one this app cannot read is passed over, never stopping the reading (H448)
        with contextlib.suppress(Refused, OSError, ValueError, LookupError, sqlite3.Error):
            signed = read_signed_manifest(path, keys).sha256
            if tries.get(signed, 0) >= TRIES_IN_SHARE:
                continue
            tries[signed] = tries.get(signed, 0) + 1
            manifest, database = read_bundle(path, keys)
            tries[signed] = TRIES_IN_SHARE
            # one this app cannot read (an older schema, a lead on an old release) is passed
            # over: read, it stopped every start with an IndexError (third look, H448)
            contacts(database)
            if manifest.directory_version == version and database != other_than:
                return version, path, database
    return None


def _version_at_most(version: str, below_key) -> bool:
    try:
        return version_key(version) <= below_key
    except Refused:  # no version at all: refused at every start already
        return False


def changed_back(newer: bytes, newer_version: str, where: Locations, keys: dict) -> str:
    """'' or, in words for IT, what the update `newer` changes back of the newest older
    update here made after the app's own directory."""
    try:
        shipped = read_regular_file(where.shipped, MAX_SHIPPED_BYTES)
        shipped_version, _ = check_database(shipped, validate_graph=False)
    except (Refused, OSError):
        return ""  # the app's own directory is said at every start
    if said := _begun_before_the_release(
        newer, newer_version, shipped, shipped_version, where, keys
    ):
        return said
    if said := line_begun_before_the_release(newer, newer_version, shipped, shipped_version):
        return said  # a later link of a line begun before it (H450 R6)
    older = older_update(where, keys, newer_version, newer)
    if older is None or version_key(older[0]) <= version_key(shipped_version):
        return ""  # none, or the app's own overtook it (app.db.overtaken says what of it)
    version, path, database = older
    if version != newer_version and made_from(newer, sha256(database).hexdigest()):
        # made from that very update: what it changes of it is its own edit (a slip in
        # 2026.12.1 put right in 2026.12.2, begun from it, was refused, and IT told to put
        # the slip back: attack round, H232). By content, not version: a copy whose own
        # update IT had refused claimed a later version and went through (H241); every
        # database the copy held, not its last: one withdrawn hid the one IT took (H243)
        return ""
    base = _began_from_here(newer, where, keys) or shipped
    # two of one version: "this one's", or both read "2026.12.5.2's" (the lead's walk)
    label = "this one's" if version == newer_version else f"{newer_version}'s"
    undone = changes_undone(database, newer, label, base=base)
    listed = named(undone)
    if version == newer_version:  # whatever it changes: laptops that have one keep it
        # a version publish takes: "2026.12.5.2.2" was refused (the lead's walk, 12-04)
        higher = version_above(version, date.today())
        return (
            f"version {version} is here already with other contents ({path}): two leads "
            "published one version, and laptops that have the other never take this one"
            + (f"; this one changes back {listed}" if undone else "")
            + f". The lead publishes a higher version (e.g. {higher}) from a working copy "
            "begun from the one IT keeps, with the other one's changes made again"
        )
    if not undone:
        return ""
    return (
        f"the update {newer_version} changes back what the older update {version} ({path}) "
        f"changed ({listed}): it was made without {version}, from a working copy begun "
        f"before it. The directory lead, with {newer_version} in use on their laptop (from "
        f"IT's folder, or `directory install` of its file), makes those changes again "
        f"in a new working copy begun from it (directory diff of the two updates lists "
        f"them) and publishes. Until then laptops use {newer_version} as it is; removed from "
        f"IT's folder, it is set aside on laptops at their next check, and they use the "
        f"newest update still there. If "
        f"{newer_version} changed them on purpose, it records what shows it is newer: a "
        f"person's check later than the one {version} holds"
    )


LINKS_READ = 5  # updates made one from another, only in the worker's folder, read in turn


def changes_back_here(
    data: bytes, version: str, where: Locations, keys, is_its
) -> tuple[str, list[str]]:
    """What a bundle in the worker's folder, not in IT's, changes back of an older update
    here (or of the app's own directory), and the sha256 of each update made before it
    read whole and passed. Install refused such a bundle, but the same file copied into
    the folder was used at the next start, the lead's correction undone, and the worker
    told nothing (attack, 2026-12-05; H444). Read only for such a bundle: the one IT placed
    IT's verify read."""
    passed: list[str] = []
    try:
        return changed_back_along(data, version, where, keys, is_its, passed), passed
    except Exception:  # one update this app cannot read never stops a start
        return "", []  # and the bundle is used, as before this rule (IT's verify names it)


def changed_back_along(
    newer: bytes, version: str, where: Locations, keys: dict, is_its, passed: list[str]
) -> str:
    """`changed_back`, and for an update made from the update before it here, when `is_its`
    (version, database) says IT's folder does not hold that one, that one's, in turn. Two
    stale updates copied into a worker's folder together, the second made from the first,
    were used: the first was never read against the correction below it (re-attack on
    H444, 2026-12-05; H449). A link whose own working copy began from an update no longer
    here (the worker's folder keeps two) is not read if this laptop used it: what it changed
    of that one cannot be told from a change back (a slip put right read as one: third look,
    2026-12-05). One it never used is read: a mistaken lead's stale chain, its first link
    dropped, passed (fourth look, 2026-12-05; H450). `passed`: each link read and passed
    (recorded when the update is used: one read whole, never used, was set aside at the
    next start, its first link pruned: attack on H450). More
    links than a laptop's own ever holds (it keeps two) are not used: seven stale updates
    copied in together passed, the fifth link read never reaching the first (fourth look)."""
    said = changed_back(newer, version, where, keys)
    for link in range(LINKS_READ + 1):
        older = None if said else older_update(where, keys, version, newer)
        if older is None or older[0] == version or is_its(older[0], older[2]):
            return said
        if not made_from(newer, sha256(older[2]).hexdigest()):
            return said  # not made from it: read above as an update made without it
        if link == LINKS_READ:
            return (
                f"it was made from more than {LINKS_READ} updates in turn that IT's folder does "
                "not hold; a lead's own laptop keeps two: IT runs `directory verify` on it"
            )
        version, newer = older[0], older[2]
        if _own_link_begun_elsewhere(newer, version, where, keys):
            return ""
        if said := changed_back(newer, version, where, keys):
            return f"it was made from {version}, an update IT's folder does not hold, and {said}"
        passed.append(sha256(newer).hexdigest())
    return said


def _own_link_begun_elsewhere(link: bytes, version: str, where: Locations, keys: dict) -> bool:
    """A link begun from an update neither here nor the release, that this laptop used or
    read whole with the update it is read against now, and this release, here (H450):
    this laptop's own chain, its first link gone."""
    began = begun_from(link)
    release, release_sha = _release(where)
    seen = used_here(where.user_updates).get(sha256(link).hexdigest())
    if not began or began == release or seen is None or release_sha not in seen:
        return False
    older = older_update(where, keys, version, link)
    if older is not None and sha256(older[2]).hexdigest() not in seen:
        return False  # a correction came since: a chain used before it kept the old number
    return not _began_from_here(link, where, keys)


def _release(where: Locations) -> tuple[str, str]:
    """The app's own directory: its version and sha256 ('' each when it cannot be read)."""
    try:
        shipped = read_regular_file(where.shipped, MAX_SHIPPED_BYTES)
        return check_database(shipped, validate_graph=False)[0], sha256(shipped).hexdigest()
    except (Refused, OSError):
        return "", ""


def _began_from_here(newer: bytes, where: Locations, keys: dict) -> bytes | None:
    """The database the update's working copy began from, when an update here is that very
    database (by content): what the update changes of it is its own edit, and nothing else
    is. Read against the app's own directory instead, a second lead's copy begun from an
    update 2026.12.4 put back 2026.12.4.2's correction unsaid: the value it held was no
    longer the app's, so it read as an edit (the lead's walk, 2026-12-04; H369)."""
    began, held = begun_from(newer), databases_held(newer)
    start = older_update(where, keys, began) if began and held else None
    if start is None or start[0] != began or sha256(start[2]).hexdigest() not in held:
        return None
    return start[2]


def _begun_before_the_release(
    newer: bytes, version: str, shipped: bytes, release: str, where: Locations, keys: dict
) -> str:
    """An update begun from a directory older than the app's own, published after it: a
    release held update A's correction, and update B, begun before A, put the old number
    back unsaid (re-attack round, 2026-12-02). Only an update that records where it began
    (from this app on) is read so: against the release, its own edits told by the update
    it began from when that is here (B made from A named its own edit as "changed back":
    second re-attack round), else against the release whole."""
    began = begun_from(newer)
    if not began or not version_key(began) < version_key(release) < version_key(version):
        return ""
    base = older_update(where, keys, began)
    base_data = base[2] if base is not None and base[0] == began else None
    undone = changes_undone(shipped, newer, f"{version}'s", base=base_data)
    if not undone:
        return ""
    listed = named(undone)
    return (
        f"the update {version} was begun from directory {began}, before this app's own "
        f"directory {release}, and changes back what that holds ({listed}). The directory lead "
        f"installs this app version on their laptop, begins a new working copy from its "
        f"directory {release}, makes {version}'s changes again and publishes"
    )


def begun_from(database: bytes) -> str:
    """The version of the directory an update's working copy began from ("" if none)."""
    began = meta_value(database, "begun_from")
    try:
        return began if began and version_key(began) else ""
    except Refused:  # no version: nothing can be said of it
        return ""


def databases_held(database: bytes) -> list[str]:
    """The sha256 of each database an update's working copy held: where it began, and each
    it signed since (none from a database published as it is)."""
    return meta_value(database, "begun_from_sha256").split()


def made_from(database: bytes, sha: str) -> bool:
    """The update's line of working copies held the database `sha256` before it was made
    (its own copy, or one before it: app.db.stale_line)."""
    return sha in databases_held(database) or sha in line_held(database)


def imported_onto(database: bytes) -> str:
    """The sha256 of the directory an `import --merge` read a feed into ("" if none): the
    first of a chain of imports (app.db.transfer). Never signed into an update."""
    return meta_value(database, "imported_onto_sha256")


def meta_value(database: bytes, key: str) -> str:
    from app.db.loader import open_directory

    db = open_directory(database)
    try:
        row = db.execute("SELECT value FROM content_meta WHERE key = ?", (key,)).fetchone()
    finally:
        db.close()
    return str(row[0]) if row else ""


def in_use_changes_back(choice: Selection, where: Locations) -> str:
    """The self-test's question: does the update in use change back an older one here?"""
    if choice.origin in ("shipped", "unverified") or choice.data is None:
        return ""
    try:
        keys, _ = load_trusted_keys(where.keys)
    except OSError:
        return ""  # said at every start: no update was checked
    return changed_back(choice.data, choice.version, where, keys)
