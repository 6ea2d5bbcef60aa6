"""`belatam.load(path)`: a folder of JSON files in, a `Dataset` or one precise `DataError` out.

Each case copies the packaged data into a temporary folder, breaks one thing in
one file and expects a `DataError` (a `ValueError`) whose ``file``, ``record``
and ``field`` say where, in a one-line message with no cattrs traceback text,
while the packaged data set stays as it was.
"""

from __future__ import annotations

import copy
import importlib.resources
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import belatam
from belatam import BelatamError, DataError

PACKAGED_DIR = importlib.resources.files("belatam") / "data"
FILE_NAMES = sorted(p.name for p in PACKAGED_DIR.iterdir() if p.name.endswith(".json"))
STEMS = [name.removesuffix(".json") for name in FILE_NAMES]
RAW: dict[str, list[dict[str, Any]]] = {
    name.removesuffix(".json"): json.loads((PACKAGED_DIR / name).read_bytes()) for name in FILE_NAMES
}
PACKAGED = belatam.dataset()
PACKAGED_RECORDS = PACKAGED.records()

EVENT = RAW["events"][0]["id"]
MISSION = RAW["missions"][0]["id"]
ORGANIZATION = RAW["organizations"][0]["id"]
MEMBERSHIP = RAW["memberships"][0]["id"]
STATEMENT = RAW["statements"][0]["id"]
PERSON = RAW["people"][0]["id"]
PARTNERSHIP = RAW["partnerships"][0]["id"]
TRADE_YEAR = str(RAW["trade"][0]["year"])
TRADE_ID = RAW["trade"][0]["id"]

CATTRS_NOISE = ("ClassValidationError", "Exception Group", "ExceptionGroup", "Traceback", "+-", "| ")


