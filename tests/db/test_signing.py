"""The lead's signing keys: each file named for what it is when given in its place."""

import pytest

from app.db import signing


def test_the_public_key_given_to_sign_names_the_private_key_beside_it(tmp_path):
    """Choosing the .pub said "is not a private key made by `directory keygen`
    ('private_key')": an internal word, and no way on (the lead's and IT's walk, 2026-12-02)."""
    pair = signing.generate(tmp_path)
    with pytest.raises(signing.KeyFileError) as refused:
        signing.load_private(pair.public_path)
    said = str(refused.value)
    assert "is the public key" in said and pair.private_path.name in said
    assert "'private_key'" not in said
    assert signing.load_private(pair.private_path)[0] == pair.key_id


def test_a_key_file_named_in_capitals_is_trusted(tmp_path):
    """IT's "LEAD.PUB" was never read: every update was refused as signed with an unknown
    key (re-attack round, 2026-12-02)."""
    pair = signing.generate(tmp_path / "made")
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    (trusted / "LEAD.PUB").write_bytes(pair.public_path.read_bytes())
    assert list(signing.load_public_keys(trusted)) == [pair.key_id]


def test_a_signature_is_held_only_as_it_was_written():
    """The last base64 character's unused bits gave one signature sixteen spellings, each
    held: copies of a manifest spelt so defeated the start's one check per manifest, and
    20,000 cost every start seconds again (re-attack, 2026-12-04; H337)."""
    import base64

    from nacl.signing import SigningKey

    private = SigningKey.generate()
    fields = {"directory_version": "2026.12.1"}
    written = signing.sign(fields, private)
    assert signing.signature_holds(fields, written, private.verify_key)
    body = written.rstrip("=")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    respelt = [
        spelt
        for c in alphabet
        if (spelt := body[:-1] + c + written[len(body) :]) != written
        and base64.b64decode(spelt) == base64.b64decode(written)
    ]
    assert len(respelt) == 15  # the same bytes, written another way
    assert not any(signing.signature_holds(fields, s, private.verify_key) for s in respelt)
