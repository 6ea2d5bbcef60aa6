"""The Frictionless Data Package descriptor (``datapackage.json``) of the CSV export.

Each CSV file is a resource with a Table Schema derived from the column
model: a field per column with its type, its meaning (the schema's ``doc``)
and, for enums and closed sets, the valid values; the record's identity as
primary key; and a foreign key for each single reference into one record type.
The package's ``version`` is the data version (`belatam.DATA_VERSION`); the
properties ``belatam:version`` and ``belatam:data_version`` name both
versions as every export does (`belatam.exports.versions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belatam.data import DATA_VERSION
from belatam.exports.frames import kind_named
from belatam.exports.versions import versions
from belatam.model import KINDS, Kind, record_type
from belatam.model.columns import Column, columns
from belatam.model.schema import describe

if TYPE_CHECKING:
    from belatam.model.sources import Source
    from belatam.query.dataset import Dataset

__all__ = ["descriptor", "table_schema"]


def _required(column: Column) -> bool:
    """Whether every record has a value in the column: an empty cell reads as missing in a Table Schema."""
    field = column.field
    if column.part != "value" or column.optional or field.many:
        return False  # an empty list is an empty cell
    return bool(field.default != "")  # a text that may be left empty (a description) too


def _field(column: Column) -> dict[str, Any]:
    field = column.field
    if column.part == "start":
        doc = f"The first day '{field.name}' can be; empty where there is no date or the period has an open start."
    elif column.part == "end":
        doc = f"The last day '{field.name}' can be; empty where there is no date or the period has an open end."
    else:
        form = field.kind.form(field)
        doc = " ".join(part for part in (field.doc, form) if part)
    out: dict[str, Any] = {"name": column.name, "type": column.kind.table_type, "description": doc}
    constraints: dict[str, Any] = {}
    if _required(column):
        constraints["required"] = True
    if column.part == "value" and field.vocabulary is not None:
        constraints["enum"] = [str(m.value) for m in field.vocabulary]
    elif column.part == "value" and field.choices:
        constraints["enum"] = list(field.choices)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(kind: Kind) -> dict[str, Any]:
    """The Table Schema of a record type's CSV file."""
    cls = record_type(kind_named(kind))
    schema = describe(cls)
    assert schema.identity is not None
    out: dict[str, Any] = {
        "fields": [_field(c) for c in columns(cls, days=True)],
        "missingValues": [""],
        "primaryKey": [schema.identity.name],
    }
    foreign = [
        {
            "fields": [f.name],
            "reference": {"resource": f.refers[0], "fields": [_identity(f.refers[0])]},
        }
        for f in schema.fields
        if len(f.refers) == 1 and not f.many
    ]
    if foreign:
        out["foreignKeys"] = foreign
    return out


def _identity(kind: str) -> str:
    identity = describe(record_type(kind)).identity  # type: ignore[arg-type]
    assert identity is not None
    return identity.name


def _title(kind: Kind) -> str:
    """A resource's title: the first sentence of its record class's docstring."""
    first = (record_type(kind).__doc__ or kind).strip().split("\n", 1)[0]
    return first.split(". ", 1)[0].rstrip(".")


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
    except PackageNotFoundError:  # pragma: no cover - a checkout run without installing
        return None, None
    licences = meta.get_all("License-Expression") or meta.get_all("License") or [None]
    return meta["Version"], licences[0]


def descriptor(data: Dataset) -> dict[str, Any]:
    """The ``datapackage.json`` content for a data set's CSV export."""
    _, licence = _metadata()
    out: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "belatam",
        "title": "Belarus's relations with Latin America and the Caribbean",
        "description": (
            "Belarus's relations with the 33 states of Latin America and the Caribbean as sourced records: "
            "every record cites the source document and paragraph that state it (the sources column)."
        ),
    }
    out["version"] = DATA_VERSION  # the data's version; the package's is belatam:version
    out.update(versions())
    if licence is not None:
        entry = {"name": licence}
        if " " not in licence:
            entry["path"] = f"https://spdx.org/licenses/{licence}.html"
        out["licenses"] = [entry]
    out["sources"] = [_source(s) for s in data.sources()]
    out["resources"] = [
        {
            "profile": "tabular-data-resource",
            "name": kind,
            "path": f"{kind}.csv",
            "title": _title(kind),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(kind),
        }
        for kind in KINDS
    ]
    return out
