"""Every listing query of `Dataset` against a plain scan of its records, both read from the schema.

The queries are the `Dataset` methods that list records: their declarations
(``__belatam__``, a `belatam.query.dataset.Query`) and signatures give their
parameters, and the schema gives each filter its meaning: the field it
filters on (``describe(record_type(query.filters)).filters``), or a field of
the records they refer to (`heads`' ``sending`` is its mission's). So a new
query or filter is drawn, scanned and checked here without an edit.

For generated data sets, each query with any combination of its filters
must equal a list comprehension over ``ds.records()`` that spells out the
documented meaning: filters AND together; a filter given a list or tuple
matches any of its values, and one on a list field (an event's
``countries``) a record holding any of them; a reference is the record, its
identity or any of its look-up keys (its names in every language
included), in any case; a filter on whether a relationship held (a
country's ``relations``) asks about the day ``as_of``; ``year`` matches a
date in that year or a period overlapping it, and takes numpy integers too;
``since``/``until`` keep dates that overlap the span from since's first day
to until's last; a relationship is kept when in force on ``as_of`` (the
reference date) or on some day of the span; a query of one record type
filtered by another (`partners`, by partnerships) gives the records those
name; `countries` never lists Belarus; the order is the record type's
``ORDER`` (names folded, dates by interval, references in their target's
order, citations by their first source and paragraph), else its date, then
its identity. Then: filters only narrow, results are tuples, queries repeat,
and a record may be given as itself, its identity or any of its names.
"""

from __future__ import annotations

import datetime
import enum
import inspect
from collections.abc import Callable, Sequence
from typing import Any

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import datasets, partial_dates

import belatam.query.packaged
from belatam import (
    Agreement,
    AgreementKind,
    Country,
    Dataset,
    Event,
    EventKind,
    InvalidValueError,
    PartialDate,
    Period,
    Source,
    SourceRef,
)
from belatam.model import record_type
from belatam.model.countries import HOME
from belatam.model.schema import Field, RecordType, describe, lookup_values
from belatam.query.dataset import Query
from belatam.text import fold

Canon = dict[str, Any]  # filter name -> the set of plain values the scan accepts (codes, ids, enums, ints)
Args = dict[str, Any]  # filter name -> the value handed to the query (in any accepted form)

# -- the queries, from their declarations --------------------------------------------


def declared(query: str) -> Query:
    found = getattr(getattr(Dataset, query), "__belatam__", None)
    assert isinstance(found, Query), query
    return found


def parameters(query: str) -> list[inspect.Parameter]:
    return list(inspect.signature(getattr(Dataset, query)).parameters.values())[1:]


LISTINGS = sorted(
    name
    for name in belatam.query.packaged.__all__
    if isinstance(getattr(getattr(Dataset, name, None), "__belatam__", None), Query)
    and declared(name).kind is not None
    and not declared(name).one
    and all(p.kind is p.KEYWORD_ONLY for p in parameters(name))
)
"""Every query that lists records of a record type, its parameters all keywords: every filter it takes is one."""

REGION_ONLY = {"countries"}
"""Queries that list the region's states: never Belarus (`HOME`), though it is a country."""

SPANS = ("year", "since", "until")
"""The span parameters of a query of dated records or relationships."""
TIME = ("as_of", *SPANS)
"""The parameters that ask about a day (``as_of``) or a span of days: ``as_of`` and a span together are refused."""


def schema_of(query: str) -> RecordType:
    return describe(record_type(declared(query).filters))  # type: ignore[arg-type]


def meaning(query: str, name: str) -> tuple[str, Field | None, Field | None]:
    """What a parameter filters on: ("field", the field, None), ("through", a reference, the field of the
    record it names) or ("time", None, None)."""
    schema = schema_of(query)
    if name in schema.filters:
        return "field", schema.filters[name], None
    for via in schema.fields:
        if len(via.refers) == 1 and not via.many and via.refers[0] != declared(query).filters:
            target = describe(record_type(via.refers[0]))  # type: ignore[arg-type]
            if name in target.filters:
                return "through", via, target.filters[name]
    assert name in TIME, f"{query}({name}=) has no meaning in the schema"
    return "time", None, None


def filtered(query: str, name: str) -> Field | None:
    """The field a parameter's values are values of (None for the time parameters)."""
    how, field, target = meaning(query, name)
    return target if how == "through" else field


