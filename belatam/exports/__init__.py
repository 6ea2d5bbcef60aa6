"""Writing a data set to a folder: JSON, CSV, a Frictionless Data Package, JSON-LD, or Parquet.

JSON, CSV, the Data Package and JSON-LD need only the standard library;
Parquet needs pyarrow (the ``arrow`` extra). Each format writes one file per record type,
and with it the JSON Schema of each record type's JSON data file, so give each format its
own folder: `belatam.load` reads the ``*.json`` data files of a folder and refuses other
JSON files beside them than those the ``"json"`` export writes.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     names = [path.name for path in export(folder, "datapackage")]
    >>> names[0], names[-1]
    ('sources.csv', 'datapackage.json')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from belatam.errors import InvalidTypeError, InvalidValueError, quote
from belatam.exports.writing import dumps, folder_for, write_files
from belatam.model import KINDS
from belatam.query.packaged import given_or_packaged

if TYPE_CHECKING:
    from belatam.query.dataset import Dataset

__all__ = ["FORMATS", "Format", "dumps", "export", "folder_for", "write_files"]

Format = Literal["json", "csv", "datapackage", "jsonld", "parquet"]
FORMATS: tuple[Format, ...] = ("json", "csv", "datapackage", "jsonld", "parquet")
"""The formats `export` writes."""


def export(directory: str | os.PathLike[str], format: Format, data: Dataset | None = None) -> list[Path]:
    """Write a data set (the packaged one when ``data`` is None) into ``directory``.

    The folder is made if missing; files of the same names are replaced.
    Returns the paths written. ``format`` is one of:

    - ``"json"``: ``<kind>.json`` per record type, in the form of the
      packaged data, so ``belatam.load(directory)`` reads the same records;
    - ``"csv"``: ``<kind>.csv`` per record type (UTF-8, comma-separated,
      CRLF line ends, a header row), in the columns of `belatam.to_frame`:
      a date as its EDTF string plus ``_start`` / ``_end`` ISO days, lists
      joined by ``|`` (a ``|`` or backslash inside an item escaped by a
      backslash), sources as ``src-mfa-2019#8``, money as whole-unit
      integers, yes/no as ``true`` / ``false``, None as an empty cell;
    - ``"datapackage"``: those CSV files plus ``datapackage.json``, a
      Frictionless Tabular Data Package with a Table Schema per file (types,
      meanings, primary keys, and foreign keys for single references);
    - ``"jsonld"``: ``belatam.jsonld``, every record as linked data, one
      JSON-LD document with its context embedded (schema.org, Dublin Core and
      Wikidata where they fit, the package's own terms otherwise; see
      `belatam.exports.jsonld`), for rdflib, triple stores and SPARQL, and
      ``context.jsonld``, that context alone, to publish or reuse;
    - ``"parquet"``: ``<kind>.parquet`` per record type, each with the
      schema of `belatam.to_arrow` (needs the ``arrow`` extra).

    Every format also writes ``<kind>.schema.json`` per record type: the JSON
    Schema (draft 2020-12) of the JSON data file (`belatam.exports.jsonschema`),
    so another language can check a folder of ``"json"`` output. And every
    format says which package and data versions wrote it, under the names
    ``belatam:version`` and ``belatam:data_version``
    (`belatam.exports.versions`): in each Parquet file's schema metadata; in
    ``datapackage.json``, whose ``version`` is the data version; in the
    JSON-LD graph, as the node ``urn:belatam:dataset``; and, for ``"json"``
    and ``"csv"``, in ``belatam-export.json``, which also names the format
    and each record type's files and count. `belatam.load` accepts those
    files beside the data files, so it reads a ``"json"`` export back.

    Every file is made in memory before the first is written, so a record
    that cannot be written stops the export before it touches the folder;
    the files are then written whole or not at all (see ``belatam.exports.writing.write_files``), and
    never through a symbolic link out of the folder.
    """
    if not isinstance(format, str):
        raise InvalidTypeError(f"format must be one of {', '.join(FORMATS)}, not {type(format).__name__}")
    wanted = format.strip().lower()
    if wanted not in FORMATS:
        raise InvalidValueError(f"format={quote(format)} is not a format belatam writes; valid: {', '.join(FORMATS)}")
    folder = folder_for(directory)
    dataset = given_or_packaged(data)
    files: dict[str, bytes] = {}
    if wanted == "parquet":
        from belatam.exports.arrow import parquet_files

        files = parquet_files(dataset)
    elif wanted == "jsonld":
        from belatam.exports.jsonld import context, document

        files = {"belatam.jsonld": dumps(document(dataset)).encode(), "context.jsonld": dumps(context()).encode()}
    elif wanted == "json":
        from belatam.read.codec import encode_all

        tables = encode_all(dataset.records())
        files = {f"{kind}.json": dumps(tables[kind]).encode() for kind in KINDS}
    else:
        from belatam.exports.csv import csv_files

        files = csv_files(dataset)
    from belatam.exports.jsonschema import schema_files

    files.update(schema_files())
    if wanted == "datapackage":
        from belatam.exports.datapackage import descriptor

        files["datapackage.json"] = dumps(descriptor(dataset)).encode()
    elif wanted in ("json", "csv"):
        from belatam.exports.versions import EXPORT_DESCRIPTOR
        from belatam.exports.versions import descriptor as export_descriptor

        files[EXPORT_DESCRIPTOR] = dumps(export_descriptor(wanted, dataset, f".{wanted}")).encode()
    return write_files(folder, files)
