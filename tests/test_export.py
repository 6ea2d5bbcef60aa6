"""Export to JSON, CSV and a Data Package: the standard-library formats, no extras needed.

Validation of the Data Package by frictionless is in test_datapackage.py,
Parquet in test_arrow.py (both need the test-extras).
"""

from __future__ import annotations

import csv
import doctest
import importlib
import json
import stat
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import datasets

import belatam
from belatam import Dataset, Event, Name, PartialDate, Period, Role, Source, SourceRef
from belatam.errors import DataError, InvalidTypeError, InvalidValueError
from belatam.exports import FORMATS, datapackage, export, folder_for
from belatam.exports.csv import join
from belatam.exports.datapackage import table_schema
from belatam.extras import require
from belatam.model import KINDS, record_type
from belatam.model.columns import columns
from belatam.model.schema import describe
from belatam.query.packaged import given_or_packaged

PACKAGED = Path(belatam.__file__).parent / "data"
SCHEMAS = [f"{kind}.schema.json" for kind in KINDS]
"""The JSON Schemas every export writes after its data files."""


def unjoin(text: str) -> list[str]:
    """The inverse of the ``|`` joining: split on unescaped pipes, undo the escapes."""
    if not text:
        return []
    items, item, chars = [], "", iter(text)
    for char in chars:
        if char == "\\":
            item += next(chars)
        elif char == "|":
            items.append(item)
            item = ""
        else:
            item += char
    return [*items, item]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def item_text(item: object) -> str:
    """A list item as CSV cells show it: a plain text, a source as ``src-mfa-2019#8``, a role as ``title (CC)``."""
    if isinstance(item, SourceRef):
        return item.source if item.paragraph is None else f"{item.source}#{item.paragraph}"
    if isinstance(item, Role):
        return f"{item.title} ({item.country}{'' if item.organization is None else ', ' + item.organization})"
    if isinstance(item, Name):
        return f"{item.text} ({item.lang}{', official' if item.official else ''})"
    assert isinstance(item, str)
    return item


def expected_cells(record: object, kind: str) -> list[str]:
    """What a CSV row should hold, derived from the record itself, not from the exporter."""
    cells = []
    for column in columns(record_type(kind), days=True):  # type: ignore[arg-type]
        value = getattr(record, column.field.name)
        if value is None:
            cells.append("")
        elif column.part == "start":
            start = value.start if isinstance(value, Period) else value
            cells.append("" if start is None else start.first_day().isoformat())
        elif column.part == "end":
            end = value.end if isinstance(value, Period) else value
            cells.append("" if end is None else end.last_day().isoformat())
        elif column.kind == "boolean":
            cells.append(str(value).lower())
        elif column.kind == "vocabulary":
            cells.append(value.value)
        elif column.kind in ("texts", "records"):
            cells.append(join(item_text(item) for item in value))
        elif column.kind == "money":
            cells.append(format(value, "f"))
        else:
            cells.append(str(value))
    return cells


# -- JSON --------------------------------------------------------------------------


def test_json_export_loads_back_to_the_same_records(tmp_path: Path, data: Dataset) -> None:
    written = export(tmp_path, "json")
    assert [p.name for p in written] == [f"{kind}.json" for kind in KINDS] + SCHEMAS + ["belatam-export.json"]
    assert {p.name for p in written[: len(KINDS)]} == {p.name for p in PACKAGED.glob("*.json")}
    assert belatam.load(tmp_path).records() == data.records()


def test_json_files_have_the_form_of_the_packaged_ones(tmp_path: Path) -> None:
    for path in export(tmp_path, "json")[: len(KINDS)]:
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"
        packaged = json.loads((PACKAGED / path.name).read_text(encoding="utf-8"))
        assert len(json.loads(text)) == len(packaged), path.name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(datasets())
def test_any_data_set_survives_the_json_export(tmp_path: Path, ds: Dataset) -> None:
    folder = tmp_path / "json"
    export(folder, "json", ds)
    assert belatam.load(folder).records() == ds.records()


# -- CSV -----------------------------------------------------------------------------


def test_csv_has_one_file_per_kind_and_one_row_per_record(tmp_path: Path, data: Dataset) -> None:
    written = export(tmp_path, "csv")
    assert [p.name for p in written] == [f"{kind}.csv" for kind in KINDS] + SCHEMAS + ["belatam-export.json"]
    for kind, records in data.records().items():
        path = tmp_path / f"{kind}.csv"
        with path.open(encoding="utf-8", newline="") as file:
            header, *rows = list(csv.reader(file))
        assert header == [c.name for c in columns(record_type(kind), days=True)]
        assert len(rows) == len(records) == data.counts()[kind], kind
        assert rows == [expected_cells(r, kind) for r in records], kind


