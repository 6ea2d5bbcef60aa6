"""Records as pandas data frames, with real column types.

Needs pandas (belatam's ``pandas`` extra: ``pip install '.[pandas]'`` from a
checkout); pandas is imported when `to_frame` is called, never when belatam is.

    >>> missions = to_frame("missions")
    >>> list(missions["kind"].cat.categories)
    ['embassy', 'consulate_general', 'honorary_consulate']
    >>> import belatam
    >>> to_frame([belatam.trade(2018)]).loc[0, ["exports", "balance"]].tolist()
    [Decimal('853800000'), Decimal('349200000')]
    >>> peru = to_frame(belatam.events(country="PE"))
    >>> peru.loc[0, "countries"]
    ['CL', 'CO', 'MX', 'PE']
    >>> peru.explode("countries")["countries"].tolist()
    ['CL', 'CO', 'MX', 'PE']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from belatam.errors import InvalidTypeError, InvalidValueError, quote
from belatam.extras import require
from belatam.model import KINDS, Kind, check_kind, record_type
from belatam.model.columns import Column, columns
from belatam.query.packaged import given_or_packaged

if TYPE_CHECKING:
    import pandas

    from belatam.model.record import Record
    from belatam.query.dataset import Dataset

__all__ = ["kind_named", "records_of", "to_frame"]


def kind_named(kind: object, parameter: str = "kind") -> Kind:
    """A record type's name (case and surrounding blanks ignored), else an error listing the valid ones."""
    return check_kind(parameter, kind)


def records_of(what: object, data: Dataset | None, parameter: str = "what") -> tuple[type, Sequence[Any]]:
    """The record class and the records that ``what`` names: a record type's name, or records of one type."""
    if isinstance(what, str):
        kind = kind_named(what, parameter)
        return record_type(kind), given_or_packaged(data).records()[kind]
    if data is not None:
        raise InvalidTypeError("data is for a record type's name; records given as a query result need no data")
    if not isinstance(what, Iterable) or isinstance(what, (bytes, dict)):
        raise InvalidTypeError(
            f"{parameter} must be a record type ({', '.join(KINDS)}) or records such as belatam.events(), "
            f"not {type(what).__name__}: {quote(what)}"
        )
    records = tuple(what)
    classes = {type(r) for r in records}
    if len(classes) > 1:
        names = ", ".join(sorted(c.__name__ for c in classes))
        raise InvalidValueError(f"{parameter} mixes record types ({names}); give records of one type")
    # an empty query result still knows the type it answers with (Results.record_type)
    cls = classes.pop() if classes else getattr(what, "record_type", None)
    if cls is None:
        raise InvalidValueError(f"{parameter} holds no records, so its columns are unknown; give a record type")
    if cls not in {record_type(k) for k in KINDS} and not _answer_type(cls):
        name = cls.__name__ if isinstance(cls, type) else type(cls).__name__
        raise InvalidTypeError(f"{parameter} must hold belatam records, not {name}")
    return cls, records


def _answer_type(cls: object) -> bool:
    """A class of belatam's that answers a query without being a record type (`Role`, `Change`)."""
    from belatam.model.people import Role
    from belatam.read.releases import Change

    return cls in (Role, Change)


def to_frame(what: Kind | Iterable[Record], data: Dataset | None = None) -> pandas.DataFrame:
    """Records as a `pandas.DataFrame`: a row per record, a column per field.

    ``what`` is a record type's name (``"events"``: every record of that type
    in ``data``, the packaged data when None) or records of one type, such as
    a query's answer (``to_frame(belatam.events(year=2018))``). Rows keep the
    records' order; the index is a plain range.

    The columns are the record class's fields (derived ones such as a trade
    year's ``balance`` too), with these types:

    - text: pandas ``"string"``; whole numbers: nullable ``"Int64"``;
      yes/no: nullable ``"boolean"``;
    - an enum field: a ``Categorical`` of the enum's values, every value a
      category even where no record has it;
    - a date field gives three columns: ``<field>``, its EDTF string
      (``"2018-11"``, ``"2018-02/2018-11"``, ``"2016-01/.."``), and
      ``<field>_start`` / ``<field>_end``, ``datetime64[s]`` of its first and
      last possible day (``NaT`` where it has no date or that end is open);
    - money: exact `decimal.Decimal` objects (never floats);
    - a list field (``countries``, ``participants``, ``aliases``, ``sources``,
      ``roles``): a Python list per row, of codes, ids, or texts such as
      ``"src-mfa-2019#8"`` and ``"Minister (BY)"``. For joins, take the long
      form, a row per item: ``frame.explode("countries")``.

    An unknown type name is a `ValueError` naming the valid ones; records of
    several types, or a ``what`` of the wrong type, a `TypeError` or
    `ValueError`; a missing pandas an `ImportError` naming the extra.
    """
    cls, records = records_of(what, data)
    pd = require("pandas", "pandas")
    table = {column.name: _series(pd, column, records) for column in columns(cls, days=True)}
    frame: pandas.DataFrame = pd.DataFrame(table, index=pd.RangeIndex(len(records)))
    return frame


def _series(pd: Any, column: Column, rows: Sequence[object]) -> Any:
    return column.kind.series(pd, column, [column.flat(row) for row in rows], pd.RangeIndex(len(rows)))
