"""A query's answer: a plain tuple that a notebook shows as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    import datetime

__all__ = ["Results"]

R = TypeVar("R")


class Results(tuple[R, ...]):
    """The records a query returns, in the query's order: a tuple, shown in Jupyter as an HTML table.

    Slicing keeps it a `Results` (and so its display). ``record_type`` is the
    class of the records it can hold, where the query knows it (so an empty
    answer still has the columns of its type in a data frame); ``as_of`` the
    day the answer describes, for records that hold for a while.
    """

    record_type: type | None = None
    as_of: datetime.date | None = None

    def __new__(
        cls, records: Any = (), record_type: type | None = None, as_of: datetime.date | None = None
    ) -> Results[R]:
        made = super().__new__(cls, records)
        if record_type is not None:
            made.record_type = record_type
        if as_of is not None:
            made.as_of = as_of
        return made

    @overload
    def __getitem__(self, index: SupportsIndex) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Results[R]: ...

    def __getitem__(self, index: Any) -> Any:
        found = tuple.__getitem__(self, index)
        return Results(found, self.record_type, self.as_of) if isinstance(index, slice) else found

    def __reduce__(self) -> tuple[Any, ...]:
        return (Results, (tuple(self), self.record_type, self.as_of))

    def _repr_html_(self) -> str:
        from belatam.model.html import records_html

        return records_html(self, as_of=self.as_of)
