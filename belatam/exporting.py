"""Writing a data set to a folder as JSON, CSV, a Frictionless Data Package or Parquet.

JSON, CSV and the Data Package need only the standard library; Parquet needs
the ``arrow`` extra. Each format writes one file per data file (``kind``),
so give each format its own folder: `belatam.load` reads every ``*.json`` of
a folder, and a ``datapackage.json`` beside the JSON data would be refused.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in export(folder, "datapackage")][-3:]
    ['statements.csv', 'trade.csv', 'datapackage.json']
"""

from __future__ import annotations

import csv
import datetime
import json
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from belatam.checks import FILES, record_label
from belatam.errors import DataError, InvalidTypeError, InvalidValueError
from belatam.model import Source
from belatam.tabular import KINDS, Column, check_data, check_directory, columns, records

if TYPE_CHECKING:
    from belatam.queries import Dataset

__all__ = ["FORMATS", "PRIMARY_KEYS", "export", "package_descriptor"]

FORMATS = ("json", "csv", "datapackage", "parquet")
"""The formats `export` writes."""

PRIMARY_KEYS: dict[str, str] = dict.fromkeys(KINDS, "id") | {"countries": "code", "trade": "year"}
"""The column that identifies a record of each kind."""

_FOREIGN_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "missions": (("sending", "countries"), ("receiving", "countries")),
    "partnerships": (("country", "countries"),),
    "organizations": (("country", "countries"), ("parent", "organizations")),
    "memberships": (("organization", "organizations"),),
}
"""Each kind's single-valued references: (column, kind it points into, by that kind's key).

Not declared, as Table Schema cannot say them: references inside list columns
(``Event.countries``, ``Agreement.parties`` ...), a person's roles, and
``Membership.member``, which is a country code or an organisation id.
"""

_FIELD_TYPES = {
    "string": "string",
    "enum": "string",
    "edtf": "string",
    "list": "string",
    "sources": "string",
    "roles": "string",
    "integer": "integer",
    "money": "integer",
    "boolean": "boolean",
    "start": "date",
    "end": "date",
}

_DESCRIPTIONS = {
    "edtf": "The date as the source gives it, in EDTF: YYYY, YYYY-MM, YYYY-MM-DD, "
    "or START/END with '..' for an open end.",
    "start": "The first day the date can be; empty where there is no date or the period has an open start.",
    "end": "The last day the date can be; empty where there is no date or the period has an open end.",
    "list": "A list: items separated by '|' (a '|' or backslash inside an item is escaped with a backslash).",
    "sources": "Where this is stated: source ids separated by '|', each with '#paragraph' where a paragraph is cited.",
    "roles": "Posts held, separated by '|': 'title (country code)' or 'title (country code, organization id)'.",
    "money": "Whole units of the currency in the currency column, exactly as the source states them (an integer, "
    "so no reader turns it into a float).",
}


