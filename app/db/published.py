"""What is already published, for a new publish to stand above: the output folder, IT's
update folder, the user's installed updates and the lead's ledger, with the keys this
computer trusts. A version at or below one found there, or a working copy older than one,
is refused: each had undone a correction on every laptop (reviews 2026-12-01)."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.bundle import check_signature, claimed_manifest, named_as_bundle
from app.db.checks import Refused, version_key
from app.db.write_whole import write_new
from app.records import record

if TYPE_CHECKING:
    from nacl.signing import VerifyKey


def behind_untrusted(version: str, newest: tuple[str, Path]) -> str:
    """Why a copy older than a bundle signed with a key this computer does not trust waits,
    and the way on: that bundle cannot be installed here."""
    return (
        f"this working copy holds directory {version}, older than {newest[0]} published "
        f"already ({newest[1]}), which is signed with a key this computer does not trust, so it "
        "cannot be installed here. If it was signed with the wrong key by mistake, publish "
        "again from its own working copy (the folder it was published from) with your key, "
        f"as a version higher than {newest[0]}"
    )


def bundles_in(folder: Path) -> list[Path]:
    """The bundles in a folder by name, in any case; none where it cannot be listed (as
    glob had it: a publish is not stopped by a folder it cannot read)."""
    try:
        return sorted(p for p in folder.iterdir() if named_as_bundle(p.name))
    except OSError:
        return []


def newest_published(folder: Path, keys: dict[str, VerifyKey] | None) -> tuple[str, Path] | None:
    """The highest version among the bundles in a folder signed by one of `keys`, with its
    file: an unsigned file claiming 9999.1.1, left by anyone who can write the update share,
    refused every publish (review 2026-12-01). `keys` None: any, as the manifest says."""
    newest = None
    for path in bundles_in(folder):
        manifest = claimed_manifest(path)  # a copy cut short still counts: copied again,
        if manifest is None:  # laptops would take it
            continue
        try:
            if keys is not None:
                check_signature(manifest, keys)
        except Refused:
            continue
        version = manifest.directory_version
        if newest is None or version_key(version) > version_key(newest[0]):
            newest = (version, path)
    return newest


@record
class Published:
    """What this computer can see already published beyond the output folder: IT's update
    folder, the user's installed updates and their ledger, with the keys it trusts (the
    lead's old key too, H116). A second lead laptop started its copy from the shipped
    directory and its publish undid the first correction on every laptop (review
    2026-12-01), so a folder IT's policy names that cannot be read now stops a publish
    (`unreachable` says why)."""

    folders: tuple[Path, ...] = ()
    keys: tuple = ()  # (key id, VerifyKey) pairs
    unreachable: str = ""
    # this user's ledger: a copy of every bundle they publish, whatever folder it went
    # to. A lead's second working copy publishes into its own folder by default, and undid
    # the first one's correction, not yet copied to IT's folder (lead review 2026-12-01)
    ledger: Path | None = None

    def newest(self, out_dir: Path, own: dict[str, VerifyKey]) -> tuple[str, Path] | None:
        """The highest version signed by a trusted key (or `own`) in any of these folders,
        or by any key in the ledger: only this app writes there, for this user, and a bundle
        signed by a new key IT trusted later was undone by one signed with the old key
        (IT review 2026-12-01). A file put there can only stop a publish, naming itself."""
        keys = {**dict(self.keys), **own}
        ledger = [(self.ledger, None)] if self.ledger is not None else []
        return _highest([*((f, keys) for f in (out_dir, *self.folders)), *ledger])

    def untrusted_here(self, path: Path, own: dict[str, VerifyKey] | None = None) -> bool:
        """Whether the bundle at `path` is signed by no key this computer trusts, nor `own`
        (the key signing now): published with a second key by mistake, it stopped every
        later publish, and "install it here" was refused (the lead's walk, 2026-12-07)."""
        manifest = claimed_manifest(path)
        try:
            if manifest is not None:
                check_signature(manifest, {**dict(self.keys), **(own or {})})
        except Refused:
            return True
        return False

    def newest_claimed(self, out_dir: Path) -> str | None:
        """The highest version any bundle here claims, its signature unchecked: only to allow
        its own day to a new version (check_new_version), which relaxes nothing else."""
        places = (out_dir, *self.folders, *filter(None, [self.ledger]))
        newest = _highest([(folder, None) for folder in places])
        return newest[0] if newest else None

    def check_none_newer_unknown(self, out_dir: Path, own: dict[str, VerifyKey]) -> None:
        """A bundle in IT's folders newer than any this computer trusts, signed by a key it
        does not trust, stops a publish: a new lead's first publish, from a laptop set up
        with their key only, undid every correction of the lead before on every laptop,
        with nothing said (IT review 2026-12-01). A file left there by anyone stops a
        publish too, naming itself: IT removes it."""
        keys = {**dict(self.keys), **own}
        newest = self.newest(out_dir, own)
        for folder in (f for f in self.folders if f.is_dir()):
            for path in bundles_in(folder):
                claimed = claimed_manifest(path)
                if claimed is None or claimed.key_id in keys:
                    continue
                if _newer_than(claimed.directory_version, newest):
                    raise _unknown_newer(path, claimed.directory_version, claimed.key_id)

    def keep_record(self, bundle: Path) -> None:
        """A copy in this user's ledger; a ledger that cannot be written stops nothing
        (the bundle is published: the output folder and IT's still count)."""
        if self.ledger is None or bundle.parent == self.ledger:
            return
        with contextlib.suppress(OSError, Refused):
            self.ledger.mkdir(parents=True, exist_ok=True)
            write_new(self.ledger / bundle.name, bundle.read_bytes())

    def not_trusted_here(self, bundle: Path) -> str:
        """'' when this computer trusts the key that signed the bundle; otherwise why laptops
        may refuse it: bundles signed by a key IT had not trusted yet were "published" and
        never arrived, and the lead was not told (lead review 2026-12-01)."""
        manifest = claimed_manifest(bundle)
        if manifest is None or manifest.key_id in dict(self.keys):
            return ""
        return (
            f"This computer does not trust the key that signed it ({manifest.key_id}): "
            "laptops set up like this one will refuse it. IT adds the key's .pub file to "
            "every laptop's trusted keys first."
        )

    def check_not_undone(
        self,
        newest: tuple[str, Path],
        out_dir: Path,
        database: bytes,
        base=None,
        older=False,
        published_by_it="",
        release: bytes | None = None,
    ) -> None:
        """A database that changes back what the newest published update changed is
        refused: one built from old sources, at a higher version, undid a correction on
        every laptop, its changes listed only once signed; so did a working copy begun from
        a release made without that update (attack reviews 2026-12-01). `base`: a working
        copy's starting directory (a service changed from it was changed on purpose).
        `published_by_it`: the sha256 of the database the working copy last published; when
        that is the newest, the refusal says how the lead puts right their own slip (they
        were sent to make the slip again: attack round, H184). It is never let through
        unseen: a spreadsheet pasted back over the copy undid the update with nothing shown
        (attack round on H184); installed first, what it changes is listed against it.
        `release`: the app's own directory, which an import on a laptop with no update
        installed was merged into."""
        from app.db.overtaken import changes_undone, named

        copy = base is not None
        this = "this working copy" if copy else "this database"
        content = self.newest_content(newest, out_dir)
        imported = None if copy else self.imported_into(database, content, out_dir, release)
        if imported is not None:  # where it began is known: read as a working copy's
            base, older = imported, False
        since = imported is not None and imported != content  # updates published since
        undone = changes_undone(content, database, f"{this}'s", base, older, since)
        if not undone:
            return
        listed = named(undone)
        install = f"python -m app directory install {newest[1]}"
        if published_by_it and hashlib.sha256(content).hexdigest() == published_by_it:
            raise Refused(
                f"this working copy published {newest[0]} itself ({newest[1]}), and changes "
                f"back what that changed: {listed}. To put those right, install {newest[0]} "
                f"here first ({install}): this copy then publishes, and what it changes is "
                f"listed against {newest[0]}, for you to check before you sign. Where it is a "
                f"number put right (a slip in {newest[0]}), you may instead ring it and record "
                "that person's check today (Mark checked, or directory check-service), then "
                "publish again"
            )
        check = "a person's check (check-service)" if copy else "a person's check"
        again = "begin a new working copy from it"
        if imported is not None:
            again = "import the feed into it again"
        if base is not None and base == content:  # "install it here" named the one in use
            raise Refused(
                f"{this}, begun from {newest[0]}, changes back what that update "
                f"held: {listed}. Where this one's is right, record what shows it: {check} "
                f"made on or after {newest[0]}'s day, or the day its source was seen; "
                "otherwise put those back as the update had them"
            )
        raise Refused(
            f"{this} changes back what {newest[0]}, published already "
            f"({newest[1]}), changed: {listed}"
            + ". Publishing it would undo those on every laptop: make those changes in it "
            f"again (directory diff of {newest[1].name} and the directory in use lists "
            f"them), or install that update here ({install}) and {again}. Where this "
            f"one's is the newer, record what shows it: {check}, or the day its source was "
            f"seen, after {newest[0]}"
            + (
                f" (this database is stamped as an older directory: if it is the file you "
                f"published as {newest[0]}, what is listed may be your own edits since; a "
                "database keeps no record of them, a working copy does)"
                if older
                else ""
            )
        )

    def imported_into(
        self, database: bytes, newest: bytes, out_dir: Path, release: bytes | None = None
    ) -> bytes | None:
        """The published directory an `import --merge` read its feed into (app.db.transfer),
        found by its own sha256: the newest's, the app's own (`release`), or an older
        update's in these folders whose manifest names it (a manifest cannot name another
        database and hold it whole). Merged into the app's own directory, with the lead's
        newer update not yet installed there, the feed's new line was refused as one that
        update "removed" (own attack on H418's note, 2026-12-05)."""
        from app.db.bundle import read_bundle_file, whole_bundle
        from app.db.stale_update import imported_onto

        began = imported_onto(database)
        if not began:
            return None
        for known in (newest, release):
            if known is not None and hashlib.sha256(known).hexdigest() == began:
                return known
        for path in self.places(out_dir):
            claimed = claimed_manifest(path)
            if claimed is not None and claimed.sha256 == began:
                with contextlib.suppress(Refused):
                    return whole_bundle(read_bundle_file(path))[1]
        return None

    def places(self, out_dir: Path, first: Path | None = None) -> list[Path]:
        """Every bundle in the output folder, IT's folders and the ledger (`first` first)."""
        folders = (out_dir, *self.folders, *filter(None, [self.ledger]))
        found = [p for folder in folders if folder.is_dir() for p in bundles_in(folder)]
        return [first, *(p for p in found if p != first)] if first else found

    def newest_content(self, newest: tuple[str, Path], out_dir: Path) -> bytes:
        """The newest published bundle's database, whole: its own file, or another copy of
        that version in these folders. A copy cut short let a publish skip the check above
        (attack review); with no whole copy, nothing is published. Another copy counts only
        when it holds the database the newest's signed manifest names: an unsigned decoy of
        that version in the share, its manifest naming its own database, was read as the
        update published, and the refusal told the lead to copy its numbers (H335). One
        whose database is no directory (a file in the ledger, whose signature is not asked
        for) stopped an import and a publish with "unexpected problem (DatabaseError)"."""
        from app.db.bundle import read_bundle_file, whole_bundle

        version = newest[0]
        signed = claimed_manifest(newest[1])
        why = "copied in part, or changed?"
        for path in self.places(out_dir, first=newest[1]):
            claimed = claimed_manifest(path)
            if claimed is None or claimed.directory_version != version:
                continue
            if signed is None or claimed.sha256 != signed.sha256:
                continue
            try:
                database = whole_bundle(read_bundle_file(path))[1]
            except Refused:
                continue
            if not (unreadable := _unreadable(database)):
                return database
            why = unreadable
        # "or remove it": a lead who did so, the file cut short by someone who can write the
        # share, published an update that undid it on every laptop (re-attack, H335)
        raise Refused(
            f"{newest[1]}, directory {version} published already, cannot be read whole ({why}): "
            "copy it there again whole from the computer that published "
            "it, before publishing. Do not remove it: laptops have it, and an update made "
            "without it would undo its changes on every one"
        )

    def check_reachable(self) -> None:
        if self.unreachable:
            raise Refused(
                f"{self.unreachable}: a directory published there since this copy began "
                "would be undone by this one on every laptop. Publish when it can be reached"
            )


def _highest(places: list[tuple[Path, dict | None]]) -> tuple[str, Path] | None:
    """The highest version among the folders' bundles, each folder with the keys that
    count there (None: any, as the manifest says)."""
    found = (newest_published(folder, keys) for folder, keys in places if folder.is_dir())
    return max(filter(None, found), key=lambda f: version_key(f[0]), default=None)


def _newer_than(version: str, newest: tuple[str, Path] | None) -> bool:
    try:
        return newest is None or version_key(version) > version_key(newest[0])
    except Refused:  # a version that is no version: never newer
        return False


def _unknown_newer(path: Path, version: str, key_id: str) -> Refused:
    return Refused(
        f"{path} holds directory {version}, newer than any this computer trusts, signed by a "
        f"key it does not trust ({key_id}): publishing now would undo its changes on every "
        "laptop that has it. If it is the previous lead's, IT adds that key's .pub file to "
        "this computer's trusted keys, and you begin a working copy from it (IT's guide: "
        "handing over); if no one here made it, IT removes the file"
    )


def _unreadable(database: bytes) -> str:
    """Why a bundle's database cannot be read as a directory, as the check of what it
    changes back reads it ("" when it can): its version and services, whatever its schema
    (an update of an older release must still be compared, never refused as unreadable)."""
    import sqlite3

    from app.db.loader import DirectoryError, open_directory, read_services

    try:
        db = open_directory(database)
    except DirectoryError as error:
        return str(error)
    try:
        db.execute("SELECT value FROM content_meta WHERE key = 'directory_version'").fetchone()
        read_services(db)
    except (sqlite3.Error, KeyError, TypeError, ValueError, IndexError) as error:
        return f"not a readable directory database ({error})"
    finally:
        db.close()
    return ""
