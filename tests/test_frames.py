"""pandas frames of the records: real dtypes, exact money, date bounds, list columns (needs the test-extras).

`to_frame` takes a record type's name or any query result (records of one type).
"""

from __future__ import annotations

import datetime
import doctest
import importlib
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from strategies import datasets

import belatam
from belatam import Dataset, PartialDate, Period
from belatam.errors import InvalidTypeError, InvalidValueError
from belatam.exports.frames import to_frame
from belatam.model import KINDS, Kind, record_type
from belatam.model.columns import Column, columns
from belatam.model.schema import describe


def columns_of(kind: str) -> tuple[Column, ...]:
    return columns(record_type(kind), days=True)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def frames(data: Dataset) -> dict[str, pd.DataFrame]:
    return {kind: to_frame(kind) for kind in KINDS}


def test_one_row_per_record_and_one_column_per_flat_field(frames: dict[str, pd.DataFrame], data: Dataset) -> None:
    for kind, records in data.records().items():
        frame = frames[kind]
        assert len(frame) == len(records), kind
        assert list(frame.columns) == [c.name for c in columns_of(kind)], kind
        assert list(frame.index) == list(range(len(records)))
    codes = [c.code for c in data.records()["countries"] if isinstance(c, belatam.Country)]
    assert list(frames["countries"]["code"]) == codes
    assert len(codes) == 34
    assert list(frames["events"].columns[:5]) == ["id", "kind", "date", "date_start", "date_end"]


def test_dtypes(frames: dict[str, pd.DataFrame]) -> None:
    events = frames["events"].dtypes
    assert events["id"] == "string"
    assert events["summary"] == "string"
    assert events["date"] == "string"
    assert events["date_start"] == "datetime64[s]"
    assert events["date_end"] == "datetime64[s]"
    assert events["round"] == "Int64"
    assert events["participants"] == "object"
    assert events["sources"] == "object"
    assert isinstance(events["kind"], pd.CategoricalDtype)
    assert isinstance(events["visit"], pd.CategoricalDtype)
    assert frames["countries"].dtypes["relations"] == "boolean"
    assert frames["partnerships"].dtypes["treaties"] == "Int64"
    assert frames["partnerships"].dtypes["strategic"] == "boolean"
    assert frames["trade"].dtypes["year"] == "Int64"
    for kind, frame in frames.items():
        for column in columns_of(kind):  # every column has the dtype its kind of value makes, whichever kind
            expected = column.kind.series(pd, column, [], pd.RangeIndex(0)).dtype
            assert frame.dtypes[column.name] == expected, (kind, column.name, frame.dtypes[column.name])


def test_categories_are_every_enum_value(frames: dict[str, pd.DataFrame]) -> None:
    cases = {
        (kind, field.name): field.vocabulary
        for kind in KINDS
        for field in describe(record_type(kind)).all_fields()
        if field.vocabulary is not None
    }
    assert {("missions", "kind"), ("events", "visit"), ("memberships", "role"), ("trade", "kind")} <= set(cases)
    found = {(kind, c.name) for kind in KINDS for c in columns_of(kind) if c.kind == "vocabulary"}
    assert found == set(cases)
    for (kind, name), vocabulary in cases.items():
        assert vocabulary is not None
        assert list(frames[kind][name].cat.categories) == [m.value for m in vocabulary]
    assert list(frames["missions"]["kind"]) == [m.kind.value for m in belatam.dataset().records()["missions"]]
    visits = frames["events"]["visit"]
    assert visits.isna().sum() == sum(e.visit is None for e in belatam.events())


def test_money_is_exact_decimal(frames: dict[str, pd.DataFrame]) -> None:
    figures = belatam.trade(2018)
    row = frames["trade"].set_index("id").loc[figures.id]
    for name in ("turnover", "exports", "imports", "balance"):
        assert type(row[name]) is Decimal, name
        assert row[name] == getattr(figures, name), name
    assert row["exports"] == Decimal("853800000")
    assert row["balance"] == figures.exports - figures.imports
    assert row["currency"] == "USD"
    assert row["main_exports"] == ["fertilizers", "complex technical products"]


def test_date_bounds(frames: dict[str, pd.DataFrame], data: Dataset) -> None:
    events = frames["events"].set_index("id")
    for event in data.events():
        row = events.loc[event.id]
        if event.date is None:
            assert pd.isna(row["date"])
            assert pd.isna(row["date_start"])
            assert pd.isna(row["date_end"])
        else:
            assert row["date"] == str(event.date)
            assert row["date_start"] == pd.Timestamp(event.date.first_day())
            assert row["date_end"] == pd.Timestamp(event.date.last_day())
    month = next(e for e in data.events() if isinstance(e.date, PartialDate) and e.date.precision == "month")
    assert events.loc[month.id, "date_start"].day == 1
    assert (events.loc[month.id, "date_end"] + pd.Timedelta(days=1)).day == 1
    sources = frames["sources"].set_index("id")
    span = next(s for s in data.sources() if isinstance(s.date, Period) and s.date.end is not None)
    assert sources.loc[span.id, ["date", "date_start", "date_end"]].tolist() == [
        str(span.date),
        pd.Timestamp(span.date.first_day()),
        pd.Timestamp(span.date.last_day()),
    ]
    sources = frames["sources"].set_index("id")
    assert sources.loc["src-mfa-2021", "date"] == "2021-10-27/.."
    assert sources.loc["src-mfa-2021", "date_start"] == pd.Timestamp("2021-10-27")
    assert pd.isna(sources.loc["src-mfa-2021", "date_end"])  # an open end
    assert sources.loc["src-mfa-2019", "date_end"] == pd.Timestamp("2019-12-09")


