"""The JSON Schemas of the data files, checked by the `jsonschema` library.

Every packaged data file is valid under its schema, and damaged copies are not;
the schemas the package ships (``belatam/data/schema/``) are what the code
derives now (rewritten with ``BELATAM_UPDATE_SNAPSHOTS=1``, then reviewed as a
diff); every export writes them; and any data set the loader takes, written as
JSON, is valid too.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import datasets

import belatam
from belatam.exports import FORMATS, export
from belatam.exports.jsonschema import DIALECT, json_schema, packaged_schema, schema_files
from belatam.model import KINDS, record_type
from belatam.model.schema import describe
from belatam.read.codec import encode_all

PACKAGED = Path(str(files("belatam") / "data"))
SHIPPED = PACKAGED / "schema"
UPDATE = "BELATAM_UPDATE_SNAPSHOTS"

Validator = jsonschema.Draft202012Validator


def validator(kind: str) -> jsonschema.protocols.Validator:
    return Validator(json_schema(kind), format_checker=Validator.FORMAT_CHECKER)


def packaged(kind: str) -> list[dict[str, Any]]:
    return json.loads((PACKAGED / f"{kind}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# -- the schemas themselves ------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = json_schema(kind)
    Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert schema["type"] == "array"
    record = schema["$defs"][schema["items"]["$ref"].rpartition("/")[2]]
    assert record["additionalProperties"] is False
    fields = describe(record_type(kind)).fields
    assert list(record["properties"]) == [f.name for f in fields]
    assert all(p["description"] for p in record["properties"].values())
    for nested in schema["$defs"].values():
        assert nested["type"] == "object" and nested["additionalProperties"] is False


def test_the_schemas_say_what_the_model_knows() -> None:
    events = json_schema("events")["$defs"]
    event = events["Event"]
    assert event["required"] == ["id", "kind", "date", "summary", "sources"]
    assert "official" in event["properties"]["visit"]["enum"] and None in event["properties"]["visit"]["enum"]
    assert event["properties"]["id"]["pattern"] == "^(?:[a-z]{3}-[0-9a-z]+(?:-[0-9a-z]+)*)$"
    assert event["properties"]["countries"]["items"]["pattern"] == "^(?:[A-Z]{2})$"  # a country's code
    assert event["properties"]["countries"]["uniqueItems"] is True
    assert event["properties"]["sources"]["minItems"] == 1
    assert events["SourceRef"]["required"] == ["source"]
    assert events["SourceRef"]["properties"]["paragraph"]["minimum"] == 1
    people = json_schema("people")["$defs"]
    assert set(people) == {"Person", "Role", "Name", "SourceRef"}
    trade = json_schema("trade")["$defs"]["TradeFigures"]["properties"]
    assert trade["year"] == {**trade["year"], "type": "integer", "minimum": 1, "maximum": 9999}
    assert trade["exports"]["type"] == ["string", "null"]


def test_the_packaged_schemas_are_what_the_code_derives() -> None:
    derived = schema_files()
    if os.environ.get(UPDATE) == "1":
        SHIPPED.mkdir(exist_ok=True)
        for name, content in derived.items():
            path = SHIPPED / name
            if not path.is_file() or path.read_bytes() != content:
                path.write_bytes(content)
    shipped = {p.name: p.read_bytes() for p in SHIPPED.iterdir()}
    assert sorted(shipped) == sorted(derived), f"run the tests with {UPDATE}=1 and review the diff"
    for name, content in derived.items():
        assert shipped[name] == content, f"{name} differs from the code: run the tests with {UPDATE}=1, review, commit"
    assert packaged_schema("events") == json_schema("events")


# -- the data against them -------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_packaged_data_file_is_valid(kind: str) -> None:
    errors = [e.message for e in validator(kind).iter_errors(packaged(kind))]
    assert errors == []


def first(records: list[dict[str, Any]], **where: Any) -> dict[str, Any]:
    return next(r for r in records if all(r.get(k) == v for k, v in where.items()))


DAMAGES: dict[str, tuple[str, Callable[[list[dict[str, Any]]], None]]] = {
    "an unknown field": ("events", lambda rs: rs[0].update(colour="blue")),
    "a number where text belongs": ("events", lambda rs: rs[0].update(summary=5)),
    "a list given as a string": ("events", lambda rs: rs[0].update(countries="PA")),
    "true as a count": ("partnerships", lambda rs: rs[0].update(treaties=True)),
    "a bad enum value": ("missions", lambda rs: rs[0].update(kind="palace")),
    "a missing required field": ("missions", lambda rs: rs[0].pop("receiving")),
    "no sources": ("missions", lambda rs: rs[0].pop("sources")),
    "a malformed date": ("events", lambda rs: rs[0].update(date="5 November 2018")),
    "a month 13": ("agreements", lambda rs: first(rs, kind="intergovernmental_agreement").update(signed="2018-13")),
    "the year 0000": ("missions", lambda rs: rs[0].update(opened="0000")),
    "a period where one date belongs": ("missions", lambda rs: rs[0].update(opened="2018/2019")),
    "a period with no end at all": ("events", lambda rs: rs[0].update(date="../..")),
    "a source reference as a string": ("events", lambda rs: rs[0].update(sources=["src-mfa-2019#8"])),
    "a source reference without its source": ("events", lambda rs: rs[0].update(sources=[{"paragraph": 8}])),
    "a paragraph 0": ("events", lambda rs: rs[0].update(sources=[{"source": "src-mfa-2019", "paragraph": 0}])),
    "a paragraph as text": ("events", lambda rs: rs[0].update(sources=[{"source": "src-mfa-2019", "paragraph": "8"}])),
    "an unknown field in a citation": ("events", lambda rs: rs[0]["sources"][0].update(page=3)),
    "the same citation twice": ("events", lambda rs: rs[0].update(sources=[rs[0]["sources"][0]] * 2)),
    "an id without its prefix": ("events", lambda rs: rs[0].update(id="Shestakov")),
    "a country's name for its code": ("missions", lambda rs: rs[0].update(receiving="Cuba")),
    "a blank summary": ("events", lambda rs: rs[0].update(summary="  ")),
    "an amount as a number": ("trade", lambda rs: first(rs, year=2018).update(exports=853800000)),
    "an amount with a leading zero": ("trade", lambda rs: first(rs, year=2018).update(exports="0853800000")),
    "a bad role in a nested record": ("people", lambda rs: first(rs, id="per-makei")["roles"][0].update(office="king")),
    "a record that is not an object": ("events", lambda rs: rs.append("evt-x")),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_copy_is_refused_by_the_schema_and_the_loader(damage: str, tmp_path: Path) -> None:
    kind, edit = DAMAGES[damage]
    records = copy.deepcopy(packaged(kind))
    edit(records)
    assert list(validator(kind).iter_errors(records)), damage
    for name in PACKAGED.glob("*.json"):
        (tmp_path / name.name).write_bytes(name.read_bytes())
    (tmp_path / f"{kind}.json").write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(belatam.DataError):  # the schema refuses only what the loader refuses
        belatam.load(tmp_path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets())
def test_any_data_set_the_loader_takes_is_valid_as_json(data: belatam.Dataset) -> None:
    tables = json.loads(json.dumps(encode_all(data.records())))
    for kind in KINDS:
        errors = [f"{e.json_path}: {e.message}" for e in validator(kind).iter_errors(tables[kind])]
        assert errors == [], kind


# -- in the exports --------------------------------------------------------------------


@pytest.mark.parametrize("format", FORMATS)
def test_every_export_writes_the_schemas(format: str, tmp_path: Path) -> None:
    written = {p.name for p in export(tmp_path, format)}  # type: ignore[arg-type]
    for kind in KINDS:
        assert f"{kind}.schema.json" in written
        assert json.loads((tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8")) == json_schema(kind)


def test_a_json_export_validates_against_its_own_schemas(tmp_path: Path) -> None:
    export(tmp_path, "json")
    for kind in KINDS:
        schema = json.loads((tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8"))
        data = json.loads((tmp_path / f"{kind}.json").read_text(encoding="utf-8"))
        Validator(schema).validate(data)
    assert belatam.load(tmp_path).records() == belatam.dataset().records()


def test_the_loader_accepts_only_the_files_an_export_writes(tmp_path: Path) -> None:
    export(tmp_path, "json")
    belatam.load(tmp_path)
    for stray in ("events.schema.json.bak.json", "unknown.schema.json", "schema.json", "belatam-export2.json"):
        (tmp_path / stray).write_text("{}", encoding="utf-8")
        with pytest.raises(belatam.DataError, match="not a data file"):
            belatam.load(tmp_path)
        (tmp_path / stray).unlink()
