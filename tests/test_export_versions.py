"""Every export says which package and which data wrote it, under the same two names."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import rdflib

import belatam
from belatam.exports import export
from belatam.exports.jsonld import DATASET, PREFIXES
from belatam.exports.versions import DATA_VERSION_KEY, EXPORT_DESCRIPTOR, VERSION_KEY, versions
from belatam.model import KINDS

PACKAGE = version("belatam")


def test_the_two_versions() -> None:
    assert versions() == {VERSION_KEY: PACKAGE, DATA_VERSION_KEY: belatam.DATA_VERSION}
    assert (VERSION_KEY, DATA_VERSION_KEY) == ("belatam:version", "belatam:data_version")


def test_parquet_files_carry_them_in_their_schema_metadata(tmp_path: Path) -> None:
    export(tmp_path, "parquet")
    for kind in KINDS:
        metadata = pq.read_schema(tmp_path / f"{kind}.parquet").metadata
        assert metadata[b"belatam:version"] == PACKAGE.encode()
        assert metadata[b"belatam:data_version"] == belatam.DATA_VERSION.encode()
    table = pq.read_table(tmp_path / "trade.parquet")
    assert table.equals(belatam.to_arrow("trade"))  # the metadata changes no column


def test_the_datapackage_version_is_the_data_version(tmp_path: Path) -> None:
    export(tmp_path, "datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == belatam.DATA_VERSION
    assert (descriptor[VERSION_KEY], descriptor[DATA_VERSION_KEY]) == (PACKAGE, belatam.DATA_VERSION)


@pytest.mark.parametrize("format", ["json", "csv"])
def test_json_and_csv_folders_hold_a_descriptor(format: str, tmp_path: Path) -> None:
    written = export(tmp_path, format)  # type: ignore[arg-type]
    assert written[-1] == tmp_path / EXPORT_DESCRIPTOR == tmp_path / "belatam-export.json"
    descriptor = json.loads(written[-1].read_text(encoding="utf-8"))
    assert descriptor["format"] == format
    assert (descriptor[VERSION_KEY], descriptor[DATA_VERSION_KEY]) == (PACKAGE, belatam.DATA_VERSION)
    assert list(descriptor["records"]) == list(KINDS)
    counts = belatam.dataset().counts()
    for kind, entry in descriptor["records"].items():
        assert entry == {"data": f"{kind}.{format}", "schema": f"{kind}.schema.json", "count": counts[kind]}
        assert (tmp_path / entry["data"]).is_file() and (tmp_path / entry["schema"]).is_file()


def test_a_json_export_with_its_descriptor_loads_back(tmp_path: Path) -> None:
    export(tmp_path, "json")
    assert (tmp_path / EXPORT_DESCRIPTOR).is_file()
    assert belatam.load(tmp_path).counts() == belatam.dataset().counts()


def test_the_jsonld_graph_names_the_export_with_its_versions(tmp_path: Path) -> None:
    export(tmp_path, "jsonld")
    graph = rdflib.Graph().parse(tmp_path / "belatam.jsonld", format="json-ld")
    bt, schema = rdflib.Namespace(PREFIXES["bt"]), rdflib.Namespace(PREFIXES["schema"])
    dataset = rdflib.URIRef(DATASET)
    assert (dataset, rdflib.RDF.type, schema.Dataset) in graph
    assert graph.value(dataset, bt.version) == rdflib.Literal(PACKAGE)
    assert graph.value(dataset, bt.data_version) == rdflib.Literal(belatam.DATA_VERSION)
    assert graph.value(dataset, schema.version) == rdflib.Literal(belatam.DATA_VERSION)
