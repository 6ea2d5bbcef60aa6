"""Hostile folders: whatever a folder holds, `load` answers one `DataError` or a correct data set.

Each case starts from a copy of the packaged data files, does one thing a
hand-edited, spreadsheet-exported or downloaded folder may do, and names
the error `load` must raise: its file, and the record and field where there
is one. Then a property test damages a valid folder at random and accepts
only a `DataError` or a data set that survives its own export, and the
writers are shown to replace their output whole or not at all.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import belatam
from belatam import BelatamError, DataError, MissingFolderError
from belatam.model import KINDS, record_type
from belatam.model.schema import describe

PACKAGED = {p.name: p.read_bytes() for p in (files("belatam") / "data").iterdir() if p.name.endswith(".json")}


def packaged_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in PACKAGED.items():
        (folder / name).write_bytes(content)
    return folder


def edit_json(name: str, change: Callable[[list[dict[str, Any]]], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        records = json.loads((folder / name).read_bytes())
        change(records)
        (folder / name).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")

    return apply


def replace_text(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        text = (folder / name).read_text(encoding="utf-8")
        assert old in text, old
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def by_id(records: list[dict[str, Any]], key: str, value: object) -> dict[str, Any]:
    return next(r for r in records if r.get(key) == value)


def trade_amount(amount: str) -> Callable[[Path], None]:
    return edit_json("trade.json", lambda rs: rs[0].update(exports=amount))


def swap_file(name: str, make: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        (folder / name).unlink()
        make(folder / name)

    return apply


@dataclass(frozen=True)
class Case:
    damage: Callable[[Path], None]
    file: str
    record: str | None
    field: str | None
    words: str


CASES: dict[str, Case] = {
    "a key twice in one object": Case(
        replace_text("trade.json", '"currency": "USD"', '"currency": "USD", "currency": "EUR"'),
        "trade.json",
        None,
        None,
        "appears twice",
    ),
    "NaN as a number": Case(replace_text("trade.json", '"year": 2018', '"year": NaN'), "trade.json", None, None, "NaN"),
    "the same reference twice": Case(
        edit_json(
            "events.json", lambda rs: by_id(rs, "id", "evt-2018-11-shestakov-panama").update(countries=["PA", "PA"])
        ),
        "events.json",
        "evt-2018-11-shestakov-panama",
        "countries",
        "twice",
    ),
    "a country renamed to another's name": Case(
        edit_json("countries.json", lambda rs: by_id(rs, "code", "PE").update(name="Chile")),
        "countries.json",
        None,
        None,
        "also finds",
    ),
    "an alias equal to another's code": Case(
        edit_json("countries.json", lambda rs: by_id(rs, "code", "PE").update(aliases=["CL"])),
        "countries.json",
        None,
        "aliases",
        "also finds",
    ),
    "a duplicate alpha-3 code": Case(
        edit_json("countries.json", lambda rs: by_id(rs, "code", "PE").update(alpha3="CHL")),
        "countries.json",
        None,
        "alpha3",
        "also finds",
    ),
    "a duplicate numeric code": Case(
        edit_json("countries.json", lambda rs: by_id(rs, "code", "PE").update(numeric="152")),
        "countries.json",
        None,
        "numeric",
        "also finds",
    ),
    "two people whose names fold alike": Case(
        edit_json("people.json", lambda rs: by_id(rs, "id", "per-makei").update(name="PAVEL  KALLAUR")),
        "people.json",
        None,
        None,
        "also finds",
    ),
    "an amount of 31 digits": Case(trade_amount("1" + "0" * 30), "trade.json", "trd-2018", "exports", "at most 20"),
    "an amount with an exponent": Case(trade_amount("1e999999999"), "trade.json", "trd-2018", "exports", "amount"),
    "an amount in scientific form": Case(trade_amount("1E+2"), "trade.json", "trd-2018", "exports", "amount"),
    "a negative zero": Case(trade_amount("-0"), "trade.json", "trd-2018", "exports", "amount"),
    "an amount with blanks": Case(trade_amount(" 100 "), "trade.json", "trd-2018", "exports", "amount"),
    "an amount with an underscore": Case(trade_amount("1_000"), "trade.json", "trd-2018", "exports", "amount"),
    "an amount in full-width digits": Case(trade_amount("１００"), "trade.json", "trd-2018", "exports", "amount"),
    "trade year 0": Case(
        edit_json("trade.json", lambda rs: rs[0].update(year=0)), "trade.json", "trd-2018", "year", "year"
    ),
    "trade year -5": Case(
        edit_json("trade.json", lambda rs: rs[0].update(year=-5)), "trade.json", "trd-2018", "year", "year"
    ),
    "an organisation its own parent": Case(
        edit_json("organizations.json", lambda rs: by_id(rs, "id", "org-acs").update(parent="org-acs")),
        "organizations.json",
        "org-acs",
        "parent",
        "leads back",
    ),
    "an organisation its own ancestor": Case(
        edit_json(
            "organizations.json",
            lambda rs: (
                by_id(rs, "id", "org-acs").update(parent="org-pacific-alliance"),
                by_id(rs, "id", "org-pacific-alliance").update(parent="org-acs"),
            ),
        ),
        "organizations.json",
        None,
        "parent",
        "leads back",
    ),
    "an event during itself": Case(
        edit_json(
            "events.json",
            lambda rs: by_id(rs, "id", "evt-2018-11-shestakov-panama").update(during=["evt-2018-11-shestakov-panama"]),
        ),
        "events.json",
        "evt-2018-11-shestakov-panama",
        "during",
        "leads back",
    ),
    "Belarus among the states an event concerns": Case(
        edit_json(
            "events.json", lambda rs: by_id(rs, "id", "evt-2018-11-shestakov-panama").update(countries=["PA", "BY"])
        ),
        "events.json",
        "evt-2018-11-shestakov-panama",
        "countries",
        "Belarus is not one",
    ),
    "Belarus among the states a statement concerns": Case(
        edit_json("statements.json", lambda rs: by_id(rs, "id", "stm-cooperation-outlook").update(countries=["BY"])),
        "statements.json",
        "stm-cooperation-outlook",
        "countries",
        "Belarus is not one",
    ),
    "Belarus in a sub-region": Case(
        edit_json("countries.json", lambda rs: by_id(rs, "code", "BY").update(subregion="Caribbean")),
        "countries.json",
        "BY",
        "subregion",
        "None for Belarus",
    ),
    "Belarus in relations with itself": Case(
        edit_json("countries.json", lambda rs: by_id(rs, "code", "BY").update(relations=True)),
        "countries.json",
        "BY",
        "relations",
        "None for Belarus",
    ),
    "an agreement Belarus is not party to": Case(
        edit_json(
            "agreements.json",
            lambda rs: by_id(rs, "id", "agr-2000-09-cuba-friendship-treaty").update(parties=["CU", "VE"]),
        ),
        "agreements.json",
        "agr-2000-09-cuba-friendship-treaty",
        "parties",
        "must hold Belarus (BY) and another state",
    ),
    "an agreement of Belarus alone": Case(
        edit_json(
            "agreements.json", lambda rs: by_id(rs, "id", "agr-2000-09-cuba-friendship-treaty").update(parties=["BY"])
        ),
        "agreements.json",
        "agr-2000-09-cuba-friendship-treaty",
        "parties",
        "must hold Belarus (BY) and another state",
    ),
    "a regional bloc in one country": Case(
        edit_json("organizations.json", lambda rs: by_id(rs, "id", "org-acs").update(country="CU")),
        "organizations.json",
        "org-acs",
        "country",
        "a regional bloc is multinational",
    ),
    "a signing on a day its agreement was not signed": Case(
        edit_json(
            "events.json",
            lambda rs: by_id(rs, "id", "evt-2000-09-13-cuba-friendship-treaty-signed").update(date="2000-09-14"),
        ),
        "events.json",
        "evt-2000-09-13-cuba-friendship-treaty-signed",
        "agreements[0]",
        "which is signed 2000-09-13",
    ),
    "a signing in a month that holds its agreement's day": Case(
        edit_json(
            "events.json",
            lambda rs: by_id(rs, "id", "evt-2000-09-13-cuba-friendship-treaty-signed").update(date="2000-09"),
        ),
        "events.json",
        "evt-2000-09-13-cuba-friendship-treaty-signed",
        "agreements[0]",
        "lies within its agreement's signing date",
    ),
    "an undated signing of a dated agreement": Case(
        edit_json(
            "events.json",
            lambda rs: by_id(rs, "id", "evt-2000-09-13-cuba-friendship-treaty-signed").update(date=None),
        ),
        "events.json",
        "evt-2000-09-13-cuba-friendship-treaty-signed",
        "agreements[0]",
        "undated, a signing of agr-2000-09-cuba-friendship-treaty",
    ),
    "a dated signing of an undated agreement": Case(
        edit_json(
            "events.json",
            lambda rs: by_id(rs, "id", "evt-2021-10-colombia-culture-memorandum-signed").update(date="2021-10-27"),
        ),
        "events.json",
        "evt-2021-10-colombia-culture-memorandum-signed",
        "agreements[0]",
        "which is undated",
    ),
    "a founding of an organisation founded another year": Case(
        edit_json("events.json", lambda rs: by_id(rs, "id", "evt-2016-05-cuba-science-commission").update(date="2015")),
        "events.json",
        "evt-2016-05-cuba-science-commission",
        "organizations",
        "no organisation established then",
    ),
    "an observer status before the standing began": Case(
        edit_json("events.json", lambda rs: by_id(rs, "id", "evt-2016-01-acs-observer").update(date="2015-12")),
        "events.json",
        "evt-2016-01-acs-observer",
        "organizations",
        "no observer's standing",
    ),
    "an event during a meeting": Case(
        edit_json(
            "events.json",
            lambda rs: by_id(rs, "id", "evt-2006-04-sidorsky-fidel-castro").update(
                during=["evt-2006-07-24-lukashenko-chavez-talks"]
            ),
        ),
        "events.json",
        "evt-2006-04-sidorsky-fidel-castro",
        "during[0]",
        "is a meeting",
    ),
    "an event outside the visit it took place during": Case(
        edit_json("events.json", lambda rs: by_id(rs, "id", "evt-2006-04-sidorsky-fidel-castro").update(date="2005")),
        "events.json",
        "evt-2006-04-sidorsky-fidel-castro",
        "during[0]",
        "outside evt-2006-04-sidorsky-cuba",
    ),
    "an empty name": Case(
        edit_json("people.json", lambda rs: by_id(rs, "id", "per-makei").update(name="")),
        "people.json",
        "per-makei",
        "name",
        "empty",
    ),
    "nesting deep enough to exhaust the stack": Case(
        replace_text(
            "trade.json", '"main_exports": [', '"main_exports": ' + "[" * 100_000 + "]" * 100_000 + ', "x": ['
        ),
        "trade.json",
        None,
        None,
        "not valid JSON",
    ),
    "a number of 5,000 digits": Case(
        replace_text("trade.json", '"year": 2018', '"year": ' + "9" * 5000), "trade.json", None, None, "not valid JSON"
    ),
    "an unpaired surrogate": Case(
        replace_text("people.json", '"name": "Vladimir Makei"', '"name": "Vladimir \\ud800Makei"'),
        "people.json",
        "per-makei",
        "name",
        "surrogate",
    ),
    "a FIFO where a file should be": Case(
        swap_file("events.json", lambda p: os.mkfifo(p)), "events.json", None, None, "FIFO"
    ),
    "a link to /dev/zero": Case(
        swap_file("events.json", lambda p: p.symlink_to("/dev/zero")), "events.json", None, None, "not a regular file"
    ),
    "a folder where a file should be": Case(
        swap_file("events.json", lambda p: p.mkdir()), "events.json", None, None, "folder"
    ),
    "a dangling link": Case(
        swap_file("events.json", lambda p: p.symlink_to(p.parent / "gone.json")), "events.json", None, None, "dangling"
    ),
    "a loop of links": Case(
        swap_file(
            "events.json", lambda p: (p.parent / "loop.json").symlink_to(p) or p.symlink_to(p.parent / "loop.json")
        ),
        "loop.json",  # the loop's other end is itself a stray .json file, refused by name first
        None,
        None,
        "not a data file",
    ),
    "a loop of links by data-file names": Case(
        swap_file(
            "events.json",
            lambda p: (
                (p.parent / "trade.json").unlink()
                or (p.parent / "trade.json").symlink_to(p)
                or p.symlink_to(p.parent / "trade.json")
            ),
        ),
        "events.json",
        None,
        None,
        "loop",
    ),
    "a file that is not JSON": Case(
        replace_text("events.json", "[", "{{"), "events.json", None, None, "not valid JSON"
    ),
    "latin-1 text": Case(
        lambda folder: (folder / "people.json").write_bytes(
            (folder / "people.json").read_text(encoding="utf-8").encode("latin-1", "replace")
        ),
        "people.json",
        None,
        None,
        "not valid JSON",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_hostile_folder_is_one_precise_data_error(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    folder = packaged_folder(tmp_path / "data")
    case.damage(folder)
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    error = info.value
    assert error.file == case.file, str(error)
    if case.record is not None:
        assert error.record == case.record, str(error)
    if case.field is not None:
        assert error.field == case.field, str(error)
    assert case.words in str(error), str(error)
    assert "\n" not in str(error) and len(str(error)) < 600
    assert isinstance(error, BelatamError) and isinstance(error, ValueError)


# -- one damage per field the schema describes -------------------------------------------


def first_item(kind: str) -> dict[str, Any]:
    items: list[dict[str, Any]] = json.loads(PACKAGED[f"{kind}.json"])
    return items[0]


def schema_cases() -> list[Any]:
    """For every field of every record type: a reference to no record (one more, in a list), a word outside
    a vocabulary, a required field left out; each done to the first record of the packaged file, and what
    the error names."""
    found = []
    for kind in KINDS:
        schema = describe(record_type(kind))
        assert schema.identity is not None
        item = first_item(kind)
        label = str(item[schema.identity.name])
        for field in schema.fields:
            if field.refers:
                value: object = [*item.get(field.name, []), "zzz-nope"] if field.many else "zzz-nope"
                found.append((kind, label, field.name, {field.name: value}, "unknown"))
            if field.kind == "records" and field.item is not None and item.get(field.name):
                for inner in describe(field.item).fields:
                    if inner.refers:
                        nested = [{**item[field.name][0], inner.name: "zzz-nope"}, *item[field.name][1:]]
                        found.append((kind, label, f"{field.name}[0].{inner.name}", {field.name: nested}, "unknown"))
            if field.vocabulary is not None:
                found.append((kind, label, field.name, {field.name: "palace"}, "'palace' is not one of"))
            if field.required:  # a record without its identity is named by its position
                found.append((kind, "#0" if field.identity else label, field.name, {field.name: None}, "missing"))
    return [pytest.param(*case, id=f"{case[0]}-{case[2]}-{case[4]}") for case in found]


SCHEMA_CASES = schema_cases()


def test_the_schema_cases_cover_every_record_type_and_its_references() -> None:
    kinds = {p.values[0] for p in SCHEMA_CASES}
    assert kinds == set(KINDS)
    fields = {(p.values[0], p.values[2]) for p in SCHEMA_CASES}
    assert {("events", "participants"), ("memberships", "member"), ("accreditations", "head")} <= fields
    assert {("people", "roles[0].country"), ("countries", "sources[0].source"), ("events", "kind")} <= fields


@pytest.mark.parametrize(("kind", "record", "field", "change", "words"), SCHEMA_CASES)
def test_each_field_the_schema_describes_is_checked_on_load(
    kind: str, record: str, field: str, change: dict[str, Any], words: str, tmp_path: Path
) -> None:
    """A new field, a new reference or a new record type is refused like the others, without a new case here."""
    folder = packaged_folder(tmp_path / "data")

    def damage(records: list[dict[str, Any]]) -> None:
        for name, value in change.items():
            if value is None:
                del records[0][name]
            else:
                records[0][name] = value

    edit_json(f"{kind}.json", damage)(folder)
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    error = info.value
    assert (error.file, error.record, error.field) == (f"{kind}.json", record, field), str(error)
    assert words in str(error), str(error)


def test_a_folder_without_data_files_names_what_it_expected(tmp_path: Path) -> None:
    belatam.export(tmp_path / "csv", "csv")
    for folder in (tmp_path / "csv", tmp_path):
        with pytest.raises(DataError) as info:
            belatam.load(folder)
        assert str(folder) in str(info.value) and "events.json" in str(info.value)


def test_a_folder_that_cannot_be_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = packaged_folder(tmp_path / "data")

    def refuse(path: object) -> list[str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "listdir", refuse)
    with pytest.raises(DataError, match="Permission denied") as info:
        belatam.load(folder)
    assert info.value.file == str(folder)


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = packaged_folder(tmp_path / "data")
    real_open = os.open

    def refuse(path: str, flags: int, *args: Any) -> int:
        if str(path).endswith("events.json"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DataError, match="cannot be read: Permission denied") as info:
        belatam.load(folder)
    assert info.value.file == "events.json"


def test_a_missing_folder_is_a_belatam_error(tmp_path: Path) -> None:
    with pytest.raises(BelatamError) as info:
        belatam.load("/nonexistent")
    assert isinstance(info.value, MissingFolderError) and isinstance(info.value, FileNotFoundError)
    assert "/nonexistent" in str(info.value)


def test_a_huge_key_gives_a_short_message() -> None:
    key = "x" * 1_000_000
    with pytest.raises(belatam.UnknownKeyError) as info:
        belatam.country(key)
    assert len(str(info.value)) < 300


# -- random damage -------------------------------------------------------------------

DAMAGE = st.sampled_from(["cut", "byte", "insert", "swap-files", "value"])
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10_000),
    st.text(max_size=5),
    st.sampled_from(["", "BY", "XX", "evt-x", "src-mfa-2019", "2018-13", "1E+2", "\ud800"]),
    st.lists(st.sampled_from(["BY", "CU", "CU", 3]), max_size=3),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_damage_is_a_data_error_or_a_sound_data_set(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder = packaged_folder(tmp_path_factory.mktemp("damaged"))
    name = data.draw(st.sampled_from(sorted(PACKAGED)), label="file")
    content = bytearray(PACKAGED[name])
    how = data.draw(DAMAGE, label="how")
    if how == "cut":
        del content[data.draw(st.integers(0, len(content) - 1), label="at") :]
    elif how == "byte":
        content[data.draw(st.integers(0, len(content) - 1), label="at")] = data.draw(st.integers(0, 255), label="byte")
    elif how == "insert":
        at = data.draw(st.integers(0, len(content)), label="at")
        content[at:at] = data.draw(
            st.sampled_from([b",", b"]", b"{", b'"', b"\\", b"\\ud800", b"null", b"\xff"]), label="bytes"
        )
    elif how == "swap-files":
        content = bytearray(PACKAGED[data.draw(st.sampled_from(sorted(PACKAGED)), label="other")])
    else:
        records = json.loads(content)
        if records:
            record = data.draw(st.sampled_from(records), label="record")
            record[data.draw(st.sampled_from([*sorted(record), "extra"]), label="field")] = data.draw(
                VALUES, label="value"
            )
        content = bytearray(json.dumps(records, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    (folder / name).write_bytes(bytes(content))
    failure: DataError | None = None
    try:
        loaded = belatam.load(folder)
    except DataError as error:
        failure = error
    if failure is not None:
        assert failure.file and "\n" not in str(failure)
        return
    # a damage that left valid data: the data set is sound, so it survives its own export
    out = tmp_path_factory.mktemp("again")
    belatam.export(out, "json", loaded)
    assert belatam.load(out) == loaded


# -- writing: whole or not at all ---------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry of a folder and its content (None for a folder in it)."""
    return {p.name: p.read_bytes() if p.is_file() else None for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("format", ["json", "csv", "datapackage", "parquet"])
def test_a_write_that_fails_midway_leaves_the_folder_as_it_was(
    format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    belatam.export(folder, format)
    (folder / "notes.txt").write_text("the user's own work", encoding="utf-8")
    before = snapshot(folder)
    real_fdopen = os.fdopen
    calls = {"n": 0}

    def full_disk(descriptor: int, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            os.close(descriptor)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fdopen(descriptor, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", full_disk)
    with pytest.raises(OSError, match="No space left"):
        belatam.export(folder, format)
    assert snapshot(folder) == before  # the old files whole, and no temporary file left


def test_a_record_that_cannot_be_written_stops_before_the_folder_is_touched(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    belatam.export(folder, "csv")
    before = snapshot(folder)
    bad = belatam.Dataset(
        sources=belatam.sources(),
        countries=belatam.dataset().records()["countries"],  # type: ignore[arg-type]
        statements=[
            belatam.Statement(
                id="stm-nul",
                topic=belatam.Topic.POLICY,
                text="a NUL \x00 character",
                sources=(belatam.SourceRef(source="src-mfa-2019", paragraph=2),),
            )
        ],
    )
    with pytest.raises(DataError, match="NUL") as info:
        belatam.export(folder, "csv", bad)
    assert info.value.record == "stm-nul"
    assert snapshot(folder) == before


@pytest.mark.parametrize(("format", "name"), [("json", "events.json"), ("csv", "trade.csv")])
def test_export_never_writes_through_a_link(tmp_path: Path, format: str, name: str) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("precious", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / name).symlink_to(elsewhere)
    belatam.export(folder, format)  # type: ignore[call-overload]
    assert elsewhere.read_text(encoding="utf-8") == "precious"
    assert not (folder / name).is_symlink()
    belatam.export(tmp_path / "plain", format)  # type: ignore[call-overload]
    assert (folder / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()
    if format == "json":
        assert belatam.load(folder) == belatam.dataset()
    else:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("id,year,") and any(line.startswith("trd-2018,2018,") for line in lines[1:])


def test_a_folder_where_an_output_file_goes_stops_the_export(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    belatam.export(folder, "json")
    (folder / "events.json").unlink()
    (folder / "events.json").mkdir()
    before = snapshot(folder)
    with pytest.raises(belatam.ExportError, match="is a folder, where the export writes a file"):
        belatam.export(folder, "json")
    assert snapshot(folder) == before


def test_csv_cells_are_written_as_they_are_formulas_included(tmp_path: Path) -> None:
    """CSV is data: a cell that starts with =, +, - or @ is kept as is (spreadsheet users import it as text)."""
    statement = belatam.Statement(
        id="stm-formula",
        topic=belatam.Topic.POLICY,
        text='=HYPERLINK("http://example.org")',
        sources=(belatam.SourceRef(source="src-mfa-2019", paragraph=2),),
    )
    data = belatam.Dataset(
        sources=belatam.sources(),
        countries=belatam.dataset().records()["countries"],  # type: ignore[arg-type]
        statements=[statement],
    )
    belatam.export(tmp_path, "csv", data)
    assert '=HYPERLINK(""http://example.org"")' in (tmp_path / "statements.csv").read_text(encoding="utf-8")
