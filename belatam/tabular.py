"""Records as flat tables: the columns every export shares.

One table per data file (``kind``: ``"countries"``, ``"events"`` ...), one row
per record and one column per attrs field of the record class, except that

- a date field (a `PartialDate` or `Period`) gives three columns: ``<field>``,
  its EDTF string, and ``<field>_start`` / ``<field>_end``, the first and the
  last day it can be (None where the source leaves that end open);
- `TradeFigures` gains the derived ``balance`` after ``imports``.

The flat form of a value (`Column.flat`) is what frames and CSV files hold:
enum values as their strings, money as `Decimal`, and tuple fields joined into
one string with ``|`` between items (a ``|`` or ``\\`` inside an item is
escaped with a backslash; an empty tuple is the empty string). Sources read
``src-mfa-2019#8|src-un-m49`` (source id, then ``#paragraph`` where one is
cited) and a person's roles ``title (CC)`` or ``title (CC, org-id)``.

    >>> [column.name for column in columns("missions")][4:7]
    ['opened', 'opened_start', 'opened_end']
    >>> join(["BY", "CU"]), join(["a|b"])
    ('BY|CU', 'a\\\\|b')

Only the standard library and attrs are used here; pandas and pyarrow are
imported by the modules that need them, when they are called.
"""

from __future__ import annotations

import builtins
import datetime
import enum
import functools
import os
import types
import typing
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs

from belatam.checks import FILES
from belatam.dates import PartialDate, Period
from belatam.errors import InvalidTypeError, InvalidValueError
from belatam.extras import require
from belatam.model import Role, SourceRef, TradeFigures
from belatam.queries import Dataset

__all__ = [
    "KINDS",
    "Column",
    "ColumnType",
    "check_data",
    "check_directory",
    "check_kind",
    "columns",
    "join",
    "records",
    "require",
    "role_text",
    "source_text",
]

KINDS: tuple[str, ...] = tuple(FILES)
"""The data-file names, in loading order: the ``kind`` of every table."""

ColumnType = Literal[
    "string", "integer", "boolean", "enum", "edtf", "start", "end", "money", "list", "sources", "roles"
]
"""What a column holds: ``edtf``, ``start`` and ``end`` are the three columns of a date field."""

_DATE_TYPES = {PartialDate, Period, type(None)}
_SCALARS: dict[object, ColumnType] = {str: "string", int: "integer", bool: "boolean", Decimal: "money"}
_TUPLES: dict[object, ColumnType] = {str: "list", SourceRef: "sources", Role: "roles"}
_DERIVED: dict[type, dict[str, tuple[str, ...]]] = {TradeFigures: {"imports": ("balance",)}}
"""Derived properties that become columns, after the field they follow."""


@attrs.frozen
class Column:
    """One column of a kind's table: its name, type and the attribute it reads."""

    name: str
    type: ColumnType
    attribute: str
    nullable: bool
    vocabulary: builtins.type[enum.Enum] | None = None

    def raw(self, record: object) -> Any:
        """The attribute's value as the record holds it (the date, for the three date columns)."""
        return getattr(record, self.attribute)

    def flat(self, record: object) -> Any:
        """The value as a frame or CSV cell holds it (see the module docstring)."""
        value = self.raw(record)
        if value is None:
            return None
        kind = self.type
        if kind == "enum":
            return value.value
        if kind == "edtf":
            return str(value)
        if kind == "start":
            return _first_day(value)
        if kind == "end":
            return _last_day(value)
        if kind == "list":
            return join(value)
        if kind == "sources":
            return join(source_text(ref) for ref in value)
        if kind == "roles":
            return join(role_text(role) for role in value)
        return value

    @property
    def categories(self) -> tuple[str, ...]:
        """The enum values of an ``enum`` column, in declaration order (else empty)."""
        return () if self.vocabulary is None else tuple(str(m.value) for m in self.vocabulary)


def _first_day(date: PartialDate | Period) -> datetime.date | None:
    if isinstance(date, Period):
        return None if date.start is None else date.start.first_day()
    return date.first_day()


def _last_day(date: PartialDate | Period) -> datetime.date | None:
    if isinstance(date, Period):
        return None if date.end is None else date.end.last_day()
    return date.last_day()


