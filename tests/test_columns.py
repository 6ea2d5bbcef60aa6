"""The column model every table shares (`belatam.model.columns`) and its CSV cells (`belatam.exports.csv`).

Standard library only: runs without the extras.
"""

from __future__ import annotations

import csv
import datetime
import doctest
import importlib
import io
import typing
from decimal import Decimal
from typing import Any

import attrs
import pytest

import belatam
from belatam import (
    Event,
    EventKind,
    Name,
    PartialDate,
    Period,
    Person,
    Role,
    Source,
    SourceRef,
    TradeFigures,
    TradeKind,
)
from belatam.errors import DataError
from belatam.exports.csv import cell, csv_files, csv_text, join
from belatam.model import KINDS, record_type
from belatam.model.columns import columns, text
from belatam.model.schema import describe


def is_date(hint: Any) -> bool:
    """Whether a field annotation holds a `PartialDate` or `Period` (such a field gives three columns)."""
    return bool({PartialDate, Period} & {hint, *typing.get_args(hint)})


def derived_properties(cls: type) -> list[str]:
    """The properties of a record class marked with ``belatam.model.schema.derived``, in class order."""
    return [
        name
        for name, member in vars(cls).items()
        if isinstance(member, property) and hasattr(member.fget, "__belatam__")
    ]


DERIVED = {kind: derived_properties(record_type(kind)) for kind in KINDS}
"""The derived properties that are columns, placed before ``sources``: read from each class."""


def test_every_derived_filter_is_a_derived_column() -> None:
    """What a query filters on without storing it (a mission's ``honorary``) is a derived column too."""
    for kind in KINDS:
        schema = describe(record_type(kind))
        stored = {f.name for f in schema.fields}
        assert {f.name for f in schema.filters.values() if f.name not in stored} <= set(DERIVED[kind]), kind
    found = {(kind, name) for kind, names in DERIVED.items() for name in names}
    assert {("partnerships", "strategic"), ("people", "countries"), ("missions", "honorary")} <= found
    assert {("trade", "balance"), ("trade", "balance_precision"), ("organizations", "states")} <= found


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_its_columns(kind: str) -> None:
    cls = record_type(kind)  # type: ignore[arg-type]
    names = [c.name for c in columns(cls, days=True)]
    hints = typing.get_type_hints(cls)
    expected: list[str] = []
    for field in attrs.fields(cls):
        if field.name == "sources":
            continue
        expected.append(field.name)
        if is_date(hints[field.name]):
            expected += [f"{field.name}_start", f"{field.name}_end"]
    expected += DERIVED.get(kind, [])
    if "sources" in attrs.fields_dict(cls):
        expected.append("sources")
    assert names == expected
    assert len(set(names)) == len(names)


def test_without_days_a_date_is_one_column() -> None:
    from belatam.model.missions import Mission

    names = [c.name for c in columns(Mission)]
    assert "opened" in names
    assert not [n for n in names if n.endswith(("_start", "_end"))]
    assert [c.name for c in columns(Mission, days=True)][4:7] == ["opened", "opened_start", "opened_end"]


def test_column_kinds() -> None:
    trade = {c.name: c for c in columns(TradeFigures, days=True)}
    assert {trade[n].kind for n in ("turnover", "exports", "imports", "balance")} == {"money"}
    assert trade["year"].kind == "integer"
    assert not trade["year"].optional
    assert trade["main_exports"].kind == "texts"
    assert trade["sources"].kind == "records"
    events = {c.name: c for c in columns(Event, days=True)}
    assert [(events[n].kind, events[n].part) for n in ("date", "date_start", "date_end")] == [
        ("date", "value"),
        ("day", "start"),
        ("day", "end"),
    ]
    assert events["date_start"].field is events["date"].field
    assert events["kind"].field.vocabulary is EventKind
    assert events["visit"].optional
    assert events["summary"].field.vocabulary is None
    assert {c.kind for c in columns(Person)} == {"text", "texts", "records", "date"}  # died
    assert repr(events["date_end"]) == "<Column date_end>"


def test_first_and_last_day_columns_may_always_be_missing() -> None:
    # even where the date itself is required, an open end has no last day
    for kind in KINDS:
        for column in columns(record_type(kind), days=True):
            if column.part != "value":
                assert column.optional, (kind, column.name)


@pytest.mark.parametrize("kind", KINDS)
def test_table_columns_are_the_identity_then_the_marked_fields(kind: str) -> None:
    cls = record_type(kind)  # type: ignore[arg-type]
    every = [c.name for c in columns(cls)]
    table = columns(cls, table=True)
    identity = describe(cls).identity
    assert identity is not None
    assert table[0].name == identity.name
    assert all(c.field.table for c in table)
    assert [c.name for c in table] == [n for n in every if n in {c.name for c in table}]  # in field order
    assert "sources" not in [c.name for c in table]


