"""The keys this computer trusts, and what IT is told of its key files."""

from app.db.trust import KeySources, misnamed_key_files


def test_a_key_saved_with_an_ending_after_pub_is_named_with_its_right_name(tmp_path):
    """Saved as "lead.pub.txt" (Windows hides the ending) the lead's key was never read,
    and the self-test said only "signed with unknown key" (update attack, 2026-12-07)."""
    machine, install = tmp_path / "machine", tmp_path / "install"
    machine.mkdir()
    install.mkdir()
    (machine / "lead.pub.txt").write_text("{}")
    (machine / "README.txt").write_text("notes")  # nothing to do with keys: not named
    (said,) = misnamed_key_files(KeySources(install=install, machine=machine))
    assert said == (
        f"key file {machine / 'lead.pub.txt'} is not read: only files whose names end in .pub "
        "are; if it is the lead's key, rename it lead.pub (Windows may hide an ending such "
        "as .txt)"
    )
    assert misnamed_key_files(KeySources(install=install, machine=tmp_path / "none")) == []
