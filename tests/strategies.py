"""Hypothesis strategies for belatam values, built from the schema (as attrs keeps its strategies in one place).

`datasets()` draws a small `belatam.Dataset` holding every record type of
`belatam.model.KINDS`, each record drawn field by field from what
`belatam.model.schema.describe` says of the field: its kind, whether it may
be None, its vocabulary or closed choices, the nested record type it holds,
whether a date may be a period, the record types it refers to (values are
drawn from the records drawn before; a record type is drawn after those it
refers to, and a reference to its own type names an earlier record, so none
leads back), its checks (a pattern, bounds) and its part in a time of
validity. A new record type or field is drawn without an edit here.

What the schema cannot say is kept in a few overrides, keyed by what a field
means rather than by record type: Belarus (`HOME`) is always a country;
look-up texts (names, aliases, names in other languages) look like names;
a language is one of the data's; an amount is stated to a unit (its
``*_precision``); every record cites a source; years are mostly recent; long
texts are any Unicode; and a date may be drawn from the dates of the records
a record names (a signing and its agreement, a visit and a meeting during
it), so the rules between records hold often enough to be exercised.

What a record refuses (an end before its start, a mission sent to its own
state, an accreditation through another state's mission) is mended the same
way for every type: the field the error names takes another value it may
hold (another record, another member), or loses an item, or its default;
failing that the record is not drawn. Relationships in force when what they
depend on (``within``) is not, or sharing an ``EXCLUSIVE`` post on a day,
lose their dates. The tables then pass `belatam.read.integrity.check` (every
rule, those of `belatam.read.timeline` included), each table mended the same way
where it does not. Sizes stay small so tests are fast.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from importlib.resources import files
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from belatam import Dataset, PartialDate, Period
from belatam.errors import DataError, InvalidValueError
from belatam.model import KINDS, Kind, record_type
from belatam.model.countries import HOME
from belatam.model.names import LANGUAGES
from belatam.model.schema import Field, RecordType, describe, lookup_values
from belatam.model.validity import span_of
from belatam.read.integrity import check, lookup_keys
from belatam.read.timeline import conflict, overlap
from belatam.text import key_forms

__all__ = [
    "DATA_DATES",
    "DRAWING_ORDER",
    "HOME",
    "MAX",
    "datasets",
    "date_likes",
    "partial_dates",
    "periods",
]

T = TypeVar("T")

MAX = 6
"""The most records of one type a generated data set holds (Belarus aside)."""

# -- dates ---------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    """A `PartialDate` of year, month or day precision."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


@st.composite
def periods(draw: st.DrawFn, dates: st.SearchStrategy[PartialDate] | None = None) -> Period:
    """A valid `Period`: the end not before the start; one end (never both) may be open."""
    dates = partial_dates() if dates is None else dates
    shape = draw(st.sampled_from(("closed", "open_end", "open_start")))
    a = draw(dates)
    if shape == "open_end":
        return Period(a, None)
    if shape == "open_start":
        return Period(None, a)
    b = draw(dates)
    if b.last_day() < a.first_day():
        a, b = b, a  # then b.first_day() <= b.last_day() < a.first_day() <= a.last_day()
    return Period(a, b)


def date_likes(dates: st.SearchStrategy[PartialDate] | None = None) -> st.SearchStrategy[PartialDate | Period]:
    """Either a `PartialDate` or a `Period`."""
    dates = partial_dates() if dates is None else dates
    return st.one_of(dates, periods(dates))


DATA_DATES = st.one_of(partial_dates(1990, 2025), partial_dates())
"""Dates for records: mostly recent years, sometimes anywhere in 1..9999."""

# -- the overrides: what the schema cannot say -----------------------------------

HOME_RECORD = {"code": HOME, "alpha3": "BLR", "numeric": "112", "name": "Belarus"}
"""Belarus, the state every relation is with, is always among the countries."""