# -- drawing filter arguments in any accepted form --------------------------------


def recs(ds: Dataset, name: str) -> tuple[Any, ...]:
    return ds.records()[name]  # type: ignore[index]


def identity(record: object) -> Any:
    found = describe(type(record)).identity
    assert found is not None
    return getattr(record, found.name)


def forms(record: object) -> list[object]:
    """Every form a filter takes a record in: itself, its identity, and each of its look-up keys (names in
    every language, codes, aliases) as written, in capitals and in small letters."""
    keys = [text for _, text in lookup_values(describe(type(record)), record)]
    return [record, identity(record), *keys, *(k.upper() for k in keys), *(k.lower() for k in keys)]


def some(data: st.DataObject, one: Callable[[], tuple[object, object]]) -> tuple[object, set[Any]]:
    """One value, or (as every filter accepts) a list or tuple of one to three of them: any matches."""
    if not data.draw(st.booleans(), label="several"):
        given, plain = one()
        return given, {plain}
    drawn = [one() for _ in range(data.draw(st.integers(1, 3), label="how many"))]
    shape = data.draw(st.sampled_from((list, tuple)), label="shape")
    return shape(g for g, _ in drawn), {p for _, p in drawn}


def draw_reference(kinds: Sequence[str]) -> Drawer:
    def draw(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]] | None:
        pool = [r for kind in kinds for r in recs(ds, kind)]
        if not pool:
            return None

        def one() -> tuple[object, object]:
            record = data.draw(st.sampled_from(pool))
            return data.draw(st.sampled_from(forms(record)), label="form"), identity(record)

        return some(data, one)

    return draw


