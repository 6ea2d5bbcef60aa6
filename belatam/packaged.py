"""The query helpers on the data shipped in the wheel.

Nothing is read at import: the first call loads, validates and indexes the
packaged data once, under a lock, and every helper then asks that `Dataset`.
Each helper has the signature and meaning of the `Dataset` method it calls.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from belatam.model import (
    Agreement,
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
    Person,
    Source,
    Statement,
    Topic,
    TradeFigures,
)
from belatam.queries import Dataset

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
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
]

_lock = threading.Lock()
_packaged: Dataset | None = None


def dataset() -> Dataset:
    """The packaged data set, loaded and indexed on first use."""
    global _packaged
    if _packaged is None:
        with _lock:
            if _packaged is None:
                from belatam.loader import load_packaged

                _packaged = load_packaged()
    return _packaged


def load(path: str | Path) -> Dataset:
    """A `Dataset` read from a folder of data files shaped like the packaged ones."""
    from belatam.loader import load as load_folder

    return load_folder(path)


def countries(*, relations: bool | None = None, subregion: str | None = None) -> tuple[Country, ...]:
    """The 33 states of the region, sorted by name. See `Dataset.countries`."""
    return dataset().countries(relations=relations, subregion=subregion)


def country(key: str | Country) -> Country:
    """One state by code, name or alias. See `Dataset.country`."""
    return dataset().country(key)


def partners(*, strategic: bool | None = None) -> tuple[Country, ...]:
    """The states the source calls partners. See `Dataset.partners`."""
    return dataset().partners(strategic=strategic)


def partnerships(*, country: str | Country | None = None, strategic: bool | None = None) -> tuple[Partnership, ...]:
    """The partnership records. See `Dataset.partnerships`."""
    return dataset().partnerships(country=country, strategic=strategic)


def missions(
    *,
    sending: str | Country | None = None,
    receiving: str | Country | None = None,
    kind: MissionKind | str | None = None,
) -> tuple[Mission, ...]:
    """Diplomatic missions in both directions. See `Dataset.missions`."""
    return dataset().missions(sending=sending, receiving=receiving, kind=kind)


def agreements(*, country: str | Country | None = None, year: int | None = None) -> tuple[Agreement, ...]:
    """Signed agreements in date order. See `Dataset.agreements`."""
    return dataset().agreements(country=country, year=year)


def agreement(id: str) -> Agreement:
    """One agreement by id."""
    return dataset().agreement(id)


def events(
    *,
    country: str | Country | None = None,
    year: int | None = None,
    kind: EventKind | str | None = None,
    person: str | Person | None = None,
) -> tuple[Event, ...]:
    """Events in date order. See `Dataset.events`."""
    return dataset().events(country=country, year=year, kind=kind, person=person)


def event(id: str) -> Event:
    """One event by id."""
    return dataset().event(id)


def people(*, country: str | Country | None = None) -> tuple[Person, ...]:
    """The people the source names. See `Dataset.people`."""
    return dataset().people(country=country)


def person(key: str) -> Person:
    """One person by id, name or alias."""
    return dataset().person(key)


def organizations(
    *, kind: OrganizationKind | str | None = None, country: str | Country | None = None
) -> tuple[Organization, ...]:
    """Organisations sorted by name. See `Dataset.organizations`."""
    return dataset().organizations(kind=kind, country=country)


def organization(key: str) -> Organization:
    """One organisation by id or name."""
    return dataset().organization(key)


def memberships(
    *,
    organization: str | Organization | None = None,
    member: str | Country | Organization | None = None,
    role: MembershipRole | str | None = None,
) -> tuple[Membership, ...]:
    """Memberships and observer statuses. See `Dataset.memberships`."""
    return dataset().memberships(organization=organization, member=member, role=role)


def statements(*, country: str | Country | None = None, topic: Topic | str | None = None) -> tuple[Statement, ...]:
    """The source's aims and assessments in our words. See `Dataset.statements`."""
    return dataset().statements(country=country, topic=topic)


def trade(year: int) -> TradeFigures:
    """Trade figures for one year. See `Dataset.trade`."""
    return dataset().trade(year)


def sources() -> tuple[Source, ...]:
    """The source documents."""
    return dataset().sources()


def source(id: str) -> Source:
    """One source document by id."""
    return dataset().source(id)
