"""Ed25519 keys and signatures (PyNaCl) for directory update manifests.

A lead's private key file is protected by a passphrase: the key is sealed with PyNaCl's
SecretBox under a key derived by Argon2id (`nacl.pwhash`), so a copied file signs nothing
without the passphrase. Files made without one (by CI scripts) stay readable.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.machine import encoding_of
from app.records import record

if TYPE_CHECKING:  # PyNaCl loads inside the functions: only when a key is used
    from nacl.signing import SigningKey, VerifyKey

PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".private-key"


class KeyFileError(ValueError):
    """A key file that cannot be read; the message says which and why."""


class PassphraseNeeded(KeyFileError):
    """The key file is protected: ask for its passphrase."""


MIN_PASSPHRASE = 10  # characters


@record
class KeyPair:
    key_id: str
    private_path: Path
    public_path: Path


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def canonical(fields: dict[str, Any]) -> bytes:
    """The exact bytes that are signed: sorted keys, no spaces, ASCII only."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def generate(folder: Path, passphrase: str | None = None) -> KeyPair:
    """A new key pair; the private key file is readable by its owner only, and sealed
    with `passphrase` when one is given."""
    from nacl.signing import SigningKey

    if passphrase is not None and len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    folder.mkdir(parents=True, exist_ok=True)
    signing = SigningKey.generate()
    public = bytes(signing.verify_key)
    kid = key_id(public)
    private_path = folder / f"directory-{kid}{PRIVATE_SUFFIX}"
    public_path = folder / f"directory-{kid}{PUBLIC_SUFFIX}"
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"key_id": kid, **_private_fields(bytes(signing), passphrase)}, handle)
    public_path.write_text(
        json.dumps({"key_id": kid, "public_key": base64.b64encode(public).decode()}),
        encoding="utf-8",
    )
    return KeyPair(kid, private_path, public_path)


def load_private(path: Path, passphrase: str | None = None) -> tuple[str, SigningKey]:
    from nacl.exceptions import CryptoError
    from nacl.signing import SigningKey

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "public_key" in data:  # "('private_key')" said nothing
            mine = path.with_name(path.name.removesuffix(PUBLIC_SUFFIX) + PRIVATE_SUFFIX)
            raise KeyFileError(
                f"{path} is the public key (the one IT trusts): sign with its private key, "
                f"{mine.name}, made with it by `directory keygen`"
            )
        sealed = "sealed_private_key" in data
        if sealed and passphrase is None:
            raise PassphraseNeeded(f"{path.name} is protected by a passphrase: give it to sign")
        seed = _unseal(data, passphrase) if sealed else base64.b64decode(data["private_key"])
        signing = SigningKey(seed)
    except KeyFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, CryptoError) as error:
        raise KeyFileError(
            f"{path} is not a private key made by `directory keygen` ({error})"
        ) from None
    return key_id(bytes(signing.verify_key)), signing


def _private_fields(seed: bytes, passphrase: str | None) -> dict[str, Any]:
    if passphrase is None:
        return {"private_key": base64.b64encode(seed).decode()}
    from nacl import pwhash, secret, utils

    salt = utils.random(pwhash.argon2id.SALTBYTES)
    ops, mem = pwhash.argon2id.OPSLIMIT_MODERATE, pwhash.argon2id.MEMLIMIT_MODERATE
    box = secret.SecretBox(_derive(passphrase, salt, ops, mem))
    return {
        "kdf": "argon2id",
        "salt": base64.b64encode(salt).decode(),
        "opslimit": ops,
        "memlimit": mem,
        "sealed_private_key": base64.b64encode(box.encrypt(seed)).decode(),
    }


def _derive(passphrase: str, salt: bytes, ops: int, mem: int) -> bytes:
    from nacl import pwhash, secret

    return pwhash.argon2id.kdf(
        secret.SecretBox.KEY_SIZE, passphrase.encode(), salt, opslimit=ops, memlimit=mem
    )


def _unseal(data: dict[str, Any], passphrase: str) -> bytes:
    from nacl import secret
    from nacl.exceptions import CryptoError

    if data.get("kdf") != "argon2id":
        raise KeyFileError(f"unknown key protection {data.get('kdf')!r}")
    salt, ops, mem = base64.b64decode(data["salt"]), int(data["opslimit"]), int(data["memlimit"])
    if not (0 < ops <= 16 and 0 < mem <= 1 << 30):  # an edited file must not exhaust memory
        raise KeyFileError("the key file's protection settings are out of range")
    box = secret.SecretBox(_derive(passphrase, salt, ops, mem))
    try:
        return box.decrypt(base64.b64decode(data["sealed_private_key"]))
    except CryptoError:
        raise KeyFileError(  # and what then: no next step was said (the lead's walk, 12-04)
            "wrong passphrase: nothing was signed. Try again (it is case-sensitive); if it is "
            "lost, make a new key (directory keygen) and ask IT to trust its .pub file on "
            "every laptop before you publish with it"
        ) from None


