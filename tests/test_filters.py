"""Every `Dataset` query against a plain scan of its records.

For generated data sets, each query with any combination of its filters must
equal a list comprehension over ``ds.records()`` that spells out the documented
meaning (filters AND together; a filter given a list or tuple matches any of
its values; ``year`` matches a date in that year or a period overlapping it,
and takes numpy integers too; ``since``/``until`` keep dates that overlap the
span from since's first day to until's last; `countries` never lists
Belarus), sorted in the documented order. Then: filters only narrow, results are tuples, queries repeat, and a
country may be given as the record, a code or a name.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Sequence
from typing import Any

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import datasets, partial_dates

from belatam import (
    Agreement,
    AgreementKind,
    Country,
    Dataset,
    Event,
    EventKind,
    InvalidValueError,
    MembershipRole,
    MissionKind,
    Organization,
    OrganizationKind,
    PartialDate,
    PartnershipKind,
    Period,
    Person,
    Source,
    SourceRef,
    Topic,
)
from belatam.model.countries import SUBREGIONS
from belatam.model.schema import describe
from belatam.text import fold

HOME = "BY"
Canon = dict[str, Any]  # filter name -> the set of plain values the scan accepts (codes, ids, enums, ints)
Args = dict[str, Any]  # filter name -> the value handed to the query (in any accepted form)

# -- drawing filter arguments in any accepted form --------------------------------


def recs(ds: Dataset, name: str) -> tuple[Any, ...]:
    return ds.records()[name]


def country_forms(c: Country) -> list[object]:
    return [c, c.code, c.code.lower(), c.alpha3, c.numeric, c.name, c.name.upper(), *c.aliases]


def organization_forms(o: Organization) -> list[object]:
    return [o, o.id, o.name]


def person_forms(p: Person) -> list[object]:
    return [p, p.id, p.name]


def some(data: st.DataObject, one: Callable[[], tuple[object, object]]) -> tuple[object, set[Any]]:
    """One value, or (as every filter accepts) a list or tuple of one to three of them: any matches."""
    if not data.draw(st.booleans(), label="several"):
        given, plain = one()
        return given, {plain}
    drawn = [one() for _ in range(data.draw(st.integers(1, 3), label="how many"))]
    shape = data.draw(st.sampled_from((list, tuple)), label="shape")
    return shape(g for g, _ in drawn), {p for _, p in drawn}


def draw_country(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
    def one() -> tuple[object, object]:
        c: Country = data.draw(st.sampled_from(recs(ds, "countries")))
        return data.draw(st.sampled_from(country_forms(c))), c.code

    return some(data, one)


def draw_enum(vocabulary: type[enum.Enum]) -> Callable[[st.DataObject, Dataset], tuple[object, set[Any]]]:
    def draw(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
        def one() -> tuple[object, object]:
            member = data.draw(st.sampled_from(vocabulary))
            return data.draw(st.sampled_from([member, member.value])), member

        return some(data, one)

    return draw


def draw_bool(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
    value = data.draw(st.booleans())
    return value, {value}


def draw_subregion(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
    return some(data, lambda: (value := data.draw(st.sampled_from(SUBREGIONS)), value))


def dates_in(ds: Dataset) -> list[PartialDate | Period]:
    found: list[PartialDate | Period] = []
    for records in ds.records().values():
        for r in records:
            for field in ("date", "signed", "opened", "since", "established"):
                value = getattr(r, field, None)
                if value is not None:
                    found.append(value)
    return found


def years_near(ds: Dataset) -> list[int]:
    return sorted(
        {
            y
            for d in dates_in(ds)
            for day in (d.first_day(), d.last_day())
            for y in (day.year - 1, day.year, day.year + 1)
            if 1 <= y <= 9999 and day not in (datetime.date.min, datetime.date.max)
        }
    )


def draw_year(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
    years = years_near(ds)

    def one() -> tuple[object, object]:
        year = data.draw(st.sampled_from(years) | st.integers(1, 9999) if years else st.integers(1, 9999))
        given = data.draw(st.sampled_from([year, numpy.int64(year)]), label="year type")
        return given, year

    return some(data, one)


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


def draw_person(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]] | None:
    people = recs(ds, "people")
    if not people:
        return None

    def one() -> tuple[object, object]:
        p: Person = data.draw(st.sampled_from(people))
        return data.draw(st.sampled_from(person_forms(p))), p.id

    return some(data, one)


def draw_organization(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]] | None:
    orgs = recs(ds, "organizations")
    if not orgs:
        return None

    def one() -> tuple[object, object]:
        o: Organization = data.draw(st.sampled_from(orgs))
        return data.draw(st.sampled_from(organization_forms(o))), o.id

    return some(data, one)


def draw_member(data: st.DataObject, ds: Dataset) -> tuple[object, set[Any]]:
    use_organization: bool = data.draw(st.booleans())
    if recs(ds, "organizations") and use_organization:
        found = draw_organization(data, ds)
        assert found is not None
        return found
    return draw_country(data, ds)


Drawer = Callable[[st.DataObject, Dataset], "tuple[object, Any] | None"]


# -- the scans: the documented meaning, spelt out ---------------------------------


def by_name(r: Any) -> tuple[str, str]:
    return (fold(r.name), getattr(r, "id", None) or r.code)


def by_date(date: PartialDate | Period | None, id_: str) -> tuple[Any, ...]:
    """Start of the interval, then its end, then id; undated records after all dated ones."""
    if date is None:
        return (1, datetime.date.max, datetime.date.max, id_)
    return (0, date.first_day(), date.last_day(), id_)


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


def dated(record: Any, when: str, f: Canon) -> bool:
    """A dated record overlaps the span asked; one known only within bounds lies inside it."""
    date = getattr(record, when)
    if date is not None:
        years = f.get("year")
        return (years is None or any(in_year(date, y) for y in years)) and in_span(date, f.get("since"), f.get("until"))
    spans = asked(f)
    if spans is None:
        return True
    low = getattr(record, "not_before", None)
    high = getattr(record, "not_after", None)
    first = low.first_day() if low else datetime.date.min
    last = high.last_day() if high else datetime.date.max
    return any(a <= first and last <= b for a, b in spans)


def hit(wanted: set[Any] | None, value: Any) -> bool:
    return wanted is None or value in wanted


def hits(wanted: set[Any] | None, values: tuple[Any, ...]) -> bool:
    return wanted is None or not wanted.isdisjoint(values)


def by_source(ds: Dataset, refs: tuple[SourceRef, ...]) -> tuple[int, int, int]:
    """Statements read in citation order: the first citation's source, as sources() lists them, then paragraph."""
    if not refs:
        return (1, 0, 0)
    order = [s.id for s in sorted(recs(ds, "sources"), key=lambda s: (s.sha256 is None, s.sha256 or "", s.id))]
    return (0, order.index(refs[0].source), refs[0].paragraph or 0)