def export(directory: str | os.PathLike[str], format: str, data: Dataset | None = None) -> list[Path]:
    """Write a data set (the packaged one when ``data`` is None) into ``directory``.

    The folder is made if missing; files of the same names are replaced.
    Returns the paths written. ``format`` is one of:

    - ``"json"``: ``<kind>.json`` per data file, in the form of the packaged
      data, so ``belatam.load(directory)`` reads the same records back;
    - ``"csv"``: ``<kind>.csv`` per data file (UTF-8, comma-separated, a
      header row), flattened as `belatam.frames.to_frame` flattens: a date as
      its EDTF string plus ``_start`` / ``_end`` ISO days, tuple fields joined
      by ``|``, sources as ``src-mfa-2019#8|src-un-m49``, money as whole-unit
      integers, yes/no as ``true`` / ``false``, and None as an empty cell
      (so an empty text or tuple reads back as missing too);
    - ``"datapackage"``: those CSV files plus ``datapackage.json``, a
      Frictionless Tabular Data Package with a Table Schema per file (types,
      primary keys, and foreign keys for the single-valued references);
    - ``"parquet"``: ``<kind>.parquet`` per data file (`belatam.arrowdata`;
      needs the ``arrow`` extra).
    """
    if not isinstance(format, str):
        raise InvalidTypeError(f"format must be one of {', '.join(FORMATS)}, not {type(format).__name__}: {format!r}")
    wanted = format.strip().lower()
    if wanted not in FORMATS:
        raise InvalidValueError(f"format={format!r} is not a format belatam writes; valid: {', '.join(FORMATS)}")
    folder = check_directory(directory)
    dataset = check_data(data)
    if wanted == "parquet":
        from belatam.arrowdata import write_parquet

        return write_parquet(folder, dataset)
    if wanted == "json":
        folder.mkdir(parents=True, exist_ok=True)
        return _write_json(folder, dataset)
    tables = {kind: _csv_rows(kind, records(kind, dataset)) for kind in KINDS}  # refuse before writing
    folder.mkdir(parents=True, exist_ok=True)
    written = [_write_csv(folder / f"{kind}.csv", rows) for kind, rows in tables.items()]
    if wanted == "datapackage":
        written.append(_write_text(folder / "datapackage.json", _dumps(package_descriptor(dataset))))
    return written


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _write_json(folder: Path, dataset: Dataset) -> list[Path]:
    from belatam.convert import to_json

    files: dict[str, list[Any]] = to_json(dataset)
    return [_write_text(folder / f"{kind}.json", _dumps(files[kind])) for kind in KINDS]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.quantize(Decimal(1)), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _csv_rows(kind: str, rows: Iterable[object]) -> list[list[str]]:
    """The header and the rows of a kind's CSV file; a `DataError` for text CSV cannot hold."""
    table = columns(kind)
    lines = [[column.name for column in table]]
    for index, row in enumerate(rows):
        cells = [_cell(column.flat(row)) for column in table]
        for column, cell in zip(table, cells, strict=True):
            if "\x00" in cell:
                raise DataError(f"{kind}.csv", record_label(row, index), column.name, "CSV cannot hold a NUL character")
        lines.append(cells)
    return lines


def _write_csv(path: Path, lines: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(lines)
    return path


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": _FIELD_TYPES[column.type]}
    if column.type in _DESCRIPTIONS:
        field["description"] = _DESCRIPTIONS[column.type]
    if column.type == "enum":
        field["constraints"] = {"enum": list(column.categories)}
    return field


def _schema(kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in columns(kind)],
        "missingValues": [""],
        "primaryKey": [PRIMARY_KEYS[kind]],
    }
    references = _FOREIGN_KEYS.get(kind, ())
    if references:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": target, "fields": [PRIMARY_KEYS[target]]}}
            for column, target in references
        ]
    return schema


def _title(kind: str) -> str:
    doc = (FILES[kind].__doc__ or kind).strip()
    return doc.split("\n", 1)[0].rstrip(".")


def _source(source: Source) -> dict[str, str]:
    entry = {"title": f"{source.title} ({source.publisher})"}
    if source.url is not None:
        entry["path"] = source.url
    return entry


def _metadata() -> tuple[str | None, str | None]:
    """The installed belatam's version and licence (None when not installed)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("belatam")
    except PackageNotFoundError:
        return None, None
    licences = meta.get_all("License-Expression") or meta.get_all("License") or [None]
    return meta["Version"], licences[0]


def package_descriptor(data: Dataset | None = None) -> dict[str, Any]:
    """The ``datapackage.json`` content that `export` writes for ``"datapackage"``.

    Name ``belatam``, the installed version, the package's licence, a
    ``sources`` entry per `Source` record, and a resource per data file
    (``<kind>.csv``) with its Table Schema. Money columns are Table Schema
    ``integer`` (whole units), which every reader keeps exact.
    """
    dataset = check_data(data)
    version, licence = _metadata()
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "belatam",
        "title": "Belarus's relations with Latin America and the Caribbean",
        "description": (
            "Belarus's relations with the 33 states of Latin America and the Caribbean as sourced records: "
            "every record cites the source document and paragraph that state it (the sources column)."
        ),
    }
    if version is not None:
        descriptor["version"] = version
    if licence is not None:
        entry = {"name": licence}
        if " " not in licence:  # a single SPDX id, not an expression
            entry["path"] = f"https://spdx.org/licenses/{licence}.html"
        descriptor["licenses"] = [entry]
    descriptor["sources"] = [_source(s) for s in dataset.sources()]
    descriptor["resources"] = [
        {
            "profile": "tabular-data-resource",
            "name": kind,
            "path": f"{kind}.csv",
            "title": _title(kind),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": _schema(kind),
        }
        for kind in KINDS
    ]
    return descriptor
