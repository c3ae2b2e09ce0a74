"""Ed25519 keys and signatures (PyNaCl) for directory update manifests."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyNaCl loads inside the functions: only when a key is used
    from nacl.signing import SigningKey, VerifyKey

PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".private-key"


class KeyFileError(ValueError):
    """A key file that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class KeyPair:
    key_id: str
    private_path: Path
    public_path: Path


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def canonical(fields: dict[str, Any]) -> bytes:
    """The exact bytes that are signed: sorted keys, no spaces, ASCII only."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def generate(folder: Path) -> KeyPair:
    """A new key pair; the private key file is readable by its owner only."""
    from nacl.signing import SigningKey

    folder.mkdir(parents=True, exist_ok=True)
    signing = SigningKey.generate()
    public = bytes(signing.verify_key)
    kid = key_id(public)
    private_path = folder / f"directory-{kid}{PRIVATE_SUFFIX}"
    public_path = folder / f"directory-{kid}{PUBLIC_SUFFIX}"
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"key_id": kid, "private_key": base64.b64encode(bytes(signing)).decode()}, handle)
    public_path.write_text(
        json.dumps({"key_id": kid, "public_key": base64.b64encode(public).decode()}),
        encoding="utf-8",
    )
    return KeyPair(kid, private_path, public_path)


def load_private(path: Path) -> tuple[str, SigningKey]:
    from nacl.exceptions import CryptoError
    from nacl.signing import SigningKey

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        signing = SigningKey(base64.b64decode(data["private_key"]))
    except (OSError, ValueError, KeyError, TypeError, CryptoError) as error:
        raise KeyFileError(
            f"{path} is not a private key made by `directory keygen` ({error})"
        ) from None
    return key_id(bytes(signing.verify_key)), signing


def load_public_keys(folder: Path) -> dict[str, VerifyKey]:
    """Trusted public keys by key id; unreadable files are skipped (they trust nothing)."""
    return {kid: key for kid, key in public_key_files(folder).values()}


def public_key_files(folder: Path) -> dict[Path, tuple[str, VerifyKey]]:
    """Each readable public key file in folder, with its key id and key."""
    from nacl.exceptions import CryptoError
    from nacl.signing import VerifyKey

    found = {}
    for path in sorted(folder.glob(f"*{PUBLIC_SUFFIX}")) if folder.is_dir() else []:
        try:
            public = base64.b64decode(json.loads(path.read_text(encoding="utf-8"))["public_key"])
            found[path] = (key_id(public), VerifyKey(public))
        except (OSError, ValueError, KeyError, TypeError, CryptoError):
            continue
    return found


def sign(fields: dict[str, Any], signing: SigningKey) -> str:
    return base64.b64encode(signing.sign(canonical(fields)).signature).decode()


def signature_holds(fields: dict[str, Any], signature: str, key: VerifyKey) -> bool:
    from nacl.exceptions import BadSignatureError

    try:
        key.verify(canonical(fields), base64.b64decode(signature, validate=True))
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True