def test_list_fields_are_real_lists(frames: dict[str, pd.DataFrame], data: Dataset) -> None:
    agreements = frames["agreements"].set_index("id")
    for agreement in data.agreements():
        parties = agreements.loc[agreement.id, "parties"]
        assert type(parties) is list
        assert parties == list(agreement.parties)
    people = frames["people"].set_index("id")
    assert people.loc["per-lukashenko", "roles"] == ["President of Belarus (BY)"]
    assert people.loc["per-makei", "roles"] == ["Minister of Foreign Affairs of Belarus (BY, org-mfa-belarus)"]
    assert people.loc["per-makei", "countries"] == ["BY"]
    trade = frames["trade"].set_index("id")
    assert trade.loc[belatam.trade(2018).id, "sources"] == ["src-mfa-2019#8"]
    countries = frames["countries"].set_index("code")
    assert countries.loc["AG", "sources"] == [str(r) for r in belatam.country("AG").sources]
    assert countries.loc["AG", "sources"][:2] == ["src-un-m49", "src-mfa-2019#3"]
    assert "Антыгуа і Барбуда (be)" in countries.loc["AG", "names"]
    assert countries.loc["AG", "aliases"] == []
    for kind, frame in frames.items():
        for column in columns_of(kind):
            if column.kind in ("texts", "records"):
                assert all(type(v) is list for v in frame[column.name]), (kind, column.name)


def test_lists_explode_into_the_long_form(frames: dict[str, pd.DataFrame], data: Dataset) -> None:
    long = frames["events"].explode("countries")
    pairs = [(i, c) for i, c in zip(long["id"], long["countries"], strict=True) if not pd.isna(c)]
    assert pairs == [(e.id, code) for e in data.events() for code in e.countries]
    # a record with an empty list keeps one row, with NA: the long form loses no record
    assert set(long["id"]) == {e.id for e in data.events()}
    statements = frames["statements"].explode("countries")
    by_country = statements.groupby("countries")["id"].apply(sorted).to_dict()
    assert by_country["PA"] == [s.id for s in belatam.statements(country="PA")]
    countries = frames["countries"][["code", "name"]]
    joined = statements.merge(countries, left_on="countries", right_on="code")
    assert set(joined.loc[joined["id"] == "stm-colombia-panama-ecuador", "name"]) == {"Colombia", "Panama", "Ecuador"}


def test_missing_values_are_na(frames: dict[str, pd.DataFrame]) -> None:
    countries = frames["countries"].set_index("code")
    assert countries.loc["BY", "relations"] is pd.NA
    assert countries.loc["CU", "relations"].item() is True
    assert countries.loc["BY", "subregion"] is pd.NA
    assert frames["partnerships"]["treaties"].isna().any()


@settings(max_examples=25, deadline=None)
@given(datasets())
def test_any_data_set_gives_frames_of_its_size(ds: Dataset) -> None:
    for kind, records in ds.records().items():
        frame = to_frame(kind, ds)
        assert len(frame) == len(records)
        assert list(frame.columns) == [c.name for c in columns_of(kind)]
        for column in columns_of(kind):
            if column.part == "start":
                expected = [
                    None
                    if (d := getattr(r, column.field.name)) is None or (isinstance(d, Period) and d.start is None)
                    else d.first_day()
                    for r in records
                ]
                got = [None if pd.isna(v) else v.date() for v in frame[column.name]]
                assert got == expected, (kind, column.name)


def test_a_frame_of_an_empty_data_set_keeps_its_columns() -> None:
    frame = to_frame("trade", Dataset())
    assert len(frame) == 0
    assert list(frame.columns) == [c.name for c in columns_of("trade")]
    assert frame.dtypes["year"] == "Int64"
    frame = to_frame("events", Dataset())
    assert list(frame["kind"].cat.categories) == [k.value for k in belatam.EventKind]
    assert frame.dtypes["date_start"] == "datetime64[s]"


def test_dates_anywhere_in_1_to_9999_fit() -> None:
    source = belatam.Source(id="src-a", title="A", publisher="P", date=Period(PartialDate(1), PartialDate(9999, 12)))
    frame = to_frame("sources", Dataset(sources=[source]))
    assert frame.loc[0, "date_start"].to_pydatetime().date() == datetime.date(1, 1, 1)
    assert frame.loc[0, "date_end"].to_pydatetime().date() == datetime.date(9999, 12, 31)


