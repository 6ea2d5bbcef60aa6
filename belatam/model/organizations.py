"""Enterprises, offices, ventures, facilities, projects and public bodies."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import PartialDate
from belatam.errors import InvalidValueError, quote
from belatam.model.names import Name, Named, names_of
from belatam.model.record import (
    Record,
    SourceRef,
    Vocabulary,
    citations,
    count,
    id_info,
    identifier,
    nonempty,
    qid,
    sources_info,
    wikidata,
)
from belatam.model.schema import derived, info, strings

__all__ = ["RECORD", "Organization", "OrganizationKind"]


class OrganizationKind(Vocabulary):
    """What sort of body an organisation is."""

    ENTERPRISE = "enterprise"
    BRANCH = "branch"
    REPRESENTATIVE_OFFICE = "representative_office"
    JOINT_VENTURE = "joint_venture"
    TRADING_HOUSE = "trading_house"
    PLANT = "plant"
    PROJECT = "project"
    COMMISSION = "commission"
    REGIONAL_BLOC = "regional_bloc"
    MINISTRY = "ministry"
    BANK = "bank"
    PARLIAMENT = "parliament"
    CHAMBER_OF_COMMERCE = "chamber_of_commerce"


def _multinational(instance: Organization, attribute: object, value: str | None) -> None:
    if value is not None and instance.kind is OrganizationKind.REGIONAL_BLOC:
        raise InvalidValueError(
            f"a regional bloc is multinational: its country is None, not {quote(value)}", field="country"
        )


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Organization(Named, Record):
    """An enterprise, office, venture, facility, project or public body.

    ``country`` is where it is or works (None for a multinational or
    bilateral body, whose states are its ``parties``);
    ``parent`` the organisation it belongs to, where the source names one.
    ``members`` and ``associate_members`` are counts the source gives without
    naming the members.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("name", "id")
    TYPES: ClassVar[tuple[str, ...]] = ("schema:Organization",)

    id: str = attrs.field(validator=identifier("org"), metadata=id_info("the organisation", lookup=True))
    name: str = attrs.field(
        validator=nonempty, metadata=info("Name as used in the data.", lookup=True, table=True, term="schema:name")
    )
    kind: OrganizationKind = attrs.field(
        metadata=info("Enterprise, branch, office, venture, plant, project, bloc, ...", filter="kind", table=True)
    )
    country: str | None = attrs.field(
        default=None,
        validator=_multinational,
        metadata=info(
            "Alpha-2 code of where it is or works; None for a multinational body.",
            refers="countries",
            table=True,
        ),
    )
    parties: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        metadata=info(
            "Alpha-2 codes of the states a bilateral body joins (a joint commission), Belarus included.",
            refers="countries",
        ),
    )
    parent: str | None = attrs.field(
        default=None,
        metadata=info(
            "Id of the organisation it belongs to, where known.",
            refers="organizations",
            term="schema:parentOrganization",
        ),
    )
    legal_form: str | None = attrs.field(
        default=None, validator=nonempty, metadata=info("Legal form (OJSC, LLC, ...), where given.")
    )
    place: str | None = attrs.field(default=None, validator=nonempty, metadata=info("Town or region, where given."))
    established: PartialDate | None = attrs.field(
        default=None, metadata=info("When it was founded or built, where given.", table=True, valid="start")
    )
    members: int | None = attrs.field(
        default=None, validator=count, metadata=info("Number of full members, where given without their names.")
    )
    associate_members: int | None = attrs.field(
        default=None,
        validator=count,
        metadata=info("Number of associate members, where given without their names."),
    )
    description: str = attrs.field(
        default="",
        repr=False,
        metadata=info("A short description in the project's own words.", long=True, term="schema:description"),
    )
    names: tuple[Name, ...] = attrs.field(
        default=(),
        converter=names_of,
        repr=False,
        metadata=info("Names in other languages and scripts, where a cited source gives them.", lookup=True),
    )
    wikidata: str | None = attrs.field(default=None, validator=qid, metadata=wikidata("the organisation"))
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())

    @property
    @derived(
        "Alpha-2 codes of the states it is in or joins: its country, or a bilateral body's parties.",
        filter="country",
        refers="countries",
    )
    def states(self) -> tuple[str, ...]:
        """Its country and the parties of a bilateral body: the states ``organizations(country=)`` finds it by."""
        return tuple(dict.fromkeys(c for c in (self.country, *self.parties) if c is not None))


RECORD = Organization