def draw_enum(vocabulary: type[enum.Enum]) -> Drawer:
    def draw(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
        def one() -> tuple[object, object]:
            member = data.draw(st.sampled_from(vocabulary))
            return data.draw(st.sampled_from([member, member.value])), member

        return some(data, one)

    return draw


def draw_choice(choices: Sequence[str]) -> Drawer:
    def draw(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
        return some(data, lambda: (value := data.draw(st.sampled_from(choices)), value))

    return draw


def draw_bool(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
    value = data.draw(st.booleans())
    return value, {value}


def dates_in(ds: Dataset) -> list[PartialDate | Period]:
    """Every date the records hold, in any of their date fields."""
    return [
        value
        for records in ds.records().values()
        for r in records
        for field in describe(type(r)).fields
        if field.kind == "date"
        for value in field.values(r)
    ]


def years_near(ds: Dataset, field: Field | None = None) -> list[int]:
    """The years of the data's dates (or of an integer field's values, ``field``), and the years beside them."""
    if field is not None:
        held = {
            v
            for records in ds.records().values()
            for r in records
            if field in describe(type(r)).fields
            for v in field.values(r)
        }
        return sorted({y for v in held for y in (v - 1, v, v + 1) if 1 <= y <= 9999})
    return sorted(
        {
            y
            for d in dates_in(ds)
            for day in (d.first_day(), d.last_day())
            for y in (day.year - 1, day.year, day.year + 1)
            if 1 <= y <= 9999 and day not in (datetime.date.min, datetime.date.max)
        }
    )


def draw_years(field: Field | None = None) -> Drawer:
    def draw(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
        years = years_near(ds, field)

        def one() -> tuple[object, object]:
            year = data.draw(st.sampled_from(years) | st.integers(1, 9999) if years else st.integers(1, 9999))
            given = data.draw(st.sampled_from([year, numpy.int64(year)]), label="year type")
            return given, year

        return some(data, one)

    return draw


def draw_day(data: st.DataObject, ds: Dataset) -> tuple[object, PartialDate]:
    """A ``since``/``until`` bound, as a PartialDate, an ISO string or a datetime.date."""
    date = data.draw(st.sampled_from(dates_in(ds)) if dates_in(ds) else st.just(PartialDate(2018)))
    near = date if isinstance(date, PartialDate) else (date.start or date.end)
    assert near is not None
    bound = data.draw(partial_dates(max(1, near.year - 1), min(9999, near.year + 1)))
    form = data.draw(st.sampled_from(("date", "iso", "day")), label="bound form")
    if form == "iso":
        return str(bound), bound
    if form == "day" and bound.day is not None:
        return datetime.date(bound.year, bound.month or 1, bound.day), bound
    return bound, bound


def draw_as_of(data: st.DataObject, ds: Dataset) -> tuple[object, datetime.date]:
    day = data.draw(st.dates(datetime.date(1991, 1, 1), datetime.date(2030, 12, 31)), label="as_of")
    form = data.draw(st.sampled_from(("date", "iso", "partial")), label="as_of form")
    given: object = {"date": day, "iso": day.isoformat(), "partial": PartialDate(day.year, day.month, day.day)}[form]
    return given, day


Drawer = Callable[[st.DataObject, Dataset], "tuple[object, Any] | None"]

TIME_DRAWERS: dict[str, Drawer] = {"as_of": draw_as_of, "year": draw_years(), "since": draw_day, "until": draw_day}


def drawer(query: str, name: str) -> Drawer:
    """How to draw a parameter's values, from the field it filters on (or the time it asks about)."""
    field = filtered(query, name)
    if field is None:
        return TIME_DRAWERS[name]
    if field.kind == "boolean":
        return draw_bool
    if field.vocabulary is not None:
        return draw_enum(field.vocabulary)
    if field.choices:
        return draw_choice(field.choices)
    if field.refers:
        return draw_reference(field.refers)
    assert field.kind == "integer", f"{query}({name}=): no way to draw a {field.kind}"
    return draw_years(field)


QUERIES: dict[str, dict[str, Drawer]] = {
    query: {p.name: drawer(query, p.name) for p in parameters(query)} for query in LISTINGS
}
"""Every listing query and a drawer for each of its parameters."""


def test_every_listing_query_and_every_parameter_is_drawn() -> None:
    assert {"events", "missions", "accreditations", "heads", "trade_figures", "memberships"} <= set(QUERIES)
    assert not {"country", "roles", "trade", "search"} & set(QUERIES)  # look-ups and keyed queries
    for query, drawers in QUERIES.items():
        assert list(drawers) == [p.name for p in parameters(query)]


# -- the scan: the documented meaning, spelt out ---------------------------------


def hits(wanted: set[Any] | None, values: tuple[Any, ...]) -> bool:
    return wanted is None or not wanted.isdisjoint(values)


def in_year(date: PartialDate | Period | None, year: int) -> bool:
    """The date lies in ``year`` or the period shares a day with it."""
    if date is None:
        return False
    return date.first_day() <= datetime.date(year, 12, 31) and datetime.date(year, 1, 1) <= date.last_day()


def in_span(date: PartialDate | Period | None, since: PartialDate | None, until: PartialDate | None) -> bool:
    """The date's interval shares a day with since's first day .. until's last day."""
    if since is None and until is None:
        return True
    if date is None:
        return False
    low = since.first_day() if since else datetime.date.min
    high = until.last_day() if until else datetime.date.max
    return date.first_day() <= high and low <= date.last_day()


def asked(f: Canon) -> list[tuple[datetime.date, datetime.date]] | None:
    """The spans of days ``year``, ``since`` and ``until`` ask for (None when none is given)."""
    years, since, until = f.get("year"), f.get("since"), f.get("until")
    if years is None and since is None and until is None:
        return None
    low = since.first_day() if since else datetime.date.min
    high = until.last_day() if until else datetime.date.max
    if years is None:
        return [(low, high)]
    spans = [(max(low, datetime.date(y, 1, 1)), min(high, datetime.date(y, 12, 31))) for y in years]
    return [(a, b) for a, b in spans if a <= b]


def dated(record: Any, schema: RecordType, f: Canon) -> bool:
    """A dated record overlaps the span asked; one known only within bounds lies inside it."""
    assert schema.when is not None
    date = getattr(record, schema.when.name)
    if date is not None:
        years = f.get("year")
        return (years is None or any(in_year(date, y) for y in years)) and in_span(date, f.get("since"), f.get("until"))
    spans = asked(f)
    if spans is None:
        return True
    low = getattr(record, schema.bounds["low"].name) if "low" in schema.bounds else None
    high = getattr(record, schema.bounds["high"].name) if "high" in schema.bounds else None
    first = low.first_day() if low else datetime.date.min
    last = high.last_day() if high else datetime.date.max
    return any(a <= first and last <= b for a, b in spans)


REFERENCE = datetime.date(2018, 12, 1)


def bounds(
    record: Any,
) -> tuple[datetime.date | None, datetime.date | None, datetime.date | None, datetime.date | None]:
    """The documented reading of a relationship's time fields, spelt out with datetime: the earliest and the
    latest day it can have begun, the earliest and the latest day it can have ended (None: unbounded)."""
    parts = {f.valid: f.name for f in describe(type(record)).fields if f.valid}

    def get(part: str) -> Any:
        return getattr(record, parts[part]) if part in parts else None

    one = datetime.timedelta(days=1)
    lows, highs, going, gone = [], [], [], []
    if get("start") is not None:
        lows.append(get("start").first_day())
        highs.append(get("start").last_day())
    if get("not_before") is not None:
        lows.append(get("not_before").first_day())
    seen = get("seen")
    if seen is not None:
        first, last = (seen.start, seen.end) if isinstance(seen, Period) else (seen, seen)
        if first is not None:
            highs.append(first.last_day())
        if last is not None:
            going.append(last.first_day() + one)
    held = get("held")
    if held is True:
        highs.append(REFERENCE)
        going.append(REFERENCE + one)
    elif held is False:
        lows.append(REFERENCE + one)
    end, by = get("end"), get("ended_by")
    if end is not None:
        going.append(end.first_day())
        gone.append(end.last_day())
    if by is not None:
        if end is None:
            going.append(by.first_day())
        gone.append(by.last_day())
    ended = end is not None or by is not None
    return (
        max(lows, default=None),
        min(highs, default=None),
        max(going) if ended else None,
        min(gone, default=None),
    )


def answer(record: Any, day: datetime.date) -> bool | None:
    """In force on ``day`` (True), not in force (False), or not known (None)."""
    low, high, going, gone = bounds(record)
    if (low is not None and day < low) or (gone is not None and day >= gone):
        return False
    if high is not None and high <= day and (going is None or day < going):
        return True
    return None


def during(record: Any, spans: list[tuple[datetime.date, datetime.date]]) -> bool:
    """In force on at least one day of the spans."""
    _, high, going, _ = bounds(record)
    if high is None:
        return False
    return any(max(a, high) <= b and (going is None or max(a, high) < going) for a, b in spans)


def in_force(record: Any, f: Canon) -> bool:
    """What a relationship query keeps: in force on the day asked (the reference date), or during the span."""
    spans = asked(f)
    if spans is not None:
        return during(record, spans)
    return answer(record, f.get("as_of", REFERENCE)) is True


def find(ds: Dataset, kinds: Sequence[str], value: object) -> Any:
    return next((r for kind in kinds for r in recs(ds, kind) if identity(r) == value), None)


def matches(ds: Dataset, query: str, record: Any, name: str, f: Canon) -> bool:
    how, field, target = meaning(query, name)
    wanted = f[name]
    if how == "time":
        return True
    assert field is not None
    if how == "through":
        assert target is not None
        named = [find(ds, field.refers, v) for v in field.values(record)]
        return any(hits(wanted, target.values(r)) for r in named if r is not None)
    if field.valid == "held":  # whether it held: on the day asked
        return answer(record, f.get("as_of", REFERENCE)) in wanted
    return hits(wanted, field.values(record))


def date_order(date: PartialDate | Period | None) -> tuple[Any, ...]:
    """Start of the interval, then its end; undated records after all dated ones."""
    if date is None:
        return (1, datetime.date.max, datetime.date.max)
    return (0, date.first_day(), date.last_day())


def order(ds: Dataset, kind: str) -> Callable[[Any], tuple[Any, ...]]:
    """The documented order of a record type: its ``ORDER`` fields, else its date, then its identity; names
    folded, dates by interval, references in their target's order, citations by their first source."""
    schema = describe(record_type(kind))  # type: ignore[arg-type]
    assert schema.identity is not None
    names = getattr(schema.cls, "ORDER", ()) or (
        (schema.when.name, schema.identity.name) if schema.when else (schema.identity.name,)
    )
    parts = [part(ds, kind, schema.field(name)) for name in names]
    return lambda record: tuple(p(record) for p in parts)


def part(ds: Dataset, kind: str, field: Field) -> Callable[[Any], Any]:
    name = field.name
    if field.kind == "date":
        return lambda r: date_order(getattr(r, name))
    if field.refers and not field.many and kind not in field.refers:
        ranks = [{identity(t): i for i, t in enumerate(ordered(ds, target))} for target in field.refers]

        def by_target(r: Any) -> Any:
            value = getattr(r, name)
            return next(((i, rank[value]) for i, rank in enumerate(ranks) if value in rank), (len(ranks), value))

        return by_target
    if field.kind == "records":
        sources = [identity(s) for s in ordered(ds, "sources")]

        def by_citation(r: Any) -> Any:
            refs = getattr(r, name)
            return (0, sources.index(refs[0].source), refs[0].paragraph or 0) if refs else (1, 0, 0)

        return by_citation
    if field.kind == "vocabulary":
        return lambda r: getattr(r, name).value
    if field.kind == "text":
        return lambda r: (getattr(r, name) is None, fold(getattr(r, name) or ""))
    return lambda r: getattr(r, name)


def ordered(ds: Dataset, kind: str) -> list[Any]:
    return sorted(recs(ds, kind), key=order(ds, kind))


def scan(ds: Dataset, query: str, f: Canon) -> list[Any]:
    """What ``query(**f)`` means, spelt out over ``ds.records()``."""
    q = declared(query)
    schema = schema_of(query)
    found = []
    for record in recs(ds, q.filters):  # type: ignore[arg-type]
        if query in REGION_ONLY and identity(record) == HOME:
            continue
        if not all(matches(ds, query, record, name, f) for name in f):
            continue
        if schema.lasting and "held" not in schema.validity:
            if not in_force(record, f):
                continue
        elif schema.when is not None and not dated(record, schema, f):
            continue
        found.append(record)
    if q.kind != q.filters:  # the records of another type that those found name
        (via,) = [field for field in schema.fields if field.refers == (q.kind,)]
        named = {v for r in found for v in via.values(r)}
        found = [r for r in recs(ds, q.kind) if identity(r) in named]  # type: ignore[arg-type]
    return sorted(found, key=order(ds, q.kind))  # type: ignore[arg-type]


def draw_filters(data: st.DataObject, ds: Dataset, query: str, *, every: bool = False) -> tuple[Args, Canon]:
    """Some (or, with ``every``, all) of the query's filters, each in a random accepted form."""
    args: Args = {}
    canon: Canon = {}
    for name, draw in QUERIES[query].items():
        if not every and not data.draw(st.booleans(), label=f"use {name}"):
            continue
        found = draw(data, ds)
        if found is not None:
            args[name], canon[name] = found
    return args, canon


def both(canon: Canon) -> bool:
    """Whether a day (``as_of``) and a span are asked together: refused."""
    return "as_of" in canon and any(name in canon for name in SPANS)


def inverted(canon: Canon) -> bool:
    """Whether ``until`` ends before ``since`` starts: an impossible span, refused."""
    since, until = canon.get("since"), canon.get("until")
    return since is not None and until is not None and until.last_day() < since.first_day()


def run(ds: Dataset, query: str, args: Args) -> tuple[Any, ...]:
    result = getattr(ds, query)(**args)
    assert isinstance(result, tuple), f"{query}() returned a {type(result).__name__}"
    return result


def ids(records: Any) -> list[str]:
    return [str(identity(r)) for r in records]


# -- the properties ----------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_every_query_equals_a_scan_of_the_records(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for query in QUERIES:
        for _ in range(3):
            args, canon = draw_filters(data, ds, query)
            if both(canon):
                with pytest.raises(InvalidValueError, match=r"as_of=.* ask two things"):
                    run(ds, query, args)
                continue
            if inverted(canon):
                with pytest.raises(InvalidValueError, match=r"until=.* lies before since="):
                    run(ds, query, args)
                continue
            expected = scan(ds, query, canon)
            result = run(ds, query, args)
            assert ids(result) == ids(expected), f"{query}(**{args!r})"
            assert list(result) == expected
            # the same query again, filters given in another order, gives the same tuple
            assert run(ds, query, dict(reversed(list(args.items())))) == result


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_adding_a_filter_only_narrows(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for query, filters in QUERIES.items():
        args, canon = draw_filters(data, ds, query, every=True)
        if inverted(canon):
            del args["until"]
        if both(canon):
            del args["as_of"]
        full = run(ds, query, args)
        assert run(ds, query, {}) == run(ds, query, dict.fromkeys(filters))
        for name in args:
            if name == "as_of" or (name in SPANS and "as_of" in filters):
                continue  # not a filter but the day or span asked about: another day is another answer
            fewer = {k: v for k, v in args.items() if k != name}
            wider = run(ds, query, fewer)
            assert set(full) <= set(wider), f"{query}: adding {name}={args[name]!r} to {fewer!r} widened the result"
            # and the narrower result keeps the wider one's order
            assert [r for r in wider if r in set(full)] == list(full), f"{query}(**{args!r})"


REFERENCES = [
    (query, name, field.refers)
    for query in QUERIES
    for name in QUERIES[query]
    if (field := filtered(query, name)) is not None and field.refers
]
"""Every filter that takes a record: (query, parameter, the record types it may be of)."""
COUNTRY_FILTERS = [(query, name) for query, name, kinds in REFERENCES if "countries" in kinds]


def test_the_generated_tables_cover_the_filters_they_replace() -> None:
    assert {
        ("partnerships", "country"),
        ("missions", "sending"),
        ("missions", "receiving"),
        ("agreements", "country"),
        ("events", "country"),
        ("people", "country"),
        ("organizations", "country"),
        ("memberships", "member"),
        ("statements", "country"),
    } <= set(COUNTRY_FILTERS)
    assert {("events", "person"), ("memberships", "organization"), ("memberships", "member")} <= {
        (q, n) for q, n, kinds in REFERENCES if {"people", "organizations"} & set(kinds)
    }
    assert {("missions", "kind"), ("events", "kind"), ("organizations", "kind"), ("memberships", "role")} <= {
        (q, n) for q, n, _ in VOCABULARIES
    }
    assert ("statements", "topic") in {(q, n) for q, n, _ in VOCABULARIES}


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_a_country_is_the_record_its_code_or_its_name(ds: Dataset) -> None:
    for query, parameter in COUNTRY_FILTERS:
        for country in recs(ds, "countries"):
            expected = tuple(scan(ds, query, {parameter: {country.code}}))
            for form in forms(country):
                assert run(ds, query, {parameter: form}) == expected, f"{query}({parameter}={form!r})"


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_any_other_record_is_the_record_its_id_or_its_name(ds: Dataset) -> None:
    """People, organisations, missions: whatever else a filter takes, in every form it takes it."""
    for query, parameter, kinds in REFERENCES:
        for kind in kinds:
            if kind == "countries":
                continue
            for record in recs(ds, kind):
                results = {run(ds, query, {parameter: form}) for form in forms(record)}
                assert results == {tuple(scan(ds, query, {parameter: {identity(record)}}))}, (query, parameter)


VOCABULARIES = [
    (query, name, field.vocabulary)
    for query in QUERIES
    for name in QUERIES[query]
    if (field := filtered(query, name)) is not None and field.vocabulary is not None
]
"""Every filter that takes a member of a vocabulary: (query, parameter, the vocabulary)."""


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_kind_is_the_member_or_its_value(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for query, parameter, vocabulary in VOCABULARIES:
        assert vocabulary is not None
        for member in vocabulary:
            by_member = run(ds, query, {parameter: member})
            assert run(ds, query, {parameter: member.value}) == by_member
            assert by_member == tuple(scan(ds, query, {parameter: {member}}))


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_countries_never_lists_belarus_and_lists_every_other_state(ds: Dataset) -> None:
    listed = ds.countries()
    assert HOME not in {c.code for c in listed}
    assert {c.code for c in listed} == {c.code for c in recs(ds, "countries")} - {HOME}
    assert ds.country(HOME).code == HOME
    subregions = describe(Country).field("subregion").choices
    by_region = [c for region in subregions for c in ds.countries(subregion=region)]
    assert len(by_region) == len(set(by_region)) == sum(c.subregion is not None for c in listed)
    with_, without = ds.countries(relations=True), ds.countries(relations=False)
    assert set(with_).isdisjoint(without)  # on any day, relations were in force or not, as far as known
    assert with_.unknown == without.unknown  # or the sources cannot tell, and both answers say so
    assert len(with_) + len(without) + len(with_.unknown) == len(listed)


DATED = [query for query in QUERIES if schema_of(query).when is not None and "year" in QUERIES[query]]
"""The queries of dated records (not relationships) that take a year: events, agreements."""


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_year_filters_split_the_dated_records_by_year(ds: Dataset) -> None:
    """Every dated record turns up under each year its interval touches, and under no other; one known only
    within bounds, under the one year they lie in."""
    assert {"events", "agreements"} <= set(DATED)
    for query in DATED:
        schema = schema_of(query)
        assert schema.when is not None
        for r in recs(ds, declared(query).filters):  # type: ignore[arg-type]
            date = getattr(r, schema.when.name)
            if date is None:  # in a year only where its bounds put it
                # a missing bound is the calendar's edge: "not before 9999-06" lies in 9999
                low = getattr(r, schema.bounds["low"].name) if "low" in schema.bounds else None
                high = getattr(r, schema.bounds["high"].name) if "high" in schema.bounds else None
                first_year = low.first_day().year if low else 1
                last_year = high.last_day().year if high else 9999
                inside = {first_year} if first_year == last_year else set()
                for y in {1, 2018, 9999} | inside:
                    assert (r in run(ds, query, {"year": y})) == (y in inside)
                continue
            first, last = date.first_day(), date.last_day()
            for year in {first.year, last.year, min(first.year + 1, last.year)}:
                assert r in run(ds, query, {"year": year})
            for year in (first.year - 1, last.year + 1):
                if 1 <= year <= 9999:
                    assert r not in run(ds, query, {"year": year})


# -- explicit examples -------------------------------------------------------------

REF = (SourceRef(source="src-test", paragraph=2),)


def small(events: Sequence[Event] = (), agreements: Sequence[Agreement] = ()) -> Dataset:
    by = Country(code="BY", alpha3="BLR", numeric="112", name="Belarus", sources=REF)
    cu = Country(
        code="CU", alpha3="CUB", numeric="192", name="Cuba", subregion="Caribbean", relations=True, sources=REF
    )
    return Dataset(
        sources=[Source(id="src-test", title="t", publisher="p")],
        countries=[cu, by],
        events=events,
        agreements=agreements,
    )


def event(id_: str, date: PartialDate | Period | None) -> Event:
    return Event(id=id_, kind=EventKind.VISIT, date=date, summary="s", countries=("CU",), sources=REF)


def test_events_sort_by_interval_start_then_end_then_id() -> None:
    ds = small(
        [
            event("evt-c", PartialDate(2018)),
            event("evt-b", PartialDate(2018, 1)),
            event("evt-a", PartialDate(2018, 1, 1)),
            event("evt-d", PartialDate(2018, 2)),
            event("evt-e", None),
            event("evt-f", Period(PartialDate(2016, 1), None)),
            event("evt-g", Period(PartialDate(2018), PartialDate(2019))),
            event("evt-h", PartialDate(2018)),
        ]
    )
    assert ids(ds.events()) == ["evt-f", "evt-a", "evt-b", "evt-c", "evt-h", "evt-g", "evt-d", "evt-e"]
    assert ids(ds.events(year=2018)) == ["evt-f", "evt-a", "evt-b", "evt-c", "evt-h", "evt-g", "evt-d"]
    assert ids(ds.events(year=2019)) == ["evt-f", "evt-g"]
    assert ids(ds.events(year=2015)) == []


@pytest.mark.parametrize(
    "date",
    [PartialDate(9999, 12, 31), Period(PartialDate(9999, 12, 31), None)],
    ids=str,
)
def test_undated_events_come_last_even_after_the_last_possible_day(date: PartialDate | Period) -> None:
    ds = small([event("evt-a-undated", None), event("evt-b-dated", date)])
    assert ids(scan(ds, "events", {})) == ["evt-b-dated", "evt-a-undated"]  # the scan keeps the rule
    assert ids(ds.events()) == ["evt-b-dated", "evt-a-undated"]
    assert ids(ds.events(year=9999)) == ["evt-b-dated"]


def test_undated_agreements_come_last_even_after_the_last_possible_day() -> None:
    def agreement(id_: str, signed: PartialDate | None) -> Agreement:
        return Agreement(
            id=id_, title="t", kind=AgreementKind.ROAD_MAP, parties=("BY", "CU"), signed=signed, sources=REF
        )

    ds = small(agreements=[agreement("agr-a-unsigned", None), agreement("agr-b-signed", PartialDate(9999, 12, 31))])
    assert ids(ds.agreements()) == ["agr-b-signed", "agr-a-unsigned"]
