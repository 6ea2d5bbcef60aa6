"""What the schema's field metadata (`Info`) and the shared field helpers of `belatam.model.record` give."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest

import belatam
from belatam import DataError, InvalidValueError
from belatam.model import KINDS, Kind, record_type
from belatam.model.record import SourceRef, citations, ended_by_info, ended_info, sources_info
from belatam.model.schema import Info, derived, describe, info


def test_info_is_a_frozen_value_with_doc_by_position_and_the_rest_by_keyword() -> None:
    meta = Info("A country.", refers="countries", table=True)
    assert meta == Info("A country.", refers=("countries",), table=True)
    assert hash(meta) == hash(Info("A country.", refers=("countries",), table=True))
    assert meta.refers == ("countries",) and meta.table and not meta.identity and meta.filter is None
    assert Info(doc="Two.", refers=("countries", "organizations")).refers == ("countries", "organizations")
    assert Info("").refers == () and Info("").choices == ()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        meta.doc = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Info("A country.", "countries")  # type: ignore[call-arg]


def test_info_and_derived_put_an_info_where_the_schema_reads_it() -> None:
    @attrs.frozen
    class Thing:
        code: str = attrs.field(metadata=info("Its code.", identity=True, refers="countries"))

        @property
        @derived("Its code, twice.", refers="countries")
        def twice(self) -> str:
            return self.code * 2

    schema = describe(Thing)
    assert schema.identity is not None and schema.identity.refers == ("countries",)
    assert attrs.fields(Thing).code.metadata["belatam"] == Info("Its code.", identity=True, refers="countries")
    assert schema.field("twice").derived and schema.field("twice").refers == ("countries",)
    assert schema.field("twice").doc == "Its code, twice."


# -- the fields every record type shares: its id and its sources ------------------------


def _prefix(kind: Kind) -> str | None:
    field = attrs.fields_dict(record_type(kind)).get("id")
    return None if field is None else getattr(field.validator, "prefix", None)


PREFIXES: dict[Kind, str] = {kind: prefix for kind in KINDS if (prefix := _prefix(kind)) is not None}
"""Each record type's id prefix, as its class states it."""

PACKAGED = {p.name: p.read_bytes() for p in (files("belatam") / "data").iterdir() if p.name.endswith(".json")}


def packaged_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in PACKAGED.items():
        (folder / name).write_bytes(content)
    return folder


def test_every_record_type_but_countries_has_an_id_with_its_own_prefix() -> None:
    assert set(PREFIXES) == {k for k in KINDS if describe(record_type(k)).identity.name == "id"}  # type: ignore[union-attr]
    assert "countries" not in PREFIXES  # a country is known by its code
    assert len(set(PREFIXES.values())) == len(PREFIXES)  # no two types share a prefix
    assert all(re.fullmatch("[a-z]{3}", p) for p in PREFIXES.values())
    for kind, prefix in PREFIXES.items():
        id_field = attrs.fields_dict(record_type(kind))["id"]
        assert id_field.validator.prefix == prefix, kind  # type: ignore[union-attr]
        schema = describe(record_type(kind))
        assert schema.identity is not None and schema.identity.name == "id"
        assert schema.identity.doc.startswith("Stable identifier of ") and schema.identity.table
        assert schema.identity.checks == {"pattern": "[a-z]{3}-[0-9a-z]+(?:-[0-9a-z]+)*"}  # the JSON Schemas' rule
        assert all(r.id.startswith(f"{prefix}-") for r in belatam.dataset().records()[kind])  # type: ignore[attr-defined]
        assert schema.identity.lookup == (kind in ("organizations", "people"))


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "sources"])
def test_every_sources_field_is_the_same_optional_list_of_citations(kind: Kind) -> None:
    cls = record_type(kind)
    attribute = attrs.fields_dict(cls)["sources"]
    assert attribute.default == () and attribute.repr is False and attribute.converter is citations  # type: ignore[comparison-overlap]
    assert attribute.metadata["belatam"] == sources_info()["belatam"] == Info("Where the record is stated.", long=True)
    field = describe(cls).field("sources")
    assert field.kind == "records" and field.item is SourceRef and not field.required


