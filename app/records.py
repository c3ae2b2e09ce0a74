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
unchanged (it is a dataclass; tests/test_records.py checks each against twins). What these
shared methods would not honour (`__post_init__`, `InitVar`, fields with `init=False`,
`compare=False` or `kw_only`, a base class or a subclass, a class's own `__init__` or
`__setattr__`) is refused with a TypeError when the class is made.
"""

from __future__ import annotations

import inspect  # imported by dataclasses already
import reprlib
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, fields
from operator import attrgetter

VALUES = "__record_values__"  # class attribute: instance -> tuple of its field values
# What a record is not: the dataclass features its own __init__, equality and frozen
# methods do not honour. Refused when the class is made, never silently dropped.
_OWN_METHODS = ("__init__", "__setattr__", "__delattr__", "__post_init__")


class _Unset:
    """The default of a field with a default factory, in `__init__`'s signature."""

    def __repr__(self) -> str:
        return "<factory>"


_UNSET = _Unset()


def record(cls: type) -> type:
    _refuse_unsupported(cls)
    if not cls.__doc__:  # else dataclass writes one from the signature (~0.1 ms)
        cls.__doc__ = f"{cls.__name__}: a record (app/records.py)."
    cls = dataclass(init=False, eq=False, repr=False)(cls)  # fields only: nothing compiled
    own = fields(cls)
    for f in own:
        if not (f.init and f.compare) or f.kw_only or f.name.startswith("__record"):
            raise TypeError(f"{cls.__name__}.{f.name}: @record fields are plain fields")
    cls.__init__ = _init(cls, own)
    cls.__init_subclass__ = classmethod(_final)
    setattr(cls, VALUES, staticmethod(_values_getter(tuple(f.name for f in own))))
    cls.__setattr__ = _frozen_setattr
    cls.__delattr__ = _frozen_delattr
    cls.__eq__ = _eq
    cls.__hash__ = _hash
    cls.__repr__ = _repr
    return cls


def _refuse_unsupported(cls: type) -> None:
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__name__}: a @record has no base class")
    for name in _OWN_METHODS:
        if name in cls.__dict__:
            raise TypeError(f"{cls.__name__}.{name}: a @record makes its own (none runs)")
    for name, annotation in inspect.get_annotations(cls).items():
        if "InitVar" in str(annotation):
            raise TypeError(f"{cls.__name__}.{name}: a @record has no InitVar")


def _final(cls, **kwargs):
    raise TypeError(f"{cls.__name__}: a @record is not subclassed (its methods are shared)")


def _init(cls: type, own: tuple[Field, ...]):
    """`__init__(self, <fields in order, with their defaults>)`, setting each field past
    the frozen `__setattr__`, as a frozen dataclass's does. Names of its own start with
    `__record` (no field may), so a field cannot hide them."""
    namespace = {"__record_set": object.__setattr__, "__record_unset": _UNSET}
    params, lines = [], []
    for f in own:
        value = f.name
        if f.default is not MISSING:
            namespace[f"__record_default_{f.name}"] = f.default
            params.append(f"{f.name}=__record_default_{f.name}")
        elif f.default_factory is not MISSING:
            namespace[f"__record_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=__record_unset")
            value = f"__record_factory_{f.name}() if {f.name} is __record_unset else {f.name}"
        else:
            params.append(f.name)
        lines.append(f" __record_set(self, {f.name!r}, {value})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(lines) or " pass")
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**{f.name: f.type for f in own}, "return": None}
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