def test_table_columns_of_trade_include_the_derived_balance() -> None:
    assert [c.name for c in columns(TradeFigures, table=True)] == [
        "id",
        "year",
        "kind",
        "partner",
        "period",
        "currency",
        "turnover",
        "exports",
        "imports",
        "balance",
    ]


def test_flat_values_are_plain_and_lists_are_lists() -> None:
    figures = belatam.trade(2018)
    flat = {c.name: c.flat(figures) for c in columns(TradeFigures)}
    assert flat["balance"] == figures.balance == Decimal("349200000")
    assert flat["sources"] == ["src-mfa-2019#8"]
    assert flat["main_exports"] == list(figures.main_exports)
    person = Person(
        id="per-a",
        name="A",
        aliases=("x|y", "back\\slash"),
        roles=(Role(title="Minister", country="CU"), Role(title="Chair", country="BY", organization="org-b")),
        names=(Name(text="А", lang="be", source="src-b"),),
        wikidata="Q1",
        sources=(SourceRef(source="src-a", paragraph=3), SourceRef(source="src-b")),
    )
    flat = {c.name: c.flat(person) for c in columns(Person)}
    assert flat == {
        "id": "per-a",
        "name": "A",
        "aliases": ["x|y", "back\\slash"],
        "roles": ["Minister (CU)", "Chair (BY, org-b)"],
        "names": ["А (be)"],
        "died": None,
        "wikidata": "Q1",
        "note": None,
        "countries": ["CU", "BY"],
        "sources": ["src-a#3", "src-b"],
    }
    assert all(type(v) is list for k, v in flat.items() if k not in ("id", "name", "died", "wikidata", "note"))


def test_raw_values_are_what_the_record_holds() -> None:
    makei = belatam.person("per-makei")
    roles = next(c for c in columns(Person) if c.name == "roles")
    assert roles.raw(makei) is makei.roles
    span = Period(PartialDate(2018, 2), PartialDate(2018, 11))
    event = Event(id="evt-a", kind=EventKind.VISIT, date=span, summary="s")
    by_name = {c.name: c for c in columns(Event, days=True)}
    assert by_name["date_end"].raw(event) is span
    assert by_name["kind"].raw(event) is EventKind.VISIT
    assert by_name["kind"].flat(event) == "visit"


@pytest.mark.parametrize(
    ("date", "flat"),
    [
        (None, (None, None, None)),
        (PartialDate(2018), ("2018", datetime.date(2018, 1, 1), datetime.date(2018, 12, 31))),
        (PartialDate(2016, 2), ("2016-02", datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))),
        (PartialDate(2018, 11, 5), ("2018-11-05", datetime.date(2018, 11, 5), datetime.date(2018, 11, 5))),
        (
            Period(PartialDate(2018, 2), PartialDate(2018, 11)),
            ("2018-02/2018-11", datetime.date(2018, 2, 1), datetime.date(2018, 11, 30)),
        ),
        (Period(PartialDate(2016, 1), None), ("2016-01/..", datetime.date(2016, 1, 1), None)),
        (Period(None, PartialDate(2019)), ("../2019", None, datetime.date(2019, 12, 31))),
    ],
)
def test_a_date_is_its_edtf_string_and_its_first_and_last_day(
    date: PartialDate | Period | None, flat: tuple[Any, ...]
) -> None:
    source = Source(id="src-a", title="A", publisher="P", date=date)
    assert tuple(c.flat(source) for c in columns(Source, days=True) if c.field.name == "date") == flat


def test_text_is_the_short_human_text_of_a_value() -> None:
    assert text(None) == ""
    assert (text(True), text(False)) == ("yes", "no")
    assert text(Decimal("853800000")) == "853,800,000"
    assert text(EventKind.VISIT) == "visit"
    assert text(("CL", "CO")) == "CL, CO"
    assert text(()) == ""
    assert text(PartialDate(2018, 11)) == "2018-11"
    assert text(3) == "3"
    assert text("one\n  two") == "one two"  # a text over several lines is one line in a table cell
    assert text(SourceRef(source="src-mfa-2019", paragraph=8)) == "src-mfa-2019#8"
    refs = (SourceRef(source="src-a", paragraph=3), SourceRef(source="src-b"))
    assert text(refs) == "src-a#3; src-b"  # nested records are set apart by semicolons
    roles = (Role(title="Minister, acting", country="CU"), Role(title="Chair", country="BY", organization="org-b"))
    assert text(roles) == "Minister, acting (CU); Chair (BY, org-b)"


