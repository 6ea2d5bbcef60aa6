"""Arrow tables and Parquet files: a fixed schema per kind, read back by DuckDB (needs the test-extras)."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from strategies import datasets

import belatam
from belatam import Dataset
from belatam.arrowdata import SCHEMAS, schema, to_arrow, write_parquet
from belatam.checks import FILES
from belatam.errors import InvalidTypeError, InvalidValueError
from belatam.exporting import export
from belatam.tabular import columns

KINDS = list(FILES)

# The schemas as pyarrow prints them: a change here is a change of the contract.
S, I64, BOOL, DAY = "string", "int64", "bool", "date32[day]"
ENUM = "dictionary<values=string, indices=int32, ordered=0>"
MONEY = "decimal128(20, 0)"
LIST = "list<item: string>"
SOURCES = ("sources", "list<item: struct<source: string, paragraph: int32>>", False)
ROLES = "list<item: struct<title: string, country: string, organization: string>>"


def dated(name: str) -> list[tuple[str, str, bool]]:
    return [(name, S, True), (f"{name}_start", DAY, True), (f"{name}_end", DAY, True)]


EXPECTED: dict[str, list[tuple[str, str, bool]]] = {
    "sources": [
        ("id", S, False),
        ("title", S, False),
        ("publisher", S, False),
        ("url", S, True),
        *dated("date"),
        ("language", S, False),
        ("sha256", S, True),
        ("note", S, True),
    ],
    "countries": [
        ("code", S, False),
        ("alpha3", S, False),
        ("numeric", S, False),
        ("name", S, False),
        ("aliases", LIST, False),
        ("subregion", S, True),
        ("relations", BOOL, True),
        *dated("relations_established"),
        SOURCES,
    ],
    "missions": [
        ("id", S, False),
        ("kind", ENUM, False),
        ("sending", S, False),
        ("receiving", S, False),
        *dated("opened"),
        SOURCES,
    ],
    "partnerships": [
        ("id", S, False),
        ("country", S, False),
        ("kind", ENUM, False),
        ("description", S, False),
        ("treaties", I64, True),
        ("legal_instruments", I64, True),
        SOURCES,
    ],
    "people": [("id", S, False), ("name", S, False), ("aliases", LIST, False), ("roles", ROLES, False), SOURCES],
    "organizations": [
        ("id", S, False),
        ("name", S, False),
        ("kind", ENUM, False),
        ("country", S, True),
        ("parent", S, True),
        ("legal_form", S, True),
        ("place", S, True),
        *dated("established"),
        ("members", I64, True),
        ("associate_members", I64, True),
        ("description", S, False),
        SOURCES,
    ],
    "memberships": [
        ("id", S, False),
        ("member", S, False),
        ("organization", S, False),
        ("role", ENUM, False),
        *dated("since"),
        SOURCES,
    ],
    "agreements": [
        ("id", S, False),
        ("title", S, False),
        ("kind", ENUM, False),
        ("parties", LIST, False),
        *dated("signed"),
        ("description", S, False),
        SOURCES,
    ],
    "events": [
        ("id", S, False),
        ("kind", ENUM, False),
        *dated("date"),
        ("summary", S, False),
        *dated("not_before"),
        *dated("not_after"),
        ("place", S, True),
        ("countries", LIST, False),
        ("participants", LIST, False),
        ("organizations", LIST, False),
        ("agreements", LIST, False),
        ("during", LIST, False),
        ("visit", ENUM, True),
        ("round", I64, True),
        SOURCES,
    ],
    "statements": [("id", S, False), ("topic", ENUM, False), ("text", S, False), ("countries", LIST, False), SOURCES],
    "trade": [
        ("year", I64, False),
        ("currency", S, False),
        ("turnover", MONEY, False),
        ("exports", MONEY, False),
        ("imports", MONEY, False),
        ("balance", MONEY, False),
        ("main_exports", LIST, False),
        SOURCES,
    ],
}


def described(arrow_schema: pa.Schema) -> list[tuple[str, str, bool]]:
    return [(f.name, str(f.type), f.nullable) for f in arrow_schema]


@pytest.fixture(scope="module")
def parquet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    written = write_parquet(folder)
    assert written == [folder / f"{kind}.parquet" for kind in KINDS]
    return folder


# -- the schema ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_is_the_declared_one(kind: str) -> None:
    assert described(schema(kind)) == EXPECTED[kind]
    assert [name for name, _, _ in SCHEMAS[kind]] == [c.name for c in columns(kind)]


@pytest.mark.parametrize("kind", KINDS)
def test_tables_have_the_schema_and_a_row_per_record(kind: str, data: Dataset) -> None:
    table = to_arrow(kind)
    assert table.schema == schema(kind)
    assert table.num_rows == len(data.records()[kind])
    table.validate(full=True)


def test_enum_dictionaries_hold_every_value() -> None:
    missions = to_arrow("missions").column("kind").combine_chunks()
    assert missions.dictionary.to_pylist() == [k.value for k in belatam.MissionKind]
    assert missions.to_pylist() == [m.kind.value for m in belatam.missions()]
    visits = to_arrow("events").column("visit").combine_chunks()
    assert visits.dictionary.to_pylist() == [k.value for k in belatam.VisitKind]
    assert visits.null_count == sum(e.visit is None for e in belatam.events())


def test_money_is_exact() -> None:
    (row,) = to_arrow("trade").to_pylist()
    figures = belatam.trade(2018)
    for name in ("turnover", "exports", "imports", "balance"):
        assert row[name] == getattr(figures, name)
        assert type(row[name]) is Decimal
    assert row["main_exports"] == list(figures.main_exports)


def test_lists_sources_and_roles_keep_their_structure() -> None:
    people = {row["id"]: row for row in to_arrow("people").to_pylist()}
    makei = belatam.person("per-makei")
    assert people["per-makei"]["roles"] == [
        {"title": r.title, "country": r.country, "organization": r.organization} for r in makei.roles
    ]
    assert people["per-makei"]["sources"] == [{"source": r.source, "paragraph": r.paragraph} for r in makei.sources]
    countries = {row["code"]: row for row in to_arrow("countries").to_pylist()}
    assert {"source": "src-un-m49", "paragraph": None} in countries["AR"]["sources"]
    events = {row["id"]: row for row in to_arrow("events").to_pylist()}
    for event in belatam.events():
        assert events[event.id]["participants"] == list(event.participants)
        assert events[event.id]["date"] == (None if event.date is None else str(event.date))


def test_open_ends_are_null() -> None:
    sources = {row["id"]: row for row in to_arrow("sources").to_pylist()}
    open_ended = sources["src-mfa-2021"]
    assert (open_ended["date"], str(open_ended["date_start"]), open_ended["date_end"]) == (
        "2021-10/..",
        "2021-10-01",
        None,
    )


@settings(max_examples=20, deadline=None)
@given(datasets())
def test_any_data_set_fits_the_schema(ds: Dataset) -> None:
    for kind, records in ds.records().items():
        table = to_arrow(kind, ds)
        assert table.schema == schema(kind)
        assert table.num_rows == len(records)


# -- Parquet, read back by DuckDB ----------------------------------------------------


def test_parquet_reads_back_with_the_schema(parquet_dir: Path) -> None:
    for kind in KINDS:
        table = pq.read_table(parquet_dir / f"{kind}.parquet")
        assert table.schema.remove_metadata() == schema(kind), kind
        assert table.equals(to_arrow(kind)), kind


def sql(query: str, folder: Path) -> list[tuple[Any, ...]]:
    with duckdb.connect() as connection:
        connection.execute(f"SET file_search_path = '{folder}'")
        return connection.execute(query).fetchall()


def test_strategic_partners_in_sql(parquet_dir: Path) -> None:
    rows = sql(
        """
        SELECT c.name FROM 'partnerships.parquet' AS p JOIN 'countries.parquet' AS c ON p.country = c.code
        WHERE p.kind = 'strategic' ORDER BY c.name
        """,
        parquet_dir,
    )
    assert [name for (name,) in rows] == [c.name for c in belatam.partners(strategic=True)] == ["Cuba", "Venezuela"]


def test_events_of_2018_in_sql(parquet_dir: Path) -> None:
    # year=Y matches a date in Y or a period overlapping Y; an open end is unbounded
    rows = sql(
        """
        SELECT id FROM 'events.parquet'
        WHERE date IS NOT NULL
          AND coalesce(date_start, DATE '0001-01-01') <= DATE '2018-12-31'
          AND coalesce(date_end, DATE '9999-12-31') >= DATE '2018-01-01'
        ORDER BY date_start, date_end, id
        """,
        parquet_dir,
    )
    expected = [e.id for e in belatam.events(year=2018)]
    assert expected
    assert [id_ for (id_,) in rows] == expected


def test_trade_and_missions_in_sql(parquet_dir: Path) -> None:
    assert sql("SELECT exports, balance FROM 'trade.parquet' WHERE year = 2018", parquet_dir) == [
        (belatam.trade(2018).exports, belatam.trade(2018).balance)
    ]
    counts = dict(sql("SELECT kind, count(*) FROM 'missions.parquet' GROUP BY kind", parquet_dir))
    assert counts == {k.value: len(belatam.missions(kind=k)) for k in belatam.MissionKind if belatam.missions(kind=k)}
    cuba = sql(
        "SELECT count(*) FROM 'events.parquet' WHERE list_contains(countries, 'CU')",
        parquet_dir,
    )
    assert cuba == [(len(belatam.events(country="CU")),)]


def test_export_parquet_is_write_parquet(tmp_path: Path) -> None:
    written = export(tmp_path, "parquet")
    assert [p.name for p in written] == [f"{kind}.parquet" for kind in KINDS]
    assert pq.read_table(written[-1]).num_rows == 1


# -- arguments and the missing extra -------------------------------------------------


def test_bad_arguments() -> None:
    with pytest.raises(InvalidValueError, match="valid: sources, countries"):
        to_arrow("palace")
    with pytest.raises(InvalidValueError, match="valid: sources, countries"):
        schema("palace")
    with pytest.raises(InvalidTypeError, match="kind"):
        to_arrow(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="data"):
        to_arrow("events", data=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="directory"):
        write_parquet(None)  # type: ignore[arg-type]


def test_without_pyarrow_the_error_names_the_extra() -> None:
    code = "import sys; sys.modules['pyarrow'] = None; import belatam.arrowdata as a; a.to_arrow('countries')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError:"), done.stderr
    assert "'arrow' extra" in last


def test_docstring_examples() -> None:
    result = doctest.testmod(importlib.import_module("belatam.arrowdata"))
    assert result.attempted >= 2
    assert result.failed == 0