def name_of_country(ds: Dataset, code: str) -> str:
    return next(fold(c.name) for c in recs(ds, "countries") if c.code == code)


def rank_of(ds: Dataset, name: str, key: str) -> int:
    """A record's position in its table's order (by name, then id or code)."""
    ordered = sorted(recs(ds, name), key=by_name)
    return [getattr(r, "id", None) or r.code for r in ordered].index(key)


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


def draw_as_of(data: st.DataObject, ds: Dataset) -> tuple[object, datetime.date]:
    day = data.draw(st.dates(datetime.date(1991, 1, 1), datetime.date(2030, 12, 31)), label="as_of")
    form = data.draw(st.sampled_from(("date", "iso", "partial")), label="as_of form")
    given: object = {"date": day, "iso": day.isoformat(), "partial": PartialDate(day.year, day.month, day.day)}[form]
    return given, day


def scan_countries(ds: Dataset, f: Canon) -> list[Any]:
    rel, sub, day = f.get("relations"), f.get("subregion"), f.get("as_of", REFERENCE)
    return sorted(
        (
            c
            for c in recs(ds, "countries")
            if c.code != HOME and (rel is None or answer(c, day) in rel) and hit(sub, c.subregion)
        ),
        key=by_name,
    )


def scan_partnerships(ds: Dataset, f: Canon) -> list[Any]:
    code, strategic = f.get("country"), f.get("strategic")
    return sorted(
        (
            p
            for p in recs(ds, "partnerships")
            if hit(code, p.country) and hit(strategic, p.kind is PartnershipKind.STRATEGIC) and in_force(p, f)
        ),
        key=lambda p: (name_of_country(ds, p.country), p.id),
    )


def scan_partners(ds: Dataset, f: Canon) -> list[Any]:
    strategic = f.get("strategic")
    codes = {p.country for p in scan_partnerships(ds, {"strategic": strategic, "as_of": f.get("as_of", REFERENCE)})}
    return sorted((c for c in recs(ds, "countries") if c.code in codes), key=by_name)


def scan_missions(ds: Dataset, f: Canon) -> list[Any]:
    sending, receiving, kind = f.get("sending"), f.get("receiving"), f.get("kind")
    return sorted(
        (
            m
            for m in recs(ds, "missions")
            if hit(sending, m.sending)
            and hit(receiving, m.receiving)
            and hit(kind, m.kind)
            and hit(f.get("honorary"), m.kind is MissionKind.HONORARY_CONSULATE)
            and in_force(m, f)
        ),
        key=lambda m: m.id,
    )


