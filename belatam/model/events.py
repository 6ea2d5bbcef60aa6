"""Dated events: visits, meetings, consultations, signings, foundings."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import DateLike, PartialDate
from belatam.errors import InvalidValueError
from belatam.model.countries import HOME
from belatam.model.record import (
    Record,
    SourceRef,
    Vocabulary,
    citations,
    count,
    id_info,
    identifier,
    nonempty,
    note_info,
    sources_info,
    without,
)
from belatam.model.schema import info, strings

__all__ = ["RECORD", "Event", "EventKind", "VisitKind"]


class EventKind(Vocabulary):
    """What happened at a dated event."""

    VISIT = "visit"
    MEETING = "meeting"
    CONSULTATIONS = "consultations"
    COMMISSION_MEETING = "commission_meeting"
    FORUM = "forum"
    SIGNING = "signing"
    CREDENTIALS = "credentials"
    """A head of mission presents credentials (or their copies) to the host state."""
    ESTABLISHMENT = "establishment"
    CONSTRUCTION = "construction"
    ACCESSION = "accession"
    OBSERVER_STATUS = "observer_status"
    RECOGNITION = "recognition"


class VisitKind(Vocabulary):
    """The protocol status of a visit, where the source gives it."""

    OFFICIAL = "official"
    WORKING = "working"


def _bounds(instance: Event, attribute: object, value: PartialDate | None) -> None:
    low, high, date = instance.not_before, instance.not_after, instance.date
    if low is not None and high is not None and high.bounds()[1] < low.bounds()[0]:
        raise InvalidValueError(f"not_after ({high}) lies before not_before ({low})", field="not_after")
    if date is not None:
        first, last = date.bounds()
        if low is not None and first < low.bounds()[0]:
            raise InvalidValueError(f"the date {date} begins before not_before ({low})", field="date")
        if high is not None and last > high.bounds()[1]:
            raise InvalidValueError(f"the date {date} ends after not_after ({high})", field="date")


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Event(Record):
    """Something that happened: a visit, consultations, a signing, a founding.

    ``date`` keeps the source's precision; it is None where the source gives
    no date, with ``not_before`` / ``not_after`` bounding it where known.
    ``during`` names the occasions (visits, commission sessions,
    consultations) an event took place in.
    """

    TYPES: ClassVar[tuple[str, ...]] = ("schema:Event",)

    id: str = attrs.field(validator=identifier("evt"), metadata=id_info("the event"))
    kind: EventKind = attrs.field(
        metadata=info("Visit, meeting, consultations, signing, founding, ...", filter="kind", table=True)
    )
    date: DateLike | None = attrs.field(
        metadata=info("A date or a period at the precision given; None if no date is given.", when=True, table=True)
    )
    summary: str = attrs.field(
        validator=nonempty,
        metadata=info(
            "One line on what happened, in the project's own words.", table=True, long=True, term="schema:description"
        ),
    )
    not_before: PartialDate | None = attrs.field(
        default=None, repr=False, metadata=info("Earliest possible date of an undated event, where known.", bound="low")
    )
    not_after: PartialDate | None = attrs.field(
        default=None,
        repr=False,
        validator=_bounds,
        metadata=info("Latest possible date of an undated event, where known.", bound="high"),
    )
    place: str | None = attrs.field(default=None, validator=nonempty, metadata=info("Where it took place, as named."))
    countries: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        validator=without(HOME, "it lists the region's states an event concerns, and Belarus is not one"),
        metadata=info(
            "Alpha-2 codes of the region's states concerned (Belarus not listed).",
            refers="countries",
            filter="country",
            table=True,
        ),
    )
    participants: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        metadata=info("Ids of the people who took part.", refers="people", filter="person"),
    )
    organizations: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        repr=False,
        metadata=info("Ids of organisations involved.", refers="organizations"),
    )
    agreements: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        repr=False,
        metadata=info("Ids of agreements signed or concerned.", refers="agreements"),
    )
    during: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        repr=False,
        metadata=info(
            "Ids of the visits, commission sessions or consultations this event took place during.", refers="events"
        ),
    )
    visit: VisitKind | None = attrs.field(
        default=None, repr=False, metadata=info("Official or working, for visits where the status is given.")
    )
    round: int | None = attrs.field(
        default=None,
        repr=False,
        validator=count,
        metadata=info("Ordinal of a recurring meeting (third round, ...), where given."),
    )
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())


RECORD = Event
