"""Records as CSV text: the columns of the column model, flat values as text cells."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from belatam.errors import DataError
from belatam.model import KINDS, record_type
from belatam.model.columns import Column, columns
from belatam.model.schema import describe

if TYPE_CHECKING:
    from belatam.query.dataset import Dataset

__all__ = ["cell", "csv_files", "csv_text", "join"]


def join(items: Iterable[str]) -> str:
    """Items joined with ``|``, a ``|`` or ``\\`` inside an item escaped by a backslash.

    >>> join(["BY", "CU"]), join(["a|b"])
    ('BY|CU', 'a\\\\|b')
    """
    return "|".join(item.replace("\\", "\\\\").replace("|", "\\|") for item in items)


def cell(value: object) -> str:
    """The CSV text of a flat value (see `belatam.model.columns.Column.flat`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        whole = value.to_integral_value()
        return format(whole if whole == value else value, "f")  # money is whole units: 10, not 10.0 or 1E+1
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return join(value)
    return str(value)


def csv_text(cls: type, records: Sequence[object], file: str) -> str:
    """A header row and a row per record; a `DataError` for text CSV cannot hold."""
    table: tuple[Column, ...] = columns(cls, days=True)
    schema = describe(cls)
    out = io.StringIO()
    # the csv module's default line end, CRLF (RFC 4180): it quotes a cell holding "\r" or "\n",
    # where a writer with "\n" line ends would leave a lone "\r" bare and break the row on reading
    writer = csv.writer(out)
    writer.writerow([c.name for c in table])
    for position, record in enumerate(records):
        row = [cell(c.flat(record)) for c in table]
        for column, text in zip(table, row, strict=True):
            if "\x00" in text:
                raise DataError(file, schema.label(record, position), column.name, "CSV cannot hold a NUL character")
        writer.writerow(row)
    return out.getvalue()


def csv_files(data: Dataset) -> dict[str, bytes]:
    """``{<kind>.csv: content}`` for every record type."""
    records = data.records()
    return {f"{kind}.csv": csv_text(record_type(kind), records[kind], f"{kind}.csv").encode("utf-8") for kind in KINDS}
