"""Machine policy: what IT fixes for every user (no Qt).

Read from HKLM\\SOFTWARE\\Policies\\Navigator on Windows and from policy.json in the machine
folder everywhere (app/machine.py; the registry wins where both set a value).
Precedence: policy > the worker's settings > defaults; a value set by policy is locked.

Pathway thresholds may only move towards more protection: a policy can make escalation to
MARAC or the SARC offer more likely, never less (the national criteria are the limit).
Every bad value is named with what is allowed, and ignored; the rest of the policy applies.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from app.machine import encoding_of, others_could_change
from app.pathways.setting_limits import SETTING_LIMITS
from app.records import record
from app.settings import CHECKS as USER_CHECKS

REGISTRY_KEY = r"SOFTWARE\Policies\Navigator"
UNREAD_REGISTRY = f"policy registry key HKLM\\{REGISTRY_KEY}"
FILE_NAME = "policy.json"

# (lowest, highest, why) for each pathway setting a policy may set
POLICY_SETTINGS = ("escalation_incidents", "escalation_period_months")
POLICY_SETTINGS += ("sarc_urgent_days", "sarc_window_days")
PATHWAY_LIMITS = {key: SETTING_LIMITS[key] for key in POLICY_SETTINGS}
USER_KEYS = ("organisation", "default_borough", "tier", "inactivity_minutes", "record_activity")
# Machine-only switches: not settings a worker has, so never shown or saved as theirs.
SWITCHES = {
    "allow_exports": "true or false: the worker may save a PDF, export counts or copy a summary",
    "allow_directory_maintenance": "true or false: Settings offers the directory maintenance "
    "window (for the domestic abuse lead's laptop; off by default)",
    "allow_practice": "true or false: the Practice tab is offered (on by default)",
}
TRUST_KEYS = ("directory_update_folder", "trusted_keys")  # which directories are trusted
OTHER_KEYS = (*TRUST_KEYS, *SWITCHES)
ALL_KEYS = (*USER_KEYS, *PATHWAY_LIMITS, *OTHER_KEYS)


@record
class MachinePolicy:
    user: dict[str, Any] = field(default_factory=dict)  # UserSettings fields, locked
    pathway: dict[str, int] = field(default_factory=dict)  # graph Settings overrides
    update_folder: Path | None = None
    trusted_keys: tuple[str, ...] = ()  # base64 public keys of directory publishers
    allow_exports: bool = True
    allow_directory_maintenance: bool = False
    allow_practice: bool = True
    problems: tuple[str, ...] = ()
    from_registry: tuple[str, ...] = ()  # the names IT set there: gone for a moment in a refresh

    @property
    def unread(self) -> list[str]:
        """The problems of the file itself (unreadable, not JSON), not of a value ignored:
        its folder and keys are then unknown, not withdrawn."""
        return [p for p in self.problems if p.startswith(("policy file ", UNREAD_REGISTRY))]


def known_key(name: Any, exact_case: bool = False) -> str | None:
    """The policy key `name` means, written with another case, spaces round it, or hyphens
    or spaces for underscores ("Directory_Update_Folder"): ignored as unknown, new laptops
    never looked in IT's update folder and the worker was told nothing (attack,
    2026-12-07). `exact_case`: only the case may differ (a registry name: Windows reads
    them without case)."""
    if not isinstance(name, str):
        return None
    plain = name.lower()
    if not exact_case:  # and a zero-width space, soft hyphen or BOM pasted from a document
        plain = "".join(c for c in plain if unicodedata.category(c) != "Cf")
        plain = plain.strip().replace("-", "_").replace(" ", "_")
    return next((key for key in ALL_KEYS if key == plain), None)


def a_folder_name(value: str) -> bool:
    """Whether a path can be written so at all: a NUL or a lone surrogate in the update
    folder stopped every start ("could not start (ValueError: embedded null byte)"), no
    plan on any laptop, the page telling IT to reinstall (attack, 2026-12-07)."""
    try:
        os.fsencode(value)
    except UnicodeError:
        return False
    return bool(value.strip()) and "\x00" not in value


def site_policy_file() -> Path:
    from app.machine import machine_folders

    return machine_folders().config / FILE_NAME


def load_policy(
    policy_file: Path | None = None,
    registry: Callable[[], dict[str, Any]] | None = None,
) -> MachinePolicy:
    problems: list[str] = []
    values = _read_file(policy_file or site_policy_file(), problems)
    in_registry: dict[str, Any] = {}
    try:
        in_registry = (registry or read_registry)()
    except RegistryUnread as error:  # as a policy file that cannot be read: keys unknown
        problems.append(f"{UNREAD_REGISTRY} cannot be read whole ({error.strerror or error})")
    # the registry wins however the file writes the key ("Allow_Exports" after the file's
    # allow_exports was read last, and beat IT's Group Policy: verifier, 2026-12-07)
    values = {k: v for k, v in values.items() if (known_key(k) or k) not in in_registry}
    values.update(in_registry)
    read = check_policy(values, problems)
    return replace(read, from_registry=tuple(sorted(in_registry)))


def check_policy(values: dict[str, Any], problems: list[str] | None = None) -> MachinePolicy:
    problems = list(problems or [])
    user, pathway, folder, keys, switches = {}, {}, None, (), {}
    for key, value in values.items():
        if key not in ALL_KEYS and (meant := known_key(key)):
            problems.append(f"policy {key!r} read as {meant}: write it {meant}")
            key = meant  # used: the update folder's updates arrive, the self-test names it
        if key in ("record_activity", *SWITCHES) and type(value) is int and value in (0, 1):
            value = bool(value)  # the guide's "0 or 1", as in the registry, in policy.json too
        if key in USER_KEYS:
            check, allowed = USER_CHECKS[key]
            if check(value):
                user[key] = value
            else:
                problems.append(f"policy {key} = {value!r} ignored; allowed: {allowed}")
        elif key in PATHWAY_LIMITS:
            low, high, why = PATHWAY_LIMITS[key]
            if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
                pathway[key] = value
            else:
                problems.append(
                    f"policy {key} = {value!r} ignored; allowed: {low} to {high} ({why})"
                )
        elif key == "directory_update_folder":
            path = Path(value) if isinstance(value, str) and a_folder_name(value) else None
            if path is not None and path.is_absolute():
                folder = path
            else:  # a relative one is read from wherever the app was started
                problems.append(f"policy {key} = {_short(value)} ignored; a full folder path")
        elif key == "trusted_keys":
            keys, bad = _public_keys(value)
            if bad:
                problems.append(
                    f"policy trusted_keys: {bad} ignored; allowed: a list of base64 public "
                    "keys (the value in a .pub file made by `directory keygen`)"
                )
        elif key in SWITCHES and isinstance(value, bool):
            switches[key] = value
        else:
            allowed = SWITCHES.get(key) or "known keys: " + ", ".join(ALL_KEYS)
            problems.append(f"policy {key} = {_short(value)} ignored; {allowed}")
    return MachinePolicy(user, pathway, folder, keys, problems=tuple(problems), **switches)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _public_keys(value: Any) -> tuple[tuple[str, ...], str]:
    """The well-formed keys of a trusted_keys value, and a description of the rest."""
    given = value  # one key alone is read as a list of one, and quoted as typed ("abc" was
    # reported as ['abc']: attack F16)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return (), _short(value)
    good = tuple(v.strip() for v in value if isinstance(v, str) and _is_public_key(v))
    bad = [v for v in value if not (isinstance(v, str) and _is_public_key(v))]
    return good, (_short(given if isinstance(given, str) else bad) if bad else "")


def _is_public_key(text: str) -> bool:
    import base64
    import binascii

    try:
        return len(base64.b64decode(text.strip(), validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


MAX_POLICY_BYTES = 256 * 1024


def _read_file(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        raw = path.read_bytes()[: MAX_POLICY_BYTES + 1]
    except FileNotFoundError:
        return {}
    except OSError as error:
        problems.append(f"policy file {path} cannot be read ({error.strerror})")
        return {}
    if len(raw) > MAX_POLICY_BYTES:
        problems.append(f"policy file {path} is larger than {MAX_POLICY_BYTES} bytes; ignored")
        return {}
    encoding = encoding_of(raw)  # Notepad's and PowerShell's marks, or UTF-16: all read
    twice: list[str] = []
    try:
        values = json.loads(
            raw.decode(encoding), parse_int=_whole_number, object_pairs_hook=_noting(twice)
        )
    except UnicodeDecodeError:
        problems.append(f"policy file {path} is not UTF-8 or UTF-16 text; ignored")
        return {}
    except json.JSONDecodeError as error:
        problems.append(
            f"policy file {path} is not valid JSON ({error.msg}, line {error.lineno}; a comma "
            "after the last item is a usual cause): the whole file is ignored, its update "
            "folder, trusted keys and settings with it"
        )
        return {}
    except RecursionError:
        problems.append(f"policy file {path} nests too deeply; ignored")
        return {}
    if not isinstance(values, dict):
        problems.append(f"policy file {path} must hold one JSON object of keys; ignored")
        return {}
    problems += [f"policy {key} is given more than once; the last is used" for key in twice]
    if why := others_could_change(path):  # what decides which directory is trusted: not used
        problems.append(
            f"policy file {path} {why}: its {' and '.join(TRUST_KEYS)} are ignored, as another "
            "account could have written them; make it writable by administrators only"
        )
        # by what each key means: "Trusted_Keys" is read as trusted_keys (known_key)
        values = {k: v for k, v in values.items() if (known_key(k) or k) not in TRUST_KEYS}
    return values


def _whole_number(digits: str) -> int | str:
    """A number too long for any setting stays text, to be ignored by name: a 5,000-digit
    value raised out of Python's int() and stopped every start (review 2026-12-01)."""
    return int(digits) if len(digits) <= 30 else digits


