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
- the relationships in force on any day fit together (`belatam.read.timeline`).

A failure is a `DataError` naming the file, the record and the field, so a
broken data set never half-loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from belatam.errors import DataError, InvalidTypeError, quote
from belatam.model import KINDS, Kind, record_type
from belatam.model.schema import Field, RecordType, describe, lookup_values
from belatam.text import key_forms

__all__ = ["check", "check_types", "lookup_keys"]


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


def check(tables: Mapping[Kind, Sequence[object]]) -> None:
    """Check a data set given as ``{kind: records}``; raise `DataError` at the first problem.

    After the rules above come those of time (`belatam.read.timeline`): one
    picture per day.
    """
    _Checker(tables).run()
    from belatam.read.timeline import check_days

    check_days(tables)
