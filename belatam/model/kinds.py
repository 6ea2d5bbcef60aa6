"""Each kind of value a field holds, as an object that knows, once, everything about it.

A field's kind (text, a whole number, a yes/no, a vocabulary member, money,
a date, a list of texts, a list of nested records) decides how its values
are read from JSON (with the path of what is wrong), checked on records built
by hand, flattened for tables, typed for Arrow, pandas, the Table Schema,
the JSON Schema and JSON-LD, ordered, searched, and resolved from a filter
argument. The rest of the package asks the kind (``field.kind.flat(field,
value)``) and never switches on its name; a new kind of value is a class
here and the annotation that claims it.

A kind is a `str`: its name, so ``field.kind == "money"`` reads as before.

    >>> from belatam.model.schema import describe
    >>> from belatam.model.trade import TradeFigures
    >>> kind = describe(TradeFigures).field("exports").kind
    >>> kind, kind == "money", kind.table_type, kind.numeric
    (<ValueKind money>, True, 'integer', True)
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from belatam.dates import PartialDate, Period, date_key, parse_date
from belatam.errors import BelatamError, InvalidTypeError, InvalidValueError, quote
from belatam.text import fold

if TYPE_CHECKING:  # what a kind reads of a field, a column and a load: for type checkers only (cheap imports)
    from decimal import Decimal
    from typing import Protocol

    class Field(Protocol):
        """What a kind reads of a field (`belatam.model.schema.Field` is one)."""

        name: str
        optional: bool
        periods: bool
        derived: bool
        vocabulary: type[enum.Enum] | None
        nested: type | None
        refers: tuple[str, ...]
        choices: tuple[str, ...]
        language: str | None

        @property
        def kind(self) -> ValueKind: ...

        @property
        def inner(self) -> tuple[Field, ...]:
            """The fields of the nested records a ``records`` field holds."""
            ...

    class Column(Protocol):
        """What a kind reads of a table's column (`belatam.model.columns.Column` is one)."""

        @property
        def field(self) -> Field: ...

        def flat(self, record: object) -> Any: ...

        def raw(self, record: object) -> Any: ...

    class Reading(Protocol):
        """What readers share within one load (`belatam.read.codec.Shared`): one object per repeated value."""

        strings: dict[str, str]
        dates: dict[str, Any]

        def record(self, cls: type) -> Callable[[Any], Any]:
            """The reader of one nested record of ``cls``."""
            ...


__all__ = [
    "AMOUNT_PATTERN",
    "BOOLEAN",
    "DATE",
    "DATE_PATTERN",
    "DAY",
    "INTEGER",
    "KINDS",
    "MAX_AMOUNT_DIGITS",
    "MONEY",
    "PERIOD_PATTERN",
    "RECORDS",
    "TEXT",
    "TEXTS",
    "VOCABULARY",
    "Column",
    "Field",
    "Problem",
    "Reading",
    "ValueKind",
    "classify",
    "json_name",
    "read_amount",
    "read_date",
    "read_member",
    "tuple_item",
]

MAX_AMOUNT_DIGITS = 20
"""Amounts are whole numbers of at most this many digits: what every export holds exactly
(Arrow's ``decimal128(20, 0)``, a Table Schema integer, a JSON string)."""

_AMOUNT = rf"0|[1-9][0-9]{{0,{MAX_AMOUNT_DIGITS - 1}}}"

_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
_DATE = f"{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"

DATE_PATTERN = f"^{_DATE}$"
"""An EDTF date of a year, a month or a day (``2018``, ``2018-11``, ``2018-11-05``), year 0000 excluded.

Its form only: that the day exists in its month (no 30 February) is the loader's check."""

PERIOD_PATTERN = f"^(?:{_DATE}(?:/(?:{_DATE}|\\.\\.)?)?|(?:\\.\\.)?/{_DATE})$"
"""A date, or an EDTF interval with at least one end (``2018-02/2018-11``, ``2016-01/..``, ``../2019``)."""

AMOUNT_PATTERN = f"^(?:0|[1-9][0-9]{{0,{MAX_AMOUNT_DIGITS - 1}}})$"
"""Money in the JSON files: whole units as a string of digits, no sign, leading zero or exponent."""

_DATE_FORM = "In EDTF: YYYY, YYYY-MM, YYYY-MM-DD, or START/END with '..' for an open end."
_LIST_FORM = "A list: items separated by '|' (a '|' or backslash inside an item is escaped with a backslash)."