def load_public_keys(folder: Path) -> dict[str, VerifyKey]:
    """Trusted public keys by key id; unreadable files are skipped (they trust nothing)."""
    return {kid: key for kid, key in public_key_files(folder).values()}


def key_file_paths(folder: Path) -> list[Path]:
    """The public key files' paths in a folder, in any case: IT's "LEAD.PUB" was never
    trusted, and every update was refused as signed with an unknown key (re-attack round,
    2026-12-02; as bundles, H251). OSError when the folder cannot be listed."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        return sorted(Path(e.path) for e in entries if e.name.lower().endswith(PUBLIC_SUFFIX))


def private_key_left(folder: Path, names: list[str], by_content: bool = False) -> list[str]:
    """IT told of a lead's private key among the files `names` in `folder`, a folder every
    account on a laptop can read: copied there with its .pub, it passed the self-test, open
    to guessing its passphrase offline (attack, 2026-12-07). By its name ("….private-key -
    Copy" too), or, `by_content` (a keys folder, a few small files), by what it holds
    ("lead.txt": re-attack)."""
    return [
        f"{folder / name} is the lead's private key, which signs updates, in a folder other "
        "accounts may read: IT deletes it here (the lead keeps it), leaving only the .pub"
        for name in sorted(names)
        if PRIVATE_SUFFIX in name.lower() or (by_content and _holds_private_key(folder / name))
    ]


def _holds_private_key(path: Path) -> bool:
    if path.name.lower().endswith(PUBLIC_SUFFIX):
        return False
    try:
        if path.stat().st_size > 64 * 1024:
            return False
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and bool({"sealed_private_key", "private_key"} & data.keys())


def public_key_files(folder: Path) -> dict[Path, tuple[str, VerifyKey]]:
    """Each readable public key file in folder, with its key id and key."""
    found = {}
    # A folder or key file this account cannot read raises OSError, and the caller says
    # the trusted keys cannot be read: trusting nothing from it set the worker's updates
    # aside for a passing fault, and glob and a skipped file had been silent, so IT read
    # "signed with unknown key" of their own publisher's bundle (reviews 2026-12-01).
    for path in key_file_paths(folder):
        if not path.is_file():  # a pipe too: it held every start (re-attack, H338)
            # a link to nothing, or round in a loop, is no passing fault: it made every key
            # unread, and every laptop went back to the app's own directory (re-attack,
            # H338), as a folder named "old-keys.pub" did; named by app.db.trust.key_file_problems
            continue
        key = public_key_in(path.read_bytes())  # OSError: unreadable, said by the caller
        if key is not None:  # else not a public key (a private key, a note): never trusted
            found[path] = key
    return found


def public_key_in(data: bytes) -> tuple[str, VerifyKey] | None:
    """The key id and key a public key file holds, or None. UTF-8 with a BOM, or UTF-16, as
    Windows writes a file saved again: the lead's key so saved was never trusted, and a copy
    in UTF-16 beside it stopped every start with a UnicodeDecodeError (re-attack, H338)."""
    from nacl.exceptions import CryptoError
    from nacl.signing import VerifyKey

    try:
        text = data.decode(encoding_of(data))
        public = base64.b64decode(json.loads(text)["public_key"])
        return key_id(public), VerifyKey(public)
    except (ValueError, KeyError, TypeError, CryptoError, RecursionError):  # a Unicode error too
        return None


def sign(fields: dict[str, Any], signing: SigningKey) -> str:
    return base64.b64encode(signing.sign(canonical(fields)).signature).decode()


def signature_holds(fields: dict[str, Any], signature: str, key: VerifyKey) -> bool:
    from nacl.exceptions import BadSignatureError

    try:
        raw = base64.b64decode(signature, validate=True)
        # one signature spelt sixteen ways (its last character's unused bits) let copies of
        # one manifest pass as many, each checked again at every start (re-attack, H337)
        if base64.b64encode(raw).decode() != signature:
            return False
        key.verify(canonical(fields), raw)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True
