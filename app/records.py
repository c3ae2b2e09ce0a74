"""`@record`: a frozen dataclass whose equality, hash and repr are shared functions.

Why: Python compiles every method a dataclass generates when its module is imported (about
0.2 ms each here); a frozen dataclass has six, and the app makes some forty-five before the
first question can show (the graph, plan, settings, policy, directory choice). Only
`__init__` and the frozen `__setattr__` / `__delattr__` need the field names compiled in;
made this way the first question came 10-14 ms sooner (README, launch). Equality, hash and
repr here read the fields through a per-class getter and behave as `@dataclass(frozen=True)`'s
do: equal only to an instance of the same class with equal fields, hashed on the fields'
tuple, shown as `Name(field=value…)`. `dataclasses.replace`, `asdict` and `fields` work
unchanged (it is a dataclass).
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass, fields
from operator import attrgetter

VALUES = "__record_values__"  # class attribute: instance -> tuple of its field values


def record(cls: type) -> type:
    cls = dataclass(frozen=True, eq=False, repr=False)(cls)
    setattr(cls, VALUES, staticmethod(_values_getter(tuple(f.name for f in fields(cls)))))
    cls.__eq__ = _eq
    cls.__hash__ = _hash
    cls.__repr__ = _repr
    return cls


def _values_getter(names: tuple[str, ...]):
    if len(names) > 1:
        return attrgetter(*names)  # a tuple, made in C
    if names:
        one = attrgetter(names[0])
        return lambda instance: (one(instance),)
    return lambda instance: ()


def _eq(self, other):
    if other.__class__ is self.__class__:
        values = getattr(self, VALUES)
        return values(self) == values(other)
    return NotImplemented


def _hash(self) -> int:
    return hash(getattr(self, VALUES)(self))


@reprlib.recursive_repr()
def _repr(self) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"
