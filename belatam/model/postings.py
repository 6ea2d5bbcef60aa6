"""Heads of mission: who headed an embassy or a consulate, from when to when."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import PartialDate, Period
from belatam.model.record import (
    Lasting,
    SourceRef,
    citations,
    ended_by_info,
    ended_info,
    id_info,
    identifier,
    nonempty,
    not_before_info,
    seen_info,
    sources_info,
)
from belatam.model.schema import info

__all__ = ["RECORD", "Posting"]


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Posting(Lasting):
    """A person at the head of a mission: an ambassador, a chargé d'affaires, a consul.

    ``began`` is the appointment or the presentation of credentials, as the
    source gives it (``note`` says which), ``ended`` the recall or
    dismissal. A head accredited to further states from the same post shows
    as `belatam.Accreditation` records naming the person. A mission has one
    head a day, and a person heads one mission a day.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("mission", "began", "id")
    """By mission (in the missions' order), then by when the posting began."""
    EXCLUSIVE: ClassVar[tuple[tuple[str, ...], ...]] = (("mission",), ("person",))

    id: str = attrs.field(validator=identifier("pst"), metadata=id_info("the posting"))
    person: str = attrs.field(
        metadata=info("Id of the head of mission.", refers="people", filter="person", table=True, within=True)
    )
    mission: str = attrs.field(
        metadata=info("Id of the mission headed.", refers="missions", filter="mission", table=True, within=True)
    )
    title: str = attrs.field(
        validator=nonempty,
        metadata=info("The post as the source names it (ambassador, chargé d'affaires, consul).", table=True),
    )
    began: PartialDate | None = attrs.field(
        default=None, metadata=info("When the posting began, where a source says.", valid="start", table=True)
    )
    not_before: PartialDate | None = attrs.field(default=None, repr=False, metadata=not_before_info())
    seen: PartialDate | Period | None = attrs.field(default=None, repr=False, metadata=seen_info())
    ended: PartialDate | None = attrs.field(default=None, metadata=ended_info())
    ended_by: PartialDate | None = attrs.field(default=None, repr=False, metadata=ended_by_info("date"))
    note: str | None = attrs.field(
        default=None,
        repr=False,
        validator=nonempty,
        metadata=info("What the dates are (appointment, credentials) and how they were read.", long=True),
    )
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())


RECORD = Posting
