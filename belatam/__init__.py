"""Belarus's relations with Latin America and the Caribbean, as typed, sourced data.

    >>> import belatam
    >>> [c.name for c in belatam.partners(strategic=True)]
    ['Cuba', 'Venezuela']
    >>> belatam.trade(2018).exports
    Decimal('853800000')

Every record cites the paragraph of its source; see `sources` and
`verify_source`.
"""

from __future__ import annotations

from typing import Any

from belatam.dataset import HOME, Dataset
from belatam.dates import PartialDate, Period
from belatam.errors import BelatamError, DataError, InvalidTypeError, InvalidValueError, UnknownKeyError
from belatam.model import (
    Agreement,
    AgreementKind,
    Country,
    Event,
    EventKind,
    Membership,
    MembershipRole,
    Mission,
    MissionKind,
    Organization,
    OrganizationKind,
    Partnership,
    PartnershipKind,
    Person,
    Role,
    Source,
    SourceRef,
    Statement,
    Topic,
    TradeFigures,
    VisitKind,
)
from belatam.packaged import (
    agreement,
    agreements,
    countries,
    country,
    dataset,
    event,
    events,
    load,
    memberships,
    missions,
    organization,
    organizations,
    partners,
    partnerships,
    people,
    person,
    source,
    sources,
    statements,
    trade,
)
from belatam.provenance import VerificationReport, verify_source

__all__ = [
    "HOME",
    "Agreement",
    "AgreementKind",
    "BelatamError",
    "Country",
    "DataError",
    "Dataset",
    "Event",
    "EventKind",
    "InvalidTypeError",
    "InvalidValueError",
    "Membership",
    "MembershipRole",
    "Mission",
    "MissionKind",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Partnership",
    "PartnershipKind",
    "Period",
    "Person",
    "Role",
    "Source",
    "SourceRef",
    "Statement",
    "Topic",
    "TradeFigures",
    "UnknownKeyError",
    "VerificationReport",
    "VisitKind",
    "agreement",
    "agreements",
    "countries",
    "country",
    "dataset",
    "event",
    "events",
    "load",
    "memberships",
    "missions",
    "organization",
    "organizations",
    "partners",
    "partnerships",
    "people",
    "person",
    "source",
    "sources",
    "statements",
    "trade",
    "verify_source",
]


def __getattr__(name: str) -> Any:
    """Serve ``__version__`` lazily from the installed metadata, as attrs does."""
    if name == "__version__":
        from importlib.metadata import version

        return version("belatam")
    raise AttributeError(f"module 'belatam' has no attribute {name!r}")
