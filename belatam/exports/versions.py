"""What every export says of itself: the package and data versions, and what files it holds.

Every format carries the two versions under the same names: ``belatam:version``
(the package that wrote it, ``importlib.metadata.version("belatam")``; left
out when belatam runs from a checkout that is not installed) and
``belatam:data_version`` (``belatam.DATA_VERSION``, when the data last changed):

- Parquet: keys of each file's schema metadata;
- the Data Package: properties of ``datapackage.json``, whose ``version`` is the data version;
- JSON-LD: ``bt:version`` and ``bt:data_version`` of the node ``urn:belatam:dataset``;
- JSON and CSV: ``belatam-export.json`` (``EXPORT_DESCRIPTOR``), which also names
  the format and each record type's files (data and JSON Schema) and counts.

    >>> sorted(versions())
    ['belatam:data_version', 'belatam:version']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belatam.data import DATA_VERSION
from belatam.model import KINDS
from belatam.read.loader import EXPORT_DESCRIPTOR, schema_file

if TYPE_CHECKING:
    from belatam.query.dataset import Dataset

__all__ = ["DATA_VERSION_KEY", "EXPORT_DESCRIPTOR", "VERSION_KEY", "descriptor", "package_version", "versions"]

VERSION_KEY = "belatam:version"
"""The name every export gives the version of the package that wrote it."""

DATA_VERSION_KEY = "belatam:data_version"
"""The name every export gives the data version (``belatam.DATA_VERSION``)."""


def package_version() -> str | None:
    """The installed belatam's version, or None when it runs from a checkout that is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("belatam")
    except PackageNotFoundError:  # pragma: no cover - a checkout run without installing
        return None


def versions() -> dict[str, str]:
    """``{"belatam:version": ..., "belatam:data_version": ...}`` (the first left out when not installed)."""
    found = package_version()
    out = {VERSION_KEY: found} if found is not None else {}
    out[DATA_VERSION_KEY] = DATA_VERSION
    return out


def descriptor(format: str, data: Dataset, suffix: str) -> dict[str, Any]:
    """The content of ``belatam-export.json`` for a folder of ``<kind><suffix>`` files in ``format``."""
    counts = data.counts()
    return {
        "format": format,
        **versions(),
        "records": {
            kind: {"data": f"{kind}{suffix}", "schema": schema_file(kind), "count": counts[kind]} for kind in KINDS
        },
    }
