"""When a relationship held: what its dates and bounds say of a day, in three answers.

A relationship (relations between two states, a mission, an accreditation, a
posting, a membership, a partnership, a role) holds over a half-open span of
days, ``[start, end)``, that the sources rarely give exactly. Its fields (the
schema's ``valid`` parts) bound the span instead:

- ``start``: when it began, at the precision given (``"2021-10"``: some day
  of October 2021); ``not_before``: a day before which it had not begun;
- ``seen``: when sources show it in force: a date, or the span from the
  first such date to the last; it had begun by the first and not ended
  before the last;
- ``end``: when it ended (not in force from that day on); ``ended_by``: a
  date by which a source shows it over, without saying when; what a source
  shows in force continues until then (as Wikidata reads a statement
  without an end);
- ``held``: whether it held on the reference date (a country's
  ``relations``), a sighting or its absence on that day.

From these a `Span` keeps four days: the earliest and the latest the start
can be, the earliest and the latest the end can be. On a day D a record is
**in force** (True) when it had surely begun and surely not ended, **not in
force** (False) when it had surely not begun or surely ended, and **not
known** (None) otherwise:

    >>> span = Span.of_dates(start=PartialDate(2021, 10), end=PartialDate(2023, 5, 2))
    >>> span.on((2021, 9, 30)), span.on((2021, 10, 15)), span.on((2022, 1, 1)), span.on((2023, 5, 2))
    (False, None, True, False)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from belatam.data import REFERENCE_DAY
from belatam.dates import Day, PartialDate, Period, iso, next_day, previous_day
from belatam.errors import InvalidValueError
from belatam.model.schema import describe

__all__ = ["Span", "span_of"]

Bound = tuple[Day, str]
"""A day and the field it comes from (for messages)."""


class Span:
    """The bounds of a relationship's span of days ``[start, end)``, each a (year, month, day) or None.

    - ``earliest_start``: it had not begun before this day (None: no lower bound);
    - ``latest_start``: it had begun by this day (None: not known to have begun);
    - ``earliest_end``: it had not ended before this day (None: no end known);
    - ``latest_end``: it had ended by this day (None: no end known).
    """

    __slots__ = ("earliest_end", "earliest_start", "latest_end", "latest_start")

    def __init__(
        self,
        earliest_start: Day | None = None,
        latest_start: Day | None = None,
        earliest_end: Day | None = None,
        latest_end: Day | None = None,
    ) -> None:
        self.earliest_start = earliest_start
        self.latest_start = latest_start
        self.earliest_end = earliest_end
        self.latest_end = latest_end

    @classmethod
    def of_dates(cls, *, start: PartialDate | None = None, end: PartialDate | None = None) -> Span:
        """The span of a start and an end given at some precision."""
        return cls(
            start.bounds()[0] if start else None,
            start.bounds()[1] if start else None,
            end.bounds()[0] if end else None,
            end.bounds()[1] if end else None,
        )

    def __repr__(self) -> str:
        def show(day: Day | None) -> str:
            return ".." if day is None else iso(day)

        return (
            f"Span(start {show(self.earliest_start)}~{show(self.latest_start)}, "
            f"end {show(self.earliest_end)}~{show(self.latest_end)})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[Day | None, ...]:
        return (self.earliest_start, self.latest_start, self.earliest_end, self.latest_end)

    def on(self, day: Day) -> bool | None:
        """In force on ``day`` (True), not in force (False), or not known (None)."""
        if (self.earliest_start is not None and day < self.earliest_start) or (
            self.latest_end is not None and day >= self.latest_end
        ):
            return False
        if (
            self.latest_start is not None
            and self.latest_start <= day
            and (self.earliest_end is None or day < self.earliest_end)
        ):
            return True
        return None

    def during(self, first: Day, last: Day) -> bool | None:
        """Over the days ``first`` .. ``last``: True if in force on at least one of them,
        False if in force on none, None if that is not known."""
        if self.latest_start is not None:
            day = max(first, self.latest_start)
            if day <= last and (self.earliest_end is None or day < self.earliest_end):
                return True
        day = first if self.earliest_start is None else max(first, self.earliest_start)
        if day <= last and (self.latest_end is None or day < self.latest_end):
            return None
        return False

    def turns(self) -> Iterator[Day]:
        """The days on which the answer may change (it is the same from one to the next)."""
        for day in self._key():
            if day is not None:
                yield day


def span_of(record: Any) -> Span:
    """The `Span` of a record, from the fields its schema marks with ``valid``.

    A record whose bounds contradict each other (an end before its start, a
    sighting after its end) is refused with an `InvalidValueError` naming the
    field; `belatam.model.record.Record` calls this when a record is built.
    """
    validity = describe(type(record)).validity
    start: list[Bound] = []  # lower bounds of the start
    began: list[Bound] = []  # upper bounds of the start
    going: list[Bound] = []  # lower bounds of the end
    gone: list[Bound] = []  # upper bounds of the end

    def value(part: str) -> Any:
        field = validity.get(part)
        found = None if field is None else getattr(record, field.name)
        if part == "held":
            return found if isinstance(found, bool) else None
        return found if isinstance(found, (PartialDate, Period)) else None  # a wrong type: the type checks say so

    def name(part: str) -> str:
        return validity[part].name

    date = value("start")
    if date is not None:
        first, last = date.bounds()
        start.append((first, name("start")))
        began.append((last, name("start")))
    date = value("not_before")
    if date is not None:
        start.append((date.bounds()[0], name("not_before")))
    seen = value("seen")
    if seen is not None:
        first_seen, last_seen = (seen.start, seen.end) if isinstance(seen, Period) else (seen, seen)
        if first_seen is not None:
            began.append((first_seen.bounds()[1], name("seen")))
        if last_seen is not None:
            going.append((next_day(last_seen.bounds()[0]), name("seen")))
    held = value("held")
    if held is True:
        began.append((REFERENCE_DAY, name("held")))
        going.append((next_day(REFERENCE_DAY), name("held")))
    elif held is False:
        start.append((next_day(REFERENCE_DAY), name("held")))
    ended = False
    for part in ("end", "ended_by"):
        date = value(part)
        if date is not None:
            first, last = date.bounds()
            if part == "end" or value("end") is None:  # an exact end says when; "over by" only bounds it
                going.append((first, name(part)))
            gone.append((last, name(part)))
            ended = True
    low = max(start, default=None)
    high = min(began, default=None)
    if low is not None and high is not None and low[0] > high[0]:
        raise InvalidValueError(
            f"its dates contradict each other: it began no earlier than {iso(low[0])} ({low[1]}) "
            f"but by {iso(high[0])} ({high[1]})",
            field=low[1],
        )
    end_low = max(going, default=None) if ended else None
    end_high = min(gone, default=None)
    if end_low is not None and end_high is not None and end_low[0] > end_high[0]:
        raise InvalidValueError(
            f"its dates contradict each other: it was still in force on {iso(previous_day(end_low[0]))} "
            f"({end_low[1]}) but over by {iso(end_high[0])} ({end_high[1]})",
            field=end_high[1],
        )
    if low is not None and end_high is not None and end_high[0] <= low[0]:
        raise InvalidValueError(
            f"it ends ({end_high[1]}: by {iso(end_high[0])}) before it begins "
            f"({low[1]}: no earlier than {iso(low[0])})",
            field=end_high[1],
        )
    return Span(
        None if low is None else low[0],
        None if high is None else high[0],
        None if end_low is None else end_low[0],
        None if end_high is None else end_high[0],
    )