def test_a_postings_and_an_accreditations_end_share_their_metadata() -> None:
    for cls, unit in ((belatam.Posting, "date"), (belatam.Accreditation, "day")):
        schema = describe(cls)
        assert schema.validity["end"].name == "ended" and schema.validity["ended_by"].name == "ended_by"
        assert attrs.fields_dict(cls)["ended"].metadata == ended_info()
        assert attrs.fields_dict(cls)["ended_by"].metadata == ended_by_info(unit)  # type: ignore[arg-type]
        assert schema.field("ended").doc == "When it ended, where a source says." and schema.field("ended").table
        assert schema.field("ended_by").doc == f"A {unit} by which it had ended, where a source shows it but not when."


def an_event(**changes: Any) -> belatam.Event:
    return attrs.evolve(belatam.event("evt-2012-06-lukashenko-cuba"), **changes)


@pytest.mark.parametrize(
    ("value", "shows"),
    [
        ("mis-2012-06-lukashenko-cuba", ("'evt-'", "Event", "'mis-' begins the ids of missions.json")),
        ("src-x", ("'evt-'", "'src-' begins the ids of sources.json")),
        ("xyz-2012", ("'evt-'", "'xyz-2012'")),
    ],
)
def test_a_record_built_by_hand_with_another_types_prefix_is_refused(value: str, shows: tuple[str, ...]) -> None:
    with pytest.raises(InvalidValueError) as info:
        an_event(id=value)
    assert info.value.field == "id"
    for text in shows:
        assert text in str(info.value), str(info.value)
    if value.startswith("xyz"):
        assert "begins the ids" not in str(info.value)


def test_an_id_that_is_no_slug_is_refused_as_before() -> None:
    with pytest.raises(InvalidValueError, match="lowercase slug with a type prefix") as info:
        an_event(id="Evt-2012")
    assert info.value.field == "id"
    with pytest.raises(InvalidValueError, match="lowercase slug"):
        an_event(id=5)
    assert an_event(id="evt-x").id == "evt-x"


@pytest.mark.parametrize("kind", sorted(PREFIXES))
def test_load_refuses_an_id_with_another_types_prefix_naming_file_record_and_field(tmp_path: Path, kind: Kind) -> None:
    folder = packaged_folder(tmp_path / "data")
    records = json.loads((folder / f"{kind}.json").read_bytes())
    other_kind: Kind = "events" if kind != "events" else "missions"
    other = PREFIXES[other_kind]
    wrong = f"{other}-{records[-1]['id'].partition('-')[2]}"
    records[-1]["id"] = wrong
    (folder / f"{kind}.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    error = info.value
    assert (error.file, error.record, error.field) == (f"{kind}.json", wrong, "id")
    message = str(error)
    assert str(folder / f"{kind}.json") in message and wrong in message and message.count("\n") == 0
    assert f"must begin with '{PREFIXES[kind]}-'" in message
    assert f"'{other}-' begins the ids of {other_kind}.json" in message
    assert isinstance(error, ValueError) and "Traceback" not in message


def test_the_packaged_folder_loads_with_the_prefix_rule(tmp_path: Path) -> None:
    assert belatam.load(packaged_folder(tmp_path / "data")).records() == belatam.dataset().records()


def test_describe_reads_a_class_once_and_gives_the_same_object_every_time() -> None:
    for kind in KINDS:
        cls = record_type(kind)
        assert describe(cls) is describe(cls) is describe(cls=cls)
    assert describe(SourceRef) is describe(SourceRef) and describe(SourceRef).name == "SourceRef"


# -- nested records are checked once per value ------------------------------------------


def test_equal_nested_records_are_checked_once_and_a_different_one_still_is() -> None:
    data = belatam.dataset()
    tables: dict[str, Any] = {str(kind): records for kind, records in data.records().items()}

    def copied(ref: SourceRef) -> SourceRef:
        return SourceRef(source=ref.source, paragraph=ref.paragraph)

    # equal citations as distinct objects: nested records are hashable values, equal ones hash alike
    events = [attrs.evolve(e, sources=[copied(s) for s in e.sources]) for e in data.events()]
    assert all(hash(copied(ref)) == hash(ref) and copied(ref) is not ref for e in events for ref in e.sources)
    assert belatam.Dataset(**{**tables, "events": events}).records() == data.records()
    last = events[-1]
    events[-1] = attrs.evolve(last, sources=(*last.sources, SourceRef(source="src-nobody", paragraph=2)))
    with pytest.raises(DataError) as info:
        belatam.Dataset(**{**tables, "events": events})
    assert (info.value.file, info.value.record) == ("events.json", last.id)
    assert info.value.field == f"sources[{len(last.sources)}].source" and "src-nobody" in str(info.value)
