"""Imprecise dates: a day, a month or a year, and spans between them.

A source says "in March 2018" or "since January 2016", never a timestamp, so a
date here keeps exactly the precision it was given. Each value is an interval of
days; comparisons and ``year=`` filters work on that interval, never as if
"2018" meant 1 January 2018. ``str()`` gives the EDTF form (ISO 8601-2).

    >>> d = PartialDate(2018, 2)
    >>> str(d), d.first_day(), d.last_day()
    ('2018-02', datetime.date(2018, 2, 1), datetime.date(2018, 2, 28))
    >>> PartialDate.parse("2018").contains(d)
    True
    >>> str(Period(PartialDate(2016, 1), None))
    '2016-01/..'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias

import attrs

from belatam.errors import InvalidTypeError, InvalidValueError, quote

if TYPE_CHECKING:
    import datetime

__all__ = ["DateLike", "PartialDate", "Period", "day_of", "iso", "next_day", "parse_date", "previous_day"]

Day: TypeAlias = "tuple[int, int, int]"
"""A day as (year, month, day): ordered like dates, without importing datetime."""

FIRST: Day = (1, 1, 1)
LAST: Day = (9999, 12, 31)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """28 to 31, by the Gregorian calendar."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def iso(day: Day) -> str:
    """A day as ISO text: ``(2018, 12, 1)`` is ``"2018-12-01"``."""
    return f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"


def previous_day(day: Day) -> Day:
    """The day before ``day``, by the Gregorian calendar (1-01-01 has none: it stays)."""
    year, month, date = day
    if date > 1:
        return (year, month, date - 1)
    if month > 1:
        return (year, month - 1, days_in_month(year, month - 1))
    return (year - 1, 12, 31) if year > 1 else day


def next_day(day: Day) -> Day:
    """The day after ``day``, by the Gregorian calendar (9999-12-31 has none: it stays)."""
    year, month, date = day
    if date < days_in_month(year, month):
        return (year, month, date + 1)
    if month < 12:
        return (year, month + 1, 1)
    return (year + 1, 1, 1) if year < 9999 else day


def is_date(value: object) -> bool:
    """Whether ``value`` is a `datetime.date` (a `datetime.datetime` too), found without importing datetime.

    The class is recognised by its name and module along its MRO, not through
    ``sys.modules``: a thread that is still importing datetime cannot make it fail.
    """
    return any(cls.__name__ == "date" and cls.__module__ == "datetime" for cls in type(value).__mro__)


def day_of(parameter: str, value: object) -> Day:
    """One day, as (year, month, day): a `datetime.date`, an ISO day (``"2022-01-01"``) or a day-precise `PartialDate`.

    A year or a month is not a day and is refused (a `ValueError`), as is any
    other type (a `TypeError`); the messages name ``parameter``.
    """
    if is_date(value):
        return (value.year, value.month, value.day)  # type: ignore[attr-defined]
    if isinstance(value, str):
        try:
            date = PartialDate.parse(value.strip())
        except InvalidValueError:
            raise InvalidValueError(
                f"{parameter}={quote(value)} is not a day; give an ISO day such as '2022-01-01'"
            ) from None
    elif isinstance(value, PartialDate):
        date = value
    else:
        raise InvalidTypeError(
            f"{parameter} must be a day: a datetime.date, an ISO date such as '2022-01-01' or a PartialDate, "
            f"not {type(value).__name__}: {quote(value)}"
        )
    if date.day is None:
        raise InvalidValueError(
            f"{parameter}={quote(value)} is a {date.precision}, not a day; give a day such as '{date.year}-01-01'"
        )
    return date.bounds()[0]


def _date(day: Day) -> datetime.date:
    import datetime

    return datetime.date(*day)


_EDTF = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _check_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise InvalidTypeError(f"year must be an int, not {type(value).__name__}: {quote(value)}")
    if not 1 <= value <= 9999:
        raise InvalidValueError(f"year must lie in 1..9999, got {value!r}")