class Problem(Exception):
    """What is wrong with a value read from JSON, and where below the record (``sources[0].paragraph``)."""

    def __init__(self, message: str, *steps: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.steps: list[str | int] = list(steps)

    def at(self, step: str | int) -> Problem:
        """The same problem, one step further out (a field name, or a list index)."""
        self.steps.insert(0, step)
        return self

    @property
    def path(self) -> str | None:
        """The steps as one path: ``sources[0].paragraph`` (None at the record itself)."""
        out = ""
        for step in self.steps:
            out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
        return out or None


def json_name(kind: type) -> str:
    """What JSON calls a Python type, in an error message (``an integer``, ``a list``)."""
    return {
        str: "a string",
        int: "an integer",
        bool: "true or false",
        float: "a number",
        dict: "an object",
        list: "a list",
        type(None): "null",
    }.get(kind, kind.__name__)


def read_amount(value: Any) -> Decimal:
    """An amount from its JSON string: whole units, ASCII digits, no sign, exponent or padding."""
    from decimal import Decimal

    if type(value) is not str:
        raise InvalidTypeError(
            f'amounts are strings of whole units such as "853800000", not {json_name(type(value))} {quote(value)}'
        )
    if not re.fullmatch(_AMOUNT, value, re.ASCII):  # compiled on first use (re caches it)
        raise InvalidValueError(
            f"not an amount of whole units (digits only, no leading zero, at most {MAX_AMOUNT_DIGITS}): {quote(value)}"
        )
    return Decimal(value)


def read_date(value: Any, periods: bool) -> PartialDate | Period:
    """A date from its EDTF string; a period only where the field allows one."""
    if type(value) is not str:
        raise InvalidTypeError(f'dates are EDTF strings such as "2018-11", not {json_name(type(value))} {quote(value)}')
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


def _expected(exact: type, value: Any) -> Problem:
    return Problem(f"expected {json_name(exact)}, not {json_name(type(value))} {quote(value)}")


def _text_problem(value: str) -> str | None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds an unpaired surrogate, which is not Unicode text"
    return None


class ValueKind(str):
    """A kind of value; its text is its name. Subclasses say what differs; these are the defaults."""

    __slots__ = ()

    many: ClassVar[bool] = False
    """Whether a field of this kind holds a tuple of values."""
    numeric: ClassVar[bool] = False
    """Whether tables align it right."""
    switch: ClassVar[bool] = False
    """Whether the command line takes it as a pair of flags (``--strategic`` / ``--no-strategic``)."""
    days: ClassVar[bool] = False
    """Whether tables add its first and last day as columns of their own."""
    table_type: ClassVar[str] = "string"
    """The Table Schema type of its CSV cell."""
    linked_type: ClassVar[str | None] = None
    """The datatype JSON-LD gives its values (``xsd:decimal``), where plain JSON would lose it."""
    pandas_dtype: ClassVar[str] = "object"
    """The pandas dtype of its column."""

    def __repr__(self) -> str:
        return f"<ValueKind {self!s}>"

    def claims(self, inner: set[Any]) -> bool:
        """Whether an annotation's types (None left out) are this kind's."""
        return False

    def form(self, field: Field) -> str:
        """How a CSV cell writes a value, in a sentence (empty where the type says it all)."""
        return ""

    # -- reading --------------------------------------------------------------

    def read(self, field: Field, value: Any) -> Any:
        """One value from JSON (never None): the value, or a `BelatamError` saying what is wrong."""
        raise NotImplementedError

    def reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        """The function reading a field's JSON value (None too, where the field is optional)."""
        read = self.value_reader(field, shared)
        if not field.optional:
            return read
        return lambda value: None if value is None else read(value)

    def value_reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        """The function reading one JSON value that is not null; a `Problem` says what is wrong."""

        def read(value: Any) -> Any:
            try:
                return self.read(field, value)
            except BelatamError as exc:
                raise Problem(str(exc)) from None

        return read

    def check(self, field: Field, value: Any) -> str | None:
        """What is wrong with a field's value on a record built by hand (None, too, where it is not optional)."""
        if value is None:
            return None if field.optional else "is None"
        return self.problem(field, value)

    def problem(self, field: Field, value: Any) -> str | None:
        """What is wrong with a value (not None) on a record built by hand; None if nothing."""
        return None

    # -- tables and schemas ---------------------------------------------------

    def flat(self, field: Field, value: Any) -> Any:
        """A value (not None) as tables of data hold it: text, a number, a list of texts."""
        return value

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        """The JSON Schema of a field's value in the data files.

        ``nested`` gives the reference to a nested class's definition; ``checks``
        are what the field's validator asks of a value (``pattern``, ``minimum``).
        """
        return {"type": "string", **checks}

    def arrow_type(self, pa: Any, field: Field) -> Any:
        """The Arrow type of its column."""
        return pa.string()

    def arrow_array(self, pa: Any, column: Column, arrow_type: Any, rows: Iterable[object]) -> Any:
        """A column of records as an Arrow array."""
        return pa.array([column.flat(row) for row in rows], arrow_type)

    def series(self, pd: Any, column: Column, values: list[Any], index: Any) -> Any:
        """A column of flat values as a pandas array or series."""
        if self.pandas_dtype == "object":
            return pd.Series(values, dtype=object, index=index)
        return pd.array(values, dtype=self.pandas_dtype)

    def linked(self, field: Field, value: Any, record: object, node: Callable[[object], Any]) -> Any:
        """One value (not a reference) as JSON-LD; ``node`` makes a nested record's node."""
        return self.flat(field, value)

    # -- queries --------------------------------------------------------------

    def order(self, field: Field, rank: Callable[[str], Mapping[Any, int]]) -> Callable[[Any], Any]:
        """The sort key of a value; ``rank(kind)`` is a record type's order, by identity."""
        return lambda value: value

    def texts(self, field: Field) -> Callable[[Any], list[str]] | None:
        """What free text search reads in a value (None: nothing)."""
        return None

    def filters(self, field: Field) -> bool:
        """Whether a query can filter on the field (turn an argument into the values it stands for)."""
        return bool(field.vocabulary or field.choices or field.refers)

    def resolve(self, parameter: str, field: Field, value: object, one: Callable[[object], Any]) -> set[Any]:
        """The values a filter argument (one, or an iterable of them) stands for; ``one`` resolves one of them."""
        from belatam.arguments import each

        return {one(v) for v in each(parameter, value)}


class _Text(ValueKind):
    __slots__ = ()
    pandas_dtype = "string"

    def claims(self, inner: set[Any]) -> bool:
        return inner == {str}

    def read(self, field: Field, value: Any) -> Any:
        if type(value) is not str:
            raise _expected(str, value)
        return value

    def reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        strings = shared.strings

        def text(value: Any) -> Any:
            if type(value) is not str:
                raise _expected(str, value)
            return strings.setdefault(value, value)

        if not field.optional:
            return text

        def text_or_none(value: Any) -> Any:  # the commonest optional field, read in one call
            if value is None:
                return None
            if type(value) is not str:
                raise _expected(str, value)
            return strings.setdefault(value, value)

        return text_or_none

    def problem(self, field: Field, value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be text, not {type(value).__name__}"
        return _text_problem(value)

    def order(self, field: Field, rank: Callable[[str], Mapping[Any, int]]) -> Callable[[Any], Any]:
        return lambda value: (value is None, fold(value or ""))

    def texts(self, field: Field) -> Callable[[Any], list[str]] | None:
        return lambda value: [value] if isinstance(value, str) else []

    def linked(self, field: Field, value: Any, record: object, node: Callable[[object], Any]) -> Any:
        if field.language:
            return {"@value": value, "@language": getattr(record, field.language)}
        return value


class _Exact(ValueKind):
    """A JSON scalar read as exactly its Python type (``true`` is no integer)."""

    __slots__ = ()
    exact: ClassVar[type]
    wrong: ClassVar[str]

    def claims(self, inner: set[Any]) -> bool:
        return inner == {self.exact}

    def value_reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        exact = self.exact

        def number(value: Any) -> Any:
            if type(value) is not exact:
                raise _expected(exact, value)
            return value

        return number

    def problem(self, field: Field, value: Any) -> str | None:
        return None if type(value) is self.exact else f"must be {self.wrong}, not {type(value).__name__}"


class _Integer(_Exact):
    __slots__ = ()
    exact = int
    wrong = "an int"
    numeric = True
    table_type = "integer"
    pandas_dtype = "Int64"

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        return {"type": "integer", **checks}

    def filters(self, field: Field) -> bool:
        return True

    def resolve(self, parameter: str, field: Field, value: object, one: Callable[[object], Any]) -> set[Any]:
        from belatam.arguments import check_int, each

        return {check_int(parameter, v) for v in each(parameter, value)}

    def arrow_type(self, pa: Any, field: Field) -> Any:
        return pa.int64()


class _Boolean(_Exact):
    __slots__ = ()
    exact = bool
    wrong = "True or False"
    switch = True
    table_type = "boolean"
    pandas_dtype = "boolean"

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        return {"type": "boolean", **checks}

    def arrow_type(self, pa: Any, field: Field) -> Any:
        return pa.bool_()

    def filters(self, field: Field) -> bool:
        return True

    def resolve(self, parameter: str, field: Field, value: object, one: Callable[[object], Any]) -> set[Any]:
        from belatam.arguments import check_bool

        return {check_bool(parameter, value)}


class _Vocabulary(ValueKind):
    __slots__ = ()

    def claims(self, inner: set[Any]) -> bool:
        (one,) = inner if len(inner) == 1 else (None,)
        return isinstance(one, type) and issubclass(one, enum.Enum)

    def read(self, field: Field, value: Any) -> Any:
        assert field.vocabulary is not None
        return read_member(value, field.vocabulary)

    def value_reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        assert field.vocabulary is not None
        vocabulary = field.vocabulary
        members = {m.value: m for m in vocabulary}

        def member(value: Any) -> Any:
            if type(value) is not str or value not in members:
                raise Problem(str(_refusal(read_member, value, vocabulary)))
            return members[value]

        return member

    def problem(self, field: Field, value: Any) -> str | None:
        assert field.vocabulary is not None
        return None if isinstance(value, field.vocabulary) else f"must be a {field.vocabulary.__name__}"

    def flat(self, field: Field, value: Any) -> Any:
        return value.value

    def arrow_type(self, pa: Any, field: Field) -> Any:
        return pa.dictionary(pa.int32(), pa.string())

    def arrow_array(self, pa: Any, column: Column, arrow_type: Any, rows: Iterable[object]) -> Any:
        assert column.field.vocabulary is not None
        categories = [str(m.value) for m in column.field.vocabulary]
        position = {value: index for index, value in enumerate(categories)}
        indices = [None if v is None else position[v] for v in (column.flat(row) for row in rows)]
        return pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), pa.array(categories, pa.string()))

    def series(self, pd: Any, column: Column, values: list[Any], index: Any) -> Any:
        assert column.field.vocabulary is not None
        return pd.Categorical(values, categories=[m.value for m in column.field.vocabulary])

    def order(self, field: Field, rank: Callable[[str], Mapping[Any, int]]) -> Callable[[Any], Any]:
        return lambda value: value.value


