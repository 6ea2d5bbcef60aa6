"""The exported Data Package passes frictionless validation, keys included (needs the test-extras)."""

from __future__ import annotations

import csv
from pathlib import Path

import frictionless
import pytest

import belatam
from belatam import Agreement, AgreementKind, Dataset, Person, Source, SourceRef
from belatam.exports import export


@pytest.fixture
def package(tmp_path: Path) -> Path:
    written = export(tmp_path, "datapackage")
    assert written[-1] == tmp_path / "datapackage.json"
    return written[-1]


def errors(descriptor: Path) -> list[tuple[str, str]]:
    report = frictionless.validate(str(descriptor))
    return [(str(error[0]), str(error[1])) for error in report.flatten(["type", "note"])]


def edit(path: Path, key: str, row_id: str, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows
    fields = list(rows[0])
    for row in rows:
        if row[key] == row_id:
            row[column] = value
            break
    else:
        raise AssertionError(f"no row {row_id}")
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fields)
        writer.writeheader()
        writer.writerows(rows)


def test_the_package_is_valid(package: Path) -> None:
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["type", "note"])
    assert report.stats["tasks"] == len(belatam.dataset().records()) == len(belatam.model.KINDS)


def test_a_sparse_data_set_gives_a_valid_package(tmp_path: Path) -> None:
    # empty lists and a description left out are empty cells: valid, since only what every record has is required
    cited = (SourceRef(source="src-a"),)
    sparse = Dataset(
        sources=[Source(id="src-a", title="A", publisher="P")],
        agreements=[Agreement(id="agr-a", title="T", kind=AgreementKind.ROAD_MAP, sources=cited)],
        people=[Person(id="per-a", name="A", sources=cited)],
    )
    report = frictionless.validate(str(export(tmp_path, "datapackage", sparse)[-1]))
    assert report.valid, report.flatten(["type", "note", "fieldName"])


def test_the_resources_read_with_their_types(package: Path) -> None:
    resource = frictionless.Package(str(package)).get_resource("trade")
    (row,) = [row for row in resource.read_rows() if row["id"] == belatam.trade(2018).id]
    assert row["exports"] == 853800000
    assert type(row["exports"]) is int
    assert row["balance"] == belatam.trade(2018).balance


def test_a_dangling_country_code_is_a_foreign_key_error(package: Path) -> None:
    edit(package.parent / "missions.csv", "id", "mis-br-by-embassy", "receiving", "XX")
    found = errors(package)
    assert [t for t, _ in found] == ["foreign-key"]
    assert "XX" in found[0][1]


def test_a_dangling_parent_is_a_foreign_key_error(package: Path) -> None:
    path = package.parent / "organizations.csv"
    with path.open(encoding="utf-8", newline="") as file:
        some = next(row["id"] for row in csv.DictReader(file))
    edit(path, "id", some, "parent", "org-nowhere")
    assert [t for t, _ in errors(package)] == ["foreign-key"]


def test_a_duplicate_key_and_an_unknown_enum_value_are_reported(package: Path) -> None:
    path = package.parent / "countries.csv"
    edit(path, "code", "CU", "code", "VE")
    edit(package.parent / "missions.csv", "id", "mis-br-by-embassy", "kind", "palace")
    found = {t for t, _ in errors(package)}
    assert {"primary-key", "constraint-error"} <= found


def test_a_missing_required_value_is_reported(package: Path) -> None:
    edit(package.parent / "events.csv", "id", belatam.events()[0].id, "summary", "")
    found = errors(package)
    assert [t for t, _ in found] == ["constraint-error"]
    assert "required" in found[0][1]