@pytest.mark.parametrize("kind", ["country", "palace", "", "csv"])
def test_an_unknown_kind_is_a_value_error_listing_the_valid_ones(kind: str) -> None:
    with pytest.raises(InvalidValueError, match="valid: sources, countries, missions") as info:
        to_frame(kind)  # type: ignore[arg-type]
    assert repr(kind) in str(info.value)


def test_a_kind_ignores_case_and_blanks() -> None:
    assert len(to_frame(" Trade ")) == len(to_frame("trade")) > 1  # type: ignore[arg-type]


@pytest.mark.parametrize("what", [None, 1, Dataset, b"events", {"events": []}, belatam.trade])
def test_what_of_the_wrong_type_is_a_type_error(what: Any) -> None:
    with pytest.raises(InvalidTypeError, match="what must be a record type") as info:
        to_frame(what)
    assert "records such as belatam.events()" in str(info.value)


@pytest.mark.parametrize("what", [["events"], [1, 2], [belatam.SourceRef(source="src-a")]])
def test_records_that_are_not_belatam_records_are_a_type_error(what: Any) -> None:
    with pytest.raises(InvalidTypeError, match="what must hold belatam records"):
        to_frame(what)


def test_data_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="data"):
        to_frame("events", data="packaged")  # type: ignore[arg-type]


# -- query results -------------------------------------------------------------------


def test_a_query_result_is_the_frame_of_its_records(frames: dict[str, pd.DataFrame]) -> None:
    events = belatam.events(year=2018)
    assert len(events) > 1
    frame = belatam.to_frame(events)
    assert list(frame["id"]) == [e.id for e in events]  # the query's order
    assert list(frame.index) == list(range(len(events)))
    whole = frames["events"].set_index("id")
    pd.testing.assert_frame_equal(frame, whole.loc[[e.id for e in events]].reset_index())


@pytest.mark.parametrize(
    "records",
    [
        lambda: belatam.missions(kind="embassy"),
        lambda: list(belatam.countries(subregion="Caribbean")),
        lambda: (p for p in belatam.partnerships(strategic=True)),
        lambda: [belatam.trade(2018)],
        lambda: belatam.people(country="CU")[:1],
    ],
)
def test_any_records_of_one_type_make_a_frame(records: Any, frames: dict[str, pd.DataFrame]) -> None:
    expected = list(records())
    assert expected
    frame = to_frame(records())
    kind = {record_type(k): k for k in KINDS}[type(expected[0])]
    assert list(frame.columns) == list(frames[kind].columns)
    pd.testing.assert_frame_equal(frame.dtypes.to_frame(), frames[kind].dtypes.to_frame())
    assert len(frame) == len(expected)
    identity = frame.columns[0]
    assert list(frame[identity]) == [getattr(r, identity) for r in expected]


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
def test_an_empty_query_result_keeps_its_types_columns(kind: Kind, frames: dict[str, pd.DataFrame]) -> None:
    # every query on an empty data set answers with no records, but knows their type
    empty = Dataset()
    result = empty.records()["trade"] if kind == "trade" else getattr(empty, listing(kind))()  # trade: look-ups only
    assert len(result) == 0
    frame = to_frame(result)
    assert len(frame) == 0
    pd.testing.assert_series_equal(frame.dtypes, frames[kind].dtypes)


def test_an_empty_answer_of_the_packaged_data_keeps_its_columns() -> None:
    frame = belatam.to_frame(belatam.events(year=1900))
    assert list(frame.columns) == [c.name for c in columns_of("events")]
    assert list(frame["kind"].cat.categories) == [k.value for k in belatam.EventKind]
    assert frame.empty


def test_an_empty_result_of_a_type_that_is_not_a_record_type_is_a_type_error() -> None:
    from belatam.query.results import Results

    with pytest.raises(InvalidTypeError, match="what must hold belatam records, not SourceRef"):
        to_frame(Results((), belatam.SourceRef))


def test_records_without_a_type_are_a_value_error() -> None:
    with pytest.raises(InvalidValueError, match="holds no records, so its columns are unknown; give a record type"):
        to_frame([])


def test_mixed_records_are_a_value_error_naming_the_types() -> None:
    mixed = [belatam.trade(2018), belatam.country("CU"), belatam.country("VE")]
    with pytest.raises(InvalidValueError, match=r"mixes record types \(Country, TradeFigures\); give records of one"):
        to_frame(mixed)
    with pytest.raises(InvalidValueError, match="mixes record types"):
        to_frame([*belatam.events(year=2018), *belatam.agreements(year=2018)])


def test_records_need_no_data() -> None:
    with pytest.raises(InvalidTypeError, match="data is for a record type's name"):
        to_frame(belatam.events(), data=belatam.dataset())


# -- the missing extra and the examples ----------------------------------------------


def test_without_pandas_the_error_names_the_extra() -> None:
    code = "import sys; sys.modules['pandas'] = None; import belatam.exports.frames as f; f.to_frame('countries')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError:"), done.stderr
    assert "'pandas' extra" in last and "pip install '.[pandas]'" in last


def test_docstring_examples() -> None:
    result = doctest.testmod(importlib.import_module("belatam.exports.frames"))
    assert result.attempted >= 2
    assert result.failed == 0
