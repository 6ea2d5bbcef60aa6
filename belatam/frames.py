"""Records as pandas data frames, with real column types.

Needs pandas (belatam's ``pandas`` extra: ``pip install '.[pandas]'`` from a checkout); pandas is
imported when `to_frame` is called, never when belatam is.

    >>> missions = to_frame("missions")
    >>> list(missions["kind"].cat.categories)
    ['embassy', 'honorary_consulate']
    >>> to_frame("trade").loc[0, ["exports", "balance"]].tolist()
    [Decimal('853800000'), Decimal('349200000')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from belatam.tabular import Column, check_data, check_kind, columns, records, require

if TYPE_CHECKING:
    import pandas

    from belatam.queries import Dataset

__all__ = ["to_frame"]

_DTYPES = {
    "string": "string",
    "edtf": "string",
    "list": "string",
    "sources": "string",
    "roles": "string",
    "integer": "Int64",
    "boolean": "boolean",
}


def to_frame(kind: str, data: Dataset | None = None) -> pandas.DataFrame:
    """One data file's records as a `pandas.DataFrame`: a row per record, a column per field.

    ``kind`` is a data-file name: ``"sources"``, ``"countries"`` (Belarus
    included), ``"missions"``, ``"partnerships"``, ``"people"``,
    ``"organizations"``, ``"memberships"``, ``"agreements"``, ``"events"``,
    ``"statements"`` or ``"trade"``. ``data`` is a `Dataset` (the packaged one
    when None). Rows keep the data set's order; the index is a plain range.

    Columns follow the record class's fields, with these types:

    - text: pandas ``"string"``; whole numbers: nullable ``"Int64"``;
      yes/no: nullable ``"boolean"`` (missing values are ``<NA>``);
    - an enum field: a ``Categorical`` of the enum's values (``"embassy"`` ...),
      every value a category even where no record has it;
    - a date field gives three columns: ``<field>``, its EDTF string
      (``"2018-11"``, ``"2018-02/2018-11"``, ``"2016-01/.."``), and
      ``<field>_start`` / ``<field>_end``, ``datetime64[s]`` of its first and
      last possible day (``NaT`` where it has no date or that end is open);
    - money (``turnover``, ``exports``, ``imports`` and the derived ``balance``
      of ``"trade"``): exact `decimal.Decimal` objects in an ``object`` column,
      never floats; convert with ``.astype("int64")`` (whole units) if you
      want arithmetic at NumPy speed;
    - a tuple field (``countries``, ``participants``, ``aliases`` ...): one
      string, the items joined by ``|`` (``"BY|CU"``; an empty tuple is
      ``""``; a ``|`` or backslash inside an item is escaped with a backslash);
      ``sources`` as ``"src-mfa-2019#8|src-un-m49"`` (source id and
      ``#paragraph`` where one is cited); a person's ``roles`` as
      ``"title (CC)"`` or ``"title (CC, org-id)"``, joined the same way.

    An unknown ``kind`` is a `ValueError` naming the valid ones, a ``kind``
    or ``data`` of the wrong type a `TypeError`, and a missing pandas an
    `ImportError` naming the extra to install.
    """
    name = check_kind(kind)
    dataset = check_data(data)
    pd = require("pandas", "pandas")
    rows = records(name, dataset)
    table = {column.name: _series(pd, column, rows) for column in columns(name)}
    frame: pandas.DataFrame = pd.DataFrame(table, index=pd.RangeIndex(len(rows)))
    return frame


def _series(pd: Any, column: Column, rows: Sequence[object]) -> Any:
    values = [column.flat(row) for row in rows]
    if column.type == "enum":
        return pd.Categorical(values, categories=list(column.categories))
    if column.type in ("start", "end"):
        np = require("numpy", "pandas")
        days = np.array([None if v is None else v.isoformat() for v in values], dtype="datetime64[D]")
        return pd.Series(days.astype("datetime64[s]"), index=pd.RangeIndex(len(rows)))
    if column.type == "money":
        return pd.Series(values, dtype=object, index=pd.RangeIndex(len(rows)))
    return pd.array(values, dtype=_DTYPES[column.type])
