"""The standing of a state or a body in an organisation: member, associate member, observer."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import PartialDate, Period
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
from belatam.model.schema import info

__all__ = ["RECORD", "Membership", "MembershipRole"]


class MembershipRole(Vocabulary):
    """The standing of a member in an organisation."""

    MEMBER = "member"
    ASSOCIATE_MEMBER = "associate_member"
    OBSERVER = "observer"


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Membership(Lasting):
    """The standing of a state (alpha-2 code) or body (id) in an organisation."""

    ORDER: ClassVar[tuple[str, ...]] = ("organization", "role", "member", "id")
    """By organisation (in the organisations' order), role and member."""

    id: str = attrs.field(validator=identifier("mem"), metadata=id_info("the membership"))
    member: str = attrs.field(
        metadata=info(
            "Alpha-2 code of the member state, or an organisation id.",
            refers=("countries", "organizations"),
            filter="member",
            table=True,
        )
    )
    organization: str = attrs.field(
        metadata=info("Id of the organisation.", refers="organizations", filter="organization", table=True, within=True)
    )
    role: MembershipRole = attrs.field(
        metadata=info("Member, associate member or observer.", filter="role", table=True)
    )
    since: PartialDate | None = attrs.field(
        default=None, metadata=info("When the standing began, where known.", table=True, valid="start")
    )
    not_before: PartialDate | None = attrs.field(default=None, repr=False, metadata=not_before_info())
    seen: PartialDate | Period | None = attrs.field(default=None, repr=False, metadata=seen_info())
    until: PartialDate | None = attrs.field(
        default=None, metadata=info("When the standing ended, where known.", valid="end")
    )
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())


RECORD = Membership
