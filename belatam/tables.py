"""Records as rows of text: the cells, columns and plain-text tables that the
command line and the notebook display share.

A cell is the short text of one field value, the same in a terminal and in
HTML: a date in its EDTF form (``2018-11``, ``2018-02/2018-11``), an enum as
its value (``honorary_consulate``), money with thousands separators
(``853,800,000``), yes/no for booleans, a source reference as
``src-mfa-2019 ¶8``, a person's post as ``title (CC)``, and a tuple as its
items joined by ``", "`` (``"; "`` for sources and posts). None, and an empty
tuple, are an empty cell.

    >>> print(format_table(["code", "name"], [["CU", "Cuba"], ["VE", "Venezuela"]]))
    code  name
    ----  ---------
    CU    Cuba
    VE    Venezuela

Only the standard library and attrs are used here.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal

import attrs

from belatam.dates import PartialDate, Period
from belatam.model import Role, SourceRef, TradeFigures

__all__ = [
    "DERIVED",
    "LONG",
    "cell",
    "field_names",
    "format_table",
    "is_number",
    "record_rows",
    "shorten",
]

LONG = 40
"""A column whose cells can be longer than this many characters counts as long text."""

DERIVED: dict[type, tuple[str, ...]] = {TradeFigures: ("balance",)}
"""Derived properties shown after the fields, as if they were fields."""


def cell(value: object) -> str:
    """The text of one field value (see the module docstring).

    >>> cell(Decimal("853800000")), cell(True), cell(None), cell(("CL", "CO"))
    ('853,800,000', 'yes', '', 'CL, CO')
    >>> cell(PartialDate(2018, 11)), cell(SourceRef(source="src-mfa-2019", paragraph=8))
    ('2018-11', 'src-mfa-2019 ¶8')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Role):
        where = value.country if value.organization is None else f"{value.country}, {value.organization}"
        return f"{value.title} ({where})"
    if isinstance(value, (PartialDate, Period, SourceRef)):
        return str(value)
    if isinstance(value, tuple):
        separator = "; " if any(isinstance(item, (Role, SourceRef)) for item in value) else ", "
        return separator.join(cell(item) for item in value)
    return " ".join(str(value).split()) if isinstance(value, str) and "\n" in value else str(value)


def is_number(value: object) -> bool:
    """Whether a value is a number, whose column reads best aligned to the right."""
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters, at a word where possible, ending in "…"."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls)) + DERIVED.get(cls, ())


def record_rows(record: object) -> list[tuple[str, str]]:
    """(field name, cell) for every field of a record, in field order, derived ones last."""
    return [(name, cell(getattr(record, name))) for name in _names(type(record))]


def field_names(records: Sequence[object]) -> list[str]:
    """The columns for a table of records: their classes' fields, short ones first.

    The first field (the record's key: ``id``, ``code``, ``year``) stays
    first. Of the others, a field is long when one of the records has a cell
    longer than `LONG` characters for it (a summary, a description, the
    sources); the short fields come next and the long ones last, each group in
    field order. Records of several classes give every field of each class once.
    """
    names: list[str] = []
    for cls in dict.fromkeys(type(record) for record in records):
        names += [name for name in _names(cls) if name not in names]
    long = {name for name in names[1:] if any(len(cell(getattr(r, name, None))) > LONG for r in records)}
    return [n for n in names if n not in long] + [n for n in names if n in long]


def format_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], *, right: Collection[int] = (), gap: str = "  "
) -> str:
    """Rows of cells as aligned plain text: a header row, a rule of dashes, one line per row.

    Columns ``right`` (their indexes) are aligned to the right, the others to
    the left; no line has trailing blanks.
    """
    body = [[" ".join(c.split()) if "\n" in c else c for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        if len(row) != len(headers):
            raise ValueError(f"a row has {len(row)} cells for {len(headers)} columns: {row!r}")
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return gap.join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(row) for row in body)])
