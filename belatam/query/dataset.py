"""A data set (`Dataset`): every record, in query order, with the indexes the queries use.

A `Dataset` holds one table per record type. A table keeps its records in
their fixed order (the class's ``ORDER``, or by date, or by identity), maps
each identity and each folded look-up key to its record, and builds, on the
first query that needs it, one bucket of records per value of a filter (with
an index by year inside a bucket a year query narrows) and the records in
force on each day asked about, so a query scans only its smallest step: its
cost follows its answer.

Built from records (``Dataset(events=...)``) or by `belatam.load`, a data set
is checked whole (`belatam.read.integrity`) before it is used. The packaged one
builds each table on first use, so a query reads and builds only the record
types it needs; that data is checked whole by the test suite instead.

Every query returns a tuple (a `Results`); filters are keyword-only, each
takes one value or an iterable of them (any of them matches), and filters
combine with AND.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from belatam.arguments import (
    CITATION_FORMATS,
    CitationFormat,
    check_bool,
    check_choice,
    check_count,
    check_day,
    check_enum,
    check_key,
    check_year,
    day_range,
    each,
    misfit,
)
from belatam.data import REFERENCE_DAY
from belatam.dates import Day
from belatam.errors import AmbiguousKeyError, CallError, InvalidTypeError, InvalidValueError, UnknownKeyError, quote
from belatam.model import KINDS, Kind, check_kind, record_type
from belatam.model.countries import HOME
from belatam.model.names import LANGUAGES
from belatam.model.schema import Field, RecordType, describe, lookup_values
from belatam.model.validity import Span, span_of
from belatam.query.planner import Step, holds, member, run
from belatam.query.results import Results
from belatam.text import fold, key_forms

if TYPE_CHECKING:
    import datetime

    from belatam.arguments import OneOrMany, When
    from belatam.dates import DateLike
    from belatam.model.accreditations import Accreditation
    from belatam.model.agreements import Agreement
    from belatam.model.countries import Country
    from belatam.model.events import Event, EventKind
    from belatam.model.memberships import Membership, MembershipRole
    from belatam.model.missions import Mission, MissionKind
    from belatam.model.organizations import Organization, OrganizationKind
    from belatam.model.partnerships import Partnership
    from belatam.model.people import Person, Role
    from belatam.model.postings import Posting
    from belatam.model.record import Record
    from belatam.model.sources import Source
    from belatam.model.statements import Statement, Topic
    from belatam.model.trade import TradeFigures, TradeKind
    from belatam.query.matching import Index
    from belatam.read.releases import Change

__all__ = ["Dataset", "Option", "Query", "call_error", "query"]

_EMPTY: Results[Any] = Results()

F = TypeVar("F", bound=Callable[..., Any])


class Option:
    """A parameter of a query that is not a filter on its records' fields (`Dataset.search`'s ``limit``).

    The command line makes an option of it from ``help``, ``choices`` (its
    valid values), ``type`` (``int`` or ``str``) and ``many`` (the option may
    be given several times, meaning any of its values).
    """

    __slots__ = ("choices", "help", "many", "type")

    def __init__(self, help: str, *, choices: tuple[str, ...] = (), type: type = str, many: bool = False) -> None:
        self.help = help
        self.choices = choices
        self.type = type
        self.many = many


class Query:
    """What a `Dataset` method answers with: records of ``kind``, one (a look-up) or many (a query).

    ``filters`` is the record type whose fields its filter parameters are (by
    default ``kind``); ``kind`` is None for `Dataset.record`, which finds any.
    ``options`` describes its parameters that are not filters; ``required``
    says its first argument must be given (a look-up without its key lists
    the records instead); ``text`` that it answers with text, not records.
    The command line makes a subcommand of every method that has one, with
    options from its signature and the schema.
    """

    __slots__ = ("filters", "kind", "one", "options", "required", "text")

    def __init__(
        self,
        kind: Kind | None,
        one: bool,
        filters: Kind | None,
        options: Mapping[str, Option] | None = None,
        required: bool = False,
        text: bool = False,
    ) -> None:
        self.kind = kind
        self.one = one
        self.filters = filters or kind
        self.options = dict(options or {})
        self.required = required
        self.text = text


def query(
    kind: Kind | None,
    *,
    one: bool = False,
    filters: Kind | None = None,
    options: Mapping[str, Option] | None = None,
    required: bool = False,
    text: bool = False,
) -> Callable[[F], F]:
    """Mark a `Dataset` method as a query of ``kind`` (see `Query`)."""

    def mark(method: F) -> F:
        method.__belatam__ = Query(kind, one, filters, options, required, text)  # type: ignore[attr-defined]
        return method

    return mark


def call_error(
    function: str, method: Callable[..., Any], args: Sequence[object], kwargs: Mapping[str, object]
) -> CallError | None:
    """Why ``args`` and ``kwargs`` do not fit the query ``method`` (called as ``function``); None if they do.

    A wrong keyword is answered with the method's filters that take the same
    kind of value as the filter of that name elsewhere (``country``: a
    mission's ``sending`` and ``receiving``).
    """
    import inspect

    signature = inspect.signature(method)
    signature = signature.replace(parameters=list(signature.parameters.values())[1:])
    return misfit(function, signature, args, kwargs, lambda word: _alike(method, word))


def _alike(method: Callable[..., Any], word: str) -> list[str]:
    """The filters of ``method`` whose values are records of the kind the filter ``word`` takes in other queries."""
    schemas = {
        name: describe(record_type(declared.filters)).filters
        for name, member in vars(Dataset).items()
        if isinstance(declared := getattr(member, "__belatam__", None), Query) and declared.filters
    }
    refers = {kind for filters in schemas.values() if word in filters for kind in filters[word].refers}
    own = schemas.get(method.__name__, {})
    return [name for name, field in own.items() if refers & set(field.refers)]


class _Table:
    """The records of one kind in query order, with look-up maps and filter buckets built on demand."""

    __slots__ = (
        "_buckets",
        "_lookup",
        "_names",
        "_spans",
        "_subsets",
        "_years",
        "identity",
        "kind",
        "rank",
        "records",
        "schema",
    )

    def __init__(self, kind: Kind, records: Sequence[Any], dataset: Dataset) -> None:
        self.kind = kind
        self.schema = schema = describe(record_type(kind))
        assert schema.identity is not None
        name = schema.identity.name
        self.records: Results[Any] = Results(sorted(records, key=_order(kind, schema, dataset)), schema.cls)
        self.identity = {getattr(r, name): r for r in self.records}
        self.rank = {getattr(r, name): i for i, r in enumerate(self.records)}
        self._lookup: dict[str, Any] | None = None
        self._names: list[tuple[str, Any]] | None = None
        self._buckets: dict[str, dict[Any, Results[Any]]] = {}
        self._years: dict[Hashable, _Years] = {}
        self._subsets: dict[Hashable, tuple[Results[Any], frozenset[Any]]] = {}
        self._spans: dict[Any, Span] | None = None

    def span(self, record: Any) -> Span:
        """The `Span` of one of the table's records (worked out once per record)."""
        spans = self._spans
        if spans is None:
            assert self.schema.identity is not None
            name = self.schema.identity.name
            spans = self._spans = {getattr(r, name): span_of(r) for r in self.records}
        assert self.schema.identity is not None
        return spans[getattr(record, self.schema.identity.name)]

    @property
    def lookup(self) -> dict[str, Any]:
        """Each folded look-up key (a name, an alias, a code) and the record it finds, built on first use."""
        if self._lookup is None:
            found: dict[str, Any] = {}
            for record in self.records:
                for _, value in lookup_values(self.schema, record):
                    found.setdefault(fold(value), record)
            self._lookup = found
        return self._lookup

    def partly(self, key: str) -> list[Any]:
        """The records one of whose names (look-up keys other than the identity) holds ``key`` as whole words.

        ``"Antigua"`` is part of "Antigua and Barbuda", ``"lukashenka"`` of
        "Alyaksandr Lukashenka"; a key of fewer than three letters is part of nothing.
        Official names are whole or nothing: their words are common ones
        ("United", "Estados Unidos", "Republic"), so a part of one finds nothing.
        """
        if self._names is None:
            identity = self.schema.identity.name if self.schema.identity else None
            self._names = [
                (f" {folded} ", record)
                for record in self.records
                for field, value in lookup_values(self.schema, record)
                if field != identity and (folded := fold(value)) not in _official(record)
            ]
        folded = fold(key)
        if len(folded.replace(" ", "")) < 3:
            return []
        padded = f" {folded} "
        return list(dict.fromkeys(r for name, r in self._names if padded in name))

    def bucket(self, field: Field, value: Any) -> Results[Any]:
        """The records whose ``field`` holds ``value``, in query order."""
        buckets = self._buckets.get(field.name)
        if buckets is None:
            lists: dict[Any, list[Any]] = {}
            for record in self.records:
                for item in set(field.values(record)):
                    lists.setdefault(item, []).append(record)
            buckets = self._buckets[field.name] = {k: Results(v, self.schema.cls) for k, v in lists.items()}
        return buckets.get(value, _EMPTY)

    def in_year(self, field: Field, year: int, within: tuple[str, Any] | None = None) -> Sequence[Any]:
        """The records whose date (``field``) overlaps ``year``, in query order.

        ``within`` narrows them to one filter's bucket (a field's name and
        value): each bucket gets its own index by year on first use, so a
        filter with a year costs what its answer costs.
        """
        years = self._years.get(within)
        if years is None:  # built once; two threads may both build it, to the same result
            records = self.records if within is None else self.bucket(self.schema.field(within[0]), within[1])
            years = self._years[within] = _Years(records, field.name, self.schema.cls)
        found: Sequence[Any] = years.single.get(year, _EMPTY)
        overlapping = [r for r in years.spanning if getattr(r, field.name).overlaps_year(year)]
        return self.merge(found, overlapping) if overlapping else found

    def subset(
        self,
        key: Hashable,
        make: Callable[[], Iterable[Any]],
        as_of: datetime.date | None = None,
        unknown: Callable[[], Iterable[Any]] | None = None,
    ) -> tuple[Results[Any], frozenset[Any]]:
        """The records ``make`` keeps (in query order) and their identities, made once per ``key``.

        Used for what a day or a fixed rule selects (the records in force on
        a day); ``unknown`` gives the records it cannot tell of (the answer's
        `Results.unknown`). A table keeps the last 64 such subsets.
        """
        found = self._subsets.get(key)
        if found is None:
            assert self.schema.identity is not None
            name = self.schema.identity.name
            records: Results[Any] = Results(
                list(make()), self.schema.cls, as_of, () if unknown is None else tuple(unknown())
            )
            if len(self._subsets) >= 64:
                self._subsets.clear()
            found = self._subsets[key] = (records, frozenset(getattr(r, name) for r in records))
        return found

    def undated(self) -> list[Any]:
        """The records without a ``when`` date (some known only within bounds), in query order."""
        key = "undated"
        found = self._subsets.get(key)
        if found is None:
            assert self.schema.when is not None
            name = self.schema.when.name
            found = self.subset(key, lambda: [r for r in self.records if getattr(r, name) is None])
        return list(found[0])

    def merge(self, *groups: Iterable[Any]) -> list[Any]:
        """Records of several groups, once each, in query order."""
        assert self.schema.identity is not None
        name, rank = self.schema.identity.name, self.rank
        unique = {getattr(r, name): r for group in groups for r in group}
        return [unique[k] for k in sorted(unique, key=rank.__getitem__)]


class _Years:
    """Records by the years their date overlaps, in query order.

    A date within one year, or a period of at most `SHORT` years, is listed
    under each year it overlaps; a longer or open-ended period is kept apart
    and tested on each query (such periods are few).
    """

    SHORT = 16

    __slots__ = ("single", "spanning")

    def __init__(self, records: Iterable[Any], name: str, cls: type) -> None:
        lists: dict[int, list[Any]] = {}
        self.spanning: list[Any] = []
        for record in records:
            date = getattr(record, name)
            if date is None:
                continue
            (first, _, _), (last, _, _) = date.bounds()
            if last - first > self.SHORT:
                self.spanning.append(record)
                continue
            for year in range(first, last + 1):
                lists.setdefault(year, []).append(record)
        self.single: dict[int, Results[Any]] = {year: Results(found, cls) for year, found in lists.items()}


def _order(kind: Kind, schema: RecordType, dataset: Dataset) -> Callable[[Any], tuple[Any, ...]]:
    """The sort key of a record type: its class's ``ORDER`` fields, else its date, then its identity."""
    assert schema.identity is not None
    names: tuple[str, ...] = getattr(schema.cls, "ORDER", ())
    if not names:
        names = (schema.when.name, schema.identity.name) if schema.when else (schema.identity.name,)
    parts = [_key(schema.field(name), kind, dataset) for name in names]
    if len(parts) == 2:
        first, second = parts
        return lambda record: (first(record), second(record))
    return lambda record: tuple([part(record) for part in parts])


def _key(field: Field, kind: Kind, dataset: Dataset) -> Callable[[Any], Any]:
    """How one field orders records: dates by interval, names folded, references by the target's order."""
    name = field.name
    if field.refers and not field.many and kind not in field.refers:
        tables = [dataset._table(target) for target in field.refers]  # type: ignore[arg-type]

        def by_target(record: Any) -> Any:
            value = getattr(record, name)
            for position, table in enumerate(tables):
                if value in table.rank:
                    return (position, table.rank[value])
            return (len(tables), value)

        return by_target
    key = field.kind.order(field, lambda target: dataset._table(target).rank)  # type: ignore[arg-type]
    return lambda record: key(getattr(record, name))


def _check_records(kind: Kind, records: Iterable[object]) -> tuple[Any, ...]:
    cls = record_type(kind)
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidTypeError(f"{kind} must be an iterable of {cls.__name__} records, not {type(records).__name__}")
    found = tuple(records)
    for position, record in enumerate(found):
        if type(record) is not cls:
            raise InvalidTypeError(
                f"{kind}[{position}] must be a {cls.__name__}, not {type(record).__name__}: {quote(record)}"
            )
    return found


class Dataset:
    """Every record of one data set, checked and indexed.

    Build one from records, each argument any iterable of one record type
    (``Dataset(countries=[...], events=[...])``), or get one from
    `belatam.load` or `belatam.dataset`. It never changes once built. Two
    data sets are equal when they hold the same records.
    """

    __slots__ = ("_indexes", "_lock", "_read", "_reference", "_tables")

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        countries: Iterable[Country] = (),
        missions: Iterable[Mission] = (),
        accreditations: Iterable[Accreditation] = (),
        partnerships: Iterable[Partnership] = (),
        people: Iterable[Person] = (),
        postings: Iterable[Posting] = (),
        organizations: Iterable[Organization] = (),
        memberships: Iterable[Membership] = (),
        agreements: Iterable[Agreement] = (),
        events: Iterable[Event] = (),
        statements: Iterable[Statement] = (),
        trade: Iterable[TradeFigures] = (),
    ) -> None:
        given = locals()  # one keyword per record type, named as its data file
        tables: dict[Kind, tuple[Any, ...]] = {kind: _check_records(kind, given[kind]) for kind in KINDS}
        from belatam.read.integrity import check, check_types

        for kind, records in tables.items():
            check_types(kind, records)
        check(tables)
        self._setup(tables.__getitem__)

    def _setup(self, read: Callable[[Kind], Sequence[Any]], reference: Day = REFERENCE_DAY) -> None:
        self._reference = reference
        self._read = read
        self._tables: dict[Kind, _Table] = {}
        self._indexes: dict[Kind, Index] = {}
        self._lock = threading.RLock()

    @classmethod
    def _lazy(cls, read: Callable[[Kind], Sequence[Any]]) -> Dataset:
        """A data set whose tables are read and built on first use (for data checked elsewhere)."""
        dataset = cls.__new__(cls)
        dataset._setup(read)
        return dataset

    def _table(self, kind: Kind) -> _Table:
        table = self._tables.get(kind)
        if table is None:
            with self._lock:
                table = self._tables.get(kind)
                if table is None:
                    table = self._tables[kind] = _Table(kind, self._read(kind), self)
        return table

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self.records(),))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.records() == other.records()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(f"{kind}={count}" for kind, count in self.counts().items())
        return f"<belatam.Dataset {counts}>"

    def records(self) -> dict[Kind, tuple[Record, ...]]:
        """Every record, by record type (Belarus included among the countries), each in query order."""
        return {kind: self._table(kind).records for kind in KINDS}

    def counts(self) -> dict[Kind, int]:
        """How many records of each type."""
        return {kind: len(records) for kind, records in self.records().items()}

    # -- resolving arguments -------------------------------------------------

    def _resolve(self, parameter: str, field: Field, value: object) -> set[Any]:
        """The field values a filter argument stands for (one value or an iterable of them)."""
        return field.kind.resolve(parameter, field, value, lambda one: self._one(parameter, field, one))

    def _one(self, parameter: str, field: Field, value: object) -> Any:
        """The field value one item of a filter argument stands for (`describe` has checked there is a way)."""
        if field.vocabulary is not None:
            return check_enum(parameter, value, field.vocabulary)
        if field.choices:
            return self._choice(parameter, field.choices, value)
        return self._identity(parameter, field.refers, value)

    def _choice(self, parameter: str, choices: tuple[str, ...], value: object) -> str:
        key = check_key(parameter, value, "one of " + ", ".join(map(repr, choices)))
        for choice in choices:
            if fold(choice) == fold(key):
                return choice
        raise InvalidValueError(f"{parameter}={quote(value)} is not one of {', '.join(map(repr, choices))}")

    def _identity(self, parameter: str, kinds: tuple[str, ...], value: object) -> Any:
        """The identity of the record ``value`` names among ``kinds`` (a key, or the record itself)."""
        kind = None if type(value) is str else next((k for k in kinds if record_type(k) is type(value)), None)  # type: ignore[arg-type]
        if kind is not None:
            table = self._table(kind)  # type: ignore[arg-type]
            assert table.schema.identity is not None
            key = getattr(value, table.schema.identity.name)
            if table.identity.get(key) != value:
                raise UnknownKeyError(parameter, key, hint=f"that {type(value).__name__} is not a record of this data")
            return key
        what = " or ".join(_what(k) for k in kinds)
        key = check_key(parameter, value, what + " (an id, a code or a name), or the record")
        found = [(k, r) for k in kinds if (r := self._find(k, key)) is not None]  # type: ignore[arg-type]
        if not found:  # no whole key: a key that is part of one record's name ("Antigua", "lukashenka")
            found = [(k, r) for k in kinds for r in self._table(k).partly(key)]  # type: ignore[arg-type]
        if len(found) > 1:
            mixed = len({k for k, _ in found}) > 1
            raise AmbiguousKeyError(
                parameter, value, [f"{k}:{self._id_of(k, r)}" if mixed else str(self._id_of(k, r)) for k, r in found]
            )
        if not found:
            raise UnknownKeyError(parameter, value, hint=self._suggest(kinds, key))
        kind_, record = found[0]
        return self._id_of(kind_, record)

    def _id_of(self, kind: str, record: object) -> Any:
        identity = self._table(kind).schema.identity  # type: ignore[arg-type]
        assert identity is not None
        return getattr(record, identity.name)

    def _find(self, kind: Kind, key: str) -> Any:
        """The record of ``kind`` that ``key`` finds (its identity, or a folded look-up key), or None.

        A number of fewer than three digits is also tried as a three-digit
        code (``"76"`` is ISO 3166-1 numeric ``"076"``, Brazil).
        """
        table = self._table(kind)
        found = table.identity.get(key)
        if found is None and table.schema.lookups:
            found = table.lookup.get(key)
            for form in () if found is not None else key_forms(key):  # the forms the loader checked for clashes
                found = table.lookup.get(form)
                if found is not None:
                    break
        return found

    def _suggest(self, kinds: Iterable[str], key: str) -> str:
        """What to say when ``key`` finds nothing: its near misses among ``kinds``, by the ranking of `search`.

        Only a near miss is offered (a few typos at most: "Aruba" is not one
        for "Cuba"); without one, the hint says what the key may be.
        """
        from belatam.query.matching import NEAR

        kinds = list(kinds)
        close = [r for r, _ in self._ranked(key, kinds, at_least=NEAR - 16) if _near_enough(r, key)][:3]
        if close:
            return "did you mean " + ", ".join(_label(record) for record in close) + "?"
        if "countries" in kinds:
            return (
                f"it is not one of the 33 states of Latin America and the Caribbean (nor Belarus); give an ISO "
                f"3166-1 code, or a name in {', '.join(LANGUAGES)} as countries() and name_in() give them"
            )
        return f"see {', '.join(f'{k}()' for k in kinds)} for what the data holds"

    def _index(self, kind: Kind) -> Index:
        """The search index of one record type (built on first use, under the lock)."""
        index = self._indexes.get(kind)
        if index is None:
            with self._lock:
                index = self._indexes.get(kind)
                if index is None:
                    from belatam.query.matching import Index

                    table = self._table(kind)
                    read = _searched(table.schema)
                    index = self._indexes[kind] = Index(read(record) for record in table.records)
        return index

    def _ranked(self, text: str, kinds: Iterable[str], *, at_least: int = 1) -> list[tuple[Any, int]]:
        """(record, score) of the records of ``kinds`` matching ``text``: sources last, else best first.

        Ties go by the order of ``kinds``, then query order.
        """
        from belatam.query.matching import keys

        scored: list[tuple[bool, int, int, int, Any]] = []
        forms = keys(text)  # folded once, however many record types are searched
        for position, kind in enumerate(kinds):
            ranked = self._index(kind).rank(forms, at_least=at_least)  # type: ignore[arg-type]
            source = kind == "sources"  # a source comes after the records it supports
            scored += [(source, -score, position, order, record) for order, (record, score) in enumerate(ranked)]
        scored.sort(key=lambda s: s[:4])
        return [(record, -negative) for _, negative, _, _, record in scored]

    def _lookup(self, kind: Kind, parameter: str, key: object) -> Any:
        """One record of ``kind`` by a key (or the record itself)."""
        table = self._table(kind)
        if type(key) is str:  # an identity as it is (the integrity checks keep it from finding another record)
            found = table.identity.get(key)
            if found is not None:
                return found
        return table.identity[self._identity(parameter, (kind,), key)]

    # -- the generic query ---------------------------------------------------

    def _answer(self, kind: Kind, arguments: Mapping[str, object]) -> Results[Any]:
        """A query that is nothing but its filters and its day or span: ``arguments`` is the method's
        ``locals()``, each filter named as its record type's schema names it (`Info.filter`)."""
        filters = {name: arguments[name] for name in self._table(kind).schema.filters if name in arguments}
        return self._select(
            kind,
            filters,
            year=arguments.get("year"),
            since=arguments.get("since"),
            until=arguments.get("until"),
            as_of=arguments.get("as_of"),
        )

    def _select(
        self,
        kind: Kind,
        filters: Mapping[str, object],
        *,
        year: object = None,
        since: object = None,
        until: object = None,
        as_of: object = None,
        within: tuple[Results[Any], frozenset[Any]] | None = None,
    ) -> Results[Any]:
        """The records of ``kind`` passing every given filter (None: not given), in query order.

        A relationship (a record type whose schema says when its records
        held, `RecordType.lasting`) is kept when in force on ``as_of`` (the
        reference date when nothing is asked), or on at least one day of the
        span ``year``/``since``/``until`` asks; a dated record when its date
        overlaps that span. What the sources cannot place in or out of the
        day or span is the answer's `Results.unknown`. ``within`` is a subset
        made by the caller (`_Table.subset`). Each filter is a step: the
        records that may pass it (a bucket, or a subset) and its test; the
        smallest step's records are scanned with the other steps' tests, so a
        query costs what its smallest step holds.
        """
        table = self._table(kind)
        schema = table.schema
        assert schema.identity is not None
        name = schema.identity.name
        steps: list[Step] = []
        single: dict[str, Any] = {}  # a filter given one value: its field's name and the value
        by_field: dict[str, Step] = {}
        day: Day | None = None
        if within is not None:
            steps.append(Step(within[0], member(name, within[1])))
        for parameter, value in filters.items():
            if value is None:
                continue
            field = schema.filters[parameter]
            wanted = self._resolve(parameter, field, value)
            buckets = [table.bucket(field, w) for w in wanted]
            if len(buckets) == 1:
                single[field.name] = next(iter(wanted))
            candidates: Sequence[Any] = buckets[0] if len(buckets) == 1 else table.merge(*buckets)
            by_field[field.name] = Step(candidates, holds(field, wanted))
        filtering = [step.test for step in (*steps, *by_field.values())]  # what `unknown` is narrowed by too
        unknown: Sequence[Any] = ()
        if schema.lasting and "held" not in schema.validity:  # a record that says whether it held is kept
            when = self._when(as_of, year, since, until)
            current = self._current(table, when)
            unknown = current[0].unknown
            steps.append(Step(*current))
            if not isinstance(when, list):
                day = when
        elif year is not None or since is not None or until is not None:
            dated, used, unknown = self._dated(table, year, since, until, single)
            if used is not None:  # the year's records of that filter's bucket: a step for both
                del by_field[used]
            steps.append(dated)
        steps += by_field.values()
        date = _date_of(day)
        unknown = tuple(r for r in unknown if all(test(r) for test in filtering)) if unknown else ()
        if not steps:
            return table.records

        def answer(found: Sequence[Any]) -> Results[Any]:
            if (
                isinstance(found, Results)
                and found.as_of == date
                and found.record_type is schema.cls
                and found.unknown == unknown
            ):
                return found  # a bucket answered as it is
            return Results(found, schema.cls, date, unknown)

        return run(steps, answer)

    # -- time: what was in force on a day or in a span -----------------------

    def _day(self, as_of: object) -> Day:
        """The day an answer describes: ``as_of``, else the data set's reference date."""
        return self._reference if as_of is None else check_day("as_of", as_of)

    def _when(self, as_of: object, year: object, since: object, until: object) -> Day | list[tuple[Day, Day]]:
        """The day a relationship query asks about, or the spans of days (``year``, ``since``, ``until``).

        A day and a span together are refused: a record in force on some day
        of a span is a different question from one in force on a day.
        """
        spanned = [(n, v) for n, v in (("year", year), ("since", since), ("until", until)) if v is not None]
        if not spanned:
            return self._day(as_of)
        if as_of is not None:
            other, value = spanned[0]
            raise InvalidValueError(
                f"as_of={quote(as_of)} and {other}={quote(value)} ask two things: as_of one day, {other} a span "
                "of days; give as_of alone, or year, since and until"
            )
        first, last = day_range(since, until)
        if year is None:
            return [(first, last)]
        years = sorted({check_year("year", y) for y in each("year", year)})
        found = [(max(first, (y, 1, 1)), min(last, (y, 12, 31))) for y in years]
        return [(a, b) for a, b in found if a <= b]

    def _current(self, table: _Table, when: Day | list[tuple[Day, Day]]) -> tuple[Results[Any], Callable[[Any], bool]]:
        """The records of ``table`` in force on a day, or on some day of spans (made once for each), and the
        test of being one of them; the answer's ``unknown`` holds those the sources cannot place."""
        schema = table.schema
        if isinstance(when, list):
            spans = tuple(when)

            def answer(record: Any) -> bool | None:
                found = [table.span(record).during(a, b) for a, b in spans]
                return True if True in found else (None if None in found else False)

            key: Hashable = ("in force", spans)
            date = None
        else:
            day = when

            def answer(record: Any) -> bool | None:
                return table.span(record).on(day)

            key, date = ("in force", day), _date_of(day)
        records, keys = table.subset(
            key,
            lambda: [r for r in table.records if answer(r) is True],
            date,
            lambda: [r for r in table.records if answer(r) is None],
        )
        assert schema.identity is not None
        return records, member(schema.identity.name, keys)

    @query("people")
    def roles(
        self,
        key: str | Person,
        /,
        *,
        as_of: When = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Role, ...]:
        """The posts a person held on ``as_of`` (the reference date when nothing is asked), or on some day of
        the span ``year``, ``since`` and ``until`` ask, as far as the sources show.

        The posts the sources cannot place in or out of that day or span are
        the answer's ``unknown``; `heads` gives the person's posts at the head
        of a mission.
        """
        person = self._lookup("people", "key", key)
        when = self._when(as_of, year, since, until)
        from belatam.model.people import Role

        found: list[Role] = []
        unknown: list[Role] = []
        for role in person.roles:
            span = span_of(role)
            if isinstance(when, list):
                answers = [span.during(a, b) for a, b in when]
                answer = True if True in answers else (None if None in answers else False)
            else:
                answer = span.on(when)
            if answer is True:
                found.append(role)
            elif answer is None:
                unknown.append(role)
        return Results(found, Role, None if isinstance(when, list) else _date_of(when), unknown)

    def _dated(
        self, table: _Table, year: object, since: object, until: object, single: Mapping[str, Any]
    ) -> tuple[Step, str | None, Sequence[Any]]:
        """The step of the ``year``/``since``/``until`` filters on a table's date, the filter it covers, and the
        records known only within bounds that straddle the span (not known to lie in it).

        The records that may pass are those of the years asked for (``year``,
        or the years from ``since`` to ``until`` when they are few), taken
        from the smallest bucket of a filter given one value (``single``)
        when there is one: the step then tests that filter too, and that
        filter's field is returned (its own step is not needed). A record
        without a date passes when the bounds it has (``not_before``,
        ``not_after``) lie inside the span.
        """
        field = table.schema.when
        assert field is not None
        name = field.name
        first: Day = (1, 1, 1)
        last: Day = (9999, 12, 31)
        if since is not None or until is not None:
            first, last = day_range(since, until)
        years: list[int] = []
        if year is not None:
            years = sorted({check_year("year", y) for y in each("year", year)})
            asked = years

            def in_years(date: DateLike) -> bool:
                return any(date.overlaps_year(y) for y in asked)

            spans = [(max(first, (y, 1, 1)), min(last, (y, 12, 31))) for y in years]
        else:
            if last[0] - first[0] <= _Years.SHORT:
                years = list(range(first[0], last[0] + 1))

            def in_years(date: DateLike) -> bool:
                return True

            spans = [(first, last)]
        inside, straddling = self._bounded(table, [(a, b) for a, b in spans if a <= b])
        if single:
            within = min(single.items(), key=lambda item: len(table.bucket(table.schema.field(item[0]), item[1])))
            narrow = holds(table.schema.field(within[0]), {within[1]})
            inside = [r for r in inside if narrow(r)]
        kept = frozenset(inside)

        def test(record: Any) -> bool:
            date = getattr(record, name)
            if date is None:
                return record in kept
            return date.overlaps(first, last) and in_years(date)

        if not years:
            return Step(table.records, test, False), None, straddling
        exact = year is not None and since is None and until is None  # the year's records pass it, no more
        if not single:
            found = [table.in_year(field, y) for y in years]
            candidates = found[0] if len(found) == 1 and not inside else table.merge(*found, inside)
            return Step(candidates, test, exact), None, straddling
        found = [table.in_year(field, y, within) for y in years]
        candidates = found[0] if len(found) == 1 and not inside else table.merge(*found, inside)

        def test_both(record: Any) -> bool:
            return narrow(record) and test(record)

        return Step(candidates, test_both, exact), within[0], straddling

    def _bounded(self, table: _Table, spans: list[tuple[Day, Day]]) -> tuple[list[Any], list[Any]]:
        """Of the records without a date, those whose bounds lie inside one of ``spans``, and those whose
        bounds reach into one without lying inside it (missing bounds are open)."""
        bounds = table.schema.bounds
        low, high = bounds.get("low"), bounds.get("high")
        inside: list[Any] = []
        straddling: list[Any] = []
        for record in table.undated():
            earliest = getattr(record, low.name) if low else None
            latest = getattr(record, high.name) if high else None
            start: Day = earliest.bounds()[0] if earliest else (1, 1, 1)
            end: Day = latest.bounds()[1] if latest else (9999, 12, 31)
            if any(a <= start and end <= b for a, b in spans):
                inside.append(record)
            elif any(start <= b and a <= end for a, b in spans):
                straddling.append(record)
        return inside, straddling

    # -- look-ups by key -----------------------------------------------------

    @query("countries", one=True)
    def country(self, key: str | Country, /) -> Country:
        """One state by ISO alpha-2, alpha-3 or numeric code, English name or alias.

        Matching ignores case, accents and punctuation; Belarus (``"BY"``) is
        found too. An unknown key is a `LookupError` with the closest names.
        """
        return self._lookup("countries", "key", key)  # type: ignore[no-any-return]

    @query("people", one=True)
    def person(self, key: str | Person, /) -> Person:
        """One person by id (``"per-makei"``), name or alias."""
        return self._lookup("people", "key", key)  # type: ignore[no-any-return]

    @query("organizations", one=True)
    def organization(self, key: str | Organization, /) -> Organization:
        """One organisation by id (``"org-acs"``) or name."""
        return self._lookup("organizations", "key", key)  # type: ignore[no-any-return]

    @query("events", one=True)
    def event(self, id: str, /) -> Event:
        """One event by id."""
        return self._lookup("events", "id", id)  # type: ignore[no-any-return]

    @query("agreements", one=True)
    def agreement(self, id: str, /) -> Agreement:
        """One agreement by id."""
        return self._lookup("agreements", "id", id)  # type: ignore[no-any-return]

    @query("sources", one=True)
    def source(self, id: str, /) -> Source:
        """One source document by id."""
        return self._lookup("sources", "id", id)  # type: ignore[no-any-return]

    @query(None, one=True)
    def record(self, id: str, /) -> Record:
        """Any record by its id (``"evt-..."``, ``"org-..."``, ``"src-..."``), or a country by its code."""
        key = check_key("id", id, "the id of a record")
        for kind in KINDS:
            found = self._table(kind).identity.get(key)
            if found is not None:
                return found  # type: ignore[no-any-return]
        raise UnknownKeyError("id", id, hint=self._suggest(["sources", "events", "agreements", "organizations"], key))

    # -- queries -------------------------------------------------------------

    @query("countries")
    def countries(
        self,
        *,
        relations: bool | None = None,
        subregion: OneOrMany[str] = None,
        as_of: When = None,
    ) -> tuple[Country, ...]:
        """The 33 states of the region, sorted by name (Belarus is not listed).

        ``relations=True`` keeps those with which Belarus had diplomatic
        relations on ``as_of`` (the reference date, `belatam.REFERENCE_DATE`,
        when None), ``False`` those it had none with then; the states the
        sources cannot place either way are the answer's ``unknown``.
        ``subregion`` is ``"Caribbean"``, ``"Central America"`` or ``"South America"``.
        """
        table = self._table("countries")
        day = self._day(as_of)
        region = table.subset("region", lambda: [c for c in table.records if c.code != HOME])
        if relations is None:
            return self._select("countries", {"subregion": subregion}, within=region)
        wanted = check_bool("relations", relations)
        chosen = table.subset(
            ("relations", day, wanted),
            lambda: [c for c in region[0] if table.span(c).on(day) is wanted],
            _date_of(day),
            lambda: [c for c in region[0] if table.span(c).on(day) is None],
        )
        found = self._select("countries", {"subregion": subregion}, within=chosen)
        if found.as_of is not None:
            return found
        unknown = chosen[0].unknown
        if subregion is not None:
            kept = {c.code for c in self._select("countries", {"subregion": subregion})}
            unknown = tuple(c for c in unknown if c.code in kept)
        return Results(found, table.schema.cls, _date_of(day), unknown)

    @query("partnerships")
    def partnerships(
        self,
        *,
        country: OneOrMany[str | Country] = None,
        strategic: bool | None = None,
        as_of: When = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Partnership, ...]:
        """The partnerships the sources describe, by partner: those in force on ``as_of`` (the reference date
        when nothing is asked), or on some day of the span ``year``, ``since`` and ``until`` ask."""
        return self._answer("partnerships", locals())

    @query("countries", filters="partnerships")
    def partners(self, *, strategic: bool | None = None, as_of: When = None) -> tuple[Country, ...]:
        """The states the sources call partners of Belarus on ``as_of`` (the reference date when None), by name.

        ``strategic=True`` gives only the strategic partners, ``False`` the
        others; the answer's ``unknown`` holds the states whose partnership
        the sources cannot place on that day.
        """
        found = self.partnerships(strategic=strategic, as_of=as_of)
        codes = {p.country for p in found}
        doubtful = {p.country for p in getattr(found, "unknown", ())} - codes
        countries = self._table("countries")
        return Results(
            [c for c in countries.records if c.code in codes],
            countries.schema.cls,
            getattr(found, "as_of", None),
            [c for c in countries.records if c.code in doubtful],
        )

    @query("missions")
    def missions(
        self,
        *,
        sending: OneOrMany[str | Country] = None,
        receiving: OneOrMany[str | Country] = None,
        kind: OneOrMany[MissionKind | str] = None,
        honorary: bool | None = None,
        as_of: When = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Mission, ...]:
        """Diplomatic missions in both directions, sorted by id: those open on ``as_of`` (the reference date,
        `belatam.REFERENCE_DATE`, when nothing is asked), or on some day of the span ``year``, ``since`` and
        ``until`` ask (``since="1991"``: every mission the data knows of since then).

        ``sending`` and ``receiving`` take a country (``"BY"`` for Belarus);
        ``kind`` is ``"embassy"``, ``"consulate_general"`` or
        ``"honorary_consulate"``; ``honorary=False`` keeps the missions of
        career diplomats, as most counts of diplomatic missions do. The
        missions the sources cannot place in or out of that day or span are
        the answer's ``unknown``.
        """
        return self._answer("missions", locals())

    @query("accreditations")
    def accreditations(
        self,
        *,
        sending: OneOrMany[str | Country] = None,
        receiving: OneOrMany[str | Country] = None,
        head: OneOrMany[str | Person] = None,
        as_of: When = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Accreditation, ...]:
        """Heads of mission resident in one state and accredited to another as well: those in force on
        ``as_of`` (the reference date when nothing is asked), or on some day of the span ``year``, ``since``
        and ``until`` ask.

        ``sending`` is the state the head represents, ``receiving`` the state
        accredited to besides the one of residence, ``head`` the person;
        ``accreditations(receiving="PE", since="1991")`` is every head of a
        mission elsewhere who has represented Belarus in Peru, as far as the
        sources show.
        """
        return self._answer("accreditations", locals())

    @query(
        "postings",
        options={
            "sending": Option("the state whose mission it is: code, name or alias (BY for Belarus)", many=True),
            "receiving": Option("the state the mission is in: code, name or alias", many=True),
        },
    )
    def heads(
        self,
        *,
        mission: OneOrMany[str | Mission] = None,
        sending: OneOrMany[str | Country] = None,
        receiving: OneOrMany[str | Country] = None,
        person: OneOrMany[str | Person] = None,
        as_of: When = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Posting, ...]:
        """Who headed a mission (ambassador, chargé d'affaires, consul): the postings in force on ``as_of``
        (the reference date when nothing is asked), or on some day of the span ``year``, ``since`` and
        ``until`` ask, by mission and start.

        ``mission`` is a mission (its id or record); ``sending`` and
        ``receiving`` are the states of the mission headed;
        ``heads(sending="BY", receiving="BR", since="1991")`` is every
        ambassador of Belarus in Brazil the sources name.
        """
        within = None
        if sending is not None or receiving is not None:
            missions = self._table("missions")
            keep: set[Any] | None = None
            for parameter, value in (("sending", sending), ("receiving", receiving)):
                if value is None:
                    continue
                field = missions.schema.filters[parameter]
                ids = {m.id for w in self._resolve(parameter, field, value) for m in missions.bucket(field, w)}
                keep = ids if keep is None else keep & ids
            chosen = frozenset(keep or ())
            postings = self._table("postings")
            within = postings.subset(("missions", chosen), lambda: [p for p in postings.records if p.mission in chosen])
        filters = {"mission": mission, "person": person}
        return self._select("postings", filters, as_of=as_of, year=year, since=since, until=until, within=within)

    @query("agreements")
    def agreements(
        self,
        *,
        country: OneOrMany[str | Country] = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Agreement, ...]:
        """Signed agreements in date order; ``country`` is any party, Belarus too.

        ``year`` keeps those signed in that year; ``since`` and ``until`` take
        a date, an ISO date string (``"2018"``, ``"2018-06"``) or a
        `PartialDate` and keep those whose signing date overlaps the span.
        """
        return self._answer("agreements", locals())

    @query("events")
    def events(
        self,
        *,
        country: OneOrMany[str | Country] = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
        kind: OneOrMany[EventKind | str] = None,
        person: OneOrMany[str | Person] = None,
    ) -> tuple[Event, ...]:
        """Events in date order (start, then end, then id; undated last).

        ``year`` keeps events whose date lies in that year or whose period
        overlaps it; ``since`` and ``until`` take a date, an ISO date string
        (``since="2018"`` is from 1 January 2018, ``until="2018-06"`` to 30
        June) or a `PartialDate`, and keep events whose date overlaps the
        span; ``person`` takes an id, a name or a `Person`. Undated events
        pass no date filter.
        """
        return self._answer("events", locals())

    @query("people")
    def people(self, *, country: OneOrMany[str | Country] = None) -> tuple[Person, ...]:
        """The people the source names, sorted by name; ``country`` is a state their posts serve."""
        return self._answer("people", locals())

    @query("organizations")
    def organizations(
        self,
        *,
        kind: OneOrMany[OrganizationKind | str] = None,
        country: OneOrMany[str | Country] = None,
    ) -> tuple[Organization, ...]:
        """Organisations sorted by name; ``country`` is where they are or work, or a state a bilateral body joins."""
        return self._answer("organizations", locals())

    @query("memberships")
    def memberships(
        self,
        *,
        organization: OneOrMany[str | Organization] = None,
        member: OneOrMany[str | Country | Organization] = None,
        role: OneOrMany[MembershipRole | str] = None,
        as_of: When = None,
        year: OneOrMany[int] = None,
        since: When = None,
        until: When = None,
    ) -> tuple[Membership, ...]:
        """Memberships and observer statuses, sorted by organisation, role and member: those in force on
        ``as_of`` (the reference date when nothing is asked), or on some day of the span ``year``, ``since``
        and ``until`` ask.

        ``member`` is a country (code, name or record) or an organisation (id,
        name or record).
        """
        return self._answer("memberships", locals())

    @query("statements")
    def statements(
        self,
        *,
        country: OneOrMany[str | Country] = None,
        topic: OneOrMany[Topic | str] = None,
    ) -> tuple[Statement, ...]:
        """The source's aims and assessments in our words, in the order of their citations."""
        return self._answer("statements", locals())

    @query("trade", one=True)
    def trade(self, year: int, /, *, partner: str | Country | None = None) -> TradeFigures:
        """Belarus's trade with the region as a whole in ``year``, or with ``partner`` (a state).

        The figures for the whole year (not a part of it) are given. A year
        without such figures is a `LookupError` naming the years that have
        them; several for the year (of goods and of services, or from two
        sources that disagree) an `AmbiguousKeyError` naming them (see
        `trade_figures`, which lists every figure).
        """
        wanted = check_year("year", year)
        table = self._table("trade")
        code = None if partner is None else self._identity("partner", ("countries",), partner)
        found = [t for t in table.records if t.year == wanted and t.partner == code and t.period is None]
        if not found:
            years = self.trade_years(code)
            whose = "" if code is None else f" with partner={code}"
            hint = (
                f"figures{whose} exist for " + ", ".join(map(str, years))
                if years
                else f"the data holds no trade figures{whose} for a whole year"
            )
            raise UnknownKeyError("year", year, years, hint=hint)
        if len(found) > 1:
            whose = "" if code is None else f", partner={code!r}"
            advice = f"trade_figures(year={wanted}{whose}) gives them all, with their kind and source"
            raise AmbiguousKeyError("year", year, [t.id for t in found], advice=advice)
        return found[0]  # type: ignore[no-any-return]

    @query("trade")
    def trade_figures(
        self,
        *,
        year: OneOrMany[int] = None,
        kind: OneOrMany[TradeKind | str] = None,
        partner: OneOrMany[str | Country] = None,
    ) -> tuple[TradeFigures, ...]:
        """Trade figures in year order: ``year``, ``kind`` (goods, services) and ``partner`` narrow them."""
        if year is not None:
            years = {check_year("year", y) for y in each("year", year)}
            table = self._table("trade")
            rows = table.subset(("years", frozenset(years)), lambda: [t for t in table.records if t.year in years])
            return self._select("trade", {"kind": kind, "partner": partner}, within=rows)
        return self._select("trade", {"kind": kind, "partner": partner})

    def trade_years(self, partner: str | None = None) -> tuple[int, ...]:
        """The years the data holds whole-year trade figures for, with the region (or ``partner``), in order."""
        records = self._table("trade").records
        return tuple(sorted({t.year for t in records if t.partner == partner and t.period is None}))

    @query("sources")
    def sources(self) -> tuple[Source, ...]:
        """The source documents: those whose text the data was checked against first, then by id."""
        return self._table("sources").records

    @query(
        None,
        required=True,
        options={
            "since": Option("an earlier release to compare the data with, such as 0.2.0"),
            "kind": Option("a record type to keep: " + ", ".join(KINDS), choices=KINDS, many=True),
        },
    )
    def changes(self, since: str, /, *, kind: Kind | Iterable[Kind] | None = None) -> tuple[Change, ...]:
        """What changed in the data since an earlier release (``"0.2.0"``): records added, removed and changed.

        A `Change` per record that differs, by record type (in loading order)
        and id; a changed record names the fields whose values differ. The
        package keeps a fingerprint of each release's data, not a copy, so a
        removed record is known by its id alone. ``kind`` keeps the changes
        of one record type or several (``"events"``). An unknown release is
        a `LookupError` naming the known ones.
        """
        from belatam.read.releases import check_release, compare, release_fingerprint

        release = check_release(since)
        kinds = KINDS if kind is None else tuple(dict.fromkeys(check_kind("kind", k) for k in each("kind", kind)))
        records = self.records()
        found = compare(release_fingerprint(release), {k: records[k] for k in kinds})
        from belatam.read.releases import Change

        return Results(found, Change)

    # -- search and citations ------------------------------------------------

    @query(
        None,
        required=True,
        options={
            "text": Option("the text to search for: a name in any language, a word, a code or an id"),
            "kind": Option("a record type to search: " + ", ".join(KINDS), choices=KINDS, many=True),
            "limit": Option("the most records to give, best first (default 10)", type=int),
        },
    )
    def search(
        self, text: str, *, kind: Kind | Iterable[Kind] | None = None, limit: int | None = 10
    ) -> tuple[Record, ...]:
        """Records whose names, aliases, titles or texts match ``text``, best match first.

        Names count in any language the data holds them in (``"Бразілія"``,
        ``"Bielorrusia"``), and Cyrillic meets Latin (``"Лукашенко"`` finds
        Lukashenko); case, accents, punctuation and a few typos are forgiven
        (``"Kolumbien"`` finds Colombia), but not a wide gap (``"Aruba"``
        finds nothing). ``kind`` keeps the records of one record type or of
        several (``"events"``, as `belatam.to_frame` names them); ``limit`` is
        the most to give (None: every match). A whole name ranks first, then a
        name that starts with the text or holds it, then names with every word,
        then near misses; titles and texts rank below names, and sources
        come after the records they support.
        """
        if not isinstance(text, str):
            raise InvalidTypeError(f"text must be a str to search for, not {type(text).__name__}: {quote(text)}")
        if not fold(text):
            raise InvalidValueError(f"text={quote(text)} has nothing to search for; give a word or a name")
        kinds = KINDS if kind is None else tuple(dict.fromkeys(check_kind("kind", k) for k in each("kind", kind)))
        if not kinds:
            raise InvalidValueError(f"kind={quote(kind)} names no record type; give one of {', '.join(KINDS)}")
        if limit is not None:
            limit = check_count("limit", limit)
        ordered = sorted(kinds, key=lambda k: k == "sources")
        found = [record for record, _ in self._ranked(text, ordered)][:limit]
        return Results(found, record_type(kinds[0]) if len(kinds) == 1 else None)

    @query(
        None,
        one=True,
        required=True,
        text=True,
        options={
            "item": Option(
                "the id of a record or a source (per-makei, src-mfa-2019), or a country's code; several make "
                "one bibliography",
                many=True,
            ),
            "format": Option("the citation's form: " + ", ".join(CITATION_FORMATS), choices=CITATION_FORMATS),
        },
    )
    def cite(self, item: str | Record | Iterable[str | Record], *, format: CitationFormat = "text") -> str:
        """A citation of a record's sources, of a `Source`, or of a record or source given by its id.

        A record is cited by the sources it cites, each with the paragraphs
        it cites (``per-lukashenko`` by the ministry's page, paragraphs 19,
        26 and 27, and the pages that give its Wikidata id). Several items
        (``cite([event, agreement])``, or a query's answer) make one
        bibliography: each source once, with the paragraphs of every item
        that cites it, so no two entries share a key. ``format`` is
        ``"text"`` (a reference per line), ``"bibtex"`` (a ``@misc`` entry
        per source, keyed by the source's id) or ``"csl-json"`` (a JSON list
        of CSL items, for Zotero, pandoc and citeproc).
        """
        from belatam.model.sources import Source
        from belatam.query.citation import cite

        wanted = check_choice("format", format, CITATION_FORMATS)
        if isinstance(item, str) or attrs.has(type(item)):
            items: list[Any] = [item]
        elif isinstance(item, Iterable) and not isinstance(item, (bytes, Mapping)):
            items = list(item)
            if not items:
                raise InvalidValueError("item=[] holds nothing to cite; give a record, a source, or the id of one")
        else:
            raise InvalidTypeError(
                "item must be a belatam record, the id of a record or source, or an iterable of them, "
                f"not {type(item).__name__}: {quote(item)}"
            )
        sources = self._table("sources").identity
        cited: dict[str, set[int]] = {}
        for each_item in items:
            record = self._citable(each_item)
            if isinstance(record, Source):  # a source is cited as a whole
                cited.setdefault(record.id, set())
                continue
            for ref in getattr(record, "sources", ()):
                paragraphs = cited.setdefault(ref.source, set())
                if ref.paragraph is not None:
                    paragraphs.add(ref.paragraph)
        return cite([(sources[source], tuple(sorted(ps))) for source, ps in cited.items()], wanted)

    def _citable(self, item: object) -> Any:
        """A record of this data set to cite: ``item`` itself, or the record or source its id names."""
        if isinstance(item, str):
            key = check_key("item", item, "a record or the id of a record or source")
            try:
                return self.record(key)
            except AmbiguousKeyError:
                raise
            except UnknownKeyError as exc:
                hint = "it is the id of no record or source (ids look like per-makei, src-mfa-2019, or VE)"
                raise UnknownKeyError("item", item, hint=hint) from exc
        cls = type(item)
        kind = next((k for k in KINDS if record_type(k) is cls), None)
        if kind is None:
            raise InvalidTypeError(f"item must be a belatam record or the id of one, not {cls.__name__}: {quote(item)}")
        self._identity("item", (kind,), item)  # a record of this data set, unchanged
        return item


