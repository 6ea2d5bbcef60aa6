"""Records to and from their JSON form, configured from the schema.

The JSON form of a record is an object of its fields: dates as EDTF strings
(``"2018-11"``, ``"2016-01/.."``), money as a string of whole units
(``"853800000"``), enums as their values, tuples as lists, nested records
(`SourceRef`, `Role`) as objects; a field at its default may be left out.
Nothing is coerced: a number where text belongs, a string where a list
belongs, an unknown field, ``"1E+2"`` as an amount, are all refused.

Two decoders read that form, both built from the schema:

- the cattrs converter (`converter`), the reference: every refusal becomes
  a `DataError` naming the file, the record and the field path;
- a lean decoder (`decode`'s first try), which needs no cattrs and shares
  repeated values (one `PartialDate` per date string, one `SourceRef` per
  citation, one string per repeated code). It refuses exactly what the
  converter refuses, without saying why; the converter then reads the same
  records again for the precise error. A property test shows both give the
  same records and the same errors.

    >>> from belatam.model.missions import Mission
    >>> decode("missions", [{"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "CU"}])[0].kind
    <MissionKind.EMBASSY: 'embassy'>
    >>> decode("missions", [{"id": "mis-x", "kind": "palace", "sending": "BY", "receiving": "CU"}])
    Traceback (most recent call last):
    belatam.errors.DataError: missions.json, record mis-x, field 'kind': 'palace' is not one of 'embassy', ...
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from belatam.dates import PartialDate, Period, parse_date
from belatam.errors import BelatamError, DataError, InvalidTypeError, InvalidValueError, quote
from belatam.model import Kind, record_type
from belatam.model.schema import Field, describe

if TYPE_CHECKING:
    from decimal import Decimal

    import cattrs

__all__ = ["MAX_AMOUNT_DIGITS", "Refused", "Shared", "converter", "decode", "encode", "encode_all", "lean", "reference"]

MAX_AMOUNT_DIGITS = 20
"""Amounts are whole numbers of at most this many digits: what every export holds exactly
(Arrow's ``decimal128(20, 0)``, a Table Schema integer, a JSON string)."""

_AMOUNT = re.compile(rf"0|[1-9][0-9]{{0,{MAX_AMOUNT_DIGITS - 1}}}", re.ASCII)


class Refused(Exception):
    """A value the converter would refuse; `decode` asks the converter why."""


class _At(Exception):
    """An error in an item of a list, with the item's index (for the error's field path)."""

    def __init__(self, index: int, error: BaseException) -> None:
        super().__init__(index, error)
        self.index = index
        self.error = error


# -- values: one reading of each kind, shared by both decoders ------------------


def read_amount(value: Any) -> Decimal:
    from decimal import Decimal

    """An amount from its JSON string: whole units, ASCII digits, no sign, exponent or padding."""
    if type(value) is not str:
        raise InvalidTypeError(
            f'amounts are strings of whole units such as "853800000", not {_json_name(type(value))} {quote(value)}'
        )
    if not _AMOUNT.fullmatch(value):
        raise InvalidValueError(
            f"not an amount of whole units (digits only, no leading zero, at most {MAX_AMOUNT_DIGITS}): {quote(value)}"
        )
    return Decimal(value)


def read_date(value: Any, periods: bool) -> PartialDate | Period:
    """A date from its EDTF string; a period only where the field allows one."""
    if type(value) is not str:
        raise InvalidTypeError(
            f'dates are EDTF strings such as "2018-11", not {_json_name(type(value))} {quote(value)}'
        )
    date = parse_date(value)
    if isinstance(date, Period) and not periods:
        raise InvalidValueError(f"a single date is needed here, not a period: {quote(value)}")
    return date


def read_member(value: Any, vocabulary: type[enum.Enum]) -> enum.Enum:
    """An enum member from its value string."""
    if type(value) is str:
        for member in vocabulary:
            if member.value == value:
                return member
    valid = ", ".join(repr(m.value) for m in vocabulary)
    raise InvalidValueError(f"{quote(value)} is not one of {valid}")


# -- the lean decoder -----------------------------------------------------------


class Shared:
    """The lean decoders of one load, per class from the schema, and the values they share across files."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.dates: dict[str, Any] = {}
        self.nested: dict[tuple[type, tuple[Any, ...]], Any] = {}
        self.classes: dict[type, Callable[[Any], Any]] = {}

    def record(self, cls: type) -> Callable[[Any], Any]:
        found = self.classes.get(cls)
        if found is not None:
            return found
        schema = describe(cls)
        readers = {f.name: self.value(f) for f in schema.fields}
        names = frozenset(readers)
        required = frozenset(f.name for f in schema.fields if f.required)
        nested = not schema.identity and all(f.kind in ("text", "integer") for f in schema.fields)
        shared = self.nested

        def decode(item: Any) -> Any:
            if type(item) is not dict or not names.issuperset(item) or not required.issubset(item):
                raise Refused
            kwargs = {name: readers[name](value) for name, value in item.items()}
            if nested:  # small value records (SourceRef): one object per distinct value
                key = (cls, tuple(kwargs.items()))
                hit = shared.get(key)
                if hit is not None:
                    return hit
            try:
                built = cls(**kwargs)
            except BelatamError:
                raise Refused from None
            if nested:
                shared[key] = built
            return built

        self.classes[cls] = decode
        return decode

    def value(self, field: Field) -> Callable[[Any], Any]:
        if field.optional and field.kind == "text":  # the commonest optional field, read in one call
            strings = self.strings

            def text_or_none(value: Any) -> Any:
                if value is None:
                    return None
                if type(value) is not str:
                    raise Refused
                return strings.setdefault(value, value)

            return text_or_none
        read = self.base(field)
        if not field.optional:
            return read
        return lambda value: None if value is None else read(value)

    def base(self, field: Field) -> Callable[[Any], Any]:
        kind = field.kind
        if kind == "text":
            strings = self.strings

            def text(value: Any) -> Any:
                if type(value) is not str:
                    raise Refused
                return strings.setdefault(value, value)

            return text
        if kind in ("integer", "boolean"):
            exact = int if kind == "integer" else bool

            def number(value: Any) -> Any:
                if type(value) is not exact:
                    raise Refused
                return value

            return number
        if kind == "money":
            return _refusing(read_amount)
        if kind == "vocabulary":
            assert field.vocabulary is not None
            members = {m.value: m for m in field.vocabulary}

            def member(value: Any) -> Any:
                if type(value) is not str or value not in members:
                    raise Refused
                return members[value]

            return member
        if kind == "date":
            dates, periods = self.dates, field.periods

            def date(value: Any) -> Any:
                found = dates.get(value) if type(value) is str else None
                if found is None:
                    try:
                        found = dates[value] = read_date(value, True)
                    except BelatamError:
                        raise Refused from None
                if not periods and type(found) is not PartialDate:
                    raise Refused
                return found

            return date
        if kind == "texts":
            strings = self.strings

            def texts(value: Any) -> tuple[str, ...]:
                if type(value) is not list:
                    raise Refused
                for item in value:
                    if type(item) is not str:
                        raise Refused
                return tuple([strings.setdefault(item, item) for item in value])

            return texts
        assert field.item is not None
        element = self.record(field.item)

        def records(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise Refused
            return tuple([element(item) for item in value])

        return records


def _refusing(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def refusing(value: Any) -> Any:
        try:
            return read(value)
        except BelatamError:
            raise Refused from None

    return refusing


# -- the converter --------------------------------------------------------------


@functools.cache
def converter() -> cattrs.Converter:
    """The cattrs converter between records and their JSON form, configured from the schema."""
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def exact(kind: type) -> Callable[[Any, Any], Any]:
        def structure(value: Any, _: Any) -> Any:
            if type(value) is not kind:
                raise InvalidTypeError(f"expected {_json_name(kind)}, not {_json_name(type(value))} {quote(value)}")
            return value

        return structure

    from decimal import Decimal

    for scalar in (str, int, bool):
        conv.register_structure_hook(scalar, exact(scalar))
    conv.register_structure_hook(Decimal, lambda value, _: read_amount(value))
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook(Period, str)
    conv.register_structure_hook_factory(
        lambda tp: isinstance(tp, type) and issubclass(tp, enum.Enum),
        lambda tp: lambda value, _: read_member(value, tp),
    )

    def sequence(item: Callable[[Any], Any]) -> Callable[[Any, Any], tuple[Any, ...]]:
        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise InvalidTypeError(f"expected a list, not {_json_name(type(value))} {quote(value)}")
            out: list[Any] = []
            for index, x in enumerate(value):
                try:
                    out.append(item(x))
                except Exception as exc:
                    raise _At(index, exc) from None
            return tuple(out)

        return structure

    def field_hook(field: Field) -> Callable[[Any, Any], Any]:
        if field.kind == "date":
            periods = field.periods

            def read(value: Any) -> Any:
                return read_date(value, periods)

        elif field.kind == "texts":
            text = exact(str)

            def read(value: Any) -> Any:
                return text(value, str)

        elif field.kind == "records":

            def read(value: Any) -> Any:
                return conv.structure(value, field.item)  # type: ignore[arg-type]

        else:
            hook = conv.get_structure_hook(field.type if not field.optional else _inner(field))

            def read(value: Any) -> Any:
                return hook(value, field.type)

        if field.many:
            read_many = sequence(read)

            def many(value: Any, _: Any) -> Any:
                if value is None and field.optional:
                    return None
                return read_many(value, _)

            return many

        def one(value: Any, _: Any) -> Any:
            if value is None and field.optional:
                return None
            return read(value)

        return one

    def register(cls: type) -> None:
        schema = describe(cls)
        for field in schema.fields:
            if field.kind == "records" and field.item is not None:
                register(field.item)
        hooks = {f.name: override(struct_hook=field_hook(f)) for f in schema.fields}
        conv.register_structure_hook(
            cls,
            make_dict_structure_fn(cls, conv, **hooks),  # type: ignore[arg-type]  # cattrs types **kwargs loosely
        )
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True))

    from belatam.model import KINDS

    for kind in KINDS:
        register(record_type(kind))
    return conv


def _inner(field: Field) -> Any:
    import typing

    (inner,) = [a for a in typing.get_args(field.type) if a is not type(None)]
    return inner


def _json_name(kind: type) -> str:
    return {str: "a string", int: "an integer", bool: "true or false", float: "a number"}.get(
        kind, {dict: "an object", list: "a list", type(None): "null"}.get(kind, kind.__name__)
    )


def lean(kind: Kind, items: Sequence[Any], shared: Shared | None = None) -> list[Any]:
    """Records by the lean decoder, or `Refused` (with no reason) where the converter would refuse.

    Decoders given one ``shared`` share repeated values (dates, citations, codes) across files.
    """
    read = (shared or Shared()).record(record_type(kind))
    try:
        return [read(item) for item in items]
    except RecursionError:
        raise Refused from None


def reference(kind: Kind, items: Sequence[Any], file: str | None = None) -> list[Any]:
    """Records by the converter: a `DataError` with the file, record and field for the first refusal."""
    return _structure(kind, items, file or f"{kind}.json")


def _structure(kind: Kind, items: Sequence[Any], file: str) -> list[Any]:
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

    cls = record_type(kind)
    conv = converter()
    schema = describe(cls)
    out: list[Any] = []
    for position, item in enumerate(items):
        label = _label(item, schema.identity.name if schema.identity else None, position)
        if type(item) is not dict:
            raise DataError(file, label, None, f"a record must be a JSON object, not {_json_name(type(item))}")
        missing = [f.name for f in schema.fields if f.required and f.name not in item]
        if missing:
            raise DataError(file, label, missing[0], "required field missing")
        try:
            out.append(conv.structure(item, cls))
        except ForbiddenExtraKeysError as exc:
            raise DataError(file, label, ", ".join(sorted(exc.extra_fields)), "unknown field") from None
        except ClassValidationError as exc:
            path, problem = _first(exc)
            raise DataError(file, label, path, problem) from None
        except BelatamError as exc:  # a record's own check (a validator) refused it
            raise DataError(file, label, getattr(exc, "field", None), str(exc)) from None
    return out


def _first(exc: BaseException, path: str = "") -> tuple[str | None, str]:
    """The path below the record (``sources[0].paragraph``) and the message of the first error."""
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

    def join(step: str) -> str:
        return f"{path}{step}" if step.startswith("[") or not path else f"{path}.{step}"

    if isinstance(exc, ForbiddenExtraKeysError):
        return join(", ".join(sorted(exc.extra_fields))), "unknown field"
    if isinstance(exc, _At):
        return _first(exc.error, join(f"[{exc.index}]"))
    if isinstance(exc, ClassValidationError):
        inner = exc.exceptions[0]
        step = ""
        for note in getattr(inner, "__notes__", ()):
            if "@ attribute" in note:
                step = note.rpartition("@ attribute ")[2].strip()
        return _first(inner, join(step) if step else path)
    if isinstance(exc, KeyError):
        return path or None, "required field missing"
    field = getattr(exc, "field", None)
    if field:
        path = join(field)
    return path or None, str(exc)


def _label(item: Any, identity: str | None, position: int) -> str:
    """A record's identity when it is well formed, else its position in the file."""
    if identity is not None and type(item) is dict:
        value = item.get(identity)
        if type(value) in (str, int) and str(value).strip():
            return quote(value, 60)[1:-1] if type(value) is str else str(value)
    return f"#{position}"


def decode(kind: Kind, items: Sequence[Any], file: str | None = None, shared: Shared | None = None) -> list[Any]:
    """The records of one kind from their JSON form, or a `DataError` naming ``file``, record and field."""
    file = file or f"{kind}.json"
    if type(items) is not list:
        raise DataError(file, None, None, f"must hold a JSON list of records, not {_json_name(type(items))}")
    try:
        return lean(kind, items, shared)
    except Refused:
        pass  # the converter says why, below (outside this handler, so no chained traceback)
    return _structure(kind, items, file)


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
