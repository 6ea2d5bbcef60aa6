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

import importlib

DATA_VERSION = "2026-11-28"
"""When the packaged data last changed (beside ``__version__``, as tzdata's IANA_VERSION).

The data describes the situation at the primary source's date, between June 2018
and 9 December 2019; see ``belatam.source("src-mfa-2019").date``.
"""

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would double the import time
if TYPE_CHECKING:
    from typing import Any

    from belatam.arrowdata import to_arrow as to_arrow
    from belatam.arrowdata import write_parquet as write_parquet
    from belatam.dates import PartialDate as PartialDate
    from belatam.dates import Period as Period
    from belatam.errors import (
        BelatamError as BelatamError,
    )
    from belatam.errors import (
        DataError as DataError,
    )
    from belatam.errors import (
        InvalidTypeError as InvalidTypeError,
    )
    from belatam.errors import (
        InvalidValueError as InvalidValueError,
    )
    from belatam.errors import (
        UnknownKeyError as UnknownKeyError,
    )
    from belatam.exporting import export as export
    from belatam.frames import to_frame as to_frame
    from belatam.model import (
        Agreement as Agreement,
    )
    from belatam.model import (
        AgreementKind as AgreementKind,
    )
    from belatam.model import (
        Country as Country,
    )
    from belatam.model import (
        Event as Event,
    )
    from belatam.model import (
        EventKind as EventKind,
    )
    from belatam.model import (
        Membership as Membership,
    )
    from belatam.model import (
        MembershipRole as MembershipRole,
    )
    from belatam.model import (
        Mission as Mission,
    )
    from belatam.model import (
        MissionKind as MissionKind,
    )
    from belatam.model import (
        Organization as Organization,
    )
    from belatam.model import (
        OrganizationKind as OrganizationKind,
    )
    from belatam.model import (
        Partnership as Partnership,
    )
    from belatam.model import (
        PartnershipKind as PartnershipKind,
    )
    from belatam.model import (
        Person as Person,
    )
    from belatam.model import (
        Role as Role,
    )
    from belatam.model import (
        Source as Source,
    )
    from belatam.model import (
        SourceRef as SourceRef,
    )
    from belatam.model import (
        Statement as Statement,
    )
    from belatam.model import (
        Topic as Topic,
    )
    from belatam.model import (
        TradeFigures as TradeFigures,
    )
    from belatam.model import (
        VisitKind as VisitKind,
    )
    from belatam.packaged import (
        agreement as agreement,
    )
    from belatam.packaged import (
        agreements as agreements,
    )
    from belatam.packaged import (
        countries as countries,
    )
    from belatam.packaged import (
        country as country,
    )
    from belatam.packaged import (
        dataset as dataset,
    )
    from belatam.packaged import (
        event as event,
    )
    from belatam.packaged import (
        events as events,
    )
    from belatam.packaged import (
        load as load,
    )
    from belatam.packaged import (
        memberships as memberships,
    )
    from belatam.packaged import (
        missions as missions,
    )
    from belatam.packaged import (
        organization as organization,
    )
    from belatam.packaged import (
        organizations as organizations,
    )
    from belatam.packaged import (
        partners as partners,
    )
    from belatam.packaged import (
        partnerships as partnerships,
    )
    from belatam.packaged import (
        people as people,
    )
    from belatam.packaged import (
        person as person,
    )
    from belatam.packaged import (
        source as source,
    )
    from belatam.packaged import (
        sources as sources,
    )
    from belatam.packaged import (
        statements as statements,
    )
    from belatam.packaged import (
        trade as trade,
    )
    from belatam.provenance import VerificationReport as VerificationReport
    from belatam.provenance import verify_source as verify_source
    from belatam.queries import HOME as HOME
    from belatam.queries import Dataset as Dataset

__all__ = [
    "DATA_VERSION",
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
    "export",
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
    "to_arrow",
    "to_frame",
    "trade",
    "verify_source",
    "write_parquet",
]

_EXPORTS: dict[str, tuple[str, ...]] = {
    "belatam.queries": (
        "HOME",
        "Dataset",
    ),
    "belatam.dates": (
        "PartialDate",
        "Period",
    ),
    "belatam.errors": (
        "BelatamError",
        "DataError",
        "InvalidTypeError",
        "InvalidValueError",
        "UnknownKeyError",
    ),
    "belatam.model": (
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
        "Role",
        "Source",
        "SourceRef",
        "Statement",
        "Topic",
        "TradeFigures",
        "VisitKind",
    ),
    "belatam.packaged": (
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
    ),
    "belatam.provenance": (
        "VerificationReport",
        "verify_source",
    ),
    "belatam.frames": ("to_frame",),
    "belatam.arrowdata": (
        "to_arrow",
        "write_parquet",
    ),
    "belatam.exporting": ("export",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import each public name on first use, so ``import belatam`` costs almost nothing.

    ``__version__`` comes from the installed metadata, as attrs serves it.
    """
    if name == "__version__":
        from importlib.metadata import version

        return version("belatam")
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'belatam' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})