def test_join() -> None:
    assert join([]) == ""
    assert join(["BY", "CU"]) == "BY|CU"
    assert join(["a|b", "c"]) == "a\\|b|c"
    assert join(["back\\slash"]) == "back\\\\slash"


def test_cells_are_the_csv_text_of_flat_values() -> None:
    assert cell(None) == ""
    assert (cell(True), cell(False)) == ("true", "false")
    assert cell(Decimal("853800000")) == "853800000"
    assert cell(Decimal("8.538E+8")) == "853800000"  # never an exponent
    assert cell(Decimal("10.0")) == "10"  # whole units stay whole numbers, as the Table Schema types them
    assert cell(datetime.date(2018, 2, 1)) == "2018-02-01"
    assert cell(["x|y", "back\\slash"]) == "x\\|y|back\\\\slash"
    assert cell([]) == ""
    assert cell(2018) == "2018"
    assert cell("text") == "text"


def test_csv_text_has_a_header_and_a_row_per_record() -> None:
    records = [
        TradeFigures(
            id="trd-2018",
            year=2018,
            currency="USD",
            turnover=Decimal(10),
            turnover_precision=Decimal(1),
            exports=Decimal(7),
            exports_precision=Decimal(1),
            imports=Decimal(3),
            imports_precision=Decimal(1),
            main_exports=("potash", "a|b"),
            sources=(SourceRef(source="src-a", paragraph=8),),
        ),
        TradeFigures(
            id="trd-2019",
            year=2019,
            kind=TradeKind.GOODS,
            currency="USD",
            turnover=Decimal(1),
            turnover_precision=Decimal(1),
            exports=Decimal(0),
            exports_precision=Decimal(1),
            imports=Decimal(10),
            imports_precision=Decimal(10),
        ),
    ]
    rows = list(csv.reader(io.StringIO(csv_text(TradeFigures, records, "trade.csv"))))
    header = ["id", "year", "kind", "partner", "period", "period_start", "period_end", "currency", "turnover"]
    header += ["turnover_precision", "exports"]
    header += ["exports_precision", "imports", "imports_precision", "main_exports", "note", "balance"]
    header += ["balance_precision"]
    assert rows == [
        [*header, "sources"],
        [
            "trd-2018",
            "2018",
            "",
            "",
            "",
            "",
            "",
            "USD",
            "10",
            "1",
            "7",
            "1",
            "3",
            "1",
            "potash|a\\|b",
            "",
            "4",
            "1",
            "src-a#8",
        ],
        ["trd-2019", "2019", "goods", "", "", "", "", "USD", "1", "1", "0", "1", "10", "10", "", "", "-10", "10", ""],
    ]
    assert csv_text(TradeFigures, [], "trade.csv") == ",".join(rows[0]) + "\r\n"


@pytest.mark.parametrize("title", ["carriage\rreturn", "line\nbreak", "both\r\n", 'quote " and, comma', "ends\r"])
def test_csv_text_reads_back_whatever_the_line_breaks_and_quotes(title: str) -> None:
    source = Source(id="src-a", title=title, publisher="P")
    written = csv_text(Source, [source], "sources.csv")
    (row,) = csv.DictReader(io.StringIO(written, newline=""))
    assert row["title"] == title


def test_csv_text_refuses_a_nul_character_naming_file_record_and_field() -> None:
    bad = Source(id="src-a", title="A", publisher="P", note="bad\x00note")
    with pytest.raises(DataError, match=r"out\.csv, record src-a, field 'note'.*NUL"):
        csv_text(Source, [bad], "out.csv")


def test_csv_files_are_utf8_one_per_kind(data: belatam.Dataset) -> None:
    files = csv_files(data)
    assert list(files) == [f"{kind}.csv" for kind in KINDS]
    countries = files["countries.csv"].decode("utf-8")
    assert countries.count("\n") == len(data.countries()) + 2  # the header, the 33, and Belarus
    belarus = next(row for row in csv.DictReader(io.StringIO(countries)) if row["code"] == "BY")
    assert belarus["name"] == belatam.country("BY").name
    assert belarus["relations"] == belarus["subregion"] == ""


@pytest.mark.parametrize("hint", [float, list[str], tuple[int, ...], dict[str, str], int | str])
def test_a_field_type_without_a_kind_is_refused(hint: Any) -> None:
    odd = attrs.make_class("Odd", {"value": attrs.field(type=hint)})
    with pytest.raises(TypeError, match="field 'value': the schema has no kind"):
        columns(odd)


@pytest.mark.parametrize("name", ["belatam.model.columns", "belatam.exports.csv"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1
    assert result.failed == 0