def scan_agreements(ds: Dataset, f: Canon) -> list[Any]:
    code = f.get("country")
    return sorted(
        (a for a in recs(ds, "agreements") if hits(code, a.parties) and dated(a, "signed", f)),
        key=lambda a: by_date(a.signed, a.id),
    )


def scan_events(ds: Dataset, f: Canon) -> list[Any]:
    code, kind, person = f.get("country"), f.get("kind"), f.get("person")
    return sorted(
        (
            e
            for e in recs(ds, "events")
            if hits(code, e.countries) and dated(e, "date", f) and hit(kind, e.kind) and hits(person, e.participants)
        ),
        key=lambda e: by_date(e.date, e.id),
    )


def scan_people(ds: Dataset, f: Canon) -> list[Any]:
    code = f.get("country")
    return sorted(
        (p for p in recs(ds, "people") if hits(code, tuple(r.country for r in p.roles))),
        key=by_name,
    )


def scan_organizations(ds: Dataset, f: Canon) -> list[Any]:
    kind, code = f.get("kind"), f.get("country")
    return sorted(
        (o for o in recs(ds, "organizations") if hit(kind, o.kind) and hit(code, o.country)),
        key=by_name,
    )


def scan_memberships(ds: Dataset, f: Canon) -> list[Any]:
    org, member, role = f.get("organization"), f.get("member"), f.get("role")
    return sorted(
        (
            m
            for m in recs(ds, "memberships")
            if hit(org, m.organization) and hit(member, m.member) and hit(role, m.role) and in_force(m, f)
        ),
        key=lambda m: (
            rank_of(ds, "organizations", m.organization),
            m.role.value,
            (0, rank_of(ds, "countries", m.member))
            if m.member in {c.code for c in recs(ds, "countries")}
            else (1, rank_of(ds, "organizations", m.member)),
            m.id,
        ),
    )


def scan_statements(ds: Dataset, f: Canon) -> list[Any]:
    code, topic = f.get("country"), f.get("topic")
    return sorted(
        (s for s in recs(ds, "statements") if hits(code, s.countries) and hit(topic, s.topic)),
        key=lambda s: (by_source(ds, s.sources), s.id),
    )


SPANS: dict[str, Drawer] = {"year": draw_year, "since": draw_day, "until": draw_day}
"""The span filters of the relationship queries (``as_of`` and these together are refused)."""

QUERIES: dict[str, tuple[dict[str, Drawer], Callable[[Dataset, Canon], list[Any]]]] = {
    "countries": ({"relations": draw_bool, "subregion": draw_subregion, "as_of": draw_as_of}, scan_countries),
    "partners": ({"strategic": draw_bool, "as_of": draw_as_of}, scan_partners),
    "partnerships": (
        {"country": draw_country, "strategic": draw_bool, "as_of": draw_as_of, **SPANS},
        scan_partnerships,
    ),
    "missions": (
        {
            "sending": draw_country,
            "receiving": draw_country,
            "kind": draw_enum(MissionKind),
            "honorary": draw_bool,
            "as_of": draw_as_of,
            **SPANS,
        },
        scan_missions,
    ),
    "agreements": ({"country": draw_country, "year": draw_year, "since": draw_day, "until": draw_day}, scan_agreements),
    "events": (
        {
            "country": draw_country,
            "year": draw_year,
            "since": draw_day,
            "until": draw_day,
            "kind": draw_enum(EventKind),
            "person": draw_person,
        },
        scan_events,
    ),
    "people": ({"country": draw_country}, scan_people),
    "organizations": ({"kind": draw_enum(OrganizationKind), "country": draw_country}, scan_organizations),
    "memberships": (
        {
            "organization": draw_organization,
            "member": draw_member,
            "role": draw_enum(MembershipRole),
            "as_of": draw_as_of,
            **SPANS,
        },
        scan_memberships,
    ),
    "statements": ({"country": draw_country, "topic": draw_enum(Topic)}, scan_statements),
}


def draw_filters(data: st.DataObject, ds: Dataset, query: str, *, every: bool = False) -> tuple[Args, Canon]:
    """Some (or, with ``every``, all) of the query's filters, each in a random accepted form."""
    args: Args = {}
    canon: Canon = {}
    for name, drawer in QUERIES[query][0].items():
        if not every and not data.draw(st.booleans(), label=f"use {name}"):
            continue
        found = drawer(data, ds)
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
    return [str(getattr(r, "id", None) or getattr(r, "code", None)) for r in records]


