"""`@record`: a frozen dataclass whose methods are shared functions, all but `__init__`.

Why: `@dataclass(frozen=True)` compiles six methods per class when its module is imported
(`__init__`, `__setattr__`, `__delattr__`, `__eq__`, `__hash__`, `__repr__`, about 0.12 ms
each here) and, for a class without a docstring, reads its signature to write one; the app
makes some forty-five records before the first question can show (the graph, plan,
settings, policy, directory choice). Only `__init__` needs the field names compiled in: the
rest here are shared, and the first question came sooner (README, launch). They behave as
`@dataclass(frozen=True)`'s do: equal only to an instance of the same class with equal
fields, hashed on the fields' tuple, shown as `Name(field=value…)`, and any assignment or
deletion raises `FrozenInstanceError`. `dataclasses.replace`, `asdict` and `fields` work
unchanged (it is a dataclass; tests/test_records.py checks each against twins).
"""

from __future__ import annotations

import reprlib
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, fields
from operator import attrgetter

VALUES = "__record_values__"  # class attribute: instance -> tuple of its field values
_UNSET = object()  # a field with a default factory was not given


def record(cls: type) -> type:
    if not cls.__doc__:  # else dataclass writes one from the signature (~0.1 ms)
        cls.__doc__ = f"{cls.__name__}: a record (app/records.py)."
    cls = dataclass(init=False, eq=False, repr=False)(cls)  # fields only: nothing compiled
    own = fields(cls)
    cls.__init__ = _init(cls, own)
    setattr(cls, VALUES, staticmethod(_values_getter(tuple(f.name for f in own))))
    cls.__setattr__ = _frozen_setattr
    cls.__delattr__ = _frozen_delattr
    cls.__eq__ = _eq
    cls.__hash__ = _hash
    cls.__repr__ = _repr
    return cls


def _init(cls: type, own: tuple[Field, ...]):
    """`__init__(self, <fields in order, with their defaults>)`, setting each field past
    the frozen `__setattr__`, as a frozen dataclass's does."""
    namespace = {"_set": object.__setattr__, "_UNSET": _UNSET}
    params, lines = [], []
    for f in own:
        value = f.name
        if f.default is not MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_UNSET")
            value = f"_factory_{f.name}() if {f.name} is _UNSET else {f.name}"
        else:
            params.append(f.name)
        lines.append(f" _set(self, {f.name!r}, {value})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(lines) or " pass"), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _values_getter(names: tuple[str, ...]):
    if len(names) > 1:
        return attrgetter(*names)  # a tuple, made in C
    if names:
        one = attrgetter(names[0])
        return lambda instance: (one(instance),)
    return lambda instance: ()


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


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
