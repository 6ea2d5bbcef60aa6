"""A validated, indexed data set (`Dataset`) and the queries on it.

`Dataset` holds every record in deterministic order with the indexes the
queries need. It is built once (by the loader, or directly from records) and
never changes. Every query returns a tuple; filters are keyword-only and
combine with AND.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from belatam.arguments import check_bool, check_enum, check_key, check_year, fold
from belatam.checks import FILES, SUBREGIONS, validate
from belatam.dates import LAST, DateLike, Day
from belatam.errors import InvalidTypeError, InvalidValueError, UnknownKeyError
from belatam.index import OPEN, Index, Results, years_of
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

__all__ = ["HOME", "Dataset"]

HOME = "BY"
"""The alpha-2 code of Belarus, the state every relation here is with."""


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Rec = TypeVar("Rec", bound=_Identified)
_UNDATED = (True, LAST, LAST)


def date_key(date: DateLike | None) -> tuple[bool, Day, Day]:
    """Sort key of a date: the start of its interval, then its end; undated last."""
    if date is None:
        return _UNDATED
    return (False, *date.bounds())


def _matches_year(date: DateLike | None, year: int) -> bool:
    return date is not None and date.overlaps_year(year)


class Dataset:
    """Every record of one data set, validated and indexed.

    Build one from records (each argument a sequence of one record type), or
    get one from `belatam.load` or `belatam.dataset`.
    """

    __slots__ = (
        "_agreement_index",
        "_agreements",
        "_countries",
        "_country_exact",
        "_country_keys",
        "_event_index",
        "_events",
        "_ids",
        "_membership_index",
        "_memberships",
        "_mission_index",
        "_missions",
        "_org_keys",
        "_organization_index",
        "_organizations",
        "_partnerships",
        "_people",
        "_people_index",
        "_person_keys",
        "_region",
        "_sources",
        "_statement_index",
        "_statements",
        "_trade",
    )

    def __init__(
        self,
        *,
        sources: Sequence[Source] = (),
        countries: Sequence[Country] = (),
        missions: Sequence[Mission] = (),
        partnerships: Sequence[Partnership] = (),
        people: Sequence[Person] = (),
        organizations: Sequence[Organization] = (),
        memberships: Sequence[Membership] = (),
        agreements: Sequence[Agreement] = (),
        events: Sequence[Event] = (),
        statements: Sequence[Statement] = (),
        trade: Sequence[TradeFigures] = (),
    ) -> None:
        given: dict[str, Sequence[object]] = {
            "sources": sources,
            "countries": countries,
            "missions": missions,
            "partnerships": partnerships,
            "people": people,
            "organizations": organizations,
            "memberships": memberships,
            "agreements": agreements,
            "events": events,
            "statements": statements,
            "trade": trade,
        }
        for name, records in given.items():
            for index, record in enumerate(records):
                if not isinstance(record, FILES[name]):
                    raise InvalidTypeError(
                        f"{name}[{index}] must be a {FILES[name].__name__}, not {type(record).__name__}: {record!r}"
                    )
        validate(given)
        self._sources = Results(sorted(sources, key=lambda s: s.id))
        self._countries = Results(sorted(countries, key=lambda c: (fold(c.name), c.code)))
        self._region = Results(c for c in self._countries if c.code != HOME)
        self._missions = Results(sorted(missions, key=lambda m: m.id))
        names = {c.code: fold(c.name) for c in countries}
        self._partnerships = Results(sorted(partnerships, key=lambda p: (names.get(p.country, p.country), p.id)))
        self._people = Results(sorted(people, key=lambda p: (fold(p.name), p.id)))
        self._organizations = Results(sorted(organizations, key=lambda o: (fold(o.name), o.id)))
        self._memberships = Results(sorted(memberships, key=lambda m: (m.organization, m.role.value, m.member, m.id)))
        keys: dict[DateLike | None, tuple[bool, Day, Day]] = {}

        def cached_key(date: DateLike | None) -> tuple[bool, Day, Day]:
            found = keys.get(date)
            if found is None:
                found = keys[date] = date_key(date)
            return found

        self._agreements = Results(sorted(agreements, key=lambda a: (cached_key(a.signed), a.id)))
        self._events = Results(sorted(events, key=lambda e: (cached_key(e.date), e.id)))
        self._statements = Results(sorted(statements, key=lambda s: (_first_paragraph(s), s.id)))
        self._trade = {t.year: t for t in trade}
        self._event_index = Index(
            self._events,
            {
                "country": lambda e: e.countries,
                "year": lambda e: years_of(e.date),
                "kind": lambda e: (e.kind,),
                "person": lambda e: e.participants,
                "country_year": lambda e: [(c, y) for c in e.countries for y in years_of(e.date)],
            },
        )
        self._mission_index = Index(
            self._missions,
            {"sending": lambda m: (m.sending,), "receiving": lambda m: (m.receiving,), "kind": lambda m: (m.kind,)},
        )
        self._agreement_index = Index(
            self._agreements, {"country": lambda a: a.parties, "year": lambda a: years_of(a.signed)}
        )
        self._organization_index = Index(
            self._organizations, {"kind": lambda o: (o.kind,), "country": lambda o: (o.country,)}
        )
        self._membership_index = Index(
            self._memberships,
            {
                "organization": lambda m: (m.organization,),
                "member": lambda m: (m.member,),
                "role": lambda m: (m.role,),
            },
        )
        self._statement_index = Index(
            self._statements, {"country": lambda s: s.countries, "topic": lambda s: (s.topic,)}
        )
        self._people_index = Index(self._people, {"country": lambda p: {r.country for r in p.roles}})
        self._country_keys = _country_index(self._countries)
        self._country_exact = {k: c for c in self._countries for k in (c.code, c.alpha3, c.numeric, c.name)}
        self._person_keys = _name_index(self._people, lambda p: (p.name, *p.aliases))
        self._org_keys = _name_index(self._organizations, lambda o: (o.name,))
        self._ids: dict[str, object] = {
            str(getattr(r, "id", None)): r
            for name, records in self.records().items()
            if name not in ("countries", "trade")
            for r in records
        }

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={count}" for name, count in self.counts().items())
        return f"<belatam.Dataset {counts}>"

    def counts(self) -> dict[str, int]:
        """How many records of each type, by data-file name."""
        return {name: len(records) for name, records in self.records().items()}

    def records(self) -> dict[str, tuple[object, ...]]:
        """Every record, by data-file name (Belarus included among countries)."""
        return {
            "sources": self._sources,
            "countries": self._countries,
            "missions": self._missions,
            "partnerships": self._partnerships,
            "people": self._people,
            "organizations": self._organizations,
            "memberships": self._memberships,
            "agreements": self._agreements,
            "events": self._events,
            "statements": self._statements,
            "trade": tuple(self._trade[year] for year in sorted(self._trade)),
        }

    # -- resolving arguments -------------------------------------------------

    def _country_code(self, parameter: str, value: object) -> str:
        if isinstance(value, Country):
            return value.code
        return self._country(parameter, value).code

    def _country(self, parameter: str, value: object) -> Country:
        if isinstance(value, Country):
            return value
        if type(value) is str:
            hit = self._country_exact.get(value)
            if hit is not None:
                return hit
        key = check_key(parameter, value, "an ISO code (numeric as a string, '032'), a name or a Country")
        found = self._country_keys.get(fold(key))
        if found is None:
            names = [c.name for c in self._countries]
            close = _close(key, names, n=3, cutoff=0.6)
            hint = (
                f"did you mean {', '.join(map(repr, close))}?"
                if close
                else "give an ISO 3166-1 code or an English name"
            )
            raise UnknownKeyError(parameter, value, hint=hint)
        return found

    def _person_id(self, parameter: str, value: object) -> str:
        if isinstance(value, Person):
            return value.id
        if not isinstance(value, str):
            check_key(parameter, value, "a person id, a name or a Person")
        return self._person(parameter, str(value)).id

    def _organization_id(self, parameter: str, value: object) -> str:
        if isinstance(value, Organization):
            return value.id
        if not isinstance(value, str):
            check_key(parameter, value, "an organization id, a name or an Organization")
        return self._organization(parameter, str(value)).id

    # -- look-ups by key -----------------------------------------------------

    def country(self, key: str | Country) -> Country:
        """One state by ISO alpha-2, alpha-3 or numeric code, English name or alias.

        Matching ignores case, accents and punctuation; Belarus (``"BY"``) is found too.
        """
        return self._country("key", key)

    def person(self, key: str) -> Person:
        """One person by id (``"per-makei"``), name or alias."""
        return self._person("key", key)

    def _person(self, parameter: str, key: str) -> Person:
        given = key
        key = check_key(parameter, key, "a person id or name")
        found = self._person_keys.get(key) or self._person_keys.get(fold(key))
        if found is None:
            raise UnknownKeyError(parameter, given, [p.id for p in self._people])
        return found

    def organization(self, key: str) -> Organization:
        """One organisation by id (``"org-acs"``) or name."""
        return self._organization("key", key)

    def _organization(self, parameter: str, key: str) -> Organization:
        given = key
        key = check_key(parameter, key, "an organization id or name")
        found = self._org_keys.get(key) or self._org_keys.get(fold(key))
        if found is None:
            close = _close(key, [o.id for o in self._organizations], n=3, cutoff=0.6)
            hint = f"did you mean {', '.join(map(repr, close))}?" if close else "see organizations() for the ids"
            raise UnknownKeyError(parameter, given, hint=hint)
        return found

    def event(self, id: str) -> Event:
        """One event by id."""
        return self._by_id("id", id, Event, self._events)

    def agreement(self, id: str) -> Agreement:
        """One agreement by id."""
        return self._by_id("id", id, Agreement, self._agreements)

    def source(self, id: str) -> Source:
        """One source document by id."""
        return self._by_id("id", id, Source, self._sources)

    def _by_id(self, parameter: str, id: object, cls: type[Rec], pool: Sequence[Rec]) -> Rec:
        key = check_key(parameter, id, f"the id of {cls.__name__.lower()} record")
        found = self._ids.get(key)
        if not isinstance(found, cls):
            close = _close(key, [r.id for r in pool], n=3, cutoff=0.6)
            hint = f"did you mean {', '.join(map(repr, close))}?" if close else f"{len(pool)} {cls.__name__} ids exist"
            raise UnknownKeyError(parameter, id, hint=hint)
        return found

    # -- queries -------------------------------------------------------------

    def countries(self, *, relations: bool | None = None, subregion: str | None = None) -> tuple[Country, ...]:
        """The 33 states of the region, sorted by name (Belarus is not listed).

        ``relations=True`` keeps those with diplomatic relations at the source's
        date; ``subregion`` is ``"Caribbean"``, ``"Central America"`` or ``"South America"``.
        """
        result = self._region
        if relations is not None:
            wanted = check_bool("relations", relations)
            result = Results(c for c in result if c.relations is wanted)
        if subregion is not None:
            key = check_key("subregion", subregion, "a sub-region name")
            match = next((s for s in SUBREGIONS if fold(s) == fold(key)), None)
            if match is None:
                raise InvalidValueError(f"subregion={subregion!r} is not a sub-region; valid: {', '.join(SUBREGIONS)}")
            result = Results(c for c in result if c.subregion == match)
        return result

    def partnerships(
        self, *, country: str | Country | None = None, strategic: bool | None = None
    ) -> tuple[Partnership, ...]:
        """The partnerships the source describes, sorted by country name."""
        result = self._partnerships
        if country is not None:
            code = self._country_code("country", country)
            result = Results(p for p in result if p.country == code)
        if strategic is not None:
            wanted = check_bool("strategic", strategic)
            result = Results(p for p in result if p.strategic is wanted)
        return result

    def partners(self, *, strategic: bool | None = None) -> tuple[Country, ...]:
        """The states the source calls partners of Belarus, sorted by name.

        ``strategic=True`` gives only the strategic partners, ``False`` the others.
        """
        codes = {p.country for p in self.partnerships(strategic=strategic)}
        return Results(c for c in self._countries if c.code in codes)

    def missions(
        self,
        *,
        sending: str | Country | None = None,
        receiving: str | Country | None = None,
        kind: MissionKind | str | None = None,
    ) -> tuple[Mission, ...]:
        """Diplomatic missions in both directions, sorted by id."""
        index, filters = self._mission_index, []
        if sending is not None:
            code = self._country_code("sending", sending)
            filters.append((index.bucket("sending", code), lambda m: m.sending == code))
        if receiving is not None:
            to = self._country_code("receiving", receiving)
            filters.append((index.bucket("receiving", to), lambda m: m.receiving == to))
        if kind is not None:
            wanted = check_enum("kind", kind, MissionKind)
            filters.append((index.bucket("kind", wanted), lambda m: m.kind is wanted))
        return index.select(filters)

    def agreements(self, *, country: str | Country | None = None, year: int | None = None) -> tuple[Agreement, ...]:
        """Signed agreements in date order; ``country`` is any party but Belarus too."""
        index, filters = self._agreement_index, []
        if country is not None:
            code = self._country_code("country", country)
            filters.append((index.bucket("country", code), lambda a: code in a.parties))
        if year is not None:
            wanted = check_year("year", year)

            def signed_in(a: Agreement) -> bool:
                return _matches_year(a.signed, wanted)

            filters.append((index.year("year", wanted, signed_in), signed_in))
        return index.select(filters)

    def events(
        self,
        *,
        country: str | Country | None = None,
        year: int | None = None,
        kind: EventKind | str | None = None,
        person: str | Person | None = None,
    ) -> tuple[Event, ...]:
        """Events in date order (start, then end, then id; undated last).

        ``year`` keeps events whose date lies in that year or whose period
        overlaps it; ``person`` takes an id, a name or a `Person`.
        """
        index, filters = self._event_index, []
        if country is not None:
            code = self._country_code("country", country)
            filters.append((index.bucket("country", code), lambda e: code in e.countries))
        if year is not None:
            wanted = check_year("year", year)

            def in_year(e: Event) -> bool:
                return _matches_year(e.date, wanted)

            if country is None:
                filters.append((index.year("year", wanted, in_year), in_year))
            else:  # one bucket for the pair, so the cost follows the answer
                pair = index.year("country_year", (code, wanted), in_year, (code, OPEN))
                filters = [(pair, lambda e: code in e.countries and in_year(e))]
        if kind is not None:
            kind_ = check_enum("kind", kind, EventKind)
            filters.append((index.bucket("kind", kind_), lambda e: e.kind is kind_))
        if person is not None:
            pid = self._person_id("person", person)
            filters.append((index.bucket("person", pid), lambda e: pid in e.participants))
        return index.select(filters)

    def people(self, *, country: str | Country | None = None) -> tuple[Person, ...]:
        """The people the source names, sorted by name; ``country`` they serve."""
        if country is None:
            return self._people
        return self._people_index.bucket("country", self._country_code("country", country))

    def organizations(
        self, *, kind: OrganizationKind | str | None = None, country: str | Country | None = None
    ) -> tuple[Organization, ...]:
        """Organisations sorted by name; ``country`` is where they are or work."""
        index, filters = self._organization_index, []
        if kind is not None:
            wanted = check_enum("kind", kind, OrganizationKind)
            filters.append((index.bucket("kind", wanted), lambda o: o.kind is wanted))
        if country is not None:
            code = self._country_code("country", country)
            filters.append((index.bucket("country", code), lambda o: o.country == code))
        return index.select(filters)

    def memberships(
        self,
        *,
        organization: str | Organization | None = None,
        member: str | Country | Organization | None = None,
        role: MembershipRole | str | None = None,
    ) -> tuple[Membership, ...]:
        """Memberships and observer statuses, sorted by organisation, role, member."""
        index, filters = self._membership_index, []
        if organization is not None:
            oid = self._organization_id("organization", organization)
            filters.append((index.bucket("organization", oid), lambda m: m.organization == oid))
        if member is not None:
            key = self._member_key(member)
            filters.append((index.bucket("member", key), lambda m: m.member == key))
        if role is not None:
            wanted = check_enum("role", role, MembershipRole)
            filters.append((index.bucket("role", wanted), lambda m: m.role is wanted))
        return index.select(filters)

    def _member_key(self, member: object) -> str:
        if isinstance(member, Organization):
            return member.id
        if isinstance(member, Country):
            return member.code
        key = check_key("member", member, "a country code or name, an organization id or a record")
        if fold(key) in self._country_keys:
            return self._country_keys[fold(key)].code
        if key in self._org_keys or fold(key) in self._org_keys:
            return self._organization("member", key).id
        raise UnknownKeyError("member", member, hint="give a country code or name, or an organization id")

    def statements(
        self, *, country: str | Country | None = None, topic: Topic | str | None = None
    ) -> tuple[Statement, ...]:
        """The source's aims and assessments in our words, in source order."""
        index, filters = self._statement_index, []
        if country is not None:
            code = self._country_code("country", country)
            filters.append((index.bucket("country", code), lambda s: code in s.countries))
        if topic is not None:
            wanted = check_enum("topic", topic, Topic)
            filters.append((index.bucket("topic", wanted), lambda s: s.topic is wanted))
        return index.select(filters)

    def trade(self, year: int) -> TradeFigures:
        """Belarus's trade with the region in ``year``; a `LookupError` if not given."""
        wanted = check_year("year", year)
        found = self._trade.get(wanted)
        if found is None:
            raise UnknownKeyError("year", year, sorted(self._trade), hint=_years_hint(self._trade))
        return found

    def sources(self) -> tuple[Source, ...]:
        """The source documents, sorted by id."""
        return self._sources


def _years_hint(trade: Mapping[int, TradeFigures]) -> str:
    if not trade:
        return "the data holds no trade figures"
    return "figures exist for " + ", ".join(str(y) for y in sorted(trade))


def _first_paragraph(statement: Statement) -> int:
    return min((r.paragraph for r in statement.sources if r.paragraph is not None), default=1_000_000)


def _country_index(countries: Iterable[Country]) -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in countries:
        for key in (country.code, country.alpha3, country.numeric, country.name, *country.aliases):
            index.setdefault(fold(key), country)
    return index


def _name_index(records: Iterable[Rec], names: Callable[[Rec], Iterable[str]]) -> dict[str, Rec]:
    index: dict[str, Rec] = {}
    for record in records:
        index[record.id] = record
        for name in names(record):
            index.setdefault(fold(name), record)
    return index


def _close(word: str, candidates: Iterable[str], n: int, cutoff: float) -> list[str]:
    """The closest candidates (difflib is imported only when an error needs it)."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)
