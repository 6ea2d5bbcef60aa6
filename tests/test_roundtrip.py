"""Every record survives JSON: records one by one, whole data sets, the packaged data."""

from __future__ import annotations

import json
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import datasets, date_likes, partial_dates

import belatam
from belatam import Dataset, Event, PartialDate, Period, Role, Source, SourceRef
from belatam.model import KINDS, record_type
from belatam.model.schema import describe
from belatam.query.packaged import from_json
from belatam.read.codec import Shared, encode, encode_all


def through_json(record: object) -> object:
    text = json.dumps(encode(record), ensure_ascii=False)
    return Shared().record(type(record))(json.loads(text))


def all_records(ds: Dataset) -> list[object]:
    return [r for records in ds.records().values() for r in records]


# -- generated records -----------------------------------------------------------


@settings(max_examples=60)
@given(datasets())
def test_every_record_round_trips_through_json(ds: Dataset) -> None:
    records = all_records(ds)
    assert records  # at least the sources and Belarus
    for record in records:
        raw = encode(record)
        assert is_plain_json(raw), raw
        fields = attrs.fields(type(record))  # type: ignore[arg-type]
        assert set(raw) <= {a.name for a in fields}
        assert {a.name for a in fields if a.default is attrs.NOTHING} <= set(raw)  # defaults may be left out
        back = through_json(record)
        assert type(back) is type(record)
        assert back == record
        assert hash(back) == hash(record)


def is_plain_json(value: object) -> bool:
    """Only dicts with str keys, lists, str, int, bool and None: no tuple, Decimal, date or enum."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(is_plain_json(v) for v in value)
    return value is None or type(value) in (str, int, bool)


@settings(max_examples=60)
@given(datasets())
def test_a_whole_data_set_round_trips_through_json(ds: Dataset) -> None:
    raw = encode_all(ds.records())
    assert set(raw) == set(KINDS)
    back = from_json(json.loads(json.dumps(raw)))
    assert back.records() == ds.records()
    assert back.counts() == ds.counts()
    # and the JSON form is a fixed point
    assert encode_all(back.records()) == raw


@settings(max_examples=25)
@given(datasets())
def test_a_whole_data_set_round_trips_through_a_folder(ds: Dataset) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_folder(Path(tmp), encode_all(ds.records()))
        assert belatam.load(folder).records() == ds.records()


@given(date_likes())
def test_dates_are_stored_as_edtf_strings(date: PartialDate | Period) -> None:
    source = Source(id="src-x", title="t", publisher="p", date=date)
    raw = encode(source)
    assert raw["date"] == str(date)
    assert through_json(source) == source


@given(partial_dates(), st.none() | partial_dates())
def test_event_dates_keep_their_type(date: PartialDate, bound: PartialDate | None) -> None:
    refs = (SourceRef(source="src-x", paragraph=2),)
    for value in (date, Period(date, None), Period(None, date), None):
        inside = bound is None or value is None or value.bounds()[1] <= bound.bounds()[1]
        limit = bound if inside else None  # an event's date lies within its bounds
        event = Event(id="evt-x", kind=belatam.EventKind.VISIT, date=value, summary="s", not_after=limit, sources=refs)
        back = through_json(event)
        assert back == event
        assert type(back.date) is type(event.date)


@given(st.builds(SourceRef, source=st.text(), paragraph=st.none() | st.integers(1, 10**6)))
def test_source_refs_round_trip(ref: SourceRef) -> None:
    assert through_json(ref) == ref


@given(
    st.builds(Role, title=st.text(min_size=1).filter(str.strip), country=st.text(), organization=st.none() | st.text())
)
def test_roles_round_trip(role: Role) -> None:
    assert through_json(role) == role


# -- the packaged data -----------------------------------------------------------


def write_folder(folder: Path, raw: dict[str, list[Any]]) -> Path:
    for name, records in raw.items():
        (folder / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def shipped() -> dict[str, list[dict[str, Any]]]:
    data = files("belatam") / "data"
    return {name: json.loads((data / f"{name}.json").read_bytes()) for name in KINDS}


def record_key(raw: dict[str, Any]) -> str:
    return str(raw.get("id", raw.get("code", raw.get("year"))))


def test_packaged_data_round_trips_through_a_folder(tmp_path: Path) -> None:
    ds = belatam.dataset()
    raw = encode_all(ds.records())
    assert sorted(p.name for p in write_folder(tmp_path, raw).iterdir()) == sorted(f"{n}.json" for n in KINDS)
    loaded = belatam.load(tmp_path)
    assert loaded.records() == ds.records()
    assert loaded.counts() == ds.counts()
    assert encode_all(loaded.records()) == raw


def test_packaged_records_round_trip_one_by_one() -> None:
    for record in all_records(belatam.dataset()):
        assert through_json(record) == record


def assert_normalised(raw: dict[str, Any], out: dict[str, Any], cls: type, where: str) -> None:
    """``out`` keeps every field and value of ``raw``, except values equal to the field's default.

    The codec writes a field at its default by leaving it out; nothing else may be lost or changed.
    """
    fields = {f.name: f for f in attrs.fields(cls)}
    assert set(raw) <= set(fields), f"{where}: dropped {sorted(set(raw) - set(fields))}"
    schema = describe(cls)
    for name, field in fields.items():
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if name not in raw:
            assert default is not attrs.NOTHING, f"{where}: required {name!r} missing from the file"
            assert name not in out or out[name] == encode(default), f"{where}.{name}"
            continue
        if name not in out:
            assert raw[name] == encode(default), f"{where}.{name}: {raw[name]!r} was dropped"
            continue
        inner = schema.field(name).nested
        if inner is None:
            assert out[name] == raw[name], f"{where}.{name}"
        elif isinstance(raw[name], list):
            assert len(out[name]) == len(raw[name]), f"{where}.{name}"
            for i, (r, o) in enumerate(zip(raw[name], out[name], strict=True)):
                assert_normalised(r, o, inner, f"{where}.{name}[{i}]")
        else:
            assert_normalised(raw[name], out[name], inner, f"{where}.{name}")


@pytest.mark.parametrize("name", list(KINDS))
def test_shipped_files_hold_nothing_the_model_drops(name: str) -> None:
    """Normalising a shipped file (load, then dump) keeps every field and value it has.

    The dump may add fields the file leaves out, but only with their defaults.
    """
    on_disk = shipped()[name]
    normalised = {record_key(r): r for r in encode_all(belatam.dataset().records())[name]}
    assert len(on_disk) == len(normalised)
    assert sorted(record_key(r) for r in on_disk) == sorted(normalised)
    for raw in on_disk:
        assert_normalised(raw, normalised[record_key(raw)], record_type(name), f"{name}.json {record_key(raw)}")


def test_normalising_notices_a_dropped_or_changed_field() -> None:
    """The check above can fail: a field the model lacks, or a value it rewrites."""
    ref = {"source": "src-x", "paragraph": 3}
    out = encode(SourceRef(source="src-x", paragraph=3))
    assert_normalised(ref, out, SourceRef, "ok")
    with pytest.raises(AssertionError, match="dropped"):
        assert_normalised({**ref, "page": 7}, out, SourceRef, "extra")
    with pytest.raises(AssertionError, match="paragraph"):
        assert_normalised({**ref, "paragraph": "3"}, out, SourceRef, "changed")
