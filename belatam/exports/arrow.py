"""Records as Apache Arrow tables and Parquet files, with a schema derived from the column model.

Needs pyarrow (belatam's ``arrow`` extra: ``pip install '.[arrow]'`` from a
checkout); pyarrow is imported when a function here is called, never when
belatam is. Arrow types by the kind of a column:

==================  ==================================================================
text                ``string``
enum field          ``dictionary<values=string, indices=int32>``, the dictionary being
                    every value of the enum in declaration order
whole number        ``int64``; yes/no: ``bool``
date field          ``<field>``: its EDTF ``string``; ``<field>_start`` /
                    ``<field>_end``: ``date32`` first and last possible day
money               ``decimal128(20, 0)``: whole units, exact
list of texts       ``list<string>``
nested records      ``list<struct<...>>`` of the nested record's fields (sources:
                    ``source``, ``paragraph``; a person's roles: ``title``,
                    ``country``, ``organization``)
==================  ==================================================================

Columns of fields that cannot be None are non-nullable. The schemas are a
contract: ``tests/snapshots/arrow-schemas.txt`` holds them, and a change is
reviewed there.

    >>> schema("trade").field("exports").type
    Decimal128Type(decimal128(20, 0))
    >>> to_arrow("partnerships").column("kind").type
    DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from belatam.exports.frames import kind_named, records_of
from belatam.exports.writing import folder_for, write_files
from belatam.extras import require
from belatam.model import KINDS, Kind, record_type
from belatam.model.columns import columns
from belatam.query.packaged import given_or_packaged

if TYPE_CHECKING:
    import os
    from pathlib import Path

    import pyarrow

    from belatam.model.record import Record
    from belatam.query.dataset import Dataset

__all__ = ["parquet_files", "schema", "to_arrow", "write_parquet"]


def _schema(cls: type) -> Any:
    pa = require("pyarrow", "arrow")
    return pa.schema([pa.field(c.name, c.kind.arrow_type(pa, c.field), c.optional) for c in columns(cls, days=True)])


def schema(kind: Kind) -> pyarrow.Schema:
    """The Arrow schema of a record type's table (see the module docstring)."""
    result: pyarrow.Schema = _schema(record_type(kind_named(kind)))
    return result


def to_arrow(what: Kind | Iterable[Record], data: Dataset | None = None) -> pyarrow.Table:
    """Records as a `pyarrow.Table` with their record type's fixed `schema`.

    ``what`` and ``data`` mean what they mean for `belatam.to_frame`: a record
    type's name (every record of that type in ``data``, the packaged data when
    None) or records of one type, such as a query's answer. Lists stay lists,
    nested records (sources, roles) are structs, and money is exact.
    """
    cls, records = records_of(what, data)
    pa = require("pyarrow", "arrow")
    target = _schema(cls)
    arrays = [
        column.kind.arrow_array(pa, column, target.field(column.name).type, records)
        for column in columns(cls, days=True)
    ]
    table: pyarrow.Table = pa.Table.from_arrays(arrays, schema=target)
    return table


def parquet_files(data: Dataset) -> dict[str, bytes]:
    """``{<kind>.parquet: content}`` for every record type, made in memory.

    Each file's schema metadata holds ``belatam:version`` and
    ``belatam:data_version`` (`belatam.exports.versions`).
    """
    from belatam.exports.versions import versions

    parquet = require("pyarrow.parquet", "arrow")
    stamp = {key.encode(): value.encode() for key, value in versions().items()}
    files = {}
    for kind in KINDS:
        buffer = io.BytesIO()
        table = to_arrow(kind, data)
        parquet.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **stamp}), buffer)
        files[f"{kind}.parquet"] = buffer.getvalue()
    return files


def write_parquet(directory: str | os.PathLike[str], data: Dataset | None = None) -> list[Path]:
    """Write one ``<kind>.parquet`` per record type into ``directory`` (made if missing).

    The same as ``export(directory, "parquet", data)``, the JSON Schemas
    (``<kind>.schema.json``) included: every file is made
    before any is written, then all replace the old ones together. Returns
    the paths written.
    """
    from belatam.exports.jsonschema import schema_files

    folder = folder_for(directory)
    return write_files(folder, {**parquet_files(given_or_packaged(data)), **schema_files()})
