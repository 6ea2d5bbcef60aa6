"""Diplomatic missions: embassies and honorary consulates, in both directions."""

from __future__ import annotations

import attrs

from belatam.dates import PartialDate, Period
from belatam.errors import InvalidValueError
from belatam.model.record import (
    Lasting,
    SourceRef,
    Vocabulary,
    citations,
    id_info,
    identifier,
    nonempty,
    not_before_info,
    note_info,
    seen_info,
    sources_info,
)
from belatam.model.schema import derived, info

__all__ = ["RECORD", "Mission", "MissionKind"]


class MissionKind(Vocabulary):
    """What sort of diplomatic presence a mission is."""

    EMBASSY = "embassy"
    CONSULATE_GENERAL = "consulate_general"
    HONORARY_CONSULATE = "honorary_consulate"


def _abroad(instance: Mission, attribute: object, value: str) -> None:
    if value == instance.sending:
        raise InvalidValueError(f"a mission cannot be sent to its own state ({value})", field="receiving")


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Mission(Lasting):
    """A diplomatic mission of one state in another."""

    id: str = attrs.field(validator=identifier("mis"), metadata=id_info("the mission"))
    kind: MissionKind = attrs.field(
        metadata=info("Embassy, consulate general or honorary consulate.", filter="kind", table=True)
    )
    sending: str = attrs.field(
        metadata=info(
            "Alpha-2 code of the state the mission represents.",
            refers="countries",
            filter="sending",
            table=True,
            within=True,
        )
    )
    receiving: str = attrs.field(
        validator=_abroad,
        metadata=info(
            "Alpha-2 code of the state it is in.", refers="countries", filter="receiving", table=True, within=True
        ),
    )
    opened: PartialDate | None = attrs.field(
        default=None, metadata=info("When it opened, where a source gives it.", table=True, valid="start")
    )
    not_before: PartialDate | None = attrs.field(default=None, repr=False, metadata=not_before_info())
    seen: PartialDate | Period | None = attrs.field(default=None, repr=False, metadata=seen_info())
    closed: PartialDate | None = attrs.field(
        default=None, metadata=info("When it closed, where a source gives it.", valid="end")
    )
    closed_by: PartialDate | None = attrs.field(
        default=None,
        repr=False,
        metadata=info(
            "A day by which it had closed, where a source shows it gone without saying when.", valid="ended_by"
        ),
    )
    city: str | None = attrs.field(
        default=None, validator=nonempty, metadata=info("The city it is in, where a source names it.")
    )
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())

    @property
    @derived("Whether it is an honorary consulate rather than a mission of career diplomats.", filter="honorary")
    def honorary(self) -> bool:
        """Whether it is an honorary consulate (most counts of diplomatic missions leave these out)."""
        return self.kind is MissionKind.HONORARY_CONSULATE


RECORD = Mission
