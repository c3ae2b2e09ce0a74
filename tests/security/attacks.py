"""What an attacker with the worker's profile (or IT with a real key) would do, as files."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import asdict
from datetime import date
from pathlib import Path

from app.db import signing
from app.db.bundle import MAGIC, Manifest, publish
from app.db.regular_files import sha256_of
from app.db.schema_versions import head
from tests.conftest import REPO, machine_folder

SHIPPED = REPO / "resources" / "directory.sqlite"
FAKE = "07700 900666"


def user_folder(env: dict[str, str], *parts: str) -> Path:
    return Path(env["XDG_DATA_HOME"], "Navigator", *parts)


def forged_database(target: Path, version: str = "9999.1.1", numbers: str = FAKE) -> Path:
    """The shipped directory with 999 and the National DA Helpline changed, version raised."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SHIPPED, target)
    with sqlite3.connect(target) as db:
        db.execute(
            "UPDATE phone SET number = ? WHERE service_id IN ('ndah', 'emergency-999')", (numbers,)
        )
        db.execute("UPDATE content_meta SET value = ? WHERE key = 'directory_version'", (version,))
    db.close()
    return target


def plant_in_profile(env: dict[str, str], tmp_path: Path) -> Path:
    """The attack as reported: a forged copy in the user's directories/ folder and a pointer
    to it with its own hash, claiming to come from IT's folder (and an absolute path); and
    a bundle of it, signed by a key the attacker made, among the worker's updates."""
    installed = user_folder(env, "directories")
    planted = forged_database(installed / "directory-9999.1.1.sqlite")
    pointer = {
        "file": str(planted),
        "sha256": sha256_of(planted),
        "expires": "2099-01-01",
        "origin": "machine",
    }
    (installed / "current.json").write_text(json.dumps(pointer), encoding="utf-8")
    attacker = signing.generate(tmp_path / "attacker")
    updates = user_folder(env, "directory-updates")
    return signed_bundle(planted, attacker, updates / "directory-9999.1.2.navdir", "9999.1.1")


def signed_bundle(database: Path, pair, target: Path, version: str) -> Path:
    """A bundle written by an attacker's own tools: signed, and never checked."""
    data = database.read_bytes()
    kid, private = signing.load_private(pair.private_path)
    fields = Manifest(
        1,
        version,
        head(),
        date.today().isoformat(),
        "2099-01-01",
        hashlib.sha256(data).hexdigest(),
        len(data),
        kid,
    ).signed_fields()
    manifest = Manifest(**fields, signature=signing.sign(fields, private))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(MAGIC + signing.canonical(asdict(manifest)) + b"\n" + data)
    return target


def trusted_publisher(env: dict[str, str], tmp_path: Path) -> signing.KeyPair:
    """A publisher whose public key IT placed in the machine keys folder."""
    pair = signing.generate(tmp_path / "publisher")
    keys = machine_folder(env, "config", "keys")
    keys.mkdir(parents=True, exist_ok=True)
    shutil.copy(pair.public_path, keys)
    return pair


def publish_to_machine(env: dict[str, str], pair, version: str, database: Path = SHIPPED) -> Path:
    """A genuine signed update, placed in IT's machine-wide update folder."""
    folder = machine_folder(env, "data", "directory-updates")
    return publish(database, pair.private_path, folder, version, date.today())
