"""The rules a whole data set must pass before it is used, read from the schema.

A record checks its own fields when it is built (attrs validators); what only
the whole data set can show is checked here, for every record type alike:

- identities are unique: ids across all files, codes and years in theirs;
- look-up keys are unique after folding: no key (a name, an alias, a code)
  finds two records, so an answer never depends on letter case or order;
- every reference (a field whose schema says ``refers``, nested records'
  fields included) names a record that exists, and no list names one twice;
- every record that has ``sources`` cites at least one;
- references from a record type to itself (an organisation's ``parent``, an
  event ``during`` another) never lead back to the record;
- an event agrees with the records it names (`check_events`): a signing is
  dated as its agreements' signing, a founding as its organisation's, an
  observer status as the standing it began, and an event ``during`` another
  took place during a visit, commission session or consultations, on days
  that one may have lain on;
- the relationships in force on any day fit together (`belatam.read.timeline`).

A failure is a `DataError` naming the file, the record and the field, so a
broken data set never half-loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from belatam.dates import Day, iso
from belatam.errors import DataError, InvalidTypeError, quote
from belatam.model import KINDS, Kind, record_type
from belatam.model.schema import Field, RecordType, describe, lookup_values
from belatam.text import key_forms

__all__ = ["OCCASIONS", "check", "check_events", "check_types", "lookup_keys"]


def lookup_keys(schema: RecordType, record: object) -> Iterable[tuple[str, str]]:
    """(field, folded key) for every form of every look-up key of a record (nested records' look-up fields
    included): each form a look-up tries (a short number is also a three-digit code) must find one record."""
    for field, value in lookup_values(schema, record):
        for form in key_forms(value):
            yield field, form


class _Checker:
    def __init__(self, tables: Mapping[Kind, Sequence[object]]) -> None:
        self.tables = tables
        self.identities: dict[str, set[Any]] = {}
        for kind in KINDS:
            schema = describe(record_type(kind))
            assert schema.identity is not None
            name = schema.identity.name
            self.identities[kind] = {getattr(r, name) for r in tables.get(kind, ())}

    def run(self) -> None:
        owners: dict[object, str] = {}
        for kind in KINDS:
            records = self.tables.get(kind, ())
            schema = describe(record_type(kind))
            file = f"{kind}.json"
            self.unique(kind, schema, records, owners)
            self.lookups(file, schema, records)
            tests = list(self.reference_tests(schema))
            cites = any(f.name == "sources" for f in schema.fields) and kind != "sources"
            for position, record in enumerate(records):
                for test in tests:
                    problem = test(record)
                    if problem is not None:
                        field, message = problem
                        raise DataError(file, schema.label(record, position), field, message)
                if cites and not getattr(record, "sources", ()):
                    raise DataError(file, schema.label(record, position), "sources", "cites no source")
            self.acyclic(file, schema, records)

    def unique(self, kind: str, schema: RecordType, records: Sequence[object], owners: dict[object, str]) -> None:
        assert schema.identity is not None
        name = schema.identity.name
        for position, record in enumerate(records):
            value = getattr(record, name)
            key = value if isinstance(value, str) else (kind, value)  # text ids and codes share one namespace
            if key in owners:
                raise DataError(
                    f"{kind}.json",
                    schema.label(record, position),
                    name,
                    f"duplicate {name} {quote(value)} (also in {owners[key]}.json)",
                )
            owners[key] = kind

    def lookups(self, file: str, schema: RecordType, records: Sequence[object]) -> None:
        if not schema.lookups:
            return
        seen: dict[str, tuple[object, str]] = {}
        for position, record in enumerate(records):
            mine: set[str] = set()
            for field, key in lookup_keys(schema, record):
                if key in mine:
                    continue
                mine.add(key)
                other = seen.get(key)
                if other is not None:
                    label = schema.label(record, position)
                    raise DataError(
                        file,
                        label,
                        field,
                        f"the look-up key {quote(key)} also finds {schema.label(other[0], 0)}"
                        f" (its {other[1]}); a key must find one record",
                    )
                seen[key] = (record, field)

    def reference_tests(self, schema: RecordType, path: str = "") -> Iterable[Callable[[object], Any]]:
        for field in schema.fields:
            name = f"{path}{field.name}"
            if field.nested is not None:
                yield self.once(field, name)
                inner = list(self.reference_tests(describe(field.nested)))
                if inner:
                    yield self.nested(field, name, inner)
            elif field.refers:
                yield self.refers(field, name)

    def once(self, field: Field, name: str) -> Callable[[object], Any]:
        """A list of nested records never holds one twice (the same citation twice in ``sources``)."""
        attribute = field.name

        def test(record: object) -> Any:
            items = getattr(record, attribute)
            if len(items) < 2 or len(set(items)) == len(items):
                return None
            seen: set[object] = set()
            for index, item in enumerate(items):
                if item in seen:
                    return f"{name}[{index}]", f"holds {item} twice"
                seen.add(item)
            return None  # pragma: no cover

        return test

    def nested(self, field: Field, name: str, inner: list[Callable[[object], Any]]) -> Callable[[object], Any]:
        attribute = field.name
        # the same nested record (a citation) recurs across records: check each value once; records are frozen
        # and hold only hashable values (the codec builds tuples; `check_types` has checked records built by hand)
        passed: set[object] = set()

        def test(record: object) -> Any:
            for index, item in enumerate(getattr(record, attribute)):
                if item in passed:
                    continue
                for check in inner:
                    problem = check(item)
                    if problem is not None:
                        return f"{name}[{index}].{problem[0]}", problem[1]
                passed.add(item)
            return None

        return test

    def refers(self, field: Field, name: str) -> Callable[[object], Any]:
        known = [self.identities[kind] for kind in field.refers]
        pool = known[0] if len(known) == 1 else set().union(*known)
        what = " or ".join(kind.rstrip("s") if kind != "people" else "person" for kind in field.refers)
        attribute = field.name

        def problem(values: tuple[Any, ...]) -> Any:
            for value in values:
                if value not in pool:
                    return name, f"unknown {what} {quote(value)}"
            return name, f"names {quote(next(v for v in values if values.count(v) > 1))} twice"

        if field.many:

            def test_many(record: object) -> Any:
                values = getattr(record, attribute)
                if not values or (pool.issuperset(values) and (len(values) == 1 or len(set(values)) == len(values))):
                    return None
                return problem(values)

            return test_many

        def test_one(record: object) -> Any:
            value = getattr(record, attribute)
            return None if value is None or value in pool else problem((value,))

        return test_one

    def acyclic(self, file: str, schema: RecordType, records: Sequence[object]) -> None:
        kind = file.removesuffix(".json")
        loops = [f for f in schema.fields if f.refers == (kind,)]
        if not loops or schema.identity is None:
            return
        name = schema.identity.name
        for field in loops:
            links = {getattr(r, name): field.values(r) for r in records}
            for position, record in enumerate(records):
                start = getattr(record, name)
                todo, seen = list(links[start]), set()
                while todo:
                    step = todo.pop()
                    if step == start:
                        raise DataError(
                            file, schema.label(record, position), field.name, f"leads back to {quote(start)}"
                        )
                    if step not in seen:
                        seen.add(step)
                        todo += links.get(step, ())


def check_types(kind: Kind, records: Sequence[object]) -> None:
    """Check that each record's fields hold values of their declared types (records built by hand may not)."""
    schema = describe(record_type(kind))
    for position, record in enumerate(records):
        for field in schema.fields:
            problem = field.kind.check(field, getattr(record, field.name))
            if problem is not None:
                label = (
                    schema.label(record, position)
                    if isinstance(getattr(record, schema.identity.name if schema.identity else "", None), (str, int))
                    else f"#{position}"
                )
                raise InvalidTypeError(f"{kind}[{position}] ({label}), field {field.name!r}: {problem}")


