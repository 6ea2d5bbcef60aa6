"""The flat columns every export shares (standard library only: runs without the extras)."""

from __future__ import annotations

import doctest
import importlib
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import belatam
from belatam import Person, Role, SourceRef
from belatam.checks import FILES
from belatam.errors import InvalidTypeError, InvalidValueError
from belatam.tabular import KINDS, _classify, check_data, check_directory, check_kind, columns, join, require


def test_kinds_are_the_data_files() -> None:
    assert KINDS == tuple(FILES) == tuple(belatam.dataset().records())


@pytest.mark.parametrize("kind", list(FILES))
def test_every_field_has_its_columns(kind: str) -> None:
    names = [c.name for c in columns(kind)]
    expected: list[str] = []
    for field in attrs.fields(FILES[kind]):
        expected.append(field.name)
        if field.name in ("date", "signed", "since", "established", "opened", "relations_established") or (
            field.name in ("not_before", "not_after")
        ):
            expected += [f"{field.name}_start", f"{field.name}_end"]
        if kind == "trade" and field.name == "imports":
            expected.append("balance")
    assert names == expected
    assert len(set(names)) == len(names)


def test_column_types() -> None:
    trade = {c.name: c for c in columns("trade")}
    assert {trade[n].type for n in ("turnover", "exports", "imports", "balance")} == {"money"}
    assert trade["year"].type == "integer"
    assert not trade["year"].nullable
    events = {c.name: c for c in columns("events")}
    assert (events["date"].type, events["date_start"].type, events["date_end"].type) == ("edtf", "start", "end")
    assert events["kind"].categories == tuple(k.value for k in belatam.EventKind)
    assert events["visit"].nullable
    assert events["summary"].categories == ()
    assert {c.type for c in columns("people")} == {"string", "list", "roles", "sources"}


def test_flat_values() -> None:
    figures = belatam.trade(2018)
    flat = {c.name: c.flat(figures) for c in columns("trade")}
    assert flat["balance"] == figures.balance == Decimal("349200000")
    assert flat["sources"] == "src-mfa-2019#8"
    person = Person(
        id="per-a",
        name="A",
        aliases=("x|y", "back\\slash"),
        roles=(Role(title="Minister", country="CU"), Role(title="Chair", country="BY", organization="org-b")),
        sources=(SourceRef(source="src-a", paragraph=3), SourceRef(source="src-b")),
    )
    flat = {c.name: c.flat(person) for c in columns("people")}
    assert flat == {
        "id": "per-a",
        "name": "A",
        "aliases": "x\\|y|back\\\\slash",
        "roles": "Minister (CU)|Chair (BY, org-b)",
        "sources": "src-a#3|src-b",
    }


def test_join() -> None:
    assert join([]) == ""
    assert join(["BY", "CU"]) == "BY|CU"
    assert join(["a|b", "c"]) == "a\\|b|c"


@pytest.mark.parametrize("kind", [" Events", "TRADE", "countries"])
def test_check_kind_accepts_any_case(kind: str) -> None:
    assert check_kind(kind) == kind.strip().lower()


def test_check_kind_errors() -> None:
    with pytest.raises(InvalidValueError, match=r"kind='event' is not a data file; valid: sources, countries"):
        check_kind("event")
    with pytest.raises(InvalidTypeError, match="kind must be a data-file name"):
        check_kind(None)


def test_check_data() -> None:
    assert check_data(None) is belatam.dataset()
    other = belatam.Dataset()
    assert check_data(other) is other
    with pytest.raises(InvalidTypeError, match=r"data must be a belatam\.Dataset"):
        check_data({})


def test_check_directory(tmp_path: Path) -> None:
    assert check_directory(str(tmp_path)) == tmp_path
    assert check_directory(tmp_path / "new") == tmp_path / "new"
    with pytest.raises(InvalidTypeError, match="directory"):
        check_directory(b"bytes")
    with pytest.raises(InvalidValueError, match="empty"):
        check_directory("")


def test_require_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    assert require("json", "none").__name__ == "json"
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        ImportError, match=r"'pandas' extra: pip install pandas, or from a checkout pip install '\.\[pandas\]'"
    ):
        require("pandas", "pandas")


def test_parquet_without_pyarrow_is_an_import_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from belatam.exporting import export

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"'arrow' extra"):
        export(tmp_path, "parquet")
    with pytest.raises(ImportError, match=r"'arrow' extra"):
        belatam.to_arrow("trade")


def test_frames_without_pandas_is_an_import_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        ImportError, match=r"'pandas' extra: pip install pandas, or from a checkout pip install '\.\[pandas\]'"
    ):
        belatam.to_frame("trade")


@pytest.mark.parametrize("hint", [float, list[str], tuple[int, ...], dict[str, str]])
def test_a_field_type_without_a_column_type_is_refused(hint: Any) -> None:
    with pytest.raises(TypeError, match="no column type"):
        _classify("field", hint)


@pytest.mark.parametrize("name", ["belatam.tabular", "belatam.exporting"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1
    assert result.failed == 0
