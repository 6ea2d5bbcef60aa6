"""Arrow tables and Parquet files: a schema per record type derived from the column model, read back by DuckDB.

Needs the test-extras. The whole derived schemas are a reviewed contract in
``tests/snapshots/arrow-schemas.txt`` (see test_export_snapshots.py); the tests
here check what the schemas promise and that every table has its type's schema.
"""

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
from belatam.errors import InvalidTypeError, InvalidValueError
from belatam.exports import export
from belatam.exports.arrow import schema, to_arrow, write_parquet
from belatam.model import KINDS, Kind, record_type
from belatam.model.columns import columns
from belatam.model.schema import describe


@pytest.fixture(scope="module")
def parquet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    written = write_parquet(folder)
    assert written[: len(KINDS)] == [folder / f"{kind}.parquet" for kind in KINDS]
    return folder


# -- the schema ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_has_a_field_per_column_nullable_where_a_value_may_be_missing(kind: Kind) -> None:
    arrow_schema = schema(kind)
    by_column = {c.name: c for c in columns(record_type(kind), days=True)}
    assert arrow_schema.names == list(by_column)
    for field in arrow_schema:
        assert field.nullable == by_column[field.name].optional, (kind, field.name)


def test_integers_are_int64_everywhere() -> None:
    integers = [(kind, f.name, f.type) for kind in KINDS for f in schema(kind) if pa.types.is_integer(f.type)]
    assert {(kind, name) for kind, name, _ in integers} >= {("trade", "year"), ("events", "round")}
    assert {t for _, _, t in integers} == {pa.int64()}
    (source, paragraph) = schema("events").field("sources").type.value_type
    assert (source.name, paragraph.name, paragraph.type, paragraph.nullable) == (
        "source",
        "paragraph",
        pa.int64(),
        True,
    )


def test_derived_fields_are_columns_before_the_sources() -> None:
    for kind, derived in (
        ("partnerships", ["strategic"]),
        ("people", ["countries"]),
        ("trade", ["balance", "balance_precision"]),
        ("missions", ["honorary"]),
    ):
        names = schema(kind).names  # type: ignore[arg-type]
        assert names[-len(derived) - 1 :] == [*derived, "sources"], kind
    assert schema("trade").field("balance").type == pa.decimal128(20, 0)
    assert schema("partnerships").field("strategic").type == pa.bool_()
    assert schema("people").field("countries").type == pa.list_(pa.string())


def test_the_schema_of_a_kind_ignores_case_and_blanks() -> None:
    assert schema(" Trade ") == schema("trade")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", KINDS)
def test_tables_have_the_schema_and_a_row_per_record(kind: Kind, data: Dataset) -> None:
    table = to_arrow(kind)
    assert table.schema == schema(kind)
    assert table.num_rows == len(data.records()[kind])
    table.validate(full=True)


def test_enum_dictionaries_hold_every_value() -> None:
    missions = to_arrow("missions").column("kind").combine_chunks()
    assert missions.dictionary.to_pylist() == [k.value for k in belatam.MissionKind]
    assert missions.to_pylist() == [m.kind.value for m in belatam.dataset().records()["missions"]]
    visits = to_arrow("events").column("visit").combine_chunks()
    assert visits.dictionary.to_pylist() == [k.value for k in belatam.VisitKind]
    assert visits.null_count == sum(e.visit is None for e in belatam.events())


def test_money_is_exact() -> None:
    figures = belatam.trade(2018)
    (row,) = [row for row in to_arrow("trade").to_pylist() if row["id"] == figures.id]
    for name in ("turnover", "exports", "imports", "balance"):
        assert row[name] == getattr(figures, name)
        assert type(row[name]) is Decimal
    assert row["main_exports"] == list(figures.main_exports)


def test_lists_sources_and_roles_keep_their_structure() -> None:
    people = {row["id"]: row for row in to_arrow("people").to_pylist()}
    makei = belatam.person("per-makei")

    def plain(value: object) -> object:  # a role's field as the export holds it: text, or None
        return None if value is None else str(value)

    assert people["per-makei"]["roles"] == [
        {f.name: plain(getattr(r, f.name)) for f in describe(belatam.Role).fields} for r in makei.roles
    ]
    assert people["per-makei"]["roles"][0]["office"] == "foreign_minister"
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
        "2021-10-27/..",
        "2021-10-27",
        None,
    )


@settings(max_examples=20, deadline=None)
@given(datasets())
def test_any_data_set_fits_the_schema(ds: Dataset) -> None:
    for kind, records in ds.records().items():
        table = to_arrow(kind, ds)
        assert table.schema == schema(kind)
        assert table.num_rows == len(records)


# -- query results -------------------------------------------------------------------