# -- the properties ----------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_every_query_equals_a_scan_of_the_records(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for query, (_, scan) in QUERIES.items():
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
            expected = scan(ds, canon)
            result = run(ds, query, args)
            assert ids(result) == ids(expected), f"{query}(**{args!r})"
            assert list(result) == expected
            # the same query again, filters given in another order, gives the same tuple
            assert run(ds, query, dict(reversed(list(args.items())))) == result


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_adding_a_filter_only_narrows(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for query, (filters, _) in QUERIES.items():
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


COUNTRY_FILTERS = [
    ("partnerships", "country"),
    ("missions", "sending"),
    ("missions", "receiving"),
    ("agreements", "country"),
    ("events", "country"),
    ("people", "country"),
    ("organizations", "country"),
    ("memberships", "member"),
    ("statements", "country"),
]


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_a_country_is_the_record_its_code_or_its_name(ds: Dataset) -> None:
    for query, parameter in COUNTRY_FILTERS:
        for country in recs(ds, "countries"):
            expected = tuple(QUERIES[query][1](ds, {parameter: {country.code}}))
            for form in country_forms(country):
                assert run(ds, query, {parameter: form}) == expected, f"{query}({parameter}={form!r})"


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_people_and_organizations_are_the_record_the_id_or_the_name(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for p in recs(ds, "people"):
        results = {run(ds, "events", {"person": form}) for form in person_forms(p)}
        assert results == {tuple(scan_events(ds, {"person": {p.id}}))}
    for o in recs(ds, "organizations"):
        for parameter in ("organization", "member"):
            results = {run(ds, "memberships", {parameter: form}) for form in organization_forms(o)}
            assert results == {tuple(scan_memberships(ds, {parameter: {o.id}}))}


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_kind_is_the_member_or_its_value(data: st.DataObject) -> None:
    ds = data.draw(datasets(), label="ds")
    for query, parameter, vocabulary in (
        ("missions", "kind", MissionKind),
        ("events", "kind", EventKind),
        ("organizations", "kind", OrganizationKind),
        ("memberships", "role", MembershipRole),
        ("statements", "topic", Topic),
    ):
        for member in vocabulary:
            by_member = run(ds, query, {parameter: member})
            assert run(ds, query, {parameter: member.value}) == by_member
            assert by_member == tuple(QUERIES[query][1](ds, {parameter: {member}}))


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_countries_never_lists_belarus_and_lists_every_other_state(ds: Dataset) -> None:
    listed = ds.countries()
    assert HOME not in {c.code for c in listed}
    assert {c.code for c in listed} == {c.code for c in recs(ds, "countries")} - {HOME}
    assert ds.country(HOME).code == HOME
    by_region = [c for region in SUBREGIONS for c in ds.countries(subregion=region)]
    assert len(by_region) == len(set(by_region)) == sum(c.subregion is not None for c in listed)
    with_, without = ds.countries(relations=True), ds.countries(relations=False)
    assert set(with_).isdisjoint(without)  # on any day, relations were in force or not, as far as known
    assert with_.unknown == without.unknown  # or the sources cannot tell, and both answers say so
    assert len(with_) + len(without) + len(with_.unknown) == len(listed)


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_year_filters_split_the_dated_records_by_year(ds: Dataset) -> None:
    """Every dated event turns up under each year its interval touches, and under no other."""
    for e in recs(ds, "events"):
        if e.date is None:  # in a year only where its bounds put it
            # a missing bound is the calendar's edge: "not before 9999-06" lies in 9999
            low = e.not_before.first_day().year if e.not_before else 1
            high = e.not_after.last_day().year if e.not_after else 9999
            inside = {low} if low == high else set()
            for y in {1, 2018, 9999} | inside:
                assert (e in ds.events(year=y)) == (y in inside)
            continue
        first, last = e.date.first_day(), e.date.last_day()
        for year in {first.year, last.year, min(first.year + 1, last.year)}:
            assert e in ds.events(year=year)
        for year in (first.year - 1, last.year + 1):
            if 1 <= year <= 9999:
                assert e not in ds.events(year=year)
    for a in recs(ds, "agreements"):
        if a.signed is not None:
            assert a in ds.agreements(year=a.signed.year)
            assert not any(a in ds.agreements(year=y) for y in (a.signed.year - 1, a.signed.year + 1) if 1 <= y <= 9999)


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
    assert ids(scan_events(ds, {})) == ["evt-b-dated", "evt-a-undated"]  # the scan keeps the rule
    assert ids(ds.events()) == ["evt-b-dated", "evt-a-undated"]
    assert ids(ds.events(year=9999)) == ["evt-b-dated"]


def test_undated_agreements_come_last_even_after_the_last_possible_day() -> None:
    def agreement(id_: str, signed: PartialDate | None) -> Agreement:
        return Agreement(
            id=id_, title="t", kind=AgreementKind.ROAD_MAP, parties=("BY", "CU"), signed=signed, sources=REF
        )

    ds = small(agreements=[agreement("agr-a-unsigned", None), agreement("agr-b-signed", PartialDate(9999, 12, 31))])
    assert ids(ds.agreements()) == ["agr-b-signed", "agr-a-unsigned"]