WORDS = (
    "Aurelia",
    "Borduria",
    "Carpania",
    "Drusselstein",
    "Elbonia",
    "Freedonia",
    "Genovia",
    "Latveria",
    "Ruritania",
    "Syldavia",
    "Santa",
    "Lorenzo",
    "Costa",
    "Prisca",
    "República",
    "Bolívar",
    "Curaçao",
    "Boris",
    "Carmen",
    "Dmitri",
    "Félix",
    "Inés",
    "Raúl",
    "Márquez",
    "Sánchez",
    "Ivanov",
    "Tractor",
    "Potash",
    "Harbour",
    "Chamber",
    "Бразілія",
    "Лукашэнка",
    "Кастра",
)
"""Words of four letters or more (so no name is an ISO code), Latin and Cyrillic, some accented."""

NAME = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True).map(" ".join)
"""Look-up texts (names, aliases, names in other languages) look like names."""

_SAMPLE_TEXTS = (
    "Official visit",
    "Minsk",
    "Havana, Cuba",
    "Díaz-Canel «visit» — 2018",
    'quotes " and \\ backslash',
    "line\nbreak\ttab",
    "Ж ж ñ ü ç 中文 🇧🇾",
)
_TEXT = st.sampled_from(_SAMPLE_TEXTS)
"""Cheap text for most fields (never blank: records refuse blank texts)."""
_ANY_TEXT = st.text(min_size=1, max_size=12).filter(str.strip)
"""Long texts (titles, summaries, notes) may be any Unicode."""

_YEARS = st.integers(1990, 2030) | st.integers(1, 9999)
"""A whole number bounded by 1 and 9999 is a year: mostly recent."""
_UNIT = st.sampled_from([Decimal(1), Decimal(1000), Decimal(100000), Decimal(1000000)])
_AMOUNT = st.integers(0, 10**12).map(Decimal)
PRECISION = "_precision"
"""An amount ``x`` beside a field ``x_precision`` is stated to that unit: a whole number of it."""

LANGUAGE_FIELDS = frozenset(
    {"language"}
    | {
        f.language
        for kind in KINDS
        for cls in (record_type(kind), *(f.item for f in describe(record_type(kind)).fields if f.kind == "records"))
        if cls is not None
        for f in describe(cls).fields
        if f.language
    }
)
"""Fields that hold a language (``Name.lang``, which ``Name.text`` is in): one of the data's languages."""

_NONE = object()
"""What a required reference is when there is nothing to refer to: the record is not drawn."""

CITATIONS = "sources"
"""The field every record but a source has, which must cite at least one source."""


# -- the drawing order ---------------------------------------------------------------


def refers(cls: type) -> set[str]:
    """The record types a class's fields (nested records' fields included) refer to."""
    found: set[str] = set()
    for field in describe(cls).fields:
        found |= set(field.refers)
        if field.kind == "records" and field.item is not None:
            found |= refers(field.item)
    return found


def _drawing_order() -> tuple[Kind, ...]:
    """Every kind after those it refers to, otherwise in loading order."""
    done: list[Kind] = []
    while len(done) < len(KINDS):
        kind = next(k for k in KINDS if k not in done and refers(record_type(k)) - {k} <= set(done))
        done.append(kind)
    return tuple(done)


DRAWING_ORDER = _drawing_order()


@functools.cache
def _prefix(kind: Kind) -> str:
    """The prefix of a kind's ids: its id check's own (``prefix``), else the one the packaged ids share."""
    schema = describe(record_type(kind))
    assert schema.identity is not None
    validator = attrs.fields_dict(schema.cls)[schema.identity.name].validator
    found = getattr(validator, "prefix", None)
    if isinstance(found, str):
        return found
    items = json.loads((files("belatam") / "data" / f"{kind}.json").read_bytes())
    prefixes = {str(item[schema.identity.name]).partition("-")[0] for item in items}
    return prefixes.pop() if len(prefixes) == 1 else kind[:3]