class _Money(ValueKind):
    __slots__ = ()
    numeric = True
    table_type = "integer"
    linked_type = "xsd:decimal"

    def claims(self, inner: set[Any]) -> bool:
        (one,) = inner if len(inner) == 1 else (None,)
        # known by name: importing decimal costs every first query
        return (getattr(one, "__module__", None), getattr(one, "__name__", None)) == ("decimal", "Decimal")

    def form(self, field: Field) -> str:
        if field.derived:
            return "Whole units of the currency in the currency column."  # worked out, stated by no source
        return "Whole units of the currency in the currency column, exactly as the source states them."

    def read(self, field: Field, value: Any) -> Any:
        return read_amount(value)

    def problem(self, field: Field, value: Any) -> str | None:
        from decimal import Decimal

        return None if type(value) is Decimal else f"must be a Decimal, not {type(value).__name__}"

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        return {"type": "string", "pattern": AMOUNT_PATTERN, **checks}

    def arrow_type(self, pa: Any, field: Field) -> Any:
        return pa.decimal128(MAX_AMOUNT_DIGITS, 0)

    def arrow_array(self, pa: Any, column: Column, arrow_type: Any, rows: Iterable[object]) -> Any:
        from decimal import Decimal

        return pa.array(
            [None if (v := column.raw(row)) is None else v.quantize(Decimal(1)) for row in rows], arrow_type
        )

    def linked(self, field: Field, value: Any, record: object, node: Callable[[object], Any]) -> Any:
        return str(value)