def test_csv_cells_are_flattened_like_the_frame(tmp_path: Path, data: Dataset) -> None:
    export(tmp_path, "csv")
    figures = belatam.trade(2018)
    (trade,) = [row for row in read_csv(tmp_path / "trade.csv") if row["id"] == figures.id]
    assert trade["exports"] == "853800000"
    assert {k: trade[k] for k in ("turnover", "exports", "imports", "balance")} == {
        "turnover": str(figures.turnover),
        "exports": str(figures.exports),
        "imports": str(figures.imports),
        "balance": str(figures.balance),
    }
    assert trade["main_exports"] == "|".join(figures.main_exports)
    assert trade["sources"] == "src-mfa-2019#8"

    events = {row["id"]: row for row in read_csv(tmp_path / "events.csv")}
    sources = {row["id"]: row for row in read_csv(tmp_path / "sources.csv")}
    spans = [s for s in data.sources() if isinstance(s.date, Period)]
    assert spans, "the packaged data has a source dated by a period"
    span = sources["src-mfa-2019"]
    assert (span["date"], span["date_start"], span["date_end"]) == ("2018-11/2019-12-09", "2018-11-01", "2019-12-09")
    undated = [e for e in data.events() if e.date is None]
    assert undated
    assert [events[e.id]["date"] + events[e.id]["date_start"] for e in undated] == [""] * len(undated)
    with_people = next(e for e in data.events() if len(e.participants) > 1)
    assert unjoin(events[with_people.id]["participants"]) == list(with_people.participants)

    countries = {row["code"]: row for row in read_csv(tmp_path / "countries.csv")}
    assert countries["CU"]["relations"] == "true"
    assert countries["BY"]["relations"] == countries["BY"]["subregion"] == ""
    assert unjoin(countries["AR"]["sources"]) == [
        r.source if r.paragraph is None else f"{r.source}#{r.paragraph}" for r in belatam.country("AR").sources
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(datasets())
def test_any_data_set_gives_csv_rows_that_read_back(tmp_path: Path, ds: Dataset) -> None:
    folder = tmp_path / "csv"
    expected = {kind: [expected_cells(r, kind) for r in records] for kind, records in ds.records().items()}
    if any("\x00" in cell for rows in expected.values() for row in rows for cell in row):
        with pytest.raises(DataError, match="NUL"):
            export(folder, "csv", ds)
        return
    export(folder, "csv", ds)
    for kind, rows in expected.items():
        with (folder / f"{kind}.csv").open(encoding="utf-8", newline="") as file:
            assert list(csv.reader(file))[1:] == rows, kind


@given(st.lists(st.text(alphabet="ab|\\", max_size=4), max_size=4))
def test_joined_lists_split_back(items: list[str]) -> None:
    if items == [""]:  # the one list the form cannot tell from the empty one
        assert join(items) == join([]) == ""
        return
    assert unjoin(join(items)) == items


def test_a_nul_character_is_refused_with_where_it_is(tmp_path: Path) -> None:
    source = Source(id="src-a", title="bad\x00title", publisher="p")
    ds = Dataset(sources=[source])
    with pytest.raises(DataError, match=r"sources\.csv, record src-a, field 'title'"):
        export(tmp_path, "csv", ds)


# -- the Data Package ----------------------------------------------------------------


def test_datapackage_writes_the_csv_files_and_a_descriptor(tmp_path: Path) -> None:
    written = export(tmp_path, "datapackage")
    assert [p.name for p in written] == [f"{kind}.csv" for kind in KINDS] + SCHEMAS + ["datapackage.json"]
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor == datapackage.descriptor(belatam.dataset())
    assert descriptor["name"] == "belatam"
    assert descriptor["version"] == belatam.DATA_VERSION
    assert descriptor["belatam:version"] == version("belatam")
    assert descriptor["belatam:data_version"] == belatam.DATA_VERSION
    assert [licence["name"] for licence in descriptor["licenses"]] == ["MIT"]
    assert [s["title"] for s in descriptor["sources"]] == [f"{s.title} ({s.publisher})" for s in belatam.sources()]
    assert [r["name"] for r in descriptor["resources"]] == list(KINDS)
    titles = {r["name"]: r["title"] for r in descriptor["resources"]}
    assert titles["agreements"] == "A signed bilateral document"  # the first sentence of the class's docstring
    assert all(t and "``" not in t and not t.endswith(".") for t in titles.values()), titles
    for resource in descriptor["resources"]:
        header = next(csv.reader((tmp_path / resource["path"]).open(encoding="utf-8", newline="")))
        assert [f["name"] for f in resource["schema"]["fields"]] == header


def test_the_descriptor_without_installed_metadata_or_with_a_licence_expression(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    def missing(name: str) -> Any:
        raise importlib.metadata.PackageNotFoundError(name)

    with monkeypatch.context() as patch:
        patch.setattr(importlib.metadata, "metadata", missing)
        patch.setattr(importlib.metadata, "version", missing)
        descriptor = datapackage.descriptor(belatam.dataset())
    assert descriptor["version"] == descriptor["belatam:data_version"] == belatam.DATA_VERSION
    assert "belatam:version" not in descriptor
    assert "licenses" not in descriptor
    monkeypatch.setattr(datapackage, "_metadata", lambda: ("9.9", "MIT OR Apache-2.0"))
    descriptor = datapackage.descriptor(belatam.dataset())
    assert descriptor["licenses"] == [{"name": "MIT OR Apache-2.0"}]


def test_every_resource_has_its_identity_as_primary_key(data: Dataset) -> None:
    keys = {r["name"]: r["schema"]["primaryKey"] for r in datapackage.descriptor(data)["resources"]}
    # each by its identity: a country by its alpha-2 code, everything else by its id
    assert keys == {kind: [identity_of(kind)] for kind in KINDS}
    assert keys["countries"] == ["code"] and keys["events"] == ["id"]
    for kind, records in data.records().items():
        (key,) = keys[kind]
        values = [getattr(record, key) for record in records]
        assert len(set(values)) == len(values), kind


def foreign_keys(descriptor: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (r["name"], key["fields"][0]): (key["reference"]["resource"], key["reference"]["fields"][0])
        for r in descriptor["resources"]
        for key in r["schema"].get("foreignKeys", ())
    }


def identity_of(kind: str) -> str:
    field = describe(record_type(kind)).identity  # type: ignore[arg-type]
    assert field is not None
    return field.name


SINGLE_REFERENCES = {
    (kind, field.name): (field.refers[0], identity_of(field.refers[0]))
    for kind in KINDS
    for field in describe(record_type(kind)).fields
    if len(field.refers) == 1 and not field.many
}
"""Every field that names one record of one type, and the identity it names: a foreign key of the Data Package."""


def test_the_single_valued_references_are_foreign_keys(data: Dataset) -> None:
    assert foreign_keys(datapackage.descriptor(data)) == SINGLE_REFERENCES
    assert {
        ("missions", "sending"): ("countries", "code"),
        ("postings", "person"): ("people", "id"),
        ("organizations", "parent"): ("organizations", "id"),
        ("accreditations", "head"): ("people", "id"),
        ("trade", "partner"): ("countries", "code"),
    }.items() <= SINGLE_REFERENCES.items()
    assert ("memberships", "member") not in SINGLE_REFERENCES  # a state or an organisation: no one target


def test_every_foreign_key_value_is_a_key_of_its_target(tmp_path: Path) -> None:
    export(tmp_path, "datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    tables: dict[str, list[dict[str, str]]] = {kind: read_csv(tmp_path / f"{kind}.csv") for kind in KINDS}
    checked = 0
    for (kind, column), (target, key) in foreign_keys(descriptor).items():
        keys = {row[key] for row in tables[target]}
        for row in tables[kind]:
            if row[column]:
                assert row[column] in keys, (kind, column, row[column])
                checked += 1
    assert checked > 50


def test_field_types_keep_money_exact_and_dates_typed(data: Dataset) -> None:
    resources = {r["name"]: r for r in datapackage.descriptor(data)["resources"]}
    trade = {f["name"]: f for f in resources["trade"]["schema"]["fields"]}
    assert {trade[n]["type"] for n in ("turnover", "exports", "imports", "balance")} == {"integer"}
    events = {f["name"]: f for f in resources["events"]["schema"]["fields"]}
    assert (events["date"]["type"], events["date_start"]["type"], events["date_end"]["type"]) == (
        "string",
        "date",
        "date",
    )
    assert events["kind"]["constraints"] == {"required": True, "enum": [k.value for k in belatam.EventKind]}
    assert events["visit"]["constraints"] == {"enum": [k.value for k in belatam.VisitKind]}
    assert events["round"]["type"] == "integer"
    countries = {f["name"]: f for f in resources["countries"]["schema"]["fields"]}
    assert countries["relations"]["type"] == "boolean"


def required_columns(kind: str) -> list[str]:
    return [f["name"] for f in table_schema(kind)["fields"] if f.get("constraints", {}).get("required")]  # type: ignore[arg-type]


def test_required_columns_have_a_value_in_every_row(tmp_path: Path) -> None:
    # an empty cell reads as missing, so a column that can be empty (an empty list, a description
    # left out, a date's first day) must not be required; the packaged data and a sparse data set
    # both hold the constraint
    source = Source(id="src-a", title="A", publisher="P")
    cited = (SourceRef(source="src-a"),)
    agreement = belatam.Agreement(id="agr-a", title="T", kind=belatam.AgreementKind.ROAD_MAP, sources=cited)
    person = belatam.Person(id="per-a", name="A", sources=cited)
    sparse = Dataset(sources=[source], agreements=[agreement], people=[person])
    for name, ds in (("packaged", belatam.dataset()), ("sparse", sparse)):
        export(tmp_path / name, "csv", ds)
        for kind in KINDS:
            required = required_columns(kind)
            for row in read_csv(tmp_path / name / f"{kind}.csv"):
                assert all(row[column] for column in required), (name, kind, [c for c in required if not row[c]])
    assert "description" not in required_columns("agreements")
    assert "title" in required_columns("agreements")
    assert not {"aliases", "roles", "countries", "sources"} & set(required_columns("people"))
    assert "date_start" not in required_columns("events")


@pytest.mark.parametrize("kind", ["palace", "", "event"])
def test_the_table_schema_of_an_unknown_kind_is_a_value_error(kind: str) -> None:
    with pytest.raises(InvalidValueError, match="valid: sources, countries") as info:
        table_schema(kind)  # type: ignore[arg-type]
    assert repr(kind) in str(info.value)
    with pytest.raises(InvalidTypeError, match="kind must be a record type"):
        table_schema(None)  # type: ignore[arg-type]
    assert table_schema(" Trade ")["primaryKey"] == ["id"]  # type: ignore[arg-type]


# -- arguments and the optional dependencies -------------------------------------


def test_formats() -> None:
    assert FORMATS == ("json", "csv", "datapackage", "jsonld", "parquet")


@pytest.mark.parametrize("fmt", ["xml", "", "jsonl"])
def test_an_unknown_format_is_a_value_error_naming_the_valid_ones(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(InvalidValueError, match="json, csv, datapackage, jsonld, parquet") as info:
        export(tmp_path, fmt)  # type: ignore[arg-type]
    assert repr(fmt) in str(info.value)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", [None, 1, b"json", ["csv"]])
def test_a_format_of_the_wrong_type_is_a_type_error(tmp_path: Path, fmt: Any) -> None:
    with pytest.raises(InvalidTypeError, match="format"):
        export(tmp_path, fmt)


@pytest.mark.parametrize("directory", [None, 3, ["out"]])
def test_a_directory_of_the_wrong_type_is_a_type_error(directory: Any) -> None:
    with pytest.raises(InvalidTypeError, match="directory"):
        export(directory, "csv")


def test_a_directory_that_is_a_file_or_empty_is_a_value_error(tmp_path: Path) -> None:
    file = tmp_path / "file.txt"
    file.write_text("x")
    with pytest.raises(InvalidValueError, match="directory"):
        export(file, "csv")
    with pytest.raises(InvalidValueError, match="directory"):
        export("  ", "csv")


def test_data_of_the_wrong_type_is_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidTypeError, match="data"):
        export(tmp_path, "csv", data={"countries": []})  # type: ignore[arg-type]


def test_the_format_name_ignores_case_and_the_folder_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    written = export(str(folder), " CSV ")  # type: ignore[arg-type]
    assert folder.is_dir()
    assert len(written) == 2 * len(KINDS) + 1  # the CSV files, the JSON Schemas and belatam-export.json


def test_export_of_another_data_set(tmp_path: Path) -> None:
    source = Source(id="src-a", title="A", publisher="P", date=Period(PartialDate(2016, 1), None))
    event = Event(
        id="evt-a", kind=belatam.EventKind.VISIT, date=None, summary="s", sources=(SourceRef(source="src-a"),)
    )
    export(tmp_path, "csv", Dataset(sources=[source], events=[event]))
    assert read_csv(tmp_path / "sources.csv")[0]["date_start"] == "2016-01-01"
    assert read_csv(tmp_path / "sources.csv")[0]["date_end"] == ""
    assert read_csv(tmp_path / "events.csv")[0]["sources"] == "src-a"
    assert read_csv(tmp_path / "countries.csv") == []


# -- writing whole or not at all -----------------------------------------------------


def test_a_failed_write_leaves_the_old_files(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    export(folder, "csv", Dataset())  # an empty data set: headers only
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (folder / "trade.csv").unlink()
    (folder / "trade.csv").mkdir()  # a folder where the last file goes
    with pytest.raises(belatam.ExportError, match=r"trade\.csv"):  # an OSError that names the path
        export(folder, "csv")
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == {name: content for name, content in before.items() if name != "trade.csv"}
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)  # no temporary file left behind


def test_written_files_have_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x")
    (written, *_) = export(tmp_path / "out", "json")
    assert stat.S_IMODE(written.stat().st_mode) == stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode)


def test_folder_for(tmp_path: Path) -> None:
    assert folder_for(str(tmp_path)) == tmp_path
    assert folder_for(tmp_path / "new") == tmp_path / "new"  # not made until something is written
    assert not (tmp_path / "new").exists()
    with pytest.raises(InvalidTypeError, match="directory must be a str or Path"):
        folder_for(b"bytes")
    with pytest.raises(InvalidValueError, match="empty"):
        folder_for("")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(InvalidValueError, match="is a file, not a folder"):
        folder_for(tmp_path / "file.txt")


def test_given_or_packaged() -> None:
    assert given_or_packaged(None) is belatam.dataset()
    other = Dataset()
    assert given_or_packaged(other) is other
    with pytest.raises(InvalidTypeError, match=r"data must be a belatam\.Dataset"):
        given_or_packaged({})


def test_require_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    assert require("json", "none").__name__ == "json"
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        ImportError, match=r"'pandas' extra: pip install pandas, or from a checkout pip install '\.\[pandas\]'"
    ):
        require("pandas", "pandas")


def test_parquet_and_arrow_without_pyarrow_are_an_import_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"'arrow' extra"):
        export(tmp_path, "parquet")
    with pytest.raises(ImportError, match=r"'arrow' extra"):
        belatam.to_arrow("trade")
    assert not list(tmp_path.iterdir())