_CITED = {
    k for kind in KINDS for f in describe(record_type(kind)).fields if f.name == CITATIONS for k in refers(f.item)
}  # type: ignore[arg-type]
"""The record types citations point at: a data set holds at least one of them."""


# -- what has been drawn ----------------------------------------------------------------


class _Drawn:
    """The records drawn so far, by kind."""

    def __init__(self) -> None:
        self.tables: dict[Kind, list[Any]] = {}
        self.taken: set[str] = set()
        """The folded look-up keys of every record drawn, of every kind: a key finds one record anywhere."""

    def keys(self, kinds: Iterable[str]) -> list[Any]:
        return [key(r) for kind in kinds for r in self.tables.get(kind, ())]  # type: ignore[call-overload]

    def find(self, kinds: Iterable[str], value: object) -> Any:
        return next((r for kind in kinds for r in self.tables.get(kind, ()) if key(r) == value), None)  # type: ignore[call-overload]

    def records(self) -> Iterator[Any]:
        for records in self.tables.values():
            yield from records

    def nested(self, cls: type) -> Iterator[Any]:
        """Every nested record of ``cls`` drawn so far (the roles of every person)."""
        for record in self.records():
            for field in describe(type(record)).fields:
                if field.item is cls:
                    yield from getattr(record, field.name)


def key(record: object) -> Any:
    schema = describe(type(record))
    assert schema.identity is not None
    return getattr(record, schema.identity.name)


# -- values ------------------------------------------------------------------------------