def _official(record: object) -> frozenset[str]:
    """The folded official names of a record (an alias that repeats one counts as one)."""
    return frozenset(fold(n.text) for n in getattr(record, "names", ()) if n.official)


def _near_enough(record: object, key: str) -> bool:
    """Whether a record the ranking finds for ``key`` is close enough to suggest for it.

    An official name is long and made of common words ("United Mexican
    States", "Republic of ..."), so sharing words with one is no near miss
    ("United States" is not Mexico): it counts only when the whole key is
    within a few typos of it. Every other name counts as `search` ranks it.
    """
    names = getattr(record, "names", None)
    if not names:
        return True
    from belatam.query.matching import NEAR, Index, allowed, distance

    schema = describe(type(record))
    official = _official(record)
    others = [v for _, v in lookup_values(schema, record) if fold(v) not in official]
    if Index([(0, others, [])]).rank(key, at_least=NEAR - 16):
        return True
    folded = fold(key).replace(" ", "")
    limit = allowed(folded)
    return any(distance(folded, fold(n.text).replace(" ", ""), limit) <= limit for n in names if n.official)


def _date_of(day: Day | None) -> datetime.date | None:
    if day is None:
        return None
    import datetime

    return datetime.date(*day)


def _what(kind: str) -> str:
    return {"countries": "a country", "people": "a person", "organizations": "an organization"}.get(
        kind, f"an {kind.rstrip('s')}" if kind[0] in "aeiou" else f"a {kind.rstrip('s')}"
    )


