"""The codec: `belatam.codec.decode` reads the data files' JSON, or refuses naming file, record and field.

Every refusal is a `DataError` naming the file, the record and the field path
(``sources[0].paragraph``); a property test shows that whatever damage is done
to a generated data set's JSON, decode gives records or such an error, and
nothing else.
"""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import datasets

import belatam
from belatam.codec import Shared, decode, encode_all
from belatam.model import KINDS


def packaged_json() -> dict[str, Any]:
    folder = files("belatam") / "data"
    return {kind: json.loads((folder / f"{kind}.json").read_bytes()) for kind in KINDS}


def test_packaged_data_decodes_to_the_packaged_data_set() -> None:
    tables = {kind: decode(kind, items) for kind, items in packaged_json().items()}  # type: ignore[arg-type]
    assert belatam.dataset() == belatam.Dataset(**tables)  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_generated_data_sets_decode_to_their_records(ds: belatam.Dataset) -> None:
    raw = json.loads(json.dumps(encode_all(ds.records())))
    for kind in KINDS:
        found = decode(kind, raw[kind])
        assert found == list(ds.records()[kind])
        assert [type(r) for r in found] == [type(r) for r in ds.records()[kind]]


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.sampled_from(["", " ", "x", "2018", "2018-13", "2018/2019", "1E+2", "-0", " 100 ", "1_000", "１００"]),
    st.sampled_from(["embassy", "visit", "src-x", "BY", "evt-x", "per-x"]),
    st.lists(st.sampled_from(["BY", "CU", 1, None]), max_size=3),
    st.dictionaries(st.sampled_from(["source", "paragraph", "title", "country", "x"]), st.integers(0, 3), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(ds=datasets(), data=st.data())
def test_damaged_data_is_records_or_a_data_error_naming_the_file(ds: belatam.Dataset, data: st.DataObject) -> None:
    """Replace, drop or add one field of one record: decode gives records, or a `DataError` naming where."""
    raw = json.loads(json.dumps(encode_all(ds.records())))
    kind = data.draw(st.sampled_from([k for k in KINDS if raw[k]]), label="kind")
    items = copy.deepcopy(raw[kind])
    record = data.draw(st.sampled_from(items), label="record")
    how = data.draw(st.sampled_from(["replace", "drop", "add", "nested"]), label="how")
    if how == "replace" and record:
        record[data.draw(st.sampled_from(sorted(record)), label="field")] = data.draw(JUNK, label="value")
    elif how == "drop" and record:
        del record[data.draw(st.sampled_from(sorted(record)), label="field")]
    elif how == "nested" and record.get("sources"):
        ref = record["sources"][0]
        ref[data.draw(st.sampled_from(["source", "paragraph", "x"]), label="key")] = data.draw(JUNK, label="value")
    else:
        record[data.draw(st.sampled_from(["colour", "id", "name", "sources"]), label="field")] = data.draw(JUNK)
    failure: belatam.DataError | None = None
    try:
        found = decode(kind, items)  # type: ignore[arg-type]
    except belatam.DataError as error:
        failure = error
    if failure is not None:
        assert failure.file == f"{kind}.json"
        assert "\n" not in str(failure)
        assert failure.__context__ is None or failure.__suppress_context__
        return
    assert len(found) == len(items)
    assert all(type(r) is type(ds.records()[kind][0]) for r in found)


def test_repeated_values_are_shared_across_the_files_of_a_load() -> None:
    shared = Shared()
    tables = {kind: decode(kind, items, shared=shared) for kind, items in packaged_json().items()}  # type: ignore[arg-type]
    refs = [r for records in tables.values() for rec in records for r in getattr(rec, "sources", ())]
    assert len({id(r) for r in refs}) == len(set(refs))
    dates = [e.date for e in tables["events"] if e.date is not None]
    assert len({id(d) for d in dates}) == len(set(dates))


def trade(**changes: object) -> dict[str, object]:
    """A valid trade item of the data files, with ``changes``."""
    item: dict[str, object] = {"id": "trd-x", "year": 2018, "currency": "USD", "turnover": "1", "exports": "1"}
    item |= {"imports": "1", "turnover_precision": "1", "exports_precision": "1", "imports_precision": "1"}
    return item | changes


@pytest.mark.parametrize(
    ("kind", "item", "field"),
    [
        ("missions", {"id": "mis-x", "kind": "palace", "sending": "BY", "receiving": "AR"}, "kind"),
        ("missions", {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "AR", "colour": 1}, "colour"),
        ("missions", {"id": "mis-x", "kind": "embassy", "sending": "BY"}, "receiving"),
        ("missions", {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": 5}, "receiving"),
        (
            "missions",
            {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "AR", "opened": "2018-13"},
            "opened",
        ),
        ("missions", {"id": "mis-x", "kind": "embassy", "sending": "BY", "receiving": "BY"}, "receiving"),
        (
            "missions",
            {
                "id": "mis-x",
                "kind": "embassy",
                "sending": "BY",
                "receiving": "AR",
                "sources": [{"source": "s", "paragraph": "3"}],
            },
            "sources[0].paragraph",
        ),
        ("countries", {"code": "AR", "alpha3": "ARG", "numeric": "032", "name": "A", "aliases": "Arg"}, "aliases"),
        ("countries", {"code": "AR", "alpha3": "ARG", "numeric": "032", "name": "A", "relations": 1}, "relations"),
        ("countries", {"code": "ar", "alpha3": "ARG", "numeric": "032", "name": "A"}, "code"),
        ("trade", trade(turnover=1.0), "turnover"),
        ("trade", trade(turnover="1E+2"), "turnover"),
        ("trade", trade(turnover="1" * 21), "turnover"),
        ("trade", trade(year=True), "year"),
        ("trade", trade(year=0), "year"),
        ("agreements", {"id": "agr-x", "title": "t", "kind": "road_map", "signed": "2018/2019"}, "signed"),
        ("people", {"id": "per-x", "name": "X", "roles": [{"title": "t"}]}, "roles[0].country"),
        ("people", {"id": "per-x", "name": " "}, "name"),
    ],
)
def test_a_refusal_names_the_field(kind: str, item: dict[str, Any], field: str) -> None:
    with pytest.raises(belatam.DataError) as info:
        decode(kind, [item])  # type: ignore[arg-type]
    assert info.value.field == field, str(info.value)
    assert info.value.file == f"{kind}.json"
    assert info.value.__context__ is None or info.value.__suppress_context__