def _optional(field: Field, strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy if field.optional else strategy


@functools.cache
def _indexes(size: int, many: bool) -> st.SearchStrategy[Any]:
    """A position in a pool of ``size`` (made once: a strategy costs more to make than to draw from)."""
    if many:
        return st.lists(st.integers(0, size - 1), unique=True, max_size=min(3, size))
    return st.integers(0, size - 1)


def _pick(draw: st.DrawFn, pool: Sequence[T], label: str) -> T:
    return pool[draw(_indexes(len(pool), False), label=label)]


def _references(draw: st.DrawFn, field: Field, drawn: _Drawn) -> Any:
    """A reference (or a few, for a list) to the records of the kinds the field refers to; ``_NONE``: none can be."""
    pool = drawn.keys(field.refers)
    if field.many:
        return tuple(pool[i] for i in draw(_indexes(len(pool), True), label=field.name)) if pool else ()
    if field.optional and (not pool or draw(st.booleans(), label=f"{field.name} given") is False):
        return None
    return _pick(draw, pool, field.name) if pool else _NONE


def _text(field: Field) -> st.SearchStrategy[str]:
    if field.choices:
        return st.sampled_from(field.choices)
    if field.name in LANGUAGE_FIELDS:
        return st.sampled_from(LANGUAGES)
    if "pattern" in field.checks:
        return st.from_regex(field.checks["pattern"], fullmatch=True)
    if field.lookup:
        return NAME
    if field.long:
        return _TEXT | _ANY_TEXT
    if field.checks.get("nonblank") or field.optional:
        return _TEXT
    return st.just("") | _TEXT  # a text that may be empty (a description)


def _integer(field: Field) -> st.SearchStrategy[int]:
    low, high = field.checks.get("minimum", 0), field.checks.get("maximum")
    if (low, high) == (1, 9999):
        return _YEARS
    return st.integers(low, high if high is not None else low + 40)


@functools.cache
def _values(field: Field) -> st.SearchStrategy[Any]:
    """Values of a field that is not a reference, a date, an amount or nested records (made once per field)."""
    if field.kind == "vocabulary":
        assert field.vocabulary is not None
        return _optional(field, st.sampled_from(field.vocabulary))
    if field.kind == "boolean":
        return _optional(field, st.booleans())
    if field.kind == "integer":
        return _optional(field, _integer(field))
    if field.kind == "money":
        return _optional(field, _AMOUNT)
    if field.kind == "texts":
        item = NAME if field.lookup else _TEXT
        return st.lists(item, unique=True, max_size=3).map(tuple)
    return _optional(field, _text(field))


@functools.cache
def _own_dates(field: Field) -> st.SearchStrategy[Any]:
    return _optional(field, date_likes(DATA_DATES) if field.periods else DATA_DATES)


def _date(draw: st.DrawFn, field: Field, related: tuple[list[Any], list[Any]]) -> Any:
    """A date, or (as the records it names have, or those that name them too) one of ``related``."""
    for dates in related:
        fitting = [d for d in dates if field.periods or isinstance(d, PartialDate)]
        if fitting and draw(st.booleans(), label=f"{field.name} as named"):
            return _pick(draw, fitting, field.name)
    return draw(_own_dates(field), label=field.name)


def _related(schema: RecordType, values: dict[str, Any], drawn: _Drawn) -> tuple[list[Any], list[Any]]:
    """The dates of the records ``values`` name, and those of the records that name them too."""
    named: set[Any] = set()
    for field in schema.fields:
        if field.refers and values.get(field.name) is not None:
            value = values[field.name]
            named |= set(value) if isinstance(value, tuple) else {value}
    direct: list[Any] = []
    beside: list[Any] = []
    if not named:
        return direct, beside
    for record in drawn.records():
        other = describe(type(record))
        dates = [d for f in other.fields if f.kind == "date" for d in f.values(record)]
        if key(record) in named:
            direct += dates
        elif any(v in named for f in other.fields if f.refers for v in f.values(record)):
            beside += dates
    return direct, beside


# -- records -------------------------------------------------------------------------------


def _default(field: Field) -> Any:
    return None if field.default is attrs.NOTHING else field.default


def _alternatives(field: Field, drawn: _Drawn) -> Sequence[Any]:
    """The other values a field may hold, to try when a record refuses the one drawn."""
    if field.refers and not field.many:
        return drawn.keys(field.refers)
    if field.vocabulary is not None:
        return list(field.vocabulary)
    return field.choices


def _mend(schema: RecordType, values: dict[str, Any], name: str | None, drawn: _Drawn, tried: set[Any]) -> bool:
    """Change the refused field ``name``: another value, one item fewer, or its default. False: nothing left."""
    if name is None or name not in values:
        return False
    field = schema.field(name)
    value = values[name]
    tried.add((name, value))
    candidates: list[Any] = []
    if isinstance(value, tuple):
        candidates += [value[:i] + value[i + 1 :] for i in range(len(value))]
    candidates += [v for v in _alternatives(field, drawn) if v != value]
    if field.optional or not field.required:
        candidates.append(_default(field))
    for candidate in candidates:
        if (name, candidate) not in tried and candidate != value:
            tried.add((name, candidate))
            values[name] = candidate
            return True
    return False


def _rule_problem(record: object, drawn: _Drawn) -> tuple[str, str] | None:
    """What the class's ``RULES`` (checked by `belatam.read.timeline`) find wrong between it and what it names."""
    for rule in getattr(type(record), "RULES", ()):
        problem = rule(record, lambda kind, value: drawn.find((kind,), value))
        if problem is not None:
            return problem  # type: ignore[no-any-return]
    return None


def _build(schema: RecordType, values: dict[str, Any], drawn: _Drawn) -> Any:
    """The record of ``values``, mended where it refuses a field; None if it cannot be."""
    tried: set[Any] = set()
    for _ in range(40):
        try:
            record = schema.cls(**values)
        except InvalidValueError as error:
            if not _mend(schema, values, error.field, drawn, tried):
                return None
            continue
        problem = _rule_problem(record, drawn)
        if problem is None:
            return record
        if not _mend(schema, values, problem[0], drawn, tried):
            return None
    return None


def _timeless(record: T) -> T:
    """``record`` without the fields that say when it held: in force on no day the sources show."""
    parts = describe(type(record)).validity.values()
    return attrs.evolve(record, **{f.name: None for f in parts if f.optional})  # type: ignore[misc]


def _clashes(record: object, others: Iterable[object], outer: object | None) -> bool:
    """Whether ``record`` is in force when what it depends on is not, or with another on an exclusive post."""
    schema = describe(type(record))
    span = span_of(record)
    if outer is not None and conflict(span, span_of(outer)) is not None:
        return True
    for group in schema.exclusive:
        mine = tuple(getattr(record, name) for name in group)
        if None in mine:
            continue
        for other in others:
            if tuple(getattr(other, name) for name in group) == mine and overlap(span, span_of(other)) is not None:
                return True
    return False


def _in_time(record: Any, drawn: _Drawn, kind: Kind) -> Any:
    """``record``, its nested records and it losing their dates where they would clash with what is drawn."""
    schema = describe(type(record))
    changes: dict[str, Any] = {}
    for field in schema.fields:
        if field.kind == "records" and field.item is not None and describe(field.item).validity:
            items: list[Any] = []
            others = list(drawn.nested(field.item))
            for item in getattr(record, field.name):
                if _clashes(item, [*others, *items], record if schema.validity else None):
                    item = _timeless(item)
                items.append(item)
            changes[field.name] = tuple(items)
    if changes:
        record = attrs.evolve(record, **changes)
    if not schema.validity:
        return record
    outers = [
        outer
        for field in schema.fields
        if field.within
        for value in field.values(record)
        if (outer := drawn.find(field.refers, value)) is not None and describe(type(outer)).validity
    ]
    if any(_clashes(record, (), outer) for outer in outers) or _clashes(record, drawn.tables[kind], None):
        record = _timeless(record)
    return record


def _record(draw: st.DrawFn, schema: RecordType, drawn: _Drawn, fixed: dict[str, Any]) -> Any:
    """One record of ``schema`` (or None, where it cannot be drawn), its fields drawn from the schema."""
    values = dict(fixed)
    names = {f.name for f in schema.fields}
    for field in sorted(schema.fields, key=lambda f: f.kind == "date"):  # dates last: they may follow others
        if field.name in values:
            continue
        if field.kind == "money" and field.name + PRECISION in names:
            unit = draw(_UNIT)
            amount = draw(_values(field), label=field.name)
            values[field.name] = None if amount is None else amount // unit * unit
            values[field.name + PRECISION] = None if amount is None else unit
        elif field.kind == "date":
            values[field.name] = _date(draw, field, _related(schema, values, drawn))
        elif field.kind == "records":
            assert field.item is not None
            least, most = (1, 3) if field.name == CITATIONS else (0, 2)
            items: list[Any] = []
            for _ in range(draw(st.integers(least, most), label=f"{field.name} count")):
                item = _record(draw, describe(field.item), drawn, {})
                if item is not None and item not in items:  # a list holds an item once
                    items.append(item)
            values[field.name] = tuple(items)
        elif field.refers:
            values[field.name] = _references(draw, field, drawn)
            if values[field.name] is _NONE:
                return None
        else:
            values[field.name] = draw(_values(field), label=field.name)
    return _build(schema, values, drawn)


def _identities(kind: Kind, schema: RecordType) -> st.SearchStrategy[list[Any]]:
    """The identities of a table: distinct ids with the kind's prefix, or distinct codes."""
    field = schema.identity
    assert field is not None
    least = 1 if kind in _CITED else 0
    pattern = field.checks.get("pattern")
    if pattern is not None and re.fullmatch(pattern, "abc-x"):  # an id: a typed slug
        prefix = _prefix(kind)
        slugs = st.from_regex(r"[0-9a-z]{1,6}(-[0-9a-z]{1,4}){0,2}", fullmatch=True)
        return st.lists(slugs.map(f"{prefix}-{{}}".format), unique=True, min_size=least, max_size=MAX)
    if pattern is not None:
        codes = st.from_regex(pattern, fullmatch=True).filter(lambda code: code != HOME)
        return st.lists(codes, unique=True, min_size=least, max_size=MAX)
    return st.lists(_integer(field), unique=True, min_size=least, max_size=MAX)


def _table(draw: st.DrawFn, kind: Kind, drawn: _Drawn) -> None:
    schema = describe(record_type(kind))
    assert schema.identity is not None
    records = drawn.tables[kind] = []
    fixed = [HOME_RECORD] if HOME_RECORD.keys() <= {f.name for f in schema.fields} else []
    fixed += [{schema.identity.name: value} for value in draw(_identities(kind, schema), label=kind)]
    for values in fixed:
        record = _record(draw, schema, drawn, values)
        if record is not None:
            record = _unclashing(record, drawn.taken)
        if record is not None:
            records.append(_in_time(record, drawn, kind))
            drawn.taken |= {found for _, found in lookup_keys(schema, record)}
    _settle(drawn)


def _forms(field: Field, value: object) -> set[str]:
    """The folded look-up keys one value (or one item of a list) of a look-up field gives."""
    if field.kind == "records" and field.item is not None:
        return {form for _, text in lookup_values(describe(field.item), value) for form in key_forms(text)}
    return set(key_forms(value)) if isinstance(value, str) else set()


def _unclashing(record: Any, taken: set[str]) -> Any:
    """``record`` without the look-up keys another record has (of any kind): the items or fields that hold
    them left out, or None where a required one does. Then ``member="..."`` finds a country or an
    organisation, never both."""
    schema = describe(type(record))
    changes: dict[str, Any] = {}
    for field in schema.lookups:
        value = getattr(record, field.name)
        if field.many:
            kept = tuple(item for item in value if not _forms(field, item) & taken)
            if kept != value:
                changes[field.name] = kept
        elif value is not None and _forms(field, value) & taken:
            if field.required and not field.optional:
                return None
            changes[field.name] = _default(field)
    try:
        return attrs.evolve(record, **changes) if changes else record
    except InvalidValueError:
        return None


# -- whole tables ---------------------------------------------------------------------------


def _settle(drawn: _Drawn) -> None:
    """Mend the tables until they pass every rule of `belatam.read.integrity.check`."""
    for _ in range(500):  # each round leaves out an item, a field or a record: it ends
        try:
            check(drawn.tables)  # type: ignore[arg-type]
        except DataError as error:
            _repair(drawn, error)
        else:
            return
    raise AssertionError("the drawn tables do not settle")


def _repair(drawn: _Drawn, error: DataError) -> None:
    """Mend the record ``error`` names: its item or field left out, else the record itself."""
    kind: Kind = error.file.removesuffix(".json")  # type: ignore[assignment]
    schema = describe(record_type(kind))
    records = drawn.tables[kind]
    position = next(i for i, r in enumerate(records) if schema.label(r, i) == error.record)
    record = records[position]
    path = error.field or ""
    item = re.fullmatch(r"(\w+)\[(\d+)\].*", path)
    change: dict[str, Any] | None = None
    if item is not None:
        name, index = item[1], int(item[2])
        values = getattr(record, name)
        change = {name: values[:index] + values[index + 1 :]}
    elif path in {f.name for f in schema.fields}:
        field = schema.field(path)
        if (field.optional or not field.required) and getattr(record, path) != _default(field):
            change = {path: _default(field)}
    if change is not None:
        try:
            records[position] = attrs.evolve(record, **change)
            return
        except InvalidValueError:
            pass
    del records[position]


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """A small `Dataset` of every record type that passes every integrity rule."""
    drawn = _Drawn()
    for kind in DRAWING_ORDER:
        _table(draw, kind, drawn)
    tables: dict[str, Any] = dict(drawn.tables)
    tables["countries"] = draw(st.permutations(tables["countries"]), label="countries order")  # Belarus anywhere
    return Dataset(**tables)
