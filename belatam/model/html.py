"""HTML for notebooks: a record as a field/value table, records as a table of rows.

Jupyter shows an object through its ``_repr_html_`` method; records and query
results return these. The cells are the column model's `text`; every text is
escaped, and a URL is a link.

    >>> import belatam
    >>> html = record_html(belatam.country("CU"))
    >>> html.startswith("<table") and ">Cuba</td>" in html
    True
    >>> "<caption>0 records (Event)</caption>" in records_html(belatam.events(year=1900))
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from belatam.model.columns import Column, columns, text
from belatam.text import shorten

__all__ = ["MAX_CELL", "record_html", "records_html"]

MAX_CELL = 80
"""Longer cells of `records_html` are cut to this many characters; the whole text is their tooltip."""

_LEFT = ' style="text-align: left; vertical-align: top"'
_RIGHT = ' style="text-align: right; vertical-align: top"'


def _content(name: str, cell: str) -> str:
    if name == "url" and cell.startswith(("https://", "http://")):
        return f'<a href="{escape(cell)}">{escape(cell)}</a>'
    return escape(cell)


def record_html(record: object) -> str:
    """One record as an HTML table: a header row, then a row per field (name, value)."""
    rows = "".join(
        f"<tr><th{_LEFT}>{escape(c.name)}</th><td{_LEFT}>{_content(c.name, text(c.raw(record)))}</td></tr>"
        for c in columns(type(record))
    )
    return (
        f'<table class="belatam-record"><caption>{escape(type(record).__name__)}</caption>'
        f"<thead><tr><th{_LEFT}>field</th><th{_LEFT}>value</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _cell(column: Column, record: object) -> str:
    value = column.raw(record)
    cell = text(value)
    style = _RIGHT if column.kind.numeric else _LEFT
    if len(cell) > MAX_CELL:
        return f'<td{style} title="{escape(cell)}">{escape(shorten(cell, MAX_CELL))}</td>'
    return f"<td{style}>{_content(column.name, cell)}</td>"


def records_html(records: Iterable[object], *, as_of: object = None, unknown: Iterable[object] = ()) -> str:
    """Records as an HTML table: a header row of field names, then one row per record.

    The columns are the record class's fields, long texts last; a cell longer
    than `MAX_CELL` characters is cut, with the whole text as its tooltip.
    The caption counts the records, and gives the day they describe where
    they hold for a while (``as_of``: missions, memberships), and how many the
    sources cannot place on that day (``unknown``). An empty query result (a
    `Results` that knows its ``record_type``) still shows the columns of its type.
    """
    rows = tuple(records)
    known = getattr(records, "record_type", None)
    classes = [type(r) for r in rows] or ([known] if isinstance(known, type) else [])
    table: list[Column] = []
    for cls in dict.fromkeys(classes):
        names = {c.name for c in table}
        table += [c for c in columns(cls) if c.name not in names]
    table = [c for c in table if not c.field.long] + [c for c in table if c.field.long]
    kinds = ", ".join(dict.fromkeys(cls.__name__ for cls in classes))
    caption = f"{len(rows)} {'record' if len(rows) == 1 else 'records'}" + (f" ({kinds})" if kinds else "")
    if as_of is not None:
        caption += f", in force on {as_of}"
    doubtful = len(tuple(unknown))
    if doubtful:
        caption += f"; and {doubtful} not known {'on that day' if as_of is not None else 'in the span asked'}"
    head = "".join(f"<th{_LEFT}>{escape(c.name)}</th>" for c in table)
    body = "".join(
        "<tr>" + "".join(_cell(c, r) if hasattr(r, c.field.name) else f"<td{_LEFT}></td>" for c in table) + "</tr>"
        for r in rows
    )
    thead = f"<thead><tr>{head}</tr></thead>" if table else ""
    return f'<table class="belatam-records"><caption>{escape(caption)}</caption>{thead}<tbody>{body}</tbody></table>'
