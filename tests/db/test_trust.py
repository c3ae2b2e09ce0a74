"""The keys this computer trusts, and what IT is told of its key files."""

import shutil

from app.db import signing
from app.db.trust import KeySources, misnamed_key_files


def test_a_key_saved_under_another_ending_is_named_only_as_the_refused_updates_key(tmp_path):
    """Saved as "lead.pub.txt" (Windows hides the ending) the lead's key was never read, and
    the self-test said only "signed with unknown key" (update attack, 2026-12-07). Named
    only when it holds the refused update's key, and never as one to trust unasked: "rename
    it" of a former lead's key kept as "old-lead.pub.bak" would trust it again (verifier)."""
    machine, install = tmp_path / "machine", tmp_path / "install"
    install.mkdir()
    lead, former = signing.generate(tmp_path / "lead"), signing.generate(tmp_path / "former")
    machine.mkdir()
    shutil.copy(lead.public_path, machine / "lead.pub.txt")
    shutil.copy(former.public_path, machine / "old-lead.pub.bak")
    (machine / "README.publish.txt").write_text("notes")  # no key: never named
    (machine / "keys.pub.d").mkdir()  # a folder: never named
    sources = KeySources(install=install, machine=machine)
    (said,) = misnamed_key_files(sources, {lead.key_id})
    assert said.startswith(f"key file {machine / 'lead.pub.txt'} holds key {lead.key_id}")
    assert said.endswith(
        "if it is your current lead's key, rename it to end in .pub; if it is a former "
        "lead's, delete it"
    )
    assert misnamed_key_files(sources, set()) == []
    assert misnamed_key_files(KeySources(install=install, machine=tmp_path / "none"), {"x"}) == []


def test_a_key_file_caught_half_written_puts_the_keys_in_doubt(tmp_path):
    """IT's tool copying the lead's key again, caught midway: what a check did not find may
    be there at the next (H587). Whole keys, or no key file at all, are no doubt."""
    from app.db.trust import key_files_half_read

    machine, install = tmp_path / "machine", tmp_path / "install"
    install.mkdir()
    machine.mkdir()
    lead = signing.generate(tmp_path / "lead")
    sources = KeySources(install=install, machine=machine)
    assert not key_files_half_read(sources)
    key = machine / "lead.pub"
    shutil.copy(lead.public_path, key)
    assert not key_files_half_read(sources)
    key.write_bytes(key.read_bytes()[:10])
    assert key_files_half_read(sources)
    key.write_bytes(b"")
    assert key_files_half_read(sources)
