"""Concurrent accreditations: a head of mission resident in one state and accredited to another as well."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from belatam.dates import PartialDate, Period
from belatam.errors import InvalidValueError
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
    note_info,
    seen_info,
    sources_info,
)
from belatam.model.schema import info

__all__ = ["RECORD", "Accreditation"]


def _through_its_mission(record: Accreditation, find: Callable[[str, str], Any]) -> tuple[str, str] | None:
    """An accreditation runs through a career mission of the state it represents, in another state."""
    mission = find("missions", record.mission)
    if mission is None:
        return None
    if mission.sending != record.sending:
        return "sending", f"is {record.sending}, but mission {record.mission} is sent by {mission.sending}"
    if mission.receiving == record.receiving:
        return "receiving", f"is {record.receiving}, the host of mission {record.mission}: not a further state"
    if mission.honorary:
        return "mission", f"{record.mission} is an honorary consulate; only a career mission's head is accredited"
    return None


def _abroad(instance: Accreditation, attribute: object, value: str) -> None:
    if value == instance.sending:
        raise InvalidValueError(f"a state is not accredited to itself ({value})", field="receiving")


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Accreditation(Lasting):
    """A head of mission resident in one state and accredited to another as well.

    ``mission`` is the resident mission whose head is accredited (an embassy
    in another state); ``receiving`` the state the head is accredited to
    besides. ``head`` names the person where a source does.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("receiving", "id")
    """By the state accredited to, in the countries' order (by name)."""
    RULES: ClassVar[tuple[Callable[..., Any], ...]] = (_through_its_mission,)
    """What must hold between an accreditation and its mission (checked by ``belatam.read.timeline``)."""

    id: str = attrs.field(validator=identifier("acc"), metadata=id_info("the accreditation"))
    sending: str = attrs.field(
        metadata=info(
            "Alpha-2 code of the state the head represents.",
            refers="countries",
            filter="sending",
            table=True,
            within=True,
        )
    )
    receiving: str = attrs.field(
        validator=_abroad,
        metadata=info(
            "Alpha-2 code of the state the head is accredited to besides.",
            refers="countries",
            filter="receiving",
            table=True,
            within=True,
        ),
    )
    mission: str = attrs.field(
        metadata=info(
            "Id of the resident mission whose head is accredited.", refers="missions", table=True, within=True
        )
    )
    head: str | None = attrs.field(
        default=None,
        metadata=info(
            "Id of the head of mission, where a source names them.", refers="people", filter="head", table=True
        ),
    )
    began: PartialDate | None = attrs.field(
        default=None, metadata=info("When the accreditation began, where a source says.", valid="start", table=True)
    )
    not_before: PartialDate | None = attrs.field(default=None, repr=False, metadata=not_before_info())
    seen: PartialDate | Period | None = attrs.field(default=None, repr=False, metadata=seen_info())
    ended: PartialDate | None = attrs.field(default=None, metadata=ended_info())
    ended_by: PartialDate | None = attrs.field(default=None, repr=False, metadata=ended_by_info("day"))
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())


RECORD = Accreditation
