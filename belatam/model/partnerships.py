"""The states the source calls partners of Belarus, and how."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import PartialDate, Period
from belatam.model.record import (
    Lasting,
    SourceRef,
    Vocabulary,
    citations,
    count,
    id_info,
    identifier,
    nonempty,
    not_before_info,
    seen_info,
    sources_info,
)
from belatam.model.schema import derived, info

__all__ = ["RECORD", "Partnership", "PartnershipKind"]


class PartnershipKind(Vocabulary):
    """How the source describes a partner state."""

    STRATEGIC = "strategic"
    MAJOR_TRADING = "major_trading"


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Partnership(Lasting):
    """A state that the source calls a partner of Belarus, and how.

    ``treaties`` and ``legal_instruments`` count the signed documents where the
    source gives only their number.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("country", "id")
    """By the partner state, in the countries' order (by name)."""

    id: str = attrs.field(validator=identifier("ptn"), metadata=id_info("the partnership"))
    country: str = attrs.field(
        metadata=info("Alpha-2 code of the partner state.", refers="countries", filter="country", table=True)
    )
    kind: PartnershipKind = attrs.field(metadata=info("Strategic partner or major trading partner.", table=True))
    description: str = attrs.field(
        repr=False,
        validator=nonempty,
        metadata=info("A short description in the project's own words.", long=True, term="schema:description"),
    )
    treaties: int | None = attrs.field(
        default=None, validator=count, metadata=info("Number of treaties, where only the number is given.")
    )
    legal_instruments: int | None = attrs.field(
        default=None,
        validator=count,
        metadata=info("Number of further legal instruments, where only the number is given."),
    )
    since: PartialDate | None = attrs.field(
        default=None, repr=False, metadata=info("When the partnership began, where a source says.", valid="start")
    )
    not_before: PartialDate | None = attrs.field(default=None, repr=False, metadata=not_before_info())
    seen: PartialDate | Period | None = attrs.field(default=None, repr=False, metadata=seen_info())
    until: PartialDate | None = attrs.field(
        default=None, repr=False, metadata=info("When it ended, where a source says.", valid="end")
    )
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())

    @property
    @derived("Whether the source calls it a strategic partnership.", filter="strategic")
    def strategic(self) -> bool:
        """Whether the source calls it a strategic partnership."""
        return self.kind is PartnershipKind.STRATEGIC


RECORD = Partnership
