"""The lean decoder builds exactly the records the cattrs converter builds."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import given, settings
from strategies import datasets

import belatam
from belatam.checks import FILES
from belatam.convert import structure_files, to_json
from belatam.decode import Decoder, Invalid


def packaged_json() -> dict[str, Any]:
    folder = files("belatam") / "data"
    return {name: json.loads((folder / f"{name}.json").read_bytes()) for name in FILES}


def decode_all(raw: dict[str, Any]) -> dict[str, list[Any]]:
    decoder = Decoder()
    return {name: decoder.records(cls, raw.get(name, [])) for name, cls in FILES.items()}


def test_packaged_data_decodes_to_the_converters_records() -> None:
    raw = packaged_json()
    lean, reference = decode_all(raw), structure_files(raw)
    assert lean == reference
    for name in FILES:  # same types too, not only equal values
        assert [type(r) for r in lean[name]] == [type(r) for r in reference[name]]


def test_packaged_dataset_is_the_reference_dataset() -> None:
    reference = belatam.Dataset(**structure_files(packaged_json()))  # type: ignore[arg-type]
    assert belatam.dataset().records() == reference.records()


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_generated_data_sets_decode_alike(ds: belatam.Dataset) -> None:
    raw = json.loads(json.dumps(to_json(ds)))
    assert decode_all(raw) == structure_files(raw)


def test_repeated_values_are_shared() -> None:
    lean = decode_all(packaged_json())
    refs = [r for records in lean.values() for rec in records for r in getattr(rec, "sources", ())]
    assert len({id(r) for r in refs}) == len(set(refs))
    dates = [e.date for e in lean["events"] if e.date is not None]
    assert len({id(d) for d in dates}) == len(set(dates))


@pytest.mark.parametrize(
    ("cls", "item"),
    [
        (belatam.SourceRef, {"source": "src-x", "paragraph": "3"}),
        (belatam.Mission, {"id": "mis-x", "kind": "palace", "sending": "BY", "receiving": "AR"}),
        (belatam.Mission, {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "AR", "colour": 1}),
        (belatam.Mission, {"id": "mis-x", "kind": "embassy", "sending": "BY"}),
        (belatam.Mission, {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": 5}),
        (belatam.Mission, {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "AR", "opened": "2018-13"}),
        (belatam.Country, {"code": "AR", "alpha3": "ARG", "numeric": "032", "name": "A", "aliases": "Arg"}),
        (belatam.Country, {"code": "AR", "alpha3": "ARG", "numeric": "032", "name": "A", "relations": 1}),
        (belatam.TradeFigures, {"year": 2018, "currency": "USD", "turnover": 1.0, "exports": "1", "imports": "1"}),
        (belatam.TradeFigures, {"year": True, "currency": "USD", "turnover": "1", "exports": "1", "imports": "1"}),
        (belatam.Agreement, {"id": "agr-x", "title": "t", "kind": "road_map", "signed": "2018/2019"}),
        (belatam.Person, {"id": "per-x", "name": "X", "roles": [{"title": "t"}]}),
    ],
)
def test_refuses_what_the_converter_refuses(cls: type, item: dict[str, Any]) -> None:
    with pytest.raises(Invalid):
        Decoder().records(cls, [item])
    name = next(n for n, c in FILES.items() if c is cls) if cls in FILES.values() else None
    if name is not None:
        with pytest.raises(belatam.DataError):
            structure_files({name: [item]})
