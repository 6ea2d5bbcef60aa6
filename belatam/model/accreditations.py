"""Concurrent accreditations: a head of mission resident in one state and accredited to another as well."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import PartialDate
from belatam.errors import InvalidValueError
from belatam.model.record import Record, SourceRef, citations, slug
from belatam.model.schema import info

__all__ = ["RECORD", "Accreditation"]


def _abroad(instance: Accreditation, attribute: object, value: str) -> None:
    if value == instance.sending:
        raise InvalidValueError(f"a state is not accredited to itself ({value})", field="receiving")


@attrs.frozen(kw_only=True)
class Accreditation(Record):
    """A head of mission resident in one state and accredited to another as well.

    ``mission`` is the resident mission whose head is accredited (an embassy
    in another state); ``receiving`` the state the head is accredited to
    besides. ``head`` names the person where a source does.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("receiving", "id")
    """By the state accredited to, in the countries' order (by name)."""

    id: str = attrs.field(validator=slug, metadata=info("Stable identifier of the accreditation.", identity=True))
    sending: str = attrs.field(
        metadata=info(
            "Alpha-2 code of the state the head represents.", refers="countries", filter="sending", table=True
        )
    )
    receiving: str = attrs.field(
        validator=_abroad,
        metadata=info(
            "Alpha-2 code of the state the head is accredited to besides.",
            refers="countries",
            filter="receiving",
            table=True,
        ),
    )
    mission: str = attrs.field(
        metadata=info("Id of the resident mission whose head is accredited.", refers="missions", table=True)
    )
    head: str | None = attrs.field(
        default=None,
        metadata=info("Id of the head of mission, where a source names them.", refers="people", table=True),
    )
    began: PartialDate | None = attrs.field(
        default=None, metadata=info("When the accreditation began, where a source says.", valid="start")
    )
    ended: PartialDate | None = attrs.field(
        default=None, metadata=info("When it ended, where a source says.", valid="end")
    )
    ended_by: PartialDate | None = attrs.field(
        default=None,
        repr=False,
        metadata=info("A day by which it had ended, where a source shows it but not when.", valid="ended_by"),
    )
    sources: tuple[SourceRef, ...] = attrs.field(
        default=(), converter=citations, repr=False, metadata=info("Where the record is stated.", long=True)
    )


RECORD = Accreditation