def _label(record: object) -> str:
    """What a suggestion calls a record: its name (or title) quoted, with its identity (``'Colombia' (CO)``)."""
    schema = describe(type(record))
    assert schema.identity is not None
    identity = str(getattr(record, schema.identity.name))
    for name in ("name", "title"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return f"{value!r} ({identity})"
    return repr(identity)


def _searched(schema: RecordType) -> Callable[[Any], tuple[Any, list[str], list[str], list[str]]]:
    """How a record type is searched: ``record -> (record, names, texts, ids)``, read from the schema.

    Names are every look-up key (names in any language, aliases, codes);
    texts are the other free text fields (titles, summaries, statements,
    descriptions), those of nested records (a role's title) and the
    identity's words; the identity also matches whole. References, codes of
    closed sets and dates are neither, nor a record's ``note`` (how its
    sources were read: a visa regime named in an embassy's note is not what
    the embassy is about); a source's note, which says what the page holds, is.
    """
    identity = schema.identity.name if schema.identity else None
    texts: list[tuple[str, Callable[[Any], list[str]]]] = []
    for field in schema.fields:
        if field.lookup or field.refers or field.choices or field.name == identity:
            continue
        if field.name == "note" and schema.cls.__name__ != "Source":
            continue
        reader = field.kind.texts(field)
        if reader is not None:
            texts.append((field.name, reader))

    def read(record: Any) -> tuple[Any, list[str], list[str], list[str]]:
        ids = [str(getattr(record, identity))] if identity else []
        names = [value for _, value in lookup_values(schema, record)]
        found: list[str] = list(ids)
        for name, texts_of in texts:
            found += texts_of(getattr(record, name))
        return record, names, found, ids

    return read


def _restore(records: Mapping[str, Sequence[Any]]) -> Dataset:
    return Dataset(**records)