class _Date(ValueKind):
    __slots__ = ()
    days = True
    pandas_dtype = "string"

    def claims(self, inner: set[Any]) -> bool:
        return bool(inner) and inner <= {PartialDate, Period}

    def form(self, field: Field) -> str:
        return _DATE_FORM

    def read(self, field: Field, value: Any) -> Any:
        return read_date(value, field.periods)

    def value_reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        dates, periods = shared.dates, field.periods

        def date(value: Any) -> Any:
            found = dates.get(value) if type(value) is str else None
            if found is None:
                try:
                    found = dates[value] = read_date(value, True)
                except BelatamError as exc:
                    raise Problem(str(exc)) from None
            if not periods and type(found) is not PartialDate:
                raise Problem(str(_refusal(read_date, value, False)))
            return found

        return date

    def problem(self, field: Field, value: Any) -> str | None:
        allowed = (PartialDate, Period) if field.periods else (PartialDate,)
        return None if isinstance(value, allowed) else f"must be a {' or '.join(a.__name__ for a in allowed)}"

    def flat(self, field: Field, value: Any) -> Any:
        return str(value)

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        return {"type": "string", "pattern": PERIOD_PATTERN if field.periods else DATE_PATTERN, **checks}

    def order(self, field: Field, rank: Callable[[str], Mapping[Any, int]]) -> Callable[[Any], Any]:
        cache: dict[Any, Any] = {}

        def by_date(value: Any) -> Any:
            found = cache.get(value)
            if found is None:
                found = cache[value] = date_key(value)
            return found

        return by_date


