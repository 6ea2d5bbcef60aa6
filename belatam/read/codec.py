"""Records to and from their JSON form: one decoder, built from the schema, and the writer.

The JSON form of a record is an object of its fields: dates as EDTF strings
(``"2018-11"``, ``"2016-01/.."``), money as a string of whole units
(``"853800000"``), enums as their values, tuples as lists, nested records
(`SourceRef`, `Role`) as objects; a field at its default may be left out.
Nothing is coerced: a number where text belongs, a string where a list
belongs, an unknown field, ``"1E+2"`` as an amount, are all refused.

`decode` reads with the readers each field's kind makes
(`belatam.model.kinds`): they share repeated values (one `PartialDate` per
date string, one `SourceRef` per citation, one string per repeated code) and
raise a `Problem` that says what is wrong and where below the record
(``sources[0].paragraph``); `decode` names the file and the record too.
cattrs writes records (`encode`): its unstructuring, configured from the
schema, leaves out the fields at their default.

    >>> from belatam.model.missions import Mission
    >>> decode("missions", [{"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "CU"}])[0].kind
    <MissionKind.EMBASSY: 'embassy'>
    >>> decode("missions", [{"id": "mis-x", "kind": "palace", "sending": "BY", "receiving": "CU"}])
    Traceback (most recent call last):
    belatam.errors.DataError: missions.json, record mis-x, field 'kind': 'palace' is not one of 'embassy', ...
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from belatam.dates import PartialDate, Period
from belatam.errors import BelatamError, DataError, quote
from belatam.model import Kind, record_type
from belatam.model.kinds import MAX_AMOUNT_DIGITS, Problem, json_name
from belatam.model.schema import describe

if TYPE_CHECKING:
    import cattrs

__all__ = ["MAX_AMOUNT_DIGITS", "Problem", "Shared", "converter", "decode", "encode", "encode_all"]


def decode(kind: Kind, items: Sequence[Any], file: str | None = None, shared: Shared | None = None) -> list[Any]:
    """The records of one kind from their JSON form, or a `DataError` naming ``file``, record and field.

    Decoders given one ``shared`` share repeated values (dates, citations, codes) across files.
    """
    file = file or f"{kind}.json"
    if type(items) is not list:
        raise DataError(file, None, None, f"must hold a JSON list of records, not {json_name(type(items))}")
    read = (shared or Shared()).record(record_type(kind))
    try:
        return [read(item) for item in items]
    except (Problem, RecursionError):
        pass  # find the record, below (outside this handler, so no chained traceback)
    schema = describe(record_type(kind))
    identity = schema.identity.name if schema.identity else None
    for position, item in enumerate(items):
        try:
            read(item)
        except Problem as problem:
            raise DataError(file, _label(item, identity, position), problem.path, problem.message) from None
        except RecursionError:
            raise DataError(file, _label(item, identity, position), None, "nested too deeply") from None
    raise AssertionError("a record was refused, then read")  # pragma: no cover


def _label(item: Any, identity: str | None, position: int) -> str:
    """A record's identity when it is well formed, else its position in the file."""
    if identity is not None and type(item) is dict:
        value = item.get(identity)
        if type(value) in (str, int) and str(value).strip():
            return quote(value, 60)[1:-1] if type(value) is str else str(value)
    return f"#{position}"


class Shared:
    """The readers of one load, per record class, and the values they share across its files.

    One `PartialDate` per date string, one `SourceRef` per citation, one
    string per repeated code: a data set of thousands of records holds each
    once. ``checked`` says the records were checked already (the packaged
    ones, by the test suite, which builds them through their classes' checks
    too and compares): they are then assembled without running those checks again.
    """

    def __init__(self, *, checked: bool = False) -> None:
        self.checked = checked
        self.strings: dict[str, str] = {}
        self.dates: dict[str, Any] = {}
        self.nested: dict[tuple[type, tuple[Any, ...]], Any] = {}
        self.classes: dict[type, Callable[[Any], Any]] = {}

    def record(self, cls: type) -> Callable[[Any], Any]:
        """The reader of one JSON object as a record of ``cls``; a `Problem` says what is wrong and where."""
        found = self.classes.get(cls)
        if found is not None:
            return found
        schema = describe(cls)
        readers = {f.name: f.kind.reader(f, self) for f in schema.fields}
        order = [f.name for f in schema.fields]
        names = frozenset(readers)
        required = [f.name for f in schema.fields if f.required]
        required_set = frozenset(required)
        # small value records made of references and numbers (a citation): one object per distinct value
        nested = not schema.identity and all(f.refers or f.kind.numeric for f in schema.fields)
        shared = self.nested
        assemble: Callable[[dict[str, Any]], Any] = (
            (lambda kwargs: cls(**kwargs)) if not self.checked else _assembler(cls)
        )

        def decode(item: Any) -> Any:
            if type(item) is not dict:
                raise Problem(f"a record must be a JSON object, not {json_name(type(item))}")
            if not names.issuperset(item):
                raise Problem("unknown field", ", ".join(sorted(set(item) - names)))
            if not required_set.issubset(item):
                raise Problem("required field missing", next(n for n in required if n not in item))
            try:
                kwargs = {name: readers[name](value) for name, value in item.items()}
            except Problem:
                for name in order:  # the first field (in the class's order) that is wrong
                    if name in item:
                        try:
                            readers[name](item[name])
                        except Problem as problem:
                            raise problem.at(name) from None
                raise
            if nested:
                key = (cls, tuple(kwargs.items()))
                hit = shared.get(key)
                if hit is not None:
                    return hit
            try:
                built = assemble(kwargs)
            except BelatamError as exc:  # the record's own checks (its validators) refused it
                field = getattr(exc, "field", None)
                refusal = Problem(str(exc))
                raise (refusal.at(field) if field else refusal) from None
            if nested:
                shared[key] = built
            return built

        self.classes[cls] = decode
        return decode


def _assembler(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A record of ``cls`` from read values, as its ``__init__`` would make it (defaults filled, converters
    applied) without its validators: for records already checked."""
    plan = [(a.name, a.default, getattr(a.default, "factory", None), a.converter) for a in attrs.fields(cls)]
    new = object.__new__
    put = object.__setattr__

    def assemble(kwargs: dict[str, Any]) -> Any:
        record: Any = new(cls)
        for name, default, factory, convert in plan:
            value = kwargs[name] if name in kwargs else default if factory is None else factory()
            put(record, name, value if convert is None else convert(value))
        return record

    return assemble


@functools.cache
def converter() -> cattrs.Converter:
    """The cattrs converter that writes records as their JSON form, configured from the schema."""
    import cattrs
    from cattrs.gen import make_dict_unstructure_fn

    from belatam.model import KINDS

    conv = cattrs.Converter()
    conv.register_unstructure_hook_factory(lambda tp: tp.__name__ == "Decimal", lambda _: str)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook(Period, str)

    def register(cls: type) -> None:
        for field in describe(cls).fields:
            if field.nested is not None:
                register(field.nested)
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True))

    for kind in KINDS:
        register(record_type(kind))
    return conv


def encode(record: object, *, derived: bool = False) -> Any:
    """The JSON form of a record (fields at their default left out); ``derived`` adds the derived fields."""
    out = converter().unstructure(record)
    if derived:
        for field in describe(type(record)).derived:
            out[field.name] = converter().unstructure(getattr(record, field.name))
    return out


def encode_all(tables: Mapping[Any, Sequence[object]]) -> dict[str, list[Any]]:
    """The JSON form of every record, by kind."""
    conv = converter()
    return {kind: [conv.unstructure(r) for r in records] for kind, records in tables.items()}
