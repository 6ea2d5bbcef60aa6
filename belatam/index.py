"""Buckets of records by filter value, so a query costs what it returns.

An `Index` keeps one record type in its query order and, for each filter,
a tuple of the records per value (in the same order). A query takes the
smallest bucket among its filters and checks the other filters on that
bucket only, so its cost follows the size of its answer, not of the data.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

from belatam.dates import DateLike, PartialDate

__all__ = ["OPEN", "Index", "Results", "years_of"]

R = TypeVar("R")

OPEN = "open"
"""The bucket key of dates whose span has an open end (a year filter scans them)."""


def years_of(date: DateLike | None) -> Iterable[Hashable]:
    """The year buckets a date belongs in: each year it overlaps, or `OPEN`."""
    if date is None:
        return ()
    if isinstance(date, PartialDate):
        return (date.year,)
    if date.start is None or date.end is None:
        return (OPEN,)
    return range(date.start.year, date.end.year + 1)


class Results(tuple[R, ...]):
    """A query's answer: a plain tuple that Jupyter shows as an HTML table."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from belatam.display import records_html

        return records_html(self)


_EMPTY: Results[Any] = Results()


class Index(Generic[R]):
    """Records of one type in query order, bucketed by each filter's values."""

    __slots__ = ("_buckets", "_rank", "records")

    def __init__(self, records: Iterable[R], keys: Mapping[str, Callable[[R], Iterable[Hashable]]]) -> None:
        self.records: tuple[R, ...] = Results(records)
        buckets: dict[str, dict[Hashable, list[R]]] = {name: {} for name in keys}
        for record in self.records:
            for name, values in keys.items():
                bucket = buckets[name]
                for value in values(record):
                    bucket.setdefault(value, []).append(record)
        self._buckets: dict[str, dict[Hashable, tuple[R, ...]]] = {
            name: {k: Results(v) for k, v in b.items()} for name, b in buckets.items()
        }
        self._rank: dict[int, int] | None = None

    def bucket(self, name: str, value: Hashable) -> tuple[R, ...]:
        """The records whose ``name`` filter has ``value``, in query order."""
        return self._buckets[name].get(value, _EMPTY)

    def select(self, filters: Iterable[tuple[tuple[R, ...], Callable[[R], bool]]]) -> tuple[R, ...]:
        """Records passing every ``(bucket, test)`` filter, in query order.

        Each bucket holds exactly the records its test accepts; only the
        smallest is scanned, against the other filters' tests.
        """
        chosen = sorted(filters, key=lambda f: len(f[0]))
        if not chosen:
            return self.records
        smallest, _ = chosen[0]
        tests = [test for _, test in chosen[1:]]
        if not tests:
            return smallest
        return Results(r for r in smallest if all(test(r) for test in tests))

    def year(
        self, name: str, year: Hashable, overlaps: Callable[[R], bool], open_key: Hashable = OPEN
    ) -> tuple[R, ...]:
        """The records in the ``name`` bucket of ``year``, plus those of ``open_key`` that overlap it.

        Spans with an open end sit under ``open_key`` (`OPEN`, or a composite
        key holding it) and are tested one by one.
        """
        found = self.bucket(name, year)
        open_ = [r for r in self.bucket(name, open_key) if overlaps(r)]
        if not open_:
            return found
        if self._rank is None:
            self._rank = {id(r): i for i, r in enumerate(self.records)}
        rank = self._rank
        return Results(sorted((*found, *open_), key=lambda r: rank[id(r)]))
