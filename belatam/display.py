"""HTML for notebooks: one record as a field/value table, many as a table of rows.

Jupyter shows an object through its ``_repr_html_`` method; these functions
are what the record classes and query results return there. Every text is
escaped; the cells are those of the command line (`belatam.tables.cell`):
dates in EDTF, enums as their values, sources as ``src-mfa-2019 ¶8``.

    >>> import belatam
    >>> html = record_html(belatam.country("CU"))
    >>> html.startswith("<table") and ">Cuba</td>" in html
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from belatam.tables import cell, field_names, is_number, record_rows, shorten

__all__ = ["MAX_CELL", "record_html", "records_html"]

MAX_CELL = 80
"""Longer cells of `records_html` are cut to this many characters; the full text is their tooltip."""

_LEFT = ' style="text-align: left; vertical-align: top"'
_RIGHT = ' style="text-align: right; vertical-align: top"'


def _text(name: str, text: str) -> str:
    if name == "url" and text.startswith(("https://", "http://")):
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(text)


def record_html(record: object) -> str:
    """One record as an HTML table: a header row, then a row per field (name, value).

    Every field is shown, in field order (with ``balance`` for trade figures);
    the caption is the record's class.
    """
    rows = "".join(
        f"<tr><th{_LEFT}>{escape(name)}</th><td{_LEFT}>{_text(name, text)}</td></tr>"
        for name, text in record_rows(record)
    )
    return (
        f'<table class="belatam-record"><caption>{escape(type(record).__name__)}</caption>'
        f"<thead><tr><th{_LEFT}>field</th><th{_LEFT}>value</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _cell_html(name: str, value: object) -> str:
    text = cell(value)
    style = _RIGHT if is_number(value) else _LEFT
    if len(text) > MAX_CELL:
        return f'<td{style} title="{escape(text)}">{escape(shorten(text, MAX_CELL))}</td>'
    return f"<td{style}>{_text(name, text)}</td>"


def records_html(records: Iterable[object]) -> str:
    """Records as an HTML table: a header row of field names, then one row per record.

    The columns are the record class's fields, key first and short ones
    before long ones (`belatam.tables.field_names`); a cell longer than
    `MAX_CELL` characters is cut, with the whole text as its tooltip. The
    caption counts the records; no records give a table with the caption only.
    """
    rows = tuple(records)
    names = field_names(rows)
    classes = ", ".join(dict.fromkeys(type(r).__name__ for r in rows))
    caption = f"{len(rows)} {'record' if len(rows) == 1 else 'records'}" + (f" ({classes})" if classes else "")
    head = "".join(f"<th{_LEFT}>{escape(name)}</th>" for name in names)
    body = "".join(
        "<tr>" + "".join(_cell_html(name, getattr(record, name, None)) for name in names) + "</tr>" for record in rows
    )
    thead = f"<thead><tr>{head}</tr></thead>" if names else ""
    return f'<table class="belatam-records"><caption>{escape(caption)}</caption>{thead}<tbody>{body}</tbody></table>'