def test_frames_without_pandas_are_an_import_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        ImportError, match=r"'pandas' extra: pip install pandas, or from a checkout pip install '\.\[pandas\]'"
    ):
        belatam.to_frame("trade")


def run_without(modules: list[str], code: str) -> subprocess.CompletedProcess[str]:
    blocked = "".join(f"sys.modules[{m!r}] = None; " for m in modules)
    return subprocess.run([sys.executable, "-c", f"import sys; {blocked}{code}"], capture_output=True, text=True)


def test_csv_and_datapackage_need_neither_pandas_nor_pyarrow(tmp_path: Path) -> None:
    done = run_without(
        ["pandas", "pyarrow", "numpy"],
        f"from belatam.exports import export; print(len(export({str(tmp_path)!r}, 'datapackage')))",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(2 * len(KINDS) + 1)  # the CSV files, the JSON Schemas, datapackage.json


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    done = run_without(["pyarrow"], f"from belatam.exports import export; export({str(tmp_path)!r}, 'parquet')")
    assert done.returncode == 1
    assert "ImportError" in done.stderr
    assert "pip install '.[arrow]'" in done.stderr


def test_importing_the_export_modules_imports_neither_pandas_nor_pyarrow() -> None:
    code = (
        "import sys, belatam.exports, belatam.exports.frames, belatam.exports.arrow, belatam.exports.csv,"
        " belatam.exports.datapackage;"
        "print('pandas' in sys.modules, 'pyarrow' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False False"


def test_a_refused_csv_export_writes_nothing(tmp_path: Path) -> None:
    source = Source(id="src-a", title="A", publisher="P")
    event = Event(
        id="evt-a", kind=belatam.EventKind.VISIT, date=None, summary="bad\x00", sources=(SourceRef(source="src-a"),)
    )
    with pytest.raises(DataError, match=r"events\.csv, record evt-a, field 'summary'"):
        export(tmp_path / "out", "datapackage", Dataset(sources=[source], events=[event]))
    assert not (tmp_path / "out").exists()


def test_docstring_examples() -> None:
    result = doctest.testmod(importlib.import_module("belatam.exports"))
    assert result.attempted >= 1
    assert result.failed == 0
