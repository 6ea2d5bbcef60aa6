"""One picture per day: what relationships in force together must not say.

The data never says two incompatible things about one day. For every pair of
records the schema links, the day-by-day answers of `belatam.model.validity`
must fit together:

- a reference marked ``within`` (an accreditation's resident mission, a
  mission's two states, a posting's mission and person, a membership's
  organisation) is never out of force while the record that names it is in
  force: no accreditation without its embassy, no embassy before the
  relations between its states began (where that day is known), no
  membership before the organisation was founded, no post after its
  holder's death; a role nested in a person likewise;
- records that share the values of a class's ``EXCLUSIVE`` fields are never
  in force on the same day: one head per mission, one mission per head, one
  holder per office;
- a class's ``RULES`` hold between a record and those it names (an
  accreditation runs through an embassy of the same state, in another one);
- no two records share the values of a class's ``UNIQUE`` fields (one
  region-wide trade figure a year).

Answers change only on the days a `Span` turns, so each pair is checked on
those days (and before the first); a test walks every day instead. A failure
is a `DataError` naming both records and the day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from belatam.dates import Day, iso
from belatam.errors import DataError, quote
from belatam.model import KINDS, Kind, record_type
from belatam.model.schema import RecordType, describe
from belatam.model.validity import Span, span_of

__all__ = ["check_days", "conflict", "overlap"]

DAWN: Day = (1, 1, 1)


def conflict(inner: Span, outer: Span) -> Day | None:
    """The first day ``inner`` is in force while ``outer`` is not in force, if any."""
    for day in sorted({DAWN, *inner.turns(), *outer.turns()}):
        if inner.on(day) is True and outer.on(day) is False:
            return day
    return None


def overlap(one: Span, other: Span) -> Day | None:
    """The first day both spans are in force, if any."""
    if one.latest_start is None or other.latest_start is None:
        return None
    first = max(one.latest_start, other.latest_start)
    ends = [e for e in (one.earliest_end, other.earliest_end) if e is not None]
    return first if not ends or first < min(ends) else None


class _Lasting:
    """A record whose fields say when it held, where it is filed, and its span."""

    __slots__ = ("field", "file", "label", "record", "span")

    def __init__(self, file: str, label: str, record: Any, field: str = "") -> None:
        self.file = file
        self.label = label
        self.record = record
        self.field = field  # the path of a nested record ("roles[1]"), or ""
        self.span = span_of(record)

    def named(self) -> str:
        where = f" {self.field}" if self.field else ""
        return f"{self.file.removesuffix('.json')} {self.label}{where}"


def _lasting(tables: Mapping[Kind, Sequence[object]]) -> Iterator[tuple[Kind, RecordType, list[_Lasting]]]:
    """Every record type with validity fields, and its records with their spans (nested ones apart)."""
    for kind in KINDS:
        schema = describe(record_type(kind))
        if schema.validity:
            yield (
                kind,
                schema,
                [_Lasting(f"{kind}.json", schema.label(r, i), r) for i, r in enumerate(tables.get(kind, ()))],
            )


def check_days(tables: Mapping[Kind, Sequence[object]]) -> None:
    """Check a data set's relationships day by day (see the module's docstring); a `DataError` at the first clash."""
    spans: dict[tuple[str, Any], _Lasting] = {}
    found: dict[Kind, list[_Lasting]] = {}
    for kind, schema, items in _lasting(tables):
        found[kind] = items
        assert schema.identity is not None
        for item in items:
            spans[(kind, getattr(item.record, schema.identity.name))] = item
    for kind in KINDS:
        schema = describe(record_type(kind))
        records = tables.get(kind, ())
        _unique(kind, schema, records)
        _rules(kind, schema, records, tables)
        nested = [f for f in schema.fields if f.nested is not None and describe(f.nested).validity]
        for item in found.get(kind, ()):
            _within(schema, item, spans)
        children: list[_Lasting] = []
        for field in nested:
            for position, record in enumerate(records):
                parent = (kind, getattr(record, schema.identity.name)) if schema.identity else None
                for index, value in enumerate(getattr(record, field.name)):
                    child = _Lasting(f"{kind}.json", schema.label(record, position), value, f"{field.name}[{index}]")
                    children.append(child)
                    outer = spans.get(parent) if parent else None
                    if outer is not None:
                        day = conflict(child.span, outer.span)
                        if day is not None:
                            raise DataError(
                                child.file,
                                child.label,
                                child.field,
                                f"in force on {iso(day)}, when the {kind.rstrip('s')} it belongs to is not "
                                "(after a death or an end)",
                            )
                    _within(describe(field.item), child, spans, path=f"{field.name}[{index}].")  # type: ignore[arg-type]
            _exclusive(describe(field.item), children)  # type: ignore[arg-type]
        _exclusive(schema, found.get(kind, []))


def _within(schema: RecordType, item: _Lasting, spans: Mapping[tuple[str, Any], _Lasting], path: str = "") -> None:
    for field in schema.fields:
        if not field.within:
            continue
        for value in field.values(item.record):
            outer = next((spans[(k, value)] for k in field.refers if (k, value) in spans), None)
            if outer is None:
                continue
            day = conflict(item.span, outer.span)
            if day is not None:
                raise DataError(
                    item.file,
                    item.label,
                    f"{path}{field.name}",
                    f"in force on {iso(day)}, when {outer.named()} is not ({_why(outer)})",
                )


def _why(item: _Lasting) -> str:
    """What puts a record out of force, in words, for the messages."""
    span = item.span
    parts = []
    if span.earliest_start is not None:
        parts.append(f"not begun before {iso(span.earliest_start)}")
    if span.latest_end is not None:
        parts.append(f"over by {iso(span.latest_end)}")
    return ", ".join(parts) or "not in force"


def _exclusive(schema: RecordType, items: Sequence[_Lasting]) -> None:
    for group in schema.exclusive:
        holders: dict[tuple[Any, ...], list[_Lasting]] = {}
        for item in items:
            key = tuple(getattr(item.record, name) for name in group)
            if None not in key:
                holders.setdefault(key, []).append(item)
        for key, sharing in holders.items():
            for position, one in enumerate(sharing):
                for other in sharing[position + 1 :]:
                    day = overlap(one.span, other.span)
                    if day is not None:
                        pairs = zip(group, key, strict=True)
                        what = ", ".join(f"{n} {quote(getattr(v, 'value', v))}" for n, v in pairs)
                        raise DataError(
                            other.file,
                            other.label,
                            f"{other.field}." + group[0] if other.field else group[0],
                            f"in force on {iso(day)} with the same {what} as {one.named()}: "
                            f"one at a time ({', '.join(group)})",
                        )


def _unique(kind: Kind, schema: RecordType, records: Sequence[object]) -> None:
    for group in getattr(schema.cls, "UNIQUE", ()):
        seen: dict[tuple[Any, ...], int] = {}
        for position, record in enumerate(records):
            key = tuple(getattr(record, name) for name in group)
            if key in seen:
                first = records[seen[key]]
                raise DataError(
                    f"{kind}.json",
                    schema.label(record, position),
                    group[0],
                    f"shares {', '.join(group)} with {schema.label(first, seen[key])}: one record for each",
                )
            seen[key] = position


def _rules(kind: Kind, schema: RecordType, records: Sequence[object], tables: Mapping[Kind, Sequence[object]]) -> None:
    rules: tuple[Callable[[Any, Callable[[str, Any], Any]], tuple[str, str] | None], ...] = getattr(
        schema.cls, "RULES", ()
    )
    if not rules:
        return
    index: dict[tuple[str, Any], Any] = {}
    for other in KINDS:
        identity = describe(record_type(other)).identity
        if identity is not None:
            for record in tables.get(other, ()):
                index[(other, getattr(record, identity.name))] = record

    def find(other: str, key: Any) -> Any:
        return index.get((other, key))

    for position, record in enumerate(records):
        for rule in rules:
            problem = rule(record, find)
            if problem is not None:
                raise DataError(f"{kind}.json", schema.label(record, position), *problem)