class _Day(ValueKind):
    """The first or last day a date field can be: the extra columns of tables (never a field's own kind)."""

    __slots__ = ()
    table_type = "date"

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        return {"type": "string", "format": "date", **checks}

    def arrow_type(self, pa: Any, field: Field) -> Any:
        return pa.date32()

    def series(self, pd: Any, column: Column, values: list[Any], index: Any) -> Any:
        from belatam.extras import require

        np = require("numpy", "pandas")
        days = np.array([None if v is None else v.isoformat() for v in values], dtype="datetime64[D]")
        return pd.Series(days.astype("datetime64[s]"), index=index)


class _Texts(ValueKind):
    __slots__ = ()
    many = True

    def claims(self, inner: set[Any]) -> bool:
        (one,) = inner if len(inner) == 1 else (None,)
        return tuple_item(one) is str

    def form(self, field: Field) -> str:
        return _LIST_FORM

    def value_reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        strings = shared.strings

        def texts(value: Any) -> tuple[str, ...]:
            if type(value) is not list:
                raise _expected(list, value)
            for item in value:
                if type(item) is not str:
                    raise _expected(str, item).at(value.index(item))
            return tuple([strings.setdefault(item, item) for item in value])

        return texts

    def problem(self, field: Field, value: Any) -> str | None:
        if not isinstance(value, tuple):
            return f"must be a tuple, not {type(value).__name__}"
        for index, item in enumerate(value):
            problem = f"must be text, not {type(item).__name__}" if not isinstance(item, str) else _text_problem(item)
            if problem is not None:
                return f"[{index}] {problem}"
        return None

    def flat(self, field: Field, value: Any) -> Any:
        return [str(item) for item in value]

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": {"type": "string", **checks}}
        if field.refers:
            out["uniqueItems"] = True  # a list of references names none twice
        return out

    def arrow_type(self, pa: Any, field: Field) -> Any:
        return pa.list_(pa.string())

    def texts(self, field: Field) -> Callable[[Any], list[str]] | None:
        return lambda value: [v for v in value or () if isinstance(v, str)]