def _escape(item: str) -> str:
    return item.replace("\\", "\\\\").replace("|", "\\|")


def join(items: Iterable[str]) -> str:
    """Items joined with ``|``, a ``|`` or ``\\`` inside an item escaped by a backslash."""
    return "|".join(_escape(item) for item in items)


def source_text(ref: SourceRef) -> str:
    """``src-mfa-2019#8``, or the bare source id where no paragraph is cited."""
    return ref.source if ref.paragraph is None else f"{ref.source}#{ref.paragraph}"


def role_text(role: Role) -> str:
    """``title (CC)``, or ``title (CC, org-id)`` where the source names the organisation."""
    where = role.country if role.organization is None else f"{role.country}, {role.organization}"
    return f"{role.title} ({where})"


def _classify(name: str, hint: Any) -> tuple[ColumnType, bool, type[enum.Enum] | None]:
    """The column type of a field annotation, whether it may be None, and its enum."""
    args = set(typing.get_args(hint)) if typing.get_origin(hint) in (typing.Union, types.UnionType) else {hint}
    nullable = type(None) in args
    if args <= _DATE_TYPES and args - {type(None)}:
        return "edtf", nullable, None
    (inner,) = args - {type(None)}
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return "enum", nullable, inner
    if inner in _SCALARS:
        return _SCALARS[inner], nullable, None
    item = typing.get_args(inner)
    if typing.get_origin(inner) is tuple and len(item) == 2 and item[1] is Ellipsis and item[0] in _TUPLES:
        return _TUPLES[item[0]], nullable, None
    raise TypeError(f"field {name!r}: no column type for {hint!r}")  # a model change this module must learn


@functools.cache
def columns(kind: str) -> tuple[Column, ...]:
    """The columns of a kind's table, in field order (see the module docstring)."""
    cls = FILES[kind]
    hints = typing.get_type_hints(cls)
    derived = _DERIVED.get(cls, {})
    result: list[Column] = []
    for field in attrs.fields(cls):
        kind_of, nullable, vocabulary = _classify(field.name, hints[field.name])
        if kind_of == "edtf":
            result.append(Column(field.name, "edtf", field.name, nullable))
            result.append(Column(f"{field.name}_start", "start", field.name, True))
            result.append(Column(f"{field.name}_end", "end", field.name, True))
        else:
            result.append(Column(field.name, kind_of, field.name, nullable, vocabulary))
        for extra in derived.get(field.name, ()):
            kind_of, nullable, vocabulary = _classify(extra, typing.get_type_hints(getattr(cls, extra).fget)["return"])
            result.append(Column(extra, kind_of, extra, nullable, vocabulary))
    return tuple(result)


def check_kind(kind: object) -> str:
    """A data-file name (case and surrounding blanks ignored), else a clear error."""
    valid = ", ".join(KINDS)
    if not isinstance(kind, str):
        raise InvalidTypeError(f"kind must be a data-file name ({valid}), not {type(kind).__name__}: {kind!r}")
    name = kind.strip().lower()
    if name not in FILES:
        raise InvalidValueError(f"kind={kind!r} is not a data file; valid: {valid}")
    return name


def check_data(data: object) -> Dataset:
    """The given `Dataset`, or the packaged one for None."""
    if data is None:
        from belatam.packaged import dataset

        return dataset()
    if not isinstance(data, Dataset):
        raise InvalidTypeError(f"data must be a belatam.Dataset or None, not {type(data).__name__}: {data!r}")
    return data


def records(kind: str, data: Dataset) -> Sequence[object]:
    """The records of one kind, in the data set's order."""
    return data.records()[kind]


def check_directory(directory: object) -> Path:
    """An output folder given as a str or path-like, else a clear error."""
    if not isinstance(directory, (str, os.PathLike)):
        raise InvalidTypeError(
            f"directory must be a str or Path of a folder, not {type(directory).__name__}: {directory!r}"
        )
    if isinstance(directory, str) and not directory.strip():
        raise InvalidValueError(f"directory={directory!r} is empty; give the folder to write into")
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise InvalidValueError(f"directory={str(directory)!r} is a file, not a folder")
    return folder