def test_a_query_result_is_the_table_of_its_records() -> None:
    events = belatam.events(year=2018)
    assert len(events) > 1
    table = belatam.to_arrow(events)
    assert table.schema == schema("events")
    whole = {row["id"]: row for row in to_arrow("events").to_pylist()}
    assert table.to_pylist() == [whole[e.id] for e in events]  # the query's records, in its order


def test_any_records_of_one_type_make_a_table() -> None:
    table = to_arrow(m for m in belatam.missions() if m.receiving == "BY")
    assert table.schema == schema("missions")
    assert table.column("receiving").to_pylist() == ["BY"] * len(belatam.missions(receiving="BY"))
    (row,) = to_arrow([belatam.trade(2018)]).to_pylist()
    assert row["balance"] == belatam.trade(2018).balance


def listing(kind: Kind) -> str:
    """The query that lists records of ``kind`` (``heads`` lists postings), from the queries' declarations."""
    import inspect

    from belatam.query.dataset import Query

    return next(
        name
        for name, member in vars(Dataset).items()
        if isinstance(q := getattr(member, "__belatam__", None), Query)
        and q.kind == kind
        and not q.one
        and all(p.kind is p.KEYWORD_ONLY for p in list(inspect.signature(member).parameters.values())[1:])
    )


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_query_result_keeps_its_types_schema(kind: Kind) -> None:
    empty = Dataset()
    result = empty.records()["trade"] if kind == "trade" else getattr(empty, listing(kind))()  # trade: look-ups only
    table = to_arrow(result)
    assert table.num_rows == 0
    assert table.schema == schema(kind)
    table.validate(full=True)


def test_mixed_or_untyped_records_are_a_value_error() -> None:
    with pytest.raises(InvalidValueError, match=r"mixes record types \(Country, TradeFigures\)"):
        to_arrow([belatam.country("CU"), belatam.trade(2018)])
    with pytest.raises(InvalidValueError, match="holds no records"):
        to_arrow([])
    with pytest.raises(InvalidTypeError, match="data is for a record type's name"):
        to_arrow(belatam.events(), data=belatam.dataset())


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
    # an undated event whose bounds lie inside 2018 lies in it too, after the dated ones
    rows = sql(
        """
        SELECT id FROM 'events.parquet'
        WHERE (date IS NOT NULL
               AND coalesce(date_start, DATE '0001-01-01') <= DATE '2018-12-31'
               AND coalesce(date_end, DATE '9999-12-31') >= DATE '2018-01-01')
           OR (date IS NULL AND not_before_start >= DATE '2018-01-01' AND not_after_end <= DATE '2018-12-31')
        ORDER BY date IS NULL, date_start, date_end, id
        """,
        parquet_dir,
    )
    expected = [e.id for e in belatam.events(year=2018)]
    assert expected
    assert [id_ for (id_,) in rows] == expected


def test_trade_and_missions_in_sql(parquet_dir: Path) -> None:
    region = sql("SELECT exports, balance FROM 'trade.parquet' WHERE year = 2018 AND partner IS NULL", parquet_dir)
    assert region == [(belatam.trade(2018).exports, belatam.trade(2018).balance)]
    counts = dict(sql("SELECT kind, count(*) FROM 'missions.parquet' GROUP BY kind", parquet_dir))
    every = belatam.dataset().records()["missions"]  # the file holds every mission, past ones too
    assert counts == {k.value: sum(m.kind is k for m in every) for k in belatam.MissionKind}
    cuba = sql(
        "SELECT count(*) FROM 'events.parquet' WHERE list_contains(countries, 'CU')",
        parquet_dir,
    )
    assert cuba == [(len(belatam.events(country="CU")),)]


def test_export_parquet_is_write_parquet(tmp_path: Path) -> None:
    written = export(tmp_path, "parquet")
    assert [p.name for p in written] == [f"{kind}.parquet" for kind in KINDS] + [f"{k}.schema.json" for k in KINDS]
    assert pq.read_table(written[len(KINDS) - 1]).num_rows == len(belatam.dataset().records()[KINDS[-1]])


# -- arguments and the missing extra -------------------------------------------------


def test_bad_arguments() -> None:
    with pytest.raises(InvalidValueError, match="valid: sources, countries"):
        to_arrow("palace")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="valid: sources, countries"):
        schema("palace")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="what must be a record type"):
        to_arrow(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="kind must be a record type"):
        schema(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="data"):
        to_arrow("events", data=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="directory"):
        write_parquet(None)  # type: ignore[arg-type]


def test_without_pyarrow_the_error_names_the_extra() -> None:
    code = "import sys; sys.modules['pyarrow'] = None; import belatam.exports.arrow as a; a.to_arrow('countries')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError:"), done.stderr
    assert "'arrow' extra" in last


def test_docstring_examples() -> None:
    result = doctest.testmod(importlib.import_module("belatam.exports.arrow"))
    assert result.attempted >= 2
    assert result.failed == 0