class _Records(ValueKind):
    __slots__ = ()
    many = True

    def claims(self, inner: set[Any]) -> bool:
        (one,) = inner if len(inner) == 1 else (None,)
        item = tuple_item(one)
        return item is not None and attrs.has(item)

    def form(self, field: Field) -> str:
        return "A list separated by '|' (escaped as for lists)."

    def value_reader(self, field: Field, shared: Reading) -> Callable[[Any], Any]:
        assert field.nested is not None
        element = shared.record(field.nested)

        def records(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _expected(list, value)
            try:
                return tuple([element(item) for item in value])
            except Problem:
                for index, item in enumerate(value):
                    try:
                        element(item)
                    except Problem as problem:
                        raise problem.at(index) from None
                raise

        return records

    def problem(self, field: Field, value: Any) -> str | None:
        if not isinstance(value, tuple):
            return f"must be a tuple, not {type(value).__name__}"
        assert field.nested is not None
        for index, item in enumerate(value):
            if type(item) is not field.nested:
                problem: str | None = f"must be a {field.nested.__name__}, not {type(item).__name__}"
            else:
                problem = next(
                    (f"{f.name} {p}" for f in field.inner if (p := f.kind.check(f, getattr(item, f.name)))),
                    None,
                )
            if problem is not None:
                return f"[{index}] {problem}"
        return None

    def flat(self, field: Field, value: Any) -> Any:
        return [str(item) for item in value]

    def json_schema(self, field: Field, nested: Callable[[type], str], checks: dict[str, Any]) -> dict[str, Any]:
        assert field.nested is not None
        # the loader refuses a nested record (a citation) given twice
        return {"type": "array", "items": {"$ref": nested(field.nested)}, "uniqueItems": True}

    def arrow_type(self, pa: Any, field: Field) -> Any:
        inner = field.inner
        return pa.list_(pa.struct([pa.field(f.name, f.kind.arrow_type(pa, f), f.optional) for f in inner]))

    def arrow_array(self, pa: Any, column: Column, arrow_type: Any, rows: Iterable[object]) -> Any:
        inner = column.field.inner

        def plain(f: Field, value: Any) -> Any:
            return None if value is None else f.kind.flat(f, value)

        return pa.array(
            [[{f.name: plain(f, getattr(item, f.name)) for f in inner} for item in column.raw(row)] for row in rows],
            arrow_type,
        )

    def linked(self, field: Field, value: Any, record: object, node: Callable[[object], Any]) -> Any:
        return node(value)

    def order(self, field: Field, rank: Callable[[str], Mapping[Any, int]]) -> Callable[[Any], Any]:
        """The first nested record's order (a citation: its source in the sources' order, then its paragraph)."""
        keys = [(f.name, f.kind.order(f, rank), f.refers) for f in field.inner]

        def first(value: Any) -> Any:
            if not value:
                return (1,)
            head = value[0]
            out: list[Any] = [0]
            for name, key, refers in keys:
                part = getattr(head, name)
                if refers:
                    ranks = rank(refers[0])
                    out.append(ranks.get(part, len(ranks)))
                else:
                    out.append(0 if part is None else key(part))
            return tuple(out)

        return first

    def texts(self, field: Field) -> Callable[[Any], list[str]] | None:
        inner = tuple(f.name for f in field.inner if isinstance(f.kind, _Text) and not f.refers)
        if not inner:
            return None
        return lambda value: [t for item in value or () for name in inner if isinstance(t := getattr(item, name), str)]


def _refusal(read: Callable[..., Any], *args: Any) -> BelatamError:
    """The error ``read`` raises for ``args``."""
    try:
        read(*args)
    except BelatamError as exc:
        return exc
    raise AssertionError(f"{read.__name__} accepted {args!r}")  # pragma: no cover


def tuple_item(hint: Any) -> Any:
    """The item type of ``tuple[X, ...]`` (None for anything else)."""
    item = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(item) == 2 and item[1] is Ellipsis:
        return item[0]
    return None


TEXT = _Text("text")
INTEGER = _Integer("integer")
BOOLEAN = _Boolean("boolean")
VOCABULARY = _Vocabulary("vocabulary")
MONEY = _Money("money")
DATE = _Date("date")
TEXTS = _Texts("texts")
RECORDS = _Records("records")
DAY = _Day("day")

KINDS: tuple[ValueKind, ...] = (TEXT, INTEGER, BOOLEAN, VOCABULARY, MONEY, DATE, TEXTS, RECORDS)
"""Every kind a field can be, in the order annotations are tried."""


def classify(name: str, hint: Any) -> tuple[ValueKind, bool]:
    """(kind, optional) of a field's annotation; a `TypeError` where no kind claims it."""
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    args = set(typing.get_args(hint)) if union else {hint}
    optional = type(None) in args
    args.discard(type(None))
    for kind in KINDS:
        if kind.claims(args):
            return kind, optional
    raise TypeError(f"field {name!r}: the schema has no kind for {hint!r}")  # a model change must teach it
