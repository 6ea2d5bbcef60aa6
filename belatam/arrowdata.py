"""Records as Apache Arrow tables and Parquet files, with a fixed schema per kind.

Needs pyarrow (belatam's ``arrow`` extra: ``pip install '.[arrow]'`` from a checkout); pyarrow is
imported when a function here is called, never when belatam is.

The schema of each kind is declared below (`SCHEMAS`) and is part of the
contract: a column changes only with a release note. Arrow types by column:

==================  ==================================================================
text                ``string``
enum field          ``dictionary<values=string, indices=int32>``, the dictionary being
                    every value of the enum in declaration order
whole number        ``int64``; yes/no: ``bool``
date field          ``<field>``: its EDTF ``string``; ``<field>_start`` /
                    ``<field>_end``: ``date32`` first and last possible day (null
                    where there is no date or that end is open)
money               ``decimal128(20, 0)``: whole units, exact (``turnover``,
                    ``exports``, ``imports`` and the derived ``balance``)
tuple of strings    ``list<string>``
sources             ``list<struct<source: string, paragraph: int32>>`` (paragraph null
                    for a source cited as a whole)
a person's roles    ``list<struct<title: string, country: string, organization: string>>``
==================  ==================================================================

Columns of fields that cannot be None are declared non-nullable.

    >>> schema("trade").field("exports").type
    Decimal128Type(decimal128(20, 0))
    >>> to_arrow("partnerships").column("kind").type
    DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from belatam.tabular import Column, check_data, check_directory, check_kind, columns, records, require

if TYPE_CHECKING:
    import pyarrow

    from belatam.queries import Dataset

__all__ = ["SCHEMAS", "schema", "to_arrow", "write_parquet"]

# Type names of SCHEMAS: each is turned into a pyarrow type by `_arrow_type`.
STRING, DICTIONARY, INT64, BOOL, DATE32 = "string", "dictionary", "int64", "bool", "date32"
DECIMAL, LIST, SOURCES, ROLES = "decimal128(20, 0)", "list<string>", "sources", "roles"

_SOURCES = ("sources", SOURCES, False)

SCHEMAS: Mapping[str, tuple[tuple[str, str, bool], ...]] = {
    "sources": (
        ("id", STRING, False),
        ("title", STRING, False),
        ("publisher", STRING, False),
        ("url", STRING, True),
        ("date", STRING, True),
        ("date_start", DATE32, True),
        ("date_end", DATE32, True),
        ("language", STRING, False),
        ("sha256", STRING, True),
        ("note", STRING, True),
    ),
    "countries": (
        ("code", STRING, False),
        ("alpha3", STRING, False),
        ("numeric", STRING, False),
        ("name", STRING, False),
        ("aliases", LIST, False),
        ("subregion", STRING, True),
        ("relations", BOOL, True),
        ("relations_established", STRING, True),
        ("relations_established_start", DATE32, True),
        ("relations_established_end", DATE32, True),
        _SOURCES,
    ),
    "missions": (
        ("id", STRING, False),
        ("kind", DICTIONARY, False),
        ("sending", STRING, False),
        ("receiving", STRING, False),
        ("opened", STRING, True),
        ("opened_start", DATE32, True),
        ("opened_end", DATE32, True),
        _SOURCES,
    ),
    "partnerships": (
        ("id", STRING, False),
        ("country", STRING, False),
        ("kind", DICTIONARY, False),
        ("description", STRING, False),
        ("treaties", INT64, True),
        ("legal_instruments", INT64, True),
        _SOURCES,
    ),
    "people": (
        ("id", STRING, False),
        ("name", STRING, False),
        ("aliases", LIST, False),
        ("roles", ROLES, False),
        _SOURCES,
    ),
    "organizations": (
        ("id", STRING, False),
        ("name", STRING, False),
        ("kind", DICTIONARY, False),
        ("country", STRING, True),
        ("parent", STRING, True),
        ("legal_form", STRING, True),
        ("place", STRING, True),
        ("established", STRING, True),
        ("established_start", DATE32, True),
        ("established_end", DATE32, True),
        ("members", INT64, True),
        ("associate_members", INT64, True),
        ("description", STRING, False),
        _SOURCES,
    ),
    "memberships": (
        ("id", STRING, False),
        ("member", STRING, False),
        ("organization", STRING, False),
        ("role", DICTIONARY, False),
        ("since", STRING, True),
        ("since_start", DATE32, True),
        ("since_end", DATE32, True),
        _SOURCES,
    ),
    "agreements": (
        ("id", STRING, False),
        ("title", STRING, False),
        ("kind", DICTIONARY, False),
        ("parties", LIST, False),
        ("signed", STRING, True),
        ("signed_start", DATE32, True),
        ("signed_end", DATE32, True),
        ("description", STRING, False),
        _SOURCES,
    ),
    "events": (
        ("id", STRING, False),
        ("kind", DICTIONARY, False),
        ("date", STRING, True),
        ("date_start", DATE32, True),
        ("date_end", DATE32, True),
        ("summary", STRING, False),
        ("not_before", STRING, True),
        ("not_before_start", DATE32, True),
        ("not_before_end", DATE32, True),
        ("not_after", STRING, True),
        ("not_after_start", DATE32, True),
        ("not_after_end", DATE32, True),
        ("place", STRING, True),
        ("countries", LIST, False),
        ("participants", LIST, False),
        ("organizations", LIST, False),
        ("agreements", LIST, False),
        ("during", LIST, False),
        ("visit", DICTIONARY, True),
        ("round", INT64, True),
        _SOURCES,
    ),
    "statements": (
        ("id", STRING, False),
        ("topic", DICTIONARY, False),
        ("text", STRING, False),
        ("countries", LIST, False),
        _SOURCES,
    ),
    "trade": (
        ("year", INT64, False),
        ("currency", STRING, False),
        ("turnover", DECIMAL, False),
        ("exports", DECIMAL, False),
        ("imports", DECIMAL, False),
        ("balance", DECIMAL, False),
        ("main_exports", LIST, False),
        _SOURCES,
    ),
}
"""Each kind's columns as (name, type name, nullable), in table order."""