def _noting(twice: list[str]):
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        counted = Counter(key for key, _ in items)  # not keys.count(): 20,000 keys took 6 s
        twice.extend(sorted(key for key, n in counted.items() if n > 1))
        return dict(items)

    return pairs


class RegistryUnread(OSError):
    """IT's policy key is there but could not be read whole (access denied, or values
    changing under the reading while Group Policy refreshes)."""


NO_MORE_ITEMS = 259  # ERROR_NO_MORE_ITEMS: the end of the values, not a failure


def read_registry() -> dict[str, Any]:
    """HKLM policy values on Windows; {} elsewhere or when IT set none. RegistryUnread when
    the key cannot be read whole: read as none, a refresh took the lead's key as withdrawn
    while the app ran and put the old numbers back (attack F18b)."""
    if sys.platform != "win32":
        return {}
    import winreg

    values = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY) as key:
            index = 0
            while True:
                try:
                    name, value, kind = winreg.EnumValue(key, index)
                except OSError as error:
                    if getattr(error, "winerror", NO_MORE_ITEMS) == NO_MORE_ITEMS:
                        break
                    raise
                name = known_key(name, exact_case=True) or name  # Windows: any case
                values[name] = from_registry(name, value, kind == winreg.REG_DWORD)
                index += 1
    except FileNotFoundError:
        return {}  # IT set no policy there
    except OSError as error:
        raise RegistryUnread(error.errno, error.strerror or str(error)) from error
    return values


def from_registry(name: str, value: Any, is_dword: bool) -> Any:
    """Registry values are strings, string lists (REG_MULTI_SZ) or DWORDs; a switch such as
    record_activity or allow_exports is a DWORD 0 or 1."""
    if is_dword and name in ("record_activity", *SWITCHES):
        return bool(value) if value in (0, 1) else value
    return value
