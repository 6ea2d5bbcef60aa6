"""A query's answer: a plain tuple that a notebook shows as a table, and what it leaves out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    import datetime

__all__ = ["Results"]

R = TypeVar("R")


class Results(tuple[R, ...]):
    """The records a query returns, in the query's order: a tuple, shown in Jupyter as an HTML table.

    Slicing keeps it a `Results` (and so its display), for the same day; what
    the whole answer leaves out is not the slice's to say. ``record_type`` is the
    class of the records it can hold, where the query knows it (so an empty
    answer still has the columns of its type in a data frame); ``as_of`` the
    day the answer describes, for records that hold for a while (None for a
    span of days or a query that asks no day); ``unknown`` the records the
    sources cannot place in or out of that day or span (a mission whose
    opening is known only to the year, asked about a day of that year), so a
    short or empty answer says what it leaves out. An answer is a value: its
    attributes cannot be set, so an answer shared from a cache stays as it was.
    """

    record_type: type | None = None
    as_of: datetime.date | None = None
    unknown: tuple[R, ...] = ()

    def __new__(
        cls,
        records: Any = (),
        record_type: type | None = None,
        as_of: datetime.date | None = None,
        unknown: Any = (),
    ) -> Results[R]:
        made = super().__new__(cls, records)
        if record_type is not None:
            object.__setattr__(made, "record_type", record_type)
        if as_of is not None:
            object.__setattr__(made, "as_of", as_of)
        if unknown:
            object.__setattr__(made, "unknown", tuple(unknown))
        return made

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a query's answer cannot be changed: {name} is read-only (answers are values)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a query's answer cannot be changed: {name} is read-only (answers are values)")

    @overload
    def __getitem__(self, index: SupportsIndex) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Results[R]: ...

    def __getitem__(self, index: Any) -> Any:
        found = tuple.__getitem__(self, index)
        return Results(found, self.record_type, self.as_of) if isinstance(index, slice) else found

    def __reduce__(self) -> tuple[Any, ...]:
        return (Results, (tuple(self), self.record_type, self.as_of, self.unknown))

    def __repr__(self) -> str:
        """The tuple's repr; then, where the sources leave some records open, how many and on what day."""
        shown = tuple.__repr__(self)
        return f"{shown} and {self.left_out()}" if self.unknown else shown

    def left_out(self) -> str:
        """What the answer leaves out, in words: ``"22 not known on 2010-01-01"`` (empty when nothing is)."""
        if not self.unknown:
            return ""
        when = f"on {self.as_of}" if self.as_of is not None else "in the span asked"
        return f"{len(self.unknown)} not known {when}"

    def _repr_html_(self) -> str:
        from belatam.model.html import records_html

        return records_html(self, as_of=self.as_of, unknown=self.unknown)
