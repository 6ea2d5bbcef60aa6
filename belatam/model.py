"""The record classes and the closed vocabularies they use.

Every record is a frozen, slotted attrs class with keyword-only fields, so it is
hashable, cannot change under a user's feet and has every attribute present
(optional facts are ``None`` or an empty tuple, never missing). Every record but
`Source` carries ``sources``: the paragraphs that state it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeAlias

import attrs

from belatam.dates import DateLike, PartialDate

__all__ = [
    "Agreement",
    "AgreementKind",
    "Country",
    "Event",
    "EventKind",
    "Membership",
    "MembershipRole",
    "Mission",
    "MissionKind",
    "Organization",
    "OrganizationKind",
    "Partnership",
    "PartnershipKind",
    "Person",
    "Record",
    "Role",
    "Source",
    "SourceRef",
    "Statement",
    "Topic",
    "TradeFigures",
    "VisitKind",
]


class _Record:
    """Notebook display shared by every record class (no state of its own)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """A field/value table for Jupyter."""
        from belatam.display import record_html

        return record_html(self)


class _Vocabulary(enum.Enum):
    """An enum whose values are the lowercase member names."""

    def __str__(self) -> str:
        return str(self.value)


class MissionKind(_Vocabulary):
    """What sort of diplomatic presence a mission is."""

    EMBASSY = "embassy"
    HONORARY_CONSULATE = "honorary_consulate"


class PartnershipKind(_Vocabulary):
    """How the source describes a partner state."""

    STRATEGIC = "strategic"
    MAJOR_TRADING = "major_trading"


class EventKind(_Vocabulary):
    """What happened at a dated event."""

    VISIT = "visit"
    MEETING = "meeting"
    CONSULTATIONS = "consultations"
    COMMISSION_MEETING = "commission_meeting"
    FORUM = "forum"
    SIGNING = "signing"
    ESTABLISHMENT = "establishment"
    CONSTRUCTION = "construction"
    ACCESSION = "accession"


class VisitKind(_Vocabulary):
    """The protocol status of a visit, where the source gives it."""

    OFFICIAL = "official"
    WORKING = "working"


class OrganizationKind(_Vocabulary):
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


class MembershipRole(_Vocabulary):
    """The standing of a member in an organisation."""

    MEMBER = "member"
    ASSOCIATE_MEMBER = "associate_member"
    OBSERVER = "observer"


class AgreementKind(_Vocabulary):
    """The legal form of a signed document."""

    INTERGOVERNMENTAL_AGREEMENT = "intergovernmental_agreement"
    ROAD_MAP = "road_map"
    JOINT_COMMUNIQUE = "joint_communique"


