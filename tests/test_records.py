"""`@record` behaves as `@dataclass(frozen=True)`: the same equality, hash and repr, frozen,
and `replace` / `asdict` / `fields` work; checked against twins and on the shipped graph."""

import copy
import dataclasses
import inspect
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from app import records
from app.cli.route import answers_for
from app.pathways.engine import Pathway
from app.records import record
from tests.conftest import routed_cases


def twins(**body):
    """The same class body made by `@dataclass(frozen=True)` and by `@record`."""

    def make(decorate):
        namespace = {"__annotations__": {name: "object" for name in body}, **body}
        return decorate(type("Item", (), {**namespace, "__qualname__": "Item"}))

    return make(dataclass(frozen=True)), make(record)


def fields_of(**defaults):
    return {name: field(default=value) for name, value in defaults.items()}


VALUES = [
    ("a", 1, (2, 3)),
    ("a", 1, (2, 3)),
    ("a", 2, (2, 3)),
    ("b", 1, (2, 3)),
    ("a", 1, (3, 2)),
    ("a", 1.0, (2, 3)),  # equal to 1, as in a tuple
]


def test_equality_hash_and_repr_are_the_dataclass_ones():
    plain, rec = twins(**fields_of(name="", count=0, parts=()))
    for left in VALUES:
        for right in VALUES:
            assert (rec(*left) == rec(*right)) == (plain(*left) == plain(*right)), (left, right)
            assert (rec(*left) != rec(*right)) == (plain(*left) != plain(*right)), (left, right)
        assert hash(rec(*left)) == hash(plain(*left))
        assert repr(rec(*left)) == repr(plain(*left))


@pytest.mark.parametrize("count", [0, 1, 2])
def test_few_fields(count):
    plain, rec = twins(**fields_of(**{f"f{i}": i for i in range(count)}))
    assert rec() == rec() and hash(rec()) == hash(plain()) and repr(rec()) == repr(plain())
    if count:
        changed = {"f0": "other"}
        assert rec(**changed) != rec() and hash(rec(**changed)) == hash(plain(**changed))


def test_never_equal_to_another_class_or_a_tuple():
    first, second = twins(**fields_of(name="x"))[1], twins(**fields_of(name="x"))[1]
    assert first() != second() and first() != ("x",) and first() == first()


def test_frozen_and_the_dataclass_functions_work():
    _, rec = twins(**fields_of(name="x", tags=()))
    item = rec("x", ("a",))
    with pytest.raises(FrozenInstanceError):
        item.name = "y"
    with pytest.raises(FrozenInstanceError):
        del item.name
    assert dataclasses.replace(item, name="y") == rec("y", ("a",))
    assert dataclasses.asdict(item) == {"name": "x", "tags": ("a",)}
    assert [f.name for f in dataclasses.fields(item)] == ["name", "tags"]


def test_made_as_the_dataclass_is_made():
    """Positional and keyword fields, defaults, a fresh default from each factory, and the
    same errors for a missing, unknown or repeated argument."""
    body = {"name": field(), "count": field(default=0), "tags": field(default_factory=list)}
    plain, rec = twins(**body)
    for args, kwargs in [(("a",), {}), (("a", 2), {}), ((), {"name": "a", "tags": ["t"]})]:
        made, expected = rec(*args, **kwargs), plain(*args, **kwargs)
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    assert rec("a").tags is not rec("a").tags  # a new list each time, as the dataclass's
    for args, kwargs in [((), {}), (("a",), {"other": 1}), (("a",), {"name": "b"})]:
        with pytest.raises(TypeError):
            plain(*args, **kwargs)
        with pytest.raises(TypeError):
            rec(*args, **kwargs)
    with pytest.raises(TypeError):
        rec("a", 1, [], "one too many")


def test_no_attribute_can_be_added_and_copies_are_equal():
    _, rec = twins(**fields_of(name="x"))
    item = rec("y")
    with pytest.raises(FrozenInstanceError):
        item.other = 1
    assert copy.deepcopy(item) == item and copy.copy(item) == item


@pytest.mark.parametrize(
    "body",
    [
        {"__post_init__": lambda self: None},  # would never run
        {"__init__": lambda self: None},  # would be replaced
        {"__setattr__": object.__setattr__},
        {"__annotations__": {"x": "InitVar[int]"}},
        {"__annotations__": {"x": "int"}, "x": field(init=False, default=0)},
        {"__annotations__": {"x": "int"}, "x": field(compare=False)},  # equality reads all
        {"__annotations__": {"x": "int"}, "x": field(kw_only=True)},
        {"__annotations__": {"__record_set": "int"}},  # a name __init__ uses
    ],
)
def test_what_a_record_does_not_honour_is_refused_when_made(body):
    with pytest.raises(TypeError):
        record(type("Item", (), dict(body)))


def test_a_record_has_no_base_and_no_subclass():
    with pytest.raises(TypeError):
        record(type("Item", (dict,), {}))
    _, rec = twins(**fields_of(name="x"))
    with pytest.raises(TypeError):
        type("Sub", (rec,), {})


def test_the_signature_reads_as_the_dataclass_one():
    body = {"name": field(), "tags": field(default_factory=list)}
    plain, rec = twins(**body)
    assert str(inspect.signature(rec)) == str(inspect.signature(plain))
    assert rec.__init__.__module__ == plain.__init__.__module__


def test_unhashable_fields_make_it_unhashable_as_before():
    _, rec = twins(**fields_of(attrs=None))
    with pytest.raises(TypeError):
        hash(rec({"a": 1}))


def test_a_repr_that_contains_itself_stops():
    _, rec = twins(**fields_of(items=None))
    items = []
    item = rec(items)
    items.append(item)
    assert repr(item) == "Item(items=[...])"


def records_in(value, seen=None):
    """Every record reachable from value, through records, tuples, lists and dicts."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(type(value), records.VALUES):
            yield value
        for f in dataclasses.fields(value):
            yield from records_in(getattr(value, f.name), seen)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from records_in(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from records_in(item, seen)


def check_as_dataclass(found):
    for item in found:
        values = tuple(getattr(item, f.name) for f in dataclasses.fields(item))
        assert item == dataclasses.replace(item)
        shown = ", ".join(
            f"{f.name}={v!r}" for f, v in zip(dataclasses.fields(item), values, strict=True)
        )
        assert repr(item) == f"{type(item).__qualname__}({shown})"
        try:
            expected = hash(values)
        except TypeError:
            continue  # a dict field: unhashable as a frozen dataclass would be
        assert hash(item) == expected


def test_the_shipped_graph_and_plans_behave_as_dataclasses(graph):
    found = list(records_in(graph))
    pathway = Pathway(graph)
    for case in routed_cases()[:6]:
        found += records_in(pathway.step(answers_for(pathway, case["scenario"])))
    kinds = {type(item).__name__ for item in found}
    assert {"Question", "Edge", "OutcomeRule", "ActionTemplate", "PlannedAction"} <= kinds
    check_as_dataclass(found)