def copy_packaged(folder: Path) -> Path:
    for name in FILE_NAMES:
        (folder / name).write_bytes((PACKAGED_DIR / name).read_bytes())
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A fresh copy of the packaged data files."""
    return copy_packaged(tmp_path)


def read(folder: Path, stem: str) -> Any:
    return json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))


def write(folder: Path, stem: str, value: Any) -> None:
    (folder / f"{stem}.json").write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")


def edit(stem: str, change: Callable[[Any], Any]) -> Callable[[Path], None]:
    """Rewrite one data file through ``change`` (which may mutate and return None)."""

    def mutate(folder: Path) -> None:
        value = read(folder, stem)
        result = change(value)
        write(folder, stem, value if result is None else result)

    return mutate


def set_field(stem: str, field: str, value: Any, index: int = 0) -> Callable[[Path], None]:
    return edit(stem, lambda records: records[index].__setitem__(field, value))


def drop_field(stem: str, field: str, index: int = 0) -> Callable[[Path], None]:
    def drop(records: list[dict[str, Any]]) -> None:
        del records[index][field]

    return edit(stem, drop)


def assert_readable(error: BaseException, quoted: str = "") -> None:
    """One line, no cattrs noise outside the bad value the message quotes."""
    message = str(error).replace(quoted, "<value>") if quoted else str(error)
    assert message.strip() and "\n" not in message, message
    for noise in CATTRS_NOISE:
        assert noise not in message, message
    # no cattrs exception chained into the traceback either
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__


def assert_packaged_unchanged() -> None:
    assert belatam.dataset() is PACKAGED
    assert belatam.dataset().records() == PACKAGED_RECORDS


# -- the copy loads --------------------------------------------------------------


def test_the_packaged_files_are_all_copied() -> None:
    assert set(STEMS) == set(PACKAGED.counts())


def test_a_copy_of_the_packaged_data_loads_equal(folder: Path) -> None:
    loaded = belatam.load(folder)
    assert isinstance(loaded, belatam.Dataset)
    assert loaded is not PACKAGED
    assert loaded.records() == belatam.dataset().records()
    assert loaded.counts() == PACKAGED.counts()


def test_a_copy_loads_from_a_str_path_too(folder: Path) -> None:
    assert belatam.load(str(folder)).records() == PACKAGED_RECORDS


def test_the_loaded_copy_answers_queries_like_the_packaged_data(folder: Path) -> None:
    loaded = belatam.load(folder)
    assert [c.name for c in loaded.partners(strategic=True)] == [c.name for c in belatam.partners(strategic=True)]
    assert loaded.trade(int(TRADE_YEAR)) == belatam.trade(int(TRADE_YEAR))
    assert loaded.event(EVENT) == belatam.event(EVENT)


# -- one broken thing, one precise DataError --------------------------------------


@attrs.frozen
class Case:
    mutate: Callable[[Path], None]
    file: str | frozenset[str]  # the file to blame (or the files either of which may be blamed)
    record: str | None
    field: str | None
    shows: tuple[str, ...] = ()  # further text the message must contain


def duplicate_first_event(records: list[dict[str, Any]]) -> None:
    records.append(copy.deepcopy(records[0]))


def same_id_in_two_files(folder: Path) -> None:
    statements = read(folder, "statements")
    statements[0]["id"] = EVENT
    write(folder, "statements", statements)


def invalid_json(folder: Path) -> None:
    (folder / "events.json").write_text('[{"id": "evt-broken",', encoding="utf-8")


def extra_file(folder: Path) -> None:
    write(folder, "foo", [])


CASES: dict[str, Case] = {
    "unknown field": Case(set_field("events", "colour", "red"), "events.json", EVENT, "colour"),
    "unknown field in a mission": Case(
        set_field("missions", "ambassador", "x"), "missions.json", MISSION, "ambassador"
    ),
    "dangling event participant": Case(
        set_field("events", "participants", ["per-nobody"]), "events.json", EVENT, "participants", ("per-nobody",)
    ),
    "dangling mission receiving": Case(
        set_field("missions", "receiving", "ZZ"), "missions.json", MISSION, "receiving", ("'ZZ'",)
    ),
    "dangling organization parent": Case(
        set_field("organizations", "parent", "org-nobody"),
        "organizations.json",
        ORGANIZATION,
        "parent",
        ("org-nobody",),
    ),
    "dangling membership organization": Case(
        set_field("memberships", "organization", "org-nobody"),
        "memberships.json",
        MEMBERSHIP,
        "organization",
        ("org-nobody",),
    ),
    "dangling source ref": Case(
        set_field("statements", "sources", [{"source": "src-nobody", "paragraph": 2}]),
        "statements.json",
        STATEMENT,
        "sources[0].source",
        ("src-nobody",),
    ),
    "duplicate id in one file": Case(edit("events", duplicate_first_event), "events.json", EVENT, "id", ("duplicate",)),
    "same id in two files": Case(
        same_id_in_two_files,
        frozenset({"events.json", "statements.json"}),
        EVENT,
        "id",
        ("events.json", "statements.json"),
    ),
    "date with month 13": Case(set_field("events", "date", "2018-13"), "events.json", EVENT, "date", ("13",)),
    "date as an int": Case(set_field("events", "date", 2018), "events.json", EVENT, "date", ("2018",)),
    "money as a float": Case(
        set_field("trade", "exports", 853800000.0), "trade.json", TRADE_ID, "exports", ("853800000.0",)
    ),
    "str where a list belongs": Case(
        set_field("events", "countries", "AR"), "events.json", EVENT, "countries", ("'AR'",)
    ),
    "int where a str belongs": Case(set_field("events", "summary", 12345), "events.json", EVENT, "summary", ("12345",)),
    "int as a person's name": Case(set_field("people", "name", 12345), "people.json", PERSON, "name", ("12345",)),
    "str where an int belongs": Case(set_field("trade", "year", "2018"), "trade.json", TRADE_ID, "year", ("'2018'",)),
    "bool where a count belongs": Case(
        set_field("partnerships", "treaties", True), "partnerships.json", PARTNERSHIP, "treaties", ("True",)
    ),
    "unknown enum value": Case(set_field("missions", "kind", "palace"), "missions.json", MISSION, "kind", ("palace",)),
    "unknown event kind": Case(set_field("events", "kind", "palace"), "events.json", EVENT, "kind", ("palace",)),
    "missing required field": Case(drop_field("events", "summary"), "events.json", EVENT, "summary", ("missing",)),
    "file not a list": Case(edit("events", lambda records: {"events": records}), "events.json", None, None, ("list",)),
    "invalid JSON": Case(invalid_json, "events.json", None, None, ("JSON",)),
    "record citing no sources": Case(set_field("events", "sources", []), "events.json", EVENT, "sources"),
    "record without a sources field": Case(drop_field("events", "sources"), "events.json", EVENT, "sources"),
    "unknown extra file": Case(extra_file, "foo.json", None, None),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_broken_folder_raises_one_precise_data_error(folder: Path, case: Case) -> None:
    case.mutate(folder)
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, BelatamError)
    message = str(error)
    if isinstance(case.file, str):
        assert error.file == case.file
    else:
        assert error.file in case.file
    assert error.file in message
    assert error.record == case.record
    if case.record is not None:
        assert case.record in message
    assert error.field == case.field
    if case.field is not None:
        assert case.field in message
    for text in case.shows:
        assert text in message, (text, message)
    assert_readable(error)
    assert_packaged_unchanged()


@pytest.mark.parametrize("junk", [5, "evt-x", None, [], [{"id": "evt-x"}]], ids=repr)
def test_a_record_that_is_not_an_object_is_named_by_its_position(folder: Path, junk: object) -> None:
    events = read(folder, "events")
    events.insert(3, junk)
    write(folder, "events", events)
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    error = info.value
    assert error.file == "events.json"
    assert error.record is not None and "3" in error.record
    assert error.field is None
    assert "events.json" in str(error) and error.record in str(error) and "object" in str(error)
    assert_readable(error)


# -- loading never half-succeeds ---------------------------------------------------


def test_a_failed_load_leaves_the_packaged_data_and_a_later_load_intact(tmp_path: Path) -> None:
    before = belatam.dataset()
    for number, case in enumerate(CASES.values()):
        broken = tmp_path / f"case-{number}"
        broken.mkdir()
        case.mutate(copy_packaged(broken))
        with pytest.raises(DataError):
            belatam.load(broken)
        assert belatam.dataset() is before
        assert belatam.dataset().records() == PACKAGED_RECORDS
        assert belatam.events(year=2018) == PACKAGED.events(year=2018)
    # a folder repaired after a failure loads in full: nothing of the failure was kept
    repaired = tmp_path / "case-0"
    for file in repaired.glob("*.json"):
        file.unlink()
    assert belatam.load(copy_packaged(repaired)).records() == PACKAGED_RECORDS


def test_a_failure_late_in_the_folder_gives_no_partial_dataset(folder: Path) -> None:
    """A bad last file (in loading order) still means no Dataset at all, not one without it."""
    set_field("trade", "exports", 1.5)(folder)
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    assert (info.value.file, info.value.field) == ("trade.json", "exports")
    assert_packaged_unchanged()


# -- whatever junk a field holds: a Dataset or a DataError, nothing else -------------

JSON_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_packaged(tmp_path_factory.mktemp("scratch"))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), junk=JSON_JUNK)
def test_junk_in_any_field_gives_a_dataset_or_a_data_error(scratch: Path, data: st.DataObject, junk: Any) -> None:
    stem = data.draw(st.sampled_from(STEMS), label="file")
    records = copy.deepcopy(RAW[stem])
    index = data.draw(st.integers(0, len(records) - 1), label="record")
    field = data.draw(st.sampled_from([*records[index], "zzz"]), label="field")
    records[index][field] = junk
    write(scratch, stem, records)
    failure: DataError | None = None
    try:
        belatam.load(scratch)
    except DataError as error:
        failure = error
    finally:
        write(scratch, stem, RAW[stem])
    if failure is not None:
        assert failure.file in FILE_NAMES
        assert failure.file in str(failure)
        assert_readable(failure, quoted=repr(junk))
    assert_packaged_unchanged()


def test_errors_name_the_folder_given(tmp_path: Path) -> None:
    """Whatever is wrong in a folder, the message says which folder: a user may load several."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.json").write_text("[]", encoding="utf-8")
    (folder / "events.json").write_text("[]", encoding="utf-8")
    with pytest.raises(DataError) as stray:
        belatam.load(folder)
    assert str(stray.value).startswith(f"{folder / 'notes.json'}: not a data file")
    assert stray.value.file == "notes.json" and stray.value.folder == str(folder)
    (folder / "notes.json").unlink()
    (folder / "events.json").write_text('[{"id": 1}]', encoding="utf-8")
    with pytest.raises(DataError) as broken:
        belatam.load(folder)
    assert str(broken.value).startswith(f"{folder / 'events.json'}, record ")
    (folder / "events.json").unlink()
    with pytest.raises(DataError, match="holds none of the data files") as empty:
        belatam.load(folder)
    assert str(empty.value).startswith(str(folder))
