"""The one column model: how a record type becomes a table, for every medium.

A `Column` reads one field (or derived property) of a record. Its *flat*
value is what tables of data hold (CSV, pandas, Arrow, the JSON of the
command line): text, a whole number, a yes/no, an exact `Decimal`, an EDTF
date string, an enum's value, or a list (of strings, or of nested records'
texts such as ``src-mfa-2019#8``). With ``days=True`` a date field gives two
more columns, ``<field>_start`` and ``<field>_end``: the first and the last
day it can be (None where there is no date or that end is open).

`text` is the short text of a value for people (notebook HTML, terminal
tables): yes/no, money with thousands separators, items joined by ``", "``.

    >>> from belatam.model.missions import Mission
    >>> [c.name for c in columns(Mission, days=True)][4:7]
    ['opened', 'opened_start', 'opened_end']
    >>> text(("CL", "CO")), text(True), text(None)
    ('CL, CO', 'yes', '')
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from belatam.model.kinds import DAY, ValueKind
from belatam.model.schema import Field, describe

if TYPE_CHECKING:
    import datetime

    from belatam.dates import DateLike

__all__ = ["Column", "columns", "text"]

Part = Literal["value", "start", "end"]


class Column:
    """One column of a record type's table: a field, or the first or last day of a date field."""

    __slots__ = ("field", "name", "part")

    def __init__(self, field: Field, part: Part = "value") -> None:
        self.field = field
        self.part = part
        self.name = field.name if part == "value" else f"{field.name}_{part}"

    def __repr__(self) -> str:
        return f"<Column {self.name}>"

    @property
    def kind(self) -> ValueKind:
        """The field's kind, or `belatam.model.kinds.DAY` for the first- and last-day columns."""
        return self.field.kind if self.part == "value" else DAY

    @property
    def optional(self) -> bool:
        """Whether a cell may be missing (None)."""
        return self.field.optional or self.part != "value"

    def raw(self, record: object) -> Any:
        """The field's value as the record holds it."""
        return getattr(record, self.field.name)

    def flat(self, record: object) -> Any:
        """The value as tables of data hold it (see the module docstring)."""
        value = getattr(record, self.field.name)
        if value is None:
            return None
        if self.part == "start":
            return _first_day(value)
        if self.part == "end":
            return _last_day(value)
        return self.field.kind.flat(self.field, value)


def _first_day(date: DateLike) -> datetime.date | None:
    from belatam.dates import Period

    if isinstance(date, Period):
        return None if date.start is None else date.start.first_day()
    return date.first_day()


def _last_day(date: DateLike) -> datetime.date | None:
    from belatam.dates import Period

    if isinstance(date, Period):
        return None if date.end is None else date.end.last_day()
    return date.last_day()


def columns(cls: type, *, days: bool = False, table: bool = False) -> tuple[Column, ...]:
    """The columns of a record type, in field order (derived fields before ``sources``).

    ``days`` adds the first- and last-day columns of each date field;
    ``table`` keeps only the record's identity and the fields marked for the
    command line's tables.
    """
    found: list[Column] = []
    for field in describe(cls).all_fields():
        if table and not field.table:
            continue
        found.append(Column(field))
        if days and field.kind.days:
            found += [Column(field, "start"), Column(field, "end")]
    return tuple(found)


def text(value: object) -> str:
    """The short text of a value for people (see the module docstring).

    >>> text(Decimal("853800000"))
    '853,800,000'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        nested = any(not isinstance(item, str) for item in value)
        return ("; " if nested else ", ").join(text(item) for item in value)
    result = str(value)
    return " ".join(result.split()) if "\n" in result else result
