"""Each kind of value, once, in the forms the exports' schemas describe it.

A field's kind (`belatam.model.schema.FieldKind`: text, a whole number, a
date, money, a list ...) is read in the same way by every schema the package
writes. `ValueKind` holds what each needs: the JSON Schema of a value as the
JSON data files hold it (`belatam.exports.jsonschema`), and the Table Schema
type of its CSV cell with, in words, how that cell writes it
(`belatam.exports.datapackage`). A new kind of value is one entry in `VALUES`.

    >>> from belatam.model.schema import describe
    >>> from belatam.model.trade import TradeFigures
    >>> value_kind(describe(TradeFigures).field("exports")).table
    'integer'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from belatam.model.schema import Field
from belatam.read.codec import MAX_AMOUNT_DIGITS

__all__ = ["AMOUNT_PATTERN", "DATE_PATTERN", "PERIOD_PATTERN", "VALUES", "ValueKind", "value_kind"]

_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
_DATE = f"{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"

DATE_PATTERN = f"^{_DATE}$"
"""An EDTF date of a year, a month or a day (``2018``, ``2018-11``, ``2018-11-05``), year 0000 excluded.

Its form only: that the day exists in its month (no 30 February) is the loader's check."""

PERIOD_PATTERN = f"^(?:{_DATE}(?:/(?:{_DATE}|\\.\\.)?)?|(?:\\.\\.)?/{_DATE})$"
"""A date, or an EDTF interval with at least one end (``2018-02/2018-11``, ``2016-01/..``, ``../2019``)."""

AMOUNT_PATTERN = f"^(?:0|[1-9][0-9]{{0,{MAX_AMOUNT_DIGITS - 1}}})$"
"""Money in the JSON files: whole units as a string of digits, no sign, leading zero or exponent."""


class ValueKind:
    """One kind of value: its JSON Schema in the data files, its Table Schema type and form in CSV."""

    __slots__ = ("form", "json", "table")

    def __init__(self, json: Mapping[str, Any], table: str, form: str = "") -> None:
        self.json = json
        """The JSON Schema of one value in the JSON data files (a list's items are added per field)."""
        self.table = table
        """The Table Schema type of its CSV cell."""
        self.form = form
        """How a CSV cell writes it, in a sentence (empty where the type says it all)."""

    def __repr__(self) -> str:
        return f"<ValueKind {self.table} {dict(self.json)}>"


_DATE_FORM = "In EDTF: YYYY, YYYY-MM, YYYY-MM-DD, or START/END with '..' for an open end."

VALUES: dict[str, ValueKind] = {
    "text": ValueKind({"type": "string"}, "string"),
    "integer": ValueKind({"type": "integer"}, "integer"),
    "boolean": ValueKind({"type": "boolean"}, "boolean"),
    "vocabulary": ValueKind({"type": "string"}, "string"),
    "money": ValueKind(
        {"type": "string", "pattern": AMOUNT_PATTERN},
        "integer",
        "Whole units of the currency in the currency column, exactly as the source states them.",
    ),
    "date": ValueKind({"type": "string", "pattern": DATE_PATTERN}, "string", _DATE_FORM),
    "period": ValueKind({"type": "string", "pattern": PERIOD_PATTERN}, "string", _DATE_FORM),
    "texts": ValueKind(
        {"type": "array", "items": {"type": "string"}},
        "string",
        "A list: items separated by '|' (a '|' or backslash inside an item is escaped with a backslash).",
    ),
    "records": ValueKind({"type": "array"}, "string", "A list separated by '|' (escaped as for lists)."),
    "day": ValueKind({"type": "string", "format": "date"}, "date"),
}
"""Every kind of value by name: the field kinds, ``period`` (a date field that also takes a
period) and ``day`` (the first- and last-day columns of tables)."""


def value_kind(field: Field, part: str = "value") -> ValueKind:
    """The kind of value of a field (or of its first- and last-day columns, ``part`` "start" or "end")."""
    if part != "value":
        return VALUES["day"]
    if field.kind == "date" and field.periods:
        return VALUES["period"]
    return VALUES[field.kind]