def _arrow_type(pa: Any, name: str) -> Any:
    simple = {STRING: pa.string, INT64: pa.int64, BOOL: pa.bool_, DATE32: pa.date32}
    if name in simple:
        return simple[name]()
    if name == DICTIONARY:
        return pa.dictionary(pa.int32(), pa.string())
    if name == DECIMAL:
        return pa.decimal128(20, 0)
    if name == LIST:
        return pa.list_(pa.string())
    if name == SOURCES:
        return pa.list_(pa.struct([("source", pa.string()), ("paragraph", pa.int32())]))
    if name == ROLES:
        return pa.list_(pa.struct([("title", pa.string()), ("country", pa.string()), ("organization", pa.string())]))
    raise AssertionError(f"unknown type name in SCHEMAS: {name!r}")  # pragma: no cover


def schema(kind: str) -> pyarrow.Schema:
    """The Arrow schema of one kind's table (see `SCHEMAS` and the module docstring)."""
    name = check_kind(kind)
    pa = require("pyarrow", "arrow")
    fields = [pa.field(column, _arrow_type(pa, type_name), nullable) for column, type_name, nullable in SCHEMAS[name]]
    result: pyarrow.Schema = pa.schema(fields)
    return result


def to_arrow(kind: str, data: Dataset | None = None) -> pyarrow.Table:
    """One data file's records as a `pyarrow.Table` with the kind's fixed `schema`.

    ``kind`` and ``data`` mean what they mean for `belatam.frames.to_frame`:
    a data-file name and a `Dataset` (the packaged one when None). Unlike a
    frame, tuple fields stay lists and sources and roles stay structured
    (see the module docstring); money is ``decimal128(20, 0)``, exact.
    """
    name = check_kind(kind)
    dataset = check_data(data)
    pa = require("pyarrow", "arrow")
    target = schema(name)
    rows = records(name, dataset)
    by_name = {column.name: column for column in columns(name)}
    arrays = [_array(pa, by_name[field.name], field.type, rows) for field in target]
    table: pyarrow.Table = pa.Table.from_arrays(arrays, schema=target)
    return table


def _array(pa: Any, column: Column, arrow_type: Any, rows: Sequence[object]) -> Any:
    kind = column.type
    if kind == "enum":
        categories = column.categories
        position = {value: index for index, value in enumerate(categories)}
        indices = [None if value is None else position[value] for value in (column.flat(row) for row in rows)]
        return pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), pa.array(categories, pa.string()))
    if kind == "money":
        return pa.array([column.raw(row).quantize(Decimal(1)) for row in rows], arrow_type)
    if kind == "list":
        return pa.array([list(column.raw(row)) for row in rows], arrow_type)
    if kind == "sources":
        return pa.array(
            [[{"source": ref.source, "paragraph": ref.paragraph} for ref in column.raw(row)] for row in rows],
            arrow_type,
        )
    if kind == "roles":
        return pa.array(
            [
                [{"title": r.title, "country": r.country, "organization": r.organization} for r in column.raw(row)]
                for row in rows
            ],
            arrow_type,
        )
    return pa.array([column.flat(row) for row in rows], arrow_type)


def write_parquet(directory: str | os.PathLike[str], data: Dataset | None = None) -> list[Path]:
    """Write one ``<kind>.parquet`` per data file into ``directory`` (made if missing).

    Each file holds `to_arrow` of its kind, so it has the kind's `schema`.
    Returns the paths written, in the order of the data files.
    """
    folder = check_directory(directory)
    dataset = check_data(data)
    require("pyarrow", "arrow")
    parquet = require("pyarrow.parquet", "arrow")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = folder / f"{kind}.parquet"
        parquet.write_table(to_arrow(kind, dataset), path)
        written.append(path)
    return written