def _check_month(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise InvalidTypeError(f"month must be an int or None, not {type(value).__name__}: {quote(value)}")
    if not 1 <= value <= 12:
        raise InvalidValueError(f"month must lie in 1..12, got {value!r}")


def _check_day(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise InvalidTypeError(f"day must be an int or None, not {type(value).__name__}: {quote(value)}")
    if instance.month is None:
        raise InvalidValueError(f"day {value!r} needs a month")
    last = days_in_month(instance.year, instance.month)
    if not 1 <= value <= last:
        raise InvalidValueError(f"day must lie in 1..{last} for {instance.year}-{instance.month:02d}, got {value!r}")


class _Interval:
    """What a `PartialDate` and a `Period` share: each stands for an interval of days, given by ``bounds()``.

    The first and last day, containment and overlap follow from those bounds
    alike for a date and a span.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        """What attrs writes (``PartialDate(year=2018, month=11, day=None)``), written once for both classes."""
        shown = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(type(self)))  # type: ignore[arg-type]
        return f"{type(self).__name__}({shown})"

    def bounds(self) -> tuple[Day, Day]:
        """The first and the last day of the interval, as (year, month, day)."""
        raise NotImplementedError

    def first_day(self) -> datetime.date:
        """The earliest day it can be (a span open at its start: ``date.min``)."""
        return _date(self.bounds()[0])

    def last_day(self) -> datetime.date:
        """The latest day it can be (a span open at its end: ``date.max``)."""
        return _date(self.bounds()[1])

    def contains(self, other: PartialDate) -> bool:
        """Whether ``other`` lies wholly inside this interval."""
        (start, end), (first, last) = self.bounds(), other.bounds()
        return start <= first and last <= end

    def overlaps_year(self, year: int) -> bool:
        """Whether it may fall in ``year``: whether its interval shares at least one day with that year."""
        start, end = self.bounds()
        return start <= (year, 12, 31) and (year, 1, 1) <= end

    def overlaps(self, first: Day, last: Day) -> bool:
        """Whether its interval shares a day with ``first`` .. ``last``."""
        start, end = self.bounds()
        return start <= last and first <= end


@attrs.frozen(repr=False)  # the repr is _Interval's
class PartialDate(_Interval):
    """A calendar date known to the year, the month or the day.

    It stands for the interval of days it covers; ``<`` orders by that interval
    (start, then end), so ``2018-01-01 < 2018-01 < 2018 < 2018-02``.
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read an EDTF date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if not isinstance(text, str):
            raise InvalidTypeError(f"a date must be an EDTF string, not {type(text).__name__}: {quote(text)}")
        match = _EDTF.fullmatch(text)
        if match is None:
            raise InvalidValueError(f"not an EDTF date (YYYY, YYYY-MM or YYYY-MM-DD): {quote(text)}")
        year, month, day = (int(g) if g is not None else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def bounds(self) -> tuple[Day, Day]:
        """The first and the last day this date can be, as (year, month, day)."""
        if self.day is not None:
            day = (self.year, self.month or 1, self.day)
            return (day, day)
        if self.month is not None:
            return ((self.year, self.month, 1), (self.year, self.month, days_in_month(self.year, self.month)))
        return ((self.year, 1, 1), (self.year, 12, 31))

    def _key(self) -> tuple[Day, Day]:
        return self.bounds()

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


def _check_end(instance: Period, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None) -> None:
    for name in ("start", "end"):
        end = getattr(instance, name)
        if end is not None and not isinstance(end, PartialDate):
            raise InvalidTypeError(f"a period's {name} must be a PartialDate or None, not {type(end).__name__}")
    if instance.start is None and instance.end is None:
        raise InvalidValueError("a period needs a start or an end")
    if (
        instance.start is not None
        and instance.end is not None
        and instance.end.bounds()[1] < instance.start.bounds()[0]
    ):
        raise InvalidValueError(f"a period cannot end ({instance.end}) before it starts ({instance.start})")


@attrs.frozen(repr=False)  # the repr is _Interval's
class Period(_Interval):
    """A span of time; either end may be open (``None``), as in "since 2016"."""

    start: PartialDate | None
    end: PartialDate | None = attrs.field(default=None, validator=_check_end)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read an EDTF interval such as ``2018-02/2018-11`` or ``2016-01/..``."""
        if not isinstance(text, str):
            raise InvalidTypeError(f"a period must be an EDTF string, not {type(text).__name__}: {quote(text)}")
        start, slash, end = text.partition("/")
        if not slash:
            raise InvalidValueError(f"not an EDTF interval (START/END, '..' for open): {quote(text)}")
        return cls(
            None if start in ("", "..") else PartialDate.parse(start),
            None if end in ("", "..") else PartialDate.parse(end),
        )

    def __str__(self) -> str:
        return f"{self.start or '..'}/{self.end or '..'}"

    def bounds(self) -> tuple[Day, Day]:
        """The first and the last day of the span; open ends are 1-01-01 and 9999-12-31."""
        return (self.start.bounds()[0] if self.start else FIRST, self.end.bounds()[1] if self.end else LAST)


DateLike: TypeAlias = PartialDate | Period

UNDATED: tuple[bool, Day, Day] = (True, LAST, LAST)


def parse_date(text: str) -> DateLike:
    """Read either form: an interval if it has a ``/``, else a single date."""
    if isinstance(text, str) and "/" in text:
        return Period.parse(text)
    return PartialDate.parse(text)


def date_key(date: DateLike | None) -> tuple[bool, Day, Day]:
    """Sort key of a date: the start of its interval, then its end; undated last.

    Days, months, years and periods all compare by it, so a list of mixed
    precision sorts as a reader expects:

    >>> dates = [PartialDate(2018), None, PartialDate(2018, 2), Period(PartialDate(2017), None)]
    >>> [str(d) for d in sorted(dates, key=date_key)]
    ['2017/..', '2018', '2018-02', 'None']
    """
    if date is None:
        return UNDATED
    return (False, *date.bounds())