OCCASIONS = ("visit", "commission_meeting", "consultations")
"""The kinds of event (`EventKind` values) that other events take place ``during``."""


def _days(date: Any, low: Any = None, high: Any = None) -> tuple[Day, Day]:
    """The first and the last day a date may be (a missing date: its bounds, else the calendar's ends)."""
    if date is not None:
        return date.bounds()  # type: ignore[no-any-return]
    return (low.bounds()[0] if low else (1, 1, 1), high.bounds()[1] if high else (9999, 12, 31))


def _holds(outer: Any, inner: Any) -> bool:
    """Whether the date ``outer`` holds the date ``inner`` (both missing: as missing as each other)."""
    if outer is None or inner is None:
        return outer is None and inner is None
    (first, last), (start, end) = outer.bounds(), inner.bounds()
    return first <= start and end <= last  # type: ignore[no-any-return]


def _records(tables: Mapping[Kind, Sequence[object]], kind: Kind) -> Sequence[Any]:
    return tables.get(kind, ())


def _shown(date: Any) -> str:
    return "undated" if date is None else f"dated {date}"


def check_events(tables: Mapping[Kind, Sequence[object]]) -> None:
    """Check what each event says of the records it names; a `DataError` at the first that disagrees.

    - a ``signing`` is dated as each agreement it names: the agreement's
      ``signed`` holds the event's date (a page may give the day of a month
      another gives), and an undated signing is of an undated agreement;
    - an ``establishment`` names an organisation whose ``established`` holds
      its date;
    - an ``observer_status`` names organisations, in each of which an
      observer's standing began (``since``) on a date that holds its date;
    - an event ``during`` another took place during a visit, a commission
      session or consultations (`OCCASIONS`), and the days it may lie on
      meet the days that occasion may lie on.

    Run after the references are checked: every id named exists.
    """
    events = _records(tables, "events")
    if not events:
        return
    schema = describe(record_type("events"))
    by_id: dict[str, Any] = {e.id: e for e in events}
    agreements: dict[str, Any] = {a.id: a for a in _records(tables, "agreements")}
    organizations: dict[str, Any] = {o.id: o for o in _records(tables, "organizations")}
    observers: dict[str, list[Any]] = {}
    for membership in _records(tables, "memberships"):
        if str(membership.role) == "observer":
            observers.setdefault(membership.organization, []).append(membership)
    for position, event in enumerate(events):
        kind, date = str(event.kind), event.date

        def refuse(field: str, message: str, event: object = event, position: int = position) -> DataError:
            return DataError("events.json", schema.label(event, position), field, message)

        if kind == "signing":
            for index, key in enumerate(event.agreements):
                signed = agreements[key].signed
                if not _holds(signed, date):
                    raise refuse(
                        f"agreements[{index}]",
                        f"{_shown(date)}, a signing of {key}, which is "
                        f"{'signed ' + str(signed) if signed else 'undated'}: a signing lies within its "
                        "agreement's signing date, or both are undated",
                    )
        if kind == "establishment":
            named = event.organizations
            if not any(_holds(organizations[key].established, date) for key in named):
                raise refuse(
                    "organizations",
                    f"an establishment {_shown(date)} names no organisation established then "
                    f"({', '.join(named) or 'none named'})",
                )
        if kind == "observer_status":
            named = event.organizations
            if not named:
                raise refuse("organizations", "an observer status names the organisation it is in")
            for key in named:
                if not any(_holds(m.since, date) for m in observers.get(key, ())):
                    raise refuse(
                        "organizations",
                        f"an observer status {_shown(date)} in {key}, where no observer's standing "
                        "(memberships.json) began then",
                    )
        days = _days(date, event.not_before, event.not_after)
        for index, key in enumerate(event.during):
            occasion = by_id[key]
            if str(occasion.kind) not in OCCASIONS:
                raise refuse(
                    f"during[{index}]",
                    f"{key} is a {occasion.kind}; an event takes place during a "
                    f"{', '.join(OCCASIONS[:-1])} or {OCCASIONS[-1]}",
                )
            first, last = _days(occasion.date, occasion.not_before, occasion.not_after)
            if days[1] < first or last < days[0]:
                raise refuse(
                    f"during[{index}]",
                    f"it lies on {iso(days[0])} .. {iso(days[1])}, outside {key} ({iso(first)} .. {iso(last)})",
                )


def check(tables: Mapping[Kind, Sequence[object]]) -> None:
    """Check a data set given as ``{kind: records}``; raise `DataError` at the first problem.

    After the rules above come what events say of the records they name
    (`check_events`), then those of time (`belatam.read.timeline`): one picture
    per day.
    """
    _Checker(tables).run()
    check_events(tables)
    from belatam.read.timeline import check_days

    check_days(tables)