class Topic(_Vocabulary):
    """What a statement of the source is about."""

    POLICY = "policy"
    RELATIONS = "relations"
    DIPLOMACY = "diplomacy"
    TRADE = "trade"
    COOPERATION = "cooperation"
    INTEGRATION = "integration"
    LEGAL_FRAMEWORK = "legal_framework"
    FURTHER_READING = "further_reading"


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple field of strings; a lone string is refused, not split into letters."""
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of strings, not a single string: {values!r}")
    return tuple(values)


def _refs(values: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    return tuple(values)


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class SourceRef(_Record):
    """A pointer to where a fact is stated: a `Source` id and a paragraph.

    Paragraphs are the blank-line-separated blocks of the document, counted
    from 1 (the title). ``paragraph`` is None for a source cited as a whole.
    """

    source: str
    paragraph: int | None = None

    def __str__(self) -> str:
        return self.source if self.paragraph is None else f"{self.source} ¶{self.paragraph}"


@attrs.frozen(kw_only=True)
class Source(_Record):
    """A document the data is taken from."""

    id: str
    title: str
    publisher: str
    url: str | None = None
    date: DateLike | None = None
    language: str = "en"
    sha256: str | None = attrs.field(default=None, repr=False)
    note: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class Country(_Record):
    """A state: one of the 33 of Latin America and the Caribbean, or Belarus."""

    code: str
    alpha3: str
    numeric: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    subregion: str | None = None
    relations: bool | None = None
    relations_established: PartialDate | None = None
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Mission(_Record):
    """A diplomatic mission of one state in another."""

    id: str
    kind: MissionKind
    sending: str
    receiving: str
    opened: PartialDate | None = None
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Partnership(_Record):
    """A state that the source calls a partner of Belarus, and how.

    ``treaties`` and ``legal_instruments`` count the signed documents where the
    source gives only their number.
    """

    id: str
    country: str
    kind: PartnershipKind
    description: str = attrs.field(repr=False)
    treaties: int | None = None
    legal_instruments: int | None = None
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)

    @property
    def strategic(self) -> bool:
        """Whether the source calls it a strategic partnership."""
        return self.kind is PartnershipKind.STRATEGIC


@attrs.frozen(kw_only=True)
class Agreement(_Record):
    """A signed bilateral document. ``parties`` are alpha-2 codes, Belarus included."""

    id: str
    title: str
    kind: AgreementKind
    parties: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    signed: PartialDate | None = None
    description: str = attrs.field(default="", repr=False)
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Role(_Record):
    """A post a person holds, as the source names it."""

    title: str
    country: str
    organization: str | None = None


@attrs.frozen(kw_only=True)
class Person(_Record):
    """Someone the source names, with the posts it gives them."""

    id: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_roles)
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Organization(_Record):
    """An enterprise, office, venture, facility, project or public body.

    ``country`` is where it is or works (None for a multinational body);
    ``parent`` the organisation it belongs to, where the source names one.
    ``members`` and ``associate_members`` are counts the source gives without
    naming the members.
    """

    id: str
    name: str
    kind: OrganizationKind
    country: str | None = None
    parent: str | None = None
    legal_form: str | None = None
    place: str | None = None
    established: PartialDate | None = None
    members: int | None = None
    associate_members: int | None = None
    description: str = attrs.field(default="", repr=False)
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Membership(_Record):
    """The standing of a state (alpha-2 code) or body (id) in an organisation."""

    id: str
    member: str
    organization: str
    role: MembershipRole
    since: PartialDate | None = None
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Event(_Record):
    """Something that happened: a visit, consultations, a signing, a founding.

    ``date`` keeps the source's precision; it is None where the source gives
    no date, with ``not_before`` / ``not_after`` bounding it where known.
    ``during`` names the visits an event took place in.
    """

    id: str
    kind: EventKind
    date: DateLike | None
    summary: str
    not_before: PartialDate | None = attrs.field(default=None, repr=False)
    not_after: PartialDate | None = attrs.field(default=None, repr=False)
    place: str | None = None
    countries: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    participants: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    organizations: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)
    agreements: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)
    during: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)
    visit: VisitKind | None = attrs.field(default=None, repr=False)
    round: int | None = attrs.field(default=None, repr=False)
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class Statement(_Record):
    """A policy aim or assessment of the source, paraphrased in our words."""

    id: str
    topic: Topic
    text: str
    countries: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)


@attrs.frozen(kw_only=True)
class TradeFigures(_Record):
    """Belarus's trade in goods with the region in one year, in whole units.

    The amounts are exactly as the source states them (so they may not add up
    to the last unit); ``balance`` is derived.
    """

    year: int
    currency: str
    turnover: Decimal
    exports: Decimal
    imports: Decimal
    main_exports: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=_refs, repr=False)

    @property
    def balance(self) -> Decimal:
        """Exports less imports."""
        return self.exports - self.imports


Record: TypeAlias = (
    Agreement
    | Country
    | Event
    | Membership
    | Mission
    | Organization
    | Partnership
    | Person
    | Source
    | Statement
    | TradeFigures
)
"""Any record the data holds."""
